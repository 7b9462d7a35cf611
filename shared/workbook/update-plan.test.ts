import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { analyzeTarget } from '../engine/analysis';
import type { ScenarioSpec } from '../engine/models';
import { simulate } from '../engine/montecarlo';
import { parseImportFile } from '../import/parse-import';
import type { ExportedWorkbook } from '../import/types';
import type { Workspace, WorkspaceScenario } from '../workspace/schema';
import { loadStarterWorkspace } from '../workspace/starter';
import { buildScenarioWorkbook } from './build';
import { readScenariosFromWorkbook } from './read';
import { planWorkbookImport } from './update-plan';

const HIGH_TECH = 'high-tech-firms-19-2pct';
const NOW = '2026-03-02T09:30:00.000Z';

/** The defined-name prefix of a scenario: s1, s2, … in workspace order. */
function prefixOf(workspace: Workspace, id: string): string {
  return `s${workspace.scenarios.findIndex((scenario) => scenario.id === id) + 1}`;
}

/** The workspace exported as the app does, with cells set through their defined names as an analyst would in Excel. */
async function editedWorkbook(workspace: Workspace, cells: Readonly<Record<string, number>>): Promise<Uint8Array> {
  const bytes = await buildScenarioWorkbook({ workspace, lang: 'zh', appVersion: '0.1.0', exportedAt: '2026-03-01T08:00:00.000Z' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  for (const [name, value] of Object.entries(cells)) {
    const match = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)$/.exec(workbook.definedNames.getRanges(name).ranges[0] ?? '');
    if (!match) throw new Error(`no cell named ${name}`);
    const sheet = workbook.getWorksheet((match[1] ?? '').replace(/''/g, "'"));
    if (!sheet) throw new Error(`no sheet for ${name}`);
    sheet.getCell(`${match[2]}${match[3]}`).value = value;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** What the import worker hands the panel for a workbook exported by the app. */
async function imported(bytes: Uint8Array): Promise<{ workbook: ExportedWorkbook; indicators: Workspace['indicators'] }> {
  const result = await parseImportFile({ fileName: '情景推演台-导出.xlsx', bytes });
  if (!result.ok || result.workbook === undefined) throw new Error(`not read as an exported workbook: ${JSON.stringify(result)}`);
  return { workbook: result.workbook, indicators: result.indicators };
}

function specOf(scenario: WorkspaceScenario): ScenarioSpec {
  return scenario as ScenarioSpec;
}

describe('a workbook read back: the distribution follows the edited input (#14.3)', () => {
  it('#14.3 a rate changed to 12% in Excel moves the Monte Carlo mean to 12%, so verdict and probability agree: 2027 target of 12,700 missed and unlikely', async () => {
    const starter = loadStarterWorkspace();
    const read = await readScenariosFromWorkbook(await editedWorkbook(starter, { [`${prefixOf(starter, HIGH_TECH)}_rate`]: 0.12 }), { nowIso: NOW });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const highTech = read.scenarios.find((scenario) => scenario.id === HIGH_TECH) as WorkspaceScenario;
    expect(highTech.model === 'cagr' ? highTech.params.growthRatePercent : null).toBe(12);
    // normal(19.2, 4) in the starter: the mean follows the rate, the spread stays.
    expect(highTech.uncertainty?.distributions.growthRatePercent).toEqual({ kind: 'normal', mean: 12, sd: 4 });

    // The path: 7565 × 1.12⁴ = 7565 × 1.57351936 = 11,903.67 firms in 2027, below 12,700: not met.
    const target2027 = highTech.targets.find((target) => target.year === 2027);
    if (!target2027 || !highTech.uncertainty) throw new Error('the high-tech starter has a 2027 target and an uncertainty spec');
    const verdict = analyzeTarget(specOf(highTech), target2027);
    expect(verdict.projected).toBeCloseTo(11_903.67, 1);
    expect(verdict.met).toBe(false);

    // The simulation: each year's rate ~ normal(12, 4). ln(1 + r) has mean ≈ ln 1.12 − 0.04² / (2 · 1.12²) = 0.11269 and
    // sd ≈ 0.04 / 1.12 = 0.0357; over 4 years mean 0.45076, sd 0.0714. Reaching 12,700 needs ln(12700 / 7565) = 0.51806,
    // z = (0.51806 − 0.45076) / 0.0714 = 0.94, so P ≈ 17 %. With the old normal(19.2, 4) it was z = −2.7, P ≈ 99.7 %.
    const result = simulate({ scenario: specOf(highTech), uncertainty: highTech.uncertainty });
    const probability = result.targets.find((target) => target.year === 2027)?.probability;
    expect(probability).toBeGreaterThan(0.13);
    expect(probability).toBeLessThan(0.21);
  });
});

describe('planWorkbookImport: the update plan of a workbook read back (#14.3)', () => {
  it('#14.3 into the workspace it came from: the scenario is updated by id with the changed inputs listed, nothing is added', async () => {
    const starter = loadStarterWorkspace();
    const s = prefixOf(starter, HIGH_TECH);
    const { workbook, indicators } = await imported(await editedWorkbook(starter, { [`${s}_rate`]: 0.12, [`${s}_t2_value`]: 13_000 }));
    const plan = planWorkbookImport(starter, workbook, indicators);
    expect(plan.sameWorkspace).toBe(true);
    expect(plan.added).toEqual([]);
    expect(plan.problems).toEqual([]);
    expect(plan.updates.map((update) => update.scenarioId)).toEqual([HIGH_TECH]);
    const changes = plan.updates[0]?.changes ?? [];
    expect(changes.map(({ field, from, to }) => ({ field, from, to }))).toEqual([
      { field: { kind: 'growthRatePercent' }, from: 19.2, to: 12 },
      { field: { kind: 'targetValue', index: 1 }, from: 12_700, to: 13_000 },
    ]);
    // Each change names its cell as the problems do: the defined name and the Assumptions sheet's address.
    expect(changes[0]?.where).toMatch(new RegExp(`^${s}_rate \\(假设!D\\d+\\)$`));
    const updated = plan.updates[0]?.scenario;
    expect(updated?.uncertainty?.distributions.growthRatePercent).toEqual({ kind: 'normal', mean: 12, sd: 4 });
    // The workspace's own copy is updated (its name, notes, modifiedAt kept); only the inputs change.
    expect(updated?.name).toBe(starter.scenarios.find((scenario) => scenario.id === HIGH_TECH)?.name);
  });

  it('#14.3 compares with the workspace as it is now: an input already at the workbook’s value is not a change, one changed in the app since is', async () => {
    const starter = loadStarterWorkspace();
    const s = prefixOf(starter, HIGH_TECH);
    const { workbook, indicators } = await imported(await editedWorkbook(starter, { [`${s}_rate`]: 0.12 }));
    const already = {
      ...starter,
      scenarios: starter.scenarios.map((scenario) =>
        scenario.id === HIGH_TECH && scenario.model === 'cagr' ? { ...scenario, params: { growthRatePercent: 12 } } : scenario,
      ),
    };
    expect(planWorkbookImport(already, workbook, indicators).updates).toEqual([]);
    const moved = {
      ...starter,
      scenarios: starter.scenarios.map((scenario) =>
        scenario.id === HIGH_TECH && scenario.model === 'cagr' ? { ...scenario, params: { growthRatePercent: 25 } } : scenario,
      ),
    };
    expect(planWorkbookImport(moved, workbook, indicators).updates[0]?.changes.map(({ from, to }) => [from, to])).toEqual([[25, 12]]);
  });

  it('#14.3 a workbook from another workspace, or a scenario whose id is no longer here, is added as new and said so', async () => {
    const starter = loadStarterWorkspace();
    const { workbook, indicators } = await imported(await editedWorkbook(starter, { [`${prefixOf(starter, HIGH_TECH)}_rate`]: 0.12 }));
    const other: Workspace = { ...starter, createdAt: '2026-01-05T00:00:00.000Z' };
    const fromOther = planWorkbookImport(other, workbook, indicators);
    expect(fromOther.sameWorkspace).toBe(false);
    expect(fromOther.updates).toEqual([]);
    expect(fromOther.added).toHaveLength(starter.scenarios.length);

    const withoutHighTech: Workspace = { ...starter, scenarios: starter.scenarios.filter((scenario) => scenario.id !== HIGH_TECH) };
    const missing = planWorkbookImport(withoutHighTech, workbook, indicators);
    expect(missing.sameWorkspace).toBe(true);
    expect(missing.updates).toEqual([]);
    // Added with the Excel edit already in it.
    expect(missing.added.map((scenario) => [scenario.id, scenario.model === 'cagr' ? scenario.params.growthRatePercent : null])).toEqual([[HIGH_TECH, 12]]);
  });

  it('#14.3 lists edits it cannot apply (the model changed since) and refuses updates the engine rejects, naming the cell', async () => {
    const starter = loadStarterWorkspace();
    const { workbook, indicators } = await imported(
      await editedWorkbook(starter, { [`${prefixOf(starter, HIGH_TECH)}_rate`]: 0.12, [`${prefixOf(starter, 'tech-based-firms-logistic')}_ceiling`]: 70_000 }),
    );
    const changed: Workspace = {
      ...starter,
      scenarios: starter.scenarios.map((scenario) => {
        // In the app since the export: the high-tech scenario became linear, the logistic base rose to 80,000 (above the new ceiling).
        if (scenario.id === HIGH_TECH) return { ...scenario, model: 'linear', params: { incrementPerYear: 1219 }, uncertainty: undefined } as WorkspaceScenario;
        if (scenario.id === 'tech-based-firms-logistic') return { ...scenario, base: { ...scenario.base, value: 80_000 } };
        return scenario;
      }),
    };
    const plan = planWorkbookImport(changed, workbook, indicators);
    expect(plan.skipped.map((edit) => edit.scenarioId)).toEqual([HIGH_TECH]);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]?.where).toMatch(/_ceiling \(假设!D\d+\) → params\.ceiling$/);
    expect(plan.problems[0]?.messageZh).toMatch(/上限/);
  });
});
