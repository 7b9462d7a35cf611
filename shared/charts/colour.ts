/**
 * Colour arithmetic for drawings made from chart state, where there is no browser to resolve a
 * colour: writing a colour the way computed styles do, a sequential scale, and picking the text
 * colour that stays readable on a cell (WCAG 2 contrast).
 */

type Rgb = readonly [number, number, number];

function rgbOf(value: string): Rgb | null {
  const hex = value.trim().toLowerCase();
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(hex);
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(hex);
  const parts = long ? long.slice(1) : short ? short.slice(1).map((d) => d + d) : null;
  if (parts) return [parseInt(parts[0] ?? '0', 16), parseInt(parts[1] ?? '0', 16), parseInt(parts[2] ?? '0', 16)];
  const rgb = /^rgb\(\s*(\d+),\s*(\d+),\s*(\d+)\s*\)$/.exec(hex);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : null;
}

/** `#0a58a8` → `rgb(10, 88, 168)`, the form computed styles use; anything else is returned as is. */
export function hexToRgb(value: string): string {
  const hex = value.trim().toLowerCase();
  if (!hex.startsWith('#')) return value.trim();
  const rgb = rgbOf(hex);
  return rgb ? `rgb(${rgb.join(', ')})` : value.trim();
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** The colour at `t` (0…1, clamped) of a scale through `stops`, interpolated in sRGB; stops are `#rrggbb`. */
export function scaleColour(stops: readonly string[], t: number): string {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  if (stops.length < 2) return stops[0] ?? '#ffffff';
  const scaled = clamped * (stops.length - 1);
  const index = Math.min(stops.length - 2, Math.floor(scaled));
  const fraction = scaled - index;
  const from = rgbOf(stops[index] ?? '#ffffff') ?? [255, 255, 255];
  const to = rgbOf(stops[index + 1] ?? '#ffffff') ?? [255, 255, 255];
  return toHex([from[0] + (to[0] - from[0]) * fraction, from[1] + (to[1] - from[1]) * fraction, from[2] + (to[2] - from[2]) * fraction]);
}

/** WCAG 2 relative luminance of a `#rrggbb` or `rgb()` colour; unreadable colours count as white. */
function relativeLuminance(colour: string): number {
  const [r, g, b] = (rgbOf(colour) ?? [255, 255, 255]).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * (r ?? 1) + 0.7152 * (g ?? 1) + 0.0722 * (b ?? 1);
}

export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Whichever of the two text colours contrasts more with the background. */
export function readableOn(background: string, dark: string, light: string): string {
  return contrastRatio(background, dark) >= contrastRatio(background, light) ? dark : light;
}
