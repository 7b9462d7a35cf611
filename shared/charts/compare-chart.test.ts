import { describe, expect, it } from 'vitest';
import type { WorkspaceScenario } from '../workspace';
import { loadStarterWorkspace } from '../workspace/starter';
import { figureSourcesOf } from './source-line';
import { inLang } from '../units';
import {
  compareDifferenceState,
  compareOverlayState,
  compareSmallMultiplesState,
  differenceToBaseline,
  groupScenarios,
  projectGroup,
  scenarioIdOfSeries,
  type CompareChartText,
} from './compare-chart';

const workspace = loadStarterWorkspace();
const byId = (id: string): WorkspaceScenario => {
  const scenario = workspace.scenarios.find((candidate) => candidate.id === id);
  if (!scenario) throw new Error(id);
  return scenario;
};
const text: CompareChartText = { title: 'T', subtitle: 'S', xTitle: '年份', yTitle: '家(企业)' };
const sources = figureSourcesOf(workspace);

const rate = byId('high-tech-firms-19-2pct');
const netGain = byId('high-tech-firms-linear-net-gain');
const software = byId('software-revenue-15pct');

describe('compare series', () => {
  it('overlay scenarios of one indicator and unit, and split different indicators into separate groups', () => {
    const groups = groupScenarios([rate, software, netGain]);
    expect(groups.map((group) => group.scenarios.map((s) => s.id))).toEqual([
      ['high-tech-firms-19-2pct', 'high-tech-firms-linear-net-gain'],
      ['software-revenue-15pct'],
    ]);
  });

  it('put paths with different base years on one year axis', () => {
    // The same software scenario started a year later, from its 2024 target of 4200亿元.
    const from2024: WorkspaceScenario = { ...software, id: 'software-from-2024', base: { year: 2024, value: 4200 }, targets: [] };
    const { years, series } = projectGroup([from2024, software]);
    // Earliest base 2023 (the starter's implied 2023 revenue) to horizon 2030.
    expect(years[0]).toBe(2023);
    expect(years.at(-1)).toBe(2030);
    expect(series[0]?.values[0]).toBeNull();
    expect(series[0]?.values[1]).toBe(4200);
  });

  it('give the difference of the net-gain scenario to the 19.2% baseline in 2025', () => {
    const { years, series } = projectGroup([rate, netGain]);
    const differences = differenceToBaseline(series[0]?.values ?? [], series[1]?.values ?? []);
    const at2025 = differences[years.indexOf(2025)];
    // 7565 + 2 × 1219 = 10003 against 7565 × 1.192² = 10748.83616: −745.83616, or −6.9388% of the baseline.
    expect(at2025?.absolute).toBeCloseTo(-745.83616, 6);
    expect(at2025?.percent).toBeCloseTo(-6.9388, 3);
  });

  it('give no percent difference against a baseline of zero, but still the absolute one', () => {
    expect(differenceToBaseline([0, null], [5, 5])).toEqual([
      { absolute: 5, percent: null },
      { absolute: null, percent: null },
    ]);
  });
});

describe('compare overlay state', () => {
  const group = groupScenarios([rate, netGain])[0];
  if (!group) throw new Error('no group');
  const styleIndex = new Map([
    [rate.id, 0],
    [netGain.id, 1],
  ]);
  const zh = compareOverlayState({ id: 'compare-1', lang: 'zh', group, projected: projectGroup(group.scenarios), styleIndex, text, sources });

  it('draws one line per scenario, named in both languages, told apart by colour and dash', () => {
    expect(zh.series.map((series) => scenarioIdOfSeries(series.id))).toEqual(['high-tech-firms-19-2pct', 'high-tech-firms-linear-net-gain']);
    expect(zh.series.map((series) => inLang(series.name, 'zh'))).toEqual([
      '高新技术企业:保持2023年增速19.2%(基准)',
      '高新技术企业:每年净增约1219家(2023年净增量)',
    ]);
    expect(zh.series.map((series) => inLang(series.name, 'en'))).toEqual([
      'High-tech enterprises: keep 2023 growth of 19.2% (baseline)',
      'High-tech enterprises: +1,219 firms a year (2023 net gain)',
    ]);
    expect(zh.series.map((series) => series.colour)).toEqual([
      { kind: 'series', index: 0 },
      { kind: 'series', index: 1 },
    ]);
    expect(zh.series[0]?.dash).not.toBe(zh.series[1]?.dash);
  });

  it('puts the net-gain path at 7565 + 7 × 1219 = 16,098 firms in 2030', () => {
    expect(zh.series[1]?.points.at(-1)).toEqual({ x: 2030, y: 16098 });
    expect(zh.series[1]?.points[0]).toEqual({ x: 2023, y: 7565 });
  });

  it('runs the value axis from zero past 7565 × 1.192⁷ = 25,866.8 firms in steps of 10,000, labelled 万 / k', () => {
    // A fifth of 0…25,866.8 is 5173: the next round step is 10,000.
    expect(zh.y.domain).toEqual([0, 30000]);
    expect(zh.y.ticks).toEqual([0, 10000, 20000, 30000]);
    expect(zh.y.tickLabels).toEqual(['0', '1万', '2万', '3万']);
    const en = compareOverlayState({ id: 'compare-1', lang: 'en', group, projected: projectGroup(group.scenarios), styleIndex, text, sources });
    expect(en.y.tickLabels).toEqual(['0', '10k', '20k', '30k']);
    expect(zh.y.unit).toBe('firms');
  });

  it('labels 2023…2030 every second year from the base year', () => {
    expect(zh.x.domain).toEqual([2023, 2030]);
    expect(zh.x.ticks).toEqual([2023, 2025, 2027, 2029]);
    expect(zh.x.tickLabels).toEqual(['2023', '2025', '2027', '2029']);
    expect(zh.x.title).toBe('年份');
    expect(zh.y.title).toBe('家(企业)');
  });

  it('#14.13 cites the piece both scenarios’ figures come from (the lead feature, 7565 firms at offset 3778), once, and both scenarios', () => {
    expect(zh.source).toBe(
      '来源：重庆日报 2024年2月27日《以科技创新为引领 布局建设未来产业》（首席记者 张亦筑）；预测：Scenario Desk 情景「高新技术企业:保持2023年增速19.2%(基准)」「高新技术企业:每年净增约1219家(2023年净增量)」',
    );
    const en = compareOverlayState({ id: 'compare-1', lang: 'en', group, projected: projectGroup(group.scenarios), styleIndex, text, sources });
    expect(en.source).toBe(
      'Source: Chongqing Daily, 27 Feb 2024, “Led by S&T innovation, laying out future industries” (chief reporter Zhang Yizhu); projection: Scenario Desk scenarios “High-tech enterprises: keep 2023 growth of 19.2% (baseline)”, “High-tech enterprises: +1,219 firms a year (2023 net gain)”',
    );
    expect(zh).toMatchObject({ kind: 'line', id: 'compare-1', lang: 'zh', title: 'T', subtitle: 'S' });
  });

  it('keeps an invalid scenario in the legend with no points drawn', () => {
    const broken = { ...netGain, id: 'broken', params: { incrementPerYear: Number.NaN } } as WorkspaceScenario;
    const brokenGroup = groupScenarios([rate, broken])[0];
    if (!brokenGroup) throw new Error('no group');
    const state = compareOverlayState({
      id: 'compare-1',
      lang: 'zh',
      group: brokenGroup,
      projected: projectGroup(brokenGroup.scenarios),
      styleIndex: new Map(),
      text,
      sources,
    });
    expect(state.series).toHaveLength(2);
    expect(state.series[1]?.points.every((point) => point.y === null)).toBe(true);
    expect(state.y.ticks.at(-1)).toBe(30000);
  });
});

describe('compare difference state', () => {
  const projected = projectGroup([rate, netGain]);
  const styleIndex = new Map([
    [rate.id, 0],
    [netGain.id, 1],
  ]);

  it('draws the other scenarios minus the baseline, keeping their colour, over the baseline’s line at zero', () => {
    const state = compareDifferenceState({ id: 'compare-difference-1', lang: 'zh', unit: 'firms', projected, mode: 'absolute', styleIndex, text, sources });
    expect(state.series.map((series) => scenarioIdOfSeries(series.id))).toEqual(['high-tech-firms-19-2pct', 'high-tech-firms-linear-net-gain']);
    expect(state.series.map((series) => series.role)).toEqual(['baseline', 'difference']);
    expect(state.series[1]?.colour).toEqual({ kind: 'series', index: 1 });
    // The baseline in its own colour, at zero in each of its years 2023…2030.
    expect(state.series[0]?.colour).toEqual({ kind: 'series', index: 0 });
    expect(state.series[0]?.points.map((point) => point.y)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(state.referenceLines).toEqual([]);
    // The shared base year: no difference.
    expect(state.series[1]?.points[0]).toEqual({ x: 2023, y: 0 });
    // 2030: 16,098 − 25,866.8 = −9,768.8 firms; a fifth of the span is 1954, so steps of 2000 down to −10,000.
    expect(state.series[1]?.points.at(-1)?.y).toBeCloseTo(-9768.8, 1);
    expect(state.y.ticks).toEqual([-10000, -8000, -6000, -4000, -2000, 0]);
    expect(state.y.tickLabels).toEqual(['-1万', '-8,000', '-6,000', '-4,000', '-2,000', '0']);
    expect(state.source).toContain('「高新技术企业:保持2023年增速19.2%(基准)」');
  });

  it('shows the difference in percent of the baseline on a percent axis', () => {
    const state = compareDifferenceState({ id: 'compare-difference-1', lang: 'en', unit: 'firms', projected, mode: 'percent', styleIndex, text, sources });
    const at2025 = state.series[1]?.points.find((point) => point.x === 2025);
    // −745.83616 / 10,748.83616 = −6.9388%.
    expect(at2025?.y).toBeCloseTo(-6.9388, 3);
    // 2030: −9,768.8 / 25,866.8 = −37.77%: steps of 10 points.
    expect(state.y.ticks).toEqual([-40, -30, -20, -10, 0]);
    expect(state.y.tickLabels).toEqual(['-40%', '-30%', '-20%', '-10%', '0%']);
    expect(state.y.unit).toBe('percent');
  });
});

describe('compare small multiples', () => {
  it('#14.13 gives each indicator its own panel with its own axes, and cites every scenario and each piece once, in page order', () => {
    const groups = groupScenarios([rate, software]);
    const styleIndex = new Map([
      [rate.id, 0],
      [software.id, 1],
    ]);
    const panels = groups.map((group, index) =>
      compareOverlayState({ id: `compare-${index + 1}`, lang: 'zh', group, projected: projectGroup(group.scenarios), styleIndex, text, sources }),
    );
    const state = compareSmallMultiplesState({ id: 'compare', lang: 'zh', title: '对比', subtitle: '', panels, scenarios: [rate, software], sources });
    expect(state.kind).toBe('small-multiples');
    expect(state.panels.map((panel) => panel.id)).toEqual(['compare-1', 'compare-2']);
    // Software: (4200 / 1.15) × 1.15⁷ = 4200 × 1.15⁶ = 9714.9亿元 in 2030, so 0…10,000亿元 in steps of 2000 (in 亿元, as the axis title says); its years 2023…2030 every second year.
    expect(state.panels[1]?.y.tickLabels).toEqual(['0', '2,000', '4,000', '6,000', '8,000', '10,000']);
    expect(state.panels[1]?.x.ticks).toEqual([2023, 2025, 2027, 2029]);
    expect(state.panels[0]?.y.tickLabels).toEqual(['0', '1万', '2万', '3万']);
    // 7565 firms (offset 3778) are the lead feature's; 4200亿元 (offset 1454) is the 本报讯 brief's, by 夏元.
    expect(state.source).toBe(
      '来源：重庆日报 2024年2月27日《以科技创新为引领 布局建设未来产业》（首席记者 张亦筑）、《今年重庆软件产业力争实现营收4200亿元》（记者 夏元）；预测：Scenario Desk 情景「高新技术企业:保持2023年增速19.2%(基准)」「软件和信息服务业营收:每年增长15%」',
    );
  });
});

describe('compare chart of a unit that is not a unit code', () => {
  it('labels the value axis with plain numbers, the unit being in the axis title', () => {
    // A user's own indicator counted in 台: 100 → 130 in three years at +10 a year, on an axis from zero.
    const machines = {
      ...netGain,
      id: 'machines',
      unit: '台',
      base: { year: 2024, value: 100 },
      params: { incrementPerYear: 10 },
      horizonYear: 2027,
    } as WorkspaceScenario;
    const group = groupScenarios([machines])[0];
    if (!group) throw new Error('no group');
    const state = compareOverlayState({ id: 'compare-1', lang: 'zh', group, projected: projectGroup(group.scenarios), styleIndex: new Map(), text, sources });
    // A fifth of 0…130 is 26: steps of 50.
    expect(state.y.ticks).toEqual([0, 50, 100, 150]);
    expect(state.y.tickLabels).toEqual(['0', '50', '100', '150']);
    expect(state.y.unit).toBeUndefined();
  });
});
