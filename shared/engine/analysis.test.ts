import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeScenario, firstYearReached, linspace, requiredGrowth, tornadoSensitivity, twoWayTable } from './analysis';
import { EngineError } from './issues';
import { valueAtYear, withParameter, type ScenarioSpec } from './models';
import { brentRoot } from './rootfind';

const highTech: ScenarioSpec = {
  model: 'cagr',
  params: { growthRatePercent: 19.2 },
  base: { year: 2023, value: 7565 },
  horizonYear: 2030,
  targets: [
    { year: 2025, value: 10000 },
    { year: 2027, value: 12700 },
  ],
};

describe('required growth (hand-calculated with 30-digit decimals)', () => {
  it('7,565 (2023) → 10,000 (2025) needs 14.97 % a year', () => {
    // sqrt(10000 / 7565) − 1 = 0.1497291269829…
    const result = requiredGrowth(highTech, { year: 2025, value: 10000 });
    expect(result.status).toBe('reachable');
    if (result.status !== 'reachable') return;
    expect(result.value).toBeCloseTo(14.97291269829, 9);
    expect(result.method).toBe('closed-form');
  });

  it('7,565 (2023) → 12,700 (2027) needs 13.83 % a year', () => {
    // (12700 / 7565)^(1/4) − 1 = 0.1382789304976…
    const result = requiredGrowth(highTech, { year: 2027, value: 12700 });
    expect(result.status === 'reachable' && result.value).toBeCloseTo(13.82789304977, 9);
  });

  it('diagnostics 3,000 → 5,500 over 2023–2028 is 12.89 % a year', () => {
    const diagnostics: ScenarioSpec = { model: 'cagr', params: { growthRatePercent: 10 }, base: { year: 2023, value: 3000 }, horizonYear: 2030 };
    const result = requiredGrowth(diagnostics, { year: 2028, value: 5500 });
    expect(result.status === 'reachable' && Math.round(result.value * 100) / 100).toBe(12.89);
  });

  it('linear: (target − base) / years', () => {
    const spec: ScenarioSpec = { model: 'linear', params: { incrementPerYear: 1000 }, base: { year: 2023, value: 7565 }, horizonYear: 2030 };
    const result = requiredGrowth(spec, { year: 2027, value: 12700 });
    expect(result.status === 'reachable' && result.value).toBeCloseTo(1283.75, 10);
  });

  it('logistic: unreachable when the ceiling is at or below the target', () => {
    const spec: ScenarioSpec = { model: 'logistic', params: { growthRatePercent: 30, ceiling: 12000 }, base: { year: 2023, value: 7565 }, horizonYear: 2030 };
    const result = requiredGrowth(spec, { year: 2027, value: 12700 });
    expect(result.status).toBe('unreachable');
    expect(result.status === 'unreachable' && result.code).toBe('ceiling-not-above-target');
    expect(result.status === 'unreachable' && result.reason).toContain('ceiling 12000');
  });

  it('unreachable when the target year is not after the base year', () => {
    const result = requiredGrowth(highTech, { year: 2023, value: 10000 });
    expect(result.status === 'unreachable' && result.code).toBe('target-year-not-after-base');
  });

  it('property: projecting at the required value hits the target (relative 1e-9) for every model', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0.2, max: 20, noNaN: true }),
        fc.integer({ min: 1, max: 35 }),
        fc.array(fc.double({ min: -30, max: 40, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (base, ratio, years, rates) => {
          const target = { year: 2020 + years, value: base * ratio };
          const common = { base: { year: 2020, value: base }, horizonYear: 2060 };
          const specs: ScenarioSpec[] = [
            { ...common, model: 'cagr', params: { growthRatePercent: 5 } },
            { ...common, model: 'ratePath', params: { ratesPercent: rates } },
            { ...common, model: 'linear', params: { incrementPerYear: 1 } },
            { ...common, model: 'logistic', params: { growthRatePercent: 5, ceiling: base * Math.max(ratio, 1) * 1.5 } },
            { ...common, model: 'targetPath', params: { targetYear: 2020 + Math.max(1, Math.floor(years / 2)), targetValue: base * 2 } },
          ];
          for (const spec of specs) {
            const result = requiredGrowth(spec, target);
            expect(result.status).toBe('reachable');
            if (result.status !== 'reachable') continue;
            const solved = withParameter(spec, result.parameter, result.value);
            expect(Math.abs(valueAtYear(solved, target.year) / target.value - 1)).toBeLessThan(1e-9);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('targets', () => {
  it('first year reached: 10,000 in 2025, 12,700 in 2026 (7565 × 1.192³ = 12,812.61)', () => {
    expect(firstYearReached(highTech, 10000)).toBe(2025);
    expect(firstYearReached(highTech, 12700)).toBe(2026);
    expect(firstYearReached(highTech, 1e9)).toBeNull();
  });

  it('gaps in absolute terms and percent', () => {
    const [first, second] = analyzeScenario(highTech).targets;
    expect(first?.gap).toBeCloseTo(748.83616, 6);
    expect(first?.gapPercent).toBeCloseTo(7.4883616, 6);
    expect(first?.met).toBe(true);
    expect(second?.projected).toBeCloseTo(15272.6343416, 5);
    expect(second?.firstYearReached).toBe(2026);
  });

  it('a projection that misses is reported as not met with a negative gap', () => {
    const cautious: ScenarioSpec = {
      model: 'cagr',
      params: { growthRatePercent: 10 },
      base: { year: 2023, value: 58524 },
      horizonYear: 2030,
      targets: [{ year: 2027, value: 86000 }],
    };
    const [target] = analyzeScenario(cautious).targets;
    // 58524 × 1.1⁴ = 58524 × 1.4641 = 85684.9884
    expect(target?.projected).toBeCloseTo(85684.9884, 4);
    expect(target?.gap).toBeCloseTo(-315.0116, 4);
    expect(target?.met).toBe(false);
  });
});

describe('sensitivity and data tables', () => {
  const simple: ScenarioSpec = { model: 'cagr', params: { growthRatePercent: 10 }, base: { year: 2020, value: 100 }, horizonYear: 2025 };

  it('tornado bars are sorted by swing', () => {
    const result = tornadoSensitivity(
      simple,
      [
        { key: 'growthRatePercent', low: 5, high: 15 },
        { key: 'baseValue', low: 90, high: 110 },
      ],
      { kind: 'valueAtYear', year: 2021 },
    );
    expect(result.baseline).toBeCloseTo(110, 10);
    expect(result.bars.map((bar) => bar.key)).toEqual(['baseValue', 'growthRatePercent']);
    expect(result.bars[0]?.outputAtLow).toBeCloseTo(99, 10);
    expect(result.bars[0]?.swing).toBeCloseTo(22, 10);
    expect(result.bars[1]?.outputAtLow).toBeCloseTo(105, 10);
    expect(result.bars[1]?.swing).toBeCloseTo(10, 10);
  });

  it('tornado rejects a range that makes the scenario invalid, naming the range', () => {
    expect(() => tornadoSensitivity(simple, [{ key: 'growthRatePercent', low: -120, high: 15 }], { kind: 'valueAtYear', year: 2021 })).toThrowError(
      /ranges\[0\]\.low/,
    );
  });

  it('two-way table: row-major values, NaN for invalid cells', () => {
    const table = twoWayTable(
      simple,
      { key: 'baseValue', values: [100, 200] },
      { key: 'growthRatePercent', values: [0, 50, -120] },
      { kind: 'valueAtYear', year: 2022 },
    );
    expect(table.values[0]).toBeCloseTo(100, 10);
    expect(table.values[1]).toBeCloseTo(225, 10);
    expect(table.values[2]).toBeNaN();
    expect(table.values[3]).toBeCloseTo(200, 10);
    expect(table.values[4]).toBeCloseTo(450, 10);
    expect(table.invalidCells).toBe(2);
  });

  it('two-way table rejects the same parameter on both axes', () => {
    expect(() => twoWayTable(simple, { key: 'baseValue', values: [1] }, { key: 'baseValue', values: [2] }, { kind: 'valueAtYear', year: 2022 })).toThrowError(
      EngineError,
    );
  });

  it('linspace includes both ends', () => {
    expect(linspace(5, 30, 6)).toEqual([5, 10, 15, 20, 25, 30]);
  });
});

describe('brentRoot', () => {
  it('finds the cube root of 2', () => {
    const result = brentRoot((x) => x * x * x - 2, 0, 2);
    expect(result.converged).toBe(true);
    expect(result.root).toBeCloseTo(1.2599210498948732, 12);
  });

  it('rejects a bracket without a sign change', () => {
    expect(() => brentRoot((x) => x * x + 1, -1, 1)).toThrowError(RangeError);
  });
});
