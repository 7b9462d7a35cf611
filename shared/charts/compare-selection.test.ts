import { describe, expect, it } from 'vitest';
import type { WorkspaceScenario } from '../workspace';
import { loadStarterWorkspace } from '../workspace/starter';
import { defaultComparison, EMPTY_COMPARE_SELECTION, resolveComparison, withTicked } from './compare-selection';

const starter = loadStarterWorkspace();
const scenarios = starter.scenarios;
const idsOf = (indicatorId: string) => scenarios.filter((scenario) => scenario.indicatorId === indicatorId).map((scenario) => scenario.id);

describe('#14.11 what Compare compares', () => {
  it('#14.11 opens on the scenarios of the baseline’s indicator, against the baseline, so a difference is computed', () => {
    expect(starter.baselineScenarioId).toBe('high-tech-firms-19-2pct');
    const shown = resolveComparison(scenarios, starter.baselineScenarioId, EMPTY_COMPARE_SELECTION);
    // The starter's two high-tech scenarios: 19.2 % a year (the baseline) and +1219 firms a year.
    expect(shown.chosenIds).toEqual(['high-tech-firms-19-2pct', 'high-tech-firms-linear-net-gain']);
    expect(shown.referenceId).toBe('high-tech-firms-19-2pct');
    // Every ticked scenario shares the reference's indicator and unit: no "different indicator" message.
    const reference = scenarios.find((scenario) => scenario.id === shown.referenceId) as WorkspaceScenario;
    for (const id of shown.chosenIds) {
      const scenario = scenarios.find((candidate) => candidate.id === id) as WorkspaceScenario;
      expect([scenario.indicatorId, scenario.unit]).toEqual([reference.indicatorId, reference.unit]);
    }
  });

  it('#14.11 without a baseline, or with one alone in its indicator, opens on the first indicator that has two scenarios', () => {
    expect(defaultComparison(scenarios, null)).toEqual({ chosenIds: idsOf('cn.diagnostics.market'), referenceId: 'diagnostics-market-target-path' });
    // The software scenario is the only one of its indicator.
    expect(defaultComparison(scenarios, 'software-revenue-15pct').chosenIds).toEqual(idsOf('cn.diagnostics.market'));
    const lonely = scenarios.filter((scenario) => scenario.id === 'software-revenue-15pct');
    expect(defaultComparison(lonely, null)).toEqual({ chosenIds: [], referenceId: 'software-revenue-15pct' });
  });

  it('#14.11 keeps the user’s ticks and reference, and drops ids of scenarios that are gone', () => {
    const shown = resolveComparison(scenarios, starter.baselineScenarioId, EMPTY_COMPARE_SELECTION);
    const ticked = withTicked(shown, EMPTY_COMPARE_SELECTION, 'tech-based-firms-36-1pct', true);
    expect(ticked.chosenIds).toEqual(['high-tech-firms-19-2pct', 'high-tech-firms-linear-net-gain', 'tech-based-firms-36-1pct']);
    const chosen = { ...ticked, referenceId: 'high-tech-firms-linear-net-gain' };
    expect(resolveComparison(scenarios, starter.baselineScenarioId, chosen)).toEqual({
      chosenIds: ['high-tech-firms-19-2pct', 'high-tech-firms-linear-net-gain', 'tech-based-firms-36-1pct'],
      referenceId: 'high-tech-firms-linear-net-gain',
    });
    // The reference scenario deleted: back to the baseline; one ticked scenario deleted: the others stay.
    const without = scenarios.filter((scenario) => scenario.id !== 'high-tech-firms-linear-net-gain');
    expect(resolveComparison(without, starter.baselineScenarioId, chosen)).toEqual({
      chosenIds: ['high-tech-firms-19-2pct', 'tech-based-firms-36-1pct'],
      referenceId: 'high-tech-firms-19-2pct',
    });
    // Cleared on purpose: nothing ticked, not the default again.
    expect(resolveComparison(scenarios, starter.baselineScenarioId, { ...chosen, chosenIds: [] }).chosenIds).toEqual([]);
  });
});
