import { describe, expect, it } from 'vitest';
import type { ScenarioSpec } from '../../../shared/engine';
import { loadStarterWorkspace } from '../../../shared/workspace/starter';
import { axisValueProblem, axisValues, clampSteps, defaultAxisKeys, defaultMetricId, metricOptions, rangeOf } from './sensitivity-options';

const scenarios = loadStarterWorkspace().scenarios;
const starterSoftware = scenarios.find((s) => s.id === 'software-revenue-15pct');
// The software scenario from a round base, its 2024 target of 4200亿元, with no target: the numbers below are in 4200.
const software = starterSoftware && { ...starterSoftware, base: { year: 2024, value: 4200 }, targets: [] };
const highTech = scenarios.find((s) => s.id === 'high-tech-firms-19-2pct');

describe('sensitivity options', () => {
  it('offer every year after the base and the gap to each target, defaulting to 2027', () => {
    if (!software || !highTech) throw new Error('starter scenarios missing');
    // Software: base 2024, horizon 2030 → 2025…2030, no targets.
    expect(metricOptions(software).map((o) => o.id)).toEqual(['value:2025', 'value:2026', 'value:2027', 'value:2028', 'value:2029', 'value:2030']);
    expect(defaultMetricId(software)).toBe('value:2027');
    expect(
      metricOptions(highTech)
        .map((o) => o.id)
        .slice(-2),
    ).toEqual(['gap:0', 'gap:1']);
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

describe('sensitivity axis ends outside the unit bounds', () => {
  it('are refused with the engine message (in the UI language)', () => {
    if (!software) throw new Error('starter scenario missing');
    expect(axisValueProblem(software, 'growthRatePercent', 1e308, 'en')).toBe('growth rate must be at most 1000% (got 1e+308)');
    expect(axisValueProblem(software, 'growthRatePercent', -100, 'zh')).toBe('增长率必须大于 −100%(当前为 −100)');
    expect(axisValueProblem(software, 'baseValue', 5e-324, 'en')).toBe('base value must be at least 1e-9 (got 5e-324)');
    expect(axisValueProblem(software, 'baseValue', Infinity, 'en')).toBe('must be a finite number (got ∞)');
    expect(axisValueProblem(software, 'growthRatePercent', 1000, 'en')).toBeNull();
    expect(axisValueProblem(software, 'baseValue', 1e15, 'en')).toBeNull();
  });

  it('default ranges stay within the bounds for a scenario at the bounds (1000 %, 1e15)', () => {
    const edge: ScenarioSpec = { model: 'cagr', params: { growthRatePercent: 1000 }, base: { year: 2024, value: 1e15 }, horizonYear: 2030 };
    // Without the clamp the high ends would be 1005 % and 1.1e15, and the tornado chart would be refused.
    expect(rangeOf(edge, 'growthRatePercent')).toEqual({ key: 'growthRatePercent', low: 995, high: 1000 });
    expect(rangeOf(edge, 'baseValue')).toEqual({ key: 'baseValue', low: 9e14, high: 1e15 });
  });
});
