/**
 * Reading one cell: units, numbers, years and kinds as analysts type them. Every unit goes
 * through `shared/units` (codes, labels, and `parseChineseFigure` for 亿元, 万家, 1.27万…),
 * so an import cannot slip a 万/亿 factor that the rest of the app would not.
 */
import {
  FigureParseError,
  MAX_ABS_VALUE_TEXT,
  MIN_POSITIVE_VALUE_TEXT,
  UNIT_CODES,
  UNITS,
  UnitConversionError,
  isUnitCode,
  parseChineseFigure,
  parseChineseFigureAs,
  valueBoundProblem,
  withoutNegativeZero,
  type Qualifier,
  type UnitCode,
} from '../units';
import type { Observation } from '../workspace/schema';
import type { CellValue } from './types';

export interface UnitResolution {
  code: UnitCode;
  /**
   * Unit text written after a plain number when the unit carries its own magnitude
   * ("万家": the cell 1.27 means 1.27万家 = 12,700 firms); null when the number is in `code` already.
   */
  scaledSuffix: string | null;
}

export interface CellMessage {
  message: string;
  messageZh: string;
}

export type CellResult<T> = { ok: true; value: T; warning?: CellMessage } | ({ ok: false } & CellMessage);

const labelToCode: ReadonlyMap<string, UnitCode> = (() => {
  const lookup = new Map<string, UnitCode>();
  for (const code of UNIT_CODES) {
    const meta = UNITS[code];
    for (const label of [meta.label.zh, meta.label.en, meta.enNoun?.one, meta.enNoun?.other]) {
      if (label && !lookup.has(label.normalize('NFKC').toLowerCase())) lookup.set(label.normalize('NFKC').toLowerCase(), code);
    }
  }
  return lookup;
})();

/** A unit code (cny-100m), a unit label (亿元, 家(企业), CNY 100 million), or a Chinese unit with magnitude (万家). */
export function resolveUnit(text: string): UnitResolution | null {
  const unit = text.normalize('NFKC').trim();
  if (unit === '') return null;
  const lower = unit.toLowerCase();
  if (isUnitCode(lower)) return { code: lower, scaledSuffix: null };
  const labelled = labelToCode.get(lower);
  if (labelled) return { code: labelled, scaledSuffix: null };
  try {
    const parsed = parseChineseFigure(`1${unit}`);
    if (parsed.unit === null || parsed.qualifier !== 'exact') return null;
    return { code: parsed.unit, scaledSuffix: parsed.value === 1 ? null : unit };
  } catch (error) {
    if (error instanceof FigureParseError) return null;
    throw error;
  }
}

export function cellText(cell: CellValue): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
}

function notANumber(raw: string): CellResult<number> {
  return { ok: false, message: `not a number: ${raw}`, messageZh: `不是数字：${raw}` };
}

const qualifierWords: Readonly<Record<Qualifier, CellMessage>> = {
  exact: { message: '', messageZh: '' },
  about: { message: 'about', messageZh: '约' },
  over: { message: 'over', messageZh: '超过' },
  nearly: { message: 'nearly', messageZh: '近' },
  'more-than': { message: 'more than', messageZh: '余' },
  'up-to': { message: 'up to', messageZh: '最高' },
};

function withSign(negative: boolean, value: number): number {
  return negative ? -value : value;
}

const plainNumber = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const plainDecimal = /^\d+(?:\.\d+)?$/;

/**
 * A value in the row's unit. Accepts 12700, "12,700", "1.27万" (with 家 or a bare unit),
 * "15%" for a percent unit, "4200亿元" for 亿元; refuses "12,7" (a decimal comma or a typo:
 * the importer does not guess) and anything else that is not a number, and numbers outside the
 * bounds of an observation (shared/units/bounds.ts: 0, or 1e-9 to 1e15 in magnitude, after the
 * unit's magnitude is applied). −0 comes back as 0.
 */
export function parseValueCell(cell: CellValue, unit: UnitResolution): CellResult<number> {
  const parsed = parseValueCellUnbounded(cell, unit);
  if (!parsed.ok) return parsed;
  const shown = typeof cell === 'string' ? cell.trim() : cellText(cell);
  switch (valueBoundProblem(parsed.value, 'level')) {
    case null:
      return { ...parsed, value: withoutNegativeZero(parsed.value) };
    case 'value-too-large':
      return {
        ok: false,
        message: `the value ${shown} is larger than ${MAX_ABS_VALUE_TEXT} in magnitude`,
        messageZh: `数值 ${shown} 的绝对值超过 ${MAX_ABS_VALUE_TEXT}`,
      };
    case 'value-too-small':
      return {
        ok: false,
        message: `the value ${shown} is too small to be meaningful: write 0, or a magnitude of at least ${MIN_POSITIVE_VALUE_TEXT}`,
        messageZh: `数值 ${shown} 过小，没有意义：请填 0 或绝对值不小于 ${MIN_POSITIVE_VALUE_TEXT} 的数`,
      };
    default:
      return notANumber(shown);
  }
}

function parseValueCellUnbounded(cell: CellValue, unit: UnitResolution): CellResult<number> {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: false, message: 'the value is empty', messageZh: '数值为空' };
  if (typeof cell === 'boolean') return notANumber(cellText(cell));
  if (cell instanceof Date) return { ok: false, message: 'a date is not a value', messageZh: '日期不是数值' };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return notANumber(String(cell));
    if (unit.scaledSuffix === null) return { ok: true, value: cell };
    const digits = String(Math.abs(cell));
    if (!plainDecimal.test(digits)) return notANumber(String(cell));
    return { ok: true, value: withSign(cell < 0, parseChineseFigure(`${digits}${unit.scaledSuffix}`).value) };
  }

  const raw = cell.trim();
  let body = raw
    .normalize('NFKC')
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/\s+/g, '');
  let negative = false;
  if (body.startsWith('-') || body.startsWith('+')) {
    negative = body.startsWith('-');
    body = body.slice(1);
  }
  if (body.includes(',')) {
    // Only thousands grouping: 1,234 or 12,700.5 (a comma followed by exactly three digits).
    const grouped = /^(\d{1,3}(?:,\d{3})+)(?![\d,])([^,]*)$/.exec(body);
    if (!grouped) return notANumber(raw);
    body = (grouped[1] ?? '').replace(/,/g, '') + (grouped[2] ?? '');
  }
  if (body.endsWith('%')) {
    if (unit.code !== 'percent') {
      return { ok: false, message: `a percentage (${raw}) in a row whose unit is not %`, messageZh: `单位不是 % 的行中出现了百分数（${raw}）` };
    }
    body = body.slice(0, -1);
  }
  if (plainNumber.test(body)) {
    if (unit.scaledSuffix === null) {
      const value = Number(body);
      return Number.isFinite(value) ? { ok: true, value: withSign(negative, value) } : notANumber(raw);
    }
    if (!plainDecimal.test(body)) return notANumber(raw);
    return { ok: true, value: withSign(negative, parseChineseFigure(`${body}${unit.scaledSuffix}`).value) };
  }
  if (unit.scaledSuffix !== null) {
    return {
      ok: false,
      message: `write a plain number when the unit already has a magnitude (${unit.scaledSuffix}): ${raw}`,
      messageZh: `单位已含数量级（${unit.scaledSuffix}）时请填写纯数字：${raw}`,
    };
  }
  try {
    const parsed = parseChineseFigure(body);
    const value = parseChineseFigureAs(body, unit.code);
    if (!Number.isFinite(value)) return notANumber(raw);
    if (parsed.qualifier === 'exact') return { ok: true, value: withSign(negative, value) };
    const word = qualifierWords[parsed.qualifier];
    return {
      ok: true,
      value: withSign(negative, value),
      warning: { message: `"${word.message}" dropped from ${raw}`, messageZh: `已忽略“${raw}”中的“${word.messageZh}”` },
    };
  } catch (error) {
    if (error instanceof UnitConversionError) {
      return {
        ok: false,
        message: `${raw} is not in the row's unit (${UNITS[unit.code].label.en})`,
        messageZh: `${raw} 与该行单位（${UNITS[unit.code].label.zh}）不符`,
      };
    }
    if (error instanceof FigureParseError) return notANumber(raw);
    throw error;
  }
}

export const minYear = 1900;
export const maxYear = 2060;

export function parseYearCell(cell: CellValue): CellResult<number> {
  let year: number;
  if (cell instanceof Date) year = cell.getUTCFullYear();
  else if (typeof cell === 'number') year = cell;
  else {
    const text = cellText(cell).normalize('NFKC').replace(/年$/, '');
    if (text === '') return { ok: false, message: 'the year is empty', messageZh: '年份为空' };
    if (!/^\d{4}(?:\.0+)?$/.test(text)) return { ok: false, message: `not a year: ${cellText(cell)}`, messageZh: `不是年份：${cellText(cell)}` };
    year = Number(text);
  }
  if (!Number.isInteger(year) || year < minYear || year > maxYear) {
    return {
      ok: false,
      message: `the year must be a whole number from ${minYear} to ${maxYear}: ${cellText(cell)}`,
      messageZh: `年份须为 ${minYear}–${maxYear} 之间的整数：${cellText(cell)}`,
    };
  }
  return { ok: true, value: year };
}

export type ObservationKind = Observation['kind'];

const kindNames: ReadonlyMap<string, ObservationKind> = new Map([
  ['actual', 'actual'],
  ['实际', 'actual'],
  ['实际值', 'actual'],
  ['实绩', 'actual'],
  ['target', 'target'],
  ['目标', 'target'],
  ['目标值', 'target'],
  ['projection', 'projection'],
  ['预测', 'projection'],
  ['预测值', 'projection'],
  ['estimate', 'estimate'],
  ['估计', 'estimate'],
  ['估算', 'estimate'],
  ['预计', 'estimate'],
  ['估计值', 'estimate'],
]);

/** Blank means actual, the common case for the analyst's own statistics. */
export function parseKindCell(cell: CellValue): CellResult<ObservationKind> {
  const text = cellText(cell).normalize('NFKC').toLowerCase();
  if (text === '') return { ok: true, value: 'actual' };
  const kind = kindNames.get(text);
  if (kind) return { ok: true, value: kind };
  return {
    ok: false,
    message: `unknown kind: ${cellText(cell)} (use actual, target, projection or estimate)`,
    messageZh: `未知类型：${cellText(cell)}（应为 实际、目标、预测 或 估计）`,
  };
}
