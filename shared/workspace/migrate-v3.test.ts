import { describe, expect, it } from 'vitest';
import { validateUncertainty } from '../engine';
import { parseWorkspace } from './parse';
import { loadStarterWorkspace } from './starter';

/** The diagnostics path scenario as version 2 saved it: the 2028 forecast as a target and a spread on the actual 2023 base. */
const v2Text = JSON.stringify({
  formatVersion: 2,
  name: 'v2',
  createdAt: '2024-02-26T00:00:00.000Z',
  modifiedAt: '2024-02-26T00:00:00.000Z',
  baselineScenarioId: null,
  scenarios: [
    {
      id: 'diagnostics-market-target-path',
      name: '全国诊断产业规模',
      indicatorId: 'cn.diagnostics.market',
      indicatorName: { zh: '全国诊断产业规模', en: 'National diagnostics industry output' },
      unit: 'cny-100m',
      base: { year: 2023, value: 3000, observationId: 'cn.diagnostics.market@2023-actual' },
      model: 'targetPath',
      params: { targetYear: 2028, targetValue: 5500 },
      horizonYear: 2030,
      targets: [
        { label: '2028年预测规模约5500亿元', year: 2028, value: 5500, observationId: 'cn.diagnostics.market@2028-projection' },
        { label: '自定目标', year: 2030, value: 7000 },
      ],
      uncertainty: {
        distributions: {
          baseValue: { kind: 'triangular', min: 2800, mode: 3000, max: 3200 },
          targetValue: { kind: 'pert', min: 5000, mode: 5500, max: 6000 },
        },
        shockMode: 'perTrial',
        trials: 20000,
        seed: 2028,
      },
      notes: '',
      createdAt: '2024-02-26T00:00:00.000Z',
      modifiedAt: '2024-02-26T00:00:00.000Z',
    },
  ],
  indicators: [],
});

describe('format 2 → 3', () => {
  it('#14.13.4 a version-2 target at a forecast (projection) becomes a reference; the user’s own target stays a target', () => {
    const result = parseWorkspace(v2Text);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.migratedFrom).toBe(2);
    const [scenario] = result.workspace.scenarios;
    expect(scenario?.targets.map((t) => [t.year, t.value])).toEqual([[2030, 7000]]);
    expect(scenario?.references?.map((r) => [r.year, r.value, r.observationId])).toEqual([[2028, 5500, 'cn.diagnostics.market@2028-projection']]);
    expect(result.changes.map((c) => c.path)).toContain('$.scenarios[0].references');
  });

  it('#14.7 a version-2 spread on an actual base is dropped on opening, and the user is told which', () => {
    const result = parseWorkspace(v2Text);
    if (!result.ok) throw new Error('expected the file to open');
    const distributions = result.workspace.scenarios[0]?.uncertainty?.distributions;
    expect(distributions?.baseValue).toBeUndefined();
    // The spread on the forecast is an assumption about the future and stays.
    expect(distributions?.targetValue).toEqual({ kind: 'pert', min: 5000, mode: 5500, max: 6000 });
    const change = result.changes.find((c) => c.path === '$.scenarios[0].uncertainty.distributions.baseValue');
    expect(change?.message).toMatch(/3000 \(2023\) is an actual/);
    expect(change?.messageZh).toMatch(/实际值/);
  });
});

describe('#14.7 the engine refuses a spread on an actual base', () => {
  it('#14.7 validation names the field, the value and why', () => {
    const scenario = loadStarterWorkspace().scenarios.find((s) => s.id === 'diagnostics-market-target-path');
    if (!scenario?.uncertainty) throw new Error('starter path scenario is simulated');
    const issues = validateUncertainty(scenario, {
      ...scenario.uncertainty,
      distributions: { ...scenario.uncertainty.distributions, baseValue: { kind: 'triangular', min: 2800, mode: 3000, max: 3200 } },
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'actual-has-no-spread', field: 'uncertainty.distributions.baseValue' });
    expect(issues[0]?.message).toContain('the base value 3000 (2023) is an actual figure (cn.diagnostics.market@2023-actual)');
    expect(issues[0]?.messageZh).toContain('基期值 3000（2023年）是已发生的实际值');
  });

  it('#14.7 a version-3 file with such a spread is refused with that message at its path', () => {
    const v3 = JSON.parse(v2Text) as { formatVersion: number; scenarios: { targets: unknown[] }[] };
    v3.formatVersion = 3;
    const first = v3.scenarios[0];
    if (first) first.targets = [];
    const result = parseWorkspace(JSON.stringify(v3));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({
        path: '$.scenarios[0].uncertainty.distributions.baseValue',
        code: 'invalid-value',
        message: expect.stringMatching(/is an actual figure/),
      }),
    ]);
  });

  it('a base the article does not report as an actual (an implied or imported estimate) may still carry a spread', () => {
    const software = loadStarterWorkspace().scenarios.find((s) => s.id === 'software-revenue-15pct');
    if (!software?.uncertainty) throw new Error('software starter is simulated');
    const issues = validateUncertainty(software, {
      ...software.uncertainty,
      distributions: { ...software.uncertainty.distributions, baseValue: { kind: 'triangular', min: 3500, mode: 3652, max: 3800 } },
    });
    expect(issues).toEqual([]);
  });
});
