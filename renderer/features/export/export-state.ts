/**
 * State shared by the Export view and the Ctrl+E / menu command: one export at a time, its phase, and
 * the Monte Carlo results the view has collected (the command, mounted in App, has no hooks per scenario).
 * Plain module state with subscribe/snapshot for `useSyncExternalStore`; no React here, so it is testable in Node.
 */
import type { MonteCarloResult } from '../../../shared/engine/montecarlo';

export type ExportPhase = 'idle' | 'loading' | 'building' | 'saving' | 'done' | 'cancelled' | 'error';

export interface ExportStatus {
  readonly phase: ExportPhase;
  readonly fileName: string | null;
  readonly error: string | null;
}

/** The three working phases, in order: the progress bar shows how many are behind us. */
const WORKING: readonly ExportPhase[] = ['loading', 'building', 'saving'];

export function isWorking(phase: ExportPhase): boolean {
  return WORKING.includes(phase);
}

/** 0…1 for the progress bar while working. */
export function phaseProgress(phase: ExportPhase): number {
  const index = WORKING.indexOf(phase);
  return index < 0 ? 1 : (index + 0.5) / WORKING.length;
}

let status: ExportStatus = { phase: 'idle', fileName: null, error: null };
const listeners = new Set<() => void>();

export function getExportStatus(): ExportStatus {
  return status;
}

export function setExportStatus(next: ExportStatus): void {
  status = next;
  for (const listener of listeners) listener();
}

export function subscribeExportStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const monteCarloResults = new Map<string, MonteCarloResult>();

export function rememberMonteCarlo(scenarioId: string, result: MonteCarloResult | null): void {
  if (result === null) monteCarloResults.delete(scenarioId);
  else monteCarloResults.set(scenarioId, result);
}

/** Results for the scenarios still in the workspace. */
export function monteCarloFor(scenarioIds: readonly string[]): Record<string, MonteCarloResult> {
  const out: Record<string, MonteCarloResult> = {};
  for (const id of scenarioIds) {
    const result = monteCarloResults.get(id);
    if (result !== undefined) out[id] = result;
  }
  return out;
}

/** `情景推演台-<workspace name>-2026-03-01.xlsx`-style name; the platform strips characters that are not allowed. */
export function suggestedWorkbookName(workspaceName: string, appName: string, exportedAt: Date): string {
  const day = `${exportedAt.getFullYear()}-${String(exportedAt.getMonth() + 1).padStart(2, '0')}-${String(exportedAt.getDate()).padStart(2, '0')}`;
  const name = workspaceName.trim().slice(0, 80);
  return `${appName}${name === '' ? '' : `-${name}`}-${day}.xlsx`;
}
