import { describe, expect, it } from 'vitest';
import type { MonteCarloResult } from '../../../shared/engine';
import type { WorkspaceScenario } from '../../../shared/workspace';
import { loadStarterWorkspace } from '../../../shared/workspace/starter';
import { monteCarloInputOf, monteCarloKey } from './monte-carlo-key';
import { MonteCarloScheduler, type MonteCarloRequest } from './monte-carlo-scheduler';
import { MonteCarloResultsStore, MonteCarloRunError, simulationFraction, type SimulationProgress } from './results-store';

/**
 * The store wired to the real scheduler in place of the worker: requests arrive after a task (as
 * postMessage delivers them), and the scheduler's turns run on timers, so runs take a while and
 * an asker can join one midway.
 */
function harness() {
  const requests: MonteCarloRequest[] = [];
  let store: MonteCarloResultsStore | null = null;
  const scheduler = new MonteCarloScheduler(
    (message) => setTimeout(() => store?.receive(message), 0),
    (turn) => setTimeout(turn, 0),
  );
  store = new MonteCarloResultsStore((request) => {
    requests.push(request);
    setTimeout(() => scheduler.receive(request), 0);
  });
  const runs = () => requests.filter((r) => r.type === 'run').length;
  const cancels = () => requests.filter((r) => r.type === 'cancel').length;
  return { store, scheduler, runs, cancels };
}

const starter = loadStarterWorkspace();

function scenario(id: string): WorkspaceScenario {
  const found = starter.scenarios.find((s) => s.id === id);
  if (!found) throw new Error(`the starter has no ${id}`);
  return found;
}

function inputOf(s: WorkspaceScenario) {
  const input = monteCarloInputOf(s);
  if (!input) throw new Error(`${s.id} has no uncertainty`);
  return input;
}

/** Software revenue: 4200 / 1.15 ≈ 3652.17亿元 in 2023, N(15 %, 3 points) a year, 20,000 trials (5 chunks of 4,096). */
const software = scenario('software-revenue-15pct');
/** High-tech firms: 7565 in 2023, N(19.2 %, 4 points) a year. */
const highTech = scenario('high-tech-firms-19-2pct');
/** Tech-based firms: 58524 in 2023, here with triangular(0, 10, 20) % drawn once per trial. */
const cautious = scenario('tech-based-firms-cautious-10pct');
const programmes: WorkspaceScenario = {
  ...cautious,
  uncertainty: { distributions: { growthRatePercent: { kind: 'triangular', min: 0, mode: 10, max: 20 } }, shockMode: 'perTrial', trials: 20000, seed: 58 },
};
/** No uncertainty: never simulated. */
const diagnosticsCagr = scenario('diagnostics-market-cagr');

function median(result: MonteCarloResult, yearIndex: number): number {
  const p50 = result.percentileLevels.indexOf(50);
  return result.percentiles[p50]?.[yearIndex] ?? Number.NaN;
}

function waitFor(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (condition() ? resolve() : setTimeout(poll, 0));
    poll();
  });
}

describe('Monte Carlo results store', () => {
  it('lets a second asker of the same inputs join the pending run: one run, one result for both', async () => {
    const { store, runs } = harness();
    const key = monteCarloKey(inputOf(software));
    let viewHeard = 0;
    const stopView = store.watch(key, inputOf(software), () => viewHeard++);
    // The export asks for a renamed copy (other id, same inputs) while the view's run is under way.
    await waitFor(() => store.snapshot(key).progress > 0);
    const copy: WorkspaceScenario = { ...software, id: 'software-copy', name: '软件(副本)' };
    const exported = await store.awaitScenarios([copy]);
    expect(runs()).toBe(1);
    const result = exported.get('software-copy');
    expect(result).toBe(store.snapshot(key).result);
    expect(store.snapshot(key).status).toBe('done');
    expect(viewHeard).toBeGreaterThan(1);
    // 2023 is the base year, certain for every trial: the base (4200 / 1.15) at every one of the 7 percentiles.
    expect(result?.percentiles.map((levels) => levels[0])).toEqual(Array.from({ length: 7 }, () => software.base.value));
    // 2024: the median of (4200 / 1.15) × (1 + g), g ~ N(15 %, 3): 4200, within the sampling error (≈1 亿元).
    expect(Math.abs((result ? median(result, 1) : 0) - 4200)).toBeLessThan(6);
    stopView();
  });

  it('hands a finished result to the next asker without running again or reporting progress', async () => {
    const { store, runs } = harness();
    const first = await store.awaitScenarios([software]);
    const progress: SimulationProgress[] = [];
    const again = await store.awaitScenarios([{ ...software, id: 'other', notes: 'changed notes only' }], { onProgress: (p) => progress.push(p) });
    expect(runs()).toBe(1);
    expect(again.get('other')).toBe(first.get(software.id));
    expect(progress).toEqual([]);
  });

  it('hands the export only finished results of scenarios still in the workspace', async () => {
    const { store } = harness();
    const both = await store.awaitScenarios([software, highTech]);
    expect([...both.keys()]).toEqual([software.id, highTech.id]);
    // High-tech has been deleted from the workspace since; a scenario without uncertainty has no result.
    const now = await store.awaitScenarios([software, diagnosticsCagr]);
    expect([...now.keys()]).toEqual([software.id]);
    expect(await store.awaitScenarios([diagnosticsCagr])).toEqual(new Map());
  });

  it('runs what is missing one at a time and counts the scenarios done out of those with uncertainty', async () => {
    const { store } = harness();
    // The software run is already finished (a view asked for it); the scenario without uncertainty is not counted.
    await store.awaitScenarios([software]);
    const progress: SimulationProgress[] = [];
    const results = await store.awaitScenarios([software, diagnosticsCagr, highTech, programmes], { onProgress: (p) => progress.push(p) });
    expect([...results.keys()]).toEqual([software.id, highTech.id, programmes.id]);
    expect(progress[0]).toEqual({ done: 1, total: 3, current: 0 });
    expect(progress.at(-1)).toEqual({ done: 3, total: 3, current: 0 });
    // Each step is at least as far as the one before, and the high-tech run reported its chunks on the way.
    const fractions = progress.map(simulationFraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(progress.some((p) => p.done === 1 && p.current > 0 && p.current < 1)).toBe(true);
    // High-tech firms, 2024: the median of 7565 × (1 + g), g ~ N(19.2 %, 4) is 7565 × 1.192 = 9017.48 (sampling error ≈ 3 firms).
    const firms = results.get(highTech.id);
    expect(Math.abs((firms ? median(firms, 1) : 0) - 9017.48)).toBeLessThan(15);
    // Tech-based firms, 2024: a symmetric triangular(0, 10, 20) % has its median at 10 % → 58524 × 1.1 = 64376.4
    // (sampling error of the median ≈ 1 / (2 × 0.1 × √20000) = 0.035 points, 21 firms).
    const counted = results.get(programmes.id);
    expect(Math.abs((counted ? median(counted, 1) : 0) - 64376.4)).toBeLessThan(100);
  });

  it('rejects naming the scenario, in both languages, when its run fails', async () => {
    const { store } = harness();
    const broken: WorkspaceScenario = { ...highTech, uncertainty: { ...inputOf(highTech).uncertainty, trials: 0 } };
    const failure = await store.awaitScenarios([software, broken]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MonteCarloRunError);
    if (!(failure instanceof MonteCarloRunError)) return;
    expect(failure.scenarioId).toBe(highTech.id);
    expect(failure.message).toContain('High-tech enterprises: keep 2023 growth of 19.2% (baseline)');
    expect(failure.message).toContain('uncertainty.trials');
    expect(failure.messageZh).toContain('高新技术企业:保持2023年增速19.2%(基准)');
    expect(failure.messageZh).toContain('试验次数');
  });

  it('stops waiting when cancelled, and stops the run unless a view still wants it', async () => {
    const { store, cancels } = harness();
    const controller = new AbortController();
    const waiting = store.awaitScenarios([software], { signal: controller.signal, onProgress: (p) => (p.current > 0 ? controller.abort() : undefined) });
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    await waitFor(() => cancels() === 1);
    expect(store.resultOf(monteCarloKey(inputOf(software)))).toBeNull();

    // The same, while the Scenarios view watches the run: the view keeps it and gets its result.
    const key = monteCarloKey(inputOf(highTech));
    const stopView = store.watch(key, inputOf(highTech), () => undefined);
    const second = new AbortController();
    const alsoWaiting = store.awaitScenarios([highTech], { signal: second.signal, onProgress: (p) => (p.current > 0 ? second.abort() : undefined) });
    await expect(alsoWaiting).rejects.toMatchObject({ name: 'AbortError' });
    await waitFor(() => store.snapshot(key).status === 'done');
    expect(cancels()).toBe(1);
    stopView();
  });

  it('tells everyone waiting when the simulation itself stops, and starts afresh for the next asker', async () => {
    const { store, runs } = harness();
    const waiting = store.awaitScenarios([software]).catch((error: unknown) => error);
    await waitFor(() => store.snapshot(monteCarloKey(inputOf(software))).progress > 0);
    store.failRunning({ en: 'The simulation stopped: out of memory', zh: '模拟意外中止：内存不足' });
    const failure = await waiting;
    expect(failure).toBeInstanceOf(MonteCarloRunError);
    expect((failure as MonteCarloRunError).messageZh).toBe('“软件和信息服务业营收:每年增长15%”的模拟失败：模拟意外中止：内存不足');
    await store.awaitScenarios([software]);
    expect(runs()).toBe(2);
  });
});

describe('simulation progress', () => {
  it('is the scenarios done plus the share of the current run, over all of them', () => {
    // 3 of 12 done and the fourth half way: 3.5 / 12.
    expect(simulationFraction({ done: 3, total: 12, current: 0.5 })).toBeCloseTo(3.5 / 12, 12);
    expect(simulationFraction({ done: 0, total: 6, current: 0 })).toBe(0);
    expect(simulationFraction({ done: 6, total: 6, current: 0 })).toBe(1);
    // Nothing to simulate is finished; a stray fraction cannot push the bar past the end.
    expect(simulationFraction({ done: 0, total: 0, current: 0 })).toBe(1);
    expect(simulationFraction({ done: 5, total: 6, current: 1.5 })).toBe(1);
  });
});
