/**
 * Monte Carlo simulation of one scenario, designed for a Web Worker: plain data in, typed arrays out,
 * work split into fixed chunks of trials so a stale run can be abandoned between chunks.
 *
 * Determinism: chunk c always covers trials [c·CHUNK_TRIALS, (c+1)·CHUNK_TRIALS) and draws from its
 * own generator stream (seed, c), so results depend only on (scenario, uncertainty, shifts) — not on
 * how many chunks run per call, and chunks could even run in parallel workers.
 *
 * Inner loops run on preallocated Float64Arrays (no allocation); the common case (normal per-year shocks) uses one
 * fused, trial-major kernel per model — see the comment above cagrNormalShocks and docs/engine.md § Performance.
 */
import { meetsTarget } from './analysis';
import { distributionMean, fillSamples, validateDistribution, type DistributionBounds, type DistributionSpec } from './distributions';
import { MAX_GROWTH_FACTOR } from '../units/bounds';
import { EngineError, formatNumberForMessage, joinField, makeIssue, type EngineIssue } from './issues';
import {
  getParameter,
  growthParameterOf,
  lastAnalysisYear,
  parametersOf,
  PARAMETER_KEYS,
  targetPathFactor,
  validateScenarioSpec,
  type ParameterKey,
  type ScenarioSpec,
  type TargetSpec,
} from './models';
import { columnPercentiles } from './percentiles';
import { observationKindOfId } from '../dataset/observation-id';
import { growthFactor } from '../units/rates';
import { normalAfterFastPathMiss, Xoshiro128, ZIGGURAT_FAST_LIMIT, ZIGGURAT_SCALE } from './prng';

/** perYear: growth-type parameters (rate, rate shift, increment) are redrawn every year; perTrial: drawn once per trial. */
export type ShockMode = 'perYear' | 'perTrial';

export interface UncertaintySpec {
  /** Distribution of each uncertain parameter, in the parameter's own units (percent for rates). */
  readonly distributions: Partial<Readonly<Record<ParameterKey, DistributionSpec>>>;
  readonly shockMode: ShockMode;
  readonly trials: number;
  /** Unsigned 32-bit integer. */
  readonly seed: number;
}

export const CHUNK_TRIALS = 4096;
export const MAX_TRIALS = 1_000_000;
/** trials × simulated years; keeps the result matrix ≤ 240 MB. */
export const MAX_TRIAL_YEARS = 30_000_000;
export const DEFAULT_PERCENTILE_LEVELS: readonly number[] = [5, 10, 25, 50, 75, 90, 95];

export interface MonteCarloInput {
  readonly scenario: ScenarioSpec;
  readonly uncertainty: UncertaintySpec;
  /** Percentile levels in percent; default 5, 10, 25, 50, 75, 90, 95. */
  readonly percentileLevels?: readonly number[];
  /** Skip percentiles when only target probabilities are needed (the reverse question does). */
  readonly computePercentiles?: boolean;
  /** Return the trials × years matrix (year-major: trialValues[yearIndex * trials + trial]). */
  readonly keepTrialValues?: boolean;
  /** Added to every draw of a parameter (or to its fixed value when it has no distribution). */
  readonly shifts?: Partial<Readonly<Record<ParameterKey, number>>>;
}

export interface TargetProbability {
  readonly label?: string | undefined;
  readonly year: number;
  readonly value: number;
  /** Share of trials meeting the target in its year (0–1). */
  readonly probability: number;
  readonly standardError: number;
}

export interface MonteCarloResult {
  readonly status: 'completed';
  readonly startYear: number;
  /** Number of simulated years including the base year. */
  readonly yearCount: number;
  readonly trials: number;
  readonly seed: number;
  readonly percentileLevels: readonly number[];
  /** percentiles[levelIndex][yearIndex] */
  readonly percentiles: readonly Float64Array[];
  readonly mean: Float64Array;
  readonly standardDeviation: Float64Array;
  readonly targets: readonly TargetProbability[];
  readonly trialValues?: Float64Array;
}

export interface MonteCarloCancelled {
  readonly status: 'cancelled';
  readonly completedChunks: number;
  readonly totalChunks: number;
}

export interface MonteCarloRun {
  readonly totalChunks: number;
  readonly completedChunks: number;
  /** Simulates the next `chunks` chunks; returns true once every chunk is done. */
  step(chunks?: number): boolean;
  /** Summarises a finished run (percentiles, means, target probabilities). */
  finish(): MonteCarloResult;
}

export function validateUncertainty(scenario: ScenarioSpec, uncertainty: UncertaintySpec, prefix = 'uncertainty'): EngineIssue[] {
  const issues: EngineIssue[] = [];
  const field = (name: string): string => joinField(prefix, name);
  const trials = uncertainty.trials;
  if (!Number.isInteger(trials) || trials < 1 || trials > MAX_TRIALS) {
    issues.push(
      makeIssue(
        'trials-out-of-range',
        field('trials'),
        `trials must be a whole number from 1 to ${MAX_TRIALS} (got ${formatNumberForMessage(trials)})`,
        `试验次数必须是 1 至 ${MAX_TRIALS} 的整数(当前为 ${formatNumberForMessage(trials)})`,
        trials,
      ),
    );
  } else if (Number.isInteger(scenario.base.year)) {
    const trialYears = trials * (lastAnalysisYear(scenario) - scenario.base.year + 1);
    if (trialYears > MAX_TRIAL_YEARS) {
      issues.push(
        makeIssue(
          'trials-out-of-range',
          field('trials'),
          `trials × years is ${trialYears}; the limit is ${MAX_TRIAL_YEARS}`,
          `试验次数 × 年数为 ${trialYears},上限为 ${MAX_TRIAL_YEARS}`,
          trials,
        ),
      );
    }
  }
  const seed = uncertainty.seed;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    issues.push(
      makeIssue(
        'seed-invalid',
        field('seed'),
        `seed must be a whole number from 0 to 4294967295 (got ${formatNumberForMessage(seed)})`,
        `随机种子必须是 0 至 4294967295 的整数(当前为 ${formatNumberForMessage(seed)})`,
        seed,
      ),
    );
  }
  const applicable = parametersOf(scenario.model);
  for (const [key, dist] of Object.entries(uncertainty.distributions)) {
    if (dist === undefined) continue;
    const distField = field(`distributions.${key}`);
    if (!(applicable as readonly string[]).includes(key)) {
      issues.push(
        makeIssue(
          'parameter-not-applicable',
          distField,
          `parameter "${key}" does not apply to the ${scenario.model} model (use ${applicable.join(', ')})`,
          `参数“${key}”不适用于 ${scenario.model} 模型(可用:${applicable.join('、')})`,
        ),
      );
      continue;
    }
    if (key === 'baseValue' && baseIsActual(scenario.base)) {
      issues.push(actualBaseSpread(distField, scenario.base));
      continue;
    }
    issues.push(...validateDistribution(dist, distField, distributionBoundsOf(scenario, key as ParameterKey, dist)));
  }
  return issues;
}

/** Whether the base is a figure the source reports as an actual (its observation id says `actual`). */
export function baseIsActual(base: ScenarioSpec['base']): boolean {
  return observationKindOfId(base.observationId) === 'actual';
}

/**
 * A reported actual is what the base year was, so the simulation starts every trial from it: a spread
 * on it would draw a band around a known value (P10 2888 / P90 3109 around an actual 3000).
 */
function actualBaseSpread(field: string, base: ScenarioSpec['base']): EngineIssue {
  const value = formatNumberForMessage(base.value);
  return makeIssue(
    'actual-has-no-spread',
    field,
    `the base value ${value} (${base.year}) is an actual figure (${base.observationId ?? ''}), so it cannot have a distribution; put the uncertainty on the growth instead`,
    `基期值 ${value}（${base.year}年）是已发生的实际值（${base.observationId ?? ''}），不能设置分布；请把不确定性放在增长参数上`,
  );
}

/**
 * The unit bounds of a parameter's distribution. Levels (base, ceiling, path target) may spread by at most
 * their own magnitude. An increment may be centred on 0, so its spread may also reach the indicator's
 * level (the base value): a yearly change that swings by more than the whole level is no forecast.
 */
function distributionBoundsOf(scenario: ScenarioSpec, key: ParameterKey, dist: DistributionSpec): DistributionBounds {
  switch (key) {
    case 'growthRatePercent':
    case 'rateShiftPercent':
      return { kind: 'rate' };
    case 'incrementPerYear': {
      const base = Number.isFinite(scenario.base.value) ? Math.abs(scenario.base.value) : 0;
      return { kind: 'value', positive: false, spreadLimit: Math.max(Math.abs(distributionMean(dist)), base) };
    }
    case 'baseValue':
      return { kind: 'value', positive: scenario.model !== 'linear' };
    case 'ceiling':
    case 'targetValue':
      return { kind: 'value', positive: true };
  }
}

interface Plan {
  readonly scenario: ScenarioSpec;
  readonly trials: number;
  readonly seed: number;
  readonly yearCount: number;
  readonly perYearFlow: boolean;
  readonly flowKey: ParameterKey | null;
  readonly flowDistribution: DistributionSpec | undefined;
  readonly flowShift: number;
  readonly flowFixedValue: number;
  readonly distributions: Partial<Readonly<Record<ParameterKey, DistributionSpec>>>;
  readonly shifts: Partial<Readonly<Record<ParameterKey, number>>>;
}

const FLOW_KEY_OF_MODEL: Readonly<Record<ScenarioSpec['model'], ParameterKey | null>> = {
  cagr: 'growthRatePercent',
  ratePath: 'rateShiftPercent',
  linear: 'incrementPerYear',
  logistic: 'growthRatePercent',
  targetPath: null,
};

/** Prepares a chunked run (validates first; throws EngineError listing every problem). */
export function createMonteCarloRun(input: MonteCarloInput): MonteCarloRun {
  const { scenario, uncertainty } = input;
  const issues = [...validateScenarioSpec(scenario, 'scenario'), ...validateUncertainty(scenario, uncertainty)];
  const levels = input.percentileLevels ?? DEFAULT_PERCENTILE_LEVELS;
  levels.forEach((level, index) => {
    if (!(level >= 0 && level <= 100))
      issues.push(
        makeIssue(
          'probability-out-of-range',
          `percentileLevels[${index}]`,
          `percentile must be between 0 and 100 (got ${formatNumberForMessage(level)})`,
          `百分位必须在 0 至 100 之间(当前为 ${formatNumberForMessage(level)})`,
          level,
        ),
      );
  });
  if (issues.length > 0) throw new EngineError(issues);

  const trials = uncertainty.trials;
  const yearCount = lastAnalysisYear(scenario) - scenario.base.year + 1;
  const shifts = input.shifts ?? {};
  const flowKey = FLOW_KEY_OF_MODEL[scenario.model];
  const flowDistribution = flowKey === null ? undefined : uncertainty.distributions[flowKey];
  const plan: Plan = {
    scenario,
    trials,
    seed: uncertainty.seed >>> 0,
    yearCount,
    perYearFlow: flowDistribution !== undefined && uncertainty.shockMode === 'perYear',
    flowKey,
    flowDistribution,
    flowShift: flowKey === null ? 0 : (shifts[flowKey] ?? 0),
    flowFixedValue: flowKey === null ? 0 : getParameter(scenario, flowKey),
    distributions: uncertainty.distributions,
    shifts,
  };

  const values = new Float64Array(trials * yearCount);
  const scratch = {
    current: new Float64Array(CHUNK_TRIALS),
    flow: new Float64Array(CHUNK_TRIALS),
    ceiling: new Float64Array(CHUNK_TRIALS),
    factor: new Float64Array(CHUNK_TRIALS),
    rngState: new Int32Array(4),
    yearRates: new Float64Array(yearCount),
  };
  const totalChunks = Math.ceil(trials / CHUNK_TRIALS);
  let completedChunks = 0;

  return {
    totalChunks,
    get completedChunks() {
      return completedChunks;
    },
    step(chunks = 1) {
      const end = Math.min(totalChunks, completedChunks + Math.max(1, chunks));
      while (completedChunks < end) {
        simulateChunk(plan, completedChunks, values, scratch);
        completedChunks++;
      }
      return completedChunks === totalChunks;
    },
    finish() {
      if (completedChunks < totalChunks) throw new Error(`Monte Carlo run finished early: ${completedChunks}/${totalChunks} chunks done`);
      return summarize(plan, values, levels, input.computePercentiles ?? true, input.keepTrialValues ?? false);
    },
  };
}

function simulateChunk(
  plan: Plan,
  chunkIndex: number,
  values: Float64Array,
  scratch: { current: Float64Array; flow: Float64Array; ceiling: Float64Array; factor: Float64Array; rngState: Int32Array; yearRates: Float64Array },
): void {
  const { scenario, trials, yearCount, distributions, shifts } = plan;
  const first = chunkIndex * CHUNK_TRIALS;
  const count = Math.min(CHUNK_TRIALS, trials - first);
  const rng = new Xoshiro128(plan.seed, chunkIndex);
  const { current, flow, ceiling, factor } = scratch;
  const maxFactor = MAX_GROWTH_FACTOR;

  // Draw per-trial parameters in the fixed PARAMETER_KEYS order so the stream layout never changes.
  for (const key of PARAMETER_KEYS) {
    const dist = distributions[key];
    if (dist === undefined || (plan.perYearFlow && key === plan.flowKey)) continue;
    const target = key === 'baseValue' ? current : key === 'ceiling' ? ceiling : key === 'targetValue' ? factor : flow;
    fillSamples(dist, rng, target, count, shifts[key] ?? 0);
  }
  if (distributions.baseValue === undefined) current.fill(scenario.base.value + (shifts.baseValue ?? 0), 0, count);
  if (plan.flowKey !== null && plan.flowDistribution === undefined) flow.fill(plan.flowFixedValue + plan.flowShift, 0, count);
  if (scenario.model === 'logistic') {
    if (distributions.ceiling === undefined) ceiling.fill(scenario.params.ceiling + (shifts.ceiling ?? 0), 0, count);
    // The logistic step K·v·g / (v·g + K − v) stays in [0, K] for 0 ≤ v ≤ K, but its denominator can reach 0
    // (and the value Infinity) when a drawn base is negative or above the drawn ceiling. A level below 0 is
    // taken as 0, and a ceiling drawn below the base holds the path at the base.
    for (let t = 0; t < count; t++) {
      const start = current[t] as number;
      if (!(start >= 0)) current[t] = 0;
      if (!((ceiling[t] as number) >= (current[t] as number))) ceiling[t] = current[t] as number;
    }
  }
  if (scenario.model === 'targetPath') {
    const { targetYear } = scenario.params;
    if (distributions.targetValue === undefined) factor.fill(scenario.params.targetValue + (shifts.targetValue ?? 0), 0, count);
    for (let t = 0; t < count; t++) {
      const f = targetPathFactor(current[t] as number, scenario.base.year, factor[t] as number, targetYear);
      // A drawn base near 0 (or a shifted target far out) would make the yearly factor overflow over the path:
      // clamped to [0, 11] like every growth factor, i.e. the path's rate to (−100 %, 1000 %].
      factor[t] = f >= 0 ? (f > maxFactor ? maxFactor : f) : 0;
    }
  }

  for (let t = 0; t < count; t++) values[first + t] = current[t] as number;

  const flowDistribution = plan.flowDistribution;
  if (plan.perYearFlow && flowDistribution !== undefined) {
    if (flowDistribution.kind === 'normal') {
      // The common case gets a fused loop: draw and update in one pass, generator state in locals.
      const meanPlusShift = flowDistribution.mean + plan.flowShift;
      const sd = flowDistribution.sd;
      switch (scenario.model) {
        case 'cagr':
          cagrNormalShocks(rng, scratch.rngState, values, current, trials, first, count, yearCount, meanPlusShift, sd);
          return;
        case 'ratePath': {
          const rates = scenario.params.ratesPercent;
          const yearRates = scratch.yearRates;
          for (let year = 1; year < yearCount; year++) yearRates[year] = rates[Math.min(year - 1, rates.length - 1)] ?? 0;
          ratePathNormalShocks(rng, scratch.rngState, values, current, trials, first, count, yearCount, meanPlusShift, sd, yearRates);
          return;
        }
        case 'linear':
          linearNormalShocks(rng, scratch.rngState, values, current, trials, first, count, yearCount, meanPlusShift, sd);
          return;
        case 'logistic':
          logisticNormalShocks(rng, scratch.rngState, values, current, trials, first, count, yearCount, meanPlusShift, sd, ceiling);
          return;
        case 'targetPath':
          break;
      }
    }
  } else if (scenario.model === 'cagr' || scenario.model === 'logistic') {
    // Growth drawn once per trial (or fixed): the yearly factor is the same every year, so compute it once.
    for (let t = 0; t < count; t++) {
      const yearFactor = growthFactor(flow[t] as number);
      flow[t] = yearFactor < 0 ? 0 : yearFactor > maxFactor ? maxFactor : yearFactor;
    }
    // Trial-major: the value and the factor stay in registers; only the store touches memory.
    const logistic = scenario.model === 'logistic';
    for (let t = 0; t < count; t++) {
      let value = current[t] as number;
      const yearFactor = flow[t] as number;
      const k = logistic ? (ceiling[t] as number) : 0;
      let offset = trials + first + t;
      for (let year = 1; year < yearCount; year++) {
        if (logistic) {
          const grown = value * yearFactor;
          value = (k * grown) / (grown + k - value);
          if (!(value >= 0)) value = 0;
        } else {
          value *= yearFactor;
        }
        values[offset] = value;
        offset += trials;
      }
    }
    return;
  }

  for (let year = 1; year < yearCount; year++) {
    if (plan.perYearFlow && flowDistribution !== undefined) fillSamples(flowDistribution, rng, flow, count, plan.flowShift);
    const offset = year * trials + first;
    switch (scenario.model) {
      case 'cagr':
        for (let t = 0; t < count; t++) {
          let yearFactor = growthFactor(flow[t] as number);
          if (yearFactor < 0) yearFactor = 0;
          else if (yearFactor > maxFactor) yearFactor = maxFactor;
          const value = (current[t] as number) * yearFactor;
          current[t] = value;
          values[offset + t] = value;
        }
        break;
      case 'ratePath': {
        const rates = scenario.params.ratesPercent;
        const rate = rates[Math.min(year - 1, rates.length - 1)] ?? 0;
        for (let t = 0; t < count; t++) {
          let yearFactor = growthFactor(rate + (flow[t] as number));
          if (yearFactor < 0) yearFactor = 0;
          else if (yearFactor > maxFactor) yearFactor = maxFactor;
          const value = (current[t] as number) * yearFactor;
          current[t] = value;
          values[offset + t] = value;
        }
        break;
      }
      case 'linear':
        for (let t = 0; t < count; t++) {
          const value = (current[t] as number) + (flow[t] as number);
          current[t] = value;
          values[offset + t] = value;
        }
        break;
      case 'logistic':
        for (let t = 0; t < count; t++) {
          let yearFactor = growthFactor(flow[t] as number);
          if (yearFactor < 0) yearFactor = 0;
          else if (yearFactor > maxFactor) yearFactor = maxFactor;
          const previous = current[t] as number;
          const k = ceiling[t] as number;
          const grown = previous * yearFactor;
          let value = (k * grown) / (grown + k - previous);
          if (!(value >= 0)) value = 0;
          current[t] = value;
          values[offset + t] = value;
        }
        break;
      case 'targetPath':
        for (let t = 0; t < count; t++) {
          const value = (current[t] as number) * (factor[t] as number);
          current[t] = value;
          values[offset + t] = value;
        }
        break;
    }
  }
}

// Fused per-year normal shocks, one kernel per model so the inner loop has no dispatch. Trial-major: each trial's
// path is simulated year after year with its value in a register, and the draws are taken in that order
// (trial by trial, years within a trial). The xoshiro128** step and the ziggurat fast path are inlined (keep
// them in sync with prng.ts); the rare slow-path draws continue on the state array after the locals are
// written back. Per draw this touches only the two ziggurat tables and one store, which V8 cannot hoist out
// of the loop, so fewer typed-array accesses is what makes it fast.

/** cagr: value ← value · max(0, 1 + shock / 100). */
function cagrNormalShocks(
  rng: Xoshiro128,
  state: Int32Array,
  values: Float64Array,
  current: Float64Array,
  trials: number,
  first: number,
  count: number,
  yearCount: number,
  meanPlusShift: number,
  sd: number,
): void {
  const limit = ZIGGURAT_FAST_LIMIT;
  const scale = ZIGGURAT_SCALE;
  const maxFactor = MAX_GROWTH_FACTOR;
  rng.exportState(state);
  let s0 = state[0] as number;
  let s1 = state[1] as number;
  let s2 = state[2] as number;
  let s3 = state[3] as number;
  for (let t = 0; t < count; t++) {
    let value = current[t] as number;
    let offset = trials + first + t;
    for (let year = 1; year < yearCount; year++) {
      const x1 = Math.imul(s1, 5);
      const hz = Math.imul((x1 << 7) | (x1 >>> 25), 9);
      const shifted = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= shifted;
      s3 = (s3 << 11) | (s3 >>> 21);
      const iz = hz & 127;
      const sign = hz >> 31;
      let normal: number;
      // (hz ^ sign) − sign is absInt32(hz) written out: through the imported function V8 re-checks the binding per draw.
      if ((hz ^ sign) - sign < (limit[iz] as number)) {
        normal = hz * (scale[iz] as number);
      } else {
        state[0] = s0;
        state[1] = s1;
        state[2] = s2;
        state[3] = s3;
        normal = normalAfterFastPathMiss(state, hz);
        s0 = state[0] as number;
        s1 = state[1] as number;
        s2 = state[2] as number;
        s3 = state[3] as number;
      }
      let yearFactor = growthFactor(meanPlusShift + sd * normal);
      if (yearFactor < 0) yearFactor = 0;
      else if (yearFactor > maxFactor) yearFactor = maxFactor;
      value *= yearFactor;
      values[offset] = value;
      offset += trials;
    }
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  rng.importState(state);
}

/** ratePath: value ← value · max(0, 1 + (rate of the year + shock) / 100); yearRates[year] holds the path's rate. */
function ratePathNormalShocks(
  rng: Xoshiro128,
  state: Int32Array,
  values: Float64Array,
  current: Float64Array,
  trials: number,
  first: number,
  count: number,
  yearCount: number,
  meanPlusShift: number,
  sd: number,
  yearRates: Float64Array,
): void {
  const limit = ZIGGURAT_FAST_LIMIT;
  const scale = ZIGGURAT_SCALE;
  const maxFactor = MAX_GROWTH_FACTOR;
  rng.exportState(state);
  let s0 = state[0] as number;
  let s1 = state[1] as number;
  let s2 = state[2] as number;
  let s3 = state[3] as number;
  for (let t = 0; t < count; t++) {
    let value = current[t] as number;
    let offset = trials + first + t;
    for (let year = 1; year < yearCount; year++) {
      const x1 = Math.imul(s1, 5);
      const hz = Math.imul((x1 << 7) | (x1 >>> 25), 9);
      const shifted = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= shifted;
      s3 = (s3 << 11) | (s3 >>> 21);
      const iz = hz & 127;
      const sign = hz >> 31;
      let normal: number;
      // (hz ^ sign) − sign is absInt32(hz) written out: through the imported function V8 re-checks the binding per draw.
      if ((hz ^ sign) - sign < (limit[iz] as number)) {
        normal = hz * (scale[iz] as number);
      } else {
        state[0] = s0;
        state[1] = s1;
        state[2] = s2;
        state[3] = s3;
        normal = normalAfterFastPathMiss(state, hz);
        s0 = state[0] as number;
        s1 = state[1] as number;
        s2 = state[2] as number;
        s3 = state[3] as number;
      }
      let yearFactor = growthFactor((yearRates[year] as number) + (meanPlusShift + sd * normal));
      if (yearFactor < 0) yearFactor = 0;
      else if (yearFactor > maxFactor) yearFactor = maxFactor;
      value *= yearFactor;
      values[offset] = value;
      offset += trials;
    }
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  rng.importState(state);
}

/** linear: value ← value + shock. */
function linearNormalShocks(
  rng: Xoshiro128,
  state: Int32Array,
  values: Float64Array,
  current: Float64Array,
  trials: number,
  first: number,
  count: number,
  yearCount: number,
  meanPlusShift: number,
  sd: number,
): void {
  const limit = ZIGGURAT_FAST_LIMIT;
  const scale = ZIGGURAT_SCALE;
  rng.exportState(state);
  let s0 = state[0] as number;
  let s1 = state[1] as number;
  let s2 = state[2] as number;
  let s3 = state[3] as number;
  for (let t = 0; t < count; t++) {
    let value = current[t] as number;
    let offset = trials + first + t;
    for (let year = 1; year < yearCount; year++) {
      const x1 = Math.imul(s1, 5);
      const hz = Math.imul((x1 << 7) | (x1 >>> 25), 9);
      const shifted = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= shifted;
      s3 = (s3 << 11) | (s3 >>> 21);
      const iz = hz & 127;
      const sign = hz >> 31;
      let normal: number;
      // (hz ^ sign) − sign is absInt32(hz) written out: through the imported function V8 re-checks the binding per draw.
      if ((hz ^ sign) - sign < (limit[iz] as number)) {
        normal = hz * (scale[iz] as number);
      } else {
        state[0] = s0;
        state[1] = s1;
        state[2] = s2;
        state[3] = s3;
        normal = normalAfterFastPathMiss(state, hz);
        s0 = state[0] as number;
        s1 = state[1] as number;
        s2 = state[2] as number;
        s3 = state[3] as number;
      }
      value += meanPlusShift + sd * normal;
      values[offset] = value;
      offset += trials;
    }
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  rng.importState(state);
}

/** logistic: grown = value · max(0, 1 + shock / 100); value ← K·grown / (grown + K − value), floored at 0. */
function logisticNormalShocks(
  rng: Xoshiro128,
  state: Int32Array,
  values: Float64Array,
  current: Float64Array,
  trials: number,
  first: number,
  count: number,
  yearCount: number,
  meanPlusShift: number,
  sd: number,
  ceiling: Float64Array,
): void {
  const limit = ZIGGURAT_FAST_LIMIT;
  const scale = ZIGGURAT_SCALE;
  const maxFactor = MAX_GROWTH_FACTOR;
  rng.exportState(state);
  let s0 = state[0] as number;
  let s1 = state[1] as number;
  let s2 = state[2] as number;
  let s3 = state[3] as number;
  for (let t = 0; t < count; t++) {
    let value = current[t] as number;
    const k = ceiling[t] as number;
    let offset = trials + first + t;
    for (let year = 1; year < yearCount; year++) {
      const x1 = Math.imul(s1, 5);
      const hz = Math.imul((x1 << 7) | (x1 >>> 25), 9);
      const shifted = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= shifted;
      s3 = (s3 << 11) | (s3 >>> 21);
      const iz = hz & 127;
      const sign = hz >> 31;
      let normal: number;
      // (hz ^ sign) − sign is absInt32(hz) written out: through the imported function V8 re-checks the binding per draw.
      if ((hz ^ sign) - sign < (limit[iz] as number)) {
        normal = hz * (scale[iz] as number);
      } else {
        state[0] = s0;
        state[1] = s1;
        state[2] = s2;
        state[3] = s3;
        normal = normalAfterFastPathMiss(state, hz);
        s0 = state[0] as number;
        s1 = state[1] as number;
        s2 = state[2] as number;
        s3 = state[3] as number;
      }
      let yearFactor = growthFactor(meanPlusShift + sd * normal);
      if (yearFactor < 0) yearFactor = 0;
      else if (yearFactor > maxFactor) yearFactor = maxFactor;
      const grown = value * yearFactor;
      value = (k * grown) / (grown + k - value);
      if (!(value >= 0)) value = 0;
      values[offset] = value;
      offset += trials;
    }
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  rng.importState(state);
}

function summarize(plan: Plan, values: Float64Array, levels: readonly number[], computePercentiles: boolean, keepTrialValues: boolean): MonteCarloResult {
  const { trials, yearCount, scenario } = plan;
  const mean = new Float64Array(yearCount);
  const standardDeviation = new Float64Array(yearCount);
  for (let year = 0; year < yearCount; year++) {
    const offset = year * trials;
    const average = columnSum(values, offset, trials) / trials;
    mean[year] = average;
    standardDeviation[year] = trials > 1 ? columnStandardDeviation(values, offset, trials, average) : 0;
  }

  const targets = (scenario.targets ?? []).map((target): TargetProbability => {
    const offset = (target.year - scenario.base.year) * trials;
    let met = 0;
    for (let t = 0; t < trials; t++) if (meetsTarget(values[offset + t] as number, target.value, scenario.base.value)) met++;
    const probability = met / trials;
    return {
      ...(target.label === undefined ? {} : { label: target.label }),
      year: target.year,
      value: target.value,
      probability,
      standardError: Math.sqrt((probability * (1 - probability)) / trials),
    };
  });

  const percentiles = levels.map(() => new Float64Array(computePercentiles ? yearCount : 0));
  if (computePercentiles) {
    const scratch = new Float64Array(trials);
    const out = new Float64Array(levels.length);
    for (let year = 0; year < yearCount; year++) {
      // columnPercentiles leaves the column as it is, so the trial values (kept for the caller) need no copy.
      columnPercentiles(values.subarray(year * trials, (year + 1) * trials), levels, out, scratch);
      for (let level = 0; level < levels.length; level++) (percentiles[level] as Float64Array)[year] = out[level] as number;
    }
  }

  return {
    status: 'completed',
    startYear: scenario.base.year,
    yearCount,
    trials,
    seed: plan.seed,
    percentileLevels: [...levels],
    percentiles,
    mean,
    standardDeviation,
    targets,
    ...(keepTrialValues ? { trialValues: values } : {}),
  };
}

// Column sums with four interleaved partial sums: breaks the floating-point add dependency chain (several
// times faster than one accumulator on 100k-value columns) and rounds less. Two passes (mean, then squared
// deviations) keep the standard deviation accurate for values far from 0.

function columnSum(values: Float64Array, offset: number, count: number): number {
  let sum0 = 0;
  let sum1 = 0;
  let sum2 = 0;
  let sum3 = 0;
  const end = offset + count;
  const unrolledEnd = offset + (count - (count % 4));
  let index = offset;
  for (; index < unrolledEnd; index += 4) {
    sum0 += values[index] as number;
    sum1 += values[index + 1] as number;
    sum2 += values[index + 2] as number;
    sum3 += values[index + 3] as number;
  }
  for (; index < end; index++) sum0 += values[index] as number;
  return sum0 + sum1 + (sum2 + sum3);
}

/**
 * Sample standard deviation of a column. Paths that grow 1000 % a year for 160 years reach about 1e182, whose
 * squares overflow; only then (the sum is Infinity) is the sum taken again on values divided by the largest
 * deviation, which costs a second pass but keeps the common case at one.
 */
function columnStandardDeviation(values: Float64Array, offset: number, count: number, center: number): number {
  const sum = columnSquaredDeviations(values, offset, count, center, 1);
  if (Number.isFinite(sum)) return Math.sqrt(sum / (count - 1));
  let largest = 0;
  for (let index = offset; index < offset + count; index++) largest = Math.max(largest, Math.abs((values[index] as number) - center));
  if (!(largest > 0 && Number.isFinite(largest))) return NaN;
  return largest * Math.sqrt(columnSquaredDeviations(values, offset, count, center, 1 / largest) / (count - 1));
}

function columnSquaredDeviations(values: Float64Array, offset: number, count: number, center: number, scale: number): number {
  let sum0 = 0;
  let sum1 = 0;
  let sum2 = 0;
  let sum3 = 0;
  const end = offset + count;
  const unrolledEnd = offset + (count - (count % 4));
  let index = offset;
  for (; index < unrolledEnd; index += 4) {
    const d0 = ((values[index] as number) - center) * scale;
    const d1 = ((values[index + 1] as number) - center) * scale;
    const d2 = ((values[index + 2] as number) - center) * scale;
    const d3 = ((values[index + 3] as number) - center) * scale;
    sum0 += d0 * d0;
    sum1 += d1 * d1;
    sum2 += d2 * d2;
    sum3 += d3 * d3;
  }
  for (; index < end; index++) {
    const d = ((values[index] as number) - center) * scale;
    sum0 += d * d;
  }
  return sum0 + sum1 + (sum2 + sum3);
}

export interface RunOptions {
  /** Checked between chunks; return true to abandon the run (e.g. the inputs changed). */
  readonly shouldCancel?: () => boolean;
  /** Chunks per cancellation check (default 4 ≈ 16k trials). */
  readonly chunksPerCheck?: number;
}

/** Runs to completion unless `shouldCancel` says stop. */
export function runMonteCarlo(input: MonteCarloInput, options: RunOptions = {}): MonteCarloResult | MonteCarloCancelled {
  const run = createMonteCarloRun(input);
  const chunksPerCheck = options.chunksPerCheck ?? 4;
  for (;;) {
    if (options.shouldCancel?.() === true) return { status: 'cancelled', completedChunks: run.completedChunks, totalChunks: run.totalChunks };
    if (run.step(chunksPerCheck)) break;
  }
  return run.finish();
}

/** runMonteCarlo without cancellation, for callers that just want the numbers. */
export function simulate(input: MonteCarloInput): MonteCarloResult {
  return completeRun(createMonteCarloRun(input));
}

function completeRun(run: MonteCarloRun): MonteCarloResult {
  while (!run.step(64)) {
    // keep stepping
  }
  return run.finish();
}

// ---------------------------------------------------------------------------------------------
// Reverse question: which assumed growth gives probability p of meeting a target?

export interface ProbabilityQuestion {
  readonly scenario: ScenarioSpec;
  readonly uncertainty: UncertaintySpec;
  readonly target: Pick<TargetSpec, 'year' | 'value'>;
  /** Wanted probability of meeting the target, 0 < probability < 1. */
  readonly probability: number;
  /** Trials per evaluation (default: the uncertainty spec's trials, at most 20,000). */
  readonly trials?: number;
}

export type GrowthForProbability =
  | {
      readonly status: 'found';
      /** The growth parameter that was shifted (growthRatePercent, rateShiftPercent, incrementPerYear or targetValue). */
      readonly parameter: ParameterKey;
      /** Assumed mean of that parameter (its distribution mean + shift) giving the wanted probability. */
      readonly assumedMean: number;
      readonly shift: number;
      readonly achievedProbability: number;
      readonly evaluations: number;
    }
  | {
      readonly status: 'unreachable';
      readonly parameter: ParameterKey;
      readonly reason: string;
      readonly reasonZh: string;
      readonly evaluations: number;
    };

/**
 * Bisection over an additive shift of the growth parameter. Every evaluation reuses the same seed and the
 * same draws (common random numbers), so the probability is a monotone step function of the shift.
 * Returns the smallest shift (within 1e-6 relative) at which the probability reaches the wanted level.
 */
export function growthForProbability(question: ProbabilityQuestion): GrowthForProbability {
  const { scenario, uncertainty, target, probability } = question;
  if (!(probability > 0 && probability < 1)) {
    throw new EngineError([
      makeIssue(
        'probability-out-of-range',
        'probability',
        `must be strictly between 0 and 1 (got ${formatNumberForMessage(probability)})`,
        `必须严格介于 0 与 1 之间(当前为 ${formatNumberForMessage(probability)})`,
        probability,
      ),
    ]);
  }
  const trials = question.trials ?? Math.min(uncertainty.trials, 20_000);
  const parameter = growthParameterOf(scenario.model);
  const dist = uncertainty.distributions[parameter];
  const baseMean = dist === undefined ? getParameter(scenario, parameter) : distributionMean(dist);
  const evaluatedScenario: ScenarioSpec = { ...scenario, targets: [{ year: target.year, value: target.value }] };
  const growthTarget = target.value >= scenario.base.value;
  let evaluations = 0;
  const probabilityAt = (shift: number): number => {
    evaluations++;
    const result = createMonteCarloRun({
      scenario: evaluatedScenario,
      uncertainty: { ...uncertainty, trials },
      computePercentiles: false,
      shifts: { [parameter]: shift },
    });
    return completeRun(result).targets[0]?.probability ?? 0;
  };
  // For a decline target the probability falls as growth rises, so search on the mirrored shift.
  const direction = growthTarget ? 1 : -1;
  const reaches = (shift: number): boolean => probabilityAt(direction * shift) >= probability - 1e-12;

  // Lowest admissible shift keeps rates above −100 % / values above 0 on average.
  const scale = Math.max(1, Math.abs(baseMean));
  let lowLimit = -Infinity;
  if (parameter === 'growthRatePercent') lowLimit = -99.999 - baseMean;
  if (parameter === 'rateShiftPercent' && scenario.model === 'ratePath') lowLimit = -99.999 - Math.min(...scenario.params.ratesPercent) - baseMean;
  if (parameter === 'targetValue') lowLimit = -baseMean * (1 - 1e-9);
  const upperLimit = scale * 1e4;
  const [mirroredLow, mirroredHigh] = growthTarget ? [lowLimit, upperLimit] : [-upperLimit, -lowLimit];

  let lo: number;
  let hi: number;
  if (reaches(0)) {
    hi = 0;
    let step = scale;
    lo = Math.max(mirroredLow, -step);
    while (reaches(lo)) {
      if (lo <= mirroredLow)
        return unreachableProbability(
          parameter,
          evaluations,
          'the probability stays above the wanted level even at the lowest admissible growth',
          '即使增长设为最低可行值,达标概率仍高于所求水平',
        );
      hi = lo;
      step *= 2;
      lo = Math.max(mirroredLow, -step);
    }
  } else {
    lo = 0;
    let step = scale;
    hi = Math.min(mirroredHigh, step);
    while (!reaches(hi)) {
      if (hi >= mirroredHigh)
        return unreachableProbability(
          parameter,
          evaluations,
          'no assumed growth reaches the wanted probability (e.g. a ceiling below the target)',
          '任何增长假设都达不到所求概率(例如上限低于目标)',
        );
      lo = hi;
      step *= 2;
      hi = Math.min(mirroredHigh, step);
    }
  }
  const tolerance = 1e-6 * scale;
  while (hi - lo > tolerance) {
    const middle = lo + (hi - lo) / 2;
    if (reaches(middle)) hi = middle;
    else lo = middle;
  }
  const shift = direction * hi;
  return { status: 'found', parameter, assumedMean: baseMean + shift, shift, achievedProbability: probabilityAt(shift), evaluations };
}

function unreachableProbability(parameter: ParameterKey, evaluations: number, reason: string, reasonZh: string): GrowthForProbability {
  return { status: 'unreachable', parameter, reason, reasonZh, evaluations };
}
