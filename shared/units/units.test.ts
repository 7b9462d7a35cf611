import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FigureParseError,
  UNIT_CODES,
  UNITS,
  UnitConversionError,
  convertValue,
  formatAxisTickEn,
  formatAxisTickZh,
  formatValueEn,
  formatValueZh,
  parseChineseFigure,
  parseChineseFigureAs,
  printedResolution,
} from './index';

describe('parseChineseFigure', () => {
  it.each([
    ['1.27万家', 12700, 'firms', 'exact'],
    ['6.7万', 67000, null, 'exact'],
    ['1万家', 10000, 'firms', 'exact'],
    ['8.6万家', 86000, 'firms', 'exact'],
    ['4200亿元', 4200, 'cny-100m', 'exact'],
    ['200万元', 200, 'cny-10k', 'exact'],
    ['80万平方米', 80, 'sqm-10k', 'exact'],
    ['10万人', 100000, 'persons', 'exact'],
    ['18兆瓦', 18, 'megawatt', 'exact'],
    ['19.2%', 19.2, 'percent', 'exact'],
    ['50余家', 50, 'firms', 'more-than'],
    ['5000多家', 5000, 'firms', 'more-than'],
    ['3000亿元左右', 3000, 'cny-100m', 'about'],
    ['超过6.7万家', 67000, 'firms', 'over'],
    ['突破1万家', 10000, 'firms', 'over'],
    ['超10亿元', 10, 'cny-100m', 'over'],
    ['近一半', 50, 'percent', 'nearly'],
    ['最高200万元', 200, 'cny-10k', 'up-to'],
    ['两个', 2, 'items', 'exact'],
    ['十二个', 12, 'items', 'exact'],
    ['33名', 33, 'persons', 'exact'],
    ['1万亿元', 10000, 'cny-100m', 'exact'],
  ] as const)('%s → %d %s (%s)', (raw, value, unit, qualifier) => {
    expect(parseChineseFigure(raw)).toMatchObject({ value, unit, qualifier });
  });

  it('ignores OCR whitespace and full-width characters', () => {
    expect(parseChineseFigure('6.7万 家').value).toBe(67000);
    expect(parseChineseFigure('１５％')).toMatchObject({ value: 15, unit: 'percent' });
    expect(parseChineseFigure('58,524家').value).toBe(58524);
  });

  it('refuses what it does not understand instead of guessing', () => {
    expect(() => parseChineseFigure('约占')).toThrow(FigureParseError);
    expect(() => parseChineseFigure('12吨')).toThrow(FigureParseError);
  });
});

describe('parseChineseFigureAs and conversion', () => {
  it('converts only inside this module, between units of one base', () => {
    expect(parseChineseFigureAs('4200亿元', 'cny')).toBe(4.2e11);
    expect(parseChineseFigureAs('4200亿元', 'cny-100m')).toBe(4200);
    expect(parseChineseFigureAs('200万元', 'cny-100m')).toBe(0.02);
    expect(parseChineseFigureAs('80万平方米', 'sqm')).toBe(800000);
    expect(convertValue(6.36, 'cny-100m', 'cny-10k')).toBe(63600);
    expect(convertValue(15, 'percent', 'ratio')).toBe(0.15);
  });

  it('accepts a count only with a measure word of the target unit', () => {
    expect(parseChineseFigureAs('12个', 'teams')).toBe(12);
    expect(parseChineseFigureAs('137项', 'projects')).toBe(137);
    expect(parseChineseFigureAs('8位', 'persons')).toBe(8);
    expect(parseChineseFigureAs('311', 'technologies')).toBe(311);
    expect(() => parseChineseFigureAs('45家', 'persons')).toThrow(UnitConversionError);
    expect(() => convertValue(1, 'firms', 'persons')).toThrow(UnitConversionError);
    expect(() => convertValue(1, 'cny-100m', 'percent')).toThrow(UnitConversionError);
  });
});

describe('formatValueZh', () => {
  it.each([
    [4200, 'cny-100m', '4,200亿元'],
    [6.36, 'cny-100m', '6.36亿元'],
    [10000, 'cny-100m', '1万亿元'],
    [200, 'cny-10k', '200万元'],
    [12700, 'firms', '1.27万家'],
    [67000, 'firms', '6.7万家'],
    [10000, 'firms', '1万家'],
    [58524, 'firms', '58,524家'],
    [7565, 'firms', '7,565家'],
    [100000, 'persons', '10万人'],
    [80, 'sqm-10k', '80万平方米'],
    [15, 'percent', '15%'],
    [18, 'megawatt', '18兆瓦'],
    [5.2579, 'ratio', '5.26倍'],
  ] as const)('%d %s → %s', (value, unit, expected) => {
    expect(formatValueZh(value, unit)).toBe(expected);
  });

  it('places qualifiers the way the article writes them', () => {
    expect(formatValueZh(50, 'firms', { qualifier: 'more-than' })).toBe('50余家');
    expect(formatValueZh(12700, 'firms', { qualifier: 'over' })).toBe('超过1.27万家');
    expect(formatValueZh(3000, 'cny-100m', { qualifier: 'about' })).toBe('约3,000亿元');
    expect(formatValueZh(33, 'persons', { measureWord: '名' })).toBe('33名');
  });

  it('compact mode trades digits for brevity', () => {
    expect(formatValueZh(58524, 'firms', { compact: true })).toBe('5.85万家');
  });
});

describe('formatValueEn', () => {
  it.each([
    [4200, 'cny-100m', 'CNY 420 bn'],
    [6.36, 'cny-100m', 'CNY 636 mn'],
    [200, 'cny-10k', 'CNY 2 mn'],
    [10000, 'cny-100m', 'CNY 1 tn'],
    [12700, 'firms', '12,700 firms'],
    [58524, 'firms', '58,524 firms'],
    [7565, 'firms', '7,565 firms'],
    [100000, 'persons', '100,000 persons'],
    [1, 'zones', '1 zone'],
    [80, 'sqm-10k', '800,000 m²'],
    [18, 'megawatt', '18 MW'],
    [12.93, 'percent', '12.93%'],
  ] as const)('%d %s → %s', (value, unit, expected) => {
    expect(formatValueEn(value, unit)).toBe(expected);
  });

  it('prefixes qualifiers', () => {
    expect(formatValueEn(86000, 'firms', { qualifier: 'over' })).toBe('over 86,000 firms');
    expect(formatValueEn(5500, 'cny-100m', { qualifier: 'about' })).toBe('about CNY 550 bn');
  });
});

describe('axis ticks', () => {
  it('zh uses 万/亿 without measure words', () => {
    expect(formatAxisTickZh(0, 'firms')).toBe('0');
    expect(formatAxisTickZh(5000, 'firms')).toBe('5,000');
    expect(formatAxisTickZh(15000, 'firms')).toBe('1.5万');
    // An axis titled 亿元 has its ticks in 亿元 (#14 item 8).
    expect(formatAxisTickZh(4200, 'cny-100m')).toBe('4,200');
    expect(formatAxisTickZh(20000, 'cny-100m')).toBe('20,000');
    expect(formatAxisTickZh(4.2e11, 'cny')).toBe('4200亿');
    expect(formatAxisTickZh(15, 'percent')).toBe('15%');
  });

  it('en uses k / m / bn / tn where the axis title has no magnitude', () => {
    expect(formatAxisTickEn(12700, 'firms')).toBe('12.7k');
    expect(formatAxisTickEn(1_500_000, 'persons')).toBe('1.5m');
    expect(formatAxisTickEn(4.2e11, 'cny')).toBe('420bn');
    // Under "CNY 100 million" the tick is in CNY 100 million (#14 item 8).
    expect(formatAxisTickEn(4200, 'cny-100m')).toBe('4,200');
    expect(formatAxisTickEn(6.36, 'cny-100m')).toBe('6.36');
    expect(formatAxisTickEn(15, 'percent')).toBe('15%');
  });
});

describe('printedResolution', () => {
  it('is one step of the last printed digit in the natural unit', () => {
    expect(printedResolution('1.27万家')).toBe(100);
    expect(printedResolution('8.6万家')).toBe(1000);
    expect(printedResolution('36.1%')).toBe(0.1);
    expect(printedResolution('6.36亿元')).toBe(0.01);
    expect(printedResolution('4200亿元')).toBe(1);
  });
});

describe('unit metadata', () => {
  it('covers every code, and count units carry measure words and English nouns', () => {
    for (const code of UNIT_CODES) {
      const meta = UNITS[code];
      expect(meta.code).toBe(code);
      expect(meta.scaleToBase).toBeGreaterThan(0);
      if (meta.dimension === 'count') {
        expect(meta.measureWords.length).toBeGreaterThan(0);
        expect(meta.enNoun).toBeDefined();
      }
    }
  });
});

describe('properties', () => {
  it('the default zh format of a whole count parses back to the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (count) => {
        expect(parseChineseFigureAs(formatValueZh(count, 'firms'), 'firms')).toBe(count);
      }),
    );
  });

  it('亿元 amounts round-trip through the zh formatter when two decimals are asked for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_99 }), (hundredths) => {
        const value = hundredths / 100;
        expect(parseChineseFigureAs(formatValueZh(value, 'cny-100m', { maxDecimals: 2 }), 'cny-100m')).toBe(value);
      }),
    );
  });
});
