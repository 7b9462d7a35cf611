import { describe, expect, it } from 'vitest';
import { loadStarterWorkspace } from '../../../shared/workspace/starter';
import { differenceToBaseline, groupScenarios, projectGroup } from './compare-series';

const workspace = loadStarterWorkspace();
const byId = (id: string) => {
  const scenario = workspace.scenarios.find((candidate) => candidate.id === id);
  if (!scenario) throw new Error(id);
  return scenario;
};

describe('compare series', () => {
  it('overlay scenarios of one indicator and unit, and split different indicators into separate groups', () => {
    const groups = groupScenarios([byId('high-tech-firms-19-2pct'), byId('software-revenue-15pct'), byId('high-tech-firms-linear-net-gain')]);
    expect(groups.map((group) => group.scenarios.map((s) => s.id))).toEqual([['high-tech-firms-19-2pct', 'high-tech-firms-linear-net-gain'], ['software-revenue-15pct']]);
  });

  it('put paths with different base years on one year axis', () => {
    const { years, series } = projectGroup([byId('software-revenue-15pct'), byId('projects-5-8-total-investment')]);
    // Earliest base 2023 (projects) to horizon 2030.
    expect(years[0]).toBe(2023);
    expect(years.at(-1)).toBe(2030);
    expect(series[0]?.values[0]).toBeNull();
    expect(series[0]?.values[1]).toBe(4200);
  });

  it('give the difference of the net-gain scenario to the 19.2% baseline in 2025', () => {
    const { years, series } = projectGroup([byId('high-tech-firms-19-2pct'), byId('high-tech-firms-linear-net-gain')]);
    const differences = differenceToBaseline(series[0]?.values ?? [], series[1]?.values ?? []);
    const at2025 = differences[years.indexOf(2025)];
    // 7565 + 2 × 1219 = 10003 against 7565 × 1.192² = 10748.83616: −745.83616, or −6.9388% of the baseline.
    expect(at2025?.absolute).toBeCloseTo(-745.83616, 6);
    expect(at2025?.percent).toBeCloseTo(-6.9388, 3);
  });
});
