import { describe, expect, it } from 'vitest';
import { analyzeScenario, simulate } from '../engine';
import { getBundledDataset, requireIndicator, type Dataset } from '../dataset';
import { scenarioChartStateFor } from '../charts/scenario-chart';
import { serializeWorkspace } from './parse';
import { buildStarterWorkspace } from './starter-build';
import { loadStarterWorkspace, STARTER_WORKSPACE_TEXT } from './starter';

const starter = loadStarterWorkspace();
const byId = (id: string) => {
  const scenario = starter.scenarios.find((s) => s.id === id);
  if (!scenario) throw new Error(`no starter scenario ${id}`);
  return scenario;
};

/** The bundled dataset with one observation's value replaced. */
function withValue(id: string, value: number): Dataset {
  const dataset = structuredClone(getBundledDataset());
  const observation = dataset.observations.find((o) => o.id === id);
  if (!observation) throw new Error(`no observation ${id}`);
  observation.value = value;
  return dataset;
}

describe('#14.13.5 the starter workspace is computed from the dataset, not typed in', () => {
  it('#14.13.5 assets/workspace/starter.sdesk is exactly what scripts/gen-starter-workspace.ts writes from the dataset', () => {
    // Out of date? Run `npx tsx scripts/gen-starter-workspace.ts`.
    expect(STARTER_WORKSPACE_TEXT).toBe(serializeWorkspace(buildStarterWorkspace(getBundledDataset())));
  });

  it('#14.13.5 12.89, 1219 and 6346 in names, parameters and notes follow the article figures they come from', () => {
    const diagnosticsCagr = byId('diagnostics-market-cagr');
    // (5500 / 3000)^(1/5) − 1 = 1.83333^(0.2) − 1 = 0.128881… → 12.89 %.
    expect(diagnosticsCagr.model === 'cagr' && diagnosticsCagr.params.growthRatePercent).toBe(12.89);
    expect(diagnosticsCagr.name).toContain('12.89%');
    const linear = byId('high-tech-firms-linear-net-gain');
    // 7565 − 7565 / 1.192 = 7565 − 6346.48 = 1218.52 → 1219 firms a year; 6346 firms in 2022.
    expect(linear.model === 'linear' && linear.params.incrementPerYear).toBe(1219);
    expect(linear.name).toContain('1219');
    expect(linear.notes).toContain('≈ 6346 家');

    // A corrected figure moves every number built on it: 7000 firms in 2023 at +19.2 % is
    // 7000 − 7000 / 1.192 = 7000 − 5872.48 = 1127.52 → 1128 a year, from 5872 in 2022.
    const corrected = buildStarterWorkspace(withValue('cq.enterprises.high-tech@2023-actual', 7000));
    const moved = corrected.scenarios.find((s) => s.id === 'high-tech-firms-linear-net-gain');
    expect(moved?.model === 'linear' && moved.params.incrementPerYear).toBe(1128);
    expect(moved?.name).toContain('1128');
    expect(moved?.notes).toContain('≈ 5872 家');
    // 6000亿元 forecast: (6000 / 3000)^(1/5) − 1 = 2^0.2 − 1 = 0.148698… → 14.87 %.
    const faster = buildStarterWorkspace(withValue('cn.diagnostics.market@2028-projection', 6000));
    const cagr = faster.scenarios.find((s) => s.id === 'diagnostics-market-cagr');
    expect(cagr?.model === 'cagr' && cagr.params.growthRatePercent).toBe(14.87);
  });
});

describe('#14.13.1 the software starter starts from the implied 2023 actual, not the 2024 plan target', () => {
  const software = byId('software-revenue-15pct');

  it('#14.13.1 base 2023 = 4200 / 1.15 ≈ 3652.17亿元, with 4200亿元 in 2024 as its target', () => {
    // 4200 / 1.15 = 3652.1739130…: the 2024 target of the "满天星" action and its 同比增长15%.
    expect(software.base.year).toBe(2023);
    expect(software.base.value).toBeCloseTo(3652.1739, 4);
    expect(software.base.observationId).toBe('cq.software.revenue@2023-implied');
    expect(software.targets.map((t) => [t.year, t.value, t.observationId])).toEqual([[2024, 4200, 'cq.software.revenue@2024-target']]);
  });

  it('#14.13.1 growing 15% from the implied base meets the 2024 target of 4200 exactly', () => {
    const analysis = analyzeScenario(software);
    // 3652.1739… × 1.15 = 4200.
    expect(analysis.targets[0]?.projected).toBeCloseTo(4200, 6);
    expect(analysis.targets[0]?.met).toBe(true);
    const state = scenarioChartStateFor(starter, 'software-revenue-15pct', null, 'zh');
    const projection = state.series.find((s) => s.id === 'projection')?.points ?? [];
    expect(projection[0]?.x).toBe(2023);
    expect(projection[1]).toMatchObject({ x: 2024 });
    expect(projection[1]?.y).toBeCloseTo(4200, 6);
  });
});

describe('#14.13.3 no starter grows a one-off programme total as if it were yearly spending', () => {
  it('#14.13.3 the dataset says the "5+8" 39.8亿元 is a one-off total, and no starter scenario projects a one-off total', () => {
    const dataset = getBundledDataset();
    expect(requireIndicator(dataset, 'cq.projects-5-8.total-investment').measure).toBe('one-off');
    expect(requireIndicator(dataset, 'cq.software.revenue').measure).toBe('flow');
    expect(requireIndicator(dataset, 'cq.enterprises.high-tech').measure).toBe('level');
    for (const scenario of starter.scenarios) expect(requireIndicator(dataset, scenario.indicatorId).measure, scenario.id).not.toBe('one-off');
    expect(starter.scenarios.map((s) => s.id)).not.toContain('projects-5-8-total-investment');
  });
});

describe('#14.13.4 the 2028 forecast of 5500 is a reference, never a target', () => {
  for (const id of ['diagnostics-market-target-path', 'diagnostics-market-cagr']) {
    it(`#14.13.4 ${id}: the forecast is a labelled reference line, with no target, probability or verdict`, () => {
      const scenario = byId(id);
      expect(scenario.targets).toEqual([]);
      expect(scenario.references?.map((r) => [r.year, r.value, r.observationId])).toEqual([[2028, 5500, 'cn.diagnostics.market@2028-projection']]);
      // No verdict: the analysis has no target to meet or miss.
      expect(analyzeScenario(scenario).targets).toEqual([]);
      const zh = scenarioChartStateFor(starter, id, null, 'zh');
      expect(zh.targets).toEqual([]);
      expect(zh.referenceLines).toHaveLength(1);
      expect(zh.referenceLines[0]).toMatchObject({ axis: 'y', value: 5500 });
      expect(zh.referenceLines[0]?.label).toMatch(/^2028年预测 /);
      expect(zh.y.domain[1]).toBeGreaterThanOrEqual(5500);
      expect(scenarioChartStateFor(starter, id, null, 'en').referenceLines[0]?.label).toMatch(/^Forecast 2028: /);
    });
  }

  it('#14.13.4 the simulation computes no probability of reaching the forecast', () => {
    const scenario = byId('diagnostics-market-target-path');
    if (!scenario.uncertainty) throw new Error('the path starter is simulated');
    const result = simulate({ scenario, uncertainty: { ...scenario.uncertainty, trials: 2000 } });
    expect(result.targets).toEqual([]);
  });
});

describe('#14.7 an actual base year has no Monte Carlo spread', () => {
  it('#14.7 the diagnostics path starter puts no distribution on its actual 2023 base of 3000', () => {
    const scenario = byId('diagnostics-market-target-path');
    expect(scenario.base).toMatchObject({ year: 2023, value: 3000, observationId: 'cn.diagnostics.market@2023-actual' });
    expect(scenario.uncertainty?.distributions.baseValue).toBeUndefined();
  });

  it('#14.7 every starter simulation is exactly its base value in the base year (P10 = P90 = the actual)', () => {
    for (const scenario of starter.scenarios) {
      if (!scenario.uncertainty) continue;
      const result = simulate({ scenario, uncertainty: { ...scenario.uncertainty, trials: 2000 } });
      for (const row of result.percentiles) expect(row[0], scenario.id).toBe(scenario.base.value);
    }
  });
});
