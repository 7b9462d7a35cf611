/**
 * Where title, subtitle, chart and source line go in an exported image, and how many pixels it has.
 *
 * Units are CSS pixels ("logical"). Scaled exports (1×, 2×, 3×) keep the width they are given
 * (the chart frame's width on screen, when there is a screen), so a 2× PNG of a 900 px wide frame
 * is 1800 px wide. Slide exports (1920×1080, 3840×2160) lay the same content out at 16:9 and let
 * the chart grow into the space, then scale the whole page to the pixel size, which gives
 * slide-sized type.
 *
 * Pure: text is measured by a function the caller passes in (the canvas in the app,
 * estimateTextWidth in Node and tests).
 */
import { wrapText } from './text-wrap';

export type ExportPreset = { kind: 'scale'; scale: 1 | 2 | 3 } | { kind: 'slide'; width: 1920 | 3840; height: 1080 | 2160 };

export const exportPresets = {
  x1: { kind: 'scale', scale: 1 },
  x2: { kind: 'scale', scale: 2 },
  x3: { kind: 'scale', scale: 3 },
  hd: { kind: 'slide', width: 1920, height: 1080 },
  uhd: { kind: 'slide', width: 3840, height: 2160 },
} as const satisfies Record<string, ExportPreset>;

export type ExportPresetId = keyof typeof exportPresets;

export interface TextStyle {
  size: number;
  weight: 400 | 700;
  lineHeight: number;
}

export const imageText = {
  title: { size: 20, weight: 700, lineHeight: 1.3 },
  subtitle: { size: 14, weight: 400, lineHeight: 1.4 },
  source: { size: 12, weight: 400, lineHeight: 1.4 },
} as const satisfies Record<string, TextStyle>;

/** Matches the chart frame's padding on screen, so a 1× image is as wide as the frame. */
export const imagePadding = 16;
const gapAfterTitle = 2;
const gapAroundChart = 12;

export interface TextLine {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
}

export interface ImageLayout {
  /** Logical size: the SVG's viewBox. */
  width: number;
  height: number;
  /** Size of the PNG. */
  pixelWidth: number;
  pixelHeight: number;
  title: TextLine[];
  subtitle: TextLine[];
  source: TextLine[];
  /** Where the chart goes; it is scaled to fit, keeping its aspect ratio. */
  chart: { x: number; y: number; width: number; height: number };
}

export interface ImageContent {
  title: string;
  subtitle: string;
  source: string;
  /** On-screen size of the chart itself. */
  chartWidth: number;
  chartHeight: number;
  /** On-screen width of the whole chart frame. */
  frameWidth: number;
}

/** Width of a text at a size and weight, in logical pixels. */
export type MeasureText = (text: string, style: TextStyle) => number;

/** Characters a CJK font draws a full em wide: CJK ideographs, kana, hangul, full-width forms and CJK punctuation. */
const fullWidth =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/**
 * An estimate of a text's width where no font can be measured (Node, the CLI, tests): 1 em for
 * a full-width (CJK) character and 0.55 em for anything else, about the average advance of Noto
 * Sans SC's Latin letters and digits. Bold is drawn about 5% wider.
 */
export const estimateTextWidth: MeasureText = (text, style) => {
  let ems = 0;
  for (const char of text) ems += fullWidth.test(char) ? 1 : 0.55;
  return ems * style.size * (style.weight === 700 ? 1.05 : 1);
};

interface TextBlock {
  lines: string[];
  style: TextStyle;
}

function blockHeight(block: TextBlock): number {
  return block.lines.length * block.style.size * block.style.lineHeight;
}

function placeLines(block: TextBlock, top: number): { lines: TextLine[]; bottom: number } {
  const lineBox = block.style.size * block.style.lineHeight;
  // The baseline sits about 0.8 em below the top of the em box for Noto Sans SC; half the leading goes above.
  const lines = block.lines.map((text, index) => ({
    text,
    x: imagePadding,
    y: top + index * lineBox + (lineBox - block.style.size) / 2 + block.style.size * 0.86,
  }));
  return { lines, bottom: top + blockHeight(block) };
}

export function layoutImage(content: ImageContent, preset: ExportPreset, measure: MeasureText): ImageLayout {
  const chartWidth = Math.max(1, content.chartWidth);
  const chartHeight = Math.max(1, content.chartHeight);
  const baseWidth = Math.max(Math.round(content.frameWidth), Math.ceil(chartWidth) + 2 * imagePadding);

  const blocksFor = (width: number) => {
    const textWidth = width - 2 * imagePadding;
    const wrap = (text: string, style: TextStyle): TextBlock => ({ lines: wrapText(text, textWidth, (t) => measure(t, style)), style });
    return {
      title: wrap(content.title, imageText.title),
      subtitle: wrap(content.subtitle, imageText.subtitle),
      source: wrap(content.source, imageText.source),
    };
  };
  const textHeight = (blocks: ReturnType<typeof blocksFor>) =>
    blockHeight(blocks.title) + (blocks.subtitle.lines.length > 0 ? gapAfterTitle + blockHeight(blocks.subtitle) : 0) + blockHeight(blocks.source);
  const chrome = 2 * imagePadding + 2 * gapAroundChart;

  let width = baseWidth;
  let blocks = blocksFor(width);
  let height: number;
  if (preset.kind === 'scale') {
    height = Math.ceil(textHeight(blocks) + chrome + chartHeight);
  } else {
    const aspect = preset.height / preset.width;
    // Widen the page until the chart fits at no less than its on-screen size.
    const needed = textHeight(blocks) + chrome + chartHeight;
    if (width * aspect < needed) {
      width = Math.ceil(needed / aspect);
      blocks = blocksFor(width);
    }
    height = width * aspect;
  }

  const title = placeLines(blocks.title, imagePadding);
  const subtitle = placeLines(blocks.subtitle, blocks.subtitle.lines.length > 0 ? title.bottom + gapAfterTitle : title.bottom);
  const chartTop = subtitle.bottom + gapAroundChart;
  const sourceTop = height - imagePadding - blockHeight(blocks.source);
  const source = placeLines(blocks.source, sourceTop);
  const chartArea = { x: imagePadding, y: chartTop, width: width - 2 * imagePadding, height: Math.max(1, sourceTop - gapAroundChart - chartTop) };
  // A scaled export shows the chart at its own size; a slide lets it grow into the free space.
  const chart = preset.kind === 'scale' ? { x: imagePadding, y: chartTop, width: chartWidth, height: chartHeight } : chartArea;

  const pixelWidth = preset.kind === 'scale' ? Math.round(width * preset.scale) : preset.width;
  const pixelHeight = preset.kind === 'scale' ? Math.round(height * preset.scale) : preset.height;
  return { width, height, pixelWidth, pixelHeight, title: title.lines, subtitle: subtitle.lines, source: source.lines, chart };
}
