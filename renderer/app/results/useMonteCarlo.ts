/**
 * Monte Carlo results for a scenario, computed off the main thread. The contract every view
 * relies on; the scenarios feature owns the implementation (a Web Worker, cancelling stale runs).
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonteCarloInput, MonteCarloResult } from '../../../shared/engine';
import type { WorkspaceScenario } from '../../../shared/workspace';
import { runSnapshot, watchRun } from './monte-carlo-store';

export interface MonteCarloState {
  /** `off`: the scenario has no uncertainty spec. */
  status: 'off' | 'running' | 'done' | 'error';
  result: MonteCarloResult | null;
  /** 0…1 while running. */
  progress: number;
  /** Set when status is `error`: what is wrong, in words for the user. */
  error: string | null;
}

const offState: MonteCarloState = { status: 'off', result: null, progress: 0, error: null };
const noop = () => undefined;
/** While a slider moves, inputs change every frame; a run starts once they rest this long (or the previous run's result would repaint the chart mid-drag). */
export const monteCarloSettleMs = 120;

/** The engine input of a scenario, or null when it has no uncertainty. Only what the simulation reads goes in. */
export function monteCarloInputOf(scenario: WorkspaceScenario | null): MonteCarloInput | null {
  if (!scenario?.uncertainty) return null;
  const { base, model, params, horizonYear, targets, uncertainty } = scenario;
  // The workspace scenario is structurally an engine ScenarioSpec; copying keeps ids, names and notes out of the run key.
  const spec = { base: { year: base.year, value: base.value }, model, params, horizonYear, targets: targets.map((t) => ({ year: t.year, value: t.value, label: t.label })) } as MonteCarloInput['scenario'];
  return { scenario: spec, uncertainty };
}

/**
 * While a newer run is on its way the previous result of the same scenario stays visible
 * (status `running`), so a fan band follows a slider instead of blinking.
 */
export function useMonteCarlo(scenario: WorkspaceScenario | null): MonteCarloState {
  const { i18n } = useTranslation();
  const latestInput = useMemo(() => monteCarloInputOf(scenario), [scenario]);
  const latestKey = useMemo(() => (latestInput ? JSON.stringify(latestInput) : null), [latestInput]);
  const owner = scenario?.id ?? '';
  // The run follows the inputs once they settle; a newer settled input still cancels a stale run in the worker.
  const [settled, setSettled] = useState<{ key: string | null; input: MonteCarloInput | null; owner: string }>({ key: latestKey, input: latestInput, owner });
  useEffect(() => {
    if (settled.key === latestKey && settled.owner === owner) return;
    const immediate = settled.owner !== owner || settled.key === null || latestKey === null;
    const timer = setTimeout(() => setSettled({ key: latestKey, input: latestInput, owner }), immediate ? 0 : monteCarloSettleMs);
    return () => clearTimeout(timer);
  }, [latestKey, latestInput, owner, settled]);
  const { key, input } = settled.owner === owner ? settled : { key: null, input: null };
  const pending = latestKey !== key;
  const subscribe = useCallback((listener: () => void) => (key && input ? watchRun(key, owner, input, listener) : noop), [key, owner, input]);
  const getSnapshot = useCallback(() => (key ? runSnapshot(key, owner) : null), [key, owner]);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  const zh = i18n.language !== 'en';
  return useMemo<MonteCarloState>(() => {
    if (!latestKey) return offState;
    if (!key || !snapshot) return { status: 'running', result: null, progress: 0, error: null };
    if (pending) return { status: 'running', result: snapshot.result, progress: 0, error: null };
    return { status: snapshot.status, result: snapshot.result, progress: snapshot.progress, error: snapshot.error ? (zh ? snapshot.error.zh : snapshot.error.en) : null };
  }, [latestKey, key, pending, snapshot, zh]);
}
