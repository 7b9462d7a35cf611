import { describe, expect, it } from 'vitest';
import { getBundledDataset } from '../../../shared/dataset';
import type { WorkspaceScenario } from '../../../shared/workspace';
import { loadStarterWorkspace } from '../../../shared/workspace/starter';
import { buildTargetRows, classifyTarget, knownTargets, sortRows, type TargetRow } from './target-rows';

const workspace = loadStarterWorkspace();
const rows = buildTargetRows(workspace, knownTargets(getBundledDataset(), workspace));

function row(scenarioId: string, year: number): TargetRow {
  const found = rows.find((candidate) => candidate.scenario.id === scenarioId && candidate.year === year);
  if (!found) throw new Error(`no row ${scenarioId} ${year}`);
  return found;
}

describe('target rows', () => {
  it('give the 2027 high-tech target (12,700 firms) its required growth and the 19.2% scenario its projection', () => {
    const target2027 = row('high-tech-firms-19-2pct', 2027);
    expect(target2027.value).toBe(12700);
    const required = target2027.analysis?.requiredGrowth;
    // (12700 / 7565)^(1/4) − 1 = 0.13828…
    expect(required?.status === 'reachable' ? required.impliedCagrPercent : NaN).toBeCloseTo(13.828, 2);
    expect(target2027.assumedGrowthPercent).toBe(19.2);
    // 7565 × 1.192² = 7565 × 1.420864 = 10748.83616
    expect(row('high-tech-firms-19-2pct', 2025).analysis?.projected).toBeCloseTo(10748.83616, 6);
    expect(classifyTarget(row('high-tech-firms-19-2pct', 2025), null)).toBe('onTrack');
  });

  it('do not count the figure a scenario starts from as its target', () => {
    // A software scenario started at the 2024 revenue target of 4200亿元 (as one made from that figure would be) has no other target.
    const software = workspace.scenarios.find((candidate) => candidate.id === 'software-revenue-15pct');
    if (!software) throw new Error('no software starter');
    const fromTarget = { ...software, base: { year: 2024, value: 4200, observationId: 'cq.software.revenue@2024-target' }, targets: [] };
    const own = { ...workspace, scenarios: [fromTarget] };
    expect(buildTargetRows(own, knownTargets(getBundledDataset(), own))).toEqual([]);
    // The starter itself starts from the implied 2023 revenue, and the 2024 target is its one target.
    expect(rows.filter((candidate) => candidate.scenario.id === 'software-revenue-15pct').map((r) => [r.year, r.value])).toEqual([[2024, 4200]]);
    // The scenario targets and the dataset's two high-tech targets are the same, so each appears once.
    expect(rows.filter((candidate) => candidate.scenario.id === 'high-tech-firms-linear-net-gain').map((r) => r.year)).toEqual([2025, 2027]);
  });

  it('#14.13.4 list no row for the 2028 diagnostics forecast of 5500: a forecast gets no verdict', () => {
    expect(rows.filter((candidate) => candidate.scenario.indicatorId === 'cn.diagnostics.market')).toEqual([]);
    expect(rows.some((candidate) => candidate.year === 2028 && candidate.value === 5500)).toBe(false);
  });

  it('classify a missed target by how far off it is, and a logistic ceiling below the target as unreachable', () => {
    // Linear +1219 a year: 7565 + 4 × 1219 = 12441 in 2027, 2.04% short of 12700 → at risk.
    expect(row('high-tech-firms-linear-net-gain', 2027).analysis?.projected).toBe(12441);
    expect(classifyTarget(row('high-tech-firms-linear-net-gain', 2027), null)).toBe('atRisk');
    // Cautious 10%: 58524 × 1.1⁴ = 85685.0… vs 86000 (−0.37%) → at risk; 2025: 58524 × 1.21 = 70814 ≥ 67000 → on track.
    expect(classifyTarget(row('tech-based-firms-cautious-10pct', 2027), null)).toBe('atRisk');
    expect(classifyTarget(row('tech-based-firms-cautious-10pct', 2025), null)).toBe('onTrack');
    // A met target with a low Monte Carlo probability is at risk.
    expect(classifyTarget(row('tech-based-firms-cautious-10pct', 2025), 0.3)).toBe('atRisk');
    const unreachable = row('tech-based-firms-logistic', 2027);
    const ceilingBelow = buildTargetRows(
      { ...workspace, scenarios: [{ ...unreachable.scenario, model: 'logistic', params: { growthRatePercent: 36.1, ceiling: 80000 } }] },
      [],
    );
    const analysis = ceilingBelow.find((r) => r.year === 2027)?.analysis;
    expect(analysis?.requiredGrowth.status).toBe('unreachable');
    expect(classifyTarget(ceilingBelow.find((r) => r.year === 2027) as TargetRow, null)).toBe('unreachable');
  });

  it('sort by required growth with rows lacking a number last in both directions', () => {
    const sample = [row('high-tech-firms-19-2pct', 2025), row('high-tech-firms-19-2pct', 2027)];
    // 2025: (10000/7565)^(1/2) − 1 = 14.97%; 2027: 13.83%
    expect(sortRows(sample, 'requiredGrowth', 'ascending', new Map(), 'zh').map((r) => r.year)).toEqual([2027, 2025]);
    expect(sortRows(sample, 'requiredGrowth', 'descending', new Map(), 'zh').map((r) => r.year)).toEqual([2025, 2027]);
    const probabilities = new Map<string, number | null>([[sample[1]?.key ?? '', 0.9]]);
    expect(sortRows(sample, 'probability', 'ascending', probabilities, 'zh').map((r) => r.year)).toEqual([2027, 2025]);
    expect(sortRows(sample, 'probability', 'descending', probabilities, 'zh').map((r) => r.year)).toEqual([2027, 2025]);
  });

  it('#14.9 judge a missed decline target by how far it falls short in its own direction, as the engine verdict does', () => {
    const template = row('high-tech-firms-19-2pct', 2025).scenario;
    const decline: WorkspaceScenario = { ...template, id: 'decline', model: 'cagr', params: { growthRatePercent: -10 }, base: { year: 2023, value: 100 } };
    const declineRows = buildTargetRows({ ...workspace, scenarios: [{ ...decline, targets: [{ year: 2025, value: 70 }] }] }, []);
    const target = declineRows[0] as TargetRow;
    // 100 × 0.9² = 81 in 2025 against a fall to 70: (81 − 70) / 70 = 15.7 % short → off track, not "at risk".
    expect(target.analysis?.projected).toBeCloseTo(81, 9);
    expect(classifyTarget(target, null)).toBe('offTrack');
  });
});
