/**
 * Growth rates, converted in one place. Rates are stored and shown in percent (15 means 15 % a
 * year, as the source texts print them); the engine multiplies by growth factors, Excel cells and
 * format-1 workspaces hold fractions. Every percent ↔ fraction step in the code goes through these,
 * so no file divides by 100 by hand, and the constant-growth formula (to / from)^(1 / years) is
 * written once, here.
 *
 * Each function is the plain arithmetic its comment shows, in that order: the engine's deterministic
 * path and its Monte Carlo run must make the same floating-point operations to agree bit for bit,
 * so nothing here rounds, clamps or reorders (except where a name says so).
 */

/** Percent in one: 15 % is 15 / 100. */
const PERCENT = 100;

/** 15 → 0.15. */
export function percentToFraction(percent: number): number {
  return percent / PERCENT;
}

/** 0.15 → 15 (0.07 → 7.000000000000001: binary noise stays; see fractionToPercentRounded). */
export function fractionToPercent(fraction: number): number {
  return fraction * PERCENT;
}

/**
 * A fraction written by another program (a format-1 workspace, an Excel cell) in percent, to 12
 * significant digits: 0.07 → 7 and 0.57 → 57 rather than 7.000000000000001 and
 * 56.99999999999999, so a rate typed as 7 % comes back as 7. Twelve digits keep every rate a
 * person types and drop only the last bits of ×100's rounding.
 */
export function fractionToPercentRounded(fraction: number): number {
  return Number(fractionToPercent(fraction).toPrecision(12));
}

/** `percent` % of `amount`: (amount × percent) / 100, multiplied first, as Excel's PERCENTILE.INC ranks (n − 1) · p. */
export function percentOf(amount: number, percent: number): number {
  return (amount * percent) / PERCENT;
}

/** The yearly factor of a rate in percent: 15 → 1.15, i.e. 1 + 15 / 100. */
export function growthFactor(ratePercent: number): number {
  return 1 + ratePercent / PERCENT;
}

/** The rate in percent of a yearly factor: 1.15 → 15 (up to rounding), i.e. (1.15 − 1) × 100. */
export function rateOfFactor(factor: number): number {
  return (factor - 1) * PERCENT;
}

/**
 * The constant yearly factor that takes `from` to `to` in `years` years: (to / from)^(1 / years).
 * Plain IEEE arithmetic without checks, as Excel's `(E/B)^(1/n)` computes it: a zero start gives
 * Infinity, a negative ratio NaN except over one year (−8 over 1 year is −8). The
 * target-path model multiplies by it every year; for a rate to show, use constantGrowthPercent.
 */
export function constantGrowthFactor(from: number, to: number, years: number): number {
  return Math.pow(to / from, 1 / years);
}

/**
 * The constant yearly growth (CAGR) that takes `from` to `to` in `years` years, in percent:
 * ((to / from)^(1 / years) − 1) × 100. NaN when it is undefined (a start or end that is not
 * positive, or no years), so a caller decides what to show rather than printing a made-up rate.
 */
export function constantGrowthPercent(from: number, to: number, years: number): number {
  if (!(from > 0) || !(to > 0) || !(years > 0)) return Number.NaN;
  return rateOfFactor(constantGrowthFactor(from, to, years));
}

/** A change as a percentage of its base: (to − from) / from × 100. NaN for a zero base. */
export function changePercent(from: number, to: number): number {
  return from === 0 ? Number.NaN : fractionToPercent((to - from) / from);
}
