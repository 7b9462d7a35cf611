/**
 * The state of a chart, apart from its drawing (as in the OWID Grapher): everything a reader
 * sees — series and their names, domains, ticks, target markers, reference lines, bands, title,
 * subtitle and source line — as plain data. The screen (a thin Recharts drawing), the PNG/SVG
 * export, presentation mode, the workbook, the slides and the brief all read this, never the DOM.
 *
 * A state is built for one UI language (titles, tick labels and the source line are text in that
 * language), but every series keeps its name in both, so an output in the other language (an
 * English slide from a Chinese session) names its lines without rebuilding the scenario.
 *
 * Colours are theme roles, not values: the drawing resolves them against the theme it draws in
 * (light, dark, or the fixed light palette of an exported image).
 */
import type { BilingualText, Lang, UnitCode } from '../units';

/** Where a line or band takes its colour from; the drawing maps roles to the theme. */
export type ColourRole =
  | { kind: 'actual' }
  | { kind: 'projection' }
  | { kind: 'median' }
  | { kind: 'target' }
  | { kind: 'band' }
  /** The n-th of the theme's series colours (compare overlays, small multiples). */
  | { kind: 'series'; index: number };

export type LineDash = 'solid' | 'dashed' | 'dotted';

export interface ChartPoint {
  readonly x: number;
  /** null where the series has no value (a gap, not zero). */
  readonly y: number | null;
}

export interface LineSeries {
  /** Stable within the chart, e.g. 'actual', 'projection', 'scenario:<id>'. */
  readonly id: string;
  readonly name: BilingualText;
  /** What the line is, so outputs can tell actuals from projections without reading colours. */
  readonly role: 'actual' | 'projection' | 'median' | 'scenario' | 'baseline' | 'difference';
  readonly colour: ColourRole;
  readonly dash: LineDash;
  /** Points mark the observed years of actual values. */
  readonly showPoints: boolean;
  readonly points: readonly ChartPoint[];
  /**
   * 'bar' draws a bar from zero at each point, for yearly flows such as the increase over the
   * previous year (give the x axis half a year of room either side). Absent means 'line'.
   */
  readonly mark?: 'line' | 'bar';
}

export interface BandPoint {
  readonly x: number;
  readonly low: number;
  readonly high: number;
}

/** A shaded range, e.g. the Monte Carlo P10–P90 band. */
export interface ChartBand {
  readonly id: string;
  readonly name: BilingualText;
  readonly colour: ColourRole;
  /** 0..1: the inner band of a fan is darker than the outer one. */
  readonly opacity: number;
  readonly points: readonly BandPoint[];
}

export interface TargetMarker {
  readonly x: number;
  readonly y: number;
  /** The marker's label in the state's language, e.g. "2027年目标 10,000亿元". */
  readonly label: string;
}

export interface ReferenceLine {
  readonly axis: 'x' | 'y';
  readonly value: number;
  readonly label: string;
}

export interface ChartAxis {
  /** The axis title in the state's language, e.g. "年份" or "亿元". */
  readonly title: string;
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
  /** One label per tick, in the state's language, formatted through shared/units. */
  readonly tickLabels: readonly string[];
  /** The unit of the values on this axis, when it has one ('year' for years, '%' for percent). */
  readonly unit?: UnitCode | 'year' | 'percent';
}

/** What every chart carries, whatever it draws. */
export interface ChartFrameText {
  /** Stable id, used for file names and presentation views. */
  readonly id: string;
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  /** From shared/charts/source-line.ts, the one source-line builder. */
  readonly source: string;
}

/** Lines over years: the scenario chart, the compare overlay and the difference chart. */
export interface LineChartState extends ChartFrameText {
  readonly kind: 'line';
  readonly x: ChartAxis;
  readonly y: ChartAxis;
  /** Drawn first, under the lines. */
  readonly bands: readonly ChartBand[];
  /** Drawn in order: later lines on top. */
  readonly series: readonly LineSeries[];
  readonly targets: readonly TargetMarker[];
  readonly referenceLines: readonly ReferenceLine[];
}

/** Several line charts side by side, one per scenario or indicator, each with its own axes. */
export interface SmallMultiplesState extends ChartFrameText {
  readonly kind: 'small-multiples';
  readonly panels: readonly LineChartState[];
}

/** One row of a tornado: the outcome when the parameter is at its low and its high value. */
export interface TornadoBar {
  readonly id: string;
  readonly label: string;
  readonly low: number;
  readonly high: number;
  /** The parameter values behind low and high, as text, for the tooltip and the table. */
  readonly lowLabel: string;
  readonly highLabel: string;
  /** The outcomes low and high as printed at the bar ends ("5590.2亿元"), so no drawing formats numbers. */
  readonly lowOutcomeLabel?: string;
  readonly highOutcomeLabel?: string;
}

/** Horizontal bars around the base outcome, widest on top. */
export interface TornadoState extends ChartFrameText {
  readonly kind: 'tornado';
  /** The outcome axis (horizontal). */
  readonly x: ChartAxis;
  readonly base: number;
  readonly baseLabel: string;
  readonly bars: readonly TornadoBar[];
  /** The legend's words for the two segments of a bar, e.g. "低值" and "高值"; no legend without them. */
  readonly lowName?: string;
  readonly highName?: string;
}

/** A grid of outcomes over two parameters. */
export interface HeatmapState extends ChartFrameText {
  readonly kind: 'heatmap';
  readonly xTitle: string;
  readonly yTitle: string;
  readonly columns: readonly { readonly value: number; readonly label: string }[];
  readonly rows: readonly { readonly value: number; readonly label: string }[];
  /** cells[row][column]: the value and its label as printed in the cell. */
  readonly cells: readonly (readonly { readonly value: number; readonly label: string }[])[];
  /** The colour scale's ends and the value it is centred on (the base outcome or a target). */
  readonly scale: { readonly min: number; readonly max: number; readonly centre: number };
  /** The cell of the scenario as it stands (framed on screen), when the table's axes pass through it. */
  readonly current?: { readonly row: number; readonly column: number };
}

export type ChartState = LineChartState | SmallMultiplesState | TornadoState | HeatmapState;
