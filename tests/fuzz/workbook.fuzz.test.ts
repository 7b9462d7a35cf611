/**
 * Fuzzing the workbook reader (`readScenariosFromWorkbook`): workbooks exported by the app with their
 * cells, shared strings (the hidden workspace JSON and its metadata included), defined names and
 * parts changed, zip bytes damaged, and random bytes.
 *
 * Whatever arrives, the reader answers with scenarios or with problems that have a known code, a
 * place and a message in both languages; it never throws, never takes long, never changes a built-in
 * prototype. What it accepts is a valid workspace of plain, finite data that saves and re-opens
 * unchanged, and every edit it reports is finite and applied.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInput } from '../../shared/workspace/inputs';
import { buildScenarioWorkbook } from '../../shared/workbook/build';
import { readScenariosFromWorkbook, type ReadWorkbookResult, type WorkbookProblemCode } from '../../shared/workbook/read';
import { parseWorkspace, serializeWorkspace, validateWorkspaceSemantics } from '../../shared/workspace/parse';
import { WorkspaceSchema, type Workspace, type WorkspaceScenario } from '../../shared/workspace/schema';
import { loadStarterWorkspace } from '../../shared/workspace/starter';
import { buildZip } from '../fixtures/import/zip-writer';
import { FUZZ_TEST_TIMEOUT_MS, fuzz } from './fuzz-runner';
import { canonicalJson, exoticObjectsIn, forbiddenKeysIn, numbersIn } from './json-mutate';
import { byteDamageArbitrary, damageBytes, mutateParts, unzipParts, xlsxMutationArbitrary, zipParts, type Part } from './xlsx-mutate';

const CASE_LIMIT_MS = 10_000;
const NOW = '2026-06-01T12:00:00.000Z';
const knownCodes = new Set<WorkbookProblemCode>([
  'too-large',
  'not-a-workbook',
  'unsafe-archive',
  'not-from-app',
  'newer-format',
  'bad-metadata',
  'invalid-workspace',
  'missing-name',
  'not-a-number',
  'not-a-whole-year',
]);

interface Base {
  readonly workspace: Workspace;
  readonly bytes: Uint8Array;
  readonly parts: Part[];
}

let bases: Base[] = [];

/** Exported workbooks to start from: two scenarios in Chinese; one of each model with targets in English; a workspace JSON split over several cells. */
async function buildBases(): Promise<Base[]> {
  const starter = loadStarterWorkspace();
  const byModel = (model: WorkspaceScenario['model']) => starter.scenarios.find((s) => s.model === model);
  const cagr = byModel('cagr') as WorkspaceScenario;
  const ratePath: WorkspaceScenario = {
    ...cagr,
    id: 'rate-path',
    model: 'ratePath',
    params: { ratesPercent: [12, 9.5, 7] },
    uncertainty: undefined,
  } as unknown as WorkspaceScenario;
  delete (ratePath as { uncertainty?: unknown }).uncertainty;
  const everyModel = [cagr, byModel('targetPath'), byModel('linear'), byModel('logistic'), ratePath].filter((s): s is WorkspaceScenario => s !== undefined);
  const workspaces: Array<[Workspace, 'zh' | 'en']> = [
    [{ ...starter, scenarios: starter.scenarios.slice(0, 2), baselineScenarioId: starter.scenarios[0]?.id ?? null }, 'zh'],
    [{ ...starter, scenarios: everyModel, baselineScenarioId: cagr.id }, 'en'],
    [{ ...starter, scenarios: starter.scenarios.slice(0, 2).map((s, i) => ({ ...s, notes: `${'长'.repeat(19_000)}${i}` })), baselineScenarioId: null }, 'zh'],
  ];
  const out: Base[] = [];
  for (const [workspace, lang] of workspaces) {
    const bytes = await buildScenarioWorkbook({ workspace, lang, appVersion: '0.1.0', exportedAt: '2026-03-01T08:00:00.000Z' });
    out.push({ workspace, bytes, parts: unzipParts(bytes) });
  }
  return out;
}

beforeAll(async () => {
  bases = await buildBases();
}, 60_000);

function check(condition: boolean, what: string, detail?: unknown): asserts condition {
  if (!condition) throw new Error(`${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
}

/** The properties of every answer of the reader. */
function checkRead(result: ReadWorkbookResult): void {
  if (!result.ok) {
    check(result.problems.length > 0, 'refused without a problem');
    for (const problem of result.problems) {
      check(knownCodes.has(problem.code), `unknown code ${problem.code}`, problem);
      check(typeof problem.where === 'string' && problem.where !== '', 'a problem without a place', problem);
      check(typeof problem.message === 'string' && problem.message.trim() !== '', 'empty message', problem);
      check(typeof problem.messageZh === 'string' && problem.messageZh.trim() !== '', 'empty Chinese message', problem);
    }
    return;
  }
  const { workspace } = result;
  check(
    numbersIn(result).every(Number.isFinite),
    'NaN or Infinity in what the reader accepted',
    numbersIn(result).filter((n) => !Number.isFinite(n)),
  );
  check(forbiddenKeysIn(result).length === 0, 'a forbidden key in what the reader accepted');
  check(exoticObjectsIn(workspace) === 0, 'objects with an unusual prototype in the workspace');
  const schema = WorkspaceSchema.safeParse(workspace);
  check(schema.success, 'the accepted workspace does not pass the schema', schema.error?.issues.slice(0, 3));
  check(
    validateWorkspaceSemantics(workspace).length === 0,
    'the accepted workspace does not pass the semantic checks',
    validateWorkspaceSemantics(workspace).slice(0, 3),
  );
  check(canonicalJson(result.scenarios) === canonicalJson(workspace.scenarios), 'scenarios differ from workspace.scenarios');
  const saved = serializeWorkspace(workspace);
  const reopened = parseWorkspace(saved);
  check(reopened.ok, 'the accepted workspace does not re-open after saving', reopened.ok ? null : reopened.problems.slice(0, 3));
  check(canonicalJson(reopened.workspace) === canonicalJson(workspace), 'the accepted workspace changes when saved and re-opened');
  for (const edit of result.edits) {
    check(Number.isFinite(edit.from) && Number.isFinite(edit.to) && edit.from !== edit.to, 'an edit that is not a finite change', edit);
    const scenario = workspace.scenarios.find((s) => s.id === edit.scenarioId);
    check(scenario?.modifiedAt === NOW, 'an edited scenario without the new modification time', edit);
    check(scenario !== undefined && readInput(scenario, edit.field) === edit.to, 'an edit that is reported but not applied', edit);
  }
  if (result.edits.length > 0) check(workspace.modifiedAt === NOW, 'an edited workspace without the new modification time');
}

async function read(bytes: Uint8Array): Promise<ReadWorkbookResult> {
  const result = await readScenariosFromWorkbook(bytes, { nowIso: NOW });
  checkRead(result);
  return result;
}

describe('fuzz: the workbook reader', () => {
  it('reads each unchanged export back as it was', async () => {
    for (const base of bases) {
      const result = await read(base.bytes);
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.edits).toEqual([]);
        expect(canonicalJson(result.workspace)).toBe(canonicalJson(base.workspace));
      }
      // Unzipping and zipping again (with another deflater) changes nothing the reader cares about.
      const rezipped = await read(zipParts(base.parts));
      expect(rezipped.ok && canonicalJson(rezipped.workspace) === canonicalJson(base.workspace)).toBe(true);
    }
  });

  it(
    'answers exports with changed cells, shared strings, hidden workspace JSON and metadata, defined names, and damaged, missing, duplicated or renamed parts',
    async () => {
      const arbitrary = fc.tuple(fc.nat(), fc.array(xlsxMutationArbitrary, { minLength: 1, maxLength: 3 }));
      const outcomes: Record<string, number> = {};
      await fuzz(
        'workbook reader, mutated exports',
        arbitrary,
        async ([baseIndex, mutations]) => {
          const base = bases[baseIndex % bases.length] as Base;
          const result = await read(zipParts(mutateParts(base.parts, mutations)));
          const outcome = result.ok ? (result.edits.length > 0 ? 'read with edits' : 'read') : (result.problems[0]?.code ?? '');
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        },
        { runs: 250, caseLimitMs: CASE_LIMIT_MS, endOnFailure: true },
      );
      // Logged so that a generator which stopped reaching the reconciliation (or stopped being refused) shows.
      console.log(`fuzz workbook reader, mutated exports: outcomes ${JSON.stringify(outcomes)}`);
      expect(outcomes['read'] ?? 0).toBeGreaterThan(0);
      expect(outcomes['read with edits'] ?? 0).toBeGreaterThan(0);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'answers exports with flipped and cut-off bytes',
    async () => {
      await fuzz(
        'workbook reader, damaged bytes',
        fc.tuple(fc.nat(), byteDamageArbitrary),
        async ([baseIndex, damage]) => {
          await read(damageBytes((bases[baseIndex % bases.length] as Base).bytes, damage));
        },
        { runs: 150, caseLimitMs: CASE_LIMIT_MS, endOnFailure: true },
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'answers random bytes, and zip archives of random parts under workbook names',
    async () => {
      const partName = fc.constantFrom(
        '[Content_Types].xml',
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/sharedStrings.xml',
        'xl/worksheets/sheet1.xml',
        'xl/styles.xml',
        '_rels/.rels',
        '__proto__',
      );
      const partData = fc.oneof(
        fc.uint8Array({ maxLength: 200 }),
        fc.string({ maxLength: 200 }).map((s) => new TextEncoder().encode(s)),
        fc.constantFrom('<?xml version="1.0"?><workbook/>', '<x>', '').map((s) => new TextEncoder().encode(s)),
      );
      const input = fc.oneof(
        fc.uint8Array({ maxLength: 600 }),
        fc.uint8Array({ maxLength: 200 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])),
        fc.array(fc.record({ name: partName, data: partData, method: fc.constantFrom<0 | 8>(0, 8) }), { maxLength: 6 }).map((entries) => buildZip(entries)),
      );
      await fuzz(
        'workbook reader, random bytes and archives',
        input,
        async (bytes) => {
          await read(bytes);
        },
        { runs: 200, caseLimitMs: CASE_LIMIT_MS, endOnFailure: true },
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
