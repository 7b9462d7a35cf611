import { describe, expect, it } from 'vitest';
import { matchHeader, templateHeader } from './columns';
import { parseKindCell, parseValueCell, parseYearCell, resolveUnit, type UnitResolution } from './values';

const unit = (text: string): UnitResolution => {
  const resolved = resolveUnit(text);
  if (!resolved) throw new Error(`unit ${text} should resolve`);
  return resolved;
};

describe('resolveUnit', () => {
  it.each([
    ['cny-100m', 'cny-100m'],
    ['亿元', 'cny-100m'],
    ['万元', 'cny-10k'],
    ['家', 'firms'],
    ['个', 'items'],
    ['人', 'persons'],
    ['%', 'percent'],
    ['％', 'percent'],
    ['家(企业)', 'firms'],
    ['个（团队）', 'teams'],
    ['CNY 100 million', 'cny-100m'],
    ['万平方米', 'sqm-10k'],
    ['兆瓦', 'megawatt'],
  ])('%s → %s', (text, code) => {
    expect(resolveUnit(text)?.code).toBe(code);
  });

  it('refuses units it does not know', () => {
    expect(resolveUnit('furlongs')).toBeNull();
    expect(resolveUnit('')).toBeNull();
    expect(resolveUnit('万')).toBeNull();
  });
});

describe('parseValueCell', () => {
  it.each([
    ['12,700', '家', 12700],
    ['1,234.5', '亿元', 1234.5],
    ['1.27万', '家', 12700], // 1.27 × 10^4
    ['1.27万家', '家', 12700],
    ['4200亿元', '亿元', 4200],
    ['0.42万亿元', '亿元', 4200], // 0.42 × 10^4 亿元
    ['15%', '%', 15],
    ['-3.5', '%', -3.5],
    ['１２', '家', 12], // full-width digits
    ['1.27', '万家', 12700], // the unit carries 万: 1.27 × 10^4 firms
  ])('%s in %s → %d', (text, unitText, expected) => {
    expect(parseValueCell(text, unit(unitText))).toMatchObject({ ok: true, value: expected });
  });

  it('takes numbers from XLSX cells as they are, applying a magnitude in the unit', () => {
    expect(parseValueCell(4830, unit('亿元'))).toEqual({ ok: true, value: 4830 });
    expect(parseValueCell(1.27, unit('万家'))).toEqual({ ok: true, value: 12700 });
  });

  it.each(['12,7x', '12,7', '1,23,456', 'abc', '0x10', 'Infinity', '1e999', ''])('refuses %j', (text) => {
    expect(parseValueCell(text, unit('亿元')).ok).toBe(false);
  });

  it('says what is wrong in both languages', () => {
    expect(parseValueCell('12,7x', unit('亿元'))).toEqual({ ok: false, message: 'not a number: 12,7x', messageZh: '不是数字：12,7x' });
  });

  it('refuses a percentage when the unit is not %, and a count with the wrong measure word', () => {
    expect(parseValueCell('15%', unit('家')).ok).toBe(false);
    expect(parseValueCell('30人', unit('家')).ok).toBe(false);
  });

  it('keeps the number but warns when a qualifier such as 约 is dropped', () => {
    expect(parseValueCell('约3000亿元', unit('亿元'))).toMatchObject({ ok: true, value: 3000, warning: { messageZh: '已忽略“约3000亿元”中的“约”' } });
  });
});

describe('parseYearCell and parseKindCell', () => {
  it('reads years as numbers, text and 2024年', () => {
    expect(parseYearCell(2024)).toEqual({ ok: true, value: 2024 });
    expect(parseYearCell('2024年')).toEqual({ ok: true, value: 2024 });
    expect(parseYearCell('20x3').ok).toBe(false);
    expect(parseYearCell(2024.5).ok).toBe(false);
    expect(parseYearCell(1800).ok).toBe(false);
  });

  it('reads kinds in English and Chinese, blank meaning actual', () => {
    expect(parseKindCell('目标')).toEqual({ ok: true, value: 'target' });
    expect(parseKindCell('Projection')).toEqual({ ok: true, value: 'projection' });
    expect(parseKindCell(null)).toEqual({ ok: true, value: 'actual' });
    expect(parseKindCell('guess').ok).toBe(false);
  });
});

describe('header names', () => {
  it('accepts the template headers and Chinese or English names alone', () => {
    expect(matchHeader(templateHeader('value'))).toBe('value');
    expect(matchHeader('数值')).toBe('value');
    expect(matchHeader('Value')).toBe('value');
    expect(matchHeader('指标')).toBe('indicatorId');
    expect(matchHeader('indicator')).toBe('indicatorId');
    expect(matchHeader('指标名称 / indicator name (zh)')).toBe('nameZh');
    expect(matchHeader('Name (EN)')).toBe('nameEn');
    expect(matchHeader('colour')).toBeNull();
  });
});
