/**
 * The one Monte Carlo results store: runs keyed by their inputs (monteCarloKey), never by scenario
 * id or by view. Whoever asks first starts a run; a second asker of the same inputs joins it; a
 * finished result is kept (a few dozen) for the next asker. Views watch entries (useMonteCarlo),
 * exports await them (awaitScenarios), and both read the same entries.
 *
 * No Worker here: the store talks to the simulation through `post` and `receive`, so Node tests
 * drive it with the real MonteCarloScheduler in place of the worker (monte-carlo-store.ts wires
 * the app's one instance to the worker).
 */
import type { MonteCarloInput, MonteCarloResult } from '../../../shared/engine';
import { localName, type BilingualText } from '../../../shared/units';
import type { WorkspaceScenario } from '../../../shared/workspace';
import { monteCarloInputOf, monteCarloKey } from './monte-carlo-key';
import type { MonteCarloRequest, MonteCarloResponse } from './monte-carlo-scheduler';

export interface RunSnapshot {
  readonly status: 'running' | 'done' | 'error';
  /** Set when done. */
  readonly result: MonteCarloResult | null;
  /** 0…1 while running. */
  readonly progress: number;
  readonly error: BilingualText | null;
}

/** A run that failed, in both languages (the caller picks the UI language). */
export class MonteCarloRunError extends Error {
  readonly messageZh: string;
  /** The scenario whose run failed, when the error comes from awaitScenarios. */
  readonly scenarioId: string | null;
  constructor(message: BilingualText, scenarioId: string | null = null) {
    super(message.en);
    this.name = 'MonteCarloRunError';
    this.messageZh = message.zh;
    this.scenarioId = scenarioId;
  }
}

/** How far an export's wait has come: `done` of `total` scenarios finished, and the fraction of the one running now. */
export interface SimulationProgress {
  readonly done: number;
  readonly total: number;
  /** 0…1: the run being waited for. */
  readonly current: number;
}

/** 0…1 over all the scenarios: (done + current) / total; nothing to simulate counts as finished. */
export function simulationFraction(progress: SimulationProgress): number {
  if (progress.total <= 0) return 1;
  const current = Math.min(1, Math.max(0, progress.current));
  return Math.min(1, Math.max(0, (progress.done + current) / progress.total));
}

export interface AwaitOptions {
  readonly signal?: AbortSignal | undefined;
}

export interface AwaitScenariosOptions extends AwaitOptions {
  /** Called only when a run has to be waited for (not when every result is already there), then at every step. */
  readonly onProgress?: ((progress: SimulationProgress) => void) | undefined;
}

interface Entry {
  readonly key: string;
  readonly runId: number;
  snapshot: RunSnapshot;
  watchers: number;
  readonly listeners: Set<() => void>;
}

const notStarted: RunSnapshot = { status: 'running', result: null, progress: 0, error: null };
const stoppedEarly: BilingualText = { en: 'The simulation was stopped before it finished.', zh: '模拟未完成即被中止。' };

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The simulation was cancelled.', 'AbortError');
}

export class MonteCarloResultsStore {
  private nextRunId = 1;
  private readonly entries = new Map<string, Entry>();
  private readonly entriesByRunId = new Map<number, Entry>();
  /** Finished entries nobody watches, oldest first. */
  private readonly idle: string[] = [];

  constructor(
    private readonly post: (request: MonteCarloRequest) => void,
    private readonly keptResults = 40,
  ) {}

  /** A message from the simulation. */
  receive(message: MonteCarloResponse): void {
    const entry = this.entriesByRunId.get(message.runId);
    if (!entry) return;
    switch (message.type) {
      case 'progress':
        this.update(entry, { ...entry.snapshot, progress: message.totalChunks > 0 ? message.completedChunks / message.totalChunks : 0 });
        return;
      case 'done':
        this.entriesByRunId.delete(message.runId);
        this.update(entry, { status: 'done', result: message.result, progress: 1, error: null });
        if (entry.watchers === 0) this.retire(entry);
        return;
      case 'error':
        this.entriesByRunId.delete(message.runId);
        this.update(entry, { status: 'error', result: null, progress: 0, error: { en: message.message, zh: message.messageZh } });
        if (entry.watchers === 0) this.retire(entry);
        return;
      case 'cancelled':
        this.entriesByRunId.delete(message.runId);
        if (this.entries.get(entry.key) !== entry || entry.snapshot.status !== 'running') return;
        // The store cancels only runs nobody watches; should anyone still be waiting, they hear why instead of waiting forever.
        if (entry.watchers > 0) this.update(entry, { status: 'error', result: null, progress: 0, error: stoppedEarly });
        else this.entries.delete(entry.key);
        return;
    }
  }

  /** Every running run fails with `error` (the worker itself stopped); the next asker starts afresh. */
  failRunning(error: BilingualText): void {
    const running = [...this.entriesByRunId.values()];
    this.entriesByRunId.clear();
    for (const entry of running) {
      this.update(entry, { status: 'error', result: null, progress: 0, error });
      if (entry.watchers === 0) this.retire(entry);
    }
  }

  /** Starts (or joins) the run for `key`; `listener` hears every change; returns a function that stops watching. */
  watch(key: string, input: MonteCarloInput, listener: () => void): () => void {
    let entry = this.entries.get(key);
    if (!entry) {
      const runId = this.nextRunId++;
      entry = { key, runId, snapshot: notStarted, watchers: 0, listeners: new Set() };
      this.entries.set(key, entry);
      this.entriesByRunId.set(runId, entry);
      // Every run is its own owner in the worker: a run can have several askers, so only the store's cancel (below) may stop it.
      this.post({ type: 'run', runId, owner: `run-${runId}`, input });
    }
    const watched = entry;
    const idleIndex = this.idle.indexOf(key);
    if (idleIndex >= 0) this.idle.splice(idleIndex, 1);
    watched.watchers++;
    watched.listeners.add(listener);
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      watched.listeners.delete(listener);
      watched.watchers--;
      // React resubscribes (unsubscribe, then subscribe) when a caller re-renders with the same key;
      // deciding a moment later keeps such a run alive instead of cancelling and restarting it.
      queueMicrotask(() => {
        if (watched.watchers > 0 || this.entries.get(key) !== watched) return;
        if (watched.snapshot.status === 'running') {
          // Nobody wants these numbers any more: the worker drops the run between two chunks.
          this.post({ type: 'cancel', runId: watched.runId });
          this.entriesByRunId.delete(watched.runId);
          this.entries.delete(key);
        } else this.retire(watched);
      });
    };
  }

  /** The run's state; before it starts a constant "running, 0 %" snapshot (identity stays stable for useSyncExternalStore). */
  snapshot(key: string): RunSnapshot {
    return this.entries.get(key)?.snapshot ?? notStarted;
  }

  /** The finished result for `key`, if the store has one. */
  resultOf(key: string): MonteCarloResult | null {
    const snapshot = this.entries.get(key)?.snapshot;
    return snapshot?.status === 'done' ? snapshot.result : null;
  }

  /** The result for `input`: at once when finished, else when the run (started or joined here) finishes. */
  awaitResult(input: MonteCarloInput, options: AwaitOptions & { readonly onProgress?: (fraction: number) => void } = {}): Promise<MonteCarloResult> {
    const { signal, onProgress } = options;
    const key = monteCarloKey(input);
    const cached = this.resultOf(key);
    if (cached) return Promise.resolve(cached);
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<MonteCarloResult>((resolve, reject) => {
      let settled = false;
      let stop: () => void = () => undefined;
      const onAbort = () => finish(() => reject(signal ? abortReason(signal) : undefined));
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        stop();
        settle();
      };
      const check = () => {
        const snapshot = this.snapshot(key);
        if (snapshot.status === 'done' && snapshot.result) {
          const result = snapshot.result;
          finish(() => resolve(result));
        } else if (snapshot.status === 'error') {
          const error = snapshot.error ?? stoppedEarly;
          finish(() => reject(new MonteCarloRunError(error)));
        } else onProgress?.(snapshot.progress);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const unwatch = this.watch(key, input, check);
      // A simulation that answers at once (a test's, or an input it refuses) may have settled us inside watch.
      if (settled) unwatch();
      else {
        stop = unwatch;
        // A joined run may already have failed (a view showing its error).
        check();
      }
    });
  }

  /**
   * The results of every scenario with uncertainty, by scenario id. Missing runs are waited for one
   * at a time, in workspace order (a run another caller started meanwhile goes on in parallel). Rejects
   * with a MonteCarloRunError naming the scenario whose run failed, or with the signal's reason when cancelled.
   */
  async awaitScenarios(scenarios: readonly WorkspaceScenario[], options: AwaitScenariosOptions = {}): Promise<Map<string, MonteCarloResult>> {
    const { signal, onProgress } = options;
    const results = new Map<string, MonteCarloResult>();
    const missing: Array<{ scenario: WorkspaceScenario; input: MonteCarloInput }> = [];
    let total = 0;
    for (const scenario of scenarios) {
      const input = monteCarloInputOf(scenario);
      if (!input) continue;
      total++;
      const cached = this.resultOf(monteCarloKey(input));
      if (cached) results.set(scenario.id, cached);
      else missing.push({ scenario, input });
    }
    if (missing.length === 0) return results;
    if (signal?.aborted) throw abortReason(signal);
    let done = results.size;
    onProgress?.({ done, total, current: 0 });
    for (const { scenario, input } of missing) {
      let result: MonteCarloResult;
      try {
        result = await this.awaitResult(input, { signal, onProgress: (current) => onProgress?.({ done, total, current }) });
      } catch (error) {
        if (!(error instanceof MonteCarloRunError)) throw error;
        throw new MonteCarloRunError(
          {
            en: `The simulation of “${localName(scenario, 'en')}” failed: ${error.message}`,
            zh: `“${localName(scenario, 'zh')}”的模拟失败：${error.messageZh}`,
          },
          scenario.id,
        );
      }
      results.set(scenario.id, result);
      done++;
      onProgress?.({ done, total, current: 0 });
    }
    return results;
  }

  private update(entry: Entry, snapshot: RunSnapshot): void {
    entry.snapshot = snapshot;
    for (const listener of [...entry.listeners]) listener();
  }

  private retire(entry: Entry): void {
    if (entry.snapshot.status !== 'done') {
      if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
      return;
    }
    this.idle.push(entry.key);
    while (this.idle.length > this.keptResults) {
      const oldest = this.idle.shift();
      const old = oldest === undefined ? undefined : this.entries.get(oldest);
      if (old && old.watchers === 0) this.entries.delete(old.key);
    }
  }
}
