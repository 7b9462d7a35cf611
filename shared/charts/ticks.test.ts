import { describe, expect, it } from 'vitest';
import { niceTicks, valueAxis, yearAxis, yearTicks } from './ticks';

describe('year ticks of the scenario chart', () => {
  it('labels every year of a short horizon, starting at the base year', () => {
    expect(yearTicks([2024, 2030])).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
  });

  it('thins a longer horizon to at most seven labels in round steps', () => {
    // 2023–2030 spans 7 years: steps of 2 years.
    expect(yearTicks([2023, 2030])).toEqual([2023, 2025, 2027, 2029]);
    // 2023–2050 spans 27 years: steps of 5 years.
    expect(yearTicks([2023, 2050])).toEqual([2023, 2028, 2033, 2038, 2043, 2048]);
  });

  it('gives the one year of a single-year chart', () => {
    expect(yearTicks([2024, 2024])).toEqual([2024]);
  });

  it('labels a year axis with the plain year', () => {
    expect(yearAxis([2023, 2027])).toEqual({
      domain: [2023, 2027],
      ticks: [2023, 2024, 2025, 2026, 2027],
      tickLabels: ['2023', '2024', '2025', '2026', '2027'],
    });
  });
});

describe('nice value ticks', () => {
  it('rounds outwards to a step of 2 × 10^n for 4200…10000 (a fifth of the span is 1160)', () => {
    expect(niceTicks(4200, 10000)).toEqual([4000, 6000, 8000, 10000]);
  });

  it('uses a step of 2.5 when a fifth of the span lies between 2 and 2.5', () => {
    // (12 − 0) / 5 = 2.4: the step is 2.5, and 12 rounds out to 12.5.
    expect(niceTicks(0, 12)).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
  });

  it('prints decimal steps as written (0.3, not 0.30000000000000004)', () => {
    expect(niceTicks(0, 0.5)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it('gives a flat line one tick either side', () => {
    expect(niceTicks(7, 7)).toEqual([6, 7, 8]);
  });

  it('falls back to 0…1 when there is nothing to show', () => {
    expect(niceTicks(Infinity, -Infinity)).toEqual([0, 1]);
  });
});

describe('value axis', () => {
  it('spans the data and the values it must include, labelled in 亿元 as the axis title says', () => {
    // 4200亿元 of revenue in 2023 and a 10,000亿元 target: ticks of 2000亿元.
    expect(valueAxis([4200, 6500, null, Number.NaN], 'cny-100m', 'zh', [10000])).toEqual({
      domain: [4000, 10000],
      ticks: [4000, 6000, 8000, 10000],
      tickLabels: ['4,000', '6,000', '8,000', '10,000'],
    });
  });

  it('labels the same axis in English in CNY 100 million, as its title says', () => {
    expect(valueAxis([4200, 10000], 'cny-100m', 'en').tickLabels).toEqual(['4,000', '6,000', '8,000', '10,000']);
  });
});

describe('value axis of a user’s own unit', () => {
  it('labels the ticks with plain numbers when the unit is free text', () => {
    // 120…980 台: a fifth of the span is 172, so steps of 200.
    expect(valueAxis([120, 980], '台', 'zh').tickLabels).toEqual(['0', '200', '400', '600', '800', '1,000']);
  });
});
