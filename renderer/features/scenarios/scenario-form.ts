/**
 * Pure logic behind the scenario builder: which parameters a model has and how far their
 * sliders reach, applying an edit and checking it with the engine, switching models, and the
 * rows of the chart and the yearly table. No React here, so all of it is unit-tested.
 */
import { projectedPath, projectedPathOfValid, type ActualPoint } from '../../../shared/charts/scenario-chart';
import {
  growthParameterOf,
  MAX_YEAR,
  validateScenarioSpec,
  validateUncertainty,
  valueAtYear,
  type EngineIssue,
  type ModelKind,
  type MonteCarloResult,
  type ScenarioSpec,
} from '../../../shared/engine';
import { constantGrowthPercent, inLang, MAX_ABS_VALUE, withoutNegativeZero, type Lang } from '../../../shared/units';
import {
  MAX_TARGETS_PER_SCENARIO,
  withInput,
  type ScenarioInput,
  type WorkspaceDistribution,
  type WorkspaceScenario,
  type WorkspaceTarget,
} from '../../../shared/workspace';
import { parseBuilderKey, rateKey } from './builder-keys';

export type { ActualPoint } from '../../../shared/charts/scenario-chart';

/** How a parameter's number reads: a percentage, a value in the indicator's unit, or a year. */
export type ParameterKind = 'percent' | 'value' | 'year' | 'count';

export interface ParameterDef {
  /** `growthRatePercent`, `incrementPerYear`, `ceiling`, `targetYear`, `targetValue`, `rate:<index>` or `horizonYear`. */
  readonly key: string;
  /** Engine field path of the parameter, to find its issues. */
  readonly field: string;
  readonly kind: ParameterKind;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** A scenario as the engine sees it (the workspace type is structurally compatible). */
export function specOf(scenario: WorkspaceScenario): ScenarioSpec {
  return scenario as ScenarioSpec;
}

/** A round step about a hundredth of the magnitude: 4200 → 10, 39.8 → 0.1, 58524 → 100. */
export function niceStep(magnitude: number): number {
  const size = Math.abs(magnitude);
  if (!Number.isFinite(size) || size === 0) return 1;
  // A hundredth is two decades down.
  return 10 ** Math.floor(Math.log10(size) - 2 + 1e-9);
}

function decimalsOf(step: number): number {
  return step >= 1 ? 0 : Math.min(10, Math.ceil(-Math.log10(step) - 1e-9));
}

/** `value` moved by `direction` steps (× 10 with Shift), rounded to the step's decimals so 0.1 steps do not drift. */
export function stepValue(value: number, step: number, direction: 1 | -1, large: boolean): number {
  const moved = value + direction * step * (large ? 10 : 1);
  const decimals = decimalsOf(step);
  // 0.1 − 0.1 rounds to −0 in toFixed's eyes; the workspace only ever holds 0.
  return withoutNegativeZero(Number(moved.toFixed(decimals)));
}

function range(value: number, low: number, high: number, step: number): Pick<ParameterDef, 'min' | 'max' | 'step' | 'value'> {
  // The slider always reaches the current value, even when it was typed far outside the usual range,
  // and otherwise stops at the unit's bounds (a base near 1e15 would put base × 6 beyond them).
  const bounded = (x: number) => Math.max(-MAX_ABS_VALUE, Math.min(MAX_ABS_VALUE, x));
  return { value, min: Math.min(bounded(low), value), max: Math.max(bounded(high), value), step };
}

const rateRange = (value: number) => range(value, -30, 60, 0.1);

export function parameterDefs(scenario: WorkspaceScenario): ParameterDef[] {
  const base = scenario.base.value;
  const step = niceStep(base);
  switch (scenario.model) {
    case 'cagr':
      return [{ key: 'growthRatePercent', field: 'params.growthRatePercent', kind: 'percent', ...rateRange(scenario.params.growthRatePercent) }];
    case 'ratePath':
      return scenario.params.ratesPercent.map((rate, index) => ({
        key: rateKey(index),
        field: `params.ratesPercent[${index}]`,
        kind: 'percent',
        ...rateRange(rate),
      }));
    case 'linear':
      return [
        {
          key: 'incrementPerYear',
          field: 'params.incrementPerYear',
          kind: 'value',
          ...range(scenario.params.incrementPerYear, -Math.abs(base) * 0.3, Math.abs(base) * 0.5, step),
        },
      ];
    case 'logistic':
      return [
        { key: 'growthRatePercent', field: 'params.growthRatePercent', kind: 'percent', ...rateRange(scenario.params.growthRatePercent) },
        { key: 'ceiling', field: 'params.ceiling', kind: 'value', ...range(scenario.params.ceiling, base, base * 6, step) },
      ];
    case 'targetPath':
      return [
        { key: 'targetYear', field: 'params.targetYear', kind: 'year', ...range(scenario.params.targetYear, scenario.base.year + 1, MAX_YEAR, 1) },
        { key: 'targetValue', field: 'params.targetValue', kind: 'value', ...range(scenario.params.targetValue, base * 0.5, base * 6, step) },
      ];
  }
}

export function horizonDef(scenario: WorkspaceScenario): ParameterDef {
  return { key: 'horizonYear', field: 'horizonYear', kind: 'year', ...range(scenario.horizonYear, scenario.base.year + 1, MAX_YEAR, 1) };
}

/** The scenario input a builder parameter key edits, for the scenario's model; null when the model has no such parameter. */
function inputOfKey(scenario: WorkspaceScenario, key: string): ScenarioInput | null {
  const parsed = parseBuilderKey(key);
  if (parsed.kind === 'horizon') return { kind: 'horizonYear' };
  if (parsed.kind === 'rate') return scenario.model === 'ratePath' ? { kind: 'ratePercent', index: parsed.index } : null;
  switch (key) {
    case 'growthRatePercent':
    case 'incrementPerYear':
    case 'ceiling':
      return { kind: key };
    case 'targetYear':
      return scenario.model === 'targetPath' ? { kind: 'pathTargetYear' } : null;
    case 'targetValue':
      return scenario.model === 'targetPath' ? { kind: 'pathTargetValue' } : null;
    default:
      return null;
  }
}

/**
 * The scenario with one builder parameter set, through the one input setter (`withInput`): the Monte
 * Carlo distribution of that parameter moves along with it, so the band stays around the path the
 * analyst is looking at and the probability agrees with the verdict.
 */
export function withParameterValue(scenario: WorkspaceScenario, key: string, value: number): WorkspaceScenario {
  const input = inputOfKey(scenario, key);
  return input === null ? scenario : withInput(scenario, input, value);
}

// ---------------------------------------------------------------------------------------------
// The base and the targets: the analyst's own figures

/**
 * The scenario started from another base year. A typed base is the analyst's own figure: it no
 * longer stands for the dataset observation it was taken from, so the link to it is dropped (the
 * source line and the workbook's Sources sheet then cite the analyst, not the article).
 */
export function withBaseYear(scenario: WorkspaceScenario, year: number): WorkspaceScenario {
  return withInput(scenario, { kind: 'baseYear' }, year);
}

/** The scenario from another base value, unlinked from its observation; a spread on the base moves with it (`withInput`). */
export function withBaseValue(scenario: WorkspaceScenario, value: number): WorkspaceScenario {
  return withInput(scenario, { kind: 'baseValue' }, value);
}

/** Whether the base is still the dataset's figure (bundled or imported) rather than one the analyst typed. */
export function baseIsLinked(scenario: WorkspaceScenario): boolean {
  return scenario.base.observationId !== undefined;
}

function withTarget(scenario: WorkspaceScenario, index: number, change: (target: WorkspaceTarget) => WorkspaceTarget): WorkspaceScenario {
  const current = Number.isInteger(index) ? scenario.targets[index] : undefined;
  if (!current) return scenario;
  const next = change(current);
  if (next === current) return scenario;
  return { ...scenario, targets: scenario.targets.map((target, i) => (i === index ? next : target)) };
}

/** A target's year or value set; a typed target is the analyst's own, so its observation link goes too (`withInput`). */
export function withTargetNumber(scenario: WorkspaceScenario, index: number, field: 'year' | 'value', value: number): WorkspaceScenario {
  return withInput(scenario, { kind: field === 'year' ? 'targetYear' : 'targetValue', index }, value);
}

/** A target's label, trimmed; a blank label is removed, and so is an English label of the old one. The label is the analyst's note, so the figure keeps its link. */
export function withTargetLabel(scenario: WorkspaceScenario, index: number, label: string): WorkspaceScenario {
  const text = label.trim().slice(0, 200);
  return withTarget(scenario, index, (target) => {
    if ((target.label ?? '') === text) return target;
    // A typed label is the label in both languages until the analyst gives a translation (as names are): the old English label goes.
    const { label: _old, labelEn: _oldEn, ...rest } = target;
    return text === '' ? rest : { ...rest, label: text };
  });
}

/** Whether another target fits in the file format (MAX_TARGETS_PER_SCENARIO). */
export function canAddTarget(scenario: WorkspaceScenario): boolean {
  return scenario.targets.length < MAX_TARGETS_PER_SCENARIO;
}

/**
 * The scenario with one more target, for the analyst to overwrite: in the horizon year (or the
 * year after the last target, if that is later), at the path's value there rounded to the slider
 * step, so a new target starts valid and on the path.
 */
export function withTargetAdded(scenario: WorkspaceScenario): WorkspaceScenario {
  if (!canAddTarget(scenario)) return scenario;
  const lastTarget = Math.max(scenario.base.year, ...scenario.targets.map((t) => t.year));
  const year = Math.min(MAX_YEAR, Math.max(scenario.horizonYear, lastTarget + 1, scenario.base.year + 1));
  const onPath = scenarioIssues(scenario).length === 0 ? pathValue(scenario, year) : scenario.base.value;
  const step = niceStep(onPath);
  const value = Number.isFinite(onPath) && onPath > 0 ? Math.max(step, round(onPath / step, 0) * step) : 1;
  return { ...scenario, targets: [...scenario.targets, { year, value: Number(value.toPrecision(12)) }] };
}

export function withTargetRemoved(scenario: WorkspaceScenario, index: number): WorkspaceScenario {
  if (!(Number.isInteger(index) && index >= 0 && index < scenario.targets.length)) return scenario;
  return { ...scenario, targets: scenario.targets.filter((_target, i) => i !== index) };
}

/** Every problem the engine finds with the scenario (its path, then its uncertainty). */
export function scenarioIssues(scenario: WorkspaceScenario): EngineIssue[] {
  const spec = specOf(scenario);
  const issues = validateScenarioSpec(spec);
  if (issues.length === 0 && scenario.uncertainty) issues.push(...validateUncertainty(spec, scenario.uncertainty));
  return issues;
}

/** The engine's message without the leading field path (it is shown next to the field). */
export function issueText(issue: EngineIssue, lang: Lang): string {
  const text = inLang({ zh: issue.messageZh, en: issue.message }, lang);
  const prefix = lang === 'zh' ? `${issue.field}:` : `${issue.field}: `;
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

export type EditOutcome = { readonly ok: true; readonly scenario: WorkspaceScenario } | { readonly ok: false; readonly issue: EngineIssue };

/**
 * Applies a change only if the result is a valid scenario; otherwise returns the engine's first
 * complaint, preferring the one about the edited field, and the workspace keeps the old value.
 */
export function tryEdit(scenario: WorkspaceScenario, change: (s: WorkspaceScenario) => WorkspaceScenario, field: string): EditOutcome {
  const next = change(scenario);
  if (next === scenario) return { ok: true, scenario };
  const issues = scenarioIssues(next);
  if (issues.length === 0) return { ok: true, scenario: next };
  const own = issues.find((issue) => issue.field === field || issue.field.startsWith(`${field}.`) || issue.field.startsWith(`${field}[`));
  return { ok: false, issue: own ?? (issues[0] as EngineIssue) };
}

/**
 * Whether `b` is `a` as the workspace stores it after committing it: every part the same object,
 * only modifiedAt moved. A scenario checked by tryEdit stays checked through its commit, and the
 * builder keeps showing the object it already shows.
 */
export function sameButModifiedAt(a: WorkspaceScenario, b: WorkspaceScenario): boolean {
  if (a === b) return true;
  const left: Record<string, unknown> = a;
  const right: Record<string, unknown> = b;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (key !== 'modifiedAt' && left[key] !== right[key]) return false;
  return true;
}

/**
 * An edit the builder has checked (tryEdit from `from` gave `checked`), applied to the workspace's
 * copy `stored`. The workspace normally holds what the edit started from, with another modifiedAt
 * once an earlier step of the drag was committed: the checked result applies as it is, so one drag
 * step is validated once. Anything else (an undo or another view got in between) is edited and
 * checked afresh, and a refused edit leaves the stored copy as it is.
 */
export function applyCheckedEdit(
  stored: WorkspaceScenario,
  from: WorkspaceScenario,
  checked: WorkspaceScenario,
  change: (s: WorkspaceScenario) => WorkspaceScenario,
  field: string,
): WorkspaceScenario {
  if (sameButModifiedAt(from, stored)) return checked;
  const again = tryEdit(stored, change, field);
  return again.ok ? again.scenario : stored;
}

/** Parses what an analyst types: "12", "12.5", "−3", "1,219", full-width digits. NaN when it is not a number. */
export function parseNumberInput(text: string): number {
  const normal = text
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\uFE63]/g, '-')
    .replace(/[,\s]/g, '')
    .replace(/%$/, '');
  if (normal === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) return NaN;
  // "1e999" stays Infinity, so the engine names the field and the bound; "-0" becomes 0, never −0 in a workspace.
  return withoutNegativeZero(Number(normal));
}

function round(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

function pathValue(scenario: WorkspaceScenario, year: number): number {
  return valueAtYear(specOf(scenario), year);
}

/**
 * The scenario under another model, started so its path ends near where the old one did at the
 * horizon: same implied CAGR, same average increment, a ceiling above the path, a path target.
 */
export function switchModel(scenario: WorkspaceScenario, model: ModelKind): WorkspaceScenario {
  if (scenario.model === model) return scenario;
  const years = Math.max(1, scenario.horizonYear - scenario.base.year);
  const base = scenario.base.value;
  const end = scenarioIssues(scenario).length === 0 ? pathValue(scenario, scenario.base.year + years) : base;
  // The implied CAGR; a path that does not stay positive has none, and the new model starts at 10%.
  const implied = constantGrowthPercent(base, end, years);
  const cagr = Number.isFinite(implied) ? round(implied, 2) : 10;
  const step = niceStep(base);
  const { model: _oldModel, params: _oldParams, uncertainty: _oldUncertainty, ...common } = scenario;
  let next: WorkspaceScenario;
  switch (model) {
    case 'cagr':
      next = { ...common, model, params: { growthRatePercent: cagr } };
      break;
    case 'ratePath':
      next = { ...common, model, params: { ratesPercent: Array.from({ length: Math.min(years, 30) }, () => cagr) } };
      break;
    case 'linear':
      next = { ...common, model, params: { incrementPerYear: round((end - base) / years / step, 0) * step } };
      break;
    case 'logistic':
      next = { ...common, model, params: { growthRatePercent: Math.max(cagr, 1), ceiling: (round((Math.max(end, base) * 1.5) / step, 0) + 1) * step } };
      break;
    case 'targetPath': {
      const firstTarget = scenario.targets.find((t) => t.year > scenario.base.year && t.value > 0);
      next = {
        ...common,
        model,
        params: firstTarget
          ? { targetYear: firstTarget.year, targetValue: firstTarget.value }
          : { targetYear: scenario.base.year + years, targetValue: round(end, 6) },
      };
      break;
    }
  }
  return scenario.uncertainty ? { ...next, uncertainty: { ...scenario.uncertainty, distributions: defaultDistributions(next) } } : next;
}

/** The spread a new uncertainty starts with: ±3 points on a rate, ±20 % on an amount. */
export function defaultGrowthDistribution(scenario: WorkspaceScenario): {
  key: 'growthRatePercent' | 'rateShiftPercent' | 'incrementPerYear' | 'targetValue';
  dist: WorkspaceDistribution;
} {
  const key = growthParameterOf(scenario.model) as 'growthRatePercent' | 'rateShiftPercent' | 'incrementPerYear' | 'targetValue';
  switch (scenario.model) {
    case 'cagr':
    case 'logistic':
      return { key, dist: { kind: 'normal', mean: scenario.params.growthRatePercent, sd: 3 } };
    case 'ratePath':
      return { key, dist: { kind: 'normal', mean: 0, sd: 3 } };
    case 'linear': {
      const mean = scenario.params.incrementPerYear;
      return { key, dist: { kind: 'normal', mean, sd: Math.abs(mean) * 0.2 || niceStep(scenario.base.value) * 10 } };
    }
    case 'targetPath': {
      const mean = scenario.params.targetValue;
      return { key, dist: { kind: 'normal', mean, sd: Math.abs(mean) * 0.1 } };
    }
  }
}

function defaultDistributions(scenario: WorkspaceScenario): NonNullable<WorkspaceScenario['uncertainty']>['distributions'] {
  const { key, dist } = defaultGrowthDistribution(scenario);
  return { [key]: dist };
}

export const defaultTrials = 20_000;
export const defaultSeed = 20240226;

/** Turns uncertainty on with a default spread on the growth parameter, or off. */
export function withUncertaintyEnabled(scenario: WorkspaceScenario, enabled: boolean): WorkspaceScenario {
  if (enabled === Boolean(scenario.uncertainty)) return scenario;
  if (!enabled) {
    const next = { ...scenario };
    delete next.uncertainty;
    return next;
  }
  return { ...scenario, uncertainty: { distributions: defaultDistributions(scenario), shockMode: 'perYear', trials: defaultTrials, seed: defaultSeed } };
}

/** A distribution of another kind with about the same centre and spread. */
export function convertDistribution(dist: WorkspaceDistribution, kind: WorkspaceDistribution['kind']): WorkspaceDistribution {
  if (dist.kind === kind) return dist;
  const centre = dist.kind === 'normal' || dist.kind === 'lognormal' ? dist.mean : dist.kind === 'uniform' ? (dist.min + dist.max) / 2 : dist.mode;
  const spread = dist.kind === 'normal' || dist.kind === 'lognormal' ? dist.sd : (dist.max - dist.min) / 4;
  const r = (x: number) => round(x, 6);
  switch (kind) {
    case 'normal':
    case 'lognormal':
      return { kind, mean: r(centre), sd: r(spread) };
    case 'uniform':
      return { kind, min: r(centre - 2 * spread), max: r(centre + 2 * spread) };
    case 'triangular':
    case 'pert':
      return { kind, min: r(centre - 2 * spread), mode: r(centre), max: r(centre + 2 * spread) };
  }
}

/** Which fields a distribution kind has, in the order the builder shows them. */
export function distributionFields(kind: WorkspaceDistribution['kind']): ReadonlyArray<'mean' | 'sd' | 'min' | 'mode' | 'max'> {
  if (kind === 'normal' || kind === 'lognormal') return ['mean', 'sd'];
  if (kind === 'uniform') return ['min', 'max'];
  return ['min', 'mode', 'max'];
}

// ---------------------------------------------------------------------------------------------
// Chart and table rows

export interface YearRow {
  readonly year: number;
  /** Observed value of the indicator (the article or the user's data). */
  readonly actual?: number;
  /** The scenario's path, from the base year on. */
  readonly projection?: number;
  readonly p10?: number;
  readonly p25?: number;
  readonly p50?: number;
  readonly p75?: number;
  readonly p90?: number;
}

/** The scenario's projected path, or null when it is not valid (the builder never stores such, but a file could). */
export function projectionOf(scenario: WorkspaceScenario): Float64Array | null {
  return projectedPath(scenario);
}

/** The path of a scenario tryEdit has just accepted: validating it again would repeat the check of the same numbers. */
export function projectionOfChecked(scenario: WorkspaceScenario): Float64Array {
  return projectedPathOfValid(scenario);
}

function percentileRow(result: MonteCarloResult | null, level: number): Float64Array | null {
  if (!result) return null;
  const index = result.percentileLevels.indexOf(level);
  return index >= 0 ? (result.percentiles[index] ?? null) : null;
}

/**
 * The yearly table: one row per year from the earliest actual value to the last analysed year.
 * The Monte Carlo result may be one step behind the path while a slider moves; it is matched by year.
 */
export function buildYearRows(
  scenario: WorkspaceScenario,
  path: Float64Array | null,
  actuals: readonly ActualPoint[],
  monteCarlo: MonteCarloResult | null,
): YearRow[] {
  const baseYear = scenario.base.year;
  const lastYear = baseYear + (path ? path.length - 1 : 0);
  const firstYear = Math.min(baseYear, ...actuals.map((a) => a.year));
  const actualByYear = new Map(actuals.map((a) => [a.year, a.value]));
  const levels = [10, 25, 50, 75, 90] as const;
  const percentiles = levels.map((level) => percentileRow(monteCarlo, level));
  const rows: YearRow[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const index = monteCarlo ? year - monteCarlo.startYear : -1;
    const simulated = monteCarlo && index >= 0 && index < monteCarlo.yearCount ? percentiles.map((row) => row?.[index]) : [];
    const [p10, p25, p50, p75, p90] = simulated;
    rows.push({
      year,
      actual: actualByYear.get(year),
      projection: path?.[year - baseYear],
      p10,
      p25,
      p50,
      p75,
      p90,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Builder keys: one handler serves the model parameters, the horizon and the uncertainty settings

/** The key of the parameter the Monte Carlo distribution in the builder describes. */
export function uncertainKeyOf(scenario: WorkspaceScenario): 'growthRatePercent' | 'rateShiftPercent' | 'incrementPerYear' | 'targetValue' {
  return growthParameterOf(scenario.model) as 'growthRatePercent' | 'rateShiftPercent' | 'incrementPerYear' | 'targetValue';
}

/** Engine field path of a builder key, to pick its issue. */
export function fieldOfKey(scenario: WorkspaceScenario, key: string): string {
  const parsed = parseBuilderKey(key);
  switch (parsed.kind) {
    case 'horizon':
      return 'horizonYear';
    case 'base':
      return `base.${parsed.field}`;
    case 'target':
      return `targets[${parsed.index}].${parsed.field}`;
    case 'rate':
      return `params.ratesPercent[${parsed.index}]`;
    case 'distribution':
      return `uncertainty.distributions.${uncertainKeyOf(scenario)}.${parsed.field}`;
    case 'simulation':
      return `uncertainty.${parsed.setting}`;
    case 'parameter':
      return `params.${parsed.name}`;
  }
}

function withDistribution(scenario: WorkspaceScenario, change: (dist: WorkspaceDistribution) => WorkspaceDistribution): WorkspaceScenario {
  if (!scenario.uncertainty) return scenario;
  const key = uncertainKeyOf(scenario);
  const current = scenario.uncertainty.distributions[key] ?? defaultGrowthDistribution(scenario).dist;
  const next = change(current);
  if (next === current) return scenario;
  return { ...scenario, uncertainty: { ...scenario.uncertainty, distributions: { ...scenario.uncertainty.distributions, [key]: next } } };
}

/** The scenario with one builder key set to `value` (same object when nothing changes). */
export function withBuilderValue(scenario: WorkspaceScenario, key: string, value: number): WorkspaceScenario {
  const parsed = parseBuilderKey(key);
  if (parsed.kind === 'distribution') {
    const field = parsed.field;
    return withDistribution(scenario, (dist) =>
      field in dist && (dist as Record<string, number | string>)[field] !== value ? ({ ...dist, [field]: value } as WorkspaceDistribution) : dist,
    );
  }
  if (parsed.kind === 'base') return parsed.field === 'year' ? withBaseYear(scenario, value) : withBaseValue(scenario, value);
  if (parsed.kind === 'target') return withTargetNumber(scenario, parsed.index, parsed.field, value);
  if (parsed.kind === 'simulation') {
    const setting = parsed.setting;
    if (!scenario.uncertainty || scenario.uncertainty[setting] === value) return scenario;
    return { ...scenario, uncertainty: { ...scenario.uncertainty, [setting]: value } };
  }
  return withParameterValue(scenario, key, value);
}

export function withDistributionKind(scenario: WorkspaceScenario, kind: WorkspaceDistribution['kind']): WorkspaceScenario {
  return withDistribution(scenario, (dist) => convertDistribution(dist, kind));
}

export function withShockMode(scenario: WorkspaceScenario, shockMode: 'perYear' | 'perTrial'): WorkspaceScenario {
  if (!scenario.uncertainty || scenario.uncertainty.shockMode === shockMode) return scenario;
  return { ...scenario, uncertainty: { ...scenario.uncertainty, shockMode } };
}

/** A rate path one year longer (the last rate repeated) or shorter (never empty). */
export function withRatePathLength(scenario: WorkspaceScenario, change: 1 | -1): WorkspaceScenario {
  if (scenario.model !== 'ratePath') return scenario;
  const rates = scenario.params.ratesPercent;
  if (change === -1) return rates.length <= 1 ? scenario : { ...scenario, params: { ratesPercent: rates.slice(0, -1) } };
  return rates.length >= 200 ? scenario : { ...scenario, params: { ratesPercent: [...rates, rates.at(-1) ?? 0] } };
}

/** Value of the scenario's path in one year, or NaN when the scenario cannot be projected. */
export function projectedValue(scenario: WorkspaceScenario, year: number): number {
  return validateScenarioSpec(specOf(scenario)).length === 0 && year >= scenario.base.year ? valueAtYear(specOf(scenario), year) : NaN;
}
