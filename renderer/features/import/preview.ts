/**
 * What the preview shows before anything is added: per indicator, whether it is new or
 * replaces one of the same id already in the workspace, and how many values it brings.
 */
import type { WorkbookImportPlan } from '../../../shared/workbook/update-plan';
import { MAX_INDICATORS, type ImportedIndicator, type Workspace } from '../../../shared/workspace';
import { addScenario, updateScenario, upsertIndicators } from '../../app/workspace/workspace-edits';

export interface PreviewRow {
  indicator: ImportedIndicator;
  status: 'new' | 'replaces';
  valueCount: number;
  firstYear: number | null;
  lastYear: number | null;
}

export function previewRows(workspace: Workspace, indicators: readonly ImportedIndicator[]): PreviewRow[] {
  const existing = new Set(workspace.indicators.map((i) => i.id));
  return indicators.map((indicator) => {
    const years = indicator.observations.map((o) => o.year);
    return {
      indicator,
      status: existing.has(indicator.id) ? 'replaces' : 'new',
      valueCount: indicator.observations.length,
      firstYear: years.length > 0 ? Math.min(...years) : null,
      lastYear: years.length > 0 ? Math.max(...years) : null,
    };
  });
}

/** How many indicators the workspace would hold after the import; the file format allows MAX_INDICATORS. */
export function indicatorCountAfterImport(workspace: Workspace, indicators: readonly ImportedIndicator[]): number {
  const ids = new Set(workspace.indicators.map((i) => i.id));
  for (const indicator of indicators) ids.add(indicator.id);
  return ids.size;
}

export function fitsInWorkspace(workspace: Workspace, indicators: readonly ImportedIndicator[]): boolean {
  return indicatorCountAfterImport(workspace, indicators) <= MAX_INDICATORS;
}

/**
 * The edit the Import button applies (one undo step). A CSV or data workbook adds or replaces its
 * indicators; a workbook exported by the app applies its plan: the scenarios it updates are replaced by
 * their updated copies (same id, same place), the ones it adds come after the existing ones.
 */
export function importIntoWorkspace(workspace: Workspace, indicators: readonly ImportedIndicator[], nowIso: string, plan?: WorkbookImportPlan): Workspace {
  if (plan === undefined) return upsertIndicators(workspace, indicators, nowIso);
  const updated = plan.updates.reduce((ws, update) => updateScenario(ws, update.scenarioId, () => update.scenario, nowIso), workspace);
  return plan.added.reduce((ws, scenario) => addScenario(ws, scenario, nowIso), upsertIndicators(updated, plan.indicators, nowIso));
}
