/**
 * Fuzzing the `.sdesk` parser (`parseWorkspace`, with the migration from format 1).
 *
 * Whatever the text, parseWorkspace answers: a workspace, or problems with a known code, a path
 * and a message in both languages. It never throws, never takes long, never changes a built-in
 * prototype. A workspace it accepts is plain, finite data that passes the schema and the engine's
 * checks, projects to finite values, saves and re-opens to the same value, and (for format 2) is
 * exactly the JSON as written.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectScenario } from '../../shared/engine/models';
import { fractionToPercent } from '../../shared/workspace/migrations';
import {
  parseWorkspace,
  serializeWorkspace,
  validateWorkspaceSemantics,
  type ParseWorkspaceResult,
  type WorkspaceProblemCode,
} from '../../shared/workspace/parse';
import { CURRENT_FORMAT_VERSION, WorkspaceSchema } from '../../shared/workspace/schema';
import { FUZZ_TEST_TIMEOUT_MS, fuzz } from './fuzz-runner';
import {
  canonicalJson,
  depthOf,
  exoticObjectsIn,
  forbiddenKeysIn,
  fromValue,
  mutate,
  mutationArbitrary,
  numbersIn,
  raw,
  render,
  type JsonNode,
} from './json-mutate';
import { workspaceV1Arbitrary, workspaceV2Arbitrary } from './workspace-arbitraries';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/workspace/${name}`, import.meta.url), 'utf8');
const starterText = readFileSync(new URL('../../assets/workspace/starter.sdesk', import.meta.url), 'utf8');
const starter = JSON.parse(starterText) as Record<string, unknown>;
const v1Basic = JSON.parse(fixture('v1-basic.sdesk')) as Record<string, unknown>;
const fixtureTexts = [
  'corrupt.sdesk',
  'invalid-values.sdesk',
  'proto-pollution.sdesk',
  'v1-basic.sdesk',
  'v1-missing-param.sdesk',
  'v4-future.sdesk',
  'wrong-types.sdesk',
].map(fixture);

const knownCodes = new Set<WorkspaceProblemCode>([
  'too-large',
  'invalid-json',
  'too-deep',
  'forbidden-key',
  'not-an-object',
  'missing-version',
  'newer-version',
  'unknown-version',
  'schema',
  'duplicate-id',
  'unknown-baseline',
  'invalid-value',
]);

const CASE_LIMIT_MS = 2000;
const MAX_DEPTH = 64;

function check(condition: boolean, what: string, detail?: unknown): asserts condition {
  if (!condition) throw new Error(`${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The properties every answer of parseWorkspace must have; returns the answer for more specific checks. */
function checkParse(text: string): ParseWorkspaceResult {
  const result = parseWorkspace(text);
  if (!result.ok) {
    // Plain checks, not expect(): a refusal can list a hundred problems, and this runs thousands of times.
    check(result.problems.length > 0, 'refused without a problem');
    for (const problem of result.problems) {
      check(knownCodes.has(problem.code), `unknown code ${problem.code}`, problem);
      check(typeof problem.path === 'string' && problem.path.startsWith('$'), 'a path that does not start with $', problem);
      check(typeof problem.message === 'string' && problem.message.trim() !== '', 'empty message', problem);
      check(typeof problem.messageZh === 'string' && problem.messageZh.trim() !== '', 'empty Chinese message', problem);
    }
    return result;
  }
  const { workspace } = result;
  expect(
    numbersIn(workspace).filter((n) => !Number.isFinite(n)),
    'NaN or Infinity in an accepted workspace',
  ).toEqual([]);
  expect(forbiddenKeysIn(workspace)).toEqual([]);
  expect(exoticObjectsIn(workspace), 'objects with an unusual prototype in an accepted workspace').toBe(0);
  expect(depthOf(workspace)).toBeLessThanOrEqual(MAX_DEPTH);
  expect(WorkspaceSchema.safeParse(workspace).success).toBe(true);
  expect(validateWorkspaceSemantics(workspace)).toEqual([]);
  // What the app does next with it: each scenario projects, to finite values (this throws EngineError if it does not validate).
  for (const scenario of workspace.scenarios) {
    const bad = Array.from(projectScenario(scenario).values).filter((v) => !Number.isFinite(v));
    check(bad.length === 0, `scenario ${scenario.id} projects to NaN or Infinity`, bad.slice(0, 3).map(String));
  }
  // Saving and re-opening gives the same workspace, and saving that gives the same text.
  const saved = serializeWorkspace(workspace);
  const reopened = parseWorkspace(saved);
  if (!reopened.ok) throw new Error(`the saved workspace does not re-open: ${JSON.stringify(reopened.problems.slice(0, 3))}`);
  expect(reopened.migratedFrom).toBeNull();
  expect(canonicalJson(reopened.workspace)).toBe(canonicalJson(workspace));
  expect(serializeWorkspace(reopened.workspace)).toBe(saved);
  if (result.migratedFrom === null || result.migratedFrom === 2) {
    // The current format is taken as written: nothing dropped, added or coerced. A format-2 file with no forecast
    // stored as a target and no spread on an actual base (what the generators make) changes only its version.
    const written = JSON.parse(withoutBom(text)) as Record<string, unknown>;
    expect(canonicalJson(workspace)).toBe(canonicalJson({ ...written, formatVersion: CURRENT_FORMAT_VERSION }));
  } else {
    expect(result.migratedFrom).toBe(1);
    checkMigration(JSON.parse(withoutBom(text)) as Record<string, unknown>, result);
  }
  return result;
}

/** A migrated format-1 file keeps its scenarios, values and targets; rates become percent. */
function checkMigration(v1: Record<string, unknown>, result: ParseWorkspaceResult & { ok: true }): void {
  const scenarios = v1['scenarios'] as Record<string, unknown>[];
  const migrated = result.workspace.scenarios;
  expect(migrated.map((s) => s.id)).toEqual(scenarios.map((s) => s['id']));
  expect(result.workspace.name).toBe(v1['title']);
  migrated.forEach((scenario, index) => {
    const old = scenarios[index] as Record<string, unknown>;
    // As JSON: the format may write −0 as 0.
    expect(canonicalJson(scenario.base)).toBe(canonicalJson({ year: old['baseYear'], value: old['baseValue'] }));
    expect(scenario.model).toBe(old['model']);
    if (scenario.model === 'cagr' || scenario.model === 'logistic')
      expect(canonicalJson(scenario.params.growthRatePercent)).toBe(canonicalJson(fractionToPercent(old['growthRate'] as number)));
    if (scenario.model === 'ratePath')
      expect(canonicalJson(scenario.params.ratesPercent)).toBe(canonicalJson((old['rates'] as number[]).map(fractionToPercent)));
    expect(scenario.targets.length).toBe((old['targets'] as unknown[]).length);
  });
}

const bom = fc.constantFrom('', '', '', '\ufeff');
const mutations = fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 });

describe('fuzz: the .sdesk parser', () => {
  it(
    'accepts generated valid workspaces of format 2 and 1, and each saves and re-opens unchanged',
    async () => {
      const doc = fc.oneof(workspaceV2Arbitrary, workspaceV1Arbitrary);
      await fuzz(
        '.sdesk parser, valid documents',
        fc.tuple(doc, fc.boolean()),
        ([value, indent]) => {
          const text = JSON.stringify(value, null, indent ? 2 : undefined);
          const result = checkParse(text);
          if (!result.ok) throw new Error(`a valid workspace was refused: ${JSON.stringify(result.problems.slice(0, 3))}`);
          expect(result.migratedFrom).toBe(value['formatVersion'] === 1 ? 1 : 2);
        },
        { runs: 400, caseLimitMs: CASE_LIMIT_MS },
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'answers mutated format-2 workspaces: wrong types, odd numbers, long and odd strings, __proto__ keys at every level, duplicate keys, deep nesting',
    async () => {
      const base = fc.oneof({ weight: 4, arbitrary: workspaceV2Arbitrary }, { weight: 1, arbitrary: fc.constant(starter) });
      await fuzz(
        '.sdesk parser, mutated format 2',
        fc.tuple(base, mutations, fc.boolean(), bom),
        ([value, list, indent, prefix]) => {
          checkParse(prefix + render(mutate(fromValue(value), list), indent));
        },
        { runs: 2000, caseLimitMs: CASE_LIMIT_MS },
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'answers mutated format-1 workspaces, and what it migrates is a valid format-2 workspace',
    async () => {
      const base = fc.oneof({ weight: 4, arbitrary: workspaceV1Arbitrary }, { weight: 1, arbitrary: fc.constant(v1Basic) });
      await fuzz(
        '.sdesk parser, mutated format 1 (migration)',
        fc.tuple(base, mutations, bom),
        ([value, list, prefix]) => {
          checkParse(prefix + render(mutate(fromValue(value), list)));
        },
        { runs: 1200, caseLimitMs: CASE_LIMIT_MS },
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'refuses exactly the documents nested deeper than 64 levels, however strings full of brackets, quotes and backslashes try to confuse the depth count',
    async () => {
      // Strings that a bracket-counting pre-pass could misread.
      const trickyString = fc
        .array(fc.constantFrom('[', ']', '{', '}', '"', '\\', ',', ':', 'a', '\\"', '\\\\', '\u2028', '\ud800'), { maxLength: 8 })
        .map((parts) => parts.join(''));
      const leaf: fc.Arbitrary<JsonNode> = fc.oneof(
        trickyString.map((s) => raw(JSON.stringify(s))),
        fc.constantFrom('0', 'null', '[]', '{}', '"[[["').map(raw),
      );
      const nested = fc.record({
        levels: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 60, max: 68 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 200 }) }),
        kinds: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        keys: fc.array(trickyString, { minLength: 1, maxLength: 4 }),
        siblings: fc.array(leaf, { maxLength: 3 }),
        inner: leaf,
      });
      await fuzz(
        '.sdesk parser, nesting near the limit',
        fc.tuple(nested, fc.boolean()),
        ([shape, indent]) => {
          let node = shape.inner;
          for (let level = 0; level < shape.levels; level++) {
            const inObject = shape.kinds[level % shape.kinds.length] as boolean;
            const sibling = shape.siblings[level % Math.max(1, shape.siblings.length)];
            if (inObject) {
              const key = JSON.stringify(shape.keys[level % shape.keys.length]);
              node = { kind: 'object', members: [...(sibling ? [{ key: JSON.stringify(`${key}.`), value: sibling }] : []), { key, value: node }] };
            } else node = { kind: 'array', items: sibling ? [sibling, node] : [node] };
          }
          const text = render(node, indent);
          const depth = depthOf(JSON.parse(text));
          const result = checkParse(text);
          const tooDeep = !result.ok && result.problems.some((p) => p.code === 'too-deep');
          expect(tooDeep, `depth ${depth}`).toBe(depth > MAX_DEPTH);
          if (tooDeep && !result.ok) {
            expect(result.problems).toHaveLength(1);
            expect(result.problems[0]?.message).toContain(`nested ${depth} levels deep`);
            expect(result.problems[0]?.messageZh).toContain(`${depth} 层`);
          }
        },
        { runs: 800, caseLimitMs: CASE_LIMIT_MS },
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'answers raw text and bytes: random JSON, binary strings, random bytes as UTF-8 and Latin-1, cut-off documents, bracket soup, the fixtures',
    async () => {
      const starterCut = fc.nat({ max: starterText.length }).map((n) => starterText.slice(0, n));
      const bytes = fc.uint8Array({ maxLength: 400 });
      const soup = fc
        .array(fc.constantFrom('[', ']', '{', '}', '"', '\\', ',', ':', '0', 'null', '"__proto__"', '"formatVersion"', '2', '1e999', ' ', '\ufeff'), {
          maxLength: 200,
        })
        .map((p) => p.join(''));
      const deepText = fc.tuple(fc.integer({ min: 0, max: 20_000 }), fc.constantFrom('[', '{"a":', '{"__proto__":'), fc.boolean()).map(([n, open, closed]) => {
        const close = open === '[' ? ']' : '}';
        return open.repeat(n) + (closed ? `0${close.repeat(n)}` : '');
      });
      const input = fc.oneof(
        fc.json({ maxDepth: 6 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        bytes.map((b) => new TextDecoder('utf-8').decode(b)),
        bytes.map((b) => new TextDecoder('latin1').decode(b)),
        starterCut,
        soup,
        deepText,
        fc.constantFrom(...fixtureTexts),
        fc
          .jsonValue({ maxDepth: 4 })
          .map((v) => JSON.stringify({ formatVersion: 2, ...(typeof v === 'object' && v !== null && !Array.isArray(v) ? v : { v }) })),
      );
      await fuzz(
        '.sdesk parser, raw text and bytes',
        input,
        (text) => {
          checkParse(text);
        },
        { runs: 1500, caseLimitMs: CASE_LIMIT_MS },
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
