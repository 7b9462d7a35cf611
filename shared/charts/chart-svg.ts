/**
 * Any chart state as a standalone SVG image: the chart drawn from its state (lines, bands,
 * points, targets, reference lines and a legend naming every line; small multiples as a grid of
 * panels; the tornado's bars around the base; the heatmap's labelled cells), with the title and
 * subtitle above it and the source line below, as exported images, presentation mode, the
 * workbook's chart sheet, the CLI and the slides draw it. Nothing here reads a DOM: the image is
 * a string, built from the state alone, so every output of a chart shows the same thing.
 *
 * Images are drawn in a fixed light palette, whatever theme the app shows: they go onto slides
 * and into documents, which are white. Text is measured by an injected function (the canvas in
 * the app, estimateTextWidth elsewhere), and fonts are embedded by passing their CSS.
 */
import { chartTextSizes } from './chart-text';
import type { ChartAxis, ChartState, ColourRole, HeatmapState, LineChartState, LineSeries, SmallMultiplesState, TornadoState } from './chart-state';
import { inLang, type Lang } from '../units';
import { hexToRgb, readableOn, scaleColour } from './colour';
import {
  estimateTextWidth,
  exportPresets,
  imagePadding,
  imageText,
  layoutImage,
  type ExportPreset,
  type MeasureText,
  type TextLine,
  type TextStyle,
} from './image-layout';
import { dashArray, lineStroke } from './line-style';
import { wrapText } from './text-wrap';

/** The colours of a drawing. Drawn colours are written as given; images use lightImagePalette. */
export interface ChartPalette {
  readonly page: string;
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly accent: string;
  readonly median: string;
  readonly target: string;
  /** The n-th series colour (compare overlays, small multiples, the tornado's high and low). */
  readonly series: readonly string[];
  /** Stops of the heatmap's sequential scale, low to high, as `#rrggbb`. */
  readonly heatmap: readonly string[];
  /** The two text colours a heatmap cell chooses between for contrast. */
  readonly cellText: { readonly dark: string; readonly light: string };
}

/**
 * The light theme of theme.css. Colours are written as `rgb()`, the form computed styles use, so
 * a file compares equal with images made before charts were drawn from state; the page stays
 * `#ffffff`.
 */
export const lightImagePalette: ChartPalette = {
  page: '#ffffff',
  text: hexToRgb('#1b1f24'),
  muted: hexToRgb('#4f5a66'),
  grid: hexToRgb('#c9d1db'),
  accent: hexToRgb('#0a58a8'),
  median: hexToRgb('#1d6b35'),
  target: hexToRgb('#b3261e'),
  // --accent, --bad, --ok, --warn, --text, --text-muted: the screen's series colours (chart-colours.ts).
  series: ['#0a58a8', '#b3261e', '#1d6b35', '#8a5300', '#1b1f24', '#4f5a66'].map(hexToRgb),
  // The Sensitivity view's blue scale (its heatmap-colour.ts), so a cell has the colour it has on screen.
  heatmap: ['#f1f6fc', '#c6dbef', '#8fbfe0', '#4f93c9', '#2166ac', '#0b3a73'],
  cellText: { dark: '#000000', light: '#ffffff' },
};

export const imageFontFamily = "'Noto Sans SC', sans-serif";

export interface ChartSvgOptions {
  /** Pixel size and page shape; default 1×. */
  readonly preset?: ExportPreset;
  /** Logical width: of the page at 1×/2×/3× (the chart frame's width on screen), of the page a slide is laid out on. Default 960. */
  readonly width?: number;
  /** With `frame: 'none'`, the logical height of the chart; default its natural height. */
  readonly height?: number;
  /** 'text' (default) sets title, subtitle and source line around the chart; 'none' draws the chart alone (presentation mode sets the text in HTML). */
  readonly frame?: 'text' | 'none';
  /** Writes the preset's pixel size as width and height (the viewBox stays logical), for drawing onto a canvas. */
  readonly pixelSize?: boolean;
  readonly palette?: ChartPalette;
  readonly fontFamily?: string;
  /** @font-face rules to embed, e.g. the bundled font as data: URLs. */
  readonly fontCss?: string;
  readonly measure?: MeasureText;
}

export interface ChartImage {
  readonly svg: string;
  /** Logical size (the viewBox). */
  readonly width: number;
  readonly height: number;
  /** The preset's pixels. */
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  /** All text drawn, by font weight (400, 700): which font subsets to embed. */
  readonly textByWeight: ReadonlyMap<number, string>;
}

// --- SVG text ---------------------------------------------------------------------------------

/** Characters XML 1.0 does not allow at all (a pasted control character in a scenario name). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const notXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXmlText(text: string): string {
  return text.replace(notXml, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;');
}

/** Coordinates are kept to hundredths of a pixel. */
const HUNDREDTHS_PER_PIXEL = 100;

/** A coordinate as short as it stays exact to a hundredth of a pixel. */
function coord(value: number): string {
  if (!Number.isFinite(value)) return '0';
  return String(Math.round(value * HUNDREDTHS_PER_PIXEL) / HUNDREDTHS_PER_PIXEL);
}

type AttributeValue = string | number | undefined;

function attributes(attrs: Readonly<Record<string, AttributeValue>>): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? coord(value) : escapeXmlAttribute(value)}"`)
    .join('');
}

/** `<name a="…"/>`, or with content (already SVG) `<name a="…">content</name>`. */
function element(name: string, attrs: Readonly<Record<string, AttributeValue>>, content?: string): string {
  return content === undefined ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${content}</${name}>`;
}

// --- drawing context ----------------------------------------------------------------------------

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface Draw {
  readonly palette: ChartPalette;
  readonly measure: MeasureText;
  readonly lang: Lang;
  /** A new element id (for clip paths), unique in the image and prefixed with the chart's id. */
  nextId(): string;
  readonly textByWeight: Map<number, string>;
}

const tickText: TextStyle = { size: chartTextSizes.tick, weight: 400, lineHeight: 1.2 };
const legendText: TextStyle = { size: chartTextSizes.legend, weight: 400, lineHeight: 1.3 };
const markerText: TextStyle = { size: chartTextSizes.marker, weight: 700, lineHeight: 1.2 };
const panelTitleText: TextStyle = { size: 13, weight: 700, lineHeight: 1.3 };
const barLabelText: TextStyle = { size: 14, weight: 700, lineHeight: 1.3 };

interface TextOptions {
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly fill: string;
  /** Wrap the text in a `<tspan>`, as axis tick labels are. */
  readonly tspan?: boolean;
  /** A halo in this colour (the page's) behind the letters, for a label that may lie across a line. */
  readonly halo?: string;
}

function text(draw: Draw, x: number, y: number, content: string, style: TextStyle, options: TextOptions): string {
  if (!content) return '';
  draw.textByWeight.set(style.weight, (draw.textByWeight.get(style.weight) ?? '') + content);
  const body = escapeXmlText(content);
  return element(
    'text',
    {
      x,
      y,
      'font-size': style.size,
      'font-weight': style.weight === 700 ? 700 : undefined,
      'text-anchor': options.anchor && options.anchor !== 'start' ? options.anchor : undefined,
      fill: options.fill,
      ...(options.halo ? { stroke: options.halo, 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' } : {}),
    },
    options.tspan ? `<tspan>${body}</tspan>` : body,
  );
}

/** Baseline of a text whose middle should sit at `middle` (about 0.35 em below it for Noto Sans SC). */
function middleBaseline(middle: number, style: TextStyle): number {
  return middle + style.size * 0.35;
}

function colourOf(role: ColourRole, palette: ChartPalette): string {
  switch (role.kind) {
    case 'actual':
      return palette.text;
    case 'projection':
    case 'band':
      return palette.accent;
    case 'median':
      return palette.median;
    case 'target':
      return palette.target;
    case 'series':
      return palette.series[role.index % palette.series.length] ?? palette.accent;
  }
}

/** The first line of a text that fits the width, with an ellipsis when some was cut. */
function fitLine(draw: Draw, content: string, width: number, style: TextStyle): string {
  const lines = wrapText(content, width, (t) => draw.measure(t, style));
  const first = lines[0] ?? '';
  return lines.length > 1 ? `${first}…` : first;
}

// --- scales -------------------------------------------------------------------------------------

type Scale = (value: number) => number;

function linearScale(domain: readonly [number, number], from: number, to: number): Scale {
  const [low, high] = domain[0] === domain[1] ? [domain[0] - 0.5, domain[1] + 0.5] : domain;
  return (value) => from + ((value - low) / (high - low)) * (to - from);
}

function within(value: number, domain: readonly [number, number]): boolean {
  const low = Math.min(domain[0], domain[1]);
  const high = Math.max(domain[0], domain[1]);
  return value >= low - 1e-9 * Math.max(1, Math.abs(low)) && value <= high + 1e-9 * Math.max(1, Math.abs(high));
}

function clampTo(value: number, domain: readonly [number, number]): number {
  return Math.min(Math.max(value, Math.min(domain[0], domain[1])), Math.max(domain[0], domain[1]));
}

// --- legend -------------------------------------------------------------------------------------

type Swatch =
  | { readonly kind: 'line'; readonly colour: string; readonly dash: string; readonly width: number; readonly point: boolean }
  | { readonly kind: 'area'; readonly colour: string; readonly opacity: number }
  | { readonly kind: 'bar'; readonly colour: string };

interface LegendItem {
  readonly name: string;
  readonly swatch: Swatch;
}

const legendSwatchWidth = 18;
const legendSwatchGap = 6;
const legendItemGap = 18;
const legendRowHeight = 20;
const legendTopGap = 8;

function seriesSwatch(series: LineSeries, palette: ChartPalette): Swatch {
  const colour = colourOf(series.colour, palette);
  if (series.mark === 'bar') return { kind: 'bar', colour };
  return { kind: 'line', colour, dash: dashArray(series.dash), width: lineStroke(series.role).width, point: series.showPoints };
}

/** Every band and every line of the charts, by name in the chart's language; alike entries once. */
function legendItems(charts: readonly LineChartState[], draw: Draw): LegendItem[] {
  const items: LegendItem[] = [];
  const seen = new Set<string>();
  const add = (item: LegendItem) => {
    const key = `${item.name}|${JSON.stringify(item.swatch)}`;
    if (!item.name || seen.has(key)) return;
    seen.add(key);
    items.push(item);
  };
  for (const chart of charts) {
    for (const band of chart.bands)
      add({ name: inLang(band.name, draw.lang), swatch: { kind: 'area', colour: colourOf(band.colour, draw.palette), opacity: band.opacity } });
    for (const series of chart.series) add({ name: inLang(series.name, draw.lang), swatch: seriesSwatch(series, draw.palette) });
  }
  return items;
}

interface PlacedLegendItem extends LegendItem {
  readonly width: number;
}

/** Items in rows no wider than `width`, greedily; an item wider than a row gets a row of its own. */
function legendRows(items: readonly LegendItem[], width: number, draw: Draw): PlacedLegendItem[][] {
  const rows: PlacedLegendItem[][] = [];
  let row: PlacedLegendItem[] = [];
  let rowWidth = 0;
  for (const item of items) {
    const placed = { ...item, width: legendSwatchWidth + legendSwatchGap + draw.measure(item.name, legendText) };
    const next = row.length === 0 ? placed.width : rowWidth + legendItemGap + placed.width;
    if (row.length > 0 && next > width) {
      rows.push(row);
      row = [placed];
      rowWidth = placed.width;
    } else {
      row.push(placed);
      rowWidth = next;
    }
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function legendHeight(rows: readonly unknown[]): number {
  return rows.length === 0 ? 0 : legendTopGap + rows.length * legendRowHeight;
}

function drawSwatch(swatch: Swatch, x: number, middle: number, palette: ChartPalette): string {
  switch (swatch.kind) {
    case 'line':
      return (
        element('line', {
          x1: x,
          y1: middle,
          x2: x + legendSwatchWidth,
          y2: middle,
          stroke: swatch.colour,
          'stroke-width': swatch.width,
          'stroke-dasharray': swatch.dash || undefined,
        }) +
        (swatch.point
          ? element('circle', { cx: x + legendSwatchWidth / 2, cy: middle, r: 3, fill: palette.page, stroke: swatch.colour, 'stroke-width': 2 })
          : '')
      );
    case 'area':
      // The lightest band would all but vanish at swatch size, so swatches are at least 30% opaque.
      return element('rect', { x, y: middle - 5, width: legendSwatchWidth, height: 10, fill: swatch.colour, 'fill-opacity': Math.max(0.3, swatch.opacity) });
    case 'bar':
      return element('rect', { x: x + 3, y: middle - 6, width: 12, height: 12, fill: swatch.colour });
  }
}

function drawLegend(rows: readonly (readonly PlacedLegendItem[])[], area: Rect, draw: Draw): string {
  let out = '';
  rows.forEach((row, index) => {
    const rowWidth = row.reduce((sum, item) => sum + item.width, 0) + legendItemGap * (row.length - 1);
    let x = area.x + Math.max(0, (area.width - rowWidth) / 2);
    const middle = area.y + legendTopGap + index * legendRowHeight + legendRowHeight / 2;
    for (const item of row) {
      out += drawSwatch(item.swatch, x, middle, draw.palette);
      out += text(draw, x + legendSwatchWidth + legendSwatchGap, middleBaseline(middle, legendText), item.name, legendText, { fill: draw.palette.text });
      x += item.width + legendItemGap;
    }
  });
  return element('g', {}, out);
}

// --- line charts --------------------------------------------------------------------------------

const tickLength = 5;
const tickGap = 3;
const xTickRow = tickLength + tickGap + tickText.size + 2;
const xTitleRow = tickText.size + 6;

/** The natural height of a line chart's plot, axes included; the legend comes on top of it. */
const linePlotHeight = 300;

function maxWidth(labels: readonly string[], style: TextStyle, draw: Draw): number {
  return labels.reduce((widest, label) => Math.max(widest, draw.measure(label, style)), 0);
}

/** Where the plot of a line chart goes inside its area, leaving room for the axes' labels. */
function plotArea(state: LineChartState, area: Rect, bottomReserved: number, draw: Draw): Rect {
  const yLabelWidth = maxWidth(state.y.tickLabels, tickText, draw);
  const left = Math.max(28, yLabelWidth + tickLength + tickGap + 2);
  const lastXLabel = state.x.tickLabels.at(-1) ?? '';
  const right = Math.max(12, draw.measure(lastXLabel, tickText) / 2 + 2);
  // Room above for the y axis title and target labels.
  const top = state.y.title || state.targets.length > 0 ? 26 : 10;
  const bottom = xTickRow + (state.x.title ? xTitleRow : 0) + bottomReserved;
  return { x: area.x + left, y: area.y + top, width: Math.max(10, area.width - left - right), height: Math.max(10, area.height - top - bottom) };
}

function pathOf(points: readonly { x: number; y: number | null }[], x: Scale, y: Scale): string {
  let d = '';
  let pen = false;
  for (const point of points) {
    if (point.y === null || !Number.isFinite(point.y) || !Number.isFinite(point.x)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${coord(x(point.x))},${coord(y(point.y))}`;
    pen = true;
  }
  return d;
}

function drawAxes(state: { x: ChartAxis; y?: ChartAxis }, plot: Rect, area: Rect, draw: Draw): string {
  const { palette } = draw;
  let out = '';
  const x = linearScale(state.x.domain, plot.x, plot.x + plot.width);
  const bottom = plot.y + plot.height;
  out += element('line', { x1: plot.x, y1: bottom, x2: plot.x + plot.width, y2: bottom, stroke: palette.muted });
  state.x.ticks.forEach((tick, index) => {
    if (!within(tick, state.x.domain)) return;
    const px = x(tick);
    out += element('line', { x1: px, y1: bottom, x2: px, y2: bottom + tickLength, stroke: palette.muted });
    out += text(draw, px, bottom + tickLength + tickGap + tickText.size, state.x.tickLabels[index] ?? '', tickText, {
      anchor: 'middle',
      fill: palette.muted,
      tspan: true,
    });
  });
  if (state.x.title) out += text(draw, plot.x + plot.width, bottom + xTickRow + tickText.size, state.x.title, tickText, { anchor: 'end', fill: palette.muted });
  if (state.y) {
    const yAxis = state.y;
    const y = linearScale(yAxis.domain, bottom, plot.y);
    out += element('line', { x1: plot.x, y1: plot.y, x2: plot.x, y2: bottom, stroke: palette.muted });
    yAxis.ticks.forEach((tick, index) => {
      if (!within(tick, yAxis.domain)) return;
      const py = y(tick);
      out += element('line', { x1: plot.x - tickLength, y1: py, x2: plot.x, y2: py, stroke: palette.muted });
      out += text(draw, plot.x - tickLength - tickGap, middleBaseline(py, tickText), yAxis.tickLabels[index] ?? '', tickText, {
        anchor: 'end',
        fill: palette.muted,
        tspan: true,
      });
    });
    if (yAxis.title) out += text(draw, area.x, area.y + tickText.size, yAxis.title, tickText, { fill: palette.muted });
  }
  return out;
}

/** How far lines and points may reach past the plot's edges: a point on the first or last year stays whole. */
const clipRoom = 5;

function drawLinePlot(state: LineChartState, area: Rect, draw: Draw, bottomReserved: number): string {
  const { palette } = draw;
  const plot = plotArea(state, area, bottomReserved, draw);
  const x = linearScale(state.x.domain, plot.x, plot.x + plot.width);
  const y = linearScale(state.y.domain, plot.y + plot.height, plot.y);
  const clipId = draw.nextId();
  let grid = '';
  for (const tick of state.y.ticks) {
    if (!within(tick, state.y.domain)) continue;
    grid += element('line', { x1: plot.x, y1: y(tick), x2: plot.x + plot.width, y2: y(tick), stroke: palette.grid, 'stroke-dasharray': '3 3' });
  }

  let data = '';
  for (const band of state.bands) {
    const points = band.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.low) && Number.isFinite(p.high));
    if (points.length < 2) continue;
    const upper = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${coord(x(p.x))},${coord(y(p.high))}`).join('');
    const lower = [...points]
      .reverse()
      .map((p) => `L${coord(x(p.x))},${coord(y(p.low))}`)
      .join('');
    data += element('path', { d: `${upper}${lower}Z`, fill: colourOf(band.colour, palette), 'fill-opacity': band.opacity, stroke: 'none' });
  }
  for (const line of state.referenceLines) {
    if (line.axis === 'y') {
      if (!within(line.value, state.y.domain)) continue;
      const py = y(line.value);
      data += element('line', { x1: plot.x, y1: py, x2: plot.x + plot.width, y2: py, stroke: palette.muted, 'stroke-dasharray': '4 4' });
      data += text(draw, plot.x + plot.width - 4, py - 4, line.label, tickText, { anchor: 'end', fill: palette.muted, halo: palette.page });
    } else {
      if (!within(line.value, state.x.domain)) continue;
      const px = x(line.value);
      data += element('line', { x1: px, y1: plot.y, x2: px, y2: plot.y + plot.height, stroke: palette.muted, 'stroke-dasharray': '4 4' });
      data += text(draw, px + 4, plot.y + tickText.size, line.label, tickText, { fill: palette.muted, halo: palette.page });
    }
  }
  for (const series of state.series) data += drawSeries(series, state, plot, x, y, draw);

  let markers = '';
  for (const target of state.targets) {
    if (!Number.isFinite(target.x) || !Number.isFinite(target.y)) continue;
    const px = x(target.x);
    const py = y(target.y);
    markers += element('circle', { cx: px, cy: py, r: 6, fill: palette.page, stroke: palette.target, 'stroke-width': 2.5 });
    const half = draw.measure(target.label, markerText) / 2;
    // Kept inside the chart: a target in the last year would otherwise hang its label off the edge.
    const labelX = Math.min(Math.max(px, area.x + half), area.x + area.width - half);
    markers += text(draw, labelX, py - 11, target.label, markerText, { anchor: 'middle', fill: palette.target, halo: palette.page });
  }

  return (
    element(
      'defs',
      {},
      element(
        'clipPath',
        { id: clipId },
        element('rect', { x: plot.x - clipRoom, y: plot.y - clipRoom, width: plot.width + 2 * clipRoom, height: plot.height + 2 * clipRoom }),
      ),
    ) +
    grid +
    element('g', { 'clip-path': `url(#${clipId})` }, data) +
    drawAxes(state, plot, area, draw) +
    markers
  );
}

function drawSeries(series: LineSeries, state: LineChartState, plot: Rect, x: Scale, y: Scale, draw: Draw): string {
  const colour = colourOf(series.colour, draw.palette);
  if (series.mark === 'bar') {
    const xs = series.points.filter((p) => p.y !== null).map((p) => x(p.x));
    const step = xs.slice(1).reduce((smallest, px, i) => Math.min(smallest, Math.abs(px - (xs[i] ?? px))), plot.width);
    const width = Math.max(1, step * 0.7);
    const zero = y(clampTo(0, state.y.domain));
    return series.points
      .map((p) => {
        if (p.y === null || !Number.isFinite(p.y)) return '';
        const top = y(p.y);
        return element('rect', { x: x(p.x) - width / 2, y: Math.min(top, zero), width, height: Math.max(0.5, Math.abs(zero - top)), fill: colour });
      })
      .join('');
  }
  const d = pathOf(series.points, x, y);
  const stroke = lineStroke(series.role);
  let out = d
    ? element('path', {
        d,
        fill: 'none',
        stroke: colour,
        'stroke-width': stroke.width,
        'stroke-opacity': stroke.opacity < 1 ? stroke.opacity : undefined,
        'stroke-dasharray': dashArray(series.dash) || undefined,
        'stroke-linejoin': 'round',
        'stroke-linecap': 'round',
      })
    : '';
  if (series.showPoints) {
    for (const p of series.points) {
      if (p.y === null || !Number.isFinite(p.y)) continue;
      out += element('circle', { cx: x(p.x), cy: y(p.y), r: 3, fill: draw.palette.page, stroke: colour, 'stroke-width': 2 });
    }
  }
  return out;
}

function drawLineChart(state: LineChartState, area: Rect, draw: Draw): string {
  const rows = legendRows(legendItems([state], draw), area.width, draw);
  const legend = legendHeight(rows);
  return drawLinePlot(state, area, draw, legend) + drawLegend(rows, { x: area.x, y: area.y + area.height - legend, width: area.width, height: legend }, draw);
}

// --- small multiples ----------------------------------------------------------------------------

const panelGap = 20;
const panelHeight = 240;

function gridShape(count: number): { columns: number; rows: number } {
  const columns = count <= 3 ? Math.max(1, count) : count === 4 ? 2 : 3;
  return { columns, rows: Math.max(1, Math.ceil(count / columns)) };
}

function drawSmallMultiples(state: SmallMultiplesState, area: Rect, draw: Draw): string {
  const rows = legendRows(legendItems(state.panels, draw), area.width, draw);
  const legend = legendHeight(rows);
  const shape = gridShape(state.panels.length);
  const cellWidth = (area.width - panelGap * (shape.columns - 1)) / shape.columns;
  const cellHeight = (area.height - legend - panelGap * (shape.rows - 1)) / shape.rows;
  const titleHeight = panelTitleText.size * panelTitleText.lineHeight + 4;
  let out = '';
  state.panels.forEach((panel, index) => {
    const cell = {
      x: area.x + (index % shape.columns) * (cellWidth + panelGap),
      y: area.y + Math.floor(index / shape.columns) * (cellHeight + panelGap),
      width: cellWidth,
      height: cellHeight,
    };
    out += text(draw, cell.x, cell.y + panelTitleText.size, fitLine(draw, panel.title, cell.width, panelTitleText), panelTitleText, {
      fill: draw.palette.text,
    });
    out += drawLinePlot(panel, { x: cell.x, y: cell.y + titleHeight, width: cell.width, height: Math.max(40, cell.height - titleHeight) }, draw, 0);
  });
  return out + drawLegend(rows, { x: area.x, y: area.y + area.height - legend, width: area.width, height: legend }, draw);
}

// --- tornado ------------------------------------------------------------------------------------

const tornadoRowHeight = 52;
const tornadoTop = 28;

function tornadoLegendItems(state: TornadoState, draw: Draw): LegendItem[] {
  if (!state.lowName || !state.highName) return [];
  return [
    { name: state.lowName, swatch: { kind: 'bar', colour: tornadoColour('low', draw.palette) } },
    { name: state.highName, swatch: { kind: 'bar', colour: tornadoColour('high', draw.palette) } },
  ];
}

/** As on screen: the high value in the first series colour, the low value in the second. */
function tornadoColour(side: 'low' | 'high', palette: ChartPalette): string {
  return palette.series[side === 'high' ? 0 : 1] ?? palette.accent;
}

function drawTornado(state: TornadoState, area: Rect, draw: Draw): string {
  const { palette } = draw;
  const rows = legendRows(tornadoLegendItems(state, draw), area.width, draw);
  const legend = legendHeight(rows);
  const rangeOf = (bar: TornadoState['bars'][number]) => `${bar.lowLabel} – ${bar.highLabel}`;
  const labelWidth = Math.min(
    area.width * 0.4,
    Math.max(
      maxWidth(
        state.bars.map((b) => b.label),
        barLabelText,
        draw,
      ),
      maxWidth(state.bars.map(rangeOf), tickText, draw),
    ) + 12,
  );
  const right = Math.max(12, draw.measure(state.x.tickLabels.at(-1) ?? '', tickText) / 2 + 2);
  const plot = {
    x: area.x + labelWidth,
    y: area.y + tornadoTop,
    width: Math.max(10, area.width - labelWidth - right),
    height: Math.max(10, area.height - tornadoTop - xTickRow - (state.x.title ? xTitleRow : 0) - legend),
  };
  const x = linearScale(state.x.domain, plot.x, plot.x + plot.width);
  const rowHeight = state.bars.length > 0 ? plot.height / state.bars.length : plot.height;
  const base = x(state.base);
  let out = '';
  for (const tick of state.x.ticks) {
    if (!within(tick, state.x.domain)) continue;
    out += element('line', { x1: x(tick), y1: plot.y, x2: x(tick), y2: plot.y + plot.height, stroke: palette.grid, 'stroke-dasharray': '3 3' });
  }
  state.bars.forEach((bar, index) => {
    const middle = plot.y + index * rowHeight + rowHeight / 2;
    out += text(draw, plot.x - 12, middle - 3, fitLine(draw, bar.label, labelWidth - 12, barLabelText), barLabelText, { anchor: 'end', fill: palette.text });
    out += text(draw, plot.x - 12, middle + 14, rangeOf(bar), tickText, { anchor: 'end', fill: palette.muted });
    // Both ends on one side of the base (or none moving): stacked, so neither hides the other.
    const stacked = (bar.low - state.base) * (bar.high - state.base) >= 0;
    const barHeight = Math.min(stacked ? 16 : 18, rowHeight * 0.4);
    for (const side of ['low', 'high'] as const) {
      const value = side === 'low' ? bar.low : bar.high;
      if (!Number.isFinite(value)) continue;
      const end = x(clampTo(value, state.x.domain));
      const top = stacked ? (side === 'low' ? middle - barHeight - 1 : middle + 1) : middle - barHeight / 2;
      out += element('rect', {
        x: Math.min(base, end),
        y: top,
        width: Math.max(1, Math.abs(end - base)),
        height: barHeight,
        fill: tornadoColour(side, palette),
      });
      const outcome = side === 'low' ? bar.lowOutcomeLabel : bar.highOutcomeLabel;
      const input = side === 'low' ? bar.lowLabel : bar.highLabel;
      const name = side === 'low' ? state.lowName : state.highName;
      const label = outcome ? `${outcome} (${name ? `${name} ` : ''}${input})` : input;
      const leftward = value < state.base;
      out += text(draw, end + (leftward ? -6 : 6), middleBaseline(top + barHeight / 2, tickText), label, tickText, {
        anchor: leftward ? 'end' : 'start',
        fill: palette.text,
      });
    }
  });
  out += element('line', { x1: base, y1: plot.y - 8, x2: base, y2: plot.y + plot.height, stroke: palette.text, 'stroke-width': 1.5 });
  out += text(draw, base, plot.y - 12, state.baseLabel, legendText, { anchor: 'middle', fill: palette.text });
  out += drawAxes({ x: state.x }, plot, area, draw);
  return out + drawLegend(rows, { x: area.x, y: area.y + area.height - legend, width: area.width, height: legend }, draw);
}

// --- heatmap ------------------------------------------------------------------------------------

const heatmapRowHeight = 34;
const heatmapHeader = 2 * (tickText.size + 8);

function drawHeatmap(state: HeatmapState, area: Rect, draw: Draw): string {
  const { palette } = draw;
  const titleStyle: TextStyle = { ...tickText, weight: 700 };
  const rowLabelWidth =
    Math.max(
      maxWidth(
        state.rows.map((r) => r.label),
        tickText,
        draw,
      ),
      draw.measure(state.yTitle, titleStyle),
    ) + 12;
  const columns = Math.max(1, state.columns.length);
  const rowCount = Math.max(1, state.rows.length);
  const cellWidth = (area.width - rowLabelWidth) / columns;
  const cellHeight = (area.height - heatmapHeader) / rowCount;
  const gridX = area.x + rowLabelWidth;
  const gridY = area.y + heatmapHeader;
  let out = '';
  out += text(draw, gridX + (area.width - rowLabelWidth) / 2, area.y + tickText.size, state.xTitle, titleStyle, { anchor: 'middle', fill: palette.text });
  out += text(draw, area.x, area.y + heatmapHeader - 6, state.yTitle, titleStyle, { fill: palette.text });
  state.columns.forEach((column, index) => {
    out += text(draw, gridX + (index + 0.5) * cellWidth, area.y + heatmapHeader - 6, column.label, tickText, {
      anchor: 'middle',
      fill: palette.muted,
      tspan: true,
    });
  });
  const span = state.scale.max - state.scale.min;
  state.rows.forEach((row, rowIndex) => {
    const top = gridY + rowIndex * cellHeight;
    out += text(draw, gridX - 8, middleBaseline(top + cellHeight / 2, tickText), row.label, tickText, { anchor: 'end', fill: palette.muted, tspan: true });
    (state.cells[rowIndex] ?? []).forEach((cell, columnIndex) => {
      const left = gridX + columnIndex * cellWidth;
      const valid = Number.isFinite(cell.value);
      const fill = valid ? scaleColour(palette.heatmap, span > 0 ? (cell.value - state.scale.min) / span : 0.5) : palette.page;
      out += element('rect', { x: left, y: top, width: cellWidth, height: cellHeight, fill, stroke: palette.page, 'stroke-width': 1 });
      out += text(draw, left + cellWidth / 2, middleBaseline(top + cellHeight / 2, tickText), cell.label, tickText, {
        anchor: 'middle',
        fill: valid ? readableOn(fill, palette.cellText.dark, palette.cellText.light) : palette.muted,
      });
    });
  });
  if (state.current) {
    const { row, column } = state.current;
    out += element('rect', {
      x: gridX + column * cellWidth + 1.5,
      y: gridY + row * cellHeight + 1.5,
      width: cellWidth - 3,
      height: cellHeight - 3,
      fill: 'none',
      stroke: palette.text,
      'stroke-width': 3,
    });
  }
  return out;
}

// --- the image ----------------------------------------------------------------------------------

/** The height a chart needs to read well at `width`: scaled images draw it at this height, slides no smaller. */
function naturalHeight(state: ChartState, width: number, draw: Draw): number {
  switch (state.kind) {
    case 'line':
      return linePlotHeight + legendHeight(legendRows(legendItems([state], draw), width, draw));
    case 'small-multiples':
      return gridShape(state.panels.length).rows * (panelHeight + panelGap) - panelGap + legendHeight(legendRows(legendItems(state.panels, draw), width, draw));
    case 'tornado':
      return (
        tornadoTop +
        Math.max(1, state.bars.length) * tornadoRowHeight +
        xTickRow +
        (state.x.title ? xTitleRow : 0) +
        legendHeight(legendRows(tornadoLegendItems(state, draw), width, draw))
      );
    case 'heatmap':
      return heatmapHeader + Math.max(1, state.rows.length) * heatmapRowHeight;
  }
}

function drawChart(state: ChartState, area: Rect, draw: Draw): string {
  switch (state.kind) {
    case 'line':
      return drawLineChart(state, area, draw);
    case 'small-multiples':
      return drawSmallMultiples(state, area, draw);
    case 'tornado':
      return drawTornado(state, area, draw);
    case 'heatmap':
      return drawHeatmap(state, area, draw);
  }
}

function textLines(draw: Draw, lines: readonly TextLine[], style: TextStyle, fill: string): string {
  return lines.map((line) => text(draw, line.x, line.y, line.text, style, { fill })).join('');
}

/** An id prefix from the chart's id: letters, digits and dashes, starting with a letter. */
function idPrefix(chartId: string): string {
  return `c-${chartId.replace(/[^A-Za-z0-9-]/g, '_')}`;
}

/** The chart state as an SVG image, with its size; see ChartSvgOptions. */
export function chartImage(state: ChartState, options: ChartSvgOptions = {}): ChartImage {
  const palette = options.palette ?? lightImagePalette;
  const measure = options.measure ?? estimateTextWidth;
  const preset = options.preset ?? exportPresets.x1;
  const fontFamily = options.fontFamily ?? imageFontFamily;
  const width = Math.max(120, Math.round(options.width ?? 960));
  let counter = 0;
  const ids = idPrefix(state.id);
  const draw: Draw = { palette, measure, lang: state.lang, nextId: () => `${ids}-${(counter += 1)}`, textByWeight: new Map() };

  let body: string;
  let logical: { width: number; height: number };
  let pixels: { width: number; height: number };
  if (options.frame === 'none') {
    const height = Math.max(60, options.height ?? naturalHeight(state, width, draw));
    logical = { width, height };
    pixels =
      preset.kind === 'scale'
        ? { width: Math.round(width * preset.scale), height: Math.round(height * preset.scale) }
        : { width: preset.width, height: preset.height };
    body = drawChart(state, { x: 0, y: 0, width, height }, draw);
  } else {
    const chartWidth = width - 2 * imagePadding;
    const layout = layoutImage(
      {
        title: state.title,
        subtitle: state.subtitle,
        source: state.source,
        chartWidth,
        chartHeight: naturalHeight(state, chartWidth, draw),
        frameWidth: width,
      },
      preset,
      measure,
    );
    logical = { width: layout.width, height: layout.height };
    pixels = { width: layout.pixelWidth, height: layout.pixelHeight };
    const chart = layout.chart;
    body =
      textLines(draw, layout.title, imageText.title, palette.text) +
      textLines(draw, layout.subtitle, imageText.subtitle, palette.muted) +
      drawChart(state, chart, draw) +
      textLines(draw, layout.source, imageText.source, palette.muted);
  }

  const size = options.pixelSize ? pixels : logical;
  const svg = element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: size.width,
      height: size.height,
      viewBox: `0 0 ${coord(logical.width)} ${coord(logical.height)}`,
      'font-family': fontFamily,
    },
    element('title', {}, escapeXmlText(state.title)) +
      (options.fontCss ? element('style', {}, escapeXmlText(options.fontCss)) : '') +
      // Exactly as images have always begun, which tests and tools recognise as the white page.
      '<rect width="100%" height="100%" fill="' +
      escapeXmlAttribute(palette.page) +
      '"/>' +
      body,
  );
  return { svg, width: logical.width, height: logical.height, pixelWidth: pixels.width, pixelHeight: pixels.height, textByWeight: draw.textByWeight };
}

/** The chart state as standalone SVG text (no XML declaration: add one when writing a file). */
export function chartSvg(state: ChartState, options: ChartSvgOptions = {}): string {
  return chartImage(state, options).svg;
}
