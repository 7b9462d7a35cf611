/**
 * How the analysis views (targets, compare, sensitivity) print projected values and differences.
 * Projections carry spurious precision (7565 × 1.192² = 10748.88 firms), so counts are shown in
 * whole units and everything else with one decimal; the unit conversion itself stays in shared/units.
 */
import { isUnitCode, UNITS } from '../../shared/units';
import type { Formatters } from './format';

/** Decimals for a projected value of this unit: whole things for counts, one decimal otherwise. */
export function projectionDecimals(unit: string): number {
  return isUnitCode(unit) && UNITS[unit].dimension === 'count' ? 0 : 1;
}

/** U+2212 minus and an explicit plus, so a difference never reads as a plain value. */
export function signPrefix(value: number, decimals: number): string {
  const rounded = Number(value.toFixed(decimals));
  if (rounded > 0) return '+';
  if (rounded < 0) return '−';
  return '';
}

export function projectedValue(fmt: Formatters, value: number, unit: string): string {
  return fmt.value(value, unit, { maxDecimals: projectionDecimals(unit) });
}

/** A difference in the indicator's unit with its sign, e.g. "−746家" / "+CNY 12.3 bn". */
export function signedValue(fmt: Formatters, value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  const decimals = projectionDecimals(unit);
  return `${signPrefix(value, decimals)}${fmt.value(Math.abs(value), unit, { maxDecimals: decimals })}`;
}

/** A difference in percent with its sign, e.g. "−6.9%". */
export function signedPercent(fmt: Formatters, valuePercent: number, decimals = 1): string {
  if (!Number.isFinite(valuePercent)) return '—';
  return `${signPrefix(valuePercent, decimals)}${fmt.percent(Math.abs(valuePercent), decimals)}`;
}
