import { describe, expect, it } from 'vitest';
import type { MonteCarloResult } from '../engine';
import { loadStarterWorkspace } from '../workspace/starter';
import type { WorkspaceScenario } from '../workspace';
import { buildScenarioChartState, projectedPath, scenarioChartStateFor, withUnchangedParts, type ScenarioChartInput } from './scenario-chart';

/** A small CAGR scenario with round numbers: 100 in 2020, 10% a year to 2023. */
function round(overrides: Partial<WorkspaceScenario> = {}): WorkspaceScenario {
  return {
    id: 'round',
    name: '测试情景',
    nameEn: 'Test scenario',
    indicatorId: 'test.indicator',
    indicatorName: { zh: '测试指标', en: 'Test indicator' },
    unit: 'firms',
    base: { year: 2020, value: 100 },
    model: 'cagr',
    params: { growthRatePercent: 10 },
    horizonYear: 2023,
    targets: [],
    notes: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    modifiedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  } as WorkspaceScenario;
}

function inputOf(scenario: WorkspaceScenario, extra: Partial<ScenarioChartInput> = {}): ScenarioChartInput {
  return { scenario, path: projectedPath(scenario), actuals: [], monteCarlo: null, others: [], lang: 'zh', ...extra };
}

/** A simulation of 2020–2022 with hand-picked percentiles (P10 < P25 < P50 < P75 < P90). */
const simulated: MonteCarloResult = {
  status: 'completed',
  startYear: 2020,
  yearCount: 3,
  trials: 20000,
  seed: 7565,
  percentileLevels: [10, 25, 50, 75, 90],
  percentiles: [
    new Float64Array([100, 95, 90]),
    new Float64Array([100, 102, 104]),
    new Float64Array([100, 110, 121]),
    new Float64Array([100, 118, 138]),
    new Float64Array([100, 125, 152]),
  ],
  mean: new Float64Array([100, 110, 121]),
  standardDeviation: new Float64Array([0, 10, 20]),
  targets: [],
};

describe('the scenario chart as state', () => {
  it('draws the high-tech firms at 19.2% a year with its actual value, the other scenario and the two targets of the article', () => {
    const state = scenarioChartStateFor(loadStarterWorkspace(), 'high-tech-firms-19-2pct', null, 'zh');
    expect(state.title).toBe('高新技术企业:保持2023年增速19.2%(基准)');
    expect(state.subtitle).toBe('高新技术企业数量（单位：家(企业)）');
    expect(state.source).toBe('来源：重庆日报 2024年2月；预测：Scenario Desk 情景「高新技术企业:保持2023年增速19.2%(基准)」');
    // The linear scenario of the same indicator behind, then the article's 7565 firms in 2023, then the projection on top.
    expect(state.series.map((s) => [s.id, s.role, s.dash])).toEqual([
      ['scenario:high-tech-firms-linear-net-gain', 'reference', 'solid'],
      ['actual', 'actual', 'solid'],
      ['projection', 'projection', 'dashed'],
    ]);
    const actual = state.series.find((s) => s.id === 'actual');
    expect(actual?.points).toEqual([{ x: 2023, y: 7565 }]);
    expect(actual?.showPoints).toBe(true);
    const projection = state.series.find((s) => s.id === 'projection');
    // 7565 × 1.192² = 7565 × 1.420864 = 10748.83616 firms in 2025.
    expect(projection?.points.find((p) => p.x === 2025)?.y).toBeCloseTo(10748.83616, 6);
    // +1219 firms a year: 7565 + 7 × 1219 = 16098 in 2030.
    expect(state.series[0]?.points.at(-1)).toEqual({ x: 2030, y: 16098 });
    expect(state.targets).toEqual([
      { x: 2025, y: 10000, label: '2025年目标 1万家' },
      { x: 2027, y: 12700, label: '2027年目标 1.27万家' },
    ]);
    expect(state.bands).toEqual([]);
    // 2023–2030 spans seven years: a year tick every two years.
    expect(state.x).toMatchObject({ title: '年份', domain: [2023, 2030], ticks: [2023, 2025, 2027, 2029], tickLabels: ['2023', '2025', '2027', '2029'] });
    // From 7565 to 7565 × 1.192⁷ ≈ 25,867: a fifth of the span is about 3660, so steps of 5000.
    expect(state.y).toMatchObject({ title: '家(企业)', unit: 'firms', domain: [5000, 30000], ticks: [5000, 10000, 15000, 20000, 25000, 30000] });
    expect(state.y.tickLabels).toEqual(['5000', '1万', '1.5万', '2万', '2.5万', '3万']);
  });

  it('says the same in English, and names every series in both languages', () => {
    const state = scenarioChartStateFor(loadStarterWorkspace(), 'high-tech-firms-19-2pct', null, 'en');
    expect(state.title).toBe('High-tech enterprises: keep 2023 growth of 19.2% (baseline)');
    expect(state.subtitle).toBe('High-tech enterprises (unit: firms)');
    expect(state.targets.map((t) => t.label)).toEqual(['Target 2025: 10 thousand firms', 'Target 2027: 12.7 thousand firms']);
    expect(state.x.title).toBe('Year');
    expect(state.y.tickLabels).toEqual(['5k', '10k', '15k', '20k', '25k', '30k']);
    expect(state.series.map((s) => s.name)).toEqual([
      { zh: '同指标其他情景', en: 'Other scenarios of this indicator' },
      { zh: '实际值', en: 'Actual' },
      { zh: '情景预测', en: 'Scenario projection' },
    ]);
  });

  it('adds the fan band, P10–P90 light and P25–P75 darker, the dotted median, and the trials and seed to the source line', () => {
    const state = buildScenarioChartState(inputOf(round(), { monteCarlo: simulated }));
    expect(state.bands.map((b) => [b.name.zh, b.opacity])).toEqual([
      ['P10–P90 区间', 0.14],
      ['P25–P75 区间', 0.3],
    ]);
    expect(state.bands[0]?.points).toEqual([
      { x: 2020, low: 100, high: 100 },
      { x: 2021, low: 95, high: 125 },
      { x: 2022, low: 90, high: 152 },
    ]);
    const median = state.series.find((s) => s.role === 'median');
    expect(median?.dash).toBe('dotted');
    expect(median?.points).toEqual([
      { x: 2020, y: 100 },
      { x: 2021, y: 110 },
      { x: 2022, y: 121 },
    ]);
    expect(state.source).toBe('来源：重庆日报 2024年2月；预测：Scenario Desk 情景「测试情景」；蒙特卡洛模拟 20,000 次，随机种子 7565');
    // The band's lowest value (90) sets the bottom of the axis: 90…152 in steps of 20.
    expect(state.y.domain).toEqual([80, 160]);
  });

  it('spans every target year, also one beyond the horizon, and keeps the target on the value axis', () => {
    // 100 × 1.1³ = 133.1 in 2023; the target of 400 in 2026 lies beyond both.
    const scenario = round({ horizonYear: 2023, targets: [{ year: 2026, value: 400 }] });
    const state = buildScenarioChartState(inputOf(scenario));
    expect(state.x.domain).toEqual([2020, 2026]);
    expect(state.series.find((s) => s.id === 'projection')?.points.map((p) => p.x)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    // 100…400: a fifth of the span is 60, so steps of 100.
    expect(state.y.ticks).toEqual([100, 200, 300, 400]);
  });

  it('draws only one legend entry for the other scenarios, and no projection when the scenario is invalid', () => {
    const others = [
      { id: 'a', startYear: 2020, values: new Float64Array([100, 105]) },
      { id: 'b', startYear: 2020, values: new Float64Array([100, 95]) },
    ];
    const invalid = round({ params: { growthRatePercent: -120 } } as Partial<WorkspaceScenario>);
    const state = buildScenarioChartState(inputOf(invalid, { others }));
    expect(state.series.map((s) => [s.name.zh, s.inLegend ?? true])).toEqual([
      ['同指标其他情景', true],
      ['同指标其他情景 2', false],
    ]);
    expect(state.series.some((s) => s.role === 'projection')).toBe(false);
  });

  it('labels the value axis of a user’s own unit with plain numbers and names the unit as written', () => {
    const state = buildScenarioChartState(inputOf(round({ unit: '台' })));
    expect(state.y.title).toBe('台');
    expect(state.y.unit).toBeUndefined();
    // 100…133.1: a fifth of the span is 6.62, so steps of 10.
    expect(state.y.tickLabels).toEqual(['100', '110', '120', '130', '140']);
  });
});

describe('keeping the unchanged parts of the chart while a slider moves', () => {
  const others = [{ id: 'other', startYear: 2020, values: new Float64Array([100, 104, 108, 112]) }];

  it('gives back the previous state itself when nothing changed', () => {
    const input = inputOf(round(), { others, monteCarlo: simulated });
    const previous = buildScenarioChartState(input);
    const next = buildScenarioChartState(input);
    expect(next).not.toBe(previous);
    expect(withUnchangedParts(previous, next)).toBe(previous);
  });

  it('replaces the projection when one of its points moves and keeps the other lines, the band and the axes', () => {
    const previous = buildScenarioChartState(inputOf(round(), { others, monteCarlo: simulated }));
    // 10% → 10.1%: the path moves from 2021 on, the ticks (80…160) stay.
    const next = buildScenarioChartState(
      inputOf(round({ params: { growthRatePercent: 10.1 } } as Partial<WorkspaceScenario>), { others, monteCarlo: simulated }),
    );
    const merged = withUnchangedParts(previous, next);
    expect(merged).not.toBe(previous);
    const byId = (state: typeof merged, id: string) => state.series.find((s) => s.id === id);
    expect(byId(merged, 'projection')).toBe(byId(next, 'projection'));
    expect(byId(merged, 'projection')).not.toBe(byId(previous, 'projection'));
    expect(byId(merged, 'scenario:other')).toBe(byId(previous, 'scenario:other'));
    expect(byId(merged, 'median')).toBe(byId(previous, 'median'));
    expect(merged.bands).toBe(previous.bands);
    expect(merged.x).toBe(previous.x);
    expect(merged.y).toBe(previous.y);
    // 100 × 1.101 = 110.1 in 2021: the merged state shows the new numbers.
    expect(byId(merged, 'projection')?.points[1]?.y).toBeCloseTo(110.1, 9);
  });

  it('replaces a line when only one of its points changes', () => {
    const previous = buildScenarioChartState(inputOf(round(), { others }));
    const moved = [{ id: 'other', startYear: 2020, values: new Float64Array([100, 104, 108, 113]) }];
    const merged = withUnchangedParts(previous, buildScenarioChartState(inputOf(round(), { others: moved })));
    expect(merged.series[0]).not.toBe(previous.series[0]);
    expect(merged.series[0]?.points.at(-1)).toEqual({ x: 2023, y: 113 });
    expect(merged.series.find((s) => s.id === 'projection')).toBe(previous.series.find((s) => s.id === 'projection'));
  });

  it('takes the next state as it is when there is no previous one', () => {
    const next = buildScenarioChartState(inputOf(round()));
    expect(withUnchangedParts(null, next)).toBe(next);
  });
});

describe('the chart from a workspace alone', () => {
  it('refuses a scenario the workspace does not have', () => {
    expect(() => scenarioChartStateFor(loadStarterWorkspace(), 'no-such-scenario', null, 'zh')).toThrow(/no-such-scenario/);
  });

  it('draws the starter software scenario from its implied 2023 base of 4200 / 1.15亿元', () => {
    const state = scenarioChartStateFor(loadStarterWorkspace(), 'software-revenue-15pct', null, 'zh');
    // 4200 / 1.15 = 3652.1739… in 2023, × 1.15 = 4200 in 2024, × 1.15 = 4830 in 2025.
    const points = state.series.find((s) => s.id === 'projection')?.points.slice(0, 3) ?? [];
    expect(points.map((p) => p.x)).toEqual([2023, 2024, 2025]);
    expect(points[0]?.y).toBeCloseTo(3652.1739, 4);
    expect(points[1]?.y).toBeCloseTo(4200, 9);
    expect(points[2]?.y).toBeCloseTo(4830, 9);
    expect(state.targets.map((t) => [t.x, t.y])).toEqual([[2024, 4200]]);
  });
});
