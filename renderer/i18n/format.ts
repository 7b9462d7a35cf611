import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAxisTick, formatPlainNumber, formatValue, isUnitCode, type FormatOptions, type UnitCode } from '../../shared/units';

export type Lang = 'zh' | 'en';

export interface Formatters {
  lang: Lang;
  /** A value in its unit, e.g. 4200亿元 / CNY 420 bn; unknown units fall back to the plain number and the unit text. */
  value(value: number, unit: string, options?: FormatOptions): string;
  /** Short axis tick, e.g. 1.2万 / 12k. */
  axisTick(value: number, unit: string): string;
  /** A percentage given in percent (15 → "15.0%"). */
  percent(valuePercent: number, decimals?: number): string;
  /** A plain number with grouping. */
  number(value: number, maxDecimals?: number): string;
}

/** Number formatting for the current UI language; all conversions go through shared/units. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  return useMemo(() => createFormatters(lang), [lang]);
}

export function createFormatters(lang: Lang): Formatters {
  const known = (unit: string): unit is UnitCode => isUnitCode(unit);
  return {
    lang,
    value: (value, unit, options) => (Number.isFinite(value) ? (known(unit) ? formatValue(value, unit, lang, options) : `${formatPlainNumber(value)} ${unit}`) : '—'),
    // A tick is never labelled NaN or ∞, whichever chart asks (the engine keeps values finite; this is the last guard).
    axisTick: (value, unit) => (!Number.isFinite(value) ? '' : known(unit) ? formatAxisTick(value, unit, lang) : formatPlainNumber(value)),
    percent: (valuePercent, decimals = 1) => (Number.isFinite(valuePercent) ? `${valuePercent.toFixed(decimals)}%` : '—'),
    number: (value, maxDecimals = 2) => (Number.isFinite(value) ? formatPlainNumber(value, maxDecimals) : '—'),
  };
}
