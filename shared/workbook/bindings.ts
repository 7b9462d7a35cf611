/**
 * Which named cell of the Assumptions sheet holds which scenario field. The builder writes this list
 * into the hidden `_sdesk` sheet, and the reader uses it to bring edited input cells back.
 *
 * Naming scheme (documented on the Cover sheet): scenarios are numbered s1, s2, … in workspace order;
 * `sN_baseYear`, `sN_base`, `sN_horizon`, `sN_rate` (CAGR, logistic), `sN_rate1…` (rate path),
 * `sN_inc` (linear), `sN_ceiling` (logistic), `sN_targetYear` / `sN_targetValue` (target path),
 * `sN_tK_year` / `sN_tK_value` (target K). Every name contains "_", so none can be read as a cell
 * reference such as S1 or R1C1.
 */
import { percentToFraction } from '../units/rates';
import type { WorkspaceScenario } from '../workspace/schema';

/**
 * How a cell stores its field: `percent` fields are written as fractions (rate / 100) so Excel's
 * percentage format shows them as entered; `year` cells must hold whole numbers.
 */
export type BindingScale = 'number' | 'percent' | 'year';

export type BindingField =
  | { readonly kind: 'baseYear' }
  | { readonly kind: 'baseValue' }
  | { readonly kind: 'horizonYear' }
  | { readonly kind: 'growthRatePercent' }
  | { readonly kind: 'ratePercent'; readonly index: number }
  | { readonly kind: 'incrementPerYear' }
  | { readonly kind: 'ceiling' }
  | { readonly kind: 'pathTargetYear' }
  | { readonly kind: 'pathTargetValue' }
  | { readonly kind: 'targetYear'; readonly index: number }
  | { readonly kind: 'targetValue'; readonly index: number };

export interface CellBinding {
  readonly name: string;
  readonly scenarioId: string;
  readonly field: BindingField;
  readonly scale: BindingScale;
  /** Yellow input cell the analyst is invited to change; structural cells (base year, horizon) are not. */
  readonly input: boolean;
}

export function scenarioPrefix(index: number): string {
  return `s${index + 1}`;
}

/** The named cells of one scenario, in the order they appear on the Assumptions sheet. */
export function bindingsOf(scenario: WorkspaceScenario, index: number): CellBinding[] {
  const prefix = scenarioPrefix(index);
  const id = scenario.id;
  const bind = (suffix: string, field: BindingField, scale: BindingScale, input = true): CellBinding => ({
    name: `${prefix}_${suffix}`,
    scenarioId: id,
    field,
    scale,
    input,
  });
  const list: CellBinding[] = [
    bind('baseYear', { kind: 'baseYear' }, 'year', false),
    bind('base', { kind: 'baseValue' }, 'number'),
    bind('horizon', { kind: 'horizonYear' }, 'year', false),
  ];
  switch (scenario.model) {
    case 'cagr':
      list.push(bind('rate', { kind: 'growthRatePercent' }, 'percent'));
      break;
    case 'ratePath':
      scenario.params.ratesPercent.forEach((_, rateIndex) => list.push(bind(`rate${rateIndex + 1}`, { kind: 'ratePercent', index: rateIndex }, 'percent')));
      break;
    case 'linear':
      list.push(bind('inc', { kind: 'incrementPerYear' }, 'number'));
      break;
    case 'logistic':
      list.push(bind('rate', { kind: 'growthRatePercent' }, 'percent'), bind('ceiling', { kind: 'ceiling' }, 'number'));
      break;
    case 'targetPath':
      list.push(bind('targetYear', { kind: 'pathTargetYear' }, 'year'), bind('targetValue', { kind: 'pathTargetValue' }, 'number'));
      break;
  }
  scenario.targets.forEach((_, targetIndex) => {
    list.push(
      bind(`t${targetIndex + 1}_year`, { kind: 'targetYear', index: targetIndex }, 'year'),
      bind(`t${targetIndex + 1}_value`, { kind: 'targetValue', index: targetIndex }, 'number'),
    );
  });
  return list;
}

/** The field's value in the workspace (percent for rates), or undefined when the scenario no longer has it. */
export function readField(scenario: WorkspaceScenario, field: BindingField): number | undefined {
  switch (field.kind) {
    case 'baseYear':
      return scenario.base.year;
    case 'baseValue':
      return scenario.base.value;
    case 'horizonYear':
      return scenario.horizonYear;
    case 'growthRatePercent':
      return scenario.model === 'cagr' || scenario.model === 'logistic' ? scenario.params.growthRatePercent : undefined;
    case 'ratePercent':
      return scenario.model === 'ratePath' ? scenario.params.ratesPercent[field.index] : undefined;
    case 'incrementPerYear':
      return scenario.model === 'linear' ? scenario.params.incrementPerYear : undefined;
    case 'ceiling':
      return scenario.model === 'logistic' ? scenario.params.ceiling : undefined;
    case 'pathTargetYear':
      return scenario.model === 'targetPath' ? scenario.params.targetYear : undefined;
    case 'pathTargetValue':
      return scenario.model === 'targetPath' ? scenario.params.targetValue : undefined;
    case 'targetYear':
      return scenario.targets[field.index]?.year;
    case 'targetValue':
      return scenario.targets[field.index]?.value;
  }
}

/** A copy of the scenario with one field replaced (value in the workspace's units: percent for rates). */
export function writeField(scenario: WorkspaceScenario, field: BindingField, value: number): WorkspaceScenario {
  const replaceTarget = (index: number, patch: { year?: number; value?: number }): WorkspaceScenario => ({
    ...scenario,
    targets: scenario.targets.map((target, i) => (i === index ? { ...target, ...patch } : target)),
  });
  switch (field.kind) {
    case 'baseYear':
      return { ...scenario, base: { ...scenario.base, year: value } };
    case 'baseValue':
      return { ...scenario, base: { ...scenario.base, value } };
    case 'horizonYear':
      return { ...scenario, horizonYear: value };
    case 'growthRatePercent':
      if (scenario.model === 'cagr') return { ...scenario, params: { ...scenario.params, growthRatePercent: value } };
      if (scenario.model === 'logistic') return { ...scenario, params: { ...scenario.params, growthRatePercent: value } };
      return scenario;
    case 'ratePercent':
      if (scenario.model !== 'ratePath') return scenario;
      return { ...scenario, params: { ratesPercent: scenario.params.ratesPercent.map((rate, i) => (i === field.index ? value : rate)) } };
    case 'incrementPerYear':
      return scenario.model === 'linear' ? { ...scenario, params: { incrementPerYear: value } } : scenario;
    case 'ceiling':
      return scenario.model === 'logistic' ? { ...scenario, params: { ...scenario.params, ceiling: value } } : scenario;
    case 'pathTargetYear':
      return scenario.model === 'targetPath' ? { ...scenario, params: { ...scenario.params, targetYear: value } } : scenario;
    case 'pathTargetValue':
      return scenario.model === 'targetPath' ? { ...scenario, params: { ...scenario.params, targetValue: value } } : scenario;
    case 'targetYear':
      return replaceTarget(field.index, { year: value });
    case 'targetValue':
      return replaceTarget(field.index, { value });
  }
}

/** What the cell holds for a workspace value: rates as fractions. */
export function toCellValue(value: number, scale: BindingScale): number {
  return scale === 'percent' ? percentToFraction(value) : value;
}
