/**
 * Cell colours of the two-way table heatmap and the text colour printed on each cell, chosen by
 * computing the WCAG contrast ratio against both candidates so every value stays readable (AA).
 */

/** Sequential blue scale, light (low values) to dark (high values); sRGB hex stops. */
export const HEATMAP_STOPS: readonly string[] = ['#f1f6fc', '#c6dbef', '#8fbfe0', '#4f93c9', '#2166ac', '#0b3a73'];
/** Pure black: with white as the other choice, every background then reaches at least 4.58:1. */
export const DARK_TEXT = '#000000';
export const LIGHT_TEXT = '#ffffff';
/** WCAG 2 AA for normal-size text. */
export const AA_CONTRAST = 4.5;

type Rgb = readonly [number, number, number];

export function parseHex(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1] ?? '0', 16), parseInt(match[2] ?? '0', 16), parseInt(match[3] ?? '0', 16)];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2 relative luminance of an sRGB colour. */
export function relativeLuminance(hex: string): number {
  const linear = parseHex(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * (linear[0] ?? 0) + 0.7152 * (linear[1] ?? 0) + 0.0722 * (linear[2] ?? 0);
}

export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Colour at position `t` (0…1, clamped) of the sequential scale, interpolated linearly in sRGB between stops. */
export function heatmapColour(t: number): string {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const scaled = clamped * (HEATMAP_STOPS.length - 1);
  const index = Math.min(HEATMAP_STOPS.length - 2, Math.floor(scaled));
  const fraction = scaled - index;
  const from = parseHex(HEATMAP_STOPS[index] ?? '#ffffff');
  const to = parseHex(HEATMAP_STOPS[index + 1] ?? '#ffffff');
  return toHex([from[0] + (to[0] - from[0]) * fraction, from[1] + (to[1] - from[1]) * fraction, from[2] + (to[2] - from[2]) * fraction]);
}

/** Whichever of dark and light text contrasts more with the background. */
export function readableTextColour(background: string): string {
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

export interface CellColours {
  background: string;
  text: string;
}

/** Background and text colour of a cell whose value lies in [min, max]. */
export function cellColours(value: number, min: number, max: number): CellColours {
  const t = max > min ? (value - min) / (max - min) : 0.5;
  const background = heatmapColour(t);
  return { background, text: readableTextColour(background) };
}
