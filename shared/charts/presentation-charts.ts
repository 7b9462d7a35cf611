/**
 * The presentation panel's own charts as state: the baseline scenario's projected path, and its
 * increase over the previous year as bars. Pure, so the panel on screen, presentation mode and
 * the exported images draw the same years, values and names.
 *
 * Words (titles, axis titles, the increase series' name) come translated from the caller; the
 * numbers on the value axis are labelled here through shared/units (ticks.ts).
 */
import type { BilingualText, Lang } from '../units';
import type { ChartAxis, LineChartState } from './chart-state';
import { chartSourceLine, type FigureSources, type SourcedScenario } from './source-line';
import { valueAxis as valueScale, yearAxis } from './ticks';

export interface BaselineChartInput {
  readonly lang: Lang;
  readonly scenario: SourcedScenario & { readonly indicatorName: BilingualText; readonly unit: string };
  /** The projection: values[i] is the value in startYear + i. */
  readonly path: { readonly startYear: number; readonly values: ArrayLike<number> };
  /** Title, subtitle and the axis titles (the year, the unit), translated by the caller. */
  readonly text: { readonly title: string; readonly subtitle: string; readonly xTitle: string; readonly yTitle: string };
  /** Where the scenario's figures come from, for the source line. */
  readonly sources: FigureSources;
}

export const baselinePathId = 'baseline-path';
export const baselineIncreaseId = 'baseline-increase';

function frameOf(id: string, { lang, scenario, text, sources }: BaselineChartInput) {
  return { id, lang, title: text.title, subtitle: text.subtitle, source: chartSourceLine(lang, { scenarios: [scenario], sources }) };
}

function valueAxis(values: readonly number[], input: BaselineChartInput): ChartAxis {
  // Zero is on the axis: the path and its increases are read against nothing, not against the lowest year.
  const scale = valueScale(values, input.scenario.unit, input.lang, [0]);
  return { title: input.text.yTitle, ...scale };
}

/** The baseline's projected path, base year to horizon, with a point on every year. */
export function baselinePathState(input: BaselineChartInput): LineChartState {
  const { path, scenario } = input;
  const values = Array.from(path.values);
  const lastYear = path.startYear + Math.max(0, values.length - 1);
  return {
    kind: 'line',
    ...frameOf(baselinePathId, input),
    x: { title: input.text.xTitle, unit: 'year', ...yearAxis([path.startYear, lastYear]) },
    y: valueAxis(values, input),
    bands: [],
    series: [
      {
        id: 'baseline',
        name: scenario.indicatorName,
        role: 'baseline',
        colour: { kind: 'projection' },
        dash: 'solid',
        showPoints: true,
        points: values.map((value, index) => ({ x: path.startYear + index, y: Number.isFinite(value) ? value : null })),
      },
    ],
    targets: [],
    referenceLines: [],
  };
}

/**
 * The baseline's increase over the previous year, one bar per year from the year after the base
 * (the base year has no previous year). The year axis has half a year of room either side, so
 * the first and last bars are whole.
 */
export function baselineIncreaseState(input: BaselineChartInput & { readonly increaseName: BilingualText }): LineChartState {
  const { path } = input;
  const values = Array.from(path.values);
  const increases = values.slice(1).map((value, index) => ({ x: path.startYear + index + 1, y: value - (values[index] ?? value) }));
  const firstYear = path.startYear + 1;
  const lastYear = Math.max(firstYear, path.startYear + values.length - 1);
  const years = yearAxis([firstYear, lastYear]);
  return {
    kind: 'line',
    ...frameOf(baselineIncreaseId, input),
    x: { title: input.text.xTitle, unit: 'year', ...years, domain: [firstYear - 0.5, lastYear + 0.5] },
    y: valueAxis(
      increases.map((point) => point.y),
      input,
    ),
    bands: [],
    series: [
      {
        id: 'increase',
        name: input.increaseName,
        role: 'difference',
        colour: { kind: 'projection' },
        dash: 'solid',
        showPoints: false,
        mark: 'bar',
        points: increases.map((point) => ({ x: point.x, y: Number.isFinite(point.y) ? point.y : null })),
      },
    ],
    targets: [],
    referenceLines: [],
  };
}
