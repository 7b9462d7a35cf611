import { describe, expect, it } from 'vitest';
import { loadStarterWorkspace } from '../../../shared/workspace/starter';
import { axisValues, clampSteps, defaultAxisKeys, defaultMetricId, metricOptions, rangeOf } from './sensitivity-options';

const scenarios = loadStarterWorkspace().scenarios;
const software = scenarios.find((s) => s.id === 'software-revenue-15pct');
const highTech = scenarios.find((s) => s.id === 'high-tech-firms-19-2pct');

describe('sensitivity options', () => {
  it('offer every year after the base and the gap to each target, defaulting to 2027', () => {
    if (!software || !highTech) throw new Error('starter scenarios missing');
    // Software: base 2024, horizon 2030 → 2025…2030, no targets.
    expect(metricOptions(software).map((o) => o.id)).toEqual(['value:2025', 'value:2026', 'value:2027', 'value:2028', 'value:2029', 'value:2030']);
    expect(defaultMetricId(software)).toBe('value:2027');
    expect(metricOptions(highTech).map((o) => o.id).slice(-2)).toEqual(['gap:0', 'gap:1']);
  });

  it('default to growth rate × base value with 7 steps centred on the scenario (15%, 4200亿元)', () => {
    if (!software) throw new Error('starter scenario missing');
    expect(defaultAxisKeys(software)).toEqual({ rowKey: 'growthRatePercent', columnKey: 'baseValue' });
    const rate = rangeOf(software, 'growthRatePercent');
    const base = rangeOf(software, 'baseValue');
    // Rates ±5 points: 10…20 in 7 steps → centre 15; base ±10 %: 3780…4620 → centre 4200.
    expect(axisValues(rate?.low ?? NaN, rate?.high ?? NaN, 7)[3]).toBe(15);
    expect(axisValues(base?.low ?? NaN, base?.high ?? NaN, 7)[3]).toBeCloseTo(4200, 9);
    expect(clampSteps(500)).toBe(50);
    expect(clampSteps(1)).toBe(2);
  });
});
