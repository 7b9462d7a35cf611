/** Reading and writing .sdesk workspace files: size limit, JSON, forbidden keys, version, migration, schema, semantics. */
import type { z } from 'zod';
import { checkLevel, type EngineIssue } from '../engine/issues';
import { validateScenarioSpec } from '../engine/models';
import { validateUncertainty } from '../engine/montecarlo';
import { findExcessiveNesting } from './json-depth';
import { migrateV1ToV2, migrateV2ToV3, type MigrationChange } from './migrations';
import { CURRENT_FORMAT_VERSION, MAX_WORKSPACE_BYTES, WorkspaceSchema, WorkspaceV1Schema, WorkspaceV2Schema, type Workspace } from './schema';

export type WorkspaceProblemCode =
  | 'too-large'
  | 'invalid-json'
  | 'too-deep'
  | 'forbidden-key'
  | 'not-an-object'
  | 'missing-version'
  | 'newer-version'
  | 'unknown-version'
  | 'schema'
  | 'duplicate-id'
  | 'unknown-baseline'
  | 'invalid-value';

export interface WorkspaceProblem {
  /** JSON path such as `$.scenarios[1].params.growthRatePercent` (`$` for the whole file). */
  readonly path: string;
  readonly code: WorkspaceProblemCode;
  readonly message: string;
  readonly messageZh: string;
}

export type ParseWorkspaceResult =
  | {
      readonly ok: true;
      readonly workspace: Workspace;
      /** Format version the file was migrated from, or null. */
      readonly migratedFrom: number | null;
      /** What the migration changed in the scenarios (empty when nothing but the format changed). */
      readonly changes: readonly MigrationChange[];
    }
  | { readonly ok: false; readonly problems: readonly WorkspaceProblem[] };

export class WorkspaceError extends Error {
  readonly problems: readonly WorkspaceProblem[];
  constructor(problems: readonly WorkspaceProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'WorkspaceError';
    this.problems = problems;
  }
}

export function formatProblem(problem: WorkspaceProblem): string {
  return `${problem.path}: ${problem.message}`;
}

/** Keys that could reach Object.prototype if a later consumer copied the data with a naive merge. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function segmentText(segment: PropertyKey): string {
  if (typeof segment === 'number') return `[${segment}]`;
  if (typeof segment === 'string' && IDENTIFIER.test(segment)) return `.${segment}`;
  return `[${JSON.stringify(String(segment))}]`;
}

export function toJsonPath(path: readonly PropertyKey[]): string {
  let text = '$';
  for (const segment of path) text += segmentText(segment);
  return text;
}

/**
 * Real workspaces nest 6 levels at most (the object at `$.scenarios[0].uncertainty.distributions.growthRatePercent`);
 * 64 leaves room for any future format while keeping every walk over the tree cheap.
 */
export const MAX_WORKSPACE_DEPTH = 64;
/** Paths in messages stop after this many characters: a path 64 levels deep is no use to read in full. */
const MAX_PATH_CHARS = 120;

/** The path's leading segments up to `MAX_PATH_CHARS`, then `…`: the start says where in the workspace the trouble is. */
function truncatedJsonPath(path: readonly PropertyKey[]): string {
  let text = '$';
  for (const segment of path) {
    const next = segmentText(segment);
    if (text.length + next.length > MAX_PATH_CHARS) return `${text}…`;
    text += next;
  }
  return text;
}

function problem(path: string, code: WorkspaceProblemCode, message: string, messageZh: string): WorkspaceProblem {
  return { path, code, message, messageZh };
}

function tooDeep(text: string): WorkspaceProblem | null {
  const excess = findExcessiveNesting(text, MAX_WORKSPACE_DEPTH);
  if (excess === null) return null;
  const where = truncatedJsonPath(excess.path);
  return problem(
    where,
    'too-deep',
    `the file is nested ${excess.depth} levels deep, more than the ${MAX_WORKSPACE_DEPTH} allowed; it goes too deep at ${where}`,
    `文件嵌套深度为 ${excess.depth} 层,超过允许的 ${MAX_WORKSPACE_DEPTH} 层;过深之处:${where}`,
  );
}

/** A step back towards the root: the key or index that led here. Shared by siblings, so the walk stays linear. */
interface Crumb {
  readonly parent: Crumb | null;
  readonly key: PropertyKey;
}

function crumbPath(crumb: Crumb | null): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at = crumb; at !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * Iterative walk (no recursion, so deep input cannot overflow the stack) that costs O(1) per node:
 * a node records only its own key and a link to its parent, and a path is spelled out only for a
 * problem. (Copying the path into every node made the check quadratic in the depth.)
 */
function findForbiddenKeys(root: unknown): WorkspaceProblem[] {
  const problems: WorkspaceProblem[] = [];
  const stack: Array<{ value: unknown; at: Crumb | null }> = [{ value: root, at: null }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined || item.value === null || typeof item.value !== 'object') continue;
    if (Array.isArray(item.value)) {
      item.value.forEach((child, index) => stack.push({ value: child, at: { parent: item.at, key: index } }));
      continue;
    }
    for (const key of Object.keys(item.value)) {
      const at: Crumb = { parent: item.at, key };
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push(problem(toJsonPath(crumbPath(at)), 'forbidden-key', `the key "${key}" is not allowed`, `不允许使用键“${key}”`));
        continue;
      }
      stack.push({ value: (item.value as Record<string, unknown>)[key], at });
    }
    if (problems.length >= 100) break;
  }
  return problems.reverse();
}

function zodIssueToProblems(issue: z.core.$ZodIssue): WorkspaceProblem[] {
  const path = toJsonPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => problem(toJsonPath([...issue.path, key]), 'schema', `unknown field "${key}"`, `未知字段“${key}”`));
    case 'invalid_type':
      return [problem(path, 'schema', issue.message, `类型错误:应为 ${issue.expected}`)];
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator !== undefined) {
        return [problem(path, 'schema', issue.message, `取值无效:${issue.message}`)];
      }
      return [problem(path, 'schema', issue.message, '不符合任何允许的形式')];
    case 'too_small':
    case 'too_big':
      return [problem(path, 'schema', issue.message, `超出允许范围:${issue.message}`)];
    default:
      return [problem(path, 'schema', issue.message, `无效:${issue.message}`)];
  }
}

function schemaProblems(error: z.ZodError): WorkspaceProblem[] {
  return error.issues.flatMap(zodIssueToProblems);
}

/** The engine's issues as workspace problems: the field path becomes a JSON path, the message loses its field prefix. */
function pushEngineIssues(problems: WorkspaceProblem[], issues: readonly EngineIssue[]): void {
  for (const issue of issues)
    problems.push(problem(`$.${issue.field}`, 'invalid-value', issue.message.slice(issue.field.length + 2), issue.messageZh.slice(issue.field.length + 1)));
}

/**
 * Replaces −0 by 0 everywhere in a document parsed from text: JSON can spell −0, which prints as 0 but
 * divides into −Infinity. Iterative, like the key check; the depth is already limited.
 */
function dropNegativeZeros(root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (typeof value === 'number') {
        if (Object.is(value, -0)) record[key] = 0;
      } else if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
}

/** Checks that the schema cannot express: engine rules (with the unit bounds), unique ids, the baseline reference. */
export function validateWorkspaceSemantics(workspace: Workspace): WorkspaceProblem[] {
  const problems: WorkspaceProblem[] = [];
  const seen = new Map<string, number>();
  workspace.scenarios.forEach((scenario, index) => {
    const previous = seen.get(scenario.id);
    if (previous !== undefined) {
      problems.push(
        problem(
          `$.scenarios[${index}].id`,
          'duplicate-id',
          `scenario id "${scenario.id}" is already used by scenarios[${previous}]`,
          `情景 ID“${scenario.id}”已被 scenarios[${previous}] 使用`,
        ),
      );
    } else seen.set(scenario.id, index);
    const prefix = `scenarios[${index}]`;
    const issues = validateScenarioSpec(scenario, prefix);
    if (scenario.uncertainty !== undefined) issues.push(...validateUncertainty(scenario, scenario.uncertainty, `${prefix}.uncertainty`));
    // A reference is drawn on the value axis: the same bounds as any level.
    scenario.references?.forEach((reference, at) => checkLevel(`${prefix}.references[${at}].value`, reference.value, issues, 'value', '数值'));
    pushEngineIssues(problems, issues);
  });
  const indicatorIds = new Map<string, number>();
  workspace.indicators.forEach((indicator, index) => {
    const previous = indicatorIds.get(indicator.id);
    if (previous !== undefined) {
      problems.push(
        problem(
          `$.indicators[${index}].id`,
          'duplicate-id',
          `indicator id "${indicator.id}" is already used by indicators[${previous}]`,
          `指标 ID“${indicator.id}”已被 indicators[${previous}] 使用`,
        ),
      );
    } else indicatorIds.set(indicator.id, index);
    // Observations become scenario bases and chart points: the same unit bounds as a base value (0, or 1e-9 to 1e15 in magnitude).
    const issues: EngineIssue[] = [];
    indicator.observations.forEach((observation, at) =>
      checkLevel(`indicators[${index}].observations[${at}].value`, observation.value, issues, 'value', '数值'),
    );
    pushEngineIssues(problems, issues);
  });
  if (workspace.baselineScenarioId !== null && !seen.has(workspace.baselineScenarioId)) {
    problems.push(
      problem(
        '$.baselineScenarioId',
        'unknown-baseline',
        `no scenario has the id "${workspace.baselineScenarioId}"`,
        `没有 ID 为“${workspace.baselineScenarioId}”的情景`,
      ),
    );
  }
  return problems;
}

function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (position?.[1] === undefined) return `not valid JSON: ${message}`;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `not valid JSON at line ${line}, column ${column}: ${message}`;
}

/** Parses a workspace file's text; migrates older formats; never throws for bad input. */
export function parseWorkspace(text: string): ParseWorkspaceResult {
  if (text.length > MAX_WORKSPACE_BYTES) {
    return {
      ok: false,
      problems: [problem('$', 'too-large', `file is larger than ${MAX_WORKSPACE_BYTES / 1024 / 1024} MB`, `文件超过 ${MAX_WORKSPACE_BYTES / 1024 / 1024} MB`)],
    };
  }
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Before JSON.parse: deep input must be refused without building (or failing to build) the tree.
  const deep = tooDeep(json);
  if (deep !== null) return { ok: false, problems: [deep] };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { ok: false, problems: [problem('$', 'invalid-json', describeJsonError(text, error), '不是有效的 JSON 文件')] };
  }
  const forbidden = findForbiddenKeys(raw);
  if (forbidden.length > 0) return { ok: false, problems: forbidden };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problems: [problem('$', 'not-an-object', 'a workspace file must contain a JSON object', '工作区文件必须是一个 JSON 对象')] };
  }
  const version = (raw as Record<string, unknown>).formatVersion;
  if (version === undefined) {
    return {
      ok: false,
      problems: [
        problem(
          '$.formatVersion',
          'missing-version',
          'missing formatVersion; this does not look like a Scenario Desk workspace',
          '缺少 formatVersion,不像是情景推演台工作区文件',
        ),
      ],
    };
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > CURRENT_FORMAT_VERSION) {
    return {
      ok: false,
      problems: [
        problem(
          '$.formatVersion',
          'newer-version',
          `this workspace was made by a newer version of Scenario Desk (format ${version}); this version reads formats 1 to ${CURRENT_FORMAT_VERSION}. Please update the app.`,
          `该工作区由更新版本的情景推演台创建(格式 ${version}),当前版本只能读取格式 1 至 ${CURRENT_FORMAT_VERSION},请升级应用。`,
        ),
      ],
    };
  }

  let document: unknown = raw;
  let migratedFrom: number | null = null;
  const changes: MigrationChange[] = [];
  if (version === 1) {
    const v1 = WorkspaceV1Schema.safeParse(raw);
    if (!v1.success) return { ok: false, problems: schemaProblems(v1.error) };
    const migrated = migrateV1ToV2(v1.data);
    if (migrated.problems.length > 0) return { ok: false, problems: migrated.problems.map((p) => problem(p.path, 'schema', p.message, p.messageZh)) };
    document = migrated.document;
    migratedFrom = 1;
  }
  if (version === 1 || version === 2) {
    const v2 = WorkspaceV2Schema.safeParse(document);
    if (!v2.success) return { ok: false, problems: schemaProblems(v2.error) };
    const migrated = migrateV2ToV3(v2.data);
    document = migrated.document;
    changes.push(...migrated.changes);
    migratedFrom ??= 2;
  } else if (version !== CURRENT_FORMAT_VERSION) {
    return {
      ok: false,
      problems: [
        problem(
          '$.formatVersion',
          'unknown-version',
          `unsupported formatVersion ${JSON.stringify(version)}; expected a whole number from 1 to ${CURRENT_FORMAT_VERSION}`,
          `不支持的 formatVersion ${JSON.stringify(version)}`,
        ),
      ],
    };
  }

  const parsed = WorkspaceSchema.safeParse(document);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error) };
  // The document was parsed here from text, so no caller holds it.
  dropNegativeZeros(parsed.data);
  const semantic = validateWorkspaceSemantics(parsed.data);
  if (semantic.length > 0) return { ok: false, problems: semantic };
  return { ok: true, workspace: parsed.data, migratedFrom, changes };
}

/** Validates and writes the canonical text (keys in schema order, 2-space indent, trailing newline). */
export function serializeWorkspace(workspace: Workspace): string {
  const parsed = WorkspaceSchema.safeParse(workspace);
  if (!parsed.success) throw new WorkspaceError(schemaProblems(parsed.error));
  const semantic = validateWorkspaceSemantics(parsed.data);
  if (semantic.length > 0) throw new WorkspaceError(semantic);
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}

/** A new, empty workspace (pass the current time so callers and tests control it). */
export function createEmptyWorkspace(name: string, nowIso: string): Workspace {
  return { formatVersion: CURRENT_FORMAT_VERSION, name, createdAt: nowIso, modifiedAt: nowIso, baselineScenarioId: null, scenarios: [], indicators: [] };
}
