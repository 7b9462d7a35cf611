/**
 * What the Compare view compares: the ticked scenarios and its reference scenario (对比基准), the
 * one the differences are measured against. The reference is Compare's own choice and never the
 * workspace's baseline (★基准) itself: choosing one in Compare leaves the baseline alone. Until the
 * user chooses, both follow a default that computes a difference: the scenarios of the baseline's
 * indicator, measured against the baseline.
 */
import type { WorkspaceScenario } from '../workspace';

export interface CompareSelection {
  /** Ticked scenario ids in the order ticked; null until the user ticks or clears one (then the default holds). */
  readonly chosenIds: readonly string[] | null;
  /** The reference chosen in Compare; null until the user chooses one (then the default holds). */
  readonly referenceId: string | null;
}

export const EMPTY_COMPARE_SELECTION: CompareSelection = { chosenIds: null, referenceId: null };

export interface ResolvedComparison {
  /** Ticked ids that exist in the workspace. */
  readonly chosenIds: readonly string[];
  /** The reference scenario's id; null only when the workspace has no scenarios. */
  readonly referenceId: string | null;
}

function sameSeries(a: WorkspaceScenario, b: WorkspaceScenario): boolean {
  return a.indicatorId === b.indicatorId && a.unit === b.unit;
}

/**
 * The first view: every scenario of the baseline's indicator and unit, against the baseline. When
 * the baseline is unset or alone in its indicator, the first indicator with two or more scenarios,
 * against its first scenario; when no indicator has two, nothing is ticked.
 */
export function defaultComparison(scenarios: readonly WorkspaceScenario[], baselineId: string | null): ResolvedComparison {
  const baseline = scenarios.find((scenario) => scenario.id === baselineId) ?? null;
  const peersOf = (anchor: WorkspaceScenario) => scenarios.filter((scenario) => sameSeries(scenario, anchor));
  if (baseline) {
    const peers = peersOf(baseline);
    if (peers.length >= 2) return { chosenIds: peers.map((scenario) => scenario.id), referenceId: baseline.id };
  }
  for (const anchor of scenarios) {
    const peers = peersOf(anchor);
    if (peers.length >= 2) return { chosenIds: peers.map((scenario) => scenario.id), referenceId: anchor.id };
  }
  return { chosenIds: [], referenceId: baseline?.id ?? scenarios[0]?.id ?? null };
}

/**
 * The comparison shown: the user's ticks and reference where they still name scenarios of the
 * workspace, the default where the user has not chosen (or where none of the ticked scenarios is
 * left, as after opening another workspace). A reference that is gone falls back to the baseline.
 */
export function resolveComparison(scenarios: readonly WorkspaceScenario[], baselineId: string | null, selection: CompareSelection): ResolvedComparison {
  const ids = new Set(scenarios.map((scenario) => scenario.id));
  const fallback = defaultComparison(scenarios, baselineId);
  const ticked = selection.chosenIds?.filter((id) => ids.has(id)) ?? null;
  const staleTicks = ticked !== null && ticked.length === 0 && (selection.chosenIds?.length ?? 0) > 0;
  if (ticked === null || staleTicks) {
    const referenceId = selection.referenceId !== null && ids.has(selection.referenceId) ? selection.referenceId : fallback.referenceId;
    return { chosenIds: fallback.chosenIds, referenceId };
  }
  // The user's own ticks: without a reference of the user's, the baseline, else the first ticked scenario.
  const candidates = [selection.referenceId, baselineId, ticked[0] ?? null, fallback.referenceId];
  const referenceId = candidates.find((id): id is string => id !== null && ids.has(id)) ?? null;
  return { chosenIds: ticked, referenceId };
}

/** The selection after ticking (or unticking) one scenario, starting from what is shown. */
export function withTicked(shown: ResolvedComparison, selection: CompareSelection, id: string, on: boolean): CompareSelection {
  const others = shown.chosenIds.filter((x) => x !== id);
  return { ...selection, chosenIds: on ? [...others, id] : others };
}
