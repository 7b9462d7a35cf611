/**
 * One Monte Carlo worker for the whole app, shared by every `useMonteCarlo` caller.
 * Runs are keyed by their inputs, so two views showing the same scenario share one run,
 * and finished results are kept (a few dozen) so switching views does not recompute.
 */
import type { MonteCarloInput, MonteCarloResult } from '../../../shared/engine';
import type { MonteCarloRequest, MonteCarloResponse } from './monte-carlo-scheduler';

export interface RunSnapshot {
  readonly status: 'running' | 'done' | 'error';
  /** The finished result, or while running the owner's previous result (so a band does not blink while dragging). */
  readonly result: MonteCarloResult | null;
  readonly progress: number;
  readonly error: { readonly en: string; readonly zh: string } | null;
}

interface Entry {
  readonly key: string;
  readonly owner: string;
  readonly runId: number;
  snapshot: RunSnapshot;
  refs: number;
  readonly listeners: Set<() => void>;
}

const keptResults = 40;

let worker: Worker | null = null;
let nextRunId = 1;
const entries = new Map<string, Entry>();
const entriesByRunId = new Map<number, Entry>();
/** Finished entries nobody watches, oldest first. */
const idle: string[] = [];
const lastResultByOwner = new Map<string, MonteCarloResult>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./monte-carlo.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<MonteCarloResponse>) => receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      for (const entry of entriesByRunId.values()) {
        update(entry, { status: 'error', result: null, progress: 0, error: { en: `The simulation stopped: ${event.message}`, zh: `模拟意外中止：${event.message}` } });
      }
      entriesByRunId.clear();
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

function send(request: MonteCarloRequest): void {
  getWorker().postMessage(request);
}

function update(entry: Entry, snapshot: RunSnapshot): void {
  entry.snapshot = snapshot;
  for (const listener of entry.listeners) listener();
}

function receive(message: MonteCarloResponse): void {
  const entry = entriesByRunId.get(message.runId);
  if (!entry) return;
  switch (message.type) {
    case 'progress':
      update(entry, { ...entry.snapshot, progress: message.totalChunks > 0 ? message.completedChunks / message.totalChunks : 0 });
      return;
    case 'done':
      entriesByRunId.delete(message.runId);
      lastResultByOwner.set(entry.owner, message.result);
      update(entry, { status: 'done', result: message.result, progress: 1, error: null });
      if (entry.refs === 0) retire(entry);
      return;
    case 'error':
      entriesByRunId.delete(message.runId);
      update(entry, { status: 'error', result: null, progress: 0, error: { en: message.message, zh: message.messageZh } });
      if (entry.refs === 0) retire(entry);
      return;
    case 'cancelled':
      entriesByRunId.delete(message.runId);
      if (entries.get(entry.key) === entry && entry.snapshot.status === 'running') entries.delete(entry.key);
      return;
  }
}

function retire(entry: Entry): void {
  if (entry.snapshot.status !== 'done') {
    entries.delete(entry.key);
    return;
  }
  idle.push(entry.key);
  while (idle.length > keptResults) {
    const oldest = idle.shift();
    const old = oldest === undefined ? undefined : entries.get(oldest);
    if (old && old.refs === 0) entries.delete(old.key);
  }
}

/** Starts (or joins) the run for `key`; returns a function that stops watching it. */
export function watchRun(key: string, owner: string, input: MonteCarloInput, listener: () => void): () => void {
  let entry = entries.get(key);
  if (!entry) {
    const runId = nextRunId++;
    entry = {
      key,
      owner,
      runId,
      snapshot: { status: 'running', result: lastResultByOwner.get(owner) ?? null, progress: 0, error: null },
      refs: 0,
      listeners: new Set(),
    };
    entries.set(key, entry);
    entriesByRunId.set(runId, entry);
    send({ type: 'run', runId, owner, input });
  }
  const watched = entry;
  const idleIndex = idle.indexOf(key);
  if (idleIndex >= 0) idle.splice(idleIndex, 1);
  watched.refs++;
  watched.listeners.add(listener);
  return () => {
    watched.listeners.delete(listener);
    watched.refs--;
    // React resubscribes (unsubscribe, then subscribe) when a caller re-renders with the same key;
    // deciding a moment later keeps such a run alive instead of cancelling and restarting it.
    queueMicrotask(() => {
      if (watched.refs > 0 || entries.get(key) !== watched) return;
      if (watched.snapshot.status === 'running') {
        // Nobody wants these numbers any more: the worker drops the run between two chunks.
        send({ type: 'cancel', runId: watched.runId });
        entries.delete(key);
      } else retire(watched);
    });
  };
}

const placeholders = new Map<string, RunSnapshot>();

/**
 * The state of the run for `key`; before it starts, a stable placeholder carrying the owner's
 * last result (snapshots must keep their identity between calls for useSyncExternalStore).
 */
export function runSnapshot(key: string, owner: string): RunSnapshot {
  const entry = entries.get(key);
  if (entry) return entry.snapshot;
  const last = lastResultByOwner.get(owner) ?? null;
  const cached = placeholders.get(owner);
  if (cached && cached.result === last) return cached;
  const placeholder: RunSnapshot = { status: 'running', result: last, progress: 0, error: null };
  placeholders.set(owner, placeholder);
  return placeholder;
}
