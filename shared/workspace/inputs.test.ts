import { describe, expect, it } from 'vitest';
import { loadStarterWorkspace } from './starter';
import { readInput, withInput } from './inputs';
import type { WorkspaceScenario } from './schema';

function starter(id: string): WorkspaceScenario {
  const scenario = loadStarterWorkspace().scenarios.find((s) => s.id === id);
  if (!scenario) throw new Error(`starter has no ${id}`);
  return scenario;
}

describe('withInput: the one setter of a scenario input (#14.3)', () => {
  it('#14.3 setting the high-tech rate to 12% moves its Monte Carlo distribution from normal(19.2, 4) to normal(12, 4)', () => {
    const edited = withInput(starter('high-tech-firms-19-2pct'), { kind: 'growthRatePercent' }, 12);
    expect(readInput(edited, { kind: 'growthRatePercent' })).toBe(12);
    // The spread (sd 4) is kept; the mean follows the rate exactly (not 12.000000000000002).
    expect(edited.uncertainty?.distributions.growthRatePercent).toEqual({ kind: 'normal', mean: 12, sd: 4 });
  });

  it('#14.3 keeps the offsets of every location: PERT(4, 10, 20) around 10% becomes PERT(6, 12, 22) at 12%', () => {
    const edited = withInput(starter('tech-based-firms-cautious-10pct'), { kind: 'growthRatePercent' }, 12);
    // 4 − 10 = −6, 20 − 10 = +10 points around the rate: 12 − 6 = 6, 12 + 10 = 22.
    expect(edited.uncertainty?.distributions.growthRatePercent).toEqual({ kind: 'pert', min: 6, mode: 12, max: 22 });
  });

  it('#14.3 moves the distribution of the base and of a linear increment with their inputs', () => {
    // A base the analyst estimated (not the article's actual, which may carry no spread: #14.7), with triangular(2800, 3000, 3200) around it.
    const diagnostics = starter('diagnostics-market-target-path');
    const estimated: WorkspaceScenario = {
      ...diagnostics,
      base: { year: diagnostics.base.year, value: 3000 },
      uncertainty: { distributions: { baseValue: { kind: 'triangular', min: 2800, mode: 3000, max: 3200 } }, shockMode: 'perTrial', trials: 1000, seed: 1 },
    };
    const path = withInput(estimated, { kind: 'baseValue' }, 3100);
    // Moved by +100.
    expect(path.uncertainty?.distributions.baseValue).toEqual({ kind: 'triangular', min: 2900, mode: 3100, max: 3300 });
    const linear = withInput(starter('high-tech-firms-linear-net-gain'), { kind: 'incrementPerYear' }, 1000);
    // Uniform(900, 1600) around 1219, moved by 1000 − 1219 = −219: 681 and 1381.
    expect(linear.uncertainty?.distributions.incrementPerYear).toEqual({ kind: 'uniform', min: 681, max: 1381 });
  });

  it('#14.3 leaves a rate path’s shift distribution alone (it is centred on the path by definition) and targets without one', () => {
    const ratePath: WorkspaceScenario = {
      ...starter('software-revenue-15pct'),
      model: 'ratePath',
      params: { ratesPercent: [15, 12] },
      uncertainty: { distributions: { rateShiftPercent: { kind: 'normal', mean: 0, sd: 3 } }, shockMode: 'perYear', trials: 1000, seed: 1 },
    };
    const edited = withInput(ratePath, { kind: 'ratePercent', index: 1 }, 10);
    expect(edited.model === 'ratePath' ? edited.params.ratesPercent : null).toEqual([15, 10]);
    expect(edited.uncertainty).toBe(ratePath.uncertainty);
    const target = withInput(starter('high-tech-firms-19-2pct'), { kind: 'targetValue', index: 1 }, 13000);
    expect(target.targets[1]?.value).toBe(13000);
    expect(target.uncertainty).toEqual(starter('high-tech-firms-19-2pct').uncertainty);
  });

  it('returns the same scenario when the value is already there or the model has no such input', () => {
    const highTech = starter('high-tech-firms-19-2pct');
    expect(withInput(highTech, { kind: 'growthRatePercent' }, 19.2)).toBe(highTech);
    expect(withInput(highTech, { kind: 'ceiling' }, 20000)).toBe(highTech);
    expect(withInput(highTech, { kind: 'targetValue', index: 5 }, 1)).toBe(highTech);
  });
});
