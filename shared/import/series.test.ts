import { describe, expect, it } from 'vitest';
import { parseImportFile } from './parse-import';
import { seriesIndicatorId, seriesNameFromFileName } from './series';
import type { ImportResult } from './types';

const bytes = (text: string) => new TextEncoder().encode(text);

function expectOk(result: ImportResult) {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result;
}

function expectErrors(result: ImportResult) {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('#14.12 a plain CSV of years and values', () => {
  it('#14.12 reads a two-column year,value CSV as one indicator named after its file, in 亿元 until the analyst picks a unit', async () => {
    const result = expectOk(
      await parseImportFile({ fileName: '区软件业务收入.csv', bytes: bytes('year,value\r\n2021,2888\r\n2022,"3,000.5"\r\n2023,3150\r\n') }),
    );
    expect(result.indicators).toHaveLength(1);
    const [series] = result.indicators;
    expect(series?.name).toEqual({ zh: '区软件业务收入', en: '' });
    expect(series?.unit).toBe('cny-100m');
    expect(series?.id).toBe(seriesIndicatorId({ zh: '区软件业务收入', en: '' }));
    // Blank kind is an actual value; "3,000.5" is 3000.5.
    expect(series?.observations.map((o) => [o.year, o.value, o.kind])).toEqual([
      [2021, 2888, 'actual'],
      [2022, 3000.5, 'actual'],
      [2023, 3150, 'actual'],
    ]);
    // The preview asks about what the file left out.
    expect(result.choices).toEqual({ name: { zh: '区软件业务收入', en: '' }, unit: 'cny-100m' });
  });

  it('#14.12 takes Chinese headers (年份,数值) and a unit written in the value header', async () => {
    const result = expectOk(await parseImportFile({ fileName: 'firms.csv', bytes: bytes('年份,数值（家）\n2022,1.2万\n2023,13050\n') }));
    const [series] = result.indicators;
    // 1.2万家 = 1.2 × 10,000 = 12,000 firms.
    expect(series?.unit).toBe('firms');
    expect(series?.observations.map((o) => o.value)).toEqual([12000, 13050]);
    // The unit came from the file: only the name is asked.
    expect(result.choices).toEqual({ name: { zh: 'firms', en: '' } });
  });

  it('#14.12 reads the file again with the name and unit the analyst gave', async () => {
    const file = { fileName: 'gdp.csv', bytes: bytes('年份,数值\n2022,1.27万\n2023,13600\n') };
    const result = expectOk(await parseImportFile({ ...file, choices: { name: { zh: '区地区生产总值', en: 'District GDP' }, unit: 'cny-10k' } }));
    expect(result.indicators.map((i) => [i.id, i.name.zh, i.unit])).toEqual([['own.district-gdp', '区地区生产总值', 'cny-10k']]);
    // A bare 1.27万 is 1.27 × 10,000 = 12,700 in the row's unit (万元), as in the template's rows.
    expect(result.indicators[0]?.observations.map((o) => [o.id, o.value])).toEqual([
      ['own.district-gdp@2022-actual', 12700],
      ['own.district-gdp@2023-actual', 13600],
    ]);
  });

  it('#14.12 names the same series with the same id, and another one with another', () => {
    expect(seriesIndicatorId({ zh: '区GDP', en: '' })).toBe(seriesIndicatorId({ zh: '区GDP', en: '' }));
    expect(seriesIndicatorId({ zh: '区GDP', en: '' })).not.toBe(seriesIndicatorId({ zh: '区GDP增速', en: '' }));
    expect(seriesIndicatorId({ zh: '区GDP', en: '' })).toMatch(/^own\.s-[0-9a-f]{8}$/);
    expect(seriesNameFromFileName('C:\\data\\统计公报.csv')).toEqual({ zh: '统计公报', en: '' });
    expect(seriesNameFromFileName('.csv')).toEqual({ zh: '导入的指标', en: 'Imported indicator' });
  });
});

describe('#14.12 a missing column is named in the language of the message', () => {
  it('#14.12 says 缺少“数值”列 in Chinese and the column "value" is missing in English', async () => {
    const errors = expectErrors(await parseImportFile({ fileName: 'amounts.csv', bytes: bytes('年份,金额万\n2022,12\n') }));
    const missing = errors.find((e) => e.code === 'missing-column');
    expect(missing).toMatchObject({ row: 1, column: 'value', columnZh: '数值', message: 'the column "value" is missing', messageZh: '缺少“数值”列' });
  });

  it('#14.12 names the missing unit of a table of indicators in Chinese', async () => {
    const errors = expectErrors(await parseImportFile({ fileName: 't.csv', bytes: bytes('指标代码,指标名称,年份,数值\nx.y,某指标,2023,5\n') }));
    expect(errors.map((e) => [e.columnZh, e.messageZh])).toEqual([['单位', '缺少“单位”列']]);
  });
});
