/**
 * The Sensitivity view's charts as state: the tornado (each parameter at its low and high value,
 * the others unchanged) and the heatmap of the two-way data table. Pure: the engine computes the
 * outcomes, this places them on an axis, prints them and finds the scenario's own cell, so the
 * screen and any export show the same bars and the same printed values.
 *
 * Words (titles, parameter names) come translated from the caller, and so do the two number
 * printers: an outcome (a value in the indicator's unit or a gap in percent) and a parameter
 * value (a rate, a shift in points, a level), which the view's controls print the same way.
 */
import { getParameter, type OutputMetric, type ParameterKey, type ScenarioSpec, type TornadoResult, type TwoWayTable } from '../engine';
import { isUnitCode, type Lang } from '../units';
import type { HeatmapState, TornadoState } from './chart-state';
import { chartSourceLine, type FigureSources, type SourcedScenario } from './source-line';
import { valueAxis } from './ticks';

/** How the caller prints the numbers of a sensitivity chart, in the chart's language. */
export interface SensitivityFormat {
  /** An outcome of the metric, e.g. "6387.7亿元" or "−5.2%". */
  readonly outcome: (value: number) => string;
  /** A parameter's value, e.g. "15.0%" for a growth rate, "4200亿元" for a base value. */
  readonly parameter: (key: ParameterKey, value: number) => string;
  /** A parameter's name, e.g. "增长率". */
  readonly parameterName: (key: ParameterKey) => string;
}

/** The unit of a metric's outcome: the indicator's own for a value, percent for a gap to a target. */
export function outcomeUnit(metric: OutputMetric, indicatorUnit: string): string {
  return metric.kind === 'valueAtYear' ? indicatorUnit : 'percent';
}

/**
 * Room either side of the bars, as a share of their span, for the values printed beyond the
 * bar ends ("5590.2亿元 (低值 10.0%)").
 */
export const TORNADO_LABEL_ROOM = 0.55;

export interface TornadoInput {
  readonly id: string;
  readonly lang: Lang;
  readonly scenario: SourcedScenario & { readonly unit: string };
  readonly result: TornadoResult;
  readonly format: SensitivityFormat;
  /** Where the scenario's figures come from, for the source line. */
  readonly sources: FigureSources;
  /**
   * Translated by the caller: title, subtitle, the outcome axis's title (the metric), the label of
   * the base line ("基准 6387.7亿元") and the legend's names of the two segments ("低值", "高值").
   */
  readonly text: {
    readonly title: string;
    readonly subtitle: string;
    readonly xTitle: string;
    readonly baseLabel: string;
    readonly lowName: string;
    readonly highName: string;
  };
}

/** The tornado: one bar per parameter around the base outcome, in the engine's order (largest swing first). */
export function tornadoState({ id, lang, scenario, result, format, text, sources }: TornadoInput): TornadoState {
  const outcomes = result.bars.flatMap((bar) => [bar.outputAtLow, bar.outputAtHigh]).filter(Number.isFinite);
  const lowest = Math.min(result.baseline, ...outcomes);
  const highest = Math.max(result.baseline, ...outcomes);
  // With no swing at all the bars are slivers at the base: give the axis the base's own size as span.
  const span = highest - lowest || Math.abs(result.baseline) || 1;
  const domain: [number, number] = [lowest - span * TORNADO_LABEL_ROOM, highest + span * TORNADO_LABEL_ROOM];
  const scale = valueAxis([lowest, highest], outcomeUnit(result.metric, scenario.unit), lang);
  const inside = scale.ticks
    .map((tick, index) => ({ tick, label: scale.tickLabels[index] ?? '' }))
    .filter(({ tick }) => tick >= domain[0] && tick <= domain[1]);
  const unit = outcomeUnit(result.metric, scenario.unit);
  return {
    kind: 'tornado',
    id,
    lang,
    title: text.title,
    subtitle: text.subtitle,
    source: chartSourceLine(lang, { scenarios: [scenario], sources }),
    x: {
      title: text.xTitle,
      domain,
      ticks: inside.map(({ tick }) => tick),
      tickLabels: inside.map(({ label }) => label),
      ...(isUnitCode(unit) ? { unit } : {}),
    },
    base: result.baseline,
    baseLabel: text.baseLabel,
    lowName: text.lowName,
    highName: text.highName,
    bars: result.bars.map((bar) => ({
      id: bar.key,
      label: format.parameterName(bar.key),
      low: bar.outputAtLow,
      high: bar.outputAtHigh,
      lowLabel: format.parameter(bar.key, bar.low),
      highLabel: format.parameter(bar.key, bar.high),
      lowOutcomeLabel: format.outcome(bar.outputAtLow),
      highOutcomeLabel: format.outcome(bar.outputAtHigh),
    })),
  };
}

/** Equal up to rounding: linspace's middle step lands on the scenario's value within float error. */
function isCurrent(value: number, current: number): boolean {
  return Math.abs(value - current) <= 1e-9 * Math.max(1, Math.abs(current));
}

export interface HeatmapInput {
  readonly id: string;
  readonly lang: Lang;
  /** The scenario as it stands: its parameter values mark the current cell. */
  readonly scenario: ScenarioSpec & SourcedScenario;
  /** null while the table cannot be computed (the same parameter twice, an engine error): an empty grid. */
  readonly table: TwoWayTable | null;
  readonly format: SensitivityFormat;
  readonly text: { readonly title: string; readonly subtitle: string };
  readonly sources: FigureSources;
}

/** The heatmap of a two-way table: every outcome printed, a colour scale over the valid cells, the scenario's own cell marked. */
export function heatmapState({ id, lang, scenario, table, format, text, sources }: HeatmapInput): HeatmapState {
  const frame = { id, lang, title: text.title, subtitle: text.subtitle, source: chartSourceLine(lang, { scenarios: [scenario], sources }) };
  if (table === null) {
    return { kind: 'heatmap', ...frame, xTitle: '', yTitle: '', columns: [], rows: [], cells: [], scale: { min: 0, max: 0, centre: 0 } };
  }
  const columnCount = table.columnValues.length;
  const currentRow = getParameter(scenario, table.rowKey);
  const currentColumn = getParameter(scenario, table.columnKey);
  const rowIndex = table.rowValues.findIndex((value) => isCurrent(value, currentRow));
  const columnIndex = table.columnValues.findIndex((value) => isCurrent(value, currentColumn));
  const cells = table.rowValues.map((_, row) =>
    table.columnValues.map((__, column) => {
      const value = table.values[row * columnCount + column] ?? Number.NaN;
      // An invalid combination (a ceiling below the base…) is a dash, not a number.
      return { value, label: Number.isFinite(value) ? format.outcome(value) : '—' };
    }),
  );
  const finite = Array.from(table.values).filter(Number.isFinite);
  const min = finite.length > 0 ? Math.min(...finite) : 0;
  const max = finite.length > 0 ? Math.max(...finite) : 0;
  const currentValue = rowIndex >= 0 && columnIndex >= 0 ? cells[rowIndex]?.[columnIndex]?.value : undefined;
  return {
    kind: 'heatmap',
    ...frame,
    xTitle: format.parameterName(table.columnKey),
    yTitle: format.parameterName(table.rowKey),
    columns: table.columnValues.map((value) => ({ value, label: format.parameter(table.columnKey, value) })),
    rows: table.rowValues.map((value) => ({ value, label: format.parameter(table.rowKey, value) })),
    cells,
    // Centred on the scenario's own outcome when the table holds it, else on the middle of the range.
    scale: { min, max, centre: currentValue !== undefined && Number.isFinite(currentValue) ? currentValue : (min + max) / 2 },
    ...(rowIndex >= 0 && columnIndex >= 0 ? { current: { row: rowIndex, column: columnIndex } } : {}),
  };
}
