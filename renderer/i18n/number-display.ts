/**
 * How the analysis views (targets, compare, sensitivity) print projected values and differences.
 * Projections carry spurious precision (7565 × 1.192² = 10748.88 firms); the display rule of
 * shared/units (whole counts, 4 significant figures for money) takes it off, the same rule as the
 * scenario table and the chart, so one value never reads two ways.
 */
import { roundToDecimals } from '../../shared/units';
import type { Formatters } from './format';

/** U+2212 minus and an explicit plus, so a difference never reads as a plain value. */
export function signPrefix(value: number, decimals: number): string {
  const rounded = roundToDecimals(value, decimals);
  if (rounded > 0) return '+';
  if (rounded < 0) return '−';
  return '';
}

export function projectedValue(fmt: Formatters, value: number, unit: string): string {
  return fmt.value(value, unit);
}

/** A difference in the indicator's unit with its sign, e.g. "−746家" / "+CNY 12.3 bn"; no sign when it shows as zero. */
export function signedValue(fmt: Formatters, value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  const shown = fmt.value(Math.abs(value), unit);
  const sign = shown === fmt.value(0, unit) ? '' : value > 0 ? '+' : '−';
  return `${sign}${shown}`;
}

/** A difference in percent with its sign, e.g. "−6.9%". */
export function signedPercent(fmt: Formatters, valuePercent: number, decimals = 1): string {
  if (!Number.isFinite(valuePercent)) return '—';
  return `${signPrefix(valuePercent, decimals)}${fmt.percent(Math.abs(valuePercent), decimals)}`;
}
