import { describe, expect, it } from 'vitest';
import { getBundledDataset, runConsistencyChecks, type Dataset } from './index';

const dataset = getBundledDataset();
const checks = runConsistencyChecks(dataset);
const check = (id: string) => {
  const found = checks.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

describe('consistency checks', () => {
  it('2027 high-tech target 12,700 ≈ 2 × 6346 = 12,693 → pass', () => {
    const doubling = check('cq.enterprises.high-tech.double-doubling');
    expect(doubling.verdict).toBe('pass');
    expect(doubling.expected).toBeCloseTo(12692.95, 1);
    expect(doubling.actual).toBe(12700);
    // 1.27万 is rounded to 100 firms, so ±50 at least.
    expect(doubling.tolerance).toBeGreaterThanOrEqual(50);
  });

  it('2027 tech-based target 86,000 ≈ 2 × 43,001 = 86,002 → pass', () => {
    const doubling = check('cq.enterprises.tech-based.double-doubling');
    expect(doubling.verdict).toBe('pass');
    expect(doubling.expected).toBeCloseTo(86001.47, 1);
  });

  it('6.36 + 33.44 = 39.8 → pass', () => {
    const sum = check('cq.projects-5-8.investment-sum');
    expect(sum.verdict).toBe('pass');
    expect(sum.expected).toBeCloseTo(39.8, 9);
    expect(sum.figures).toHaveLength(3);
  });

  it('3071 new high-tech recognitions vs ≈1219 net increase → info, ≈1852 dropped out', () => {
    const turnover = check('cq.enterprises.high-tech.turnover');
    expect(turnover.verdict).toBe('info');
    expect(turnover.expected).toBeCloseTo(1218.52, 1);
    expect(turnover.difference).toBeCloseTo(1852.48, 1);
    expect(turnover.explanation.zh).toContain('1852');
    expect(turnover.explanation.en).toContain('1852');
  });

  it('15535 new tech-based firms vs 58524 − 43001 = 15523 net → pass within growth-rate rounding', () => {
    const newVsNet = check('cq.enterprises.tech-based.new-vs-net');
    expect(newVsNet.verdict).toBe('pass');
    expect(newVsNet.expected).toBeCloseTo(15523.27, 1);
    // 36.1% is rounded to 0.1 pp: 58524/1.3605 − 58524/1.3615 ≈ 31.6, half ≈ 15.8.
    expect(newVsNet.tolerance).toBeCloseTo(15.8, 1);
  });

  it('4 national + 12 municipal high-tech zones = 16 → pass', () => {
    expect(check('cq.zones.high-tech-count').verdict).toBe('pass');
  });

  it('named list counts: 4 labs pass, 3 of 8 key programmes info', () => {
    expect(check('cq.chongqing-laboratories.count').verdict).toBe('pass');
    expect(check('cq.projects-5-8.key-domains-named.count').verdict).toBe('info');
    expect(check('cq.software.mantianxing-key-tasks.count').verdict).toBe('pass');
  });

  it('the truncated diagnostics share is flagged as missing → warn', () => {
    const missing = check('cn.diagnostics.new-technology-share@2028-projection.missing');
    expect(missing.verdict).toBe('warn');
    expect(missing.actual).toBeNull();
  });

  it('2023 growth carries the 2025 and 2027 enterprise targets → pass', () => {
    for (const id of [
      'cq.enterprises.high-tech.pace-to-2025',
      'cq.enterprises.high-tech.pace-to-2027',
      'cq.enterprises.tech-based.pace-to-2025',
      'cq.enterprises.tech-based.pace-to-2027',
    ]) {
      expect(check(id).verdict).toBe('pass');
    }
  });

  it('no check fails on the bundled data, and every check is readable in both languages', () => {
    for (const item of checks) {
      expect(item.verdict).not.toBe('fail');
      expect(item.title.zh && item.title.en && item.explanation.zh && item.explanation.en).toBeTruthy();
      expect(item.figures.length).toBeGreaterThan(0);
    }
    expect(new Set(checks.map((item) => item.id)).size).toBe(checks.length);
  });

  it('turns to fail when an identity breaks', () => {
    const edited: Dataset = structuredClone(dataset);
    const total = edited.observations.find((observation) => observation.id === 'cq.projects-5-8.total-investment@2023-actual');
    if (!total) throw new Error('missing total');
    total.value = 41;
    const sum = runConsistencyChecks(edited).find((item) => item.id === 'cq.projects-5-8.investment-sum');
    expect(sum?.verdict).toBe('fail');
  });
});
