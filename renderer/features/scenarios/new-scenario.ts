/**
 * New scenarios start from a figure of the article (or the user's own data): the figure is the
 * base, later targets of the same indicator become the scenario's targets and later forecasts its
 * references (drawn, never given a verdict). A one-off total (a programme's whole budget) is not
 * offered: it is no amount per year to grow.
 */
import { getBundledDataset, getObservationsOfIndicator, projectionRefusal, requireIndicator, requireObservation } from '../../../shared/dataset';
import { namesAfter, type BilingualText, type Named } from '../../../shared/units';
import type { Workspace, WorkspaceScenario } from '../../../shared/workspace';

export const defaultGrowthRatePercent = 10;
const minimumHorizonYears = 7;

/** A new scenario's names, composed in both languages whatever language the app is in (one name model: shared/units/names.ts). */
function newScenarioNames(indicatorName: BilingualText): Named {
  const text = {
    zh: `${indicatorName.zh}：每年增长${defaultGrowthRatePercent}%`,
    en: `${indicatorName.en || indicatorName.zh}: ${defaultGrowthRatePercent}% a year`,
  };
  return namesAfter({ name: text.zh }, { kind: 'composed', text });
}

export function scenarioFromObservation(observationId: string, nowIso: string): WorkspaceScenario {
  const dataset = getBundledDataset();
  const observation = requireObservation(dataset, observationId);
  const indicator = requireIndicator(dataset, observation.indicatorId);
  if (observation.value === null) throw new Error(`${observationId} has no value in the article`);
  const refusal = projectionRefusal(indicator);
  // Not offered in the UI (indicatorChoices, the Data view); a caller that asks anyway gets the reason in both languages.
  if (refusal) throw new Error(`${refusal.zh} ${refusal.en}`);
  const later = (kind: string) =>
    getObservationsOfIndicator(dataset, indicator.id)
      .filter((o) => o.kind === kind && o.year > observation.year && o.value !== null)
      .map((o) => ({ year: o.year, value: o.value as number, observationId: o.id }));
  const targets = later('target');
  const references = later('projection');
  const lastTargetYear = Math.max(observation.year + minimumHorizonYears, ...targets.map((t) => t.year), ...references.map((r) => r.year));
  return {
    id: indicator.id.replace(/[^A-Za-z0-9._-]/g, '-'),
    ...newScenarioNames(indicator.name),
    indicatorId: indicator.id,
    indicatorName: { zh: indicator.name.zh, en: indicator.name.en },
    unit: indicator.unit,
    base: { year: observation.year, value: observation.value, observationId: observation.id },
    model: 'cagr',
    params: { growthRatePercent: defaultGrowthRatePercent },
    horizonYear: Math.min(2060, lastTargetYear),
    targets,
    ...(references.length > 0 ? { references } : {}),
    notes: '',
    createdAt: nowIso,
    modifiedAt: nowIso,
  };
}

/** Whether any scenario in the workspace already builds on this figure. */
export function scenariosUsingObservation(workspace: Workspace, observationId: string): WorkspaceScenario[] {
  return workspace.scenarios.filter((s) => s.base.observationId === observationId);
}

/** A figure a new scenario can start from: one of the article's or one of the user's own. */
export interface BaseChoice {
  /** `obs:<observationId>` for the article, `own:<indicatorId>:<index>` for imported data. */
  readonly key: string;
  readonly year: number;
  readonly value: number;
  readonly kind: string;
}

export interface IndicatorChoice {
  readonly id: string;
  readonly source: 'article' | 'own';
  readonly name: { readonly zh: string; readonly en: string };
  readonly unit: string;
  readonly bases: readonly BaseChoice[];
}

/** Indicators a scenario can be built on, with the figures that can serve as its base. */
export function indicatorChoices(workspace: Pick<Workspace, 'indicators'>): IndicatorChoice[] {
  const dataset = getBundledDataset();
  const article: IndicatorChoice[] = dataset.indicators
    .filter((indicator) => projectionRefusal(indicator) === null)
    .map((indicator) => ({
      id: indicator.id,
      source: 'article',
      name: indicator.name,
      unit: indicator.unit,
      bases: getObservationsOfIndicator(dataset, indicator.id)
        .filter((o) => o.value !== null && o.value > 0)
        .map((o) => ({ key: `obs:${o.id}`, year: o.year, value: o.value as number, kind: o.kind }))
        .sort((a, b) => a.year - b.year),
    }));
  const own: IndicatorChoice[] = workspace.indicators.map((indicator) => ({
    id: indicator.id,
    source: 'own',
    name: { zh: indicator.name.zh, en: indicator.name.en || indicator.name.zh },
    unit: indicator.unit,
    bases: indicator.observations
      .map((o, index) => ({ key: `own:${indicator.id}:${index}`, year: o.year, value: o.value, kind: o.kind }))
      .filter((o) => o.value > 0 && o.year < 2060)
      .sort((a, b) => a.year - b.year),
  }));
  return [...article, ...own].filter((choice) => choice.bases.length > 0);
}

/**
 * The figure a new scenario starts from unless the analyst picks another: the latest actual value
 * (a projection starts from the newest known fact, not the oldest), else the latest estimate, else
 * the earliest figure there is (a target or projection, for indicators the data only plans).
 */
export function defaultBase(choice: IndicatorChoice): BaseChoice | undefined {
  const latest = (kind: string) => choice.bases.filter((b) => b.kind === kind).at(-1);
  return latest('actual') ?? latest('estimate') ?? choice.bases[0];
}

/** A new scenario from a base choice of `indicatorChoices`. */
export function scenarioFromChoice(workspace: Pick<Workspace, 'indicators'>, key: string, nowIso: string): WorkspaceScenario {
  if (key.startsWith('obs:')) return scenarioFromObservation(key.slice(4), nowIso);
  const match = /^own:(.+):(\d+)$/.exec(key);
  const indicator = match ? workspace.indicators.find((i) => i.id === match[1]) : undefined;
  const observation = match && indicator ? indicator.observations[Number(match[2])] : undefined;
  if (!indicator || !observation) throw new Error(`no figure ${key} in the workspace's own data`);
  const later = (kind: string) =>
    indicator.observations
      .filter((o) => o.kind === kind && o.year > observation.year && o.value > 0)
      .map((o) => ({ year: o.year, value: o.value, ...(o.id ? { observationId: o.id } : {}) }));
  const targets = later('target');
  const references = later('projection');
  const lastTargetYear = Math.max(observation.year + minimumHorizonYears, ...targets.map((t) => t.year), ...references.map((r) => r.year));
  return {
    id: indicator.id,
    ...newScenarioNames(indicator.name),
    indicatorId: indicator.id,
    indicatorName: { zh: indicator.name.zh, en: indicator.name.en },
    unit: indicator.unit,
    base: { year: observation.year, value: observation.value, ...(observation.id ? { observationId: observation.id } : {}) },
    model: 'cagr',
    params: { growthRatePercent: defaultGrowthRatePercent },
    horizonYear: Math.min(2060, lastTargetYear),
    targets,
    ...(references.length > 0 ? { references } : {}),
    notes: '',
    createdAt: nowIso,
    modifiedAt: nowIso,
  };
}
