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
import type { ScenarioInput } from '../workspace/inputs';
import type { WorkspaceScenario } from '../workspace/schema';

/**
 * How a cell stores its field: `percent` fields are written as fractions (rate / 100) so Excel's
 * percentage format shows them as entered; `year` cells must hold whole numbers.
 */
export type BindingScale = 'number' | 'percent' | 'year';

export interface CellBinding {
  readonly name: string;
  readonly scenarioId: string;
  readonly field: ScenarioInput;
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
  const bind = (suffix: string, field: ScenarioInput, scale: BindingScale, input = true): CellBinding => ({
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

/** What the cell holds for a workspace value: rates as fractions. */
export function toCellValue(value: number, scale: BindingScale): number {
  return scale === 'percent' ? percentToFraction(value) : value;
}
