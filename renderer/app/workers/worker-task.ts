/**
 * One request run in a dedicated Web Worker with a time limit: the plumbing the import
 * (`features/import/import-runner.ts`) and the workspace reader (`app/workspace/workspace-read.ts`)
 * share. When the limit passes, the worker is terminated, whatever it was doing (a busy loop
 * included: `terminate` does not wait for the worker's code to yield), and the caller gets a
 * `timeout` outcome to word for the user; a crashed worker (e.g. out of memory, a script that did
 * not load) ends as `crashed`. Pure logic with the worker injected, so it is tested without a browser.
 *
 * The worker answers with `progress` messages and then one `result`. The time limit counts from its
 * first message, so the time its script takes to load (large on a busy machine) is not charged to
 * the work; that load has its own, longer limit.
 */

export type TaskReply<Progress, Result> = { type: 'progress'; progress: Progress } | { type: 'result'; result: Result };

/** The part of `Worker` the runner uses. */
export interface TaskWorker<Request, Reply> {
  postMessage(message: Request, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<Reply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type TaskOutcome<Result> =
  | { status: 'done'; result: Result }
  /** `stage` `start`: the worker never answered within `startTimeoutMs`; `run`: the work passed `timeoutMs`. `limitMs` is the limit that passed. */
  | { status: 'timeout'; stage: 'start' | 'run'; limitMs: number }
  | { status: 'crashed' }
  /** `createWorker` threw: there is no worker to run in. */
  | { status: 'no-worker'; error: unknown }
  | { status: 'cancelled' };

export interface TaskOptions<Request, Progress, Result> {
  createWorker: () => TaskWorker<Request, TaskReply<Progress, Result>>;
  request: Request;
  /** Buffers of `request` to move to the worker instead of copying. */
  transfer?: Transferable[];
  /** Time allowed for the work, counted from the worker's first message. */
  timeoutMs: number;
  /** Time allowed for the worker to load and answer at all; 3 × `timeoutMs` unless given. */
  startTimeoutMs?: number;
  onProgress?: (progress: Progress) => void;
}

export interface TaskRun<Result> {
  outcome: Promise<TaskOutcome<Result>>;
  /** Stops the worker; `outcome` then resolves to `cancelled` (unless it had already settled). */
  cancel(): void;
}

export function runWorkerTask<Request, Progress, Result>(options: TaskOptions<Request, Progress, Result>): TaskRun<Result> {
  const { timeoutMs } = options;
  const startTimeoutMs = options.startTimeoutMs ?? 3 * timeoutMs;
  let finish: (outcome: TaskOutcome<Result>) => void = () => undefined;
  const outcome = new Promise<TaskOutcome<Result>>((resolve) => {
    finish = resolve;
  });
  let worker: TaskWorker<Request, TaskReply<Progress, Result>> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let settled = false;

  const end = (result: TaskOutcome<Result>) => {
    if (settled) return;
    settled = true;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (worker) {
      // Handlers first: nothing a dying worker still sends reaches the caller.
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    }
    worker = null;
    finish(result);
  };

  try {
    worker = options.createWorker();
  } catch (error) {
    end({ status: 'no-worker', error });
    return { outcome, cancel: () => undefined };
  }
  let started = false;
  worker.onmessage = (event) => {
    const reply = event.data;
    if (!started) {
      started = true;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => end({ status: 'timeout', stage: 'run', limitMs: timeoutMs }), timeoutMs);
    }
    if (reply.type === 'progress') options.onProgress?.(reply.progress);
    else end({ status: 'done', result: reply.result });
  };
  worker.onerror = (event) => {
    // Handled here: the page's console gets no uncaught error for it.
    event.preventDefault?.();
    end({ status: 'crashed' });
  };
  timer = setTimeout(() => end({ status: 'timeout', stage: 'start', limitMs: startTimeoutMs }), startTimeoutMs);
  worker.postMessage(options.request, options.transfer ?? []);
  return { outcome, cancel: () => end({ status: 'cancelled' }) };
}

/** Whether this page can start Web Workers at all (an old or stripped-down embedding may not). */
export function workersAvailable(): boolean {
  return typeof Worker === 'function';
}
