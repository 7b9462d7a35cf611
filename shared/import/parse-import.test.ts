import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildZip } from '../../tests/fixtures/import/zip-writer';
import { importLimits } from './limits';
import { parseImportFile } from './parse-import';
import { templateCsvBytes, templateXlsxBytes } from './template';
import type { ImportResult } from './types';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../tests/fixtures/import/${name}`, import.meta.url)));

function expectOk(result: ImportResult) {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result;
}

function expectErrors(result: ImportResult) {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseImportFile: good files', () => {
  it('reads the CSV fixture (BOM, CRLF, quotes, Chinese headers, units and figures)', async () => {
    const result = expectOk(await parseImportFile({ fileName: 'good.csv', bytes: fixture('good.csv') }));
    expect(result.indicators.map((i) => i.id)).toEqual(['district.software.revenue', 'district.high-tech-firms', 'district.rd-intensity']);
    const [software, firms, rd] = result.indicators;
    expect(software).toEqual({
      id: 'district.software.revenue',
      name: { zh: '区软件业务收入', en: 'District software revenue' },
      unit: 'cny-100m',
      // The first row's note becomes the indicator's source; a different note stays on its observation.
      sourceNote: '区统计局, 2023年公报',
      observations: [
        { id: 'district.software.revenue@2022-actual', year: 2022, value: 1234.5, kind: 'actual' },
        { id: 'district.software.revenue@2023-actual', year: 2023, value: 1400, kind: 'actual' },
        { id: 'district.software.revenue@2025-target', year: 2025, value: 1800, kind: 'target', note: '区"十四五"规划\r\n第二部分' },
      ],
    });
    // 1.27万 = 1.27 × 10,000 = 12,700 firms; "13,050" = 13,050; names of the second row are inherited.
    expect(firms?.unit).toBe('firms');
    expect(firms?.name).toEqual({ zh: '区高新技术企业', en: 'District high-tech firms' });
    expect(firms?.observations.map((o) => [o.year, o.value, o.kind])).toEqual([
      [2023, 12700, 'actual'],
      [2024, 13050, 'estimate'],
    ]);
    // "%" and "percent" are the same unit; "2.5%" is 2.5.
    expect(rd?.unit).toBe('percent');
    expect(rd?.observations.map((o) => o.value)).toEqual([2.5, 3.1]);
    expect(result.rowCount).toBe(7);
  });

  it('reads a GBK-encoded, semicolon-separated CSV as Excel on Chinese Windows saves it', async () => {
    const result = expectOk(await parseImportFile({ fileName: 'gbk.csv', bytes: fixture('gbk-semicolon.csv') }));
    expect(result.indicators).toEqual([
      {
        id: 'sz.gdp',
        name: { zh: '深圳地区生产总值', en: '' },
        unit: 'cny-100m',
        sourceNote: '',
        observations: [{ id: 'sz.gdp@2023-actual', year: 2023, value: 34606.4, kind: 'actual' }],
      },
    ]);
  });

  it('reads the XLSX fixture: the data sheet, rich text, formula results, 万家 units; the notes sheet is skipped', async () => {
    const result = expectOk(await parseImportFile({ fileName: 'good.xlsx', bytes: fixture('good.xlsx') }));
    const [software, firms] = result.indicators;
    expect(software?.name.zh).toBe('软件收入');
    expect(software?.unit).toBe('cny-100m');
    // The projection cell holds =4200*1.15, whose cached result is 4830.
    expect(software?.observations.map((o) => [o.year, o.value, o.kind])).toEqual([
      [2023, 4200, 'actual'],
      [2024, 4830, 'projection'],
    ]);
    // Unit 万家: 1 → 10,000 firms; 1.27 → 12,700 firms.
    expect(firms?.unit).toBe('firms');
    expect(firms?.observations.map((o) => o.value)).toEqual([10000, 12700]);
    expect(result.warnings).toEqual([expect.objectContaining({ sheet: '说明' })]);
  });

  it('reads its own templates back, CSV and XLSX, with the example rows (7565 and 1.27万 = 12,700 firms)', async () => {
    for (const [fileName, bytes] of [
      ['template.csv', templateCsvBytes()],
      ['template.xlsx', await templateXlsxBytes()],
    ] as const) {
      const result = expectOk(await parseImportFile({ fileName, bytes }));
      expect(result.indicators).toHaveLength(1);
      expect(result.indicators[0]?.observations.map((o) => [o.year, o.value, o.kind])).toEqual([
        [2023, 7565, 'actual'],
        [2027, 12700, 'target'],
      ]);
      expect(result.warnings).toEqual([]);
    }
  });

  it('starts the CSV template with a UTF-8 byte-order mark so Excel shows the Chinese headers', () => {
    expect([...templateCsvBytes().slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('parseImportFile: bad rows', () => {
  it('lists every bad row with its row number, column and a message in both languages', async () => {
    const errors = expectErrors(await parseImportFile({ fileName: 'bad.csv', bytes: fixture('bad.csv') }));
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'unit', 'unknown-unit'],
      [4, 'year', 'invalid-value'],
      [5, 'indicator id', 'forbidden-key'],
      [6, 'kind', 'invalid-value'],
      [7, 'value', 'invalid-value'],
      [8, 'unit', 'inconsistent-unit'],
      [9, 'year', 'duplicate-observation'],
    ]);
    expect(errors[4]).toMatchObject({ message: 'not a number: 12,7x', messageZh: '不是数字：12,7x' });
  });

  it('names a missing column', async () => {
    const bytes = new TextEncoder().encode('indicator id,name,unit,year\nx,名,家,2023\n');
    const errors = expectErrors(await parseImportFile({ fileName: 'x.csv', bytes }));
    expect(errors).toEqual([expect.objectContaining({ code: 'missing-column', row: 1, column: 'value' })]);
  });

  it('refuses __proto__, constructor and prototype as column names or ids, leaving Object.prototype alone', async () => {
    const text = 'indicator id,name,unit,year,value,__proto__\nprototype,名,家,2023,1,{"polluted":1}\n';
    const errors = expectErrors(await parseImportFile({ fileName: 'x.csv', bytes: new TextEncoder().encode(text) }));
    expect(errors.map((e) => [e.row, e.code])).toEqual([[1, 'forbidden-key']]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const idErrors = expectErrors(
      await parseImportFile({ fileName: 'x.csv', bytes: new TextEncoder().encode('indicator id,name,unit,year,value\nconstructor,名,家,2023,1\n') }),
    );
    expect(idErrors).toEqual([expect.objectContaining({ row: 2, column: 'indicator id', code: 'forbidden-key' })]);
  });

  it('reports an unclosed quote with its row', async () => {
    const errors = expectErrors(
      await parseImportFile({ fileName: 'x.csv', bytes: new TextEncoder().encode('indicator id,name,unit,year,value\na,"名,家,2023,1\n') }),
    );
    expect(errors).toEqual([expect.objectContaining({ code: 'csv-syntax', row: 2 })]);
  });

  it('refuses other file types and empty files', async () => {
    expect(expectErrors(await parseImportFile({ fileName: 'x.json', bytes: new Uint8Array([123]) }))[0]?.code).toBe('unsupported-type');
    expect(expectErrors(await parseImportFile({ fileName: 'x.csv', bytes: new Uint8Array() }))[0]?.code).toBe('file-empty');
    expect(expectErrors(await parseImportFile({ fileName: 'x.csv', bytes: new TextEncoder().encode('indicator id,name,unit,year,value\n') }))[0]?.code).toBe(
      'no-data',
    );
  });
});

describe('parseImportFile: limits', () => {
  it('refuses a file over 20 MB before reading it', async () => {
    const errors = expectErrors(await parseImportFile({ fileName: 'big.csv', bytes: new Uint8Array(importLimits.maxFileBytes + 1) }));
    expect(errors).toEqual([expect.objectContaining({ code: 'file-too-large' })]);
  });

  it('refuses a CSV with more than 100,000 data rows', async () => {
    const text = `indicator id,name,unit,year,value\n${'a,名,家,2023,1\n'.repeat(importLimits.maxRows + 1)}`;
    const errors = expectErrors(await parseImportFile({ fileName: 'rows.csv', bytes: new TextEncoder().encode(text) }));
    expect(errors).toEqual([expect.objectContaining({ code: 'too-many-rows' })]);
  });

  it('refuses a workbook with more than 50 worksheets', async () => {
    const workbook = new ExcelJS.Workbook();
    for (let i = 1; i <= importLimits.maxSheets + 1; i++) workbook.addWorksheet(`S${i}`).getCell('A1').value = i;
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const errors = expectErrors(await parseImportFile({ fileName: 'sheets.xlsx', bytes }));
    expect(errors).toEqual([expect.objectContaining({ code: 'too-many-sheets' })]);
  });

  it('refuses a zip bomb: 10 MB of zeros that deflate to a few KB', async () => {
    const bytes = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(10 * 1024 * 1024) }]);
    expect(bytes.byteLength).toBeLessThan(100_000);
    const errors = expectErrors(await parseImportFile({ fileName: 'bomb.xlsx', bytes }));
    expect(errors).toEqual([expect.objectContaining({ code: 'zip-ratio' })]);
  });

  it('refuses an archive whose directory understates the size (caught while inflating, before exceljs)', async () => {
    const zeros = new Uint8Array(10 * 1024 * 1024);
    const bytes = buildZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: zeros, declaredUncompressedSize: 100_000 },
    ]);
    const errors = expectErrors(await parseImportFile({ fileName: 'liar.xlsx', bytes }));
    expect(errors).toEqual([expect.objectContaining({ code: 'zip-ratio' })]);
  });

  it('refuses more than 1,000 zip entries', async () => {
    const entries = Array.from({ length: importLimits.maxZipEntries + 1 }, (_, i) => ({ name: `x/${i}.xml`, data: new Uint8Array([1]), method: 0 as const }));
    const errors = expectErrors(await parseImportFile({ fileName: 'many.xlsx', bytes: buildZip(entries) }));
    expect(errors).toEqual([expect.objectContaining({ code: 'zip-too-many-entries' })]);
  });

  it('refuses an archive that claims more than 200 MB uncompressed in total', async () => {
    // Three entries each claiming 90 MB from 3 MB (30:1, under the ratio limit): 270 MB > 200 MB.
    const threeMegabytes = new Uint8Array(3 * 1024 * 1024).fill(7);
    const entries = [1, 2, 3].map((n) => ({
      name: `xl/part${n}.xml`,
      data: new Uint8Array(),
      rawCompressed: threeMegabytes,
      declaredUncompressedSize: 90 * 1024 * 1024,
    }));
    const errors = expectErrors(await parseImportFile({ fileName: 'huge.xlsx', bytes: buildZip(entries) }));
    expect(errors).toEqual([expect.objectContaining({ code: 'zip-too-large' })]);
  });

  it('refuses a damaged archive and a text file named .xlsx with a typed error', async () => {
    expect(expectErrors(await parseImportFile({ fileName: 'x.xlsx', bytes: new TextEncoder().encode('indicator id,value\n') }))[0]?.code).toBe('zip-invalid');
    const template = await templateXlsxBytes();
    const truncated = template.slice(0, template.byteLength - 30);
    expect(expectErrors(await parseImportFile({ fileName: 'x.xlsx', bytes: truncated }))[0]?.code).toBe('zip-invalid');
  });
});

describe('a workbook exported by Scenario Desk', () => {
  it('imports back as the same scenarios', async () => {
    const { buildScenarioWorkbook } = await import('../workbook/build');
    const { loadStarterWorkspace } = await import('../workspace/starter');
    const starter = loadStarterWorkspace();
    const bytes = await buildScenarioWorkbook({ workspace: starter, lang: 'zh', appVersion: '0.1.0', exportedAt: '2026-11-26T00:00:00.000Z' });
    const result = await parseImportFile({ fileName: '情景推演台-导出.xlsx', bytes });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.workbook?.scenarios).toEqual(starter.scenarios);
      expect(result.workbook?.workspaceCreatedAt).toBe(starter.createdAt);
      expect(result.workbook?.edits).toEqual([]);
      expect(result.indicators).toEqual(starter.indicators);
    }
  });
});
