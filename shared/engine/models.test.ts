import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EngineError } from './issues';
import { projectScenario, validateScenarioSpec, valueAtYear, withParameter, type ScenarioSpec } from './models';

const highTech: ScenarioSpec = { model: 'cagr', params: { growthRatePercent: 19.2 }, base: { year: 2023, value: 7565 }, horizonYear: 2030 };

describe('projection models (expected values by hand)', () => {
  it('CAGR: 7,565 firms at 19.2 % reach 10,748.84 in 2025 (7565 × 1.192²)', () => {
    expect(valueAtYear(highTech, 2025)).toBeCloseTo(10748.83616, 6);
    expect(projectScenario(highTech).values[2]).toBeCloseTo(10748.83616, 6);
  });

  it('CAGR: software 4,200 亿元 (2024) at 15 % is 6,387.675 in 2027 (4200 × 1.15³)', () => {
    const software: ScenarioSpec = { model: 'cagr', params: { growthRatePercent: 15 }, base: { year: 2024, value: 4200 }, horizonYear: 2030 };
    expect(valueAtYear(software, 2027)).toBeCloseTo(6387.675, 6);
    const path = projectScenario(software);
    expect(path.startYear).toBe(2024);
    expect(path.values.length).toBe(7);
  });

  it('rate path: 100 at 10 %, then 20 %, the last rate continues', () => {
    const spec: ScenarioSpec = { model: 'ratePath', params: { ratesPercent: [10, 20] }, base: { year: 2020, value: 100 }, horizonYear: 2023 };
    const values = Array.from(projectScenario(spec).values);
    expect(values[1]).toBeCloseTo(110, 10);
    expect(values[2]).toBeCloseTo(132, 10);
    expect(values[3]).toBeCloseTo(158.4, 10);
  });

  it('linear: 7,565 firms + 4,000 a year is 15,565 in 2025', () => {
    const spec: ScenarioSpec = { model: 'linear', params: { incrementPerYear: 4000 }, base: { year: 2023, value: 7565 }, horizonYear: 2027 };
    expect(Array.from(projectScenario(spec).values)).toEqual([7565, 11565, 15565, 19565, 23565]);
  });

  it('logistic: odds v/(K−v) multiply by (1 + rate) each year (50 of 100 at 100 % → 66.67 → 80)', () => {
    const spec: ScenarioSpec = { model: 'logistic', params: { growthRatePercent: 100, ceiling: 100 }, base: { year: 2020, value: 50 }, horizonYear: 2022 };
    const values = projectScenario(spec).values;
    expect(values[1]).toBeCloseTo(200 / 3, 10);
    expect(values[2]).toBeCloseTo(80, 10);
  });

  it('target path: 3,000 (2023) → 5,500 (2028), then the same rate', () => {
    const spec: ScenarioSpec = { model: 'targetPath', params: { targetYear: 2028, targetValue: 5500 }, base: { year: 2023, value: 3000 }, horizonYear: 2029 };
    const values = projectScenario(spec).values;
    expect(values[5]).toBeCloseTo(5500, 8);
    expect(values[1]).toBeCloseTo(3000 * 1.1288813207301975, 8);
    expect(values[6]).toBeCloseTo(5500 * 1.1288813207301975, 6);
  });

  it('rateShiftPercent shifts every rate of a path', () => {
    const spec: ScenarioSpec = { model: 'ratePath', params: { ratesPercent: [10, 20] }, base: { year: 2020, value: 100 }, horizonYear: 2022 };
    const shifted = withParameter(spec, 'rateShiftPercent', 5);
    expect(shifted.model === 'ratePath' && shifted.params.ratesPercent).toEqual([15, 25]);
  });
});

describe('validation names the field', () => {
  const withRate = (growthRatePercent: number): ScenarioSpec => ({ ...highTech, params: { growthRatePercent } });

  it('rejects −120 % with the documented message', () => {
    const [issue] = validateScenarioSpec(withRate(-120), 'scenarios[2]');
    expect(issue?.code).toBe('rate-too-low');
    expect(issue?.field).toBe('scenarios[2].params.growthRatePercent');
    expect(issue?.message).toBe('scenarios[2].params.growthRatePercent: growth rate must be greater than −100% (got −120)');
    expect(issue?.messageZh).toContain('增长率必须大于 −100%');
  });

  it.each([-100, -150])('rejects %d %%', (rate) => {
    const issues = validateScenarioSpec(withRate(rate));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('params.growthRatePercent');
    expect(issues[0]?.message).toContain('greater than −100%');
  });

  it('accepts −99.9 %', () => {
    expect(validateScenarioSpec(withRate(-99.9))).toEqual([]);
  });

  it('rejects NaN and infinity', () => {
    expect(validateScenarioSpec(withRate(NaN))[0]).toMatchObject({ code: 'not-finite', field: 'params.growthRatePercent' });
    expect(validateScenarioSpec({ ...highTech, base: { year: 2023, value: Infinity } })[0]).toMatchObject({ code: 'not-finite', field: 'base.value' });
  });

  it('rejects a horizon before the base year and after 2060', () => {
    expect(validateScenarioSpec({ ...highTech, horizonYear: 2020 })[0]).toMatchObject({ code: 'horizon-before-base', field: 'horizonYear' });
    expect(validateScenarioSpec({ ...highTech, horizonYear: 2061 })[0]).toMatchObject({ code: 'horizon-too-late', field: 'horizonYear' });
  });

  it('rejects a logistic ceiling at or below the base', () => {
    const spec: ScenarioSpec = { model: 'logistic', params: { growthRatePercent: 20, ceiling: 7000 }, base: { year: 2023, value: 7565 }, horizonYear: 2030 };
    const [issue] = validateScenarioSpec(spec);
    expect(issue).toMatchObject({ code: 'ceiling-not-above-base', field: 'params.ceiling' });
    expect(issue?.message).toContain('ceiling must be greater than the base value 7565 (got 7000)');
    expect(validateScenarioSpec({ ...spec, params: { growthRatePercent: 20, ceiling: 7565 } })[0]?.code).toBe('ceiling-not-above-base');
  });

  it('names the element of a rate path and target fields', () => {
    const spec: ScenarioSpec = {
      model: 'ratePath',
      params: { ratesPercent: [10, -101] },
      base: { year: 2023, value: 1 },
      horizonYear: 2030,
      targets: [{ year: 2022, value: 5 }],
    };
    const fields = validateScenarioSpec(spec).map((issue) => issue.field);
    expect(fields).toEqual(['params.ratesPercent[1]', 'targets[0].year']);
  });

  it('projectScenario throws a typed EngineError', () => {
    expect(() => projectScenario(withRate(-150))).toThrowError(EngineError);
    try {
      projectScenario(withRate(-150));
    } catch (error) {
      expect(error instanceof EngineError && error.field).toBe('params.growthRatePercent');
    }
  });
});

describe('properties', () => {
  it('paths are monotone in the growth rate (CAGR, logistic, rate path)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 80, noNaN: true }),
        fc.double({ min: -90, max: 80, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        (rateA, rateB, base, years) => {
          const [low, high] = rateA <= rateB ? [rateA, rateB] : [rateB, rateA];
          const specs = (rate: number): ScenarioSpec[] => [
            { model: 'cagr', params: { growthRatePercent: rate }, base: { year: 2020, value: base }, horizonYear: 2020 + years },
            { model: 'logistic', params: { growthRatePercent: rate, ceiling: base * 3 }, base: { year: 2020, value: base }, horizonYear: 2020 + years },
            { model: 'ratePath', params: { ratesPercent: [rate, rate / 2 + 5] }, base: { year: 2020, value: base }, horizonYear: 2020 + years },
          ];
          const lows = specs(low).map((spec) => projectScenario(spec).values);
          const highs = specs(high).map((spec) => projectScenario(spec).values);
          lows.forEach((lowPath, model) => {
            const highPath = highs[model] as Float64Array;
            lowPath.forEach((value, year) => expect(value).toBeLessThanOrEqual((highPath[year] as number) * (1 + 1e-12)));
          });
        },
      ),
    );
  });

  it('logistic paths stay below the ceiling', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 300, noNaN: true }), fc.double({ min: 1.01, max: 100, noNaN: true }), (rate, ceilingRatio) => {
        const spec: ScenarioSpec = {
          model: 'logistic',
          params: { growthRatePercent: rate, ceiling: 1000 * ceilingRatio },
          base: { year: 2020, value: 1000 },
          horizonYear: 2060,
        };
        for (const value of projectScenario(spec).values) expect(value).toBeLessThanOrEqual(1000 * ceilingRatio * (1 + 1e-12));
      }),
    );
  });
});
