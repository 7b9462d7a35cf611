/**
 * What the fuzz tests found, kept as plain regression tests (exceljs 4.4.0 underneath both workbook
 * readers). On the code before the fixes:
 *
 * - a defined name on a sheet called `__proto__` wrote `Object.prototype[1]` (on `constructor`, `Object[1]`;
 *   on `toString`, a property of that function, and the workbook was accepted); after `Object.prototype[1]`
 *   the workbook reader threw a TypeError out of zod instead of answering;
 * - a defined name, a data validation or a merge over A1:XFD1048576 was expanded by exceljs cell by cell
 *   (a name over A1:XFD200 took 34 s; a validation over A1:Z100000 5.5 s; the whole sheet, hours);
 * - a named rate cell of 1e307 was reported as a rate of "∞" (the ×100 overflowed), not as the cell's value;
 * - hidden metadata binding an empty name was reported as "the defined name  is missing", with no place;
 * - the IPC dispatcher threw (a rejected promise, not a typed answer) for `[{ length: Object.create(null) }]`:
 *   zod 4.6's length checks compare a non-string's `length` with a number, which cannot convert that object.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createIpcDispatcher } from '../../electron/ipc/dispatcher';
import type { MainDeskHandlers } from '../../electron/ipc/main-desk-api';
import { deskRequestNames } from '../../shared/platform/desk-api';
import { parseImportFile } from '../../shared/import/parse-import';
import { templateXlsxBytes } from '../../shared/import/template';
import { inspectZip, withoutDefinedNames } from '../../shared/import/zip-guard';
import { buildScenarioWorkbook } from '../../shared/workbook/build';
import { readDefinedNames, readScenariosFromWorkbook } from '../../shared/workbook/read';
import { loadStarterWorkspace } from '../../shared/workspace/starter';
import { buildZip } from '../fixtures/import/zip-writer';
import { snapshotPrototypes } from './prototype-snapshot';
import { unzipParts, zipParts, type Part } from './xlsx-mutate';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

let exported: Part[] = [];
let template: Part[] = [];

beforeAll(async () => {
  const starter = loadStarterWorkspace();
  const workspace = { ...starter, scenarios: starter.scenarios.slice(0, 2), baselineScenarioId: starter.scenarios[0]?.id ?? null };
  exported = unzipParts(await buildScenarioWorkbook({ workspace, lang: 'zh', appVersion: '0.1.0', exportedAt: '2026-03-01T08:00:00.000Z' }));
  template = unzipParts(await templateXlsxBytes());
}, 60_000);

function patched(parts: readonly Part[], name: string, change: (xml: string) => string): Uint8Array {
  const found = parts.some((p) => p.name === name);
  if (!found) throw new Error(`no part ${name}`);
  return zipParts(parts.map((p) => (p.name === name ? { name: p.name, data: encoder.encode(change(decoder.decode(p.data))) } : p)));
}

/** Adds a defined name to xl/workbook.xml (creating the list when the workbook has none). */
const withName =
  (name: string, ref: string) =>
  (xml: string): string =>
    xml.includes('<definedNames>')
      ? xml.replace('<definedNames>', `<definedNames><definedName name="${name}">${ref}</definedName>`)
      : xml.replace('</sheets>', `</sheets><definedNames><definedName name="${name}">${ref}</definedName></definedNames>`);
const beforeMargins =
  (element: string) =>
  (xml: string): string =>
    xml.replace('<pageMargins', `${element}<pageMargins`);

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

describe('found by fuzzing: hostile workbooks', () => {
  for (const sheet of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`a defined name on a sheet called ${sheet} reaches no prototype, in the workbook reader and in the import`, async () => {
      const snapshot = snapshotPrototypes();
      const read = await readScenariosFromWorkbook(patched(exported, 'xl/workbook.xml', withName('evil', `'${sheet}'!$A$1`)));
      const imported = await parseImportFile({ fileName: 'data.xlsx', bytes: patched(template, 'xl/workbook.xml', withName('evil', `'${sheet}'!$B$2:$C$3`)) });
      const differences = snapshot.diff();
      snapshot.restore();
      expect(differences).toEqual([]);
      // The extra name binds to nothing the app exported: the workbook reads back as it was.
      expect(read.ok).toBe(true);
      expect(imported.ok).toBe(true);
    });
  }

  it('a defined name on a sheet called __proto__ under an encoded name, in CDATA or split by a comment, is hidden from exceljs too', async () => {
    const snapshot = snapshotPrototypes();
    for (const change of [
      withName('&#95;_proto__', "'__proto__'!$A$1"),
      withName('x', "<![CDATA['__proto__'!$A$1]]>"),
      withName('y', "'__pro<!-- -->to__'!$A$1"),
    ]) {
      await readScenariosFromWorkbook(patched(exported, 'xl/workbook.xml', change));
      await parseImportFile({ fileName: 'data.xlsx', bytes: patched(template, 'xl/workbook.xml', change) });
    }
    const differences = snapshot.diff();
    snapshot.restore();
    expect(differences).toEqual([]);
  });

  it('a defined name, a data validation and a merge over the whole sheet are answered in well under a second each', async () => {
    const wholeSheet: Array<[string, (parts: readonly Part[], sheet: string) => Uint8Array]> = [
      ['defined name', (parts) => patched(parts, 'xl/workbook.xml', withName('big', "'假设'!$A$1:$XFD$1048576"))],
      [
        'data validation',
        (parts, sheet) =>
          patched(parts, sheet, beforeMargins('<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"/></dataValidations>')),
      ],
      ['merge', (parts, sheet) => patched(parts, sheet, beforeMargins('<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'))],
    ];
    for (const [what, make] of wholeSheet) {
      const read = await timed(() => readScenariosFromWorkbook(make(exported, 'xl/worksheets/sheet2.xml')));
      const imported = await timed(() => parseImportFile({ fileName: 'data.xlsx', bytes: make(template, 'xl/worksheets/sheet1.xml') }));
      // Generous for a loaded 2-core machine; each takes tens of milliseconds.
      expect(read.ms, `${what}: workbook reader`).toBeLessThan(2000);
      expect(imported.ms, `${what}: import`).toBeLessThan(2000);
      expect(read.value.ok, what).toBe(true);
      expect(imported.value.ok, what).toBe(true);
    }
  });

  it('a named rate cell of 1e307 is refused as out of range, not read as an Infinity rate', async () => {
    const result = await readScenariosFromWorkbook(
      patched(exported, 'xl/worksheets/sheet2.xml', (xml) =>
        xml.replace(/(<c r="D8"[^>]*><v>)[^<]*(<\/v>)/, (_, open: string, close: string) => `${open}1e307${close}`),
      ),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]).toMatchObject({ code: 'not-a-number', where: 's1_rate (假设!D8)', message: expect.stringContaining('out of range') });
  });

  it('a named base-year cell of 1000000 is refused, by the engine check or the schema behind it', async () => {
    const result = await readScenariosFromWorkbook(
      patched(exported, 'xl/worksheets/sheet2.xml', (xml) =>
        xml.replace(/(<c r="D5"[^>]*><v>)[^<]*(<\/v>)/, (_, open: string, close: string) => `${open}1000000${close}`),
      ),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ code: 'invalid-workspace', where: '$.scenarios[0].base.year' });
  });

  it('a defined name moved outside the sheet (past XFD, row 0) is reported as a missing name, not thrown', async () => {
    for (const ref of ["'假设'!$ZZZ$6", "'假设'!$D$0", "'假设'!$D$1048577"]) {
      const result = await readScenariosFromWorkbook(
        patched(exported, 'xl/workbook.xml', (xml) => xml.replace(/(<definedName name="s1_base">)[^<]*/, (_, open: string) => `${open}${ref}`)),
      );
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0], ref).toMatchObject({ code: 'missing-name', where: 's1_base' });
    }
  });

  it('hidden metadata that binds an empty name is damaged metadata, reported with a place', async () => {
    const result = await readScenariosFromWorkbook(
      patched(exported, 'xl/sharedStrings.xml', (xml) => xml.replace('&quot;name&quot;:&quot;s1_baseYear&quot;', '&quot;name&quot;:&quot;&quot;')),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([expect.objectContaining({ code: 'bad-metadata', where: '_sdesk!A3' })]);
  });

  it('the app reads defined names itself: entities, CDATA, comments, single quotes, self-closing and repeated names', () => {
    const xml = [
      '<definedNames>',
      `<definedName name="a">&apos;假设&apos;!$D$5</definedName>`,
      `<definedName name='b' hidden="1">'My ''sheet'''!$A$1</definedName>`,
      '<definedName name="&#99;">x<!-- comment -->y</definedName>',
      '<definedName name="d"><![CDATA[1<2&3]]></definedName>',
      '<definedName name="e"/>',
      '<definedName name="f" localSheetId="0">S!$A$1</definedName><definedName name="f">S!$B$2</definedName>',
      '<definedName comment="a>b" name="g">S!$C$3</definedName>',
      '</definedNames>',
    ].join('');
    const names = readDefinedNames(xml);
    expect(Object.fromEntries(names)).toEqual({
      a: ["'假设'!$D$5"],
      b: ["'My ''sheet'''!$A$1"],
      c: ['xy'],
      d: ['1<2&3'],
      e: [''],
      f: ['S!$A$1', 'S!$B$2'],
      g: ['S!$C$3'],
    });
  });

  it('reading the defined names takes one pass, however the part is built to make a scanner backtrack', () => {
    const hostile = [
      '<definedName name="a">'.repeat(100_000),
      `<definedName name="b">${'<!--'.repeat(100_000)}</definedName>`,
      `<definedName name="c">${'<![CDATA['.repeat(50_000)}</definedName>`,
      '<definedName name="d">x</definedName>'.repeat(50_000),
      `<definedName${' '.repeat(100_000)}`,
      `<definedName ${'n'.repeat(100_000)}`,
    ];
    for (const xml of hostile) {
      const started = performance.now();
      readDefinedNames(xml);
      expect(performance.now() - started, xml.slice(0, 40)).toBeLessThan(1000);
    }
    expect(readDefinedNames(hostile[3] as string).get('d')).toHaveLength(50_000);
  });

  it('withoutDefinedNames renames the names in every copy of the workbook part, also under a leading slash, and leaves other parts as they were', async () => {
    const workbookXml = encoder.encode('<workbook><sheets/><definedNames><definedName name="n">S!$A$1</definedName></definedNames></workbook>');
    const other = encoder.encode('<definedName>in another part</definedName>');
    const bytes = buildZip([
      { name: 'xl/workbook.xml', data: workbookXml },
      { name: '/xl/workbook.xml', data: workbookXml, method: 0 },
      { name: 'xl/other.xml', data: other },
    ]);
    const zip = inspectZip(bytes);
    if (!zip.ok) throw new Error(zip.error.message);
    const safe = await withoutDefinedNames(bytes, zip.entries);
    if (!safe.ok) throw new Error(safe.error.message);
    const parts = unzipParts(safe.bytes);
    expect(parts.map((p) => p.name)).toEqual(['xl/workbook.xml', '/xl/workbook.xml', 'xl/other.xml']);
    expect(decoder.decode(parts[0]?.data)).toBe('<workbook><sheets/><ignoredNames><ignoredName name="n">S!$A$1</ignoredName></ignoredNames></workbook>');
    expect(decoder.decode(parts[1]?.data)).toBe(decoder.decode(parts[0]?.data));
    expect(decoder.decode(parts[2]?.data)).toBe('<definedName>in another part</definedName>');
    // A workbook without defined names is passed on as it is.
    const plain = buildZip([{ name: 'xl/workbook.xml', data: encoder.encode('<workbook/>') }]);
    const plainZip = inspectZip(plain);
    if (!plainZip.ok) throw new Error(plainZip.error.message);
    const same = await withoutDefinedNames(plain, plainZip.entries);
    expect(same.ok && same.bytes).toBe(plain);
  });
});

describe('found by fuzzing: IPC payloads', () => {
  it('the dispatcher answers a payload that zod cannot check with a typed error, on every channel that takes a string', async () => {
    const calls: string[] = [];
    const api = Object.fromEntries(deskRequestNames.map((fn) => [fn, async () => void calls.push(fn)])) as unknown as MainDeskHandlers;
    const dispatch = createIpcDispatcher(api);
    for (const fn of ['openRecentWorkspace', 'openWorkspaceBackup', 'saveWorkspace', 'saveWorkspaceAs', 'pickImportFile'] as const) {
      const args = fn === 'saveWorkspace' || fn === 'saveWorkspaceAs' ? [{ length: Object.create(null) }, ''] : [{ length: Object.create(null) }];
      const result = await dispatch(fn, 'app://scenario-desk/index.html', args);
      expect(result).toEqual({ ok: false, error: { code: 'invalid-payload', message: expect.stringContaining(`${fn}: `) } });
    }
    expect(calls).toEqual([]);
  });
});
