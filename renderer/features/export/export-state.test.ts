import { describe, expect, it } from 'vitest';
import type { MonteCarloResult } from '../../../shared/engine/montecarlo';
import { isWorking, monteCarloFor, phaseProgress, rememberMonteCarlo, suggestedWorkbookName } from './export-state';

describe('export state', () => {
  it('suggests a dated file name from the workspace name', () => {
    const march1 = new Date(2026, 2, 1, 10, 0);
    expect(suggestedWorkbookName('重庆 示例', '情景推演台', march1)).toBe('情景推演台-重庆 示例-2026-03-01.xlsx');
    expect(suggestedWorkbookName('   ', 'Scenario Desk', march1)).toBe('Scenario Desk-2026-03-01.xlsx');
  });

  it('shows progress only through the working phases, in order', () => {
    expect(['idle', 'loading', 'building', 'saving', 'done', 'error'].map((phase) => isWorking(phase as never))).toEqual([false, true, true, true, false, false]);
    expect(phaseProgress('loading')).toBeLessThan(phaseProgress('building'));
    expect(phaseProgress('building')).toBeLessThan(phaseProgress('saving'));
  });

  it('hands the export only finished results of scenarios still in the workspace', () => {
    const result = { status: 'completed', trials: 10 } as unknown as MonteCarloResult;
    rememberMonteCarlo('a', result);
    rememberMonteCarlo('b', result);
    rememberMonteCarlo('b', null);
    expect(monteCarloFor(['a', 'b', 'c'])).toEqual({ a: result });
    expect(monteCarloFor(['b'])).toEqual({});
  });
});
