/** Which outputs and parameters the sensitivity view offers for a scenario, and the table axes. Pure. */
import {
  checkParameterBounds,
  defaultSensitivityRanges,
  growthParameterOf,
  lastAnalysisYear,
  linspace,
  parametersOf,
  type OutputMetric,
  type ParameterKey,
  type ParameterRange,
  type ScenarioSpec,
} from '../../../shared/engine';
import { inLang, type Lang } from '../../../shared/units';

export const MIN_AXIS_STEPS = 2;
export const MAX_AXIS_STEPS = 50;
export const DEFAULT_AXIS_STEPS = 7;

export interface MetricOption {
  /** Stable id for a <select>: `value:2027` or `gap:1`. */
  id: string;
  metric: OutputMetric;
}

/** The value in every year after the base up to the last analysed year, then the gap to each later target. */
export function metricOptions(spec: ScenarioSpec): MetricOption[] {
  const options: MetricOption[] = [];
  for (let year = spec.base.year + 1; year <= lastAnalysisYear(spec); year++) options.push({ id: `value:${year}`, metric: { kind: 'valueAtYear', year } });
  (spec.targets ?? []).forEach((target, targetIndex) => {
    if (target.year > spec.base.year) options.push({ id: `gap:${targetIndex}`, metric: { kind: 'gapPercent', targetIndex } });
  });
  return options;
}

/** 2027 (the article's "double growth" year) when the scenario reaches it, else its horizon. */
export function defaultMetricId(spec: ScenarioSpec, preferredYear = 2027): string {
  const options = metricOptions(spec);
  const preferred = options.find((option) => option.metric.kind === 'valueAtYear' && option.metric.year === preferredYear);
  return (preferred ?? options.find((option) => option.metric.kind === 'valueAtYear' && option.metric.year === spec.horizonYear) ?? options[0])?.id ?? '';
}

export function rangeOf(spec: ScenarioSpec, key: ParameterKey): ParameterRange | undefined {
  return defaultSensitivityRanges(spec).find((range) => range.key === key);
}

/** Default table axes: the growth parameter down the rows, the base value across the columns. */
export function defaultAxisKeys(spec: ScenarioSpec): { rowKey: ParameterKey; columnKey: ParameterKey } {
  const rowKey = growthParameterOf(spec.model);
  const columnKey = parametersOf(spec.model).find((key) => key !== rowKey) ?? 'baseValue';
  return { rowKey, columnKey };
}

export function clampSteps(steps: number): number {
  if (!Number.isFinite(steps)) return DEFAULT_AXIS_STEPS;
  return Math.min(MAX_AXIS_STEPS, Math.max(MIN_AXIS_STEPS, Math.round(steps)));
}

/** Evenly spaced axis values; an odd count puts the scenario's own value in the middle of the default range. */
export function axisValues(low: number, high: number, steps: number): number[] {
  return linspace(low, high, clampSteps(steps));
}

/**
 * Why an axis end typed by the analyst cannot be used (outside its parameter's unit bounds: a rate above
 * 1000 %, a value beyond 1e15…), in the UI language, or null. Combinations that break other rules (a
 * ceiling below the base) stay allowed: the table shows them as invalid cells.
 */
export function axisValueProblem(spec: ScenarioSpec, key: ParameterKey, value: number, lang: Lang): string | null {
  const issue = checkParameterBounds(spec.model, key, value, key)[0];
  if (issue === undefined) return null;
  const text = inLang({ zh: issue.messageZh, en: issue.message }, lang);
  const prefix = inLang({ zh: `${issue.field}:`, en: `${issue.field}: ` }, lang);
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}
