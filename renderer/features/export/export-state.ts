/**
 * State shared by the Export view, the Ctrl+E / menu command and the progress indicator: one export
 * at a time, its phase, how far its simulations are, and the way to cancel it. The Monte Carlo
 * results themselves are in the one results store (renderer/app/results), not here.
 * Plain module state with subscribe/snapshot for `useSyncExternalStore`; no React here, so it is testable in Node.
 */
import { simulationFraction, type SimulationProgress } from '../../app/results/results-store';

export type ExportPhase = 'idle' | 'loading' | 'simulating' | 'building' | 'saving' | 'done' | 'cancelled' | 'error';

export interface ExportStatus {
  readonly phase: ExportPhase;
  readonly fileName: string | null;
  readonly error: string | null;
  /** While `simulating`: scenarios done of those with uncertainty, and the current run's fraction. */
  readonly simulation?: SimulationProgress | null;
}

/** The working phases, in order: the progress bar shows how many are behind us. */
const WORKING: readonly ExportPhase[] = ['loading', 'simulating', 'building', 'saving'];

export function isWorking(phase: ExportPhase): boolean {
  return WORKING.includes(phase);
}

/**
 * 0…1 for the progress bar while working: each working phase has an equal share, and the
 * simulating share fills as the simulations finish (`simulated`, 0…1); other phases show half of theirs.
 */
export function phaseProgress(phase: ExportPhase, simulated = 0.5): number {
  const index = WORKING.indexOf(phase);
  if (index < 0) return 1;
  const within = phase === 'simulating' ? Math.min(1, Math.max(0, simulated)) : 0.5;
  return (index + within) / WORKING.length;
}

/** The progress bar's value for a status. */
export function exportProgress(status: ExportStatus): number {
  return phaseProgress(status.phase, status.simulation ? simulationFraction(status.simulation) : 0);
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

let running: AbortController | null = null;

/** A new export begins; its signal is aborted by cancelExport. */
export function beginExport(): AbortSignal {
  running?.abort();
  running = new AbortController();
  return running.signal;
}

/** The export with `signal` has ended (whichever way). */
export function endExport(signal: AbortSignal): void {
  if (running?.signal === signal) running = null;
}

/** Stops the running export while it waits for its simulations (saving, once the dialog is open, is the platform's). */
export function cancelExport(): void {
  running?.abort();
}

/** Only the wait for simulations can be cancelled from the app: the other phases take a moment. */
export function canCancel(phase: ExportPhase): boolean {
  return phase === 'simulating';
}

/** `情景推演台-<workspace name>-2026-03-01.xlsx`-style name; the platform strips characters that are not allowed. */
export function suggestedWorkbookName(workspaceName: string, appName: string, exportedAt: Date): string {
  const day = `${exportedAt.getFullYear()}-${String(exportedAt.getMonth() + 1).padStart(2, '0')}-${String(exportedAt.getDate()).padStart(2, '0')}`;
  const name = workspaceName.trim().slice(0, 80);
  return `${appName}${name === '' ? '' : `-${name}`}-${day}.xlsx`;
}
