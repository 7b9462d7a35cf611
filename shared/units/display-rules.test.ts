/**
 * Issue #14 item 8, "numbers are hard to read": the display rules of shared/units. Every
 * expectation is worked out by hand from the rule (arithmetic in the comments), not read off the code.
 */
import { describe, expect, it } from 'vitest';
import { valueAxis } from '../charts/ticks';
import { formatFixed, formatValue, formatValueEn, formatValueZh, localLabel, spreadsheetNumberFormat, unitLabel } from './index';
import { localTimestamp, timestampForDisplay } from './time';

describe('#8 money in 亿元 is shown with 4 significant figures, never dropping a digit of the integer part', () => {
  it.each([
    // 4668.4567: four figures are 4668, the .4567 is dropped.
    [4668.4567, '4,668亿元', 'CNY 466.8 bn'], // 4668.4567亿 = 466.84567 bn → 466.8
    // 5554.5: the fifth figure is a 5, so the fourth rounds up to 5555.
    [5554.5, '5,555亿元', 'CNY 555.5 bn'], // 555.45 bn → 555.5 (the binary value lies just above the half)
    [4830, '4,830亿元', 'CNY 483 bn'], // 4830亿 = 483 bn
    [39.8, '39.8亿元', 'CNY 3.98 bn'], // 39.8亿 = 3.98 bn: three figures, nothing to round
    [6.3612, '6.361亿元', 'CNY 636.1 mn'], // 6.3612亿 = 636.12 mn → 636.1
    // 15272.63 has five integer digits: the integer part stays whole (15273), only the decimals go.
    [15272.63, '15,273亿元', 'CNY 1.527 tn'], // 15272.63亿 = 1.527263 tn → 1.527
  ] as const)('%d 亿元 → %s / %s', (value, zh, en) => {
    expect(formatValueZh(value, 'cny-100m')).toBe(zh);
    expect(formatValueEn(value, 'cny-100m')).toBe(en);
  });

  it('the same projection reads the same in every row: no 4830 beside 5554.5 beside 4668.46', () => {
    const shown = [4830, 5554.5, 4668.46].map((value) => formatValue(value, 'cny-100m', 'zh'));
    expect(shown).toEqual(['4,830亿元', '5,555亿元', '4,668亿元']);
  });

  it('an explicit number of decimals still shows a figure exactly as the article printed it', () => {
    // The article prints 1203.7亿元 (涪陵 new materials output): five figures, kept with one decimal.
    expect(formatValueZh(1203.7, 'cny-100m', { maxDecimals: 1 })).toBe('1,203.7亿元');
  });
});

describe('#8 counts of firms, projects and people are whole numbers', () => {
  it('15272.63 firms is 15,273家 / 15,273 firms', () => {
    // 15272.63 rounds to the whole 15273.
    expect(formatValueZh(15272.63, 'firms')).toBe('15,273家');
    expect(formatValueEn(15272.63, 'firms')).toBe('15,273 firms');
  });

  it('a projection of 7565 × 1.192² = 10748.84 firms is 10,749', () => {
    expect(formatValueZh(7565 * 1.192 ** 2, 'firms')).toBe('10,749家');
    expect(formatValueZh(136.6, 'projects')).toBe('137项');
    expect(formatValueEn(0.4, 'persons')).toBe('0 persons');
  });
});

describe('#8 thousands separators alike in both languages', () => {
  it.each([
    [7565, 'firms', '7,565家', '7,565 firms'],
    [4200, 'cny-100m', '4,200亿元', 'CNY 420 bn'],
    [58524, 'firms', '58,524家', '58,524 firms'],
  ] as const)('%d %s → %s / %s', (value, unit, zh, en) => {
    expect(formatValueZh(value, unit)).toBe(zh);
    expect(formatValueEn(value, unit)).toBe(en);
  });

  it('fixed decimals (percentages in a column) are grouped too', () => {
    expect(formatFixed(1234.5, 1)).toBe('1,234.5');
    expect(formatFixed(99, 1)).toBe('99.0');
    expect(formatFixed(-0.04, 1)).toBe('0.0');
  });
});

describe('#8 English counts say "10,000 firms", not "10 thousand firms"', () => {
  it.each([
    [10000, 'firms', {}, '10,000 firms'],
    [12700, 'firms', {}, '12,700 firms'],
    [86000, 'firms', { qualifier: 'over' }, 'over 86,000 firms'],
    [100000, 'persons', {}, '100,000 persons'],
    // A million is written as such: 1.5 × 10^6.
    [1_500_000, 'persons', {}, '1.5 million persons'],
    [80, 'sqm-10k', {}, '800,000 m²'], // 80万平方米 = 800,000 m²
  ] as const)('%d %s → %s', (value, unit, options, expected) => {
    expect(formatValueEn(value, unit, options)).toBe(expected);
  });
});

describe('#8 axis titles and tick labels say the same thing', () => {
  it('the English axis of a series 0–1.2 万亿 is in CNY 100 million, as its title says', () => {
    // 0…12000亿元: a fifth of the span is 2400, so steps of 2500 (in 亿元), up to 12500.
    const axis = valueAxis([0, 6000, 12000], 'cny-100m', 'en');
    expect(unitLabel('cny-100m', 'en')).toBe('CNY 100 million');
    expect(axis.ticks).toEqual([0, 2500, 5000, 7500, 10000, 12500]);
    expect(axis.tickLabels).toEqual(['0', '2,500', '5,000', '7,500', '10,000', '12,500']);
  });

  it('the Chinese axis titled 亿元 has ticks in 亿元, not 亿 again', () => {
    expect(valueAxis([4200, 10000], 'cny-100m', 'zh').tickLabels).toEqual(['4,000', '6,000', '8,000', '10,000']);
  });

  it('a count axis has whole ticks only (no 2.5 firms)', () => {
    // 0…12 firms: a fifth is 2.4; 2.5 is not a whole step, so the step is 5.
    expect(valueAxis([0, 12], 'firms', 'en').ticks).toEqual([0, 5, 10, 15]);
  });
});

describe('#8 target notes in the UI language', () => {
  const target = { label: '2025年目标:突破1万家', labelEn: '2025 target: over 10,000 firms' };

  it('shows the English label in English and the Chinese one in Chinese', () => {
    expect(localLabel(target, 'en')).toBe('2025 target: over 10,000 firms');
    expect(localLabel(target, 'zh')).toBe('2025年目标:突破1万家');
  });

  it('a label the user typed in one language is the label in both until translated', () => {
    expect(localLabel({ label: 'my target' }, 'zh')).toBe('my target');
    expect(localLabel({ label: '我的目标', labelEn: ' ' }, 'en')).toBe('我的目标');
    expect(localLabel({}, 'en')).toBeUndefined();
  });
});

describe('#8 the export time is the analyst’s local time with its offset', () => {
  it('08:00 UTC in Chongqing (UTC+8) is 16:00 local, written with +08:00', () => {
    const instant = new Date(Date.UTC(2026, 2, 1, 8, 0, 0));
    expect(localTimestamp(instant, 480)).toBe('2026-03-01T16:00:00+08:00');
    // West of Greenwich: 08:00 UTC is 03:30 in UTC−04:30.
    expect(localTimestamp(instant, -270)).toBe('2026-03-01T03:30:00-04:30');
  });

  it('is shown as a date, a time and the offset', () => {
    expect(timestampForDisplay('2026-03-01T16:00:00+08:00')).toBe('2026-03-01 16:00:00 (UTC+08:00)');
    expect(timestampForDisplay('2026-03-01T08:00:00.000Z')).toBe('2026-03-01 08:00:00 (UTC)');
    expect(timestampForDisplay('not a time')).toBe('not a time');
  });
});

describe('#8 workbook number formats follow the same rule', () => {
  it('亿元 amounts show 4 significant figures of the block’s base value, counts whole numbers', () => {
    // 4200亿元: four integer digits, no decimals. 39.8亿元: two integer digits, two decimals.
    expect(spreadsheetNumberFormat('cny-100m', 4200)).toBe('#,##0');
    expect(spreadsheetNumberFormat('cny-100m', 39.8)).toBe('#,##0.00');
    expect(spreadsheetNumberFormat('cny-100m', 6.36)).toBe('#,##0.000');
    expect(spreadsheetNumberFormat('firms', 7565.4)).toBe('#,##0');
  });
});
