/**
 * Edits of a workspace as pure functions: each returns a new workspace (or the same object
 * when nothing changed), so the undo history can hold snapshots.
 */
import { namesAfter, withNames, type BilingualText, type NameChange } from '../../../shared/units';
import type { ImportedIndicator, Workspace, WorkspaceScenario } from '../../../shared/workspace';

function touch<T extends { modifiedAt: string }>(item: T, nowIso: string): T {
  return { ...item, modifiedAt: nowIso };
}

export function updateScenario(workspace: Workspace, id: string, change: (scenario: WorkspaceScenario) => WorkspaceScenario, nowIso: string): Workspace {
  let changed = false;
  const scenarios = workspace.scenarios.map((scenario) => {
    if (scenario.id !== id) return scenario;
    const next = change(scenario);
    if (next === scenario) return scenario;
    changed = true;
    return touch(next, nowIso);
  });
  return changed ? touch({ ...workspace, scenarios }, nowIso) : workspace;
}

/** An id that is readable, valid in the file format and not yet used. */
export function uniqueScenarioId(workspace: Workspace, wanted: string): string {
  const stem =
    wanted
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+|-+$/g, '')
      .slice(0, 60) || 'scenario';
  const used = new Set(workspace.scenarios.map((s) => s.id));
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/**
 * A new scenario with the id it will get in this workspace. Callers make it on the workspace they
 * show, outside the edit's updater, and select that id: React may run the updater later (when a
 * slider step's transition is pending), so nothing can be read back from it. addScenario keeps the
 * id unless the workspace the edit applies to has taken it meanwhile.
 */
export function withFreeId(workspace: Workspace, scenario: WorkspaceScenario): WorkspaceScenario {
  return { ...scenario, id: uniqueScenarioId(workspace, scenario.id) };
}

export function addScenario(workspace: Workspace, scenario: WorkspaceScenario, nowIso: string): Workspace {
  const id = uniqueScenarioId(workspace, scenario.id);
  return touch({ ...workspace, scenarios: [...workspace.scenarios, { ...scenario, id, createdAt: nowIso, modifiedAt: nowIso }] }, nowIso);
}

export function deleteScenario(workspace: Workspace, id: string, nowIso: string): Workspace {
  if (!workspace.scenarios.some((s) => s.id === id)) return workspace;
  return touch(
    {
      ...workspace,
      scenarios: workspace.scenarios.filter((s) => s.id !== id),
      baselineScenarioId: workspace.baselineScenarioId === id ? null : workspace.baselineScenarioId,
    },
    nowIso,
  );
}

/** Duplicates a scenario next to it; the copy's names are the original's with the copy suffix of each language ("（副本）", " (copy)"). */
/** The id a copy of scenario `id` gets in this workspace (chosen before the edit, as withFreeId does). */
export function copyIdOf(workspace: Workspace, id: string): string {
  return uniqueScenarioId(workspace, `${id}-copy`);
}

/**
 * A copy of the scenario after the original. `wantedId`: the id the caller chose beforehand (copyIdOf
 * on the workspace it shows), used unless the workspace the edit applies to already has it.
 */
export function duplicateScenario(
  workspace: Workspace,
  id: string,
  copySuffix: BilingualText,
  nowIso: string,
  wantedId?: string,
): { workspace: Workspace; newId: string | null } {
  const index = workspace.scenarios.findIndex((s) => s.id === id);
  const original = workspace.scenarios[index];
  if (!original) return { workspace, newId: null };
  const newId = wantedId !== undefined && !workspace.scenarios.some((s) => s.id === wantedId) ? wantedId : copyIdOf(workspace, original.id);
  const copy: WorkspaceScenario = {
    ...withNames(original, namesAfter(original, { kind: 'copy', suffix: copySuffix })),
    id: newId,
    createdAt: nowIso,
    modifiedAt: nowIso,
  };
  const scenarios = [...workspace.scenarios.slice(0, index + 1), copy, ...workspace.scenarios.slice(index + 1)];
  return { workspace: touch({ ...workspace, scenarios }, nowIso), newId };
}

/** Changes a scenario's names by the one name model (shared/units/names.ts); the same workspace when they stay as they are. */
export function nameScenario(workspace: Workspace, id: string, change: NameChange, nowIso: string): Workspace {
  return updateScenario(workspace, id, (s) => withNames(s, namesAfter(s, change)), nowIso);
}

/** The name the user typed, in whichever language: the scenario's name in both until an English name is given. Blank names are ignored. */
export function renameScenario(workspace: Workspace, id: string, name: string, nowIso: string): Workspace {
  return nameScenario(workspace, id, { kind: 'typed', text: name }, nowIso);
}

export function setBaseline(workspace: Workspace, id: string | null, nowIso: string): Workspace {
  if (workspace.baselineScenarioId === id) return workspace;
  return touch({ ...workspace, baselineScenarioId: id }, nowIso);
}

export function renameWorkspace(workspace: Workspace, name: string, nowIso: string): Workspace {
  const trimmed = name.trim().slice(0, 200);
  if (!trimmed || (trimmed === workspace.name && workspace.nameEn === undefined)) return workspace;
  // A typed name is the name in both languages: the English name it replaces would still show in English.
  const { nameEn: _replaced, ...rest } = workspace;
  return touch({ ...rest, name: trimmed }, nowIso);
}

/** Adds or replaces the user's own indicators (by id); the bundled dataset is never touched. */
export function upsertIndicators(workspace: Workspace, indicators: readonly ImportedIndicator[], nowIso: string): Workspace {
  if (indicators.length === 0) return workspace;
  const incoming = new Map(indicators.map((i) => [i.id, i]));
  const kept = workspace.indicators.filter((i) => !incoming.has(i.id));
  return touch({ ...workspace, indicators: [...kept, ...indicators] }, nowIso);
}
