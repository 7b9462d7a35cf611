/**
 * The Compare view's charts as state: chosen scenarios grouped by indicator and unit (one chart
 * per group), their projected paths on a common year axis, the overlay of each group, the
 * difference of each scenario to the baseline, and the small multiples when the groups are
 * several. Pure, so the screen, the exported image and any other output draw the same lines with
 * the same ticks and names.
 *
 * The words of a chart (title, subtitle, axis titles) come in from the caller, translated in the
 * feature's i18n namespace; the numbers on the axes are labelled here through shared/units.
 */
import { projectScenario, validateScenarioSpec } from '../engine';
import { bilingualName, changePercent, isUnitCode, type BilingualText, type Lang, type UnitCode } from '../units';
import type { WorkspaceScenario } from '../workspace';
import type { ChartAxis, LineChartState, LineDash, LineSeries, SmallMultiplesState } from './chart-state';
import { chartSourceLine, type FigureSources } from './source-line';
import { valueAxis, yearAxis } from './ticks';

export interface ScenarioGroup {
  /** `${indicatorId}|${unit}`: scenarios are only overlaid when both match. */
  key: string;
  indicatorId: string;
  unit: string;
  indicatorName: BilingualText;
  scenarios: WorkspaceScenario[];
}

export function groupScenarios(scenarios: readonly WorkspaceScenario[]): ScenarioGroup[] {
  const groups = new Map<string, ScenarioGroup>();
  for (const scenario of scenarios) {
    const key = `${scenario.indicatorId}|${scenario.unit}`;
    const group = groups.get(key);
    if (group) group.scenarios.push(scenario);
    else groups.set(key, { key, indicatorId: scenario.indicatorId, unit: scenario.unit, indicatorName: scenario.indicatorName, scenarios: [scenario] });
  }
  return [...groups.values()];
}

export interface ProjectedSeries {
  scenario: WorkspaceScenario;
  /** values[i] belongs to years[i] of the group; null outside the scenario's own years or when it is invalid. */
  values: (number | null)[];
  invalidReason: BilingualText | null;
}

export interface ProjectedGroup {
  years: number[];
  series: ProjectedSeries[];
}

/** Projects every scenario onto the union of their years (earliest base year to latest horizon). */
export function projectGroup(scenarios: readonly WorkspaceScenario[]): ProjectedGroup {
  const paths = scenarios.map((scenario) => {
    const issues = validateScenarioSpec(scenario);
    if (issues.length > 0) {
      return { scenario, path: null, invalidReason: { en: issues.map((i) => i.message).join('; '), zh: issues.map((i) => i.messageZh).join(';') } };
    }
    return { scenario, path: projectScenario(scenario, scenario.horizonYear), invalidReason: null };
  });
  const valid = paths.filter((entry) => entry.path !== null);
  if (valid.length === 0) return { years: [], series: paths.map((entry) => ({ scenario: entry.scenario, values: [], invalidReason: entry.invalidReason })) };
  const first = Math.min(...valid.map((entry) => entry.path?.startYear ?? Infinity));
  const last = Math.max(...valid.map((entry) => (entry.path ? entry.path.startYear + entry.path.values.length - 1 : -Infinity)));
  const years = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const series = paths.map(({ scenario, path, invalidReason }) => ({
    scenario,
    invalidReason,
    values: years.map((year) => {
      if (!path) return null;
      const value = path.values[year - path.startYear];
      return value === undefined ? null : value;
    }),
  }));
  return { years, series };
}

export interface Difference {
  absolute: number | null;
  /** (scenario − baseline) / baseline × 100. */
  percent: number | null;
}

/** scenario − baseline for each year, null where either has no value (or the baseline is 0 for the percent). */
export function differenceToBaseline(baseline: readonly (number | null)[], values: readonly (number | null)[]): Difference[] {
  return values.map((value, index) => {
    const base = baseline[index] ?? null;
    if (value === null || base === null) return { absolute: null, percent: null };
    const percent = changePercent(base, value);
    return { absolute: value - base, percent: Number.isFinite(percent) ? percent : null };
  });
}

/** The id of a scenario's line in every compare chart, so the legend and outputs can find the scenario again. */
export function compareSeriesId(scenarioId: string): string {
  return `scenario:${scenarioId}`;
}

/** The scenario id behind a compare series id, or null for a line that is not a scenario's. */
export function scenarioIdOfSeries(seriesId: string): string | null {
  return seriesId.startsWith('scenario:') ? seriesId.slice('scenario:'.length) : null;
}

/**
 * The dash of the n-th chosen scenario, so lines differ by more than colour: solid, dashed,
 * dotted, then dashed again (the drawing's dash patterns tell those apart further by index).
 */
function dashOf(styleIndex: number): LineDash {
  const cycle: readonly LineDash[] = ['solid', 'dashed', 'dotted', 'dashed', 'dashed', 'dashed'];
  return cycle[styleIndex % cycle.length] ?? 'solid';
}

function axisUnit(unit: string): UnitCode | undefined {
  return isUnitCode(unit) ? unit : undefined;
}

function yearsAxis(years: readonly number[], title: string): ChartAxis {
  const first = years[0];
  const last = years.at(-1);
  // A group whose scenarios are all invalid has no years: an empty axis rather than made-up ones.
  if (first === undefined || last === undefined) return { title, domain: [0, 1], ticks: [], tickLabels: [], unit: 'year' };
  return { title, ...yearAxis([first, last]), unit: 'year' };
}

/** The words of one compare chart, translated by the caller. */
export interface CompareChartText {
  readonly title: string;
  readonly subtitle: string;
  readonly xTitle: string;
  readonly yTitle: string;
}

export interface CompareOverlayInput {
  /** The chart id, e.g. 'compare-1'. */
  readonly id: string;
  readonly lang: Lang;
  readonly group: ScenarioGroup;
  /** projectGroup(group.scenarios). */
  readonly projected: ProjectedGroup;
  /** A scenario's position among all chosen scenarios: its colour and dash in every compare chart. */
  readonly styleIndex: ReadonlyMap<string, number>;
  readonly text: CompareChartText;
  /** Where the scenarios' figures come from, for the source line. */
  readonly sources: FigureSources;
}

function scenarioSeries(
  scenario: WorkspaceScenario,
  role: LineSeries['role'],
  styleIndex: number,
  years: readonly number[],
  values: readonly (number | null)[],
): LineSeries {
  return {
    id: compareSeriesId(scenario.id),
    name: bilingualName(scenario),
    role,
    colour: { kind: 'series', index: styleIndex },
    dash: dashOf(styleIndex),
    showPoints: false,
    points: years.map((x, index) => ({ x, y: values[index] ?? null })),
  };
}

/**
 * The overlay of one group: a line per scenario on the union of their years. The value axis
 * starts at zero, so two paths are compared by their levels and not by a cropped gap.
 */
export function compareOverlayState({ id, lang, group, projected, styleIndex, text, sources }: CompareOverlayInput): LineChartState {
  const series = projected.series.map((entry) =>
    scenarioSeries(entry.scenario, 'scenario', styleIndex.get(entry.scenario.id) ?? 0, projected.years, entry.values),
  );
  const y = valueAxis(
    projected.series.flatMap((entry) => entry.values),
    group.unit,
    lang,
    [0],
  );
  const unit = axisUnit(group.unit);
  return {
    kind: 'line',
    id,
    lang,
    title: text.title,
    subtitle: text.subtitle,
    source: chartSourceLine(lang, { scenarios: group.scenarios, sources }),
    x: yearsAxis(projected.years, text.xTitle),
    y: { title: text.yTitle, ...y, ...(unit === undefined ? {} : { unit }) },
    bands: [],
    series,
    targets: [],
    referenceLines: [],
  };
}

export type DifferenceMode = 'absolute' | 'percent';

export interface CompareDifferenceInput {
  /** The chart id, e.g. 'compare-difference-1'. */
  readonly id: string;
  readonly lang: Lang;
  /** The indicator's unit (the difference keeps it; percent mode is in percent). */
  readonly unit: string;
  /** projectGroup([baseline, ...others]): the baseline is the first series. */
  readonly projected: ProjectedGroup;
  readonly mode: DifferenceMode;
  readonly styleIndex: ReadonlyMap<string, number>;
  readonly text: CompareChartText;
  readonly sources: FigureSources;
}

/**
 * The baseline in its own difference chart: the line at zero wherever it has a value, named after
 * the baseline scenario, so an image or slide of the chart says what the differences are to (an
 * unnamed zero line left the reader to guess). In the baseline's colour and dash when it is among
 * the chosen scenarios, else in the text colour.
 */
function baselineAtZero(entry: ProjectedSeries, styleIndex: ReadonlyMap<string, number>, years: readonly number[]): LineSeries {
  const index = styleIndex.get(entry.scenario.id);
  const zeros = entry.values.map((value) => (value === null ? null : 0));
  const line = scenarioSeries(entry.scenario, 'baseline', index ?? 0, years, zeros);
  return index === undefined ? { ...line, colour: { kind: 'actual' }, dash: 'solid' } : line;
}

/**
 * Each scenario minus the baseline, in the indicator's unit or in percent of the baseline, with
 * the baseline itself as the named line at zero (where a scenario meets it), always on the axis.
 */
export function compareDifferenceState({ id, lang, unit, projected, mode, styleIndex, text, sources }: CompareDifferenceInput): LineChartState {
  const [baseline, ...others] = projected.series;
  const baselineValues = baseline?.values ?? [];
  const differences = others.map((entry) => {
    const differences = differenceToBaseline(baselineValues, entry.values);
    const values = differences.map((difference) => (mode === 'absolute' ? difference.absolute : difference.percent));
    return scenarioSeries(entry.scenario, 'difference', styleIndex.get(entry.scenario.id) ?? 0, projected.years, values);
  });
  const series = baseline ? [baselineAtZero(baseline, styleIndex, projected.years), ...differences] : differences;
  const yUnit = mode === 'absolute' ? unit : 'percent';
  const y = valueAxis(
    series.flatMap((line) => line.points.map((point) => point.y)),
    yUnit,
    lang,
    [0],
  );
  const axisUnitCode = axisUnit(yUnit);
  return {
    kind: 'line',
    id,
    lang,
    title: text.title,
    subtitle: text.subtitle,
    source: chartSourceLine(lang, { scenarios: projected.series.map((entry) => entry.scenario), sources }),
    x: yearsAxis(projected.years, text.xTitle),
    y: { title: text.yTitle, ...y, ...(axisUnitCode === undefined ? {} : { unit: axisUnitCode }) },
    bands: [],
    series,
    targets: [],
    referenceLines: [],
  };
}

export interface CompareSmallMultiplesInput {
  readonly id: string;
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  /** The overlay of each group, in the order of the groups. */
  readonly panels: readonly LineChartState[];
  /** Every scenario drawn in the panels, for the one source line under them all. */
  readonly scenarios: readonly WorkspaceScenario[];
  readonly sources: FigureSources;
}

/** One overlay per indicator, side by side, each with its own axes (values of different units never share one). */
export function compareSmallMultiplesState({ id, lang, title, subtitle, panels, scenarios, sources }: CompareSmallMultiplesInput): SmallMultiplesState {
  return {
    kind: 'small-multiples',
    id,
    lang,
    title,
    subtitle,
    source: chartSourceLine(lang, { scenarios, sources }),
    panels,
  };
}
