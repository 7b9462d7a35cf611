import { describe, expect, it } from 'vitest';
import { loadStarterWorkspace } from '../../../shared/workspace/starter';
import type { WorkspaceScenario } from '../../../shared/workspace';
import {
  applyCheckedEdit,
  buildYearRows,
  issueText,
  parseNumberInput,
  projectionOf,
  sameButModifiedAt,
  scenarioIssues,
  stepValue,
  switchModel,
  tryEdit,
  withBuilderValue,
  withParameterValue,
} from './scenario-form';

function starter(id: string): WorkspaceScenario {
  const scenario = loadStarterWorkspace().scenarios.find((s) => s.id === id);
  if (!scenario) throw new Error(`starter has no ${id}`);
  return scenario;
}

describe('scenario builder logic', () => {
  it('steps 0.1 points, ten times as far with Shift, without floating-point drift', () => {
    expect(stepValue(15, 0.1, -1, true)).toBe(14);
    expect(stepValue(0.2, 0.1, 1, false)).toBe(0.3); // 0.2 + 0.1 is 0.30000000000000004 unrounded
  });

  it('puts the software revenue at (4200 / 1.15) × 1.12⁴ = 5746.766358 亿元 in 2027 after setting 12%', () => {
    const edited = withParameterValue(starter('software-revenue-15pct'), 'growthRatePercent', 12);
    const rows = buildYearRows(edited, projectionOf(edited), [], null);
    // 4200 × 1.57351936 / 1.15 = 6608.781312 / 1.15 = 5746.7663582…
    expect(rows.find((row) => row.year === 2027)?.projection).toBeCloseTo(5746.766358, 5);
  });

  it('moves the growth distribution with the rate so the band stays around the path', () => {
    const edited = withParameterValue(starter('software-revenue-15pct'), 'growthRatePercent', 12);
    // The starter's normal(15, 3) becomes normal(12, 3).
    expect(edited.uncertainty?.distributions.growthRatePercent).toEqual({ kind: 'normal', mean: 12, sd: 3 });
  });

  it('refuses a growth of −120% with the engine message, in Chinese and English', () => {
    const outcome = tryEdit(starter('software-revenue-15pct'), (s) => withParameterValue(s, 'growthRatePercent', -120), 'params.growthRatePercent');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(issueText(outcome.issue, 'zh')).toBe('增长率必须大于 −100%(当前为 −120)');
    expect(issueText(outcome.issue, 'en')).toBe('growth rate must be greater than −100% (got −120)');
  });

  it('refuses a ceiling at or below the base of 58,524 firms', () => {
    const outcome = tryEdit(starter('tech-based-firms-logistic'), (s) => withBuilderValue(s, 'ceiling', 50000), 'params.ceiling');
    expect(outcome.ok ? null : outcome.issue.code).toBe('ceiling-not-above-base');
  });

  it('switches a CAGR scenario to a logistic curve whose ceiling lies above its path', () => {
    const logistic = switchModel(starter('high-tech-firms-19-2pct'), 'logistic');
    expect(logistic.model).toBe('logistic');
    if (logistic.model !== 'logistic') return;
    // 7565 × 1.192⁷ ≈ 25,617 firms in 2030; the ceiling starts at about 1.5 times that.
    expect(logistic.params.ceiling).toBeGreaterThan(25_617);
    expect(scenarioIssues(logistic)).toEqual([]);
  });

  it('reads numbers the way analysts type them', () => {
    expect(parseNumberInput('１２')).toBe(12);
    expect(parseNumberInput('−3.5')).toBe(-3.5);
    expect(parseNumberInput('1,219')).toBe(1219);
    expect(parseNumberInput('12%')).toBe(12);
    expect(parseNumberInput('abc')).toBeNaN();
  });
});

describe('checking an edit once', () => {
  const software = () => starter('software-revenue-15pct');
  const toTwelve = (s: WorkspaceScenario) => withParameterValue(s, 'growthRatePercent', 12);

  it('sees the committed copy of a scenario (a new modifiedAt, the same parts) as the scenario it shows', () => {
    const shown = software();
    expect(sameButModifiedAt(shown, { ...shown, modifiedAt: '2026-12-01T00:00:00.000Z' })).toBe(true);
    expect(sameButModifiedAt(shown, { ...shown, notes: 'changed' })).toBe(false);
    // The same numbers in a new params object are a different scenario to keep (nothing is compared deeply).
    expect(sameButModifiedAt(shown, { ...shown, params: { growthRatePercent: 15 } } as WorkspaceScenario)).toBe(false);
  });

  it('stores the checked result itself when the workspace holds what the edit started from', () => {
    const from = software();
    const outcome = tryEdit(from, toTwelve, 'params.growthRatePercent');
    if (!outcome.ok) throw new Error('12% is a valid rate');
    const stored = { ...from, modifiedAt: '2026-12-01T00:00:00.000Z' };
    expect(applyCheckedEdit(stored, from, outcome.scenario, toTwelve, 'params.growthRatePercent')).toBe(outcome.scenario);
  });

  it('edits and checks afresh what another edit changed in between, and keeps it when the edit is refused there', () => {
    const from = software();
    const outcome = tryEdit(from, toTwelve, 'params.growthRatePercent');
    if (!outcome.ok) throw new Error('12% is a valid rate');
    // Another view renamed the scenario meanwhile: the rate is set on the renamed copy.
    const renamed = { ...from, name: '另一个名字' };
    const applied = applyCheckedEdit(renamed, from, outcome.scenario, toTwelve, 'params.growthRatePercent');
    expect(applied.name).toBe('另一个名字');
    expect(applied.model === 'cagr' ? applied.params.growthRatePercent : null).toBe(12);
    // A change the engine refuses on the stored copy (−120%) leaves it as it is.
    const refused = (s: WorkspaceScenario) => withParameterValue(s, 'growthRatePercent', -120);
    expect(applyCheckedEdit(renamed, from, outcome.scenario, refused, 'params.growthRatePercent')).toBe(renamed);
  });
});
