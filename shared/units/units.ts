/**
 * The one place where units live: codes, metadata, conversions, parsing of
 * Chinese figures as written in the source article, and zh/en formatting.
 *
 * Nothing else in the code base multiplies by 1e4 or 1e8: if a figure has to
 * change unit, it goes through `convertValue` / `toBaseAmount` here, so a
 * 万/亿 slip can only happen in one file (and is tested there).
 */

import type { BilingualText, Lang } from './names';

export const UNIT_CODES = [
  // currency
  'cny',
  'cny-10k',
  'cny-100m',
  // area
  'sqm',
  'sqm-10k',
  // power
  'megawatt',
  // dimensionless
  'percent',
  'ratio',
  // duration
  'years',
  // counts (one code per thing counted, so that firms are never added to persons)
  'firms',
  'organisations',
  'persons',
  'projects',
  'technologies',
  'awards',
  'tasks',
  'buildings',
  'times',
  'teams',
  'platforms',
  'laboratories',
  'centres',
  'zones',
  'clusters',
  'industries',
  'outposts',
  'programmes',
  'parks',
  'items',
] as const;

export type UnitCode = (typeof UNIT_CODES)[number];

export type UnitDimension = 'currency' | 'area' | 'power' | 'fraction' | 'duration' | 'count';

export interface EnglishNoun {
  one: string;
  other: string;
}

export interface UnitMeta {
  code: UnitCode;
  dimension: UnitDimension;
  /** Human label of the unit itself, e.g. 亿元 / "CNY 100 million". */
  label: BilingualText;
  /**
   * Units sharing a base are convertible into each other. Every count unit has
   * its own base (`count:firms`…) so that conversion between them is refused.
   */
  baseUnit: string;
  /** Multiply a value in this unit by this to get the base unit (1亿元 = 1e8 CNY). */
  scaleToBase: number;
  /** Chinese measure words (量词) for counts; the first is used when formatting. */
  measureWords: readonly string[];
  /** English noun for counts and durations. */
  enNoun?: EnglishNoun;
}

function countUnit(code: UnitCode, zhLabel: string, measureWords: readonly string[], one: string, other: string): UnitMeta {
  return {
    code,
    dimension: 'count',
    label: { zh: zhLabel, en: other },
    baseUnit: `count:${code}`,
    scaleToBase: 1,
    measureWords,
    enNoun: { one, other },
  };
}

export const UNITS: Readonly<Record<UnitCode, UnitMeta>> = {
  cny: { code: 'cny', dimension: 'currency', label: { zh: '元', en: 'CNY' }, baseUnit: 'CNY', scaleToBase: 1, measureWords: [] },
  'cny-10k': { code: 'cny-10k', dimension: 'currency', label: { zh: '万元', en: 'CNY 10 thousand' }, baseUnit: 'CNY', scaleToBase: 1e4, measureWords: [] },
  'cny-100m': { code: 'cny-100m', dimension: 'currency', label: { zh: '亿元', en: 'CNY 100 million' }, baseUnit: 'CNY', scaleToBase: 1e8, measureWords: [] },
  sqm: { code: 'sqm', dimension: 'area', label: { zh: '平方米', en: 'm²' }, baseUnit: 'm2', scaleToBase: 1, measureWords: [] },
  'sqm-10k': { code: 'sqm-10k', dimension: 'area', label: { zh: '万平方米', en: '10 thousand m²' }, baseUnit: 'm2', scaleToBase: 1e4, measureWords: [] },
  megawatt: { code: 'megawatt', dimension: 'power', label: { zh: '兆瓦', en: 'MW' }, baseUnit: 'W', scaleToBase: 1e6, measureWords: [] },
  percent: { code: 'percent', dimension: 'fraction', label: { zh: '%', en: '%' }, baseUnit: 'fraction', scaleToBase: 0.01, measureWords: [] },
  ratio: { code: 'ratio', dimension: 'fraction', label: { zh: '倍', en: '×' }, baseUnit: 'fraction', scaleToBase: 1, measureWords: [] },
  years: {
    code: 'years',
    dimension: 'duration',
    label: { zh: '年', en: 'years' },
    baseUnit: 'year',
    scaleToBase: 1,
    measureWords: [],
    enNoun: { one: 'year', other: 'years' },
  },
  firms: countUnit('firms', '家(企业)', ['家'], 'firm', 'firms'),
  organisations: countUnit('organisations', '家(机构)', ['家'], 'organisation', 'organisations'),
  // 位 is the polite classifier for people (e.g. 8位招商大使); same thing counted.
  persons: countUnit('persons', '人', ['人', '名', '位'], 'person', 'persons'),
  // The article counts projects both with 项 (5+8专项) and 个 (招商项目).
  projects: countUnit('projects', '项(项目)', ['项', '个'], 'project', 'projects'),
  technologies: countUnit('technologies', '项(技术)', ['项'], 'technology', 'technologies'),
  awards: countUnit('awards', '项(奖项)', ['项'], 'award', 'awards'),
  tasks: countUnit('tasks', '项(任务)', ['项'], 'task', 'tasks'),
  buildings: countUnit('buildings', '栋', ['栋'], 'building', 'buildings'),
  times: countUnit('times', '次', ['次'], 'time', 'times'),
  teams: countUnit('teams', '个(团队)', ['个'], 'team', 'teams'),
  platforms: countUnit('platforms', '个(平台)', ['个'], 'platform', 'platforms'),
  laboratories: countUnit('laboratories', '个(实验室)', ['个'], 'laboratory', 'laboratories'),
  centres: countUnit('centres', '个(中心)', ['个'], 'centre', 'centres'),
  zones: countUnit('zones', '个(园区)', ['个'], 'zone', 'zones'),
  clusters: countUnit('clusters', '个(集群)', ['个'], 'cluster', 'clusters'),
  // 大 acts as the classifier in the set phrase 两大支柱产业 ("two major pillar industries").
  industries: countUnit('industries', '个(产业)', ['个', '大'], 'industry', 'industries'),
  outposts: countUnit('outposts', '个(招商点)', ['个'], 'outpost', 'outposts'),
  programmes: countUnit('programmes', '个(专项)', ['个'], 'programme', 'programmes'),
  // 名园 are counted with 家 in the article (中国软件名园1家).
  parks: countUnit('parks', '家(园区)', ['家', '个'], 'park', 'parks'),
  items: countUnit('items', '个', ['个'], 'item', 'items'),
};

/** Which unit a bare measure word means when the caller does not say. */
const DEFAULT_UNIT_FOR_MEASURE_WORD: Readonly<Record<string, UnitCode>> = {
  家: 'firms',
  个: 'items',
  人: 'persons',
  名: 'persons',
  位: 'persons',
  项: 'projects',
  栋: 'buildings',
  次: 'times',
  大: 'industries',
};

export function isUnitCode(candidate: string): candidate is UnitCode {
  return (UNIT_CODES as readonly string[]).includes(candidate);
}

export function getUnitMeta(unit: UnitCode): UnitMeta {
  return UNITS[unit];
}

export class UnitConversionError extends Error {
  override name = 'UnitConversionError';
}

export class FigureParseError extends Error {
  override name = 'FigureParseError';
}

/**
 * Float multiplication by powers of ten leaves tails like 12700.000000000002;
 * twelve significant digits is far beyond what any figure in the article has.
 */
function cleanFloat(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(12));
}

export function toBaseAmount(value: number, unit: UnitCode): number {
  return cleanFloat(value * UNITS[unit].scaleToBase);
}

export function fromBaseAmount(baseAmount: number, unit: UnitCode): number {
  return cleanFloat(baseAmount / UNITS[unit].scaleToBase);
}

export function areConvertible(from: UnitCode, to: UnitCode): boolean {
  return UNITS[from].baseUnit === UNITS[to].baseUnit;
}

export function convertValue(value: number, from: UnitCode, to: UnitCode): number {
  if (from === to) return value;
  if (!areConvertible(from, to)) {
    throw new UnitConversionError(`cannot convert ${from} to ${to}`);
  }
  return cleanFloat((value * UNITS[from].scaleToBase) / UNITS[to].scaleToBase);
}

// ---------------------------------------------------------------------------
// Qualifiers (左右/约, 超过/突破/以上, 近, 余/多, 最高)
// ---------------------------------------------------------------------------

export const QUALIFIERS = ['exact', 'about', 'over', 'nearly', 'more-than', 'up-to'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const QUALIFIER_LABELS: Readonly<Record<Qualifier, BilingualText>> = {
  exact: { zh: '', en: '' },
  about: { zh: '约', en: 'about' },
  over: { zh: '超过', en: 'over' },
  nearly: { zh: '近', en: 'nearly' },
  'more-than': { zh: '余', en: 'more than' },
  'up-to': { zh: '最高', en: 'up to' },
};

// Longest first so that 超过 wins over 超 and 多达 over 多.
const QUALIFIER_PREFIXES: ReadonlyArray<readonly [string, Qualifier]> = [
  ['不超过', 'up-to'],
  ['超过', 'over'],
  ['突破', 'over'],
  ['多达', 'exact'],
  ['最高', 'up-to'],
  ['大约', 'about'],
  ['约', 'about'],
  ['近', 'nearly'],
  ['超', 'over'],
];

const QUALIFIER_SUFFIXES: ReadonlyArray<readonly [string, Qualifier]> = [
  ['左右', 'about'],
  ['以上', 'over'],
];

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

export interface ParsedFigure {
  /** The figure in `unit` (or a bare number when `unit` is null). */
  value: number;
  /** The unit the figure is naturally written in: 4200亿元 → cny-100m, 200万元 → cny-10k, 1.27万家 → firms. */
  unit: UnitCode | null;
  qualifier: Qualifier;
  /** The measure word as written (家, 个, 名…) for counts. */
  measureWord: string | null;
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Small Chinese numerals (0–99) as they occur in running text: 两, 十二, 二十三. */
function parseChineseNumeral(numeral: string): number | null {
  const tenIndex = numeral.indexOf('十');
  if (tenIndex === -1) {
    if (numeral.length !== 1) return null;
    return CHINESE_DIGITS[numeral] ?? null;
  }
  if (numeral.indexOf('十', tenIndex + 1) !== -1) return null;
  const tensPart = numeral.slice(0, tenIndex);
  const unitsPart = numeral.slice(tenIndex + 1);
  const tens = tensPart === '' ? 1 : CHINESE_DIGITS[tensPart];
  const units = unitsPart === '' ? 0 : CHINESE_DIGITS[unitsPart];
  if (tens === undefined || units === undefined || tensPart.length > 1 || unitsPart.length > 1) return null;
  return tens * 10 + units;
}

/** Shift the decimal point of a plain decimal string, so 1.27 × 10^4 is exactly 12700. */
function shiftDecimal(digits: string, exponent: number): number {
  const [integerPart = '0', fractionPart = ''] = digits.split('.');
  if (exponent <= 0) return Number(digits);
  const paddedFraction = fractionPart.padEnd(exponent, '0');
  const newInteger = integerPart + paddedFraction.slice(0, exponent);
  const newFraction = paddedFraction.slice(exponent);
  return Number(newFraction === '' ? newInteger : `${newInteger}.${newFraction}`);
}

const MAGNITUDES: ReadonlyArray<readonly [string, number]> = [
  ['万亿', 12],
  ['亿', 8],
  ['万', 4],
  ['千', 3],
  ['百', 2],
];

const ALL_MEASURE_WORDS = Object.keys(DEFAULT_UNIT_FOR_MEASURE_WORD);

function normaliseFigureText(raw: string): string {
  // NFKC folds full-width digits and ％; OCR spaces inside a figure are noise.
  return raw.normalize('NFKC').replace(/\s+/g, '').replace(/,/g, '');
}

function stripPrefix(text: string, table: ReadonlyArray<readonly [string, Qualifier]>): [string, Qualifier | null] {
  for (const [word, qualifier] of table) {
    if (text.startsWith(word)) return [text.slice(word.length), qualifier];
  }
  return [text, null];
}

function stripSuffix(text: string, table: ReadonlyArray<readonly [string, Qualifier]>): [string, Qualifier | null] {
  for (const [word, qualifier] of table) {
    if (text.endsWith(word)) return [text.slice(0, -word.length), qualifier];
  }
  return [text, null];
}

/**
 * Parse a Chinese figure as printed: "1.27万家" → 12700 firms, "6.7万" → 67000,
 * "4200亿元" → 4200 cny-100m, "200万元" → 200 cny-10k, "80万平方米" → 80 sqm-10k,
 * "近一半" → 50 percent (nearly), "50余人" → 50 persons (more-than).
 * Throws FigureParseError on anything it does not recognise rather than guessing.
 */
export function parseChineseFigure(raw: string): ParsedFigure {
  let text = normaliseFigureText(raw);
  const [afterPrefix, prefixQualifier] = stripPrefix(text, QUALIFIER_PREFIXES);
  const [core, suffixQualifier] = stripSuffix(afterPrefix, QUALIFIER_SUFFIXES);
  text = core;

  if (text === '一半' || text === '半') {
    return { value: 50, unit: 'percent', qualifier: prefixQualifier ?? suffixQualifier ?? 'exact', measureWord: null };
  }

  const numberMatch = /^(\d+(?:\.\d+)?|[零一二两三四五六七八九十]+)/.exec(text);
  if (!numberMatch || numberMatch[1] === undefined) {
    throw new FigureParseError(`no number in figure "${raw}"`);
  }
  const numberText = numberMatch[1];
  let rest = text.slice(numberText.length);

  let approximateQualifier: Qualifier | null = null;
  if (rest.startsWith('余') || rest.startsWith('多')) {
    approximateQualifier = 'more-than';
    rest = rest.slice(1);
  }

  let exponent = 0;
  let magnitudeWord = '';
  // 兆 in 兆瓦 is the SI prefix mega, not the Chinese magnitude; no magnitude table entry uses 兆.
  for (const [word, power] of MAGNITUDES) {
    if (rest.startsWith(word)) {
      exponent = power;
      magnitudeWord = word;
      rest = rest.slice(word.length);
      break;
    }
  }
  if (rest.startsWith('余') || rest.startsWith('多')) {
    approximateQualifier = 'more-than';
    rest = rest.slice(1);
  }

  const qualifier: Qualifier = prefixQualifier ?? suffixQualifier ?? approximateQualifier ?? 'exact';

  let writtenNumber: number;
  if (/^\d/.test(numberText)) {
    writtenNumber = Number(numberText);
  } else {
    const numeral = parseChineseNumeral(numberText);
    if (numeral === null) throw new FigureParseError(`unsupported Chinese numeral in "${raw}"`);
    writtenNumber = numeral;
  }
  const scaled = (): number => (/^\d/.test(numberText) ? shiftDecimal(numberText, exponent) : writtenNumber * 10 ** exponent);

  if (rest === '元') {
    // Keep the figure in the unit it is written in, so 4200亿元 stays exactly 4200.
    if (magnitudeWord === '亿') return { value: writtenNumber, unit: 'cny-100m', qualifier, measureWord: null };
    if (magnitudeWord === '万') return { value: writtenNumber, unit: 'cny-10k', qualifier, measureWord: null };
    if (magnitudeWord === '万亿') return { value: shiftDecimal(numberText, 4), unit: 'cny-100m', qualifier, measureWord: null };
    return { value: scaled(), unit: 'cny', qualifier, measureWord: null };
  }
  if (rest === '平方米') {
    if (magnitudeWord === '万') return { value: writtenNumber, unit: 'sqm-10k', qualifier, measureWord: null };
    return { value: scaled(), unit: 'sqm', qualifier, measureWord: null };
  }
  if (rest === '兆瓦' && exponent === 0) return { value: writtenNumber, unit: 'megawatt', qualifier, measureWord: null };
  if (rest === '%' && exponent === 0) return { value: writtenNumber, unit: 'percent', qualifier, measureWord: null };
  if (rest === '倍' && exponent === 0) return { value: writtenNumber, unit: 'ratio', qualifier, measureWord: null };
  if (rest === '年' && exponent === 0) return { value: writtenNumber, unit: 'years', qualifier, measureWord: null };
  if (rest === '') return { value: scaled(), unit: null, qualifier, measureWord: null };
  if (ALL_MEASURE_WORDS.includes(rest)) {
    return { value: scaled(), unit: DEFAULT_UNIT_FOR_MEASURE_WORD[rest] ?? null, qualifier, measureWord: rest };
  }
  throw new FigureParseError(`unrecognised unit "${rest}" in figure "${raw}"`);
}

/**
 * Parse a figure and express it in `target`: ("4200亿元", 'cny') → 4.2e11,
 * ("12个", 'teams') → 12, ("311", 'technologies') → 311. A bare number is
 * taken as already being in `target`. A count is accepted only if its measure
 * word is one the target unit uses (家 is not a measure word for persons).
 */
export function parseChineseFigureAs(raw: string, target: UnitCode): number {
  const parsed = parseChineseFigure(raw);
  const targetMeta = UNITS[target];
  if (parsed.unit === null) return parsed.value;
  if (parsed.measureWord !== null && targetMeta.dimension === 'count') {
    if (!targetMeta.measureWords.includes(parsed.measureWord)) {
      throw new UnitConversionError(`measure word ${parsed.measureWord} in "${raw}" does not count ${target}`);
    }
    return parsed.value;
  }
  return convertValue(parsed.value, parsed.unit, target);
}

// ---------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------

export interface FormatOptions {
  qualifier?: Qualifier;
  /** zh only: measure word to use instead of the unit's first one (e.g. 名 for talents). */
  measureWord?: string;
  /**
   * Lossy compact form: always use the largest magnitude with two decimals
   * (58524 → 5.85万). Default false: never drops digits beyond the display rule.
   */
  compact?: boolean;
  /**
   * At most this many decimals, instead of the unit's display rule (DISPLAY RULES below): for a
   * figure shown exactly as the article printed it (1203.7亿元 with 1), or a tolerance of ±0.5家.
   */
  maxDecimals?: number;
  /**
   * At least this many significant figures, where the unit's rule gives fewer: a figure shown as
   * the article printed it (1203.7亿元 has 5: "1,203.7亿元", "CNY 120.37 bn"). See printedSignificantFigures.
   */
  significantFigures?: number;
}

/*
 * DISPLAY RULES (issue #14 item 8). One rule per unit, so a projection reads the same in the
 * table, the tooltip, the target panel and the image:
 *  - counts (firms, projects, persons…) are whole numbers: 15272.63 firms → 15,273;
 *  - every other unit has a fixed number of significant figures (4 for money, area, power and
 *    percent; 3 for ratios and durations), counted on the number as shown (4668.4567亿元 →
 *    4,668亿元, and in English 466.84567 bn → CNY 466.8 bn), but the integer part is never cut:
 *    15272.63亿元 → 15,273亿元, not 15,270;
 *  - thousands separators in both languages (7,565家 / 7,565 firms);
 *  - an explicit `maxDecimals` replaces the rule (figures as printed, tolerances).
 */

/** Significant figures of a unit's values by default; null for counts, which are shown whole. */
export function significantFiguresOf(unit: UnitCode): number | null {
  const meta = UNITS[unit];
  if (meta.dimension === 'count') return null;
  if (unit === 'ratio' || meta.dimension === 'duration') return 3;
  return 4;
}

/** No display rule asks for more decimals than this (0.000001亿元 is 100元; below that is noise). */
const MAX_DISPLAY_DECIMALS = 6;

/** Position of the leading digit: 4668 → 3, 0.0234 → −2 (log10 corrected where floats land just below a power of ten). */
function leadingDigitPower(absolute: number): number {
  let power = Math.floor(Math.log10(absolute));
  if (10 ** (power + 1) <= absolute) power++;
  else if (10 ** power > absolute) power--;
  return power;
}

/**
 * Decimals that show `value` with `figures` significant figures without cutting its integer part:
 * (4668.4567, 4) → 0, (39.8, 4) → 2, (6.3612, 4) → 3, (15272.63, 4) → 0.
 */
export function significantDecimals(value: number, figures: number): number {
  const absolute = Math.abs(value);
  if (absolute === 0 || !Number.isFinite(absolute)) return 0;
  return Math.min(MAX_DISPLAY_DECIMALS, Math.max(0, figures - 1 - leadingDigitPower(absolute)));
}

/** The decimals a number shown for `unit` gets: the caller's maxDecimals, else whole counts, else significant figures. */
function displayDecimals(shown: number, unit: UnitCode, options: FormatOptions): number {
  if (options.maxDecimals !== undefined) return options.maxDecimals;
  const figures = significantFiguresOf(unit);
  return figures === null ? 0 : significantDecimals(shown, Math.max(figures, options.significantFigures ?? 0));
}

/**
 * Significant figures of a figure as printed: "1203.7亿元" → 5, "6.36亿元" → 3, "1.27万家" → 3,
 * "0.5%" → 1; null for a figure written in words (两个, 近一半), which has no digits to keep.
 */
export function printedSignificantFigures(raw: string): number | null {
  const match = /\d+(?:\.\d+)?/.exec(normaliseFigureText(raw));
  if (!match) return null;
  const digits = match[0].replace('.', '').replace(/^0+/, '');
  return digits === '' ? 1 : digits.length;
}

/** Up to `maxDecimals` decimals, trailing zeros removed, never "-0". No grouping (for messages and files). */
export function formatPlainNumber(value: number, maxDecimals = 2): string {
  const fixed = value.toFixed(maxDecimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

function groupThousands(plain: string): string {
  const negative = plain.startsWith('-');
  const unsigned = negative ? plain.slice(1) : plain;
  const [integerPart = '0', fractionPart] = unsigned.split('.');
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fractionPart === undefined ? '' : `.${fractionPart}`}`;
}

/** A number with thousands separators and up to `maxDecimals` decimals (trailing zeros removed): 12345.6 → "12,345.6". */
export function formatGroupedNumber(value: number, maxDecimals = 2): string {
  return groupThousands(formatPlainNumber(value, maxDecimals));
}

/** Exactly `decimals` decimals with thousands separators, never "-0.0": for a column of percentages (99.0%, 15.3%). */
export function formatFixed(value: number, decimals: number): string {
  const fixed = groupThousands(value.toFixed(decimals));
  return /^-[0.,]*$/.test(fixed) ? fixed.slice(1) : fixed;
}

/** The value rounded to `decimals` decimals as a number (for a sign that must match what is shown). */
export function roundToDecimals(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

function isMultipleOf(value: number, step: number): boolean {
  return Number.isInteger(value) && value % step === 0;
}

interface MagnitudeStep {
  word: string;
  scale: number;
  /** Use this magnitude in exact mode only when the value is a multiple of this step (≤2 decimals). */
  exactStep: number;
}

const ZH_MAGNITUDES: readonly MagnitudeStep[] = [
  { word: '万亿', scale: 1e12, exactStep: 1e10 },
  { word: '亿', scale: 1e8, exactStep: 1e6 },
  { word: '万', scale: 1e4, exactStep: 1e2 },
];

// No "thousand": English readers write 12,700 firms, not 12.7 thousand firms.
const EN_MAGNITUDES: readonly MagnitudeStep[] = [
  { word: 'trillion', scale: 1e12, exactStep: 1e10 },
  { word: 'billion', scale: 1e9, exactStep: 1e7 },
  { word: 'million', scale: 1e6, exactStep: 1e4 },
];

interface NumberParts {
  number: string;
  magnitude: string;
}

/**
 * The counting rule (zh and en alike), chosen so that the output never loses a digit of the
 * value as rounded by the display rule:
 *  - from 10,000 up, a magnitude word (万/亿, million/billion) is used when it represents the
 *    value exactly with at most two decimals ("1.27万家", "1.5 million persons", "10万人");
 *  - otherwise the full number with thousands separators ("58,524家", "12,700 firms").
 * With `compact: true` the largest magnitude is always used with two decimals (lossy: "5.85万家").
 */
function splitMagnitude(value: number, decimals: number, steps: readonly MagnitudeStep[], options: FormatOptions): NumberParts {
  const absolute = Math.abs(value);
  if (absolute >= 1e4) {
    for (const step of steps) {
      if (absolute < step.scale) continue;
      if (options.compact === true || isMultipleOf(absolute, step.exactStep)) {
        return { number: formatPlainNumber(value / step.scale, 2), magnitude: step.word };
      }
    }
  }
  return { number: formatGroupedNumber(value, decimals), magnitude: '' };
}

/** A count as shown: whole by default (15272.63 → 15273), as given when the caller fixes the decimals. */
function countShown(value: number, unit: UnitCode, options: FormatOptions): { value: number; decimals: number } {
  const decimals = displayDecimals(value, unit, options);
  return { value: roundToDecimals(value, decimals), decimals };
}

function isExactAtDecimals(value: number, decimals: number): boolean {
  const factor = 10 ** decimals;
  return Math.abs(Math.round(value * factor) / factor - value) <= 1e-9 * Math.max(1, Math.abs(value));
}

/**
 * Currency and area in zh keep their own magnitude (亿元 stays 亿元) and move up (e.g. to 万亿)
 * only when the value as rounded loses no digit there: 10000亿元 → 1万亿元, but 15272.63亿元 →
 * 15,273亿元. `compact` moves up regardless.
 */
function zhScaledParts(value: number, unit: UnitCode, options: FormatOptions): NumberParts {
  const decimals = displayDecimals(value, unit, options);
  const shown = roundToDecimals(value, decimals);
  const base = toBaseAmount(shown, unit);
  const ownScale = UNITS[unit].scaleToBase;
  const absolute = Math.abs(base);
  for (const step of ZH_MAGNITUDES) {
    if (step.scale <= ownScale) break;
    if (absolute < step.scale) continue;
    if (options.compact === true || isExactAtDecimals(base / step.scale, Math.max(2, decimals))) {
      return { number: formatPlainNumber(base / step.scale, Math.max(2, decimals)), magnitude: step.word };
    }
  }
  const own = ZH_MAGNITUDES.find((step) => step.scale === ownScale);
  return { number: formatGroupedNumber(shown, decimals), magnitude: own?.word ?? '' };
}

function joinZh(parts: NumberParts, suffix: string, qualifier: Qualifier): string {
  const moreThan = qualifier === 'more-than' ? '余' : '';
  const prefix = qualifier === 'more-than' || qualifier === 'exact' ? '' : QUALIFIER_LABELS[qualifier].zh;
  return `${prefix}${parts.number}${moreThan}${parts.magnitude}${suffix}`;
}

/** A plain (unscaled) value by the display rule: 19.2 → "19.2", 12.893 → "12.89". */
function ruledNumber(value: number, unit: UnitCode, options: FormatOptions): string {
  return formatGroupedNumber(value, displayDecimals(value, unit, options));
}

/** Chinese display: 4,200亿元, 200万元, 1.27万家, 58,524家, 15%, 80万平方米, 18兆瓦, 约3,000亿元. */
export function formatValueZh(value: number, unit: UnitCode, options: FormatOptions = {}): string {
  const meta = UNITS[unit];
  const qualifier = options.qualifier ?? 'exact';
  switch (meta.dimension) {
    case 'currency':
      return joinZh(zhScaledParts(value, unit, options), '元', qualifier);
    case 'area':
      return joinZh(zhScaledParts(value, unit, options), '平方米', qualifier);
    case 'power':
      return joinZh({ number: ruledNumber(value, unit, options), magnitude: '' }, '兆瓦', qualifier);
    case 'fraction':
      return joinZh({ number: ruledNumber(value, unit, options), magnitude: '' }, unit === 'percent' ? '%' : '倍', qualifier);
    case 'duration':
      return joinZh({ number: ruledNumber(value, unit, options), magnitude: '' }, '年', qualifier);
    case 'count': {
      const measureWord = options.measureWord ?? meta.measureWords[0] ?? '';
      const shown = countShown(value, unit, options);
      return joinZh(splitMagnitude(shown.value, shown.decimals, ZH_MAGNITUDES, options), measureWord, qualifier);
    }
  }
}

function enQualifierPrefix(qualifier: Qualifier): string {
  return qualifier === 'exact' ? '' : `${QUALIFIER_LABELS[qualifier].en} `;
}

const EN_CURRENCY_MAGNITUDES: readonly MagnitudeStep[] = [
  { word: 'tn', scale: 1e12, exactStep: 1 },
  { word: 'bn', scale: 1e9, exactStep: 1 },
  { word: 'mn', scale: 1e6, exactStep: 1 },
];

/** English display: "CNY 420 bn", "12,700 firms", "7,565 firms", "15%", "18 MW", "over 12,700 firms". */
export function formatValueEn(value: number, unit: UnitCode, options: FormatOptions = {}): string {
  const meta = UNITS[unit];
  const prefix = enQualifierPrefix(options.qualifier ?? 'exact');
  switch (meta.dimension) {
    case 'currency': {
      const base = toBaseAmount(value, unit);
      const step = EN_CURRENCY_MAGNITUDES.find((candidate) => Math.abs(base) >= candidate.scale);
      // The significant figures count on the number as shown (466.84567 bn → 466.8), not on the 亿元 value.
      const shown = step ? base / step.scale : base;
      const number = formatGroupedNumber(shown, displayDecimals(shown, unit, options));
      return step ? `${prefix}CNY ${number} ${step.word}` : `${prefix}CNY ${number}`;
    }
    case 'area': {
      const base = toBaseAmount(value, unit);
      const decimals = displayDecimals(base, unit, options);
      const parts = splitMagnitude(roundToDecimals(base, decimals), decimals, EN_MAGNITUDES, options);
      return `${prefix}${parts.number}${parts.magnitude ? ` ${parts.magnitude}` : ''} m²`;
    }
    case 'power':
      return `${prefix}${ruledNumber(value, unit, options)} MW`;
    case 'fraction':
      return unit === 'percent' ? `${prefix}${ruledNumber(value, unit, options)}%` : `${prefix}${ruledNumber(value, unit, options)}×`;
    case 'duration':
    case 'count': {
      const shown = countShown(value, unit, options);
      const parts = splitMagnitude(shown.value, shown.decimals, EN_MAGNITUDES, options);
      const noun = meta.enNoun ?? { one: meta.label.en, other: meta.label.en };
      const singular = parts.magnitude === '' && Math.abs(shown.value) === 1;
      const magnitude = parts.magnitude ? ` ${parts.magnitude}` : '';
      return `${prefix}${parts.number}${magnitude} ${singular ? noun.one : noun.other}`;
    }
  }
}

export function formatValue(value: number, unit: UnitCode, lang: Lang, options: FormatOptions = {}): string {
  return lang === 'zh' ? formatValueZh(value, unit, options) : formatValueEn(value, unit, options);
}

/**
 * A value of a user's own unit given as free text ("台"): no rule is known for it, so the rule of
 * money applies (4 significant figures, integer part whole), then the unit as typed: "1,235 台"
 * (no unit: the number alone).
 */
export function formatFreeUnitValue(value: number, unit: string, options: Pick<FormatOptions, 'maxDecimals'> = {}): string {
  const number = formatGroupedNumber(value, options.maxDecimals ?? significantDecimals(value, 4));
  return unit.trim() === '' ? number : `${number} ${unit}`;
}

/**
 * The Excel number format of a block of values of `unit` whose typical size (the scenario's base)
 * is `typical`: the same rule as the screen, fixed for the block because a cell format cannot count
 * significant figures. 4200亿元 → "#,##0", 39.8亿元 → "#,##0.00", firms → "#,##0".
 */
export function spreadsheetNumberFormat(unit: UnitCode, typical: number, significantFigures?: number): string {
  const figures = significantFiguresOf(unit);
  const decimals = figures === null ? 0 : significantDecimals(typical, Math.max(figures, significantFigures ?? 0));
  return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
}

const ZH_TICK_MAGNITUDES: ReadonlyArray<readonly [number, string]> = [
  [1e12, '万亿'],
  [1e8, '亿'],
  [1e4, '万'],
];

const EN_TICK_MAGNITUDES: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'tn'],
  [1e9, 'bn'],
  [1e6, 'm'],
  [1e3, 'k'],
];

function compactTick(base: number, magnitudes: ReadonlyArray<readonly [number, string]>): string {
  const absolute = Math.abs(base);
  for (const [scale, word] of magnitudes) {
    if (absolute >= scale) return `${formatPlainNumber(base / scale, 2)}${word}`;
  }
  return formatGroupedNumber(base, MAX_DISPLAY_DECIMALS);
}

/**
 * Whether the unit's own name carries a magnitude (亿元, 万元, 万平方米 / CNY 100 million…). An
 * axis titled with such a unit has its ticks in that unit, as plain numbers: "12,000" under
 * "CNY 100 million", never "1.2tn" (which would be 1.2 tn × 100 million).
 */
function labelCarriesMagnitude(unit: UnitCode): boolean {
  const meta = UNITS[unit];
  return (meta.dimension === 'currency' || meta.dimension === 'area') && meta.scaleToBase !== 1;
}

/** A tick number: ticks are already round (shared/charts/ticks.ts), so every decimal they have is shown, grouped. */
function tickNumber(value: number): string {
  return formatGroupedNumber(value, MAX_DISPLAY_DECIMALS);
}

/**
 * Short chart tick in zh, without measure word (the axis title, unitLabel, carries the unit):
 * 15000 firms → "1.5万" under 家(企业), 4200 cny-100m → "4,200" under 亿元, 15 percent → "15%".
 */
export function formatAxisTickZh(value: number, unit: UnitCode): string {
  const meta = UNITS[unit];
  if (meta.dimension === 'fraction') return unit === 'percent' ? `${tickNumber(value)}%` : `${tickNumber(value)}倍`;
  if (meta.dimension === 'power' || meta.dimension === 'duration' || labelCarriesMagnitude(unit)) return tickNumber(value);
  return compactTick(toBaseAmount(value, unit), ZH_TICK_MAGNITUDES);
}

/**
 * Short chart tick in en: 12700 firms → "12.7k" under "firms", 4200 cny-100m → "4,200" under
 * "CNY 100 million", 15 percent → "15%".
 */
export function formatAxisTickEn(value: number, unit: UnitCode): string {
  const meta = UNITS[unit];
  if (meta.dimension === 'fraction') return unit === 'percent' ? `${tickNumber(value)}%` : `${tickNumber(value)}×`;
  if (meta.dimension === 'power' || meta.dimension === 'duration' || labelCarriesMagnitude(unit)) return tickNumber(value);
  return compactTick(toBaseAmount(value, unit), EN_TICK_MAGNITUDES);
}

export function formatAxisTick(value: number, unit: UnitCode, lang: Lang): string {
  return lang === 'zh' ? formatAxisTickZh(value, unit) : formatAxisTickEn(value, unit);
}

/** A tick of an axis whose unit is a user's free text ("台"): a plain grouped number, as the ticks of a known unit are. */
export function formatFreeUnitTick(value: number): string {
  return tickNumber(value);
}

/** Whether an axis of this unit takes whole ticks only (a count: no 2.5 firms). */
export function hasWholeTicks(unit: UnitCode): boolean {
  return UNITS[unit].dimension === 'count';
}

/** The unit's name for axis titles and table headers: 亿元 / CNY 100 million. */
export function unitLabel(unit: UnitCode, lang: Lang): string {
  return UNITS[unit].label[lang];
}

/**
 * Value of one step in the last printed digit, in the figure's natural unit:
 * "1.27万家" → 100, "36.1%" → 0.1, "4200亿元" → 1, "10万人" → 10000.
 * Half of it is the rounding error the printed figure may carry, which is what
 * consistency checks use as tolerance instead of an arbitrary epsilon.
 */
export function printedResolution(raw: string): number {
  const text = normaliseFigureText(raw);
  const numberMatch = /一半|\d+(?:\.\d+)?|[零一二两三四五六七八九十]+/.exec(text);
  if (!numberMatch) throw new FigureParseError(`no number in figure "${raw}"`);
  const numberText = numberMatch[0];
  // A word figure such as 一半 has no digits to round: it is as coarse as the figure itself.
  if (numberText === '一半') return parseChineseFigure(text).value;
  const decimals = numberText.includes('.') ? (numberText.split('.')[1] ?? '').length : 0;
  const oneStep = decimals === 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`;
  const stepText = text.slice(0, numberMatch.index) + (/^\d/.test(numberText) ? oneStep : '一') + text.slice(numberMatch.index + numberText.length);
  return parseChineseFigure(stepText).value;
}
