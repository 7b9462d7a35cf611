/**
 * Reads a workspace's text (a file opened, a recent file, a `.bak` copy, the autosaved draft) into a
 * workspace on a Web Worker, with a time limit and a size limit, so a large or hostile file cannot
 * freeze the window: the worker is terminated when the limit passes and the user is told, in both
 * languages, which file took too long and what the limit is. Only where the page cannot start a
 * worker at all does the text get parsed here, on the main thread, without a time limit.
 */
import { runWorkerTask, workersAvailable, type TaskOutcome, type TaskReply, type TaskWorker } from '../workers/worker-task';
import { MAX_WORKSPACE_BYTES } from '../../../shared/workspace/schema';
import { parseWorkspace, type ParseWorkspaceResult, type WorkspaceProblem, type WorkspaceProblemCode } from '../../../shared/workspace/parse';
import type { Workspace } from '../../../shared/workspace/schema';
import { formatFixed, formatPlainNumber } from '../../../shared/units';
import type { MigrationChange } from '../../../shared/workspace/migrations';

type ParseWorkspaceChanges = readonly MigrationChange[];

export const workspaceReadLimits = {
  /** Parsing in the worker is abandoned after this long, counted from the worker's first message. */
  timeoutMs: 5_000,
  /** Text longer than this is refused before it is sent anywhere: the workspace format's own limit (and the bridge's). */
  maxChars: MAX_WORKSPACE_BYTES,
  /** A read still running after this long shows a "Reading …" indication. */
  progressAfterMs: 300,
} as const;

export interface ParseRequest {
  text: string;
}
/** The worker says `parsing` as soon as it has the text, then sends the parse result. */
export type ParseReply = TaskReply<'parsing', ParseWorkspaceResult>;
export type ParseWorker = TaskWorker<ParseRequest, ParseReply>;

/** A problem of the file (from the parser), or of reading it: too slow, or the worker failed. */
export interface WorkspaceReadProblem extends Omit<WorkspaceProblem, 'code'> {
  readonly code: WorkspaceProblemCode | 'timeout' | 'worker-failed';
}

export type WorkspaceReadResult =
  | {
      readonly ok: true;
      readonly workspace: Workspace;
      readonly migratedFrom: number | null;
      /** What upgrading an older file changed in its scenarios (shared/workspace/migrations.ts). */
      readonly changes: ParseWorkspaceChanges;
    }
  /**
   * `invalid`: the file has problems (including `too-large`); `timeout`: reading passed the limit
   * (`limitMs`) and was stopped; `failed`: the worker stopped unexpectedly; `cancelled`: a newer read
   * replaced this one, or the page went away (nothing to tell anyone).
   */
  | {
      readonly ok: false;
      readonly reason: 'invalid' | 'timeout' | 'failed' | 'cancelled';
      readonly problems: readonly WorkspaceReadProblem[];
      readonly limitMs?: number;
    };

export interface WorkspaceRead {
  result: Promise<WorkspaceReadResult>;
  /** Stops the worker; `result` resolves to `cancelled` unless it had already settled. */
  cancel(): void;
}

export interface ReadOptions {
  /**
   * Makes the worker; `null` means this page has no workers, and the text is then parsed on the
   * main thread. The default is the real worker where `Worker` exists.
   */
  createWorker?: (() => ParseWorker) | null;
  timeoutMs?: number;
  startTimeoutMs?: number;
}

function secondsText(ms: number): string {
  const seconds = ms / 1000;
  return formatPlainNumber(seconds, 1);
}

export function timeoutProblem(fileName: string, limitMs: number): WorkspaceReadProblem {
  const seconds = secondsText(limitMs);
  return {
    path: '$',
    code: 'timeout',
    message: `reading "${fileName}" took longer than the ${seconds} s allowed and was stopped; the file was not changed`,
    messageZh: `读取“${fileName}”超过允许的 ${seconds} 秒，已停止；文件未作改动`,
  };
}

function tooLargeProblem(fileName: string, chars: number): WorkspaceReadProblem {
  const limitMb = workspaceReadLimits.maxChars / 1024 / 1024;
  const sizeMb = formatFixed(chars / 1024 / 1024, 1);
  return {
    path: '$',
    code: 'too-large',
    message: `"${fileName}" holds ${sizeMb} MB, more than the ${limitMb} MB a workspace may have`,
    messageZh: `“${fileName}”有 ${sizeMb} MB，超过工作区允许的 ${limitMb} MB`,
  };
}

function failedProblem(fileName: string): WorkspaceReadProblem {
  return {
    path: '$',
    code: 'worker-failed',
    message: `reading "${fileName}" stopped unexpectedly (the file may be too complex to read); the file was not changed`,
    messageZh: `读取“${fileName}”意外中止（文件可能过于复杂，无法读取）；文件未作改动`,
  };
}

function fromParse(parsed: ParseWorkspaceResult): WorkspaceReadResult {
  return parsed.ok
    ? { ok: true, workspace: parsed.workspace, migratedFrom: parsed.migratedFrom, changes: parsed.changes }
    : { ok: false, reason: 'invalid', problems: parsed.problems };
}

/** The real worker, bundled by Vite (the CSP allows workers from 'self'). */
export function createWorkspaceParseWorker(): ParseWorker {
  return new Worker(new URL('./workspace-parse.worker.ts', import.meta.url), { type: 'module', name: 'workspace-parse' }) as unknown as ParseWorker;
}

const settled = (result: WorkspaceReadResult): WorkspaceRead => ({ result: Promise.resolve(result), cancel: () => undefined });

/** Parses `text` (the contents of `fileName`, named in messages) off the main thread, within the limits. */
export function readWorkspaceText(text: string, fileName: string, options: ReadOptions = {}): WorkspaceRead {
  if (text.length > workspaceReadLimits.maxChars) return settled({ ok: false, reason: 'invalid', problems: [tooLargeProblem(fileName, text.length)] });
  const createWorker = options.createWorker === undefined ? (workersAvailable() ? createWorkspaceParseWorker : null) : options.createWorker;
  // No Worker in this page: the only case parsed on the main thread, with no time limit.
  if (createWorker === null) return settled(fromParse(parseWorkspace(text)));
  const timeoutMs = options.timeoutMs ?? workspaceReadLimits.timeoutMs;
  const run = runWorkerTask({ createWorker, request: { text } satisfies ParseRequest, timeoutMs, startTimeoutMs: options.startTimeoutMs });
  const result = run.outcome.then((outcome: TaskOutcome<ParseWorkspaceResult>): WorkspaceReadResult => {
    switch (outcome.status) {
      case 'done':
        return fromParse(outcome.result);
      case 'timeout':
        return { ok: false, reason: 'timeout', limitMs: outcome.limitMs, problems: [timeoutProblem(fileName, outcome.limitMs)] };
      case 'crashed':
        return { ok: false, reason: 'failed', problems: [failedProblem(fileName)] };
      case 'no-worker':
        // The constructor exists but refused (e.g. workers switched off): this page cannot run one.
        return fromParse(parseWorkspace(text));
      case 'cancelled':
        return { ok: false, reason: 'cancelled', problems: [] };
    }
  });
  return { result, cancel: run.cancel };
}
