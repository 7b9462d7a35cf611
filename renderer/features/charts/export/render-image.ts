/**
 * Turns a chart frame into a finished image: title and subtitle above the chart, the source
 * line below, on a white page, with the bundled font embedded. PNGs are the same SVG drawn onto
 * a canvas, so both formats look the same.
 */
import { captureChart, imageFontFamily, type CapturedChart } from './capture-chart';
import { bundledFontsReady } from '../../../fonts/bundled-fonts';
import { embeddedFontCss, type TextByWeight } from './embed-fonts';
import { layoutImage, type ExportPreset, type ImageLayout, type TextLine, type TextStyle, imageText } from './image-layout';

const svgNs = 'http://www.w3.org/2000/svg';
/** Slides and documents are white; see capture-chart.ts for why images ignore the app theme. */
const pageColour = '#ffffff';
const titleColour = '#1b1f24';
const mutedColour = '#4f5a66';

export interface ChartImageMeta {
  title: string;
  subtitle: string;
  source: string;
}

export class NoChartError extends Error {
  constructor() {
    super('The frame has no chart to export yet.');
    this.name = 'NoChartError';
  }
}

let measureContext: CanvasRenderingContext2D | null = null;

function measureText(text: string, style: TextStyle): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * style.size;
  measureContext.font = `${style.weight} ${style.size}px ${imageFontFamily}`;
  return measureContext.measureText(text).width;
}

function textElements(lines: readonly TextLine[], style: TextStyle, colour: string): SVGTextElement[] {
  return lines.map((line) => {
    const text = document.createElementNS(svgNs, 'text');
    text.setAttribute('x', line.x.toFixed(2));
    text.setAttribute('y', line.y.toFixed(2));
    text.setAttribute('font-size', String(style.size));
    text.setAttribute('font-weight', String(style.weight));
    text.setAttribute('fill', colour);
    text.textContent = line.text;
    return text;
  });
}

/** All text of the image by font weight, to pick the font subsets to embed. */
function textByWeight(root: SVGSVGElement): TextByWeight {
  const byWeight: TextByWeight = new Map();
  for (const text of root.querySelectorAll('text')) {
    if (text.closest('[display="none"]')) continue;
    const weightAttr = text.getAttribute('font-weight') ?? text.parentElement?.getAttribute('font-weight') ?? '400';
    const weight = weightAttr === 'bold' || Number(weightAttr) >= 600 ? 700 : 400;
    byWeight.set(weight, (byWeight.get(weight) ?? '') + (text.textContent ?? ''));
  }
  return byWeight;
}

export interface ComposedImage {
  svg: string;
  layout: ImageLayout;
}

/** The finished image as SVG text. `pixelSize` sets width/height to the PNG's pixels (the viewBox stays logical). */
export async function composeChartImage(chart: CapturedChart, meta: ChartImageMeta, frameWidth: number, preset: ExportPreset, pixelSize = false): Promise<ComposedImage> {
  // Text is measured and embedded with the bundled font, so it must be in before anything else.
  await bundledFontsReady();
  const layout = layoutImage(
    { title: meta.title, subtitle: meta.subtitle, source: meta.source, chartWidth: chart.width, chartHeight: chart.height, frameWidth },
    preset,
    measureText,
  );
  const root = document.createElementNS(svgNs, 'svg');
  root.setAttribute('xmlns', svgNs);
  root.setAttribute('width', String(pixelSize ? layout.pixelWidth : layout.width));
  root.setAttribute('height', String(pixelSize ? layout.pixelHeight : layout.height));
  root.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
  root.setAttribute('font-family', imageFontFamily);
  const title = document.createElementNS(svgNs, 'title');
  title.textContent = meta.title;
  root.append(title);

  const background = document.createElementNS(svgNs, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', pageColour);
  root.append(background);

  root.append(...textElements(layout.title, imageText.title, titleColour));
  root.append(...textElements(layout.subtitle, imageText.subtitle, mutedColour));
  const chartSvg = chart.svg.cloneNode(true) as SVGSVGElement;
  chartSvg.removeAttribute('xmlns');
  chartSvg.setAttribute('x', String(layout.chart.x));
  chartSvg.setAttribute('y', String(layout.chart.y));
  chartSvg.setAttribute('width', String(layout.chart.width));
  chartSvg.setAttribute('height', String(layout.chart.height));
  chartSvg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  root.append(chartSvg);
  root.append(...textElements(layout.source, imageText.source, mutedColour));

  const fontCss = await embeddedFontCss(textByWeight(root));
  if (fontCss) {
    const style = document.createElementNS(svgNs, 'style');
    style.textContent = fontCss;
    root.insertBefore(style, title.nextSibling);
  }
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`, layout };
}

/** Captures the chart of `figure` and composes it; throws NoChartError when there is none. */
export async function renderFrameSvg(figure: HTMLElement, meta: ChartImageMeta, preset: ExportPreset, pixelSize = false): Promise<ComposedImage> {
  const chart = captureChart(figure);
  if (!chart) throw new NoChartError();
  return composeChartImage(chart, meta, figure.getBoundingClientRect().width, preset, pixelSize);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The composed SVG could not be drawn.'));
    image.src = url;
  });
}

/** Draws the composed SVG (fonts embedded) onto a canvas of the preset's pixel size. */
export async function renderFramePng(figure: HTMLElement, meta: ChartImageMeta, preset: ExportPreset): Promise<Blob> {
  const { svg, layout } = await renderFrameSvg(figure, meta, preset, true);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = await loadImage(url);
    await image.decode().catch(() => undefined);
    const canvas = document.createElement('canvas');
    canvas.width = layout.pixelWidth;
    canvas.height = layout.pixelHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas is available to draw the PNG.');
    context.fillStyle = pageColour;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The canvas could not be encoded as PNG.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
