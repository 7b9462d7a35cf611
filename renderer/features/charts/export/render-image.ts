/**
 * Turns a chart state into a finished image: shared/charts/chart-svg.ts draws it (title and
 * subtitle above the chart, the source line below, on a white page), this file measures its text
 * with the bundled font, embeds that font and, for PNG, draws the SVG onto a canvas, so both
 * formats look the same. Nothing is read from the chart on screen.
 */
import type { ChartState } from '../../../../shared/charts/chart-state';
import { chartImage, imageFontFamily, lightImagePalette, type ChartImage } from '../../../../shared/charts/chart-svg';
import { exportPresets, type ExportPreset, type ExportPresetId, type TextStyle } from '../../../../shared/charts/image-layout';
import { bundledFontsReady } from '../../../fonts/bundled-fonts';
import { embeddedFontCss } from './embed-fonts';

export { exportPresets, type ExportPreset, type ExportPresetId } from '../../../../shared/charts/image-layout';

let measureContext: CanvasRenderingContext2D | null = null;

/** Text width with the bundled font, on a canvas: what the image will show once the font is embedded. */
export function canvasTextMeasure(text: string, style: TextStyle): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * style.size;
  measureContext.font = `${style.weight} ${style.size}px ${imageFontFamily}`;
  return measureContext.measureText(text).width;
}

export interface RenderOptions {
  /**
   * Logical width: of the page at 1×, 2× and 3× (pass the chart frame's width on screen, which a
   * "screen size" image keeps), of the page a slide is laid out on. Default 960.
   */
  width?: number;
}

function presetOf(preset: ExportPreset | ExportPresetId): ExportPreset {
  return typeof preset === 'string' ? exportPresets[preset] : preset;
}

/** The image as SVG, the bundled font embedded. `pixelSize` writes the PNG's pixels as width and height. */
async function composeSvg(state: ChartState, preset: ExportPreset, options: RenderOptions, pixelSize: boolean): Promise<ChartImage> {
  // Text is measured and embedded with the bundled font, so it must be in before anything else.
  await bundledFontsReady();
  const base = { preset, pixelSize, palette: lightImagePalette, measure: canvasTextMeasure, ...(options.width !== undefined ? { width: options.width } : {}) };
  // The first drawing tells which characters the image shows, so only their font subsets are embedded.
  const draft = chartImage(state, base);
  const fontCss = await embeddedFontCss(draft.textByWeight);
  return fontCss ? chartImage(state, { ...base, fontCss }) : draft;
}

/** The image as the text of an .svg file (the viewBox and size are logical pixels). */
export async function renderChartSvg(state: ChartState, preset: ExportPreset | ExportPresetId = 'x1', options: RenderOptions = {}): Promise<string> {
  const image = await composeSvg(state, presetOf(preset), options, false);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${image.svg}`;
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart image could not be drawn.'));
    image.src = url;
  });
}

/** The image as a PNG blob of the preset's pixel size (for the clipboard, which takes a blob). */
export async function renderChartPngBlob(state: ChartState, preset: ExportPreset | ExportPresetId, options: RenderOptions = {}): Promise<Blob> {
  const image = await composeSvg(state, presetOf(preset), options, true);
  const url = URL.createObjectURL(new Blob([image.svg], { type: 'image/svg+xml' }));
  try {
    const picture = await loadImage(url);
    await picture.decode().catch(() => undefined);
    const canvas = document.createElement('canvas');
    canvas.width = image.pixelWidth;
    canvas.height = image.pixelHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas is available to draw the PNG.');
    context.fillStyle = lightImagePalette.page;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(picture, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The canvas could not be encoded as PNG.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The image as PNG bytes, e.g. for the workbook's Chart sheet: drawn from the state, never from the screen. */
export async function renderChartPng(state: ChartState, preset: ExportPreset | ExportPresetId, options: RenderOptions = {}): Promise<Uint8Array> {
  const blob = await renderChartPngBlob(state, preset, options);
  return new Uint8Array(await blob.arrayBuffer());
}
