import { describe, expect, it } from 'vitest';
import { getBundledDataset, getThemeTree, searchIndicators } from './index';

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
