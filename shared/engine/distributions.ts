/** Probability distributions for uncertain parameters, sampled column-wise into preallocated typed arrays. */
import { MAX_ABS_VALUE, MAX_RATE_SPREAD_POINTS, MIN_POSITIVE_VALUE, MIN_POSITIVE_VALUE_TEXT } from '../units/bounds';
import { checkFinite, checkGrowthRatePercent, checkMagnitude, formatNumberForMessage, joinField, makeIssue, type EngineIssue } from './issues';
import type { Xoshiro128 } from './prng';

export type DistributionSpec =
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  /** Lognormal given by its own mean and standard deviation (not those of the logarithm); mean must be > 0. */
  | { readonly kind: 'lognormal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  /** Beta-PERT with the usual λ = 4: mean = (min + 4·mode + max) / 6. */
  | { readonly kind: 'pert'; readonly min: number; readonly mode: number; readonly max: number };

export type DistributionKind = DistributionSpec['kind'];
export const DISTRIBUTION_KINDS: readonly DistributionKind[] = ['normal', 'lognormal', 'uniform', 'triangular', 'pert'];

export function distributionMean(dist: DistributionSpec): number {
  switch (dist.kind) {
    case 'normal':
    case 'lognormal':
      return dist.mean;
    case 'uniform':
      return (dist.min + dist.max) / 2;
    case 'triangular':
      return (dist.min + dist.mode + dist.max) / 3;
    case 'pert':
      return (dist.min + 4 * dist.mode + dist.max) / 6;
  }
}

export function distributionStandardDeviation(dist: DistributionSpec): number {
  switch (dist.kind) {
    case 'normal':
    case 'lognormal':
      return dist.sd;
    case 'uniform':
      return (dist.max - dist.min) / Math.sqrt(12);
    case 'triangular': {
      const { min: a, mode: c, max: b } = dist;
      return Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18);
    }
    case 'pert': {
      const mean = distributionMean(dist);
      return Math.sqrt(((mean - dist.min) * (dist.max - mean)) / 7);
    }
  }
}

/**
 * What a distribution describes, for its bounds (shared/units/bounds.ts):
 * - `rate`: a growth rate or rate shift in percent: every location (mean, min, mode, max) in (−100, 1000],
 *   the spread (sd, or the half-width (max − min) / 2) at most 1000 percentage points;
 * - `value`: a value in the indicator's unit: every location at most 1e15 in magnitude; a `positive` value
 *   (a base, a ceiling, a path target) needs its centre at least 1e-9; the spread at most `spreadLimit`
 *   (default: the magnitude of the centre, so draws rarely cross 0 and never leave the unit's range).
 */
export type DistributionBounds = { readonly kind: 'rate' } | { readonly kind: 'value'; readonly positive: boolean; readonly spreadLimit?: number };

/** Without a stated unit: locations and spread only need to be finite and at most 1e15 in magnitude. */
const UNBOUNDED_VALUE: DistributionBounds = { kind: 'value', positive: false, spreadLimit: MAX_ABS_VALUE };

/** The centre the spread is compared with: the mean, or the middle of [min, max]. */
function distributionCentre(dist: DistributionSpec): number {
  return dist.kind === 'normal' || dist.kind === 'lognormal' ? dist.mean : dist.min / 2 + dist.max / 2;
}

/** The spread that is bounded: the standard deviation, or the half-width of [min, max]. */
function distributionSpread(dist: DistributionSpec): number {
  return dist.kind === 'normal' || dist.kind === 'lognormal' ? dist.sd : dist.max / 2 - dist.min / 2;
}

export function validateDistribution(dist: DistributionSpec, prefix: string, bounds: DistributionBounds = UNBOUNDED_VALUE): EngineIssue[] {
  const issues: EngineIssue[] = [];
  const field = (name: string): string => joinField(prefix, name);
  const invalid = (name: string, en: string, zh: string, got: number): void => {
    issues.push(
      makeIssue('distribution-invalid', field(name), `${en} (got ${formatNumberForMessage(got)})`, `${zh}(当前为 ${formatNumberForMessage(got)})`, got),
    );
  };
  // Each location in its unit's range; false when one is not, and the checks that combine them are skipped.
  const location = (name: string, value: number): boolean =>
    bounds.kind === 'rate' ? checkGrowthRatePercent(field(name), value, issues) : checkMagnitude(field(name), value, issues);
  let shapeOk = false;
  switch (dist.kind) {
    case 'normal':
    case 'lognormal': {
      const meanOk = location('mean', dist.mean);
      let sdOk = checkFinite(field('sd'), dist.sd, issues);
      if (sdOk && dist.sd < 0) {
        invalid('sd', 'standard deviation must not be negative', '标准差不能为负', dist.sd);
        sdOk = false;
      }
      let lognormalOk = true;
      if (dist.kind === 'lognormal' && meanOk) {
        if (dist.mean <= 0) {
          invalid('mean', 'a lognormal mean must be greater than 0', '对数正态分布的均值必须大于 0', dist.mean);
          lognormalOk = false;
        } else if (dist.mean < MIN_POSITIVE_VALUE) {
          // σ² = ln(1 + sd²/mean²): a subnormal mean makes it Infinity and every draw NaN.
          const got = formatNumberForMessage(dist.mean);
          issues.push(
            makeIssue(
              'value-too-small',
              field('mean'),
              `a lognormal mean must be at least ${MIN_POSITIVE_VALUE_TEXT} (got ${got})`,
              `对数正态分布的均值不能小于 ${MIN_POSITIVE_VALUE_TEXT}(当前为 ${got})`,
              dist.mean,
            ),
          );
          lognormalOk = false;
        }
      }
      shapeOk = meanOk && sdOk && lognormalOk;
      break;
    }
    case 'uniform': {
      const ok = [location('min', dist.min), location('max', dist.max)].every(Boolean);
      if (ok && !(dist.max > dist.min))
        invalid(
          'max',
          `max must be greater than min ${formatNumberForMessage(dist.min)}`,
          `最大值必须大于最小值 ${formatNumberForMessage(dist.min)}`,
          dist.max,
        );
      else shapeOk = ok;
      break;
    }
    case 'triangular':
    case 'pert': {
      const ok = [location('min', dist.min), location('mode', dist.mode), location('max', dist.max)].every(Boolean);
      if (!ok) break;
      if (!(dist.max > dist.min))
        invalid(
          'max',
          `max must be greater than min ${formatNumberForMessage(dist.min)}`,
          `最大值必须大于最小值 ${formatNumberForMessage(dist.min)}`,
          dist.max,
        );
      else if (dist.mode < dist.min || dist.mode > dist.max) invalid('mode', 'mode must lie between min and max', '众数必须介于最小值与最大值之间', dist.mode);
      else shapeOk = true;
      break;
    }
    default: {
      const unknown: never = dist;
      issues.push(makeIssue('distribution-invalid', field('kind'), `unknown distribution ${String((unknown as { kind: unknown }).kind)}`, '未知的分布类型'));
    }
  }
  if (shapeOk) checkSpread(dist, bounds, field, issues);
  return issues;
}

function checkSpread(dist: DistributionSpec, bounds: DistributionBounds, field: (name: string) => string, issues: EngineIssue[]): void {
  const centre = distributionCentre(dist);
  const spread = distributionSpread(dist);
  const spreadField = field(dist.kind === 'normal' || dist.kind === 'lognormal' ? 'sd' : 'max');
  const what = dist.kind === 'normal' || dist.kind === 'lognormal' ? 'the standard deviation' : 'the half-width (max − min) / 2';
  const whatZh = dist.kind === 'normal' || dist.kind === 'lognormal' ? '标准差' : '半宽(最大值 − 最小值)/ 2';
  const got = formatNumberForMessage(spread);
  if (bounds.kind === 'rate') {
    if (spread > MAX_RATE_SPREAD_POINTS) {
      issues.push(
        makeIssue(
          'spread-too-large',
          spreadField,
          `${what} of a growth rate must be at most ${MAX_RATE_SPREAD_POINTS} percentage points (got ${got})`,
          `增长率的${whatZh}不能超过 ${MAX_RATE_SPREAD_POINTS} 个百分点(当前为 ${got})`,
          spread,
        ),
      );
    }
    return;
  }
  if (bounds.positive && !(centre >= MIN_POSITIVE_VALUE)) {
    const centreText = formatNumberForMessage(centre);
    const centreField = field(dist.kind === 'normal' || dist.kind === 'lognormal' ? 'mean' : 'min');
    issues.push(
      makeIssue(
        'value-too-small',
        centreField,
        `the centre of the distribution must be at least ${MIN_POSITIVE_VALUE_TEXT}, as the value it describes (got ${centreText})`,
        `分布的中心必须不小于 ${MIN_POSITIVE_VALUE_TEXT},与其描述的数值一致(当前为 ${centreText})`,
        centre,
      ),
    );
    return;
  }
  const limit = bounds.spreadLimit ?? Math.abs(centre);
  if (spread > limit) {
    const limitText = formatNumberForMessage(limit);
    issues.push(
      makeIssue(
        'spread-too-large',
        spreadField,
        `${what} must be at most ${limitText}, the magnitude of the value it varies (got ${got})`,
        `${whatZh}不能超过 ${limitText}(所变动数值的量级)(当前为 ${got})`,
        spread,
      ),
    );
  }
}

/** Marsaglia–Tsang gamma sampler for shape ≥ 1 (PERT shapes are always ≥ 1). */
function sampleGamma(rng: Xoshiro128, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.nextNormal();
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = rng.nextOpenUnit();
    const xSquared = x * x;
    if (u < 1 - 0.0331 * xSquared * xSquared) return d * v;
    if (Math.log(u) < 0.5 * xSquared + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Fills out[0..count) with draws plus `shift`. The number of generator calls does not depend on `shift`,
 * so runs that differ only in shift use common random numbers (the reverse probability question relies on it).
 */
export function fillSamples(dist: DistributionSpec, rng: Xoshiro128, out: Float64Array, count: number, shift: number): void {
  switch (dist.kind) {
    case 'normal': {
      rng.fillNormals(out, count, dist.mean + shift, dist.sd);
      return;
    }
    case 'lognormal': {
      const sigmaSquared = Math.log1p((dist.sd * dist.sd) / (dist.mean * dist.mean));
      const sigma = Math.sqrt(sigmaSquared);
      const mu = Math.log(dist.mean) - sigmaSquared / 2;
      for (let i = 0; i < count; i++) out[i] = Math.exp(mu + sigma * rng.nextNormal()) + shift;
      return;
    }
    case 'uniform': {
      const min = dist.min + shift;
      const width = dist.max - dist.min;
      for (let i = 0; i < count; i++) out[i] = min + width * rng.nextOpenUnit();
      return;
    }
    case 'triangular': {
      const { min, mode, max } = dist;
      const width = max - min;
      const modeFraction = (mode - min) / width;
      const left = width * (mode - min);
      const right = width * (max - mode);
      for (let i = 0; i < count; i++) {
        const u = rng.nextOpenUnit();
        out[i] = (u < modeFraction ? min + Math.sqrt(u * left) : max - Math.sqrt((1 - u) * right)) + shift;
      }
      return;
    }
    case 'pert': {
      const { min, mode, max } = dist;
      const width = max - min;
      const alpha = 1 + (4 * (mode - min)) / width;
      const beta = 1 + (4 * (max - mode)) / width;
      for (let i = 0; i < count; i++) {
        const x = sampleGamma(rng, alpha);
        const y = sampleGamma(rng, beta);
        out[i] = min + (width * x) / (x + y) + shift;
      }
      return;
    }
  }
}
