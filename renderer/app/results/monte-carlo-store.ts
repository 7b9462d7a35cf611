/**
 * The app's one Monte Carlo results store (results-store.ts), wired to one worker shared by every
 * view and export. The worker starts on the first run anyone asks for.
 */
import type { MonteCarloInput, MonteCarloResult } from '../../../shared/engine';
import type { WorkspaceScenario } from '../../../shared/workspace';
import type { MonteCarloRequest, MonteCarloResponse } from './monte-carlo-scheduler';
import { MonteCarloResultsStore, type AwaitScenariosOptions, type RunSnapshot } from './results-store';

export type { RunSnapshot, SimulationProgress } from './results-store';
export { MonteCarloRunError, simulationFraction } from './results-store';

let worker: Worker | null = null;

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./monte-carlo.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<MonteCarloResponse>) => store.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      store.failRunning({ en: `The simulation stopped: ${event.message}`, zh: `模拟意外中止：${event.message}` });
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

const store = new MonteCarloResultsStore((request: MonteCarloRequest) => getWorker().postMessage(request));

/** Starts (or joins) the run for `key`; returns a function that stops watching it. */
export function watchRun(key: string, input: MonteCarloInput, listener: () => void): () => void {
  return store.watch(key, input, listener);
}

/** The state of the run for `key` (a stable "not started" snapshot before anyone asked). */
export function runSnapshot(key: string): RunSnapshot {
  return store.snapshot(key);
}

/**
 * The Monte Carlo results of every scenario with uncertainty, by scenario id, whichever view is
 * open: finished ones at once, the others run (or joined) and awaited, with progress.
 */
export function awaitMonteCarlo(scenarios: readonly WorkspaceScenario[], options: AwaitScenariosOptions = {}): Promise<Map<string, MonteCarloResult>> {
  return store.awaitScenarios(scenarios, options);
}
