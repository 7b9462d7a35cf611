import { describe, expect, it } from 'vitest';
import { analyzeTarget } from './analysis';
import type { ScenarioSpec } from './models';
import { shortfallPercent, targetVerdict, verdictLabel, verdictName } from './verdict';

const highTech: ScenarioSpec = { model: 'cagr', params: { growthRatePercent: 19.2 }, base: { year: 2023, value: 7565 }, horizonYear: 2030 };
const linear: ScenarioSpec = { model: 'linear', params: { incrementPerYear: 1219 }, base: { year: 2023, value: 7565 }, horizonYear: 2030 };

describe('#14.9 one target gets one verdict', () => {
  it('#14.9 a projection at or beyond the target is on track: 7565 × 1.192² = 10,748.8 ≥ 10,000 in 2025', () => {
    const analysis = analyzeTarget(highTech, { year: 2025, value: 10000 });
    expect(analysis.projected).toBeCloseTo(10748.83616, 5);
    expect(targetVerdict(analysis, null)).toBe('onTrack');
    expect(verdictLabel(targetVerdict(analysis, null), 'zh')).toBe('✓ 按期实现');
    expect(verdictLabel(targetVerdict(analysis, null), 'en')).toBe('✓ On track');
  });

  it('#14.9 a missed target within 5% is at risk, in both languages: 7565 + 4 × 1219 = 12,441 is 2.04% short of 12,700 in 2027', () => {
    const analysis = analyzeTarget(linear, { year: 2027, value: 12700 });
    expect(analysis.projected).toBe(12441);
    // (12700 − 12441) / 12700 = 259 / 12700 = 2.0394 %
    expect(shortfallPercent(analysis)).toBeCloseTo(2.0394, 3);
    expect(targetVerdict(analysis, null)).toBe('atRisk');
    expect(verdictName('atRisk', 'zh')).toBe('存在风险');
    expect(verdictName('atRisk', 'en')).toBe('At risk');
  });

  it('#14.9 a missed target more than 5% short is off track: 7565 + 2 × 1219 = 10,003 is 9.07% short of 11,000 in 2025', () => {
    // (11000 − 10003) / 11000 = 997 / 11000 = 9.0636 %
    const analysis = analyzeTarget(linear, { year: 2025, value: 11000 });
    expect(shortfallPercent(analysis)).toBeCloseTo(9.0636, 3);
    expect(targetVerdict(analysis, null)).toBe('offTrack');
    expect(verdictLabel('offTrack', 'zh')).toBe('✗ 难以实现');
  });

  it('#14.9 the 5% line: 12,441 against 13,096 is 5.0015% short (off track), against 13,095 4.9943% short (at risk)', () => {
    // (13096 − 12441) / 13096 = 655 / 13096 = 5.0015 %; (13095 − 12441) / 13095 = 654 / 13095 = 4.9943 %
    expect(targetVerdict(analyzeTarget(linear, { year: 2027, value: 13096 }), null)).toBe('offTrack');
    expect(targetVerdict(analyzeTarget(linear, { year: 2027, value: 13095 }), null)).toBe('atRisk');
  });

  it('#14.9 a met target with a Monte Carlo probability below 50% is at risk; at 50% or more it stays on track', () => {
    const analysis = analyzeTarget(highTech, { year: 2025, value: 10000 });
    expect(targetVerdict(analysis, 0.49)).toBe('atRisk');
    expect(targetVerdict(analysis, 0.5)).toBe('onTrack');
    expect(targetVerdict(analysis, 0.99)).toBe('onTrack');
  });

  it('#14.9 a decline target is judged in its own direction: 100 falling 10% a year is 81 in 2 years, 1.25% above a target of 80', () => {
    const decline: ScenarioSpec = { model: 'cagr', params: { growthRatePercent: -10 }, base: { year: 2023, value: 100 }, horizonYear: 2030 };
    // 100 × 0.9² = 81; (81 − 80) / 80 = 1.25 % short of the decline → at risk; 81 ≤ 82 → on track.
    expect(targetVerdict(analyzeTarget(decline, { year: 2025, value: 80 }), null)).toBe('atRisk');
    expect(targetVerdict(analyzeTarget(decline, { year: 2025, value: 82 }), null)).toBe('onTrack');
    // 100 × 0.9² = 81 against 70: (81 − 70) / 70 = 15.7 % short → off track.
    expect(targetVerdict(analyzeTarget(decline, { year: 2025, value: 70 }), null)).toBe('offTrack');
  });

  it('#14.9 a target that no growth rate reaches under the model is unreachable, even when the miss is small', () => {
    // A logistic curve with a ceiling of 12,700 comes ever closer to 12,700 but never reaches it, whatever its rate.
    const logistic: ScenarioSpec = {
      model: 'logistic',
      params: { growthRatePercent: 30, ceiling: 12700 },
      base: { year: 2023, value: 7565 },
      horizonYear: 2030,
    };
    const analysis = analyzeTarget(logistic, { year: 2027, value: 12700 });
    expect(analysis.met).toBe(false);
    expect(targetVerdict(analysis, null)).toBe('unreachable');
    expect(verdictLabel('unreachable', 'en')).toBe('⊘ Unreachable');
  });
});
