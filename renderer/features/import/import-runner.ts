/**
 * Runs `parseImportFile` in a Web Worker with a time limit. When the limit passes, the
 * worker is terminated (whatever it was doing) and the user is told why; a crashed worker
 * (e.g. out of memory) ends the same way. The worker plumbing is shared with the workspace
 * reader (`app/workers/worker-task.ts`); this file words its outcomes as import results.
 */
import { runWorkerTask, type TaskOutcome, type TaskReply, type TaskWorker } from '../../app/workers/worker-task';
// Deep imports keep exceljs (needed only inside the worker) out of the main bundle.
import { importLimits } from '../../../shared/import/limits';
import type { ImportFileInput, ImportProblem, ImportProgress, ImportResult } from '../../../shared/import/types';

export type WorkerRequest = ImportFileInput;
export type WorkerReply = TaskReply<ImportProgress, ImportResult>;

/** The part of `Worker` the runner uses. */
export type ImportWorker = TaskWorker<WorkerRequest, WorkerReply>;

export interface RunOptions {
  createWorker: () => ImportWorker;
  /** Time allowed for parsing, counted from the worker's first message. */
  timeoutMs?: number;
  /** Time allowed for the worker to load and answer at all (its script is large on a busy machine). */
  startTimeoutMs?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportRun {
  result: Promise<ImportResult>;
  /** Stops the worker; the result then resolves to a failure saying the import was cancelled. */
  cancel(): void;
}

function problem(code: ImportProblem['code'], message: string, messageZh: string): ImportResult {
  return { ok: false, errors: [{ code, row: null, column: null, message, messageZh }] };
}

export function timeoutResult(timeoutMs: number): ImportResult {
  const seconds = Math.round(timeoutMs / 1000);
  return problem(
    'timeout',
    `Reading the file took longer than ${seconds} s and was stopped. Try a smaller file or split it.`,
    `读取文件超过 ${seconds} 秒，已停止。请使用较小的文件或将其拆分。`,
  );
}

function importResultOf(outcome: TaskOutcome<ImportResult>): ImportResult {
  switch (outcome.status) {
    case 'done':
      return outcome.result;
    case 'timeout':
      return timeoutResult(outcome.limitMs);
    case 'crashed':
      return problem('internal', 'The import stopped unexpectedly (the file may be too complex to read).', '导入意外中止（文件可能过于复杂，无法读取）。');
    case 'no-worker':
      return problem('internal', 'The import could not start (no background worker).', '无法启动导入（后台线程不可用）。');
    case 'cancelled':
      return problem('timeout', 'The import was cancelled.', '导入已取消。');
  }
}

export function runImport(file: ImportFileInput, options: RunOptions): ImportRun {
  const timeoutMs = options.timeoutMs ?? importLimits.workerTimeoutMs;
  // A copy is transferred, so the caller's bytes stay usable.
  const bytes = file.bytes.slice();
  const run = runWorkerTask({
    createWorker: options.createWorker,
    request: { fileName: file.fileName, bytes, ...(file.choices ? { choices: file.choices } : {}) },
    transfer: [bytes.buffer],
    timeoutMs,
    startTimeoutMs: options.startTimeoutMs ?? 3 * timeoutMs,
    onProgress: options.onProgress,
  });
  return { result: run.outcome.then(importResultOf), cancel: run.cancel };
}

/** The real worker, bundled by Vite (CSP allows workers from 'self'). */
export function createImportWorker(): ImportWorker {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' }) as unknown as ImportWorker;
}
