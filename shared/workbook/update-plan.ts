/**
 * What importing a workbook exported by Scenario Desk does to the open workspace. Into the workspace it
 * came from, the input cells changed in Excel update the scenarios they belong to, matched by id, through
 * the one input setter (`withInput`, which moves each parameter's Monte Carlo distribution with it);
 * nothing is added twice. A scenario whose id is no longer in the workspace, and every scenario of a
 * workbook from another workspace, is added as new, and the plan says so. Pure: the import panel shows
 * the plan before anything changes and applies it as one undo step. No exceljs here.
 */
import { validateScenarioSpec } from '../engine/models';
import { validateUncertainty } from '../engine/montecarlo';
import type { ExportedWorkbook } from '../import/types';
import { readInput, withInput, type InputChange } from '../workspace/inputs';
import type { ImportedIndicator, Workspace, WorkspaceScenario } from '../workspace/schema';

export interface ScenarioUpdate {
  readonly scenarioId: string;
  /** `from`: the value in the workspace now; `to`: the workbook's cell. */
  readonly changes: readonly InputChange[];
  /** The workspace's scenario with the changes applied. */
  readonly scenario: WorkspaceScenario;
}

export interface WorkbookUpdateProblem {
  readonly scenarioId: string;
  /** The changed cells of the scenario, `s4_rate (假设!D8)`, and the engine's field. */
  readonly where: string;
  readonly message: string;
  readonly messageZh: string;
}

export interface WorkbookImportPlan {
  /** The workbook was exported from this workspace (the same `createdAt`). */
  readonly sameWorkspace: boolean;
  readonly updates: readonly ScenarioUpdate[];
  /** Cells changed in Excel for an input the scenario no longer has (its model or rate path changed in the app since). */
  readonly skipped: readonly InputChange[];
  /** Added as new scenarios: from another workspace all of them, from this one those whose id is no longer in it. */
  readonly added: readonly WorkspaceScenario[];
  /** Indicators to add or replace: from another workspace all of them, from this one those not in it. */
  readonly indicators: readonly ImportedIndicator[];
  /** Updates the engine refuses (e.g. a ceiling now below the base); when there are any, nothing is imported. */
  readonly problems: readonly WorkbookUpdateProblem[];
}

function validationProblems(scenario: WorkspaceScenario, changes: readonly InputChange[]): WorkbookUpdateProblem[] {
  const issues = validateScenarioSpec(scenario);
  if (issues.length === 0 && scenario.uncertainty !== undefined) issues.push(...validateUncertainty(scenario, scenario.uncertainty));
  const cells = changes.map((change) => change.where ?? change.field.kind).join(', ');
  return issues.map((issue) => ({ scenarioId: scenario.id, where: `${cells} → ${issue.field}`, message: issue.message, messageZh: issue.messageZh }));
}

export function planWorkbookImport(workspace: Workspace, workbook: ExportedWorkbook, indicators: readonly ImportedIndicator[]): WorkbookImportPlan {
  const sameWorkspace = workbook.workspaceCreatedAt === workspace.createdAt;
  if (!sameWorkspace) return { sameWorkspace, updates: [], skipped: [], added: workbook.scenarios, indicators, problems: [] };

  const current = new Map(workspace.scenarios.map((scenario) => [scenario.id, scenario]));
  const added = workbook.scenarios.filter((scenario) => !current.has(scenario.id));
  const byScenario = new Map<string, InputChange[]>();
  const skipped: InputChange[] = [];
  for (const edit of workbook.edits) {
    const scenario = current.get(edit.scenarioId);
    // An edit of a scenario added as new is already in that scenario.
    if (scenario === undefined) continue;
    const now = readInput(scenario, edit.field);
    if (now === undefined) skipped.push(edit);
    else if (now !== edit.to) byScenario.set(edit.scenarioId, [...(byScenario.get(edit.scenarioId) ?? []), { ...edit, from: now }]);
  }
  const updates: ScenarioUpdate[] = [];
  const problems: WorkbookUpdateProblem[] = [];
  // In workspace order, so the list the user reads follows the scenario list.
  for (const scenario of workspace.scenarios) {
    const changes = byScenario.get(scenario.id);
    if (changes === undefined) continue;
    const updated = changes.reduce((s, change) => withInput(s, change.field, change.to), scenario);
    problems.push(...validationProblems(updated, changes));
    updates.push({ scenarioId: scenario.id, changes, scenario: updated });
  }
  const known = new Set(workspace.indicators.map((indicator) => indicator.id));
  return { sameWorkspace, updates, skipped, added, indicators: indicators.filter((indicator) => !known.has(indicator.id)), problems };
}

/** How many inputs the plan changes. */
export function changedInputCount(plan: WorkbookImportPlan): number {
  return plan.updates.reduce((sum, update) => sum + update.changes.length, 0);
}
