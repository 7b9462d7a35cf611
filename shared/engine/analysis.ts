/** Deterministic analyses: required growth, first year reached, gaps, tornado sensitivity, two-way data tables. */
import { MAX_ABS_VALUE, MAX_ABS_VALUE_TEXT, MAX_RATE_PERCENT, MIN_POSITIVE_VALUE, MIN_POSITIVE_VALUE_TEXT, MIN_RATE_PERCENT } from '../units/bounds';
import { constantGrowthPercent, fractionToPercent, growthFactor, percentToFraction } from '../units/rates';
import { EngineError, formatNumberForMessage, makeIssue, type EngineIssue } from './issues';
import {
  assertValidScenario,
  getParameter,
  growthParameterOf,
  lastAnalysisYear,
  logisticStep,
  MAX_YEAR,
  projectInto,
  projectScenario,
  validateScenarioSpec,
  valueAtYear,
  withParameter,
  type ParameterKey,
  type ProjectionPath,
  type ScenarioSpec,
  type TargetSpec,
} from './models';
import { brentRoot } from './rootfind';

/** Relative tolerance when deciding whether a projected value meets a target (absorbs rounding of 1e-15-ish). */
export const TARGET_RELATIVE_TOLERANCE = 1e-9;

export type UnreachableCode =
  | 'target-year-not-after-base'
  | 'target-not-positive'
  | 'base-not-positive'
  | 'ceiling-not-above-target'
  | 'target-too-low'
  | 'no-rate-large-enough'
  | 'beyond-bounds';

export type RequiredGrowth =
  | {
      readonly status: 'reachable';
      /** Which model parameter was solved for (growthRatePercent, rateShiftPercent, incrementPerYear or targetValue). */
      readonly parameter: ParameterKey;
      /** The required value of that parameter (percent for rates, units per year for increments). */
      readonly value: number;
      /** Constant annual growth in percent that connects base and target, for comparison across models. */
      readonly impliedCagrPercent: number;
      readonly method: 'closed-form' | 'brent';
      readonly iterations: number;
    }
  | {
      readonly status: 'unreachable';
      readonly code: UnreachableCode;
      readonly reason: string;
      readonly reasonZh: string;
    };

/** Closed form (target / base)^(1/n) − 1, in percent; NaN when base or target is not positive or the target year is not after the base. */
export function requiredCagrPercent(baseValue: number, baseYear: number, targetValue: number, targetYear: number): number {
  return constantGrowthPercent(baseValue, targetValue, targetYear - baseYear);
}

function unreachable(code: UnreachableCode, reason: string, reasonZh: string): RequiredGrowth {
  return { status: 'unreachable', code, reason, reasonZh };
}

const LOWEST_RATE_PERCENT = -100 + 1e-7;
const HIGHEST_RATE_PERCENT = 1e7;

/**
 * Finds where an increasing function crosses zero on (lo, ∞): expands the upper end by doubling, then runs Brent.
 * Returns null when no sign change exists below `limit`.
 */
function solveIncreasing(f: (x: number) => number, lo: number, firstHi: number, limit: number): { root: number; iterations: number } | 'too-low' | 'too-high' {
  const fLo = f(lo);
  if (fLo > 0) return 'too-low';
  if (fLo === 0) return { root: lo, iterations: 0 };
  let hi = Math.max(firstHi, lo + 1);
  let fHi = f(hi);
  while (!(fHi >= 0)) {
    if (hi >= limit) return 'too-high';
    hi = Math.min(limit, lo + 2 * (hi - lo));
    fHi = f(hi);
  }
  const result = brentRoot(f, lo, hi, { xTolerance: 1e-13 });
  return { root: result.root, iterations: result.iterations };
}

/**
 * The value of the scenario's growth parameter that makes the projection reach `target.value` in `target.year`.
 * Closed form for CAGR, linear and target path; bracketing + Brent for rate paths (a uniform shift of every rate)
 * and the logistic curve.
 */
export function requiredGrowth(spec: ScenarioSpec, target: Pick<TargetSpec, 'year' | 'value'>): RequiredGrowth {
  assertValidScenario(spec);
  const baseValue = spec.base.value;
  const years = target.year - spec.base.year;
  if (!Number.isInteger(years) || years <= 0) {
    return unreachable(
      'target-year-not-after-base',
      `target year ${target.year} is not after the base year ${spec.base.year}`,
      `目标年份 ${target.year} 不晚于基期年份 ${spec.base.year}`,
    );
  }
  if (!(target.value > 0) || !Number.isFinite(target.value)) {
    return unreachable(
      'target-not-positive',
      `target value must be a positive number (got ${formatNumberForMessage(target.value)})`,
      `目标值必须为正数(当前为 ${formatNumberForMessage(target.value)})`,
    );
  }
  if (target.value < MIN_POSITIVE_VALUE || target.value > MAX_ABS_VALUE) {
    // Same bounds as a scenario's own targets, so target ÷ base and its roots stay finite.
    return unreachable(
      'beyond-bounds',
      `target value must be between ${MIN_POSITIVE_VALUE_TEXT} and ${MAX_ABS_VALUE_TEXT} (got ${formatNumberForMessage(target.value)})`,
      `目标值必须在 ${MIN_POSITIVE_VALUE_TEXT} 至 ${MAX_ABS_VALUE_TEXT} 之间(当前为 ${formatNumberForMessage(target.value)})`,
    );
  }
  const impliedCagrPercent = requiredCagrPercent(baseValue, spec.base.year, target.value, target.year);
  const parameter = growthParameterOf(spec.model);
  const logTarget = Math.log(target.value);

  switch (spec.model) {
    case 'cagr':
      return { status: 'reachable', parameter, value: impliedCagrPercent, impliedCagrPercent, method: 'closed-form', iterations: 0 };
    case 'linear':
      return { status: 'reachable', parameter, value: (target.value - baseValue) / years, impliedCagrPercent, method: 'closed-form', iterations: 0 };
    case 'targetPath': {
      const pathYears = spec.params.targetYear - spec.base.year;
      const value = baseValue * Math.pow(target.value / baseValue, pathYears / years);
      // A target reached early needs a path target far beyond it (1e15 in one year from 1e-9 over a 160-year
      // path is 1e3840): past 1e15 it could not be entered, so it is reported instead of returned as Infinity.
      if (!(value <= MAX_ABS_VALUE)) {
        return unreachable('beyond-bounds', `the path target would have to exceed ${MAX_ABS_VALUE_TEXT}`, `路径目标值须超过 ${MAX_ABS_VALUE_TEXT},无法设定`);
      }
      return { status: 'reachable', parameter, value, impliedCagrPercent, method: 'closed-form', iterations: 0 };
    }
    case 'ratePath': {
      const rates = spec.params.ratesPercent;
      const lastIndex = rates.length - 1;
      let minimumRate = Infinity;
      for (let i = 0; i < Math.min(years, rates.length); i++) minimumRate = Math.min(minimumRate, rates[i] ?? 0);
      const logValueAtShift = (shift: number): number => {
        let logValue = Math.log(baseValue);
        for (let i = 0; i < years; i++) logValue += Math.log1p(percentToFraction((rates[i < lastIndex ? i : lastIndex] ?? 0) + shift));
        return logValue - logTarget;
      };
      const lowestShift = -100 - minimumRate + 1e-7;
      const solved = solveIncreasing(logValueAtShift, lowestShift, 10, HIGHEST_RATE_PERCENT);
      if (solved === 'too-low')
        return unreachable('target-too-low', 'target is below anything a rate above −100% can reach', '目标值低于任何大于 −100% 的增长率所能达到的水平');
      if (solved === 'too-high')
        return unreachable(
          'no-rate-large-enough',
          'no rate shift up to 10,000,000 percentage points reaches the target',
          '增长率上调至 1000 万个百分点仍无法达到目标',
        );
      return { status: 'reachable', parameter, value: solved.root, impliedCagrPercent, method: 'brent', iterations: solved.iterations };
    }
    case 'logistic': {
      const ceiling = spec.params.ceiling;
      if (target.value >= ceiling) {
        return unreachable(
          'ceiling-not-above-target',
          `the ceiling ${formatNumberForMessage(ceiling)} is not above the target ${formatNumberForMessage(target.value)}, so no growth rate reaches it`,
          `上限 ${formatNumberForMessage(ceiling)} 不高于目标值 ${formatNumberForMessage(target.value)},任何增长率都无法达到`,
        );
      }
      const logValueAtRate = (rate: number): number => {
        const factor = growthFactor(rate);
        let value = baseValue;
        for (let i = 0; i < years; i++) value = logisticStep(value, factor, ceiling);
        return Math.log(value) - logTarget;
      };
      const solved = solveIncreasing(logValueAtRate, LOWEST_RATE_PERCENT, 100, HIGHEST_RATE_PERCENT);
      if (solved === 'too-low')
        return unreachable('target-too-low', 'target is below anything a rate above −100% can reach', '目标值低于任何大于 −100% 的增长率所能达到的水平');
      if (solved === 'too-high')
        return unreachable(
          'no-rate-large-enough',
          'the target is so close to the ceiling that no rate up to 10,000,000% reaches it',
          '目标值过于接近上限,增长率达到 1000 万% 仍无法达到',
        );
      return { status: 'reachable', parameter, value: solved.root, impliedCagrPercent, method: 'brent', iterations: solved.iterations };
    }
  }
}

/** A target counts as met when the projection is at or beyond it, in the direction from the base (growth or decline). */
export function meetsTarget(projected: number, targetValue: number, baseValue: number): boolean {
  const tolerance = TARGET_RELATIVE_TOLERANCE * Math.abs(targetValue);
  return targetValue >= baseValue ? projected >= targetValue - tolerance : projected <= targetValue + tolerance;
}

/** First year (from the base year up to `untilYear`) in which the projection meets `targetValue`, or null. */
export function firstYearReached(spec: ScenarioSpec, targetValue: number, untilYear: number = lastAnalysisYear(spec)): number | null {
  assertValidScenario(spec);
  const path = new Float64Array(Math.max(0, Math.min(untilYear, MAX_YEAR) - spec.base.year) + 1);
  projectInto(spec, path);
  for (let i = 0; i < path.length; i++) {
    if (meetsTarget(path[i] ?? NaN, targetValue, spec.base.value)) return spec.base.year + i;
  }
  return null;
}

export interface TargetAnalysis {
  readonly label?: string | undefined;
  readonly year: number;
  readonly value: number;
  readonly projected: number;
  /** projected − target (positive: ahead of target). */
  readonly gap: number;
  /** gap / target × 100. */
  readonly gapPercent: number;
  readonly met: boolean;
  readonly firstYearReached: number | null;
  readonly requiredGrowth: RequiredGrowth;
}

export function analyzeTarget(spec: ScenarioSpec, target: TargetSpec): TargetAnalysis {
  const projected = valueAtYear(spec, target.year);
  const gap = projected - target.value;
  return {
    ...(target.label === undefined ? {} : { label: target.label }),
    year: target.year,
    value: target.value,
    projected,
    gap,
    gapPercent: fractionToPercent(gap / target.value),
    met: meetsTarget(projected, target.value, spec.base.value),
    firstYearReached: firstYearReached(spec, target.value, Math.max(lastAnalysisYear(spec), target.year)),
    requiredGrowth: requiredGrowth(spec, target),
  };
}

export interface ScenarioAnalysis {
  readonly path: ProjectionPath;
  readonly targets: readonly TargetAnalysis[];
}

/** Path plus every target's gap, first year reached and required growth (what the CLI `project` command prints). */
export function analyzeScenario(spec: ScenarioSpec): ScenarioAnalysis {
  const path = projectScenario(spec);
  return { path, targets: (spec.targets ?? []).map((target) => analyzeTarget(spec, target)) };
}

// ---------------------------------------------------------------------------------------------
// Sensitivity

export type OutputMetric =
  | { readonly kind: 'valueAtYear'; readonly year: number }
  /** (projected − target) / target × 100 for spec.targets[targetIndex]. */
  | { readonly kind: 'gapPercent'; readonly targetIndex: number };

export function describeMetric(metric: OutputMetric): string {
  return metric.kind === 'valueAtYear' ? `value in ${metric.year}` : `gap % to target #${metric.targetIndex + 1}`;
}

function checkMetric(spec: ScenarioSpec, metric: OutputMetric): void {
  if (metric.kind === 'valueAtYear') {
    if (!Number.isInteger(metric.year) || metric.year < spec.base.year || metric.year > MAX_YEAR) {
      throw new EngineError([
        makeIssue(
          'year-out-of-range',
          'metric.year',
          `must be a whole year between ${spec.base.year} and ${MAX_YEAR} (got ${metric.year})`,
          `必须是 ${spec.base.year} 至 ${MAX_YEAR} 之间的整数年份(当前为 ${metric.year})`,
          metric.year,
        ),
      ]);
    }
  } else if (spec.targets?.[metric.targetIndex] === undefined) {
    throw new EngineError([
      makeIssue('parameter-not-applicable', 'metric.targetIndex', `scenario has no target #${metric.targetIndex}`, `情景没有第 ${metric.targetIndex} 号目标`),
    ]);
  }
}

/** Evaluates the output of an already validated scenario. */
export function evaluateMetric(spec: ScenarioSpec, metric: OutputMetric): number {
  if (metric.kind === 'valueAtYear') return valueAtYear(spec, metric.year);
  const target = spec.targets?.[metric.targetIndex];
  if (target === undefined) return NaN;
  return fractionToPercent((valueAtYear(spec, target.year) - target.value) / target.value);
}

export interface ParameterRange {
  readonly key: ParameterKey;
  readonly low: number;
  readonly high: number;
}

export interface TornadoBar {
  readonly key: ParameterKey;
  readonly low: number;
  readonly high: number;
  readonly outputAtLow: number;
  readonly outputAtHigh: number;
  /** |outputAtHigh − outputAtLow|; bars are sorted by this, largest first. */
  readonly swing: number;
}

export interface TornadoResult {
  readonly metric: OutputMetric;
  readonly baseline: number;
  readonly bars: readonly TornadoBar[];
}

function rewrapIssues(issues: readonly EngineIssue[], field: string, en: string, zh: string): EngineError {
  return new EngineError(issues.map((issue) => makeIssue(issue.code, field, `${en}: ${issue.message}`, `${zh}:${issue.messageZh}`, issue.got)));
}

/** One-at-a-time sensitivity: each parameter moved to its low and high value with the others at their base values. */
export function tornadoSensitivity(spec: ScenarioSpec, ranges: readonly ParameterRange[], metric: OutputMetric): TornadoResult {
  assertValidScenario(spec);
  checkMetric(spec, metric);
  const bars = ranges.map((range, index): TornadoBar => {
    const lowSpec = withParameter(spec, range.key, range.low);
    const lowIssues = validateScenarioSpec(lowSpec);
    if (lowIssues.length > 0) throw rewrapIssues(lowIssues, `ranges[${index}].low`, 'the low value gives an invalid scenario', '低值导致情景无效');
    const highSpec = withParameter(spec, range.key, range.high);
    const highIssues = validateScenarioSpec(highSpec);
    if (highIssues.length > 0) throw rewrapIssues(highIssues, `ranges[${index}].high`, 'the high value gives an invalid scenario', '高值导致情景无效');
    const outputAtLow = evaluateMetric(lowSpec, metric);
    const outputAtHigh = evaluateMetric(highSpec, metric);
    return { key: range.key, low: range.low, high: range.high, outputAtLow, outputAtHigh, swing: Math.abs(outputAtHigh - outputAtLow) };
  });
  bars.sort((a, b) => b.swing - a.swing);
  return { metric, baseline: evaluateMetric(spec, metric), bars };
}

/**
 * Reasonable starting ranges for a tornado chart: rates ±5 percentage points (kept above −100 %),
 * base and target values ±10 %, increments ±25 %, ceiling ±20 % (kept above the base).
 */
export function defaultSensitivityRanges(spec: ScenarioSpec): ParameterRange[] {
  const ranges: ParameterRange[] = [];
  const base = spec.base.value;
  // Every end stays within the unit bounds (shared/units/bounds.ts), so a scenario at a bound still gets a chart.
  const value = (x: number): number => Math.max(-MAX_ABS_VALUE, Math.min(MAX_ABS_VALUE, x));
  const positive = (x: number): number => Math.max(MIN_POSITIVE_VALUE, Math.min(MAX_ABS_VALUE, x));
  const rate = (x: number): number => Math.min(MAX_RATE_PERCENT, x);
  ranges.push({
    key: 'baseValue',
    low: spec.model === 'linear' ? value(base * 0.9) : positive(base * 0.9),
    high: spec.model === 'linear' ? value(base * 1.1) : positive(base * 1.1),
  });
  switch (spec.model) {
    case 'cagr':
    case 'logistic': {
      const growth = spec.params.growthRatePercent;
      ranges.push({ key: 'growthRatePercent', low: Math.max(growth - 5, MIN_RATE_PERCENT + 1), high: rate(growth + 5) });
      if (spec.model === 'logistic') {
        const ceiling = spec.params.ceiling;
        // Lowering the base by 10 % as well keeps the low ceiling valid for the baseValue bar's scenario only, so stay above 1.1 × base.
        ranges.push({ key: 'ceiling', low: positive(Math.max(ceiling * 0.8, base * 1.1 + Math.abs(base) * 1e-6)), high: positive(ceiling * 1.2) });
      }
      break;
    }
    case 'ratePath': {
      const lowest = Math.min(...spec.params.ratesPercent);
      const highest = Math.max(...spec.params.ratesPercent);
      ranges.push({ key: 'rateShiftPercent', low: Math.max(-5, MIN_RATE_PERCENT + 1 - lowest), high: Math.min(5, MAX_RATE_PERCENT - highest) });
      break;
    }
    case 'linear': {
      const increment = spec.params.incrementPerYear;
      const spread = Math.abs(increment) * 0.25 || 1;
      ranges.push({ key: 'incrementPerYear', low: value(increment - spread), high: value(increment + spread) });
      break;
    }
    case 'targetPath':
      ranges.push({ key: 'targetValue', low: positive(spec.params.targetValue * 0.9), high: positive(spec.params.targetValue * 1.1) });
      break;
  }
  return ranges;
}

// ---------------------------------------------------------------------------------------------
// Two-way data table

export const MAX_TABLE_CELLS = 1_000_000;

export interface TableAxis {
  readonly key: ParameterKey;
  readonly values: readonly number[];
}

export interface TwoWayTable {
  readonly metric: OutputMetric;
  readonly rowKey: ParameterKey;
  readonly columnKey: ParameterKey;
  readonly rowValues: readonly number[];
  readonly columnValues: readonly number[];
  /** Row-major: values[row * columnValues.length + column]; NaN where the combination is not a valid scenario. */
  readonly values: Float64Array;
  readonly invalidCells: number;
}

/** Evaluates `metric` for every combination of two parameters (like Excel's two-variable data table). */
export function twoWayTable(spec: ScenarioSpec, rows: TableAxis, columns: TableAxis, metric: OutputMetric): TwoWayTable {
  assertValidScenario(spec);
  checkMetric(spec, metric);
  if (rows.key === columns.key) {
    throw new EngineError([
      makeIssue(
        'parameter-not-applicable',
        'columns.key',
        `row and column parameters must differ (both are ${rows.key})`,
        `行参数与列参数必须不同(均为 ${rows.key})`,
      ),
    ]);
  }
  getParameter(spec, rows.key);
  getParameter(spec, columns.key);
  const cellCount = rows.values.length * columns.values.length;
  if (cellCount > MAX_TABLE_CELLS) {
    throw new EngineError([
      makeIssue(
        'table-too-large',
        'rows.values',
        `table would have ${cellCount} cells; the limit is ${MAX_TABLE_CELLS}`,
        `表格将有 ${cellCount} 个单元格,上限为 ${MAX_TABLE_CELLS}`,
        cellCount,
      ),
    ]);
  }
  const values = new Float64Array(cellCount);
  let invalidCells = 0;
  const columnCount = columns.values.length;
  rows.values.forEach((rowValue, rowIndex) => {
    const rowSpec = withParameter(spec, rows.key, rowValue);
    columns.values.forEach((columnValue, columnIndex) => {
      const cellSpec = withParameter(rowSpec, columns.key, columnValue);
      let output = NaN;
      if (validateScenarioSpec(cellSpec).length === 0) output = evaluateMetric(cellSpec, metric);
      else invalidCells++;
      values[rowIndex * columnCount + columnIndex] = output;
    });
  });
  return { metric, rowKey: rows.key, columnKey: columns.key, rowValues: [...rows.values], columnValues: [...columns.values], values, invalidCells };
}

/** `count` evenly spaced values from `from` to `to` inclusive. */
export function linspace(from: number, to: number, count: number): number[] {
  if (count <= 1) return [from];
  return Array.from({ length: count }, (_, index) => (index === count - 1 ? to : from + ((to - from) * index) / (count - 1)));
}
