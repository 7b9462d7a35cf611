import { describe, expect, it } from 'vitest';
import type { MonteCarloResult } from '../engine';
import { loadStarterWorkspace } from '../workspace/starter';
import type { ImportedIndicator, WorkspaceScenario } from '../workspace';
import { inLang } from '../units';
import { buildScenarioChartState, projectedPath, scenarioChartStateFor, withUnchangedParts, type ScenarioChartInput } from './scenario-chart';
import { figureSourcesOf } from './source-line';

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
  return {
    scenario,
    path: projectedPath(scenario),
    actuals: [],
    monteCarlo: null,
    sources: figureSourcesOf({ indicators: [] }),
    lang: 'zh',
    ...extra,
  };
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
  it('draws the high-tech firms at 19.2% a year with its actual value and the two targets of the article', () => {
    const state = scenarioChartStateFor(loadStarterWorkspace(), 'high-tech-firms-19-2pct', null, 'zh');
    expect(state.title).toBe('高新技术企业:保持2023年增速19.2%(基准)');
    expect(state.subtitle).toBe('高新技术企业数量（单位：家(企业)）');
    // 7565 firms (offset 3778) and the 2025 and 2027 targets (3651, 3712) all sit in the lead feature.
    expect(state.source).toBe(
      '来源：重庆日报 2024年2月27日《以科技创新为引领 布局建设未来产业》（首席记者 张亦筑）；预测：Scenario Desk 情景「高新技术企业:保持2023年增速19.2%(基准)」',
    );
    // The article's 7565 firms in 2023, then the projection on top.
    expect(state.series.map((s) => [s.id, s.role, s.dash])).toEqual([
      ['actual', 'actual', 'solid'],
      ['projection', 'projection', 'dashed'],
    ]);
    const actual = state.series.find((s) => s.id === 'actual');
    expect(actual?.points).toEqual([{ x: 2023, y: 7565 }]);
    expect(actual?.showPoints).toBe(true);
    const projection = state.series.find((s) => s.id === 'projection');
    // 7565 × 1.192² = 7565 × 1.420864 = 10748.83616 firms in 2025.
    expect(projection?.points.find((p) => p.x === 2025)?.y).toBeCloseTo(10748.83616, 6);
    expect(state.targets).toEqual([
      { x: 2025, y: 10000, label: '2025年目标 1万家' },
      { x: 2027, y: 12700, label: '2027年目标 1.27万家' },
    ]);
    expect(state.bands).toEqual([]);
    // 2023–2030 spans seven years: a year tick every two years.
    expect(state.x).toMatchObject({ title: '年份', domain: [2023, 2030], ticks: [2023, 2025, 2027, 2029], tickLabels: ['2023', '2025', '2027', '2029'] });
    // From 7565 to 7565 × 1.192⁷ ≈ 25,867: a fifth of the span is about 3660, so steps of 5000.
    expect(state.y).toMatchObject({ title: '家(企业)', unit: 'firms', domain: [5000, 30000], ticks: [5000, 10000, 15000, 20000, 25000, 30000] });
    expect(state.y.tickLabels).toEqual(['5,000', '1万', '1.5万', '2万', '2.5万', '3万']);
  });

  it('says the same in English, and names every series in both languages', () => {
    const state = scenarioChartStateFor(loadStarterWorkspace(), 'high-tech-firms-19-2pct', null, 'en');
    expect(state.title).toBe('High-tech enterprises: keep 2023 growth of 19.2% (baseline)');
    expect(state.subtitle).toBe('High-tech enterprises (unit: firms)');
    expect(state.targets.map((t) => t.label)).toEqual(['Target 2025: 10,000 firms', 'Target 2027: 12,700 firms']);
    expect(state.x.title).toBe('Year');
    expect(state.y.tickLabels).toEqual(['5k', '10k', '15k', '20k', '25k', '30k']);
    expect(state.series.map((s) => s.name)).toEqual([
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
    // The test indicator is neither the article's nor imported: the line cites no source, only the projection and the simulation.
    expect(state.source).toBe('预测：Scenario Desk 情景「测试情景」；蒙特卡洛模拟 20,000 次，随机种子 7565');
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

  it('draws no projection when the scenario is invalid', () => {
    const invalid = round({ params: { growthRatePercent: -120 } } as Partial<WorkspaceScenario>);
    const state = buildScenarioChartState(inputOf(invalid, { actuals: [{ year: 2020, value: 100 }] }));
    expect(state.series.map((s) => s.role)).toEqual(['actual']);
  });

  it('#14.5 draws no unnamed grey lines of other scenarios, and the value axis fits the scenario’s own path', () => {
    // Tech-based firms, cautious: 58,524 firms in 2023 at 10% a year, 58,524 × 1.1⁷ = 58,524 × 1.9487171 ≈ 114,046.6 in 2030.
    // The same indicator's 36.1% scenario reaches 58,524 × 1.361⁷ ≈ 58,524 × 8.6498 ≈ 506,222, and its S-curve 120,000.
    for (const lang of ['zh', 'en'] as const) {
      const state = scenarioChartStateFor(loadStarterWorkspace(), 'tech-based-firms-cautious-10pct', null, lang);
      // Every line is this scenario's and has a name the reader knows: no "同指标其他情景 2".
      expect(state.series.map((s) => [s.id, inLang(s.name, lang)])).toEqual(
        lang === 'zh'
          ? [
              ['actual', '实际值'],
              ['projection', '情景预测'],
            ]
          : [
              ['actual', 'Actual'],
              ['projection', 'Scenario projection'],
            ],
      );
      expect(state.series.find((s) => s.id === 'projection')?.points.at(-1)?.y).toBeCloseTo(114046.6, 0);
      // The axis holds the path and the 67,000 / 86,000 targets; a line at 506,222 would push it past 500,000.
      expect(state.y.domain[1]).toBeGreaterThanOrEqual(114046.6);
      expect(state.y.domain[1]).toBeLessThan(150000);
    }
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
  const actuals = [
    { year: 2020, value: 100 },
    { year: 2021, value: 104 },
  ];

  it('gives back the previous state itself when nothing changed', () => {
    const input = inputOf(round(), { actuals, monteCarlo: simulated });
    const previous = buildScenarioChartState(input);
    const next = buildScenarioChartState(input);
    expect(next).not.toBe(previous);
    expect(withUnchangedParts(previous, next)).toBe(previous);
  });

  it('replaces the projection when one of its points moves and keeps the other lines, the band and the axes', () => {
    const previous = buildScenarioChartState(inputOf(round(), { actuals, monteCarlo: simulated }));
    // 10% → 10.1%: the path moves from 2021 on, the ticks (80…160) stay.
    const next = buildScenarioChartState(
      inputOf(round({ params: { growthRatePercent: 10.1 } } as Partial<WorkspaceScenario>), { actuals, monteCarlo: simulated }),
    );
    const merged = withUnchangedParts(previous, next);
    expect(merged).not.toBe(previous);
    const byId = (state: typeof merged, id: string) => state.series.find((s) => s.id === id);
    expect(byId(merged, 'projection')).toBe(byId(next, 'projection'));
    expect(byId(merged, 'projection')).not.toBe(byId(previous, 'projection'));
    expect(byId(merged, 'actual')).toBe(byId(previous, 'actual'));
    expect(byId(merged, 'median')).toBe(byId(previous, 'median'));
    expect(merged.bands).toBe(previous.bands);
    expect(merged.x).toBe(previous.x);
    expect(merged.y).toBe(previous.y);
    // 100 × 1.101 = 110.1 in 2021: the merged state shows the new numbers.
    expect(byId(merged, 'projection')?.points[1]?.y).toBeCloseTo(110.1, 9);
  });

  it('replaces a line when only one of its points changes', () => {
    const previous = buildScenarioChartState(inputOf(round(), { actuals }));
    const moved = [actuals[0]!, { year: 2021, value: 105 }];
    const merged = withUnchangedParts(previous, buildScenarioChartState(inputOf(round(), { actuals: moved })));
    expect(merged.series[0]).not.toBe(previous.series[0]);
    expect(merged.series[0]?.points.at(-1)).toEqual({ x: 2021, y: 105 });
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

describe('the source line names the sources of the figures the chart shows', () => {
  /** The first indicator of tests/fixtures/import/good.csv, as the import stores it. */
  const imported: ImportedIndicator = {
    id: 'district.software.revenue',
    name: { zh: '区软件业务收入', en: 'District software revenue' },
    unit: 'cny-100m',
    sourceNote: '区统计局, 2023年公报',
    observations: [
      { year: 2022, value: 1234.5, kind: 'actual' },
      { year: 2023, value: 1400, kind: 'actual' },
      { year: 2025, value: 1800, kind: 'target' },
    ],
  };
  const own = round({
    id: 'own',
    name: '区软件业务收入：每年增长10%',
    nameEn: 'District software revenue: 10% a year',
    indicatorId: imported.id,
    indicatorName: imported.name,
    unit: 'cny-100m',
    base: { year: 2023, value: 1400 },
    horizonYear: 2030,
    targets: [{ year: 2025, value: 1800 }],
  });

  it('#14.6 charts of imported data cite the imported source, not the newspaper', () => {
    const workspace = { ...loadStarterWorkspace(), indicators: [imported], scenarios: [own] };
    const zh = scenarioChartStateFor(workspace, 'own', null, 'zh').source;
    expect(zh).toBe('来源：区统计局, 2023年公报；预测：Scenario Desk 情景「区软件业务收入：每年增长10%」');
    expect(zh).not.toContain('重庆日报');
    const en = scenarioChartStateFor(workspace, 'own', null, 'en').source;
    expect(en).toBe('Source: 区统计局, 2023年公报; projection: Scenario Desk scenario “District software revenue: 10% a year”');
    expect(en).not.toContain('Chongqing Daily');
  });

  it('#14.6 imported data without a note is cited as the user’s own data, by its name', () => {
    const workspace = { ...loadStarterWorkspace(), indicators: [{ ...imported, sourceNote: '  ' }], scenarios: [own] };
    expect(scenarioChartStateFor(workspace, 'own', null, 'zh').source).toBe(
      '来源：用户导入数据「区软件业务收入」；预测：Scenario Desk 情景「区软件业务收入：每年增长10%」',
    );
    expect(scenarioChartStateFor(workspace, 'own', null, 'en').source).toMatch(/^Source: imported data “District software revenue”; /);
  });

  it('#14.13 a scenario on the software revenue cites 夏元’s 本报讯 brief, not the lead feature', () => {
    // 4200亿元 sits at offset 1454, inside the brief (本报讯 begins at 1319).
    const software = round({
      id: 'software',
      name: '软件营收 15%',
      indicatorId: 'cq.software.revenue',
      indicatorName: { zh: '软件和信息服务业营收', en: 'Software and IT services revenue' },
      unit: 'cny-100m',
      base: { year: 2024, value: 4200, observationId: 'cq.software.revenue@2024-target' },
      params: { growthRatePercent: 15 },
      horizonYear: 2030,
    });
    const workspace = { ...loadStarterWorkspace(), scenarios: [software] };
    expect(scenarioChartStateFor(workspace, 'software', null, 'zh').source).toBe(
      '来源：重庆日报 2024年2月27日《今年重庆软件产业力争实现营收4200亿元》（记者 夏元）；预测：Scenario Desk 情景「软件营收 15%」',
    );
    expect(scenarioChartStateFor(workspace, 'software', null, 'en').source).toBe(
      'Source: Chongqing Daily, 27 Feb 2024, “Chongqing’s software industry aims for 420 billion yuan of revenue this year” (reporter Xia Yuan); projection: Scenario Desk scenario “Test scenario”',
    );
  });

  it('#14.13 a scenario on 涪陵’s new-materials output cites the district piece by 左黎韵 and 彭瑜', () => {
    // 1203.7亿元 sits at offset 5280, inside 招大引强 各区县出硬招 (from 4885).
    const fuling = round({
      id: 'fuling',
      name: '涪陵新材料',
      indicatorId: 'fuling.new-materials-output',
      indicatorName: { zh: '涪陵区新材料产业规上工业产值', en: 'Fuling new-materials output' },
      unit: 'cny-100m',
      base: { year: 2023, value: 1203.7, observationId: 'fuling.new-materials-output@2023-actual' },
      horizonYear: 2030,
    });
    const workspace = { ...loadStarterWorkspace(), scenarios: [fuling] };
    const zh = scenarioChartStateFor(workspace, 'fuling', null, 'zh').source;
    expect(zh).toBe('来源：重庆日报 2024年2月27日《招大引强 各区县出硬招》（记者 左黎韵 彭瑜）；预测：Scenario Desk 情景「涪陵新材料」');
    expect(scenarioChartStateFor(workspace, 'fuling', null, 'en').source).toContain('(reporters Zuo Liyun and Peng Yu)');
  });
});
