/**
 * Property tests: whatever bytes arrive, parseImportFile answers with a valid result or
 * typed errors — it never throws, never hangs, and never touches Object.prototype.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip } from '../../tests/fixtures/import/zip-writer';
import { ImportedIndicatorSchema } from '../workspace/schema';
import { parseImportFile } from './parse-import';
import { templateCsvBytes, templateXlsxBytes } from './template';
import type { ImportErrorCode, ImportResult } from './types';

const runs = { numRuns: 1000, timeout: 5000 };
const encoder = new TextEncoder();
const goodCsv = new TextDecoder().decode(readFileSync(new URL('../../tests/fixtures/import/good.csv', import.meta.url)));

const knownCodes = new Set<ImportErrorCode>([
  'file-too-large', 'file-empty', 'unsupported-type', 'unreadable-text', 'unreadable-xlsx', 'zip-invalid', 'zip-too-many-entries', 'zip-ratio',
  'zip-too-large', 'too-many-sheets', 'too-many-rows', 'too-many-columns', 'too-many-indicators', 'too-many-observations', 'csv-syntax',
  'missing-column', 'duplicate-column', 'forbidden-key', 'invalid-value', 'unknown-unit', 'inconsistent-unit', 'duplicate-observation',
  'no-data', 'too-many-errors', 'timeout',
]);
const forbidden = new Set(['__proto__', 'constructor', 'prototype']);

/** A result the UI can show: valid indicators, or listed problems with codes and messages. `internal` would mean an uncaught bug. */
function assertWellFormed(result: ImportResult): void {
  if (result.ok) {
    expect(result.indicators.length).toBeGreaterThan(0);
    for (const indicator of result.indicators) {
      expect(ImportedIndicatorSchema.safeParse(indicator).success).toBe(true);
      expect(forbidden.has(indicator.id.toLowerCase())).toBe(false);
      for (const o of indicator.observations) expect(Number.isFinite(o.value)).toBe(true);
    }
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(knownCodes.has(error.code), `${error.code}: ${error.message}`).toBe(true);
    expect(error.row === null || (Number.isInteger(error.row) && error.row >= 1)).toBe(true);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.messageZh.length).toBeGreaterThan(0);
  }
}

function prototypeSnapshot(): string {
  return JSON.stringify(Object.getOwnPropertyNames(Object.prototype).sort()) + JSON.stringify(Object.getOwnPropertyNames(Array.prototype).sort());
}

let before = '';
beforeAll(() => {
  before = prototypeSnapshot();
});
afterAll(() => {
  // Checked once more after all properties ran, in addition to the per-case check.
  expect(prototypeSnapshot()).toBe(before);
});

async function check(fileName: string, bytes: Uint8Array): Promise<void> {
  const result = await parseImportFile({ fileName, bytes });
  assertWellFormed(result);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(prototypeSnapshot()).toBe(before);
}

const csvAlphabet = fc.constantFrom(',', ';', '\t', '"', '\r', '\n', '\r\n', 'a', '1', '0', '.', '-', '%', '万', '亿', '亿元', '家', ' ', '2023', '__proto__', 'constructor', 'prototype', '{', '}', '\u0000', '\ufeff', '𝟙');
const headerRow = 'indicator id,name,unit,year,value,kind,source\n';

const cell = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'x.y', '亿元', '家', '%', 'furlongs', '1.27万', '12,700', '12,7x', '2023', '目标', 'actual', '"'),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.double({ noNaN: false }).map(String),
);
const csvField = (value: string) => `"${value.replace(/"/g, '""')}"`;

describe('parseImportFile never throws, hangs or pollutes prototypes', () => {
  it('random CSV text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(csvAlphabet, { maxLength: 80 }), async (parts) => {
        await check('random.csv', encoder.encode(headerRow + parts.join('')));
      }),
      runs,
    );
  });

  it('random rows of awkward cells, including __proto__ and constructor as ids and headers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('indicator id', 'name', 'unit', 'year', 'value', 'kind', '__proto__', 'constructor'), { minLength: 1, maxLength: 8 }), fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 6 }), async (header, rows) => {
        const text = [header.map(csvField).join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\r\n');
        await check('rows.csv', encoder.encode(text));
      }),
      runs,
    );
  });

  it('mutations of a valid CSV', async () => {
    const mutation = fc.record({ at: fc.nat(), deleteCount: fc.nat({ max: 5 }), insert: fc.array(csvAlphabet, { maxLength: 4 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
        let text = goodCsv;
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert.join('') + text.slice(at + m.deleteCount);
        }
        await check('mutated.csv', encoder.encode(text));
      }),
      runs,
    );
  });

  it('JSON-ish text, random bytes, and either as a CSV or an XLSX file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json().map((j) => encoder.encode(j)), fc.uint8Array({ maxLength: 200 })), fc.constantFrom('x.csv', 'x.xlsx', 'x.tsv'), async (bytes, fileName) => {
        await check(fileName, bytes);
      }),
      runs,
    );
  });

  it('mutations of the XLSX template bytes', async () => {
    const template = await templateXlsxBytes();
    const flip = fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(flip, { minLength: 1, maxLength: 4 }), fc.option(fc.nat(), { nil: null }), async (flips, cut) => {
        let bytes = template.slice();
        for (const f of flips) bytes[f.at % bytes.length] = f.value;
        if (cut !== null) bytes = bytes.slice(0, cut % bytes.length);
        await check('mutated.xlsx', bytes);
      }),
      runs,
    );
  });

  it('zip archives with arbitrary entries and directory sizes, including bombs', async () => {
    const entry = fc.record({
      name: fc.constantFrom('xl/worksheets/sheet1.xml', 'xl/workbook.xml', '[Content_Types].xml', '__proto__', 'xl/worksheets/sheet2.xml'),
      // Large entries are deflated (bomb-like); stored ones stay small so each case is quick.
      size: fc.oneof(fc.record({ zeros: fc.integer({ min: 0, max: 20_000 }), method: fc.constantFrom<0 | 8>(0, 8) }), fc.record({ zeros: fc.integer({ min: 65_536, max: 400_000 }), method: fc.constant<8>(8) })),
      declared: fc.option(fc.nat({ max: 0xffffffff }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 4 }), async (entries) => {
        const bytes = buildZip(
          entries.map((e) => ({ name: e.name, data: new Uint8Array(e.size.zeros), method: e.size.method, declaredUncompressedSize: e.size.method === 8 ? e.declared : undefined })),
        );
        await check('zip.xlsx', bytes);
      }),
      runs,
    );
  });

  it('the CSV template still imports after its rows are shuffled with a BOM kept', async () => {
    const [header, ...rows] = new TextDecoder().decode(templateCsvBytes()).split('\r\n');
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(rows.filter((r) => r !== ''), { minLength: 1 }), async (subset) => {
        const result = await parseImportFile({ fileName: 't.csv', bytes: encoder.encode(`\ufeff${header}\r\n${subset.join('\r\n')}`) });
        expect(result.ok).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
