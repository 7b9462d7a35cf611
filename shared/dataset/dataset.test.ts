import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rawJson from '../../assets/data/dataset.json';
import { parseChineseFigureAs } from '../units';
import {
  DatasetValidationError,
  datasetSchema,
  getBundledDataset,
  parseDataset,
  removeWhitespace,
  requireIndicator,
  requireObservation,
  verifyDatasetAgainstArticle,
  type Dataset,
} from './index';

const articleText = readFileSync(new URL('../../assets/source/article.txt', import.meta.url), 'utf8');
const dataset = getBundledDataset();

function clone(): Dataset {
  return structuredClone(dataset);
}

describe('bundled dataset', () => {
  it('passes the schema, and the app reads it exactly as the schema returns it', () => {
    expect(datasetSchema.safeParse(rawJson).success).toBe(true);
    // getBundledDataset skips validation of the bundled file, so the file must need none: nothing added, dropped or converted.
    expect(getBundledDataset()).toEqual(parseDataset(rawJson));
  });

  it('has unique ids in every collection', () => {
    for (const ids of [
      dataset.themes.map((theme) => theme.id),
      dataset.scopes.map((scope) => scope.id),
      dataset.indicators.map((indicator) => indicator.id),
      dataset.observations.map((observation) => observation.id),
      dataset.factSets.map((factSet) => factSet.id),
      dataset.events.map((event) => event.id),
    ]) {
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('has at least 50 observations', () => {
    expect(dataset.observations.length).toBeGreaterThanOrEqual(50);
  });

  it('follows the observation id convention indicatorId@year-kind', () => {
    for (const observation of dataset.observations) {
      expect(observation.id).toBe(`${observation.indicatorId}@${observation.year}-${observation.kind}`);
    }
  });

  it('has every quote verbatim at its offset in the article', () => {
    const sources = [
      ...dataset.observations.map((observation) => observation.source),
      ...dataset.factSets.flatMap((factSet) => factSet.items.map((item) => item.source)),
      ...dataset.events.map((event) => event.source),
    ];
    for (const { quote, offset } of sources) {
      expect(articleText.slice(offset, offset + quote.length)).toBe(quote);
    }
  });

  it('has every non-null value in its quote once units are normalised', () => {
    for (const observation of dataset.observations) {
      if (observation.value === null || observation.rawValue === null) continue;
      const unit = requireIndicator(dataset, observation.indicatorId).unit;
      expect(removeWhitespace(observation.source.quote)).toContain(observation.rawValue);
      expect(parseChineseFigureAs(observation.rawValue, unit)).toBe(observation.value);
    }
  });

  it('passes the full verification against the article', () => {
    expect(verifyDatasetAgainstArticle(dataset, articleText)).toEqual([]);
  });

  it('records the truncated new-diagnostics share as null with its quote, never invented', () => {
    const share = requireObservation(dataset, 'cn.diagnostics.new-technology-share@2028-projection');
    expect(share.value).toBeNull();
    expect(share.rawValue).toBeNull();
    expect(share.source.quote).toBe('其中新的诊断技术和服务约占');
    expect(articleText.indexOf('其中新的诊断技术和服务约占')).toBe(share.source.offset);
    // What follows the quote in the article is a paragraph break, not a number.
    expect(
      articleText
        .slice(share.source.offset + share.source.quote.length)
        .trimStart()
        .startsWith('为此'),
    ).toBe(true);
  });
});

describe('fixed indicator ids used by the starter workspace', () => {
  it.each([
    ['cq.software.revenue@2024-target', 'cny-100m', 4200, 'exact'],
    ['cq.software.revenue-growth@2024-target', 'percent', 15, 'exact'],
    ['cn.diagnostics.market@2023-actual', 'cny-100m', 3000, 'about'],
    ['cn.diagnostics.market@2028-projection', 'cny-100m', 5500, 'about'],
    ['cq.enterprises.high-tech@2023-actual', 'firms', 7565, 'exact'],
    ['cq.enterprises.high-tech@2025-target', 'firms', 10000, 'over'],
    ['cq.enterprises.high-tech@2027-target', 'firms', 12700, 'over'],
    ['cq.enterprises.tech-based@2023-actual', 'firms', 58524, 'exact'],
    ['cq.enterprises.tech-based@2025-target', 'firms', 67000, 'over'],
    ['cq.enterprises.tech-based@2027-target', 'firms', 86000, 'over'],
    ['cq.projects-5-8.fiscal-investment@2023-actual', 'cny-100m', 6.36, 'exact'],
    ['cq.projects-5-8.social-investment@2023-actual', 'cny-100m', 33.44, 'exact'],
    ['cq.projects-5-8.total-investment@2023-actual', 'cny-100m', 39.8, 'exact'],
  ] as const)('%s = %d %s (%s)', (observationId, unit, value, qualifier) => {
    const observation = requireObservation(dataset, observationId);
    expect(requireIndicator(dataset, observation.indicatorId).unit).toBe(unit);
    expect(observation.value).toBe(value);
    expect(observation.qualifier).toBe(qualifier);
  });
});

describe('coverage of the article figures', () => {
  // Expected values typed from the article, one per figure.
  it.each([
    ['jinfeng.research-teams@2024-actual', 40],
    ['jinfeng.researchers@2024-actual', 401],
    ['jinfeng.academician-teams@2024-actual', 5],
    ['jinfeng.national-talents@2024-actual', 33],
    ['jinfeng.research-platforms@2024-actual', 8],
    ['jinfeng.firms-brought-in@2024-actual', 4],
    ['jinfeng.joint-research-high-tech-firms@2024-actual', 12],
    ['cq.labs.chongqing-laboratories@2024-policy', 4],
    ['cq.tech-innovation-centres.municipal@2024-actual', 17],
    ['cq.zones.national-demonstration@2024-actual', 1],
    ['cq.zones.national-high-tech@2024-actual', 4],
    ['cq.zones.municipal-high-tech@2024-actual', 12],
    ['cq.zones.high-tech-total@2023-actual', 16],
    ['cq.zones.high-tech-output-share@2023-actual', 45],
    ['cq.clusters.national-innovative-approved@2023-actual', 5],
    ['cq.projects-5-8.major-programmes@2023-policy', 5],
    ['cq.projects-5-8.key-programmes@2023-policy', 8],
    ['cq.projects-5-8.projects@2023-actual', 137],
    ['cq.projects-5-8.key-technologies@2023-actual', 311],
    ['cq.projects-5-8.demand-from-leading-firms@2023-actual', 80],
    ['cq.projects-5-8.fiscal-funds-to-firms@2023-actual', 70],
    ['csic-haizhuang.offshore-wind-turbine-capacity@2023-actual', 18],
    ['changan.sda-partner-firms@2023-actual', 50],
    ['yaoluchuan.national-awards@2023-actual', 15],
    ['yaoluchuan.provincial-awards@2023-actual', 17],
    ['yaoluchuan.client-firms@2023-actual', 100],
    ['cq.enterprises.high-tech-new-recognitions@2023-actual', 3071],
    ['cq.enterprises.tech-based-new@2023-actual', 15535],
    ['cq.enterprises.tech-based-growth@2023-actual', 36.1],
    ['cq.enterprises.high-tech-growth@2023-actual', 19.2],
    ['cq.enterprises.star-market-listed@2023-actual', 3],
    ['cq.software.new-floor-area@2024-target', 80],
    ['cq.software.new-employees@2024-target', 100000],
    ['cq.software.new-firms@2024-target', 4000],
    ['cq.software.famous-parks@2024-target', 1],
    ['cq.software.key-firm-reward-cap@2024-policy', 200],
    ['fuling.target-project-annual-output@2024-projection', 10],
    ['fuling.new-materials-output@2023-actual', 1203.7],
    ['fuling.new-materials-output-share@2023-actual', 50],
    ['fuling.key-projects-followed@2024-actual', 20],
    ['fuling.q1-share-of-annual-goal@2024-projection', 30],
    ['yuzhong.tax-100m-buildings@2024-actual', 40],
    ['yuzhong.projects-planned@2024-target', 100],
    ['yuzhong.industries-100bn-class@2024-policy', 2],
    ['yuzhong.industries-10bn-class@2024-policy', 4],
    ['zhongxian.training-participants@2024-actual', 50],
    ['zhongxian.signed-projects-over-100m@2023-actual', 23],
    ['zhongxian.horse-race-listings@2023-actual', 3],
    ['zhongxian.chain-teams@2024-policy', 11],
    ['zhongxian.outposts@2024-policy', 4],
    ['zhongxian.chambers@2024-actual', 45],
    ['zhongxian.chamber-member-firms@2024-actual', 5000],
    ['zhongxian.investment-ambassadors@2023-actual', 8],
  ] as const)('%s = %d', (observationId, value) => {
    expect(requireObservation(dataset, observationId).value).toBe(value);
  });

  it('takes 19.2% from the 数读 sidebar because the body loses it', () => {
    const growth = requireObservation(dataset, 'cq.enterprises.high-tech-growth@2023-actual');
    expect(growth.source.offset).toBeLessThan(articleText.indexOf('加快推动科创资源向产业集聚'));
  });

  it('keeps qualifiers from the wording', () => {
    expect(requireObservation(dataset, 'changan.sda-partner-firms@2023-actual').qualifier).toBe('more-than');
    expect(requireObservation(dataset, 'fuling.new-materials-output-share@2023-actual').qualifier).toBe('nearly');
    expect(requireObservation(dataset, 'fuling.target-project-annual-output@2024-projection').qualifier).toBe('over');
    expect(requireObservation(dataset, 'cq.software.key-firm-reward-cap@2024-policy').qualifier).toBe('up-to');
  });

  it('lists the categorical facts the analysts need', () => {
    const labels = (id: string): string[] => dataset.factSets.find((factSet) => factSet.id === id)?.items.map((item) => item.label.zh) ?? [];
    expect(labels('cq.chongqing-laboratories')).toEqual(['金凤实验室', '明月湖实验室', '广阳湾实验室', '嘉陵江实验室']);
    expect(labels('cq.layout-416.areas')).toEqual(['数智科技', '生命健康', '新材料', '绿色低碳']);
    expect(labels('cq.layout-416.frontier-directions')).toEqual([
      '人工智能',
      '量子信息',
      '精准医疗',
      '智慧农业',
      '先进材料',
      '未来芯片',
      '绿色制造',
      '新型储能',
    ]);
    expect(labels('cq.projects-5-8.major-domains')).toEqual(['人工智能', '高端器件与芯片', '先进制造', '生物医药', '核心软件']);
    expect(labels('cq.projects-5-8.key-domains-named')).toEqual(['新材料', '现代种业', '生态环境']);
    expect(labels('cq.national-tech-innovation-centres')).toEqual(['轻金属', '卫星互联网应用', '页岩气']);
    expect(labels('cq.software.mantianxing-key-tasks')).toHaveLength(6);
    expect(labels('zhongxian.outposts')).toEqual(['北京', '上海', '深圳', '成都']);
    expect(labels('yuzhong.10bn-class-industries')).toEqual(['专业服务', '大健康', '交通运输', '建筑房地产']);
    expect(dataset.factSets.find((factSet) => factSet.id === 'cq.projects-5-8.key-domains-named')?.complete).toBe(false);
  });
});

describe('parseDataset', () => {
  it('rejects dangling references and duplicate ids with readable messages', () => {
    const broken = clone();
    const first = broken.observations[0];
    if (!first) throw new Error('dataset has no observations');
    broken.observations.push({ ...first });
    const firstIndicator = broken.indicators[0];
    if (!firstIndicator) throw new Error('dataset has no indicators');
    broken.indicators[0] = { ...firstIndicator, themeId: 'no-such-theme' };
    expect(() => parseDataset(broken)).toThrow(DatasetValidationError);
    try {
      parseDataset(broken);
    } catch (error) {
      expect(String(error)).toContain('duplicate observations id');
      expect(String(error)).toContain('unknown theme "no-such-theme"');
    }
  });

  it('rejects a value without rawValue and an id that breaks the convention', () => {
    const broken = clone();
    const first = broken.observations[0];
    if (!first) throw new Error('dataset has no observations');
    broken.observations[0] = { ...first, rawValue: null, id: 'wrong-id' };
    expect(() => parseDataset(broken)).toThrow(/rawValue[\s\S]*observation id must be/);
  });

  it('verification catches a wrong offset and a value that does not match its quote', () => {
    const broken = clone();
    const revenue = broken.observations.find((observation) => observation.id === 'cq.software.revenue@2024-target');
    if (!revenue) throw new Error('missing revenue observation');
    revenue.value = 420;
    revenue.source = { ...revenue.source, offset: revenue.source.offset + 1 };
    const problems = verifyDatasetAgainstArticle(broken, articleText).map((issue) => issue.problem);
    expect(problems.some((problem) => problem.includes('not at offset'))).toBe(true);
    expect(problems.some((problem) => problem.includes('parses to 4200'))).toBe(true);
  });
});
