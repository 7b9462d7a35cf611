/**
 * Growth rates, converted in one place. Rates are stored and shown in percent (15 means 15 % a
 * year, as the source texts print them); the engine multiplies by growth factors. Every
 * percent ↔ fraction step in the code goes through these, so no file divides by 100 by hand.
 */

/** 15 → 0.15. */
export function percentToFraction(percent: number): number {
  return percent / 100;
}

/** 0.15 → 15. */
export function fractionToPercent(fraction: number): number {
  return fraction * 100;
}

/** The yearly factor of a rate in percent: 15 → 1.15. */
export function growthFactor(ratePercent: number): number {
  return 1 + ratePercent / 100;
}

/** The rate in percent of a yearly factor: 1.15 → 15. */
export function rateOfFactor(factor: number): number {
  return (factor - 1) * 100;
}

/**
 * The constant yearly growth (CAGR) that takes `from` to `to` in `years` years, in percent:
 * (to / from)^(1 / years) − 1. NaN when it is undefined (a non-positive end or no years), so a
 * caller decides what to show rather than printing a made-up rate.
 */
export function constantGrowthPercent(from: number, to: number, years: number): number {
  if (!(from > 0) || !(to > 0) || !(years > 0)) return Number.NaN;
  return rateOfFactor(Math.pow(to / from, 1 / years));
}

/** A change as a percentage of its base: (to − from) / from × 100. NaN for a zero base. */
export function changePercent(from: number, to: number): number {
  return from === 0 ? Number.NaN : fractionToPercent((to - from) / from);
}
