/**
 * Fuzzing the CSV/XLSX import (`parseImportFile`). Moved from shared/import/import.fuzz.test.ts and
 * extended: whatever bytes arrive, the import answers with valid indicators or with listed problems
 * (a known code, a row, messages in both languages); it never throws, never hangs, and after every
 * case each built-in prototype is compared member by member with a snapshot (the old check compared
 * property names only, so a payload overwriting Object.prototype.toString went unseen).
 *
 * Generators: CSV text of awkward characters and cells, mutations of a valid CSV, JSON and random
 * bytes, byte damage to the XLSX template, structure-aware mutations of the template, of a data
 * workbook and of a workbook exported by the app (cells, shared strings, defined names, attributes,
 * worksheet elements, parts), and zip archives with lying directories, bombs included.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseImportFile } from '../../shared/import/parse-import';
import { templateCsvBytes, templateXlsxBytes } from '../../shared/import/template';
import type { ImportErrorCode, ImportResult } from '../../shared/import/types';
import { buildScenarioWorkbook } from '../../shared/workbook/build';
import { ImportedIndicatorSchema, ScenarioSchema } from '../../shared/workspace/schema';
import { loadStarterWorkspace } from '../../shared/workspace/starter';
import { buildZip } from '../fixtures/import/zip-writer';
import { FUZZ_TEST_TIMEOUT_MS, fuzz } from './fuzz-runner';
import { exoticObjectsIn, forbiddenKeysIn, numbersIn } from './json-mutate';
import { byteDamageArbitrary, damageBytes, mutateParts, unzipParts, xlsxMutationArbitrary, zipParts, type Part } from './xlsx-mutate';

const CASE_LIMIT_MS = 5000;
const encoder = new TextEncoder();
const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));
const goodCsv = new TextDecoder().decode(fixtureBytes('good.csv'));

const knownCodes = new Set<ImportErrorCode>([
  'file-too-large',
  'file-empty',
  'unsupported-type',
  'unreadable-text',
  'unreadable-xlsx',
  'zip-invalid',
  'zip-too-many-entries',
  'zip-ratio',
  'zip-too-large',
  'too-many-sheets',
  'too-many-rows',
  'too-many-columns',
  'too-many-indicators',
  'too-many-observations',
  'csv-syntax',
  'missing-column',
  'duplicate-column',
  'forbidden-key',
  'invalid-value',
  'unknown-unit',
  'inconsistent-unit',
  'duplicate-observation',
  'no-data',
  'too-many-errors',
  'timeout',
]);
const forbidden = new Set(['__proto__', 'constructor', 'prototype']);

function check(condition: boolean, what: string, detail?: unknown): asserts condition {
  if (!condition) throw new Error(`${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
}

/** A result the UI can show: valid indicators, or listed problems with codes and messages. `internal` would mean an uncaught bug. */
function assertWellFormed(result: ImportResult): void {
  if (result.ok) {
    check(result.indicators.length > 0 || (result.workbook?.scenarios.length ?? 0) > 0, 'an accepted import with nothing in it');
    for (const indicator of result.indicators) {
      const parsed = ImportedIndicatorSchema.safeParse(indicator);
      check(parsed.success, 'an imported indicator that does not pass the schema', parsed.error?.issues.slice(0, 3));
      check(!forbidden.has(indicator.id.toLowerCase()), 'a forbidden indicator id', indicator.id);
    }
    for (const scenario of result.workbook?.scenarios ?? [])
      check(ScenarioSchema.safeParse(scenario).success, 'an imported scenario that does not pass the schema', scenario.id);
    check(
      numbersIn(result).every(Number.isFinite),
      'NaN or Infinity in an accepted import',
      numbersIn(result).filter((n) => !Number.isFinite(n)),
    );
    check(
      forbiddenKeysIn(result.indicators).length === 0 && forbiddenKeysIn(result.workbook?.scenarios ?? []).length === 0,
      'a forbidden key in an accepted import',
    );
    check(exoticObjectsIn(result.indicators) === 0, 'objects with an unusual prototype in the imported indicators');
    for (const warning of result.warnings)
      check(knownCodes.has(warning.code) && warning.message !== '' && warning.messageZh !== '', 'a malformed warning', warning);
    return;
  }
  check(result.errors.length > 0, 'refused without an error');
  for (const error of result.errors) {
    check(knownCodes.has(error.code), `code ${error.code}: ${error.message}`);
    check(error.row === null || (Number.isInteger(error.row) && error.row >= 1), 'a row that is not a spreadsheet row', error);
    check(typeof error.message === 'string' && error.message.length > 0, 'empty message', error);
    check(typeof error.messageZh === 'string' && error.messageZh.length > 0, 'empty Chinese message', error);
  }
}

async function importOnce(fileName: string, bytes: Uint8Array): Promise<ImportResult> {
  const result = await parseImportFile({ fileName, bytes });
  assertWellFormed(result);
  return result;
}

const csvAlphabet = fc.constantFrom(
  ',',
  ';',
  '\t',
  '"',
  '\r',
  '\n',
  '\r\n',
  'a',
  '1',
  '0',
  '.',
  '-',
  '%',
  '万',
  '亿',
  '亿元',
  '家',
  ' ',
  '2023',
  '__proto__',
  'constructor',
  'prototype',
  '{',
  '}',
  '\u0000',
  '\ufeff',
  '𝟙',
  '=',
  '1e999',
  '-0',
);
const headerRow = 'indicator id,name,unit,year,value,kind,source\n';

const cell = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '',
    'x.y',
    '亿元',
    '家',
    '%',
    'furlongs',
    '1.27万',
    '12,700',
    '12,7x',
    '2023',
    '目标',
    'actual',
    '"',
    '1e308',
    '1e999',
    '-0',
    '5e-324',
    "=cmd|' /C calc'!A0",
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.double({ noNaN: false }).map(String),
);
const csvField = (value: string) => `"${value.replace(/"/g, '""')}"`;

interface XlsxBase {
  readonly label: string;
  readonly parts: Part[];
}

let template: Uint8Array = new Uint8Array();
let xlsxBases: XlsxBase[] = [];

beforeAll(async () => {
  template = await templateXlsxBytes();
  const starter = loadStarterWorkspace();
  const exported = await buildScenarioWorkbook({
    workspace: { ...starter, scenarios: starter.scenarios.slice(0, 2), baselineScenarioId: starter.scenarios[0]?.id ?? null },
    lang: 'en',
    appVersion: '0.1.0',
    exportedAt: '2026-03-01T08:00:00.000Z',
  });
  xlsxBases = [
    { label: 'template', parts: unzipParts(template) },
    { label: 'data workbook', parts: unzipParts(fixtureBytes('good.xlsx')) },
    { label: 'exported workbook', parts: unzipParts(exported) },
  ];
}, 60_000);

describe('fuzz: parseImportFile never throws, hangs or touches a prototype', () => {
  it(
    'random CSV text',
    async () => {
      await fuzz(
        'import, random CSV text',
        fc.array(csvAlphabet, { maxLength: 80 }),
        async (parts) => {
          await importOnce('random.csv', encoder.encode(headerRow + parts.join('')));
        },
        { runs: 1000, caseLimitMs: CASE_LIMIT_MS },
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'random rows of awkward cells, including __proto__ and constructor as ids and headers',
    async () => {
      const header = fc.array(fc.constantFrom('indicator id', 'name', 'unit', 'year', 'value', 'kind', '__proto__', 'constructor', 'toString'), {
        minLength: 1,
        maxLength: 8,
      });
      const rows = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 6 });
      await fuzz(
        'import, awkward rows',
        fc.tuple(header, rows),
        async ([head, body]) => {
          const text = [head.map(csvField).join(','), ...body.map((r) => r.map(csvField).join(','))].join('\r\n');
          await importOnce('rows.csv', encoder.encode(text));
        },
        { runs: 1000, caseLimitMs: CASE_LIMIT_MS },
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'mutations of a valid CSV',
    async () => {
      const mutation = fc.record({ at: fc.nat(), deleteCount: fc.nat({ max: 5 }), insert: fc.array(csvAlphabet, { maxLength: 4 }) });
      await fuzz(
        'import, mutated CSV',
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        async (mutations) => {
          let text = goodCsv;
          for (const m of mutations) {
            const at = m.at % (text.length + 1);
            text = text.slice(0, at) + m.insert.join('') + text.slice(at + m.deleteCount);
          }
          await importOnce('mutated.csv', encoder.encode(text));
        },
        { runs: 1000, caseLimitMs: CASE_LIMIT_MS },
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'JSON-ish text and random bytes, as a CSV or an XLSX file',
    async () => {
      const bytes = fc.oneof(
        fc.json().map((j) => encoder.encode(j)),
        fc.uint8Array({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 100 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])),
      );
      await fuzz(
        'import, JSON and random bytes',
        fc.tuple(bytes, fc.constantFrom('x.csv', 'x.xlsx', 'x.tsv', 'x.txt', 'x.sdesk', 'X.XLSX')),
        async ([data, fileName]) => {
          await importOnce(fileName, data);
        },
        { runs: 1000, caseLimitMs: CASE_LIMIT_MS },
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'flipped and cut-off bytes of the XLSX template',
    async () => {
      await fuzz(
        'import, damaged XLSX bytes',
        byteDamageArbitrary,
        async (damage) => {
          await importOnce('mutated.xlsx', damageBytes(template, damage));
        },
        { runs: 600, caseLimitMs: CASE_LIMIT_MS, endOnFailure: true },
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'structure-aware XLSX mutations: cells, shared strings, defined names, attributes, worksheet elements and parts of the template, a data workbook and an exported workbook',
    async () => {
      const arbitrary = fc.tuple(fc.nat(), fc.array(xlsxMutationArbitrary, { minLength: 1, maxLength: 3 }));
      await fuzz(
        'import, mutated XLSX structure',
        arbitrary,
        async ([baseIndex, mutations]) => {
          const base = xlsxBases[baseIndex % xlsxBases.length] as XlsxBase;
          await importOnce(`${base.label}.xlsx`, zipParts(mutateParts(base.parts, mutations)));
        },
        { runs: 250, caseLimitMs: CASE_LIMIT_MS, endOnFailure: true },
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'zip archives with arbitrary entries and directory sizes, including bombs',
    async () => {
      const entry = fc.record({
        name: fc.constantFrom(
          'xl/worksheets/sheet1.xml',
          'xl/workbook.xml',
          '/xl/workbook.xml',
          '[Content_Types].xml',
          '__proto__',
          'xl/worksheets/sheet2.xml',
        ),
        // Large entries are deflated (bomb-like); stored ones stay small so each case is quick.
        size: fc.oneof(
          fc.record({ zeros: fc.integer({ min: 0, max: 20_000 }), method: fc.constantFrom<0 | 8>(0, 8) }),
          fc.record({ zeros: fc.integer({ min: 65_536, max: 400_000 }), method: fc.constant<8>(8) }),
        ),
        declared: fc.option(fc.nat({ max: 0xffffffff }), { nil: undefined }),
      });
      await fuzz(
        'import, zip archives and bombs',
        fc.array(entry, { maxLength: 4 }),
        async (entries) => {
          const bytes = buildZip(
            entries.map((e) => ({
              name: e.name,
              data: new Uint8Array(e.size.zeros),
              method: e.size.method,
              declaredUncompressedSize: e.size.method === 8 ? e.declared : undefined,
            })),
          );
          await importOnce('zip.xlsx', bytes);
        },
        { runs: 600, caseLimitMs: CASE_LIMIT_MS, endOnFailure: true },
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'the CSV template still imports after its rows are shuffled with a BOM kept',
    async () => {
      const [header, ...rows] = new TextDecoder().decode(templateCsvBytes()).split('\r\n');
      await fuzz(
        'import, shuffled CSV template',
        fc.shuffledSubarray(
          rows.filter((r) => r !== ''),
          { minLength: 1 },
        ),
        async (subset) => {
          const result = await importOnce('t.csv', encoder.encode(`\ufeff${header}\r\n${subset.join('\r\n')}`));
          expect(result.ok).toBe(true);
        },
        { runs: 50, caseLimitMs: CASE_LIMIT_MS },
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
