import { describe, expect, it } from 'vitest';
import type { ImportedIndicator } from '../workspace';
import { baselineIncreaseState, baselinePathState, type BaselineChartInput } from './presentation-charts';
import { figureSourcesOf } from './source-line';

// The article's high-tech firms: 7565 in 2023. The path here is a round one so increases are easy to check by hand.
const input = (lang: 'zh' | 'en'): BaselineChartInput => ({
  lang,
  scenario: {
    name: '高新技术企业',
    nameEn: 'High-tech firms',
    indicatorId: 'cq.enterprises.high-tech',
    indicatorName: { zh: '高新技术企业数量', en: 'High-tech firms' },
    unit: 'firms',
    base: { observationId: 'cq.enterprises.high-tech@2023-actual' },
    targets: [],
  },
  path: { startYear: 2023, values: Float64Array.from([7565, 9000, 10800, 13000]) },
  text: { title: '基准情景：高新技术企业数量', subtitle: '2023–2026', xTitle: '年份', yTitle: '家' },
  sources: figureSourcesOf({ indicators: [] }),
});

describe('the baseline path chart', () => {
  it('has a point on every year from the base year, named by the indicator in both languages', () => {
    const state = baselinePathState(input('zh'));
    const [line] = state.series;
    expect(state.id).toBe('baseline-path');
    expect(line?.points).toEqual([
      { x: 2023, y: 7565 },
      { x: 2024, y: 9000 },
      { x: 2025, y: 10800 },
      { x: 2026, y: 13000 },
    ]);
    expect(line?.showPoints).toBe(true);
    expect(line?.name).toEqual({ zh: '高新技术企业数量', en: 'High-tech firms' });
    expect(state.x.ticks).toEqual([2023, 2024, 2025, 2026]);
  });

  it('starts the value axis at zero and labels it in the unit, 万 in Chinese and k in English', () => {
    const zh = baselinePathState(input('zh'));
    // 0…13000 in steps of 2500 (about five intervals): 0, 2500, …, 15000.
    expect(zh.y.ticks[0]).toBe(0);
    expect(zh.y.ticks.at(-1)).toBe(15000);
    expect(zh.y.tickLabels.at(-1)).toBe('1.5万');
    expect(baselinePathState(input('en')).y.tickLabels.at(-1)).toBe('15k');
  });

  it('#14.13 cites the piece of the 7565 firms (the lead feature, 首席记者 张亦筑) and the scenario by its name in the chart’s language', () => {
    expect(baselinePathState(input('zh')).source).toBe(
      '来源：重庆日报 2024年2月27日《以科技创新为引领 布局建设未来产业》（首席记者 张亦筑）；预测：Scenario Desk 情景「高新技术企业」',
    );
    expect(baselinePathState(input('en')).source).toBe(
      'Source: Chongqing Daily, 27 Feb 2024, “Led by S&T innovation, laying out future industries” (chief reporter Zhang Yizhu); projection: Scenario Desk scenario “High-tech firms”',
    );
  });

  it('#14.6 a slide of imported data cites the imported source, not the newspaper', () => {
    const own: ImportedIndicator = {
      id: 'district.high-tech-firms',
      name: { zh: '区高新技术企业', en: 'District high-tech firms' },
      unit: 'firms',
      sourceNote: '区科技局, 2023年统计',
      observations: [{ year: 2023, value: 12700, kind: 'actual' }],
    };
    const base = input('zh');
    const state = baselinePathState({
      ...base,
      scenario: { ...base.scenario, indicatorId: own.id, base: {} },
      sources: figureSourcesOf({ indicators: [own] }),
    });
    expect(state.source).toBe('来源：区科技局, 2023年统计；预测：Scenario Desk 情景「高新技术企业」');
  });
});

describe('the baseline increase chart', () => {
  const state = baselineIncreaseState({ ...input('zh'), increaseName: { zh: '比上年增加', en: 'Increase over previous year' } });

  it('draws one bar per year after the base year, each the increase over the year before', () => {
    const [bars] = state.series;
    expect(state.id).toBe('baseline-increase');
    expect(bars?.mark).toBe('bar');
    // 9000 − 7565 = 1435, 10800 − 9000 = 1800, 13000 − 10800 = 2200.
    expect(bars?.points).toEqual([
      { x: 2024, y: 1435 },
      { x: 2025, y: 1800 },
      { x: 2026, y: 2200 },
    ]);
    expect(bars?.name.en).toBe('Increase over previous year');
  });

  it('leaves half a year either side so the first and last bars are whole, with ticks on the years', () => {
    expect(state.x.domain).toEqual([2023.5, 2026.5]);
    expect(state.x.ticks).toEqual([2024, 2025, 2026]);
    expect(state.y.ticks[0]).toBe(0);
  });
});
