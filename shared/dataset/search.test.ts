import { describe, expect, it } from 'vitest';
import { getBundledDataset, getThemeTree, searchByName, searchIndicators } from './index';

const ids = (query: string, lang?: 'zh' | 'en') => searchIndicators(query, lang).map((indicator) => indicator.id);

describe('searchIndicators', () => {
  it('高新技术企业 finds the high-tech enterprise indicator', () => {
    expect(ids('高新技术企业')).toContain('cq.enterprises.high-tech');
    expect(ids('高新技术企业')[0]).toBe('cq.enterprises.high-tech');
  });

  it('matches English names case-insensitively as substrings', () => {
    expect(ids('HIGH-TECH ENTERPRISES')).toContain('cq.enterprises.high-tech');
    expect(ids('revenue')).toEqual(expect.arrayContaining(['cq.software.revenue', 'cq.software.revenue-growth']));
  });

  it('restricts to one language when asked', () => {
    expect(ids('revenue', 'zh')).toEqual([]);
    expect(ids('软件', 'en')).toEqual([]);
    expect(ids('软件', 'zh')).toContain('cq.software.revenue');
  });

  it('ignores stray spaces in Chinese queries and returns everything for an empty query', () => {
    expect(ids('高新 技术企业')).toContain('cq.enterprises.high-tech');
    expect(searchIndicators('')).toHaveLength(getBundledDataset().indicators.length);
    expect(ids('no such thing')).toEqual([]);
  });
});

describe('getThemeTree', () => {
  const tree = getThemeTree();

  it('holds every indicator and observation exactly once', () => {
    const dataset = getBundledDataset();
    const indicatorIds = tree.flatMap((node) => node.indicators.map((entry) => entry.indicator.id));
    const observationIds = tree.flatMap((node) => node.indicators.flatMap((entry) => entry.observations.map((observation) => observation.id)));
    expect(indicatorIds.sort()).toEqual(dataset.indicators.map((indicator) => indicator.id).sort());
    expect(observationIds.sort()).toEqual(dataset.observations.map((observation) => observation.id).sort());
  });

  it('sorts observations by year and resolves scopes', () => {
    const enterprises = tree.find((node) => node.theme.id === 'enterprises');
    const highTech = enterprises?.indicators.find((entry) => entry.indicator.id === 'cq.enterprises.high-tech');
    expect(highTech?.observations.map((observation) => observation.year)).toEqual([2023, 2025, 2027]);
    expect(highTech?.scope.label.en).toBe('Chongqing');
    expect(enterprises?.factSets.length).toBeGreaterThan(0);
  });
});

describe('#14.12 imported indicators in the search', () => {
  it('#14.12 finds the workspace’s imported indicators by their Chinese or English name, by the rules of the article’s', () => {
    const imported = [
      { id: 'own.district-gdp', name: { zh: '区地区生产总值', en: 'District GDP' } },
      { id: 'own.s-1a2b3c4d', name: { zh: '区软件业务收入', en: '' } },
    ];
    expect(searchByName(imported, '软件').map((i) => i.id)).toEqual(['own.s-1a2b3c4d']);
    // Spaces typed into Chinese are ignored, English is case-insensitive.
    expect(searchByName(imported, '区 地区').map((i) => i.id)).toEqual(['own.district-gdp']);
    expect(searchByName(imported, 'gdp').map((i) => i.id)).toEqual(['own.district-gdp']);
    expect(searchByName(imported, '区').map((i) => i.id)).toEqual(['own.district-gdp', 'own.s-1a2b3c4d']);
    expect(searchByName(imported, '高新')).toEqual([]);
  });
});
