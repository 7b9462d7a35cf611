import { describe, expect, it } from 'vitest';
import { canCancel, exportProgress, isWorking, phaseProgress, suggestedWorkbookName } from './export-state';

describe('export state', () => {
  it('suggests a dated file name from the workspace name', () => {
    const march1 = new Date(2026, 2, 1, 10, 0);
    expect(suggestedWorkbookName('重庆 示例', '情景推演台', march1)).toBe('情景推演台-重庆 示例-2026-03-01.xlsx');
    expect(suggestedWorkbookName('   ', 'Scenario Desk', march1)).toBe('Scenario Desk-2026-03-01.xlsx');
  });

  it('shows progress only through the working phases, in order', () => {
    expect(['idle', 'loading', 'building', 'saving', 'done', 'error'].map((phase) => isWorking(phase as never))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(phaseProgress('loading')).toBeLessThan(phaseProgress('building'));
    expect(phaseProgress('building')).toBeLessThan(phaseProgress('saving'));
    expect(isWorking('simulating')).toBe(true);
    expect(isWorking('cancelled')).toBe(false);
  });

  it('fills the simulating share of the bar as the simulations finish, between loading and building', () => {
    // Four working phases, a quarter each: loading shows 1/8; simulating runs from 1/4 to 1/2; building shows 5/8.
    const simulating = (done: number, current: number) =>
      exportProgress({ phase: 'simulating', fileName: null, error: null, simulation: { done, total: 12, current } });
    expect(exportProgress({ phase: 'loading', fileName: null, error: null })).toBe(1 / 8);
    expect(simulating(0, 0)).toBe(1 / 4);
    // 3 of 12 done and the fourth half way: 3.5 / 12 of the simulating quarter.
    expect(simulating(3, 0.5)).toBeCloseTo(1 / 4 + 3.5 / 12 / 4, 12);
    expect(simulating(12, 0)).toBe(1 / 2);
    expect(exportProgress({ phase: 'building', fileName: null, error: null })).toBe(5 / 8);
    expect(phaseProgress('loading')).toBeLessThan(simulating(0, 0));
    expect(simulating(12, 0)).toBeLessThan(phaseProgress('building'));
  });

  it('can be cancelled only while it waits for simulations', () => {
    expect((['idle', 'loading', 'simulating', 'building', 'saving', 'done'] as const).map(canCancel)).toEqual([false, false, true, false, false, false]);
  });
});
