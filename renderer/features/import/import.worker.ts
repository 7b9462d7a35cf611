/// <reference lib="webworker" />
/**
 * Parses an import file off the main thread, so a large or hostile file cannot freeze
 * the window; the page terminates this worker if it runs past the time limit.
 */
import { parseImportFile } from '../../../shared/import/parse-import';
import type { WorkerReply, WorkerRequest } from './import-runner';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { fileName, bytes, choices } = event.data;
  void parseImportFile(
    { fileName, bytes, ...(choices ? { choices } : {}) },
    { onProgress: (progress) => scope.postMessage({ type: 'progress', progress } satisfies WorkerReply) },
  ).then((result) => scope.postMessage({ type: 'result', result } satisfies WorkerReply));
};
