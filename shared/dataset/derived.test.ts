import { describe, expect, it } from 'vitest';
import { computeDerivedFigures, getBundledDataset, requireDerivedFigure, roundTo, type Dataset } from './index';

const dataset = getBundledDataset();
const derived = computeDerivedFigures(dataset);
const figure = (id: string) => requireDerivedFigure(derived, id);

// Expected numbers are hand calculations from the article's figures.
describe('derived figures', () => {
  it('implied 2023 software revenue = 4200 / 1.15 ≈ 3652.17亿元', () => {
    const revenue = figure('cq.software.revenue@2023-implied');
    expect(revenue.value).toBeCloseTo(3652.17, 2);
    expect(Math.abs(revenue.value - 3652.17)).toBeLessThanOrEqual(0.01);
    expect(revenue.unit).toBe('cny-100m');
    expect(revenue.year).toBe(2023);
    expect(revenue.inputs).toEqual(['cq.software.revenue@2024-target', 'cq.software.revenue-growth@2024-target']);
  });

  it('implied 2022 high-tech base = 7565 / 1.192 ≈ 6346.48, shown as 6346', () => {
    const base = figure('cq.enterprises.high-tech@2022-implied');
    expect(base.value).toBeCloseTo(6346.48, 2);
    expect(base.roundedValue).toBe(6346);
    expect(base.year).toBe(2022);
  });

  it('implied 2022 tech-based base = 58524 / 1.361 ≈ 43000.73, shown as 43001', () => {
    const base = figure('cq.enterprises.tech-based@2022-implied');
    expect(base.value).toBeCloseTo(43000.73, 2);
    expect(base.roundedValue).toBe(43001);
  });

  it('implied diagnostics CAGR = (5500/3000)^(1/5) − 1 ≈ 12.89%', () => {
    // ln(11/6) = 0.606136; ÷5 = 0.121227; e^0.121227 = 1.128881.
    const cagr = figure('cn.diagnostics.market@cagr-2023-2028');
    expect(Math.abs(cagr.value / 100 - 0.128881)).toBeLessThan(1e-4);
    expect(cagr.roundedValue).toBe(12.89);
    expect(cagr.unit).toBe('percent');
  });

  it('fiscal leverage of 5+8 = 33.44 / 6.36 ≈ 5.2579', () => {
    const leverage = figure('cq.projects-5-8.fiscal-leverage@2023-implied');
    expect(leverage.value).toBeCloseTo(5.2579, 4);
    expect(leverage.unit).toBe('ratio');
  });

  it('high-tech share of tech-based firms = 7565 / 58524 ≈ 12.93%', () => {
    const share = figure('cq.enterprises.high-tech-share-of-tech-based@2023-implied');
    expect(share.value).toBeCloseTo(12.926, 3);
    expect(share.roundedValue).toBe(12.93);
  });

  it('the other derived figures match hand calculations', () => {
    expect(figure('cq.enterprises.high-tech.net-increase@2023-implied').value).toBeCloseTo(1218.52, 2);
    expect(figure('cq.enterprises.tech-based.net-increase@2023-implied').value).toBeCloseTo(15523.27, 2);
    expect(figure('cq.projects-5-8.social-share@2023-implied').value).toBeCloseTo(84.02, 2);
    expect(figure('cq.enterprises.high-tech@required-cagr-2023-2025').value).toBeCloseTo(14.97, 2);
    expect(figure('cq.enterprises.tech-based@required-cagr-2023-2025').value).toBeCloseTo(7.0, 2);
    expect(figure('cq.enterprises.high-tech@required-cagr-2023-2027').value).toBeCloseTo(13.83, 2);
    expect(figure('cq.enterprises.tech-based@required-cagr-2023-2027').value).toBeCloseTo(10.1, 2);
    expect(figure('fuling.total-output@2023-implied').value).toBeCloseTo(2407.4, 6);
  });

  it('every derived figure names existing observation inputs and a formula in both languages', () => {
    const observationIds = new Set(dataset.observations.map((observation) => observation.id));
    for (const item of derived) {
      expect(item.inputs.length).toBeGreaterThan(0);
      for (const input of item.inputs) expect(observationIds.has(input)).toBe(true);
      expect(item.formula.zh).not.toBe('');
      expect(item.formula.en).not.toBe('');
      expect(Number.isFinite(item.value)).toBe(true);
      expect(item.roundedValue).toBe(roundTo(item.value, item.decimals));
    }
    expect(new Set(derived.map((item) => item.id)).size).toBe(derived.length);
  });

  it('is computed from the observations, not typed in', () => {
    const edited: Dataset = structuredClone(dataset);
    const revenue = edited.observations.find((observation) => observation.id === 'cq.software.revenue@2024-target');
    if (!revenue) throw new Error('missing revenue observation');
    revenue.value = 4600;
    const recomputed = requireDerivedFigure(computeDerivedFigures(edited), 'cq.software.revenue@2023-implied');
    expect(recomputed.value).toBeCloseTo(4000, 6);
    expect(recomputed.formula.en).toContain('4600');
  });
});
