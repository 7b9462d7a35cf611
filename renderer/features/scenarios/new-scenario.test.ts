import { describe, expect, it } from 'vitest';
import { scenarioFromObservation } from './new-scenario';

describe('scenarioFromObservation', () => {
  it('starts from the 2023 high-tech enterprise count with the 2025 and 2027 targets of the article', () => {
    const scenario = scenarioFromObservation('cq.enterprises.high-tech@2023-actual', '2026-11-26T00:00:00.000Z');
    expect(scenario.base).toEqual({ year: 2023, value: 7565, observationId: 'cq.enterprises.high-tech@2023-actual' });
    expect(scenario.targets.map((t) => [t.year, t.value])).toEqual([
      [2025, 10000],
      [2027, 12700],
    ]);
    expect(scenario.unit).toBe('firms');
    expect(scenario.horizonYear).toBe(2030);
    expect(scenario.model).toBe('cagr');
  });

  it('refuses a figure the article lost', () => {
    expect(() => scenarioFromObservation('cn.diagnostics.new-technology-share@2028-projection', '2026-11-26T00:00:00.000Z')).toThrow(/has no value/);
  });
});
