import { describe, expect, it } from 'vitest';
import { loadStarterWorkspace } from '../../../shared/workspace/starter';
import type { WorkspaceScenario } from '../../../shared/workspace';
import {
  applyCheckedEdit,
  baseIsLinked,
  buildYearRows,
  fieldOfKey,
  issueText,
  parseNumberInput,
  projectedValue,
  projectionOf,
  sameButModifiedAt,
  scenarioIssues,
  stepValue,
  switchModel,
  tryEdit,
  withBuilderValue,
  withParameterValue,
  withTargetAdded,
  withTargetLabel,
  withTargetRemoved,
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

  it('#14.3 the builder moves every parameter’s distribution with it: a ceiling of 120,000 → 130,000 moves triangular(100k, 120k, 140k) by 10,000', () => {
    const logistic: WorkspaceScenario = {
      ...starter('tech-based-firms-logistic'),
      uncertainty: {
        distributions: { ceiling: { kind: 'triangular', min: 100_000, mode: 120_000, max: 140_000 } },
        shockMode: 'perYear',
        trials: 1000,
        seed: 1,
      },
    };
    const edited = withBuilderValue(logistic, 'ceiling', 130_000);
    expect(edited.uncertainty?.distributions.ceiling).toEqual({ kind: 'triangular', min: 110_000, mode: 130_000, max: 150_000 });
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

describe('#14.4 the base and the targets are edited in the builder', () => {
  // The high-tech baseline: 7,565 firms in 2023 (the article), 19.2% a year, targets 10,000 in 2025 and 12,700 in 2027.
  const highTech = () => starter('high-tech-firms-19-2pct');
  const edit = (s: WorkspaceScenario, key: string, value: number) => tryEdit(s, (x) => withBuilderValue(x, key, value), fieldOfKey(s, key));

  it('#14.4 a typed base value becomes the analyst’s own figure and moves the whole path', () => {
    const outcome = edit(highTech(), 'baseValue', 8000);
    if (!outcome.ok) throw new Error(outcome.issue.message);
    const edited = outcome.scenario;
    // The link to the article's 7,565 is gone: the base is now the analyst's figure.
    expect(edited.base).toEqual({ year: 2023, value: 8000 });
    expect(baseIsLinked(edited)).toBe(false);
    expect(baseIsLinked(highTech())).toBe(true);
    // 8000 × 1.192² = 8000 × 1.420864 = 11,366.912 firms in 2025.
    expect(projectedValue(edited, 2025)).toBeCloseTo(11366.912, 6);
  });

  it('#14.4 a typed base year starts the path a year earlier, unlinked', () => {
    const outcome = edit(highTech(), 'baseYear', 2022);
    if (!outcome.ok) throw new Error(outcome.issue.message);
    expect(outcome.scenario.base).toEqual({ year: 2022, value: 7565 });
    // 7565 × 1.192³ = 7565 × 1.693669888 = 12,812.61 firms in 2025.
    expect(projectedValue(outcome.scenario, 2025)).toBeCloseTo(12812.6127, 3);
  });

  it('#14.4 a base year after a target year is refused, naming the target year', () => {
    const outcome = edit(highTech(), 'baseYear', 2026);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    // The 2025 target would lie before the base.
    expect(outcome.issue.field).toBe('targets[0].year');
    expect(issueText(outcome.issue, 'zh')).toBe('目标年份必须晚于基期年份 2026(当前为 2025)');
  });

  it('#14.4 a target’s year and value are edited, and the figure typed is the analyst’s own', () => {
    const outcome = edit(highTech(), 'target:1:value', 13000);
    if (!outcome.ok) throw new Error(outcome.issue.message);
    // The label stays (it is shown, and editable, beside the value); the link to the article's 12,700 goes.
    expect(outcome.scenario.targets[1]).toEqual({
      label: '2027年目标:超过1.27万家(“双倍增”)',
      labelEn: '2027 target: over 12,700 firms ("double doubling")',
      year: 2027,
      value: 13000,
    });
    const moved = edit(outcome.scenario, 'target:1:year', 2028);
    if (!moved.ok) throw new Error(moved.issue.message);
    expect(moved.scenario.targets.map((t) => [t.year, t.value])).toEqual([
      [2025, 10000],
      [2028, 13000],
    ]);
  });

  it('#14.4 a target before the base year, a fractional year and a huge value are refused with messages naming the field', () => {
    const before = edit(highTech(), 'target:0:year', 2020);
    expect(before.ok ? null : [before.issue.field, issueText(before.issue, 'zh')]).toEqual(['targets[0].year', '目标年份必须晚于基期年份 2023(当前为 2020)']);
    const fraction = edit(highTech(), 'target:0:year', 2025.5);
    expect(fraction.ok ? null : issueText(fraction.issue, 'en')).toBe('year must be a whole number (got 2025.5)');
    const huge = edit(highTech(), 'target:0:value', 1e16);
    expect(huge.ok ? null : huge.issue.field).toBe('targets[0].value');
    expect(huge.ok ? null : issueText(huge.issue, 'en')).toMatch(/^target value must be at most 1e15 in magnitude/);
    const baseHuge = edit(highTech(), 'baseValue', 2e15);
    expect(baseHuge.ok ? null : issueText(baseHuge.issue, 'zh')).toMatch(/^基期值的绝对值不能超过 1e15/);
  });

  it('#14.4 a target is added on the path at the horizon, labelled, and removed', () => {
    const added = withTargetAdded(highTech());
    // The horizon is 2030: 7565 × 1.192⁷ = 7565 × 3.4193 ≈ 25,866.8 firms, rounded to the slider step of 100.
    expect(added.targets.at(-1)).toEqual({ year: 2030, value: 25900 });
    expect(scenarioIssues(added)).toEqual([]);
    // A second one goes to the year after the last target.
    expect(withTargetAdded(added).targets.at(-1)?.year).toBe(2031);
    const labelled = withTargetLabel(added, 2, '  “十五五”末  ');
    expect(labelled.targets[2]?.label).toBe('“十五五”末');
    expect(withTargetLabel(labelled, 2, ' ').targets[2]).toEqual({ year: 2030, value: 25900 });
    const removed = withTargetRemoved(labelled, 0);
    expect(removed.targets.map((t) => t.year)).toEqual([2027, 2030]);
  });

  it('#14.8 a retyped target note is the note in both languages: the old English note does not stay behind', () => {
    // The starter's 2027 target reads "2027 target: over 12,700 firms" in English; typed over, English must not keep the old text.
    const retyped = withTargetLabel(highTech(), 1, '2027年目标:1.3万家');
    expect(retyped.targets[1]).toEqual({ label: '2027年目标:1.3万家', year: 2027, value: 12700, observationId: 'cq.enterprises.high-tech@2027-target' });
  });
});
