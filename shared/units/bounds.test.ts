import { describe, expect, it } from 'vitest';
import { MAX_ABS_VALUE, MAX_GROWTH_FACTOR, MAX_RATE_PERCENT, MIN_POSITIVE_VALUE, rateBoundProblem, valueBoundProblem, withoutNegativeZero } from './index';

describe('unit bounds', () => {
  it('keep the largest valid path finite: 1e15 × 11^160 ≈ 4.2e181, and a million of them sum to ≈ 4.2e187', () => {
    expect(MAX_GROWTH_FACTOR).toBe(11);
    let value = MAX_ABS_VALUE;
    for (let year = 1900; year < 2060; year++) value *= MAX_GROWTH_FACTOR;
    expect(value).toBeGreaterThan(4.19e181);
    expect(value).toBeLessThan(4.2e181);
    expect(Number.isFinite(value * 1e6)).toBe(true);
  });

  it('rates: above −100 %, at most 1000 %', () => {
    expect([-100, -99.999, 0, -0, 1000, 1000.001, NaN, Infinity].map(rateBoundProblem)).toEqual([
      'rate-too-low',
      null,
      null,
      null,
      null,
      'rate-too-high',
      'not-finite',
      'not-finite',
    ]);
    expect(MAX_RATE_PERCENT).toBe(1000);
  });

  it('values: positive ones from 1e-9, levels 0 or from 1e-9 in magnitude, flows any size, all at most 1e15', () => {
    const values = [0, -0, 5e-324, 1e-10, MIN_POSITIVE_VALUE, -1e-9, 1e15, -1e15, 1.0000001e15, NaN];
    expect(values.map((v) => valueBoundProblem(v, 'positive'))).toEqual([
      'value-not-positive',
      'value-not-positive',
      'value-too-small',
      'value-too-small',
      null,
      'value-not-positive',
      null,
      'value-not-positive',
      'value-too-large',
      'not-finite',
    ]);
    expect(values.map((v) => valueBoundProblem(v, 'level'))).toEqual([
      null,
      null,
      'value-too-small',
      'value-too-small',
      null,
      null,
      null,
      null,
      'value-too-large',
      'not-finite',
    ]);
    expect(values.map((v) => valueBoundProblem(v, 'flow'))).toEqual([null, null, null, null, null, null, null, null, 'value-too-large', 'not-finite']);
  });

  it('−0 becomes 0, everything else stays', () => {
    expect(Object.is(withoutNegativeZero(-0), 0)).toBe(true);
    expect(withoutNegativeZero(-3)).toBe(-3);
    expect(withoutNegativeZero(NaN)).toBeNaN();
  });
});
