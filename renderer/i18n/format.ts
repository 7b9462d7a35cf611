import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatAxisTick,
  formatFixed,
  formatFreeUnitTick,
  formatFreeUnitValue,
  formatGroupedNumber,
  formatValue,
  fractionToPercent,
  isUnitCode,
  langOf,
  type FormatOptions,
  type Lang,
  type UnitCode,
} from '../../shared/units';

export interface Formatters {
  lang: Lang;
  /** A value in its unit, e.g. 4200亿元 / CNY 420 bn; unknown units fall back to the plain number and the unit text. */
  value(value: number, unit: string, options?: FormatOptions): string;
  /** Short axis tick, e.g. 1.2万 / 12k. */
  axisTick(value: number, unit: string): string;
  /** A percentage given in percent (15 → "15.0%"). */
  percent(valuePercent: number, decimals?: number): string;
  /** A fraction shown in percent, e.g. a probability or a progress (0.153 → "15.3%"). */
  fractionAsPercent(valueFraction: number, decimals?: number): string;
  /** A plain number with grouping. */
  number(value: number, maxDecimals?: number): string;
}

/** Number formatting for the current UI language; all conversions go through shared/units. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const lang = langOf(i18n.language);
  return useMemo(() => createFormatters(lang), [lang]);
}

export function createFormatters(lang: Lang): Formatters {
  const known = (unit: string): unit is UnitCode => isUnitCode(unit);
  const percent = (valuePercent: number, decimals = 1): string => (Number.isFinite(valuePercent) ? `${formatFixed(valuePercent, decimals)}%` : '—');
  return {
    lang,
    value: (value, unit, options) =>
      Number.isFinite(value) ? (known(unit) ? formatValue(value, unit, lang, options) : formatFreeUnitValue(value, unit, options)) : '—',
    // A tick is never labelled NaN or ∞, whichever chart asks (the engine keeps values finite; this is the last guard).
    axisTick: (value, unit) => (!Number.isFinite(value) ? '' : known(unit) ? formatAxisTick(value, unit, lang) : formatFreeUnitTick(value)),
    percent,
    fractionAsPercent: (valueFraction, decimals = 1) => percent(fractionToPercent(valueFraction), decimals),
    number: (value, maxDecimals = 2) => (Number.isFinite(value) ? formatGroupedNumber(value, maxDecimals) : '—'),
  };
}
