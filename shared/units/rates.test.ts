import { describe, expect, it } from 'vitest';
import {
  changePercent,
  constantGrowthFactor,
  constantGrowthPercent,
  fractionToPercent,
  fractionToPercentRounded,
  growthFactor,
  percentOf,
  percentToFraction,
  rateOfFactor,
} from './index';

describe('percent ↔ fraction', () => {
  it('divides and multiplies by 100, nothing more', () => {
    expect(percentToFraction(15)).toBe(0.15);
    expect(percentToFraction(-100)).toBe(-1);
    expect(percentToFraction(0)).toBe(0);
    expect(fractionToPercent(0.15)).toBe(15);
    expect(fractionToPercent(-1)).toBe(-100);
    // The binary noise of ×100 stays: 0.07 is stored as 0.07000000000000000666…
    expect(fractionToPercent(0.07)).toBe(7.000000000000001);
  });

  it('rounded: 12 significant digits undo the noise and keep what a person types', () => {
    expect(fractionToPercentRounded(0.07)).toBe(7);
    expect(fractionToPercentRounded(0.57)).toBe(57);
    expect(fractionToPercentRounded(0.145)).toBe(14.5);
    expect(fractionToPercentRounded(0.123456789)).toBe(12.3456789);
    expect(fractionToPercentRounded(-0.999999)).toBe(-99.9999);
  });

  it('round-trips a typed rate exactly', () => {
    for (const percent of [7, 12.93, 15, 19.2, 36.1, -99.999, 1000]) expect(fractionToPercentRounded(percentToFraction(percent))).toBe(percent);
  });

  it('passes NaN and ±Infinity through', () => {
    expect(percentToFraction(Number.NaN)).toBeNaN();
    expect(fractionToPercent(Number.NaN)).toBeNaN();
    expect(fractionToPercentRounded(Number.NaN)).toBeNaN();
    expect(fractionToPercent(Infinity)).toBe(Infinity);
  });
});

describe('growth factors', () => {
  it('15 % a year is ×1.15; −100 % is ×0; 1000 % is ×11', () => {
    expect(growthFactor(15)).toBe(1.15);
    expect(growthFactor(0)).toBe(1);
    expect(growthFactor(-100)).toBe(0);
    expect(growthFactor(1000)).toBe(11);
  });

  it('is 1 + r / 100 in that order, the operations the engine relies on', () => {
    for (const rate of [0.1, 1.7, 12.93, -3.3, 999.9]) expect(growthFactor(rate)).toBe(1 + rate / 100);
  });

  it('back to a rate: ×1.15 is 15 % up to the rounding of 1.15', () => {
    expect(rateOfFactor(1.15)).toBeCloseTo(15, 12);
    expect(rateOfFactor(1)).toBe(0);
    expect(rateOfFactor(0)).toBe(-100);
    expect(rateOfFactor(11)).toBe(1000);
    expect(rateOfFactor(Number.NaN)).toBeNaN();
  });
});

describe('constant growth (CAGR)', () => {
  it('4200 × 1.15³ = 6387.675, so 4200 → 6387.7 in 3 years is 15 % a year to the printed precision', () => {
    expect(4200 * 1.15 * 1.15 * 1.15).toBeCloseTo(6387.675, 9);
    const rate = constantGrowthPercent(4200, 6387.7, 3);
    expect(rate).toBeCloseTo(15, 3);
    expect(rate.toFixed(2)).toBe('15.00');
    // Not exactly 15: 6387.7 is 6387.675 rounded up, (6387.7 / 4200)^(1/3) = 1.1500015…
    expect(rate).toBeGreaterThan(15);
  });

  it('7565 firms → 10000 in 4 years: (10000 / 7565)^(1/4) − 1 ≈ 7.2254 %', () => {
    // ln(10000 / 7565) = 0.279062…, a quarter of it is 0.0697655…, e^0.0697655 = 1.072254…
    expect(constantGrowthPercent(7565, 10000, 4)).toBeCloseTo(7.2254, 4);
    expect(constantGrowthFactor(7565, 10000, 4)).toBeCloseTo(1.072254, 6);
  });

  it('doubling in 5 years is 2^(1/5) − 1 ≈ 14.87 % a year; halving in one year is −50 %', () => {
    expect(constantGrowthPercent(100, 200, 5)).toBeCloseTo(14.8698, 4);
    expect(constantGrowthPercent(100, 50, 1)).toBe(-50);
    expect(constantGrowthPercent(7, 7, 10)).toBe(0);
  });

  it('the percent is exactly rateOfFactor of the factor, so the two never disagree', () => {
    for (const [from, to, years] of [
      [4200, 6387.7, 3],
      [7565, 10000, 4],
      [1e-9, 1e15, 160],
      [58524, 86000, 4],
    ] as const) {
      expect(constantGrowthPercent(from, to, years)).toBe(rateOfFactor(constantGrowthFactor(from, to, years)));
      expect(constantGrowthFactor(from, to, years)).toBe(Math.pow(to / from, 1 / years));
    }
  });

  it('is NaN where no rate exists: a start or end of 0 or below, no years, NaN anywhere', () => {
    expect(constantGrowthPercent(0, 100, 5)).toBeNaN();
    expect(constantGrowthPercent(-100, 100, 5)).toBeNaN();
    expect(constantGrowthPercent(100, 0, 5)).toBeNaN();
    expect(constantGrowthPercent(100, -5, 1)).toBeNaN();
    expect(constantGrowthPercent(100, 200, 0)).toBeNaN();
    expect(constantGrowthPercent(100, 200, -2)).toBeNaN();
    expect(constantGrowthPercent(Number.NaN, 200, 2)).toBeNaN();
    expect(constantGrowthPercent(100, Number.NaN, 2)).toBeNaN();
    expect(constantGrowthPercent(100, 200, Number.NaN)).toBeNaN();
  });

  it('the factor alone is unchecked, as Excel computes (E/B)^(1/n)', () => {
    expect(constantGrowthFactor(0, 100, 5)).toBe(Infinity);
    expect(constantGrowthFactor(-4, 8, 1)).toBe(-2);
    expect(constantGrowthFactor(-4, 8, 3)).toBeNaN();
  });
});

describe('change in percent', () => {
  it('is (to − from) / from × 100', () => {
    expect(changePercent(10000, 12700)).toBe(27);
    expect(changePercent(200, 150)).toBe(-25);
    expect(changePercent(5, 5)).toBe(0);
    expect(changePercent(-200, -100)).toBe(-50);
  });

  it('is NaN from a base of 0 (or −0) and for NaN', () => {
    expect(changePercent(0, 5)).toBeNaN();
    expect(changePercent(-0, 5)).toBeNaN();
    expect(changePercent(0, 0)).toBeNaN();
    expect(changePercent(Number.NaN, 5)).toBeNaN();
    expect(changePercent(5, Number.NaN)).toBeNaN();
  });
});

describe('a percent of an amount', () => {
  it('the 95th percentile of 100,000 values is at rank 99,999 × 95 / 100 = 94,999.05', () => {
    expect(percentOf(99_999, 95)).toBe(94_999.05);
    expect(percentOf(4200, 15)).toBe(630);
  });

  it('multiplies before dividing: 3 × 7 / 100 = 0.21 exactly as written, where 3 × (7 / 100) gives 0.21000000000000002', () => {
    expect(percentOf(3, 7)).toBe(0.21);
    expect(3 * (7 / 100)).not.toBe(0.21);
  });
});
