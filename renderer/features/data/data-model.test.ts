import { describe, expect, it } from 'vitest';
import articleText from '../../../assets/source/article.txt?raw';
import { getBundledDataset, getThemeTree, requireObservation } from '../../../shared/dataset';
import {
  filterThemeTree,
  formatPartialDate,
  formatObservationValue,
  indicatorKey,
  observationKey,
  splitArticle,
  themeKey,
  treeKeyAction,
  visibleTreeRows,
} from './data-model';

const dataset = getBundledDataset();
const observation = (id: string) => requireObservation(dataset, id);

describe('formatObservationValue', () => {
  it('writes the article figures with their qualifier in both languages', () => {
    // Article: "到2027年…分别超过1.27万家" — 1.27万 = 12,700, a target stated as "over".
    const target2027 = observation('cq.enterprises.high-tech@2027-target');
    expect(formatObservationValue(target2027, 'firms', 'zh')).toBe('超过1.27万家');
    expect(formatObservationValue(target2027, 'firms', 'en')).toBe('over 12,700 firms');
    // Article: "分别达到58524家和7565家".
    const actual2023 = observation('cq.enterprises.high-tech@2023-actual');
    expect(formatObservationValue(actual2023, 'firms', 'zh')).toBe('7,565家');
    expect(formatObservationValue(actual2023, 'firms', 'en')).toBe('7,565 firms');
    // Article: "5500亿元左右" — about 5500 × 1亿 = 550 bn yuan.
    const diagnostics2028 = observation('cn.diagnostics.market@2028-projection');
    expect(formatObservationValue(diagnostics2028, 'cny-100m', 'zh')).toBe('约5,500亿元');
    expect(formatObservationValue(diagnostics2028, 'cny-100m', 'en')).toBe('about CNY 550 bn');
  });

  it('keeps the measure word the article used and writes 余 after the number', () => {
    // Article: "国家级人才33名" — persons, but 名 rather than the default 人.
    expect(formatObservationValue(observation('jinfeng.national-talents@2024-actual'), 'persons', 'zh')).toBe('33名');
    // Article: "50余家".
    expect(formatObservationValue(observation('changan.sda-partner-firms@2023-actual'), 'firms', 'zh')).toBe('50余家');
    expect(formatObservationValue(observation('changan.sda-partner-firms@2023-actual'), 'firms', 'en')).toBe('more than 50 firms');
  });

  it('#8 keeps every figure the article printed, however many the display rule keeps', () => {
    // Article: "新材料产值1203.7亿元": five significant figures, more than the 4 of the rule; 1203.7亿 = 120.37 bn.
    const fuling = observation('fuling.new-materials-output@2023-actual');
    expect(formatObservationValue(fuling, 'cny-100m', 'zh')).toBe('1,203.7亿元');
    expect(formatObservationValue(fuling, 'cny-100m', 'en')).toBe('CNY 120.37 bn');
  });

  it('never turns the truncated diagnostics share into a number', () => {
    // Article: "其中新的诊断技术和服务约占" — the figure is cut off.
    expect(formatObservationValue(observation('cn.diagnostics.new-technology-share@2028-projection'), 'percent', 'zh')).toBeNull();
  });
});

describe('splitArticle', () => {
  it('marks exactly the quote of the 7565 figure at its recorded offset', () => {
    const { source } = observation('cq.enterprises.high-tech@2023-actual');
    const split = splitArticle(articleText, source);
    expect(split.placement).toBe('exact');
    expect(split.quote).toContain('7565');
    expect(split.before.length).toBe(source.offset);
    expect(split.before + split.quote + split.after).toBe(articleText);
  });

  it('finds a quote whose offset is stale, and says when a quote is not in the article at all', () => {
    const relocated = splitArticle(articleText, { quote: '7565家', offset: 0 });
    expect(relocated.placement).toBe('relocated');
    expect(relocated.quote).toBe('7565家');
    expect(relocated.before.endsWith('58524家和')).toBe(true);
    const missing = splitArticle(articleText, { quote: '这句话不在文中', offset: 10 });
    expect(missing).toEqual({ before: articleText, quote: '', after: '', placement: 'missing' });
  });
});

describe('filterThemeTree', () => {
  const tree = getThemeTree(dataset);

  it('finds the high-tech enterprise count by its Chinese and its English name', () => {
    for (const query of ['高新技术企业', 'high-tech']) {
      const ids = filterThemeTree(tree, query, dataset).flatMap((node) => node.indicators.map((entry) => entry.indicator.id));
      expect(ids, query).toContain('cq.enterprises.high-tech');
      expect(ids, query).not.toContain('cq.software.revenue');
    }
  });

  it('returns nothing for a query no name contains, and everything for an empty one', () => {
    expect(filterThemeTree(tree, 'zzz-no-such-indicator', dataset)).toEqual([]);
    expect(filterThemeTree(tree, '  ', dataset)).toHaveLength(dataset.themes.length);
  });
});

describe('tree keyboard navigation', () => {
  const tree = getThemeTree(dataset).filter((node) => node.theme.id === 'enterprises');
  const enterprises = themeKey('enterprises');
  const highTech = indicatorKey('cq.enterprises.high-tech');
  const figure7565 = observationKey('cq.enterprises.high-tech@2023-actual');

  it('hides the children of a collapsed group', () => {
    const all = visibleTreeRows(tree, new Set());
    expect(all.map((row) => row.key)).toContain(figure7565);
    const collapsed = visibleTreeRows(tree, new Set([highTech]));
    expect(collapsed.map((row) => row.key)).not.toContain(figure7565);
    expect(collapsed.find((row) => row.key === highTech)?.expanded).toBe(false);
    expect(visibleTreeRows(tree, new Set([enterprises])).map((row) => row.key)).toEqual([enterprises]);
  });

  it('moves with the arrows, opens and closes groups, and selects a figure with Enter', () => {
    const rows = visibleTreeRows(tree, new Set());
    expect(treeKeyAction(rows, enterprises, 'ArrowUp')).toEqual({ type: 'none' });
    expect(treeKeyAction(rows, enterprises, 'ArrowLeft')).toEqual({ type: 'collapse', key: enterprises });
    expect(treeKeyAction(rows, highTech, 'ArrowRight')).toEqual({ type: 'focus', key: rows[rows.findIndex((row) => row.key === highTech) + 1]?.key });
    expect(treeKeyAction(rows, figure7565, 'ArrowLeft')).toEqual({ type: 'focus', key: highTech });
    expect(treeKeyAction(rows, figure7565, 'Enter')).toEqual({ type: 'select', key: figure7565 });
    expect(treeKeyAction(rows, highTech, 'Enter')).toEqual({ type: 'collapse', key: highTech });
    expect(treeKeyAction(rows, figure7565, 'ArrowRight')).toEqual({ type: 'none' });
    expect(treeKeyAction(rows, figure7565, 'End')).toEqual({ type: 'focus', key: rows.at(-1)?.key });
    const collapsedRows = visibleTreeRows(tree, new Set([highTech]));
    expect(treeKeyAction(collapsedRows, highTech, 'ArrowRight')).toEqual({ type: 'expand', key: highTech });
  });
});

describe('formatPartialDate', () => {
  it('writes the article dates as a reader would', () => {
    // Dataset event: "摇橹船科技于2020年12 月成立" → 2020-12.
    expect(formatPartialDate('2020-12', 'zh')).toBe('2020年12月');
    expect(formatPartialDate('2020-12', 'en')).toBe('Dec 2020');
    expect(formatPartialDate('2024-02-26', 'zh')).toBe('2024年2月26日');
    expect(formatPartialDate('2024-02-26', 'en')).toBe('26 Feb 2024');
    expect(formatPartialDate('2024-Q1', 'zh')).toBe('2024年一季度');
    expect(formatPartialDate('2024-Q1', 'en')).toBe('Q1 2024');
    expect(formatPartialDate('2023', 'en')).toBe('2023');
  });
});
