/**
 * The one verdict on a target: whether a scenario's projection meets it, judged from the target
 * analysis (projected value, gap, required growth) and, when the scenario was simulated, its Monte
 * Carlo probability. Every output that judges a target (the Scenarios view's target panel, the
 * Targets view, the workbook's Targets sheet) calls `targetVerdict` and shows `verdictName`, so one
 * target never gets two verdicts.
 */
import type { BilingualText, Lang } from '../units/names';
import type { TargetAnalysis } from './analysis';

export type TargetVerdict = 'onTrack' | 'atRisk' | 'offTrack' | 'unreachable';

export const TARGET_VERDICTS: readonly TargetVerdict[] = ['onTrack', 'atRisk', 'offTrack', 'unreachable'];

/** A missed target at most this many percent of its value short is "at risk" rather than "off track". */
export const AT_RISK_SHORTFALL_PERCENT = 5;
/** A met target whose Monte Carlo probability is below this (0–1) is "at risk". */
export const AT_RISK_PROBABILITY = 0.5;

/** Names and symbols, so the verdict reads without colour. */
export const VERDICT_NAMES: Readonly<Record<TargetVerdict, BilingualText>> = {
  onTrack: { zh: '按期实现', en: 'On track' },
  atRisk: { zh: '存在风险', en: 'At risk' },
  offTrack: { zh: '难以实现', en: 'Off track' },
  unreachable: { zh: '无法实现', en: 'Unreachable' },
};

export const VERDICT_ICONS: Readonly<Record<TargetVerdict, string>> = { onTrack: '✓', atRisk: '!', offTrack: '✗', unreachable: '⊘' };

export function verdictName(verdict: TargetVerdict, lang: Lang): string {
  return VERDICT_NAMES[verdict][lang];
}

/** "✓ 按期实现", "! At risk": the symbol and the name together. */
export function verdictLabel(verdict: TargetVerdict, lang: Lang): string {
  return `${VERDICT_ICONS[verdict]} ${verdictName(verdict, lang)}`;
}

/**
 * How far the projection falls short of the target, in percent of the target, in the direction the
 * target lies from the base (a target below the base is a decline to reach): 0 when it is met.
 * A missed target lies on the wrong side of its value, so the shortfall is the size of the gap.
 */
export function shortfallPercent(analysis: Pick<TargetAnalysis, 'met' | 'gapPercent'>): number {
  return analysis.met ? 0 : Math.abs(analysis.gapPercent);
}

/**
 * The rules, in order:
 * 1. met by the projection: on track, unless a simulation gives it a probability below 50 % (at risk);
 * 2. missed, and no value of the model's growth parameter reaches it: unreachable;
 * 3. missed by at most 5 % of the target: at risk;
 * 4. missed by more: off track.
 * `probability` is the Monte Carlo probability (0–1) of meeting the target, or null when the scenario
 * was not simulated (or the run did not cover this target).
 */
export function targetVerdict(analysis: Pick<TargetAnalysis, 'met' | 'gapPercent' | 'requiredGrowth'>, probability: number | null): TargetVerdict {
  if (analysis.met) return probability !== null && probability < AT_RISK_PROBABILITY ? 'atRisk' : 'onTrack';
  if (analysis.requiredGrowth.status === 'unreachable') return 'unreachable';
  return shortfallPercent(analysis) <= AT_RISK_SHORTFALL_PERCENT ? 'atRisk' : 'offTrack';
}
