/**
 * Axis ticks for every chart state: round value ticks (1, 2, 2.5 or 5 × 10^n, about five
 * intervals) and year ticks. Computed once into the state, so the screen, the exported image and
 * the workbook chart label their axes alike, and Recharts, given the ticks with interval 0, does
 * not measure every label in the DOM to thin them out (a layout per label on the way to the first
 * chart).
 */
import { formatAxisTick, formatFreeUnitTick, hasWholeTicks, isUnitCode, type Lang } from '../units';

/**
 * Round outwards to a step of 1, 2, 2.5 or 5 × 10^n giving about five intervals, as Recharts' 'auto'
 * would. `whole`: only whole steps (an axis of firms has no tick at 2.5 firms).
 */
export function niceTicks(min: number, max: number, whole = false): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) return [min - 1, min, max + 1];
  const low = Math.min(min, max);
  const high = Math.max(min, max);
  const raw = (high - low) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step =
    [1, 2, 2.5, 5, 10]
      .map((m) => m * power)
      .filter((candidate) => !whole || Number.isInteger(candidate))
      .find((candidate) => candidate >= raw) ?? (whole ? Math.max(1, 10 * power) : 10 * power);
  const first = Math.floor(low / step);
  const last = Math.ceil(high / step);
  // Rounded so float steps print as 0.3 rather than 0.30000000000000004.
  return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
}

/** Year ticks from the first year in steps of 1, 2, 5, 10… years, at most seven. */
export function yearTicks([first, last]: readonly [number, number]): number[] {
  const span = Math.max(0, last - first);
  const step = [1, 2, 5, 10, 20, 50, 100].find((candidate) => span / candidate <= 6) ?? Math.ceil(span / 6);
  const ticks: number[] = [];
  for (let year = first; year <= last; year += step) ticks.push(year);
  return ticks;
}

export interface AxisScale {
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
  readonly tickLabels: readonly string[];
}

/**
 * A value axis over the given numbers (NaN, infinities and nulls are skipped): nice ticks, the
 * domain from the first to the last tick, and each tick labelled in the unit and language
 * through shared/units. `include` adds values that must be on the axis without being data
 * (zero for a difference chart, a target). `unit` is a unit code, or the free text of a user's
 * own indicator ("台"), whose ticks are plain numbers (the axis title carries the unit).
 */
export function valueAxis(values: Iterable<number | null | undefined>, unit: string, lang: Lang, include: readonly number[] = []): AxisScale {
  let min = Infinity;
  let max = -Infinity;
  const take = (value: number | null | undefined) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return;
    if (value < min) min = value;
    if (value > max) max = value;
  };
  for (const value of values) take(value);
  include.forEach(take);
  const ticks = niceTicks(min, max, isUnitCode(unit) && hasWholeTicks(unit));
  const label = (tick: number) => (!Number.isFinite(tick) ? '' : isUnitCode(unit) ? formatAxisTick(tick, unit, lang) : formatFreeUnitTick(tick));
  return { domain: [ticks[0] ?? 0, ticks.at(-1) ?? 1], ticks, tickLabels: ticks.map(label) };
}

/** A year axis over a domain of years: ticks from yearTicks, labelled as plain years ("2027"). */
export function yearAxis(domain: readonly [number, number]): AxisScale {
  const ticks = yearTicks(domain);
  return { domain: [domain[0], domain[1]], ticks, tickLabels: ticks.map((year) => String(year)) };
}
