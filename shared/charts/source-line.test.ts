import { describe, expect, it } from 'vitest';
import { getBundledDataset } from '../dataset';
import type { ImportedIndicator } from '../workspace';
import { chartSourceLine, figureSourcesOf, sourcesOfScenarios, type SourcedScenario } from './source-line';

const noImports = figureSourcesOf({ indicators: [] });

// The three pieces of the page as printed: titles and bylines are read off assets/source/article.txt.
const LEAD = '《以科技创新为引领 布局建设未来产业》（首席记者 张亦筑）';
const BRIEF = '《今年重庆软件产业力争实现营收4200亿元》（记者 夏元）';
const DISTRICT = '《招大引强 各区县出硬招》（记者 左黎韵 彭瑜）';

const software: SourcedScenario = {
  name: '软件营收 15%',
  indicatorId: 'cq.software.revenue',
  base: { observationId: 'cq.software.revenue@2024-target' },
  targets: [],
};
const highTech: SourcedScenario = {
  name: '高新技术企业 19.2%',
  indicatorId: 'cq.enterprises.high-tech',
  base: { observationId: 'cq.enterprises.high-tech@2023-actual' },
  targets: [{ observationId: 'cq.enterprises.high-tech@2027-target' }],
};
const zhongxian: SourcedScenario = {
  name: '忠县签约项目',
  indicatorId: 'zhongxian.signed-projects-over-100m',
  base: { observationId: 'zhongxian.signed-projects-over-100m@2023-actual' },
};

const ownData: ImportedIndicator = {
  id: 'district.software.revenue',
  name: { zh: '区软件业务收入', en: 'District software revenue' },
  unit: 'cny-100m',
  sourceNote: '区统计局, 2023年公报',
  observations: [{ id: 'district.software.revenue@2023-actual', year: 2023, value: 1400, kind: 'actual' }],
};
const own: SourcedScenario = { name: '区软件 10%', indicatorId: ownData.id, base: { observationId: 'district.software.revenue@2023-actual' }, targets: [] };

describe('chart source line', () => {
  it('#14.13 cites the piece and author of a bundled figure: 4200亿元 (offset 1454) → 夏元’s 本报讯 brief', () => {
    expect(chartSourceLine('zh', { scenarios: [software], sources: noImports })).toBe(
      `来源：重庆日报 2024年2月27日${BRIEF}；预测：Scenario Desk 情景「软件营收 15%」`,
    );
  });

  it('#14.13 cites 忠县’s 23 projects (offset 6779) from the district piece by 左黎韵 and 彭瑜', () => {
    expect(chartSourceLine('zh', { scenarios: [zhongxian], sources: noImports })).toBe(
      `来源：重庆日报 2024年2月27日${DISTRICT}；预测：Scenario Desk 情景「忠县签约项目」`,
    );
  });

  it('#14.13 cites a derived base by the pieces of the figures it is computed from (the implied 2023 revenue: 4200 ÷ 1.15)', () => {
    const derived: SourcedScenario = { ...software, base: { observationId: 'cq.software.revenue@2023-implied' } };
    expect(chartSourceLine('zh', { scenarios: [derived], sources: noImports })).toBe(
      `来源：重庆日报 2024年2月27日${BRIEF}；预测：Scenario Desk 情景「软件营收 15%」`,
    );
  });

  it('#14.13 cites each distinct piece of several scenarios once, in page order, with trials and seed, in English', () => {
    const line = chartSourceLine('en', {
      scenarios: [software, highTech, { ...highTech, name: 'B' }],
      sources: noImports,
      monteCarlo: { trials: 10000, seed: 42 },
    });
    expect(line).toBe(
      'Sources: Chongqing Daily, 27 Feb 2024, “Led by S&T innovation, laying out future industries” (chief reporter Zhang Yizhu); “Chongqing’s software industry aims for 420 billion yuan of revenue this year” (reporter Xia Yuan); projection: Scenario Desk scenarios “软件营收 15%”, “高新技术企业 19.2%”, “B”; Monte Carlo 10,000 trials, seed 42',
    );
  });

  it('#14.6 cites an imported indicator by its own source note, never the newspaper', () => {
    const sources = figureSourcesOf({ indicators: [ownData] });
    const zh = chartSourceLine('zh', { scenarios: [own], sources });
    expect(zh).toBe('来源：区统计局, 2023年公报；预测：Scenario Desk 情景「区软件 10%」');
    expect(zh).not.toContain('重庆日报');
    expect(chartSourceLine('en', { scenarios: [own], sources })).not.toContain('Chongqing Daily');
  });

  it('#14.6 cites the newspaper piece and the imported note side by side when a chart shows both', () => {
    const sources = figureSourcesOf({ indicators: [ownData] });
    expect(chartSourceLine('zh', { scenarios: [own, software], sources })).toBe(
      `来源：重庆日报 2024年2月27日${BRIEF}、区统计局, 2023年公报；预测：Scenario Desk 情景「区软件 10%」「软件营收 15%」`,
    );
  });

  it('#14.6 shortens an imported note of thousands of characters to one line', () => {
    const sources = figureSourcesOf({ indicators: [{ ...ownData, sourceNote: `区统计局\n${'很长的说明'.repeat(1000)}` }] });
    const [cited] = sourcesOfScenarios([own], sources);
    expect(cited?.kind).toBe('imported');
    const line = chartSourceLine('zh', { scenarios: [own], sources });
    // "来源：" + 99 characters of the note + "…", then the projection.
    expect(line.split('；')[0]).toHaveLength(3 + 99 + 1);
    expect(line.startsWith('来源：区统计局 很长的说明')).toBe(true);
  });

  it('cites no source for a scenario whose figures are all typed in, and keeps the projection part', () => {
    const typed: SourcedScenario = { name: 'A', indicatorId: 'my.own', base: {} };
    expect(chartSourceLine('en', { scenarios: [typed], sources: noImports })).toBe('Projection: Scenario Desk scenario “A”');
  });

  it('#14.13 cites the 7565 firms (offset 3778) and their 2027 target (3712) once, from the lead feature by 首席记者 张亦筑', () => {
    expect(sourcesOfScenarios([highTech], noImports)).toEqual([{ kind: 'piece', piece: getBundledDataset().pieces[0] }]);
    expect(chartSourceLine('zh', { scenarios: [highTech], sources: noImports })).toBe(
      `来源：重庆日报 2024年2月27日${LEAD}；预测：Scenario Desk 情景「高新技术企业 19.2%」`,
    );
  });
});
