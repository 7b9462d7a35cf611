/**
 * New scenarios start from a figure of the article (or the user's own data): the figure is the
 * base, later targets of the same indicator become the scenario's targets.
 */
import { getBundledDataset, getObservationsOfIndicator, requireIndicator, requireObservation } from '../../../shared/dataset';
import type { Workspace, WorkspaceScenario } from '../../../shared/workspace';

export const defaultGrowthRatePercent = 10;
const minimumHorizonYears = 7;

export function scenarioFromObservation(observationId: string, nowIso: string, lang: 'zh' | 'en'): WorkspaceScenario {
  const dataset = getBundledDataset();
  const observation = requireObservation(dataset, observationId);
  const indicator = requireIndicator(dataset, observation.indicatorId);
  if (observation.value === null) throw new Error(`${observationId} has no value in the article`);
  const targets = getObservationsOfIndicator(dataset, indicator.id)
    .filter((o) => o.kind === 'target' && o.year > observation.year && o.value !== null)
    .map((o) => ({ year: o.year, value: o.value as number, observationId: o.id }));
  const lastTargetYear = Math.max(observation.year + minimumHorizonYears, ...targets.map((t) => t.year));
  const name = lang === 'zh' ? `${indicator.name.zh}：每年增长${defaultGrowthRatePercent}%` : `${indicator.name.en}: ${defaultGrowthRatePercent}% a year`;
  return {
    id: indicator.id.replace(/[^A-Za-z0-9._-]/g, '-'),
    name,
    nameEn: `${indicator.name.en}: ${defaultGrowthRatePercent}% a year`,
    indicatorId: indicator.id,
    indicatorName: { zh: indicator.name.zh, en: indicator.name.en },
    unit: indicator.unit,
    base: { year: observation.year, value: observation.value, observationId: observation.id },
    model: 'cagr',
    params: { growthRatePercent: defaultGrowthRatePercent },
    horizonYear: Math.min(2060, lastTargetYear),
    targets,
    notes: '',
    createdAt: nowIso,
    modifiedAt: nowIso,
  };
}

/** Whether any scenario in the workspace already builds on this figure. */
export function scenariosUsingObservation(workspace: Workspace, observationId: string): WorkspaceScenario[] {
  return workspace.scenarios.filter((s) => s.base.observationId === observationId);
}
