import { describe, expect, it } from 'vitest';
import { baselineIncreaseState, baselinePathState, type BaselineChartInput } from './presentation-charts';

// The article's high-tech firms: 7565 in 2023. The path here is a round one so increases are easy to check by hand.
const input = (lang: 'zh' | 'en'): BaselineChartInput => ({
  lang,
  scenario: { name: '高新技术企业', nameEn: 'High-tech firms', indicatorName: { zh: '高新技术企业数量', en: 'High-tech firms' }, unit: 'firms' },
  path: { startYear: 2023, values: Float64Array.from([7565, 9000, 10800, 13000]) },
  text: { title: '基准情景：高新技术企业数量', subtitle: '2023–2026', xTitle: '年份', yTitle: '家' },
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

  it('cites the scenario by its name in the chart’s language', () => {
    expect(baselinePathState(input('zh')).source).toBe('来源：重庆日报 2024年2月；预测：Scenario Desk 情景「高新技术企业」');
    expect(baselinePathState(input('en')).source).toBe('Source: Chongqing Daily, February 2024; projection: Scenario Desk scenario “High-tech firms”');
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
