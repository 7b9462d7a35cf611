/**
 * The scenario builder's chart as state: actual values solid with points, the projection
 * dashed, the Monte Carlo band (P10–P90 light, P25–P75 darker) with its dotted median, targets as
 * labelled markers, and forecasts (references) as labelled lines.
 *
 * Only this scenario's own lines: other scenarios of the indicator are not drawn behind it. They
 * were thin grey lines that no legend or tooltip could name ("同指标其他情景 2"), and a fast one
 * (an S-curve at 36.1%) set the value axis and flattened the scenario being edited. Comparing
 * scenarios is the Compare view's work, where every line is named, coloured and dashed apart.
 *
 * Pure: the screen draws this through LineChartView, and the workbook and image exports read the
 * same state (scenarioChartStateFor) without a DOM. The words are here in both languages, so a
 * state can be built outside the UI (the Excel export) and still say what the screen says.
 */
import { lastAnalysisYear, projectInto, validateScenarioSpec, type MonteCarloResult, type ScenarioSpec } from '../engine';
import { getBundledDataset, getObservationsOfIndicator } from '../dataset';
import { formatFreeUnitValue, formatValue, inLang, isUnitCode, localName, unitLabel, type BilingualText, type Lang } from '../units';
import type { Workspace, WorkspaceScenario } from '../workspace';
import type { BandPoint, ChartAxis, ChartBand, ChartPoint, LineChartState, LineSeries, ReferenceLine, TargetMarker } from './chart-state';
import { chartSourceLine, figureSourcesOf, type FigureSources } from './source-line';
import { valueAxis, yearAxis } from './ticks';

export interface ActualPoint {
  readonly year: number;
  readonly value: number;
}

export interface ScenarioChartInput {
  readonly scenario: WorkspaceScenario;
  /** The scenario's projected path from its base year (projectedPath), or null when it is invalid. */
  readonly path: ArrayLike<number> | null;
  /** Observed values of the indicator. */
  readonly actuals: readonly ActualPoint[];
  /** The simulation, possibly one step behind the path while a slider moves (it is matched by year). */
  readonly monteCarlo: MonteCarloResult | null;
  /** Where the scenario's figures come from, for the source line. */
  readonly sources: FigureSources;
  readonly lang: Lang;
}

/** What the chart calls its parts, in both languages (the same words as the builder around it). */
export const SCENARIO_CHART_WORDS = {
  year: { zh: '年份', en: 'Year' },
  actual: { zh: '实际值', en: 'Actual' },
  projection: { zh: '情景预测', en: 'Scenario projection' },
  median: { zh: '模拟中位数', en: 'Simulated median' },
  band80: { zh: 'P10–P90 区间', en: 'P10–P90 range' },
  band50: { zh: 'P25–P75 区间', en: 'P25–P75 range' },
} as const satisfies Record<string, BilingualText>;

// ---------------------------------------------------------------------------------------------
// The inputs, computed with the engine

/** A scenario as the engine sees it (the workspace type is structurally compatible). */
function specOf(scenario: WorkspaceScenario): ScenarioSpec {
  return scenario as ScenarioSpec;
}

/**
 * The path of a scenario already known to be valid (one the builder has just checked), from the
 * base year to the horizon or the last target year. Not validated again.
 */
export function projectedPathOfValid(scenario: WorkspaceScenario): Float64Array {
  const spec = specOf(scenario);
  const values = new Float64Array(Math.max(0, lastAnalysisYear(spec) - scenario.base.year) + 1);
  projectInto(spec, values);
  return values;
}

/** The scenario's projected path, or null when it is not valid (the builder never stores such, but a file could). */
export function projectedPath(scenario: WorkspaceScenario): Float64Array | null {
  return validateScenarioSpec(specOf(scenario)).length > 0 ? null : projectedPathOfValid(scenario);
}

/** Observed values of an indicator, for the solid line: the user's own data, else the article's yearly figures. */
export function actualValuesOf(workspace: Pick<Workspace, 'indicators'>, indicatorId: string): ActualPoint[] {
  const own = workspace.indicators.find((i) => i.id === indicatorId);
  if (own) return own.observations.filter((o) => o.kind === 'actual').map((o) => ({ year: o.year, value: o.value }));
  const dataset = getBundledDataset();
  const byYear = new Map<number, number>();
  for (const o of getObservationsOfIndicator(dataset, indicatorId)) if (o.kind === 'actual' && o.value !== null && !o.date) byYear.set(o.year, o.value);
  if (byYear.size === 0)
    for (const o of getObservationsOfIndicator(dataset, indicatorId)) if (o.kind === 'actual' && o.value !== null) byYear.set(o.year, o.value);
  return [...byYear].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
}

// ---------------------------------------------------------------------------------------------
// The state

function valueText(value: number, unit: string, lang: Lang): string {
  if (!Number.isFinite(value)) return '—';
  return isUnitCode(unit) ? formatValue(value, unit, lang) : formatFreeUnitValue(value, unit);
}

function unitText(unit: string, lang: Lang): string {
  return isUnitCode(unit) ? unitLabel(unit, lang) : unit;
}

function percentileRow(result: MonteCarloResult, level: number): Float64Array | null {
  const index = result.percentileLevels.indexOf(level);
  return index >= 0 ? (result.percentiles[index] ?? null) : null;
}

function line(
  id: string,
  name: BilingualText,
  role: LineSeries['role'],
  colour: LineSeries['colour'],
  dash: LineSeries['dash'],
  points: readonly ChartPoint[],
  extra: Partial<LineSeries> = {},
): LineSeries {
  return { id, name, role, colour, dash, showPoints: false, points, ...extra };
}

export function buildScenarioChartState({ scenario, path, actuals, monteCarlo, sources, lang }: ScenarioChartInput): LineChartState {
  const baseYear = scenario.base.year;
  // The years of the chart's data: from the earliest actual value to the last analysed year.
  const firstYear = Math.min(baseYear, ...actuals.map((a) => a.year));
  const lastYear = baseYear + (path && path.length > 0 ? path.length - 1 : 0);
  const inRange = (year: number) => year >= firstYear && year <= lastYear;

  const series: LineSeries[] = [];
  const bands: ChartBand[] = [];

  if (monteCarlo) {
    const p10 = percentileRow(monteCarlo, 10);
    const p25 = percentileRow(monteCarlo, 25);
    const p50 = percentileRow(monteCarlo, 50);
    const p75 = percentileRow(monteCarlo, 75);
    const p90 = percentileRow(monteCarlo, 90);
    const outer: BandPoint[] = [];
    const inner: BandPoint[] = [];
    const median: ChartPoint[] = [];
    for (let index = 0; index < monteCarlo.yearCount; index++) {
      const year = monteCarlo.startYear + index;
      if (!inRange(year)) continue;
      const [low80, high80, low50, high50, mid] = [p10?.[index], p90?.[index], p25?.[index], p75?.[index], p50?.[index]];
      if (low80 !== undefined && high80 !== undefined) outer.push({ x: year, low: low80, high: high80 });
      if (low50 !== undefined && high50 !== undefined) inner.push({ x: year, low: low50, high: high50 });
      if (mid !== undefined) median.push({ x: year, y: mid });
    }
    if (outer.length > 0) bands.push({ id: 'band:p10-p90', name: SCENARIO_CHART_WORDS.band80, colour: { kind: 'band' }, opacity: 0.14, points: outer });
    if (inner.length > 0) bands.push({ id: 'band:p25-p75', name: SCENARIO_CHART_WORDS.band50, colour: { kind: 'band' }, opacity: 0.3, points: inner });
    if (median.length > 0) series.push(line('median', SCENARIO_CHART_WORDS.median, 'median', { kind: 'median' }, 'dotted', median));
  }

  const actualByYear = new Map(actuals.filter((a) => inRange(a.year)).map((a) => [a.year, a.value]));
  if (actualByYear.size > 0) {
    const points = [...actualByYear].sort((a, b) => a[0] - b[0]).map(([x, y]) => ({ x, y }));
    series.push(line('actual', SCENARIO_CHART_WORDS.actual, 'actual', { kind: 'actual' }, 'solid', points, { showPoints: true }));
  }

  if (path) {
    const points: ChartPoint[] = [];
    for (let i = 0; i < path.length; i++) points.push({ x: baseYear + i, y: path[i] ?? null });
    series.push(line('projection', SCENARIO_CHART_WORDS.projection, 'projection', { kind: 'projection' }, 'dashed', points));
  }

  const targets: TargetMarker[] = scenario.targets.map((target) => ({
    x: target.year,
    y: target.value,
    label:
      lang === 'zh'
        ? `${target.year}年目标 ${valueText(target.value, scenario.unit, 'zh')}`
        : `Target ${target.year}: ${valueText(target.value, scenario.unit, 'en')}`,
  }));

  // A forecast is read against the path, not met or missed: a labelled line at its value, not a target marker.
  const references = scenario.references ?? [];
  const referenceLines: ReferenceLine[] = references.map((reference) => ({
    axis: 'y',
    value: reference.value,
    label:
      lang === 'zh'
        ? `${reference.year}年预测 ${valueText(reference.value, scenario.unit, 'zh')}`
        : `Forecast ${reference.year}: ${valueText(reference.value, scenario.unit, 'en')}`,
  }));

  // Every year of the data and every target year (a target may lie beyond the horizon).
  const targetYears = scenario.targets.map((target) => target.year);
  const x: ChartAxis = {
    title: inLang(SCENARIO_CHART_WORDS.year, lang),
    unit: 'year',
    ...yearAxis([Math.min(firstYear, ...targetYears), Math.max(lastYear, ...targetYears)]),
  };
  const values = function* (): Generator<number | null> {
    for (const s of series) for (const point of s.points) yield point.y;
    for (const band of bands)
      for (const point of band.points) {
        yield point.low;
        yield point.high;
      }
  };
  const unit = scenario.unit;
  const y: ChartAxis = {
    title: unitText(unit, lang),
    ...(isUnitCode(unit) ? { unit } : {}),
    ...valueAxis(
      values(),
      unit,
      lang,
      [...scenario.targets, ...references].map((figure) => figure.value),
    ),
  };

  const name = localName(scenario, lang);
  const indicator = inLang(scenario.indicatorName, lang);
  return {
    kind: 'line',
    id: `scenario-${scenario.id}`,
    lang,
    title: name,
    subtitle: lang === 'zh' ? `${indicator}（单位：${unitText(unit, 'zh')}）` : `${indicator} (unit: ${unitText(unit, 'en')})`,
    source: chartSourceLine(lang, {
      scenarios: [scenario],
      sources,
      ...(monteCarlo ? { monteCarlo: { trials: monteCarlo.trials, seed: monteCarlo.seed } } : {}),
    }),
    x,
    y,
    bands,
    series,
    targets,
    referenceLines,
  };
}

/**
 * The chart of one scenario of a workspace, from the workspace alone (the Excel export calls this
 * to put the chart in the workbook without the screen). Throws when there is no such scenario.
 */
export function scenarioChartStateFor(workspace: Workspace, scenarioId: string, monteCarlo: MonteCarloResult | null, lang: Lang): LineChartState {
  const scenario = workspace.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`no scenario ${scenarioId} in the workspace`);
  return buildScenarioChartState({
    scenario,
    path: projectedPath(scenario),
    actuals: actualValuesOf(workspace, scenario.indicatorId),
    monteCarlo,
    sources: figureSourcesOf(workspace),
    lang,
  });
}

// ---------------------------------------------------------------------------------------------
// Keeping unchanged parts

function sameText(a: BilingualText, b: BilingualText): boolean {
  return a === b || (a.zh === b.zh && a.en === b.en);
}

function sameColour(a: LineSeries['colour'], b: LineSeries['colour']): boolean {
  return a.kind === b.kind && (a.kind !== 'series' || b.kind !== 'series' || a.index === b.index);
}

function sameNumbers<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i] as T, b[i] as T)) return false;
  return true;
}

const samePoint = (a: ChartPoint, b: ChartPoint) => a.x === b.x && a.y === b.y;
const sameBandPoint = (a: BandPoint, b: BandPoint) => a.x === b.x && a.low === b.low && a.high === b.high;
const sameValue = <T>(a: T, b: T) => a === b;

function sameSeries(a: LineSeries, b: LineSeries): boolean {
  return (
    a.id === b.id &&
    a.role === b.role &&
    a.dash === b.dash &&
    a.showPoints === b.showPoints &&
    sameColour(a.colour, b.colour) &&
    sameText(a.name, b.name) &&
    sameNumbers(a.points, b.points, samePoint)
  );
}

function sameBand(a: ChartBand, b: ChartBand): boolean {
  return (
    a.id === b.id && a.opacity === b.opacity && sameColour(a.colour, b.colour) && sameText(a.name, b.name) && sameNumbers(a.points, b.points, sameBandPoint)
  );
}

function sameAxis(a: ChartAxis, b: ChartAxis): boolean {
  return (
    a.title === b.title &&
    a.unit === b.unit &&
    a.domain[0] === b.domain[0] &&
    a.domain[1] === b.domain[1] &&
    sameNumbers(a.ticks, b.ticks, sameValue) &&
    sameNumbers(a.tickLabels, b.tickLabels, sameValue)
  );
}

const sameTarget = (a: TargetMarker, b: TargetMarker) => a.x === b.x && a.y === b.y && a.label === b.label;
const sameReferenceLine = (a: ReferenceLine, b: ReferenceLine) => a.axis === b.axis && a.value === b.value && a.label === b.label;

/** The next list, with each item whose id and numbers are unchanged replaced by the previous one (the previous list when all are). */
function reuseById<T extends { readonly id: string }>(previous: readonly T[], next: readonly T[], same: (a: T, b: T) => boolean): readonly T[] {
  const byId = new Map(previous.map((item) => [item.id, item]));
  const merged = next.map((item) => {
    const old = byId.get(item.id);
    return old && same(old, item) ? old : item;
  });
  return merged.length === previous.length && merged.every((item, i) => item === previous[i]) ? previous : merged;
}

/**
 * The next state, with every series, band, axis and marker list whose numbers equal the previous
 * state's replaced by the previous object (the previous state itself when nothing changed). A
 * slider step then hands Recharts new data for the projection only, and it keeps the other lines,
 * the band and the axes as they are.
 */
export function withUnchangedParts(previous: LineChartState | null, next: LineChartState): LineChartState {
  if (!previous || previous === next) return next;
  const series = reuseById(previous.series, next.series, sameSeries);
  const bands = reuseById(previous.bands, next.bands, sameBand);
  const x = sameAxis(previous.x, next.x) ? previous.x : next.x;
  const y = sameAxis(previous.y, next.y) ? previous.y : next.y;
  const targets = sameNumbers(previous.targets, next.targets, sameTarget) ? previous.targets : next.targets;
  const referenceLines = sameNumbers(previous.referenceLines, next.referenceLines, sameReferenceLine) ? previous.referenceLines : next.referenceLines;
  const sameFrame =
    previous.id === next.id &&
    previous.lang === next.lang &&
    previous.title === next.title &&
    previous.subtitle === next.subtitle &&
    previous.source === next.source;
  if (
    sameFrame &&
    series === previous.series &&
    bands === previous.bands &&
    x === previous.x &&
    y === previous.y &&
    targets === previous.targets &&
    referenceLines === previous.referenceLines
  )
    return previous;
  return { ...next, x, y, bands, series, targets, referenceLines };
}
