/** Probability distributions for uncertain parameters, sampled column-wise into preallocated typed arrays. */
import { checkFinite, formatNumberForMessage, joinField, makeIssue, type EngineIssue } from './issues';
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

export function validateDistribution(dist: DistributionSpec, prefix: string): EngineIssue[] {
  const issues: EngineIssue[] = [];
  const field = (name: string): string => joinField(prefix, name);
  const invalid = (name: string, en: string, zh: string, got: number): void => {
    issues.push(makeIssue('distribution-invalid', field(name), `${en} (got ${formatNumberForMessage(got)})`, `${zh}(当前为 ${formatNumberForMessage(got)})`, got));
  };
  switch (dist.kind) {
    case 'normal':
    case 'lognormal': {
      const meanOk = checkFinite(field('mean'), dist.mean, issues);
      if (checkFinite(field('sd'), dist.sd, issues) && dist.sd < 0) invalid('sd', 'standard deviation must not be negative', '标准差不能为负', dist.sd);
      if (dist.kind === 'lognormal' && meanOk && dist.mean <= 0) invalid('mean', 'a lognormal mean must be greater than 0', '对数正态分布的均值必须大于 0', dist.mean);
      break;
    }
    case 'uniform':
      if (checkFinite(field('min'), dist.min, issues) && checkFinite(field('max'), dist.max, issues) && !(dist.max > dist.min)) {
        invalid('max', `max must be greater than min ${formatNumberForMessage(dist.min)}`, `最大值必须大于最小值 ${formatNumberForMessage(dist.min)}`, dist.max);
      }
      break;
    case 'triangular':
    case 'pert': {
      const ok = [checkFinite(field('min'), dist.min, issues), checkFinite(field('mode'), dist.mode, issues), checkFinite(field('max'), dist.max, issues)].every(Boolean);
      if (!ok) break;
      if (!(dist.max > dist.min)) invalid('max', `max must be greater than min ${formatNumberForMessage(dist.min)}`, `最大值必须大于最小值 ${formatNumberForMessage(dist.min)}`, dist.max);
      else if (dist.mode < dist.min || dist.mode > dist.max) invalid('mode', 'mode must lie between min and max', '众数必须介于最小值与最大值之间', dist.mode);
      break;
    }
    default: {
      const unknown: never = dist;
      issues.push(makeIssue('distribution-invalid', field('kind'), `unknown distribution ${String((unknown as { kind: unknown }).kind)}`, '未知的分布类型'));
    }
  }
  return issues;
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
