import { describe, expect, it } from 'vitest';
import { yearTicks } from './chart-ticks';

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
});
