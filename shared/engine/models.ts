/**
 * Projection models. All rates are in PERCENT (15 means 15 % a year).
 *
 * Every model is evaluated as a year-by-year recursion v[t+1] = step(v[t]) so that the
 * deterministic projection and the Monte Carlo simulation use exactly the same floating-point
 * operations (a Monte Carlo run with zero variance reproduces the deterministic path bit for bit).
 */
import { MAX_RATE_PERCENT } from '../units/bounds';
import { constantGrowthFactor, growthFactor, rateOfFactor } from '../units/rates';
import {
  checkFinite,
  checkGrowthRatePercent,
  checkLevel,
  checkMagnitude,
  checkPositive,
  EngineError,
  formatNumberForMessage,
  joinField,
  makeIssue,
  type EngineIssue,
} from './issues';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2060;

export type ModelKind = 'cagr' | 'ratePath' | 'linear' | 'logistic' | 'targetPath';
export const MODEL_KINDS: readonly ModelKind[] = ['cagr', 'ratePath', 'linear', 'logistic', 'targetPath'];

export interface CagrParams {
  readonly growthRatePercent: number;
}
/** `ratesPercent[i]` is the growth from year base+i to base+i+1; the last rate continues after the list ends. */
export interface RatePathParams {
  readonly ratesPercent: readonly number[];
}
export interface LinearParams {
  readonly incrementPerYear: number;
}
/**
 * Continuous logistic curve with intrinsic rate r = ln(1 + growthRatePercent/100), so far below the
 * ceiling it grows like a CAGR of growthRatePercent, and it never crosses the ceiling.
 */
export interface LogisticParams {
  readonly growthRatePercent: number;
  readonly ceiling: number;
}
/** Geometric interpolation from the base to targetValue at targetYear; the same rate continues afterwards. */
export interface TargetPathParams {
  readonly targetYear: number;
  readonly targetValue: number;
}

export type ModelSpec =
  | { readonly model: 'cagr'; readonly params: CagrParams }
  | { readonly model: 'ratePath'; readonly params: RatePathParams }
  | { readonly model: 'linear'; readonly params: LinearParams }
  | { readonly model: 'logistic'; readonly params: LogisticParams }
  | { readonly model: 'targetPath'; readonly params: TargetPathParams };

export interface BasePoint {
  readonly year: number;
  readonly value: number;
  /** The figure the base comes from (`…@2023-actual`), when it comes from one: an actual base is known, not uncertain. */
  readonly observationId?: string | undefined;
}

export interface TargetSpec {
  readonly year: number;
  readonly value: number;
  readonly label?: string | undefined;
}

/** What the engine needs to project one scenario. Workspace scenarios are structurally compatible. */
export type ScenarioSpec = ModelSpec & {
  readonly base: BasePoint;
  readonly horizonYear: number;
  readonly targets?: readonly TargetSpec[] | undefined;
};

/**
 * Numeric inputs that sensitivity, data tables and Monte Carlo can vary.
 * `rateShiftPercent` is virtual: percentage points added to every rate of a rate path (0 = as entered).
 */
export type ParameterKey = 'baseValue' | 'growthRatePercent' | 'rateShiftPercent' | 'incrementPerYear' | 'ceiling' | 'targetValue';
export const PARAMETER_KEYS: readonly ParameterKey[] = ['baseValue', 'growthRatePercent', 'rateShiftPercent', 'incrementPerYear', 'ceiling', 'targetValue'];

const MODEL_PARAMETERS: Readonly<Record<ModelKind, readonly ParameterKey[]>> = {
  cagr: ['baseValue', 'growthRatePercent'],
  ratePath: ['baseValue', 'rateShiftPercent'],
  linear: ['baseValue', 'incrementPerYear'],
  logistic: ['baseValue', 'growthRatePercent', 'ceiling'],
  targetPath: ['baseValue', 'targetValue'],
};

/** The parameter that "required growth" solves for and the reverse Monte Carlo question shifts. */
const GROWTH_PARAMETER: Readonly<Record<ModelKind, ParameterKey>> = {
  cagr: 'growthRatePercent',
  ratePath: 'rateShiftPercent',
  linear: 'incrementPerYear',
  logistic: 'growthRatePercent',
  targetPath: 'targetValue',
};

/** Parameters that change every year when Monte Carlo shocks are drawn per year (the others are drawn once per trial). */
export const FLOW_PARAMETERS: ReadonlySet<ParameterKey> = new Set<ParameterKey>(['growthRatePercent', 'rateShiftPercent', 'incrementPerYear']);

export function parametersOf(model: ModelKind): readonly ParameterKey[] {
  return MODEL_PARAMETERS[model];
}

export function growthParameterOf(model: ModelKind): ParameterKey {
  return GROWTH_PARAMETER[model];
}

function parameterField(key: ParameterKey): string {
  return key === 'baseValue' ? 'base.value' : `params.${key}`;
}

export function getParameter(spec: ScenarioSpec, key: ParameterKey): number {
  if (key === 'baseValue') return spec.base.value;
  switch (spec.model) {
    case 'cagr':
      if (key === 'growthRatePercent') return spec.params.growthRatePercent;
      break;
    case 'ratePath':
      if (key === 'rateShiftPercent') return 0;
      break;
    case 'linear':
      if (key === 'incrementPerYear') return spec.params.incrementPerYear;
      break;
    case 'logistic':
      if (key === 'growthRatePercent') return spec.params.growthRatePercent;
      if (key === 'ceiling') return spec.params.ceiling;
      break;
    case 'targetPath':
      if (key === 'targetValue') return spec.params.targetValue;
      break;
  }
  throw parameterNotApplicable(spec.model, key, parameterField(key));
}

export function parameterNotApplicable(model: ModelKind, key: string, field: string): EngineError {
  return new EngineError([
    makeIssue('parameter-not-applicable', field, `parameter "${key}" does not apply to the ${model} model`, `参数“${key}”不适用于 ${model} 模型`),
  ]);
}

/** Returns a copy of the scenario with one parameter replaced (for rate paths `rateShiftPercent` shifts every rate). */
export function withParameter<S extends ScenarioSpec>(spec: S, key: ParameterKey, value: number): S {
  if (key === 'baseValue') return { ...spec, base: { ...spec.base, value } };
  const applicable = MODEL_PARAMETERS[spec.model];
  if (!applicable.includes(key)) throw parameterNotApplicable(spec.model, key, parameterField(key));
  if (spec.model === 'ratePath') {
    return { ...spec, params: { ...spec.params, ratesPercent: spec.params.ratesPercent.map((rate) => rate + value) } };
  }
  return { ...spec, params: { ...spec.params, [key]: value } };
}

/**
 * The unit bounds of one variable parameter (rates in (−100, 1000] %, values at most 1e15 in magnitude,
 * positive ones at least 1e-9) without the checks that relate it to the other inputs (a ceiling above
 * the base…): for inputs such as sensitivity ranges, which explore combinations the scenario does not have.
 * A rate shift is bounded like a rate.
 */
export function checkParameterBounds(model: ModelKind, key: ParameterKey, value: number, field: string): EngineIssue[] {
  const issues: EngineIssue[] = [];
  switch (key) {
    case 'growthRatePercent':
    case 'rateShiftPercent':
      checkGrowthRatePercent(field, value, issues);
      break;
    case 'baseValue':
      if (model === 'linear') checkLevel(field, value, issues, 'base value', '基期值');
      else checkPositive(field, value, issues, 'base value', '基期值');
      break;
    case 'incrementPerYear':
      checkMagnitude(field, value, issues, 'increment per year', '每年增量');
      break;
    case 'ceiling':
      checkPositive(field, value, issues, 'ceiling', '上限');
      break;
    case 'targetValue':
      checkPositive(field, value, issues, 'target value', '目标值');
      break;
  }
  return issues;
}

/** Validates everything the projection needs; `prefix` is prepended to field paths (e.g. `scenarios[2]`). */
export function validateScenarioSpec(spec: ScenarioSpec, prefix = ''): EngineIssue[] {
  const issues: EngineIssue[] = [];
  const field = (name: string): string => joinField(prefix, name);
  const baseYearOk = checkYear(field('base.year'), spec.base.year, issues);
  const model = spec.model;
  const baseValueMustBePositive = model !== 'linear';
  // A linear base may be 0 or negative (a net change); every other model multiplies or divides by it.
  const baseValueOk = baseValueMustBePositive
    ? checkPositive(field('base.value'), spec.base.value, issues, 'base value', '基期值')
    : checkLevel(field('base.value'), spec.base.value, issues, 'base value', '基期值');

  if (checkYear(field('horizonYear'), spec.horizonYear, issues) && baseYearOk) {
    if (spec.horizonYear < spec.base.year) {
      issues.push(
        makeIssue(
          'horizon-before-base',
          field('horizonYear'),
          `horizon year must not be before the base year ${spec.base.year} (got ${spec.horizonYear})`,
          `预测终止年份不能早于基期年份 ${spec.base.year}(当前为 ${spec.horizonYear})`,
          spec.horizonYear,
        ),
      );
    }
  }

  switch (spec.model) {
    case 'cagr':
      checkGrowthRatePercent(field('params.growthRatePercent'), spec.params.growthRatePercent, issues);
      break;
    case 'ratePath': {
      const rates = spec.params.ratesPercent;
      if (rates.length === 0) {
        issues.push(makeIssue('empty-rate-path', field('params.ratesPercent'), 'needs at least one yearly rate', '至少需要一个年度增长率'));
      }
      rates.forEach((rate, index) => checkGrowthRatePercent(field(`params.ratesPercent[${index}]`), rate, issues));
      break;
    }
    case 'linear':
      checkMagnitude(field('params.incrementPerYear'), spec.params.incrementPerYear, issues, 'increment per year', '每年增量');
      break;
    case 'logistic': {
      checkGrowthRatePercent(field('params.growthRatePercent'), spec.params.growthRatePercent, issues);
      const ceiling = spec.params.ceiling;
      if (checkPositive(field('params.ceiling'), ceiling, issues, 'ceiling', '上限') && baseValueOk && ceiling <= spec.base.value) {
        const got = formatNumberForMessage(ceiling);
        const base = formatNumberForMessage(spec.base.value);
        issues.push(
          makeIssue(
            'ceiling-not-above-base',
            field('params.ceiling'),
            `ceiling must be greater than the base value ${base} (got ${got})`,
            `上限必须大于基期值 ${base}(当前为 ${got})`,
            ceiling,
          ),
        );
      }
      break;
    }
    case 'targetPath': {
      const targetYearField = field('params.targetYear');
      let targetYearOk = checkYear(targetYearField, spec.params.targetYear, issues) && baseYearOk;
      if (targetYearOk && spec.params.targetYear <= spec.base.year) {
        targetYearOk = false;
        issues.push(
          makeIssue(
            'target-year-not-after-base',
            targetYearField,
            `target year must be after the base year ${spec.base.year} (got ${spec.params.targetYear})`,
            `目标年份必须晚于基期年份 ${spec.base.year}(当前为 ${spec.params.targetYear})`,
            spec.params.targetYear,
          ),
        );
      }
      if (checkPositive(field('params.targetValue'), spec.params.targetValue, issues, 'target value', '目标值') && baseValueOk && targetYearOk) {
        // The path's rate continues after the target year, so it is bounded like any other growth rate
        // (a path from 1e-9 to 1e15 in one year would grow 1e24-fold a year and overflow).
        const impliedRate = rateOfFactor(targetPathFactor(spec.base.value, spec.base.year, spec.params.targetValue, spec.params.targetYear));
        if (!(impliedRate <= MAX_RATE_PERCENT)) {
          const got = formatNumberForMessage(Number(impliedRate.toPrecision(6)));
          issues.push(
            makeIssue(
              'rate-too-high',
              field('params.targetValue'),
              `the path to this target grows ${got}% a year; at most ${MAX_RATE_PERCENT}% is allowed`,
              `到达该目标的路径年增长 ${got}%,不能超过 ${MAX_RATE_PERCENT}%`,
              spec.params.targetValue,
            ),
          );
        }
      }
      break;
    }
    default: {
      const unknownModel: never = spec;
      throw new TypeError(`unknown model ${String((unknownModel as { model: unknown }).model)}`);
    }
  }

  (spec.targets ?? []).forEach((target, index) => {
    const targetField = field(`targets[${index}]`);
    if (checkYear(`${targetField}.year`, target.year, issues) && baseYearOk && target.year <= spec.base.year) {
      issues.push(
        makeIssue(
          'target-year-not-after-base',
          `${targetField}.year`,
          `target year must be after the base year ${spec.base.year} (got ${target.year})`,
          `目标年份必须晚于基期年份 ${spec.base.year}(当前为 ${target.year})`,
          target.year,
        ),
      );
    }
    checkPositive(`${targetField}.value`, target.value, issues, 'target value', '目标值');
  });
  return issues;
}

function checkYear(field: string, year: number, issues: EngineIssue[]): boolean {
  if (!checkFinite(field, year, issues)) return false;
  if (!Number.isInteger(year)) {
    issues.push(
      makeIssue(
        'not-integer',
        field,
        `year must be a whole number (got ${formatNumberForMessage(year)})`,
        `年份必须是整数(当前为 ${formatNumberForMessage(year)})`,
        year,
      ),
    );
    return false;
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    const code = year > MAX_YEAR && field.endsWith('horizonYear') ? 'horizon-too-late' : 'year-out-of-range';
    issues.push(
      makeIssue(
        code,
        field,
        `year must be between ${MIN_YEAR} and ${MAX_YEAR} (got ${year})`,
        `年份必须在 ${MIN_YEAR} 至 ${MAX_YEAR} 之间(当前为 ${year})`,
        year,
      ),
    );
    return false;
  }
  return true;
}

export function assertValidScenario(spec: ScenarioSpec, prefix = ''): void {
  const issues = validateScenarioSpec(spec, prefix);
  if (issues.length > 0) throw new EngineError(issues);
}

/** Last year the analyses look at: the horizon, or a later target year. */
export function lastAnalysisYear(spec: ScenarioSpec): number {
  let last = spec.horizonYear;
  for (const target of spec.targets ?? []) if (target.year > last) last = target.year;
  return last;
}

/** Growth factor per year of a target path: (targetValue / base)^(1 / years), unchecked (the Monte Carlo run clamps it). */
export function targetPathFactor(baseValue: number, baseYear: number, targetValue: number, targetYear: number): number {
  return constantGrowthFactor(baseValue, targetValue, targetYear - baseYear);
}

/** One logistic year: exact solution of dv/dt = r v (1 − v/K) over one year with e^r = factor. */
export function logisticStep(value: number, factor: number, ceiling: number): number {
  const grown = value * factor;
  return (ceiling * grown) / (grown + ceiling - value);
}

/**
 * Writes the path into `out[0..out.length)`, where out[i] is the value in year base.year + i.
 * Does not validate and does not allocate (the caller validated the spec), so it is safe in hot loops.
 */
export function projectInto(spec: ScenarioSpec, out: Float64Array): void {
  const length = out.length;
  if (length === 0) return;
  let value = spec.base.value;
  out[0] = value;
  switch (spec.model) {
    case 'cagr': {
      const factor = growthFactor(spec.params.growthRatePercent);
      for (let i = 1; i < length; i++) {
        value *= factor;
        out[i] = value;
      }
      return;
    }
    case 'ratePath': {
      const rates = spec.params.ratesPercent;
      const lastIndex = rates.length - 1;
      for (let i = 1; i < length; i++) {
        const rate = rates[i - 1 < lastIndex ? i - 1 : lastIndex] ?? 0;
        value *= growthFactor(rate);
        out[i] = value;
      }
      return;
    }
    case 'linear': {
      const increment = spec.params.incrementPerYear;
      for (let i = 1; i < length; i++) {
        value += increment;
        out[i] = value;
      }
      return;
    }
    case 'logistic': {
      const factor = growthFactor(spec.params.growthRatePercent);
      const ceiling = spec.params.ceiling;
      for (let i = 1; i < length; i++) {
        value = logisticStep(value, factor, ceiling);
        out[i] = value;
      }
      return;
    }
    case 'targetPath': {
      const factor = targetPathFactor(spec.base.value, spec.base.year, spec.params.targetValue, spec.params.targetYear);
      for (let i = 1; i < length; i++) {
        value *= factor;
        out[i] = value;
      }
      return;
    }
  }
}

/** Value in `year` (≥ base year) without allocating; assumes a validated spec. */
export function valueAtYear(spec: ScenarioSpec, year: number): number {
  const steps = year - spec.base.year;
  let value = spec.base.value;
  switch (spec.model) {
    case 'cagr': {
      const factor = growthFactor(spec.params.growthRatePercent);
      for (let i = 0; i < steps; i++) value *= factor;
      return value;
    }
    case 'ratePath': {
      const rates = spec.params.ratesPercent;
      const lastIndex = rates.length - 1;
      for (let i = 0; i < steps; i++) value *= growthFactor(rates[i < lastIndex ? i : lastIndex] ?? 0);
      return value;
    }
    case 'linear':
      for (let i = 0; i < steps; i++) value += spec.params.incrementPerYear;
      return value;
    case 'logistic': {
      const factor = growthFactor(spec.params.growthRatePercent);
      for (let i = 0; i < steps; i++) value = logisticStep(value, factor, spec.params.ceiling);
      return value;
    }
    case 'targetPath': {
      const factor = targetPathFactor(spec.base.value, spec.base.year, spec.params.targetValue, spec.params.targetYear);
      for (let i = 0; i < steps; i++) value *= factor;
      return value;
    }
  }
}

export interface ProjectionPath {
  /** Year of values[0] (the base year). */
  readonly startYear: number;
  /** values[i] is the projected value in startYear + i, up to the horizon (or a later target year). */
  readonly values: Float64Array;
}

/** Validated projection from the base year to the horizon (extended to the last target year if that is later). */
export function projectScenario(spec: ScenarioSpec, untilYear: number = lastAnalysisYear(spec)): ProjectionPath {
  assertValidScenario(spec);
  const values = new Float64Array(Math.max(0, untilYear - spec.base.year) + 1);
  projectInto(spec, values);
  return { startYear: spec.base.year, values };
}

export function pathYears(path: ProjectionPath): number[] {
  return Array.from({ length: path.values.length }, (_, index) => path.startYear + index);
}
