/**
 * The numbers Scenario Desk accepts, by unit, in one place. The engine validators, the workspace
 * parser, the import, the CLI and the UI all refuse the same numbers with these limits, so a value
 * that one entry point lets through can never be refused (or overflow) further on.
 *
 * Why these limits: every projection is a year-by-year recursion over at most 160 years
 * (1900–2060). With rates ≤ 1000 % (a factor of 11 a year) and values ≤ 1e15 the largest path is
 * 1e15 × 11¹⁶⁰ ≈ 4e181, and sums over a million Monte Carlo trials stay near 1e188: far from
 * Number.MAX_VALUE (1.8e308), so nothing valid can become Infinity. The lower limit on positive
 * values keeps ratios such as target ÷ base ≤ 1e24 and their logarithms and roots finite (a base of
 * 5e-324 made the required CAGR Infinity).
 */
import { growthFactor } from './rates';

/** A growth rate in percent a year must be above this (exclusive): −100 % a year empties the value. */
export const MIN_RATE_PERCENT = -100;
/** Largest growth rate in percent a year (inclusive): ×11 a year, far beyond any real indicator. */
export const MAX_RATE_PERCENT = 1000;
/** Largest one-year growth factor, 1 + MAX_RATE_PERCENT / 100 = 11; Monte Carlo draws are clamped to [0, this]. */
export const MAX_GROWTH_FACTOR = growthFactor(MAX_RATE_PERCENT);

/**
 * Largest magnitude of a value in the indicator's unit (inclusive): base values, targets, ceilings,
 * path targets, increments, observations and the parameters of their distributions. 1e15 亿元 is
 * 1e23 yuan; 1e15 firms is 10⁵ firms per person on Earth. It is also below 2⁵³ ≈ 9e15, so whole
 * numbers up to it are exact.
 */
export const MAX_ABS_VALUE = 1e15;
/**
 * Smallest value where a value must be positive (inclusive): a base value (except a linear one),
 * targets, ceilings, a path target, a lognormal mean. Levels that may be zero or negative (a linear
 * base, an observation) must be 0 or at least this in magnitude: below it a number only carries
 * rounding noise, and dividing by it overflows.
 */
export const MIN_POSITIVE_VALUE = 1e-9;

/**
 * Largest spread of a growth-rate distribution, in percentage points: its standard deviation, or for
 * uniform, triangular and PERT the half-width (max − min) / 2. The rate bounds (−100, 1000] already
 * keep a half-width below 550; the limit matters for the normal and lognormal standard deviations.
 */
export const MAX_RATE_SPREAD_POINTS = 1000;

/** Written in messages as the bound is written here (1e15, not 1000000000000000). */
export const MAX_ABS_VALUE_TEXT = '1e15';
export const MIN_POSITIVE_VALUE_TEXT = '1e-9';

export type RateBoundProblem = 'not-finite' | 'rate-too-low' | 'rate-too-high';
export type ValueBoundProblem = 'not-finite' | 'value-not-positive' | 'value-too-small' | 'value-too-large';

/** What is wrong with a growth rate in percent a year, or null when it is within (−100, 1000]. */
export function rateBoundProblem(ratePercent: number): RateBoundProblem | null {
  if (typeof ratePercent !== 'number' || !Number.isFinite(ratePercent)) return 'not-finite';
  if (ratePercent <= MIN_RATE_PERCENT) return 'rate-too-low';
  if (ratePercent > MAX_RATE_PERCENT) return 'rate-too-high';
  return null;
}

/**
 * What is wrong with a value in the indicator's unit, or null.
 * - `positive`: the value must lie in [MIN_POSITIVE_VALUE, MAX_ABS_VALUE];
 * - `level`: 0, or a magnitude in [MIN_POSITIVE_VALUE, MAX_ABS_VALUE] (a linear base, an observation);
 * - `flow`: any magnitude up to MAX_ABS_VALUE (an increment per year; tiny values are harmless there).
 */
export function valueBoundProblem(value: number, kind: 'positive' | 'level' | 'flow'): ValueBoundProblem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'not-finite';
  const magnitude = Math.abs(value);
  if (magnitude > MAX_ABS_VALUE) return 'value-too-large';
  if (kind === 'positive') {
    if (value <= 0) return 'value-not-positive';
    if (value < MIN_POSITIVE_VALUE) return 'value-too-small';
  } else if (kind === 'level' && value !== 0 && magnitude < MIN_POSITIVE_VALUE) {
    return 'value-too-small';
  }
  return null;
}

/** −0 as 0 (and every other number as it is): −0 prints as "0" but divides into −Infinity, so it is dropped where numbers enter. */
export function withoutNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}
