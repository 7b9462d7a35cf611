/**
 * The numeric inputs of a scenario (base, horizon, model parameters, targets) and the one way to set
 * them. Every edit path goes through `withInput`: the builder's sliders and number boxes, the workbook
 * read back from Excel, and any form that edits a base or a target. Setting a parameter moves the
 * Monte Carlo distribution that describes it by the same amount, spread kept, so the simulation is
 * always centred on the path the analyst sees: a rate set to 12 % with its distribution left at
 * normal(19.2, 4) would give a verdict "not met" beside a 99 % chance of meeting the target.
 */
import type { ParameterKey } from '../engine/models';
import type { WorkspaceDistribution, WorkspaceScenario } from './schema';

export type ScenarioInput =
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

/** One input of one scenario going `from` → `to` (in the workspace's units: percent for rates). */
export interface InputChange {
  readonly scenarioId: string;
  readonly field: ScenarioInput;
  readonly from: number;
  readonly to: number;
  /** Where the new value came from, when it came from a file: a workbook's defined name and cell, `s4_rate (假设!D8)`. */
  readonly where?: string;
}

/** The input's value in the workspace (percent for rates), or undefined when the scenario does not have it. */
export function readInput(scenario: WorkspaceScenario, input: ScenarioInput): number | undefined {
  switch (input.kind) {
    case 'baseYear':
      return scenario.base.year;
    case 'baseValue':
      return scenario.base.value;
    case 'horizonYear':
      return scenario.horizonYear;
    case 'growthRatePercent':
      return scenario.model === 'cagr' || scenario.model === 'logistic' ? scenario.params.growthRatePercent : undefined;
    case 'ratePercent':
      return scenario.model === 'ratePath' ? scenario.params.ratesPercent[input.index] : undefined;
    case 'incrementPerYear':
      return scenario.model === 'linear' ? scenario.params.incrementPerYear : undefined;
    case 'ceiling':
      return scenario.model === 'logistic' ? scenario.params.ceiling : undefined;
    case 'pathTargetYear':
      return scenario.model === 'targetPath' ? scenario.params.targetYear : undefined;
    case 'pathTargetValue':
      return scenario.model === 'targetPath' ? scenario.params.targetValue : undefined;
    case 'targetYear':
      return scenario.targets[input.index]?.year;
    case 'targetValue':
      return scenario.targets[input.index]?.value;
  }
}

/**
 * The Monte Carlo parameter an input is, if any. A rate path's yearly rates have none: its
 * distribution (`rateShiftPercent`) is a shift added to every rate, centred on the path by definition.
 */
function parameterOf(input: ScenarioInput): ParameterKey | null {
  switch (input.kind) {
    case 'baseValue':
    case 'growthRatePercent':
    case 'incrementPerYear':
    case 'ceiling':
      return input.kind;
    case 'pathTargetValue':
      return 'targetValue';
    default:
      return null;
  }
}

/** A distribution moved so that its locations (mean, min, mode, max) keep their offsets from a value that went `from` → `to`. */
export function shiftDistribution(dist: WorkspaceDistribution, from: number, to: number): WorkspaceDistribution {
  // `to + (x − from)` rather than `x + (to − from)`: a location equal to the old value becomes the new one exactly (19.2 → 12, not 12.000000000000002).
  const move = (x: number): number => to + (x - from);
  switch (dist.kind) {
    case 'normal':
    case 'lognormal':
      return { ...dist, mean: move(dist.mean) };
    case 'uniform':
      return { ...dist, min: move(dist.min), max: move(dist.max) };
    case 'triangular':
    case 'pert':
      return { ...dist, min: move(dist.min), mode: move(dist.mode), max: move(dist.max) };
  }
}

function withValue(scenario: WorkspaceScenario, input: ScenarioInput, value: number): WorkspaceScenario {
  // A typed base or target is the analyst's own figure: it no longer stands for the dataset
  // observation it was taken from, so its link goes (the source line then cites the analyst, not the article).
  const replaceTarget = (index: number, patch: { year?: number; value?: number }): WorkspaceScenario => ({
    ...scenario,
    targets: scenario.targets.map((target, i) => {
      if (i !== index) return target;
      const { observationId: _link, ...own } = target;
      return { ...own, ...patch };
    }),
  });
  switch (input.kind) {
    case 'baseYear':
      return { ...scenario, base: { year: value, value: scenario.base.value } };
    case 'baseValue':
      return { ...scenario, base: { year: scenario.base.year, value } };
    case 'horizonYear':
      return { ...scenario, horizonYear: value };
    case 'growthRatePercent':
      if (scenario.model === 'cagr') return { ...scenario, params: { ...scenario.params, growthRatePercent: value } };
      if (scenario.model === 'logistic') return { ...scenario, params: { ...scenario.params, growthRatePercent: value } };
      return scenario;
    case 'ratePercent':
      if (scenario.model !== 'ratePath') return scenario;
      return { ...scenario, params: { ratesPercent: scenario.params.ratesPercent.map((rate, i) => (i === input.index ? value : rate)) } };
    case 'incrementPerYear':
      return scenario.model === 'linear' ? { ...scenario, params: { incrementPerYear: value } } : scenario;
    case 'ceiling':
      return scenario.model === 'logistic' ? { ...scenario, params: { ...scenario.params, ceiling: value } } : scenario;
    case 'pathTargetYear':
      return scenario.model === 'targetPath' ? { ...scenario, params: { ...scenario.params, targetYear: value } } : scenario;
    case 'pathTargetValue':
      return scenario.model === 'targetPath' ? { ...scenario, params: { ...scenario.params, targetValue: value } } : scenario;
    case 'targetYear':
      return replaceTarget(input.index, { year: value });
    case 'targetValue':
      return replaceTarget(input.index, { value });
  }
}

/**
 * The scenario with one input set (in the workspace's units: percent for rates), and the distribution
 * of that parameter moved with it. The same object when the scenario has no such input or already
 * holds the value, so an edit that changes nothing records no undo step.
 */
export function withInput(scenario: WorkspaceScenario, input: ScenarioInput, value: number): WorkspaceScenario {
  const current = readInput(scenario, input);
  if (current === undefined || current === value) return scenario;
  const next = withValue(scenario, input, value);
  const parameter = parameterOf(input);
  const dist = parameter === null ? undefined : next.uncertainty?.distributions[parameter];
  if (parameter === null || next.uncertainty === undefined || dist === undefined) return next;
  return {
    ...next,
    uncertainty: { ...next.uncertainty, distributions: { ...next.uncertainty.distributions, [parameter]: shiftDistribution(dist, current, value) } },
  };
}
