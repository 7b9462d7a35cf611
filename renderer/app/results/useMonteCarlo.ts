/**
 * Monte Carlo results for a scenario, computed off the main thread, as a view shows them. The
 * results come from the one store (monte-carlo-store.ts), keyed by the scenario's inputs: a view
 * and an export asking for the same inputs share one run.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonteCarloInput, MonteCarloResult } from '../../../shared/engine';
import { inLang, langOf } from '../../../shared/units';
import type { WorkspaceScenario } from '../../../shared/workspace';
import { monteCarloInputOf, monteCarloKey } from './monte-carlo-key';
import { runSnapshot, watchRun } from './monte-carlo-store';

export { monteCarloInputOf } from './monte-carlo-key';

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
/**
 * The last result each scenario showed, by scenario id: what a view keeps drawing while the run of
 * its newer inputs is on the way. A display concern of views, so it lives here, not in the store.
 */
const lastShown = new Map<string, MonteCarloResult>();

/** While a slider moves, inputs change every frame; a run starts once they rest this long (or the previous run's result would repaint the chart mid-drag). */
export const monteCarloSettleMs = 120;

/**
 * While a newer run is on its way the previous result of the same scenario stays visible
 * (status `running`), so a fan band follows a slider instead of blinking.
 */
export function useMonteCarlo(scenario: WorkspaceScenario | null): MonteCarloState {
  const { i18n } = useTranslation();
  const latestInput = useMemo(() => monteCarloInputOf(scenario), [scenario]);
  const latestKey = useMemo(() => (latestInput ? monteCarloKey(latestInput) : null), [latestInput]);
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
  const subscribe = useCallback((listener: () => void) => (key && input ? watchRun(key, input, listener) : noop), [key, input]);
  const getSnapshot = useCallback(() => (key ? runSnapshot(key) : null), [key]);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  const lang = langOf(i18n.language);
  const finished = snapshot?.status === 'done' ? snapshot.result : null;
  useEffect(() => {
    if (finished && owner !== '') lastShown.set(owner, finished);
  }, [finished, owner]);
  return useMemo<MonteCarloState>(() => {
    if (!latestKey) return offState;
    const previous = lastShown.get(owner) ?? null;
    if (!key || !snapshot) return { status: 'running', result: null, progress: 0, error: null };
    if (pending) return { status: 'running', result: snapshot.result ?? previous, progress: 0, error: null };
    if (snapshot.status === 'running') return { status: 'running', result: previous, progress: snapshot.progress, error: null };
    return { status: snapshot.status, result: snapshot.result, progress: snapshot.progress, error: snapshot.error ? inLang(snapshot.error, lang) : null };
  }, [latestKey, key, pending, snapshot, lang, owner]);
}
