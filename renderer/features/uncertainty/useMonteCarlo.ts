/**
 * Monte Carlo results for a scenario, computed off the main thread. The contract every view
 * relies on; the scenarios feature owns the implementation (a Web Worker, cancelling stale runs).
 */
import type { MonteCarloResult } from '../../../shared/engine';
import type { WorkspaceScenario } from '../../../shared/workspace';

export interface MonteCarloState {
  /** `off`: the scenario has no uncertainty spec. */
  status: 'off' | 'running' | 'done' | 'error';
  result: MonteCarloResult | null;
  /** 0…1 while running. */
  progress: number;
  /** Set when status is `error`: what is wrong, in words for the user. */
  error: string | null;
}

export function useMonteCarlo(scenario: WorkspaceScenario | null): MonteCarloState {
  return { status: scenario?.uncertainty ? 'running' : 'off', result: null, progress: 0, error: null };
}
