import { describe, expect, it } from 'vitest';
import { defaultBase, indicatorChoices, scenarioFromChoice, scenarioFromObservation } from './new-scenario';

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

describe('#14.12 a new scenario of imported data', () => {
  const workspace = {
    indicators: [
      {
        id: 'own.district-gdp',
        name: { zh: '区地区生产总值', en: '' },
        unit: 'cny-100m',
        sourceNote: '区统计公报',
        observations: [
          { id: 'own.district-gdp@2019-actual', year: 2019, value: 2500, kind: 'actual' as const },
          { id: 'own.district-gdp@2023-actual', year: 2023, value: 3000, kind: 'actual' as const },
          { id: 'own.district-gdp@2024-estimate', year: 2024, value: 3150, kind: 'estimate' as const },
          { id: 'own.district-gdp@2027-target', year: 2027, value: 4000, kind: 'target' as const },
        ],
      },
    ],
  };

  it('#14.12 starts from the latest actual year (2023), not the oldest (2019), with the later target', () => {
    const choice = indicatorChoices(workspace).find((c) => c.id === 'own.district-gdp');
    if (!choice) throw new Error('the imported indicator is offered');
    const base = defaultBase(choice);
    expect([base?.year, base?.value, base?.kind]).toEqual([2023, 3000, 'actual']);
    const scenario = scenarioFromChoice(workspace, base?.key ?? '', '2026-11-26T00:00:00.000Z');
    expect(scenario.base).toEqual({ year: 2023, value: 3000, observationId: 'own.district-gdp@2023-actual' });
    expect(scenario.targets).toEqual([{ year: 2027, value: 4000, observationId: 'own.district-gdp@2027-target' }]);
  });

  it('#14.12 starts from the latest estimate when there is no actual, and from the first figure when there is neither', () => {
    const estimates = { ...workspace.indicators[0]!, observations: workspace.indicators[0]!.observations.filter((o) => o.kind !== 'actual') };
    const [choice] = indicatorChoices({ indicators: [estimates] }).filter((c) => c.source === 'own');
    expect(choice && defaultBase(choice)?.year).toBe(2024);
    const plans = { ...estimates, observations: estimates.observations.filter((o) => o.kind === 'target') };
    const [planned] = indicatorChoices({ indicators: [plans] }).filter((c) => c.source === 'own');
    expect(planned && defaultBase(planned)?.year).toBe(2027);
  });

  it('#14.13.3 refuses to grow a one-off programme total (the "5+8" 39.8亿元 of 137 projects) as if it were yearly spending', () => {
    expect(() => scenarioFromObservation('cq.projects-5-8.total-investment@2023-actual', '2026-11-26T00:00:00.000Z')).toThrow(/"5\+8"专项总投资”是一次性总额/);
    expect(() => scenarioFromObservation('cq.projects-5-8.total-investment@2023-actual', '2026-11-26T00:00:00.000Z')).toThrow(/is a one-off total/);
    const offered = indicatorChoices({ indicators: [] }).map((choice) => choice.id);
    expect(offered).not.toContain('cq.projects-5-8.total-investment');
    expect(offered).not.toContain('cq.projects-5-8.fiscal-investment');
    // A yearly flow and a level stay on offer.
    expect(offered).toContain('cq.software.revenue');
    expect(offered).toContain('cq.enterprises.high-tech');
  });

  it('#14.13.4 a later forecast of the indicator becomes a reference of the new scenario, not a target', () => {
    const scenario = scenarioFromObservation('cn.diagnostics.market@2023-actual', '2026-11-26T00:00:00.000Z');
    expect(scenario.targets).toEqual([]);
    expect(scenario.references).toEqual([{ year: 2028, value: 5500, observationId: 'cn.diagnostics.market@2028-projection' }]);
  });
});
