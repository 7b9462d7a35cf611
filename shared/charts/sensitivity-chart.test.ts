import { describe, expect, it } from 'vitest';
import { defaultSensitivityRanges, linspace, tornadoSensitivity, twoWayTable, type OutputMetric, type ParameterKey } from '../engine';
import { formatFixed, formatValue } from '../units';
import type { WorkspaceScenario } from '../workspace';
import { loadStarterWorkspace } from '../workspace/starter';
import { heatmapState, outcomeUnit, tornadoState, type SensitivityFormat } from './sensitivity-chart';
import { figureSourcesOf } from './source-line';

const scenarios = loadStarterWorkspace().scenarios;
const sources = figureSourcesOf({ indicators: [] });
const byId = (id: string): WorkspaceScenario => {
  const scenario = scenarios.find((candidate) => candidate.id === id);
  if (!scenario) throw new Error(id);
  return scenario;
};
// The software scenario from a round base, its 2024 target of 4200亿元, so the arithmetic below stays in whole numbers.
const software: WorkspaceScenario = {
  ...byId('software-revenue-15pct'),
  base: { year: 2024, value: 4200, observationId: 'cq.software.revenue@2024-target' },
  targets: [],
};
const highTech = byId('high-tech-firms-19-2pct');

const names: Record<ParameterKey, string> = {
  baseValue: '基期值',
  growthRatePercent: '增长率',
  rateShiftPercent: '增长率整体调整',
  incrementPerYear: '每年增量',
  ceiling: '上限',
  targetValue: '目标值',
};
/** Prints as the view does: values by the display rule of their unit (#14 item 8), rates in percent with one decimal. */
function formatIn(unit: 'cny-100m' | 'firms', metric: OutputMetric): SensitivityFormat {
  return {
    outcome: (value) => (metric.kind === 'valueAtYear' ? formatValue(value, unit, 'zh') : `${formatFixed(value, 1)}%`),
    parameter: (key, value) => (key === 'growthRatePercent' ? `${formatFixed(value, 1)}%` : formatValue(value, unit, 'zh')),
    parameterName: (key) => names[key],
  };
}
const value2027: OutputMetric = { kind: 'valueAtYear', year: 2027 };
const tornadoText = { title: '龙卷风图:2027年的值', subtitle: 'S', xTitle: '2027年的值', baseLabel: '基准 6387.7亿元', lowName: '低值', highName: '高值' };

describe('tornado state', () => {
  const result = tornadoSensitivity(software, defaultSensitivityRanges(software), value2027);
  const state = tornadoState({
    id: 'sensitivity-tornado',
    lang: 'zh',
    scenario: software,
    result,
    format: formatIn('cny-100m', value2027),
    text: tornadoText,
    sources,
  });

  it('puts the growth rate on top: its swing 4200 × (1.2³ − 1.1³) = 1667.4 is wider than the base value’s 840 × 1.15³ = 1277.5', () => {
    expect(state.bars.map((bar) => bar.id)).toEqual(['growthRatePercent', 'baseValue']);
    expect(state.bars.map((bar) => bar.label)).toEqual(['增长率', '基期值']);
  });

  it('prints the outcomes at the bar ends and the parameter values behind them', () => {
    // Growth 10% and 20% (±5 points): 4200 × 1.1³ = 5590.2 and 4200 × 1.2³ = 7257.6亿元, shown with 4 figures.
    expect(state.bars[0]).toMatchObject({ lowLabel: '10.0%', highLabel: '20.0%', lowOutcomeLabel: '5,590亿元', highOutcomeLabel: '7,258亿元' });
    expect(state.bars[0]?.low).toBeCloseTo(5590.2, 6);
    expect(state.bars[0]?.high).toBeCloseTo(7257.6, 6);
    // Base ±10%: 3780 and 4620亿元 grown by 1.15³ = 1.520875: 5748.9 and 7026.4亿元, shown with 4 figures.
    expect(state.bars[1]).toMatchObject({ lowLabel: '3,780亿元', highLabel: '4,620亿元', lowOutcomeLabel: '5,749亿元', highOutcomeLabel: '7,026亿元' });
  });

  it('centres on the base outcome 4200 × 1.15³ = 6387.675亿元', () => {
    expect(state.base).toBeCloseTo(6387.675, 6);
    expect(state.baseLabel).toBe('基准 6387.7亿元');
    expect(state).toMatchObject({ lowName: '低值', highName: '高值' });
  });

  it('leaves 55% of the 1667.4 span either side for the printed values, with round ticks in 亿元', () => {
    // 5590.2 − 0.55 × 1667.4 = 4673.13; 7257.6 + 917.07 = 8174.67.
    expect(state.x.domain[0]).toBeCloseTo(4673.13, 6);
    expect(state.x.domain[1]).toBeCloseTo(8174.67, 6);
    // A fifth of 5590.2…7257.6 is 333.5: steps of 500.
    expect(state.x.ticks).toEqual([5500, 6000, 6500, 7000, 7500]);
    expect(state.x.tickLabels).toEqual(['5,500', '6,000', '6,500', '7,000', '7,500']);
    expect(state.x).toMatchObject({ title: '2027年的值', unit: 'cny-100m' });
  });

  it('#14.13 carries its frame text and cites the scenario and the piece its 4200亿元 comes from (the 本报讯 brief by 夏元)', () => {
    expect(state).toMatchObject({ kind: 'tornado', id: 'sensitivity-tornado', lang: 'zh', title: '龙卷风图:2027年的值', subtitle: 'S' });
    expect(state.source).toBe(
      '来源：重庆日报 2024年2月27日《今年重庆软件产业力争实现营收4200亿元》（记者 夏元）；预测：Scenario Desk 情景「软件和信息服务业营收:每年增长15%」',
    );
    const en = tornadoState({
      id: 'sensitivity-tornado',
      lang: 'en',
      scenario: software,
      result,
      format: formatIn('cny-100m', value2027),
      text: tornadoText,
      sources,
    });
    expect(en.source).toBe(
      'Source: Chongqing Daily, 27 Feb 2024, “Chongqing’s software industry aims for 420 billion yuan of revenue this year” (reporter Xia Yuan); projection: Scenario Desk scenario “Software & information services revenue: +15% a year”',
    );
    expect(en.x.tickLabels[0]).toBe('5,500');
  });

  it('labels a gap to a target in percent', () => {
    const gap: OutputMetric = { kind: 'gapPercent', targetIndex: 0 };
    expect(outcomeUnit(gap, 'firms')).toBe('percent');
    expect(outcomeUnit(value2027, 'firms')).toBe('firms');
    const gapResult = tornadoSensitivity(highTech, defaultSensitivityRanges(highTech), gap);
    const gapState = tornadoState({ id: 't', lang: 'zh', scenario: highTech, result: gapResult, format: formatIn('firms', gap), text: tornadoText, sources });
    // The 2025 target is 10,000 firms; 7565 × 1.192² = 10,748.8 misses it by +7.5%.
    expect(gapState.base).toBeCloseTo(7.48836, 4);
    // Base ×1.1: 8321.5 × 1.192² = 11,823.7 (+18.2%); base ×0.9: 6808.5 × 1.192² = 9674.0 (−3.3%): steps of 5 points.
    expect(gapState.x.ticks).toEqual([-5, 0, 5, 10, 15, 20]);
    expect(gapState.x.tickLabels).toEqual(['-5%', '0%', '5%', '10%', '15%', '20%']);
    expect(gapState.x.unit).toBe('percent');
  });
});

describe('heatmap state', () => {
  const rows = { key: 'growthRatePercent' as const, values: linspace(10, 20, 7) };
  const columns = { key: 'baseValue' as const, values: linspace(3780, 4620, 7) };
  const format = formatIn('cny-100m', value2027);
  const text = { title: '双变量数据表:2027年的值', subtitle: 'S' };
  const state = heatmapState({
    id: 'sensitivity-table',
    lang: 'zh',
    scenario: software,
    table: twoWayTable(software, rows, columns, value2027),
    format,
    text,
    sources,
  });

  it('prints every one of the 7 × 7 outcomes, with the parameter values on the axes', () => {
    expect(state.rows).toHaveLength(7);
    expect(state.columns).toHaveLength(7);
    expect(state.cells.flat()).toHaveLength(49);
    expect(state.rows[3]?.label).toBe('15.0%');
    expect(state.columns[3]?.label).toBe('4,200亿元');
    // 4200 × 1.15³ = 6387.675 → 6,388亿元 (4 figures).
    expect(state.cells[3]?.[3]?.label).toBe('6,388亿元');
    expect(state).toMatchObject({ xTitle: '基期值', yTitle: '增长率', title: '双变量数据表:2027年的值' });
  });

  it('marks the scenario’s own cell and spans the colour scale over 3780 × 1.1³ = 5031.2 … 4620 × 1.2³ = 7983.4', () => {
    expect(state.current).toEqual({ row: 3, column: 3 });
    expect(state.scale.min).toBeCloseTo(5031.18, 6);
    expect(state.scale.max).toBeCloseTo(7983.36, 6);
    expect(state.scale.centre).toBeCloseTo(6387.675, 6);
  });

  it('marks no cell when the axes miss the scenario’s values', () => {
    // 11, 13.67, 16.33, 19%: none is 15%.
    const off = heatmapState({
      id: 't',
      lang: 'zh',
      scenario: software,
      table: twoWayTable(software, { key: 'growthRatePercent', values: linspace(11, 19, 4) }, columns, value2027),
      format,
      text,
      sources,
    });
    expect(off.current).toBeUndefined();
    expect(off.scale.centre).toBeCloseTo((off.scale.min + off.scale.max) / 2, 9);
  });

  it('prints an invalid combination as a dash and leaves it out of the colour scale', () => {
    const logistic = byId('tech-based-firms-logistic');
    // A ceiling of 50,000 is below the base of 58,524 firms: that row is invalid.
    const table = twoWayTable(logistic, { key: 'ceiling', values: [50000, 120000] }, { key: 'growthRatePercent', values: [36.1] }, value2027);
    const grid = heatmapState({ id: 't', lang: 'zh', scenario: logistic, table, format: formatIn('firms', value2027), text, sources });
    expect(grid.cells[0]?.[0]?.label).toBe('—');
    expect(grid.cells[1]?.[0]?.label).not.toBe('—');
    expect(grid.scale.min).toBe(grid.scale.max);
    expect(grid.current).toEqual({ row: 1, column: 0 });
  });

  it('is an empty grid with its frame text when there is no table', () => {
    const empty = heatmapState({ id: 'sensitivity-table', lang: 'zh', scenario: software, table: null, format, text, sources });
    expect(empty).toMatchObject({ kind: 'heatmap', title: '双变量数据表:2027年的值', rows: [], columns: [], cells: [] });
    expect(empty.source).toContain('「软件和信息服务业营收:每年增长15%」');
  });
});
