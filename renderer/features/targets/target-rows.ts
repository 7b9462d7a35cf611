/**
 * The rows of the "On track?" table: every scenario × every target that concerns its indicator,
 * from the scenario itself and from the dataset (article targets and imported ones), with the
 * engine's analysis and a status. Pure, so it is tested without a DOM.
 */
import { analyzeTarget, targetVerdict, validateScenarioSpec, type MonteCarloResult, type TargetAnalysis, type TargetVerdict } from '../../../shared/engine';
import type { Dataset } from '../../../shared/dataset';
import { constantGrowthPercent, localName, type BilingualText, type Lang } from '../../../shared/units';
import type { Workspace, WorkspaceScenario } from '../../../shared/workspace';

export interface KnownTarget {
  indicatorId: string;
  observationId: string | null;
  year: number;
  value: number;
}

export interface TargetRow {
  /** Unique per scenario × target. */
  key: string;
  scenario: WorkspaceScenario;
  source: 'scenario' | 'dataset';
  label: string | null;
  /** The label's English (shown in English through localLabel), when the target has one. */
  labelEn: string | null;
  year: number;
  value: number;
  /** Null when the scenario itself is invalid (then `invalidReason` says why). */
  analysis: TargetAnalysis | null;
  invalidReason: BilingualText | null;
  /** Constant yearly growth (percent) the scenario's own projection implies from its base to the target year. */
  assumedGrowthPercent: number;
  /** True when that growth is the model's own rate parameter (CAGR), not derived from the path. */
  assumedIsModelRate: boolean;
}

/** The engine's verdict on the target, or 'invalid' when the scenario itself is invalid and has no analysis. */
export type TargetStatus = TargetVerdict | 'invalid';

/** Targets the dataset and the workspace's imported indicators state (kind 'target', with a value). */
export function knownTargets(dataset: Dataset, workspace: Workspace): KnownTarget[] {
  const fromDataset = dataset.observations
    .filter((observation) => observation.kind === 'target' && observation.value !== null)
    .map((observation) => ({ indicatorId: observation.indicatorId, observationId: observation.id, year: observation.year, value: observation.value ?? NaN }));
  const imported = workspace.indicators.flatMap((indicator) =>
    indicator.observations
      .filter((observation) => observation.kind === 'target')
      .map((observation) => ({ indicatorId: indicator.id, observationId: observation.id ?? null, year: observation.year, value: observation.value })),
  );
  return [...fromDataset, ...imported];
}

/** NaN where no constant rate exists (a base or projection of 0 or below, a year not after the base). */
function impliedGrowthPercent(scenario: WorkspaceScenario, projected: number, year: number): number {
  return constantGrowthPercent(scenario.base.value, projected, year - scenario.base.year);
}

function rowFor(
  scenario: WorkspaceScenario,
  target: { year: number; value: number; label: string | null; labelEn: string | null },
  source: TargetRow['source'],
  valid: boolean,
): TargetRow {
  const key = `${scenario.id}|${target.year}|${target.value}`;
  if (!valid) {
    const issues = validateScenarioSpec(scenario);
    return {
      key,
      scenario,
      source,
      label: target.label,
      labelEn: target.labelEn,
      year: target.year,
      value: target.value,
      analysis: null,
      invalidReason: { en: issues.map((issue) => issue.message).join('; '), zh: issues.map((issue) => issue.messageZh).join(';') },
      assumedGrowthPercent: NaN,
      assumedIsModelRate: false,
    };
  }
  const analysis = analyzeTarget(scenario, { year: target.year, value: target.value, label: target.label ?? undefined });
  const isCagr = scenario.model === 'cagr';
  return {
    key,
    scenario,
    source,
    label: target.label,
    labelEn: target.labelEn,
    year: target.year,
    value: target.value,
    analysis,
    invalidReason: null,
    assumedGrowthPercent: isCagr ? scenario.params.growthRatePercent : impliedGrowthPercent(scenario, analysis.projected, target.year),
    assumedIsModelRate: isCagr,
  };
}

/**
 * One row per scenario × target: the scenario's own targets first, then dataset targets of its
 * indicator it does not already list. The target the scenario starts from (its base observation)
 * is not a target for it and is left out.
 */
export function buildTargetRows(workspace: Workspace, targets: readonly KnownTarget[]): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const scenario of workspace.scenarios) {
    const valid = validateScenarioSpec(scenario).length === 0;
    const seen = new Set<string>();
    for (const target of scenario.targets) {
      const sameKey = `${target.year}|${target.value}`;
      if (seen.has(sameKey)) continue;
      seen.add(sameKey);
      if (target.observationId) seen.add(target.observationId);
      rows.push(rowFor(scenario, { year: target.year, value: target.value, label: target.label ?? null, labelEn: target.labelEn ?? null }, 'scenario', valid));
    }
    for (const target of targets) {
      if (target.indicatorId !== scenario.indicatorId) continue;
      if (target.observationId !== null && (seen.has(target.observationId) || target.observationId === scenario.base.observationId)) continue;
      if (seen.has(`${target.year}|${target.value}`)) continue;
      if (target.year === scenario.base.year && target.value === scenario.base.value) continue;
      seen.add(`${target.year}|${target.value}`);
      rows.push(rowFor(scenario, { year: target.year, value: target.value, label: null, labelEn: null }, 'dataset', valid));
    }
  }
  return rows;
}

/** The Monte Carlo probability (0–1) of meeting this target, when the run simulated it. */
export function probabilityOf(row: TargetRow, result: MonteCarloResult | null): number | null {
  if (!result) return null;
  const match = result.targets.find((target) => target.year === row.year && target.value === row.value);
  return match ? match.probability : null;
}

export function classifyTarget(row: TargetRow, probability: number | null): TargetStatus {
  return row.analysis ? targetVerdict(row.analysis, probability) : 'invalid';
}

export type SortKey = 'scenario' | 'target' | 'requiredGrowth' | 'assumedGrowth' | 'projected' | 'gap' | 'probability' | 'firstYear' | 'status';
export type SortDirection = 'ascending' | 'descending';

const STATUS_ORDER: Record<TargetStatus, number> = { onTrack: 0, atRisk: 1, offTrack: 2, unreachable: 3, invalid: 4 };

function requiredOf(row: TargetRow): number {
  const required = row.analysis?.requiredGrowth;
  return required?.status === 'reachable' ? required.impliedCagrPercent : NaN;
}

/**
 * Sorted copy; rows without a number for the key (NaN, null) go last in either direction, and ties
 * keep the table's natural order.
 */
export function sortRows(
  rows: readonly TargetRow[],
  key: SortKey,
  direction: SortDirection,
  probabilities: ReadonlyMap<string, number | null>,
  lang: Lang,
): TargetRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const numeric = (row: TargetRow): number => {
    switch (key) {
      case 'target':
        return row.year * 1e12 + row.value;
      case 'requiredGrowth':
        return requiredOf(row);
      case 'assumedGrowth':
        return row.assumedGrowthPercent;
      case 'projected':
        return row.analysis?.projected ?? NaN;
      case 'gap':
        return row.analysis?.gapPercent ?? NaN;
      case 'probability':
        return probabilities.get(row.key) ?? NaN;
      case 'firstYear':
        return row.analysis?.firstYearReached ?? NaN;
      case 'status':
        return STATUS_ORDER[classifyTarget(row, probabilities.get(row.key) ?? null)];
      case 'scenario':
        return NaN;
    }
  };
  const indexed = rows.map((row, index) => ({ row, index }));
  indexed.sort((a, b) => {
    if (key === 'scenario') {
      const nameA = localName(a.row.scenario, lang);
      const nameB = localName(b.row.scenario, lang);
      return sign * nameA.localeCompare(nameB, lang === 'zh' ? 'zh-CN' : 'en') || a.index - b.index;
    }
    const x = numeric(a.row);
    const y = numeric(b.row);
    const xMissing = !Number.isFinite(x);
    const yMissing = !Number.isFinite(y);
    if (xMissing || yMissing) return xMissing === yMissing ? a.index - b.index : xMissing ? 1 : -1;
    return sign * (x - y) || a.index - b.index;
  });
  return indexed.map((entry) => entry.row);
}
