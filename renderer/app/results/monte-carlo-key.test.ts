import { describe, expect, it } from 'vitest';
import type { WorkspaceScenario } from '../../../shared/workspace';
import { loadStarterWorkspace } from '../../../shared/workspace/starter';
import { monteCarloInputOf, monteCarloKey } from './monte-carlo-key';

/** The starter's software scenario: 4200亿元 in 2024, N(15 %, 3 points) a year, 20,000 trials, seed 20240226. */
function software(): WorkspaceScenario {
  const scenario = loadStarterWorkspace().scenarios.find((s) => s.id === 'software-revenue-15pct');
  if (!scenario?.uncertainty) throw new Error('the starter has changed');
  return scenario;
}

function keyOf(scenario: WorkspaceScenario): string {
  const input = monteCarloInputOf(scenario);
  if (!input) throw new Error('no uncertainty');
  return monteCarloKey(input);
}

describe('Monte Carlo run keys', () => {
  it('are the same for the same inputs, whatever the id, names, notes and source of the base', () => {
    const original = software();
    const copy: WorkspaceScenario = {
      ...original,
      id: 'software-copy',
      name: '软件营收(副本)',
      nameEn: 'Software (copy)',
      notes: 'A copy to compare against',
      base: { year: original.base.year, value: original.base.value },
    };
    expect(keyOf(copy)).toBe(keyOf(original));
  });

  it('do not depend on the order the file lists the fields in', () => {
    const original = software();
    const uncertainty = original.uncertainty;
    if (!uncertainty) throw new Error('no uncertainty');
    const reordered: WorkspaceScenario = {
      ...original,
      uncertainty: {
        seed: uncertainty.seed,
        trials: uncertainty.trials,
        shockMode: uncertainty.shockMode,
        distributions: { growthRatePercent: { sd: 3, mean: 15, kind: 'normal' } },
      },
    };
    expect(keyOf(reordered)).toBe(keyOf(original));
  });

  it('differ when anything the simulation reads differs: the seed, the trials, a distribution, the growth rate', () => {
    const original = software();
    const uncertainty = original.uncertainty;
    if (!uncertainty || original.model !== 'cagr') throw new Error('the starter has changed');
    const keys = [
      keyOf(original),
      keyOf({ ...original, uncertainty: { ...uncertainty, seed: uncertainty.seed + 1 } }),
      keyOf({ ...original, uncertainty: { ...uncertainty, trials: 10_000 } }),
      keyOf({ ...original, uncertainty: { ...uncertainty, distributions: { growthRatePercent: { kind: 'normal', mean: 15, sd: 4 } } } }),
      keyOf({ ...original, params: { growthRatePercent: 14 } }),
      keyOf({ ...original, horizonYear: original.horizonYear + 1 }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has no input for a scenario without uncertainty', () => {
    const { uncertainty: _none, ...certain } = software();
    expect(monteCarloInputOf(certain)).toBeNull();
    expect(monteCarloInputOf(null)).toBeNull();
  });
});
