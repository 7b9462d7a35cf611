import { describe, expect, it } from 'vitest';
import { indicatorChoices, scenarioFromObservation } from './new-scenario';

describe('scenarioFromObservation', () => {
  it('starts from the 2023 high-tech enterprise count with the 2025 and 2027 targets of the article', () => {
    const scenario = scenarioFromObservation('cq.enterprises.high-tech@2023-actual', '2026-11-26T00:00:00.000Z', 'zh');
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
    expect(() => scenarioFromObservation('cn.diagnostics.new-technology-share@2028-projection', '2026-11-26T00:00:00.000Z', 'en')).toThrow(/has no value/);
  });

  it('#14.13.3 refuses to grow a one-off programme total (the "5+8" 39.8亿元 of 137 projects) as if it were yearly spending', () => {
    expect(() => scenarioFromObservation('cq.projects-5-8.total-investment@2023-actual', '2026-11-26T00:00:00.000Z', 'zh')).toThrow(
      /"5\+8"专项总投资”是一次性总额/,
    );
    expect(() => scenarioFromObservation('cq.projects-5-8.total-investment@2023-actual', '2026-11-26T00:00:00.000Z', 'en')).toThrow(/is a one-off total/);
    const offered = indicatorChoices({ indicators: [] }).map((choice) => choice.id);
    expect(offered).not.toContain('cq.projects-5-8.total-investment');
    expect(offered).not.toContain('cq.projects-5-8.fiscal-investment');
    // A yearly flow and a level stay on offer.
    expect(offered).toContain('cq.software.revenue');
    expect(offered).toContain('cq.enterprises.high-tech');
  });

  it('#14.13.4 a later forecast of the indicator becomes a reference of the new scenario, not a target', () => {
    const scenario = scenarioFromObservation('cn.diagnostics.market@2023-actual', '2026-11-26T00:00:00.000Z', 'zh');
    expect(scenario.targets).toEqual([]);
    expect(scenario.references).toEqual([{ year: 2028, value: 5500, observationId: 'cn.diagnostics.market@2028-projection' }]);
  });
});
