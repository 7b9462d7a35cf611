import { describe, expect, it } from 'vitest';
import type { MonteCarloInput } from '../../../shared/engine';
import { MonteCarloScheduler, type MonteCarloResponse } from './monte-carlo-scheduler';

/** 4200亿元 in 2024 growing 15% ± 3 points a year, 10,000 trials = 3 chunks of 4,096. */
function softwareInput(trials: number, sd = 3): MonteCarloInput {
  return {
    scenario: { model: 'cagr', params: { growthRatePercent: 15 }, base: { year: 2024, value: 4200 }, horizonYear: 2027, targets: [] },
    uncertainty: { distributions: { growthRatePercent: { kind: 'normal', mean: 15, sd } }, shockMode: 'perYear', trials, seed: 7 },
  };
}

function harness() {
  const messages: MonteCarloResponse[] = [];
  const turns: Array<() => void> = [];
  const scheduler = new MonteCarloScheduler(
    (message) => messages.push(message),
    (turn) => turns.push(turn),
  );
  const runAll = () => {
    while (turns.length > 0) turns.shift()?.();
  };
  return { scheduler, messages, turns, runAll };
}

describe('MonteCarloScheduler', () => {
  it('reports progress chunk by chunk and ends with the percentiles', () => {
    const { scheduler, messages, runAll } = harness();
    scheduler.receive({ type: 'run', runId: 1, owner: 'a', input: softwareInput(10_000) });
    runAll();
    const progress = messages.filter((m) => m.type === 'progress').map((m) => (m.type === 'progress' ? m.completedChunks : -1));
    expect(progress).toEqual([0, 1, 2]);
    const done = messages.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') return;
    // Year 0 is the base year for every trial: 4200 exactly.
    expect(done.result.percentiles[3]?.[0]).toBe(4200);
    expect(done.result.trials).toBe(10_000);
  });

  it('drops a stale run of the same owner as soon as a newer one arrives between chunks', () => {
    const { scheduler, messages, turns, runAll } = harness();
    scheduler.receive({ type: 'run', runId: 1, owner: 'a', input: softwareInput(20_000) });
    turns.shift()?.(); // one chunk of run 1
    scheduler.receive({ type: 'run', runId: 2, owner: 'a', input: softwareInput(20_000, 4) });
    runAll();
    expect(messages).toContainEqual({ type: 'cancelled', runId: 1 });
    expect(messages.filter((m) => m.type === 'done').map((m) => m.runId)).toEqual([2]);
    // Run 1 got exactly one chunk of work: no progress for it after the newer run arrived.
    const afterCancel = messages.slice(messages.findIndex((m) => m.type === 'cancelled'));
    expect(afterCancel.some((m) => m.runId === 1 && m.type !== 'cancelled')).toBe(false);
  });

  it('keeps runs of different owners and cancels by run id', () => {
    const { scheduler, messages, runAll } = harness();
    scheduler.receive({ type: 'run', runId: 1, owner: 'a', input: softwareInput(8_000) });
    scheduler.receive({ type: 'run', runId: 2, owner: 'b', input: softwareInput(8_000) });
    scheduler.receive({ type: 'cancel', runId: 2 });
    runAll();
    expect(messages.filter((m) => m.type === 'done').map((m) => m.runId)).toEqual([1]);
    expect(scheduler.activeRunIds).toEqual([]);
  });

  it('answers an invalid input with the engine message in both languages', () => {
    const { scheduler, messages } = harness();
    const input = softwareInput(1_000);
    scheduler.receive({ type: 'run', runId: 5, owner: 'a', input: { ...input, uncertainty: { ...input.uncertainty, trials: 0 } } });
    const error = messages[0];
    expect(error?.type).toBe('error');
    if (error?.type !== 'error') return;
    expect(error.message).toContain('uncertainty.trials');
    expect(error.messageZh).toContain('试验次数');
  });
});
