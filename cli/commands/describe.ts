/** Short human descriptions of scenarios, models and results shared by the table outputs. */
import type { RequiredGrowth } from '../../shared/engine/analysis';
import type { DistributionSpec } from '../../shared/engine/distributions';
import type { WorkspaceScenario } from '../../shared/workspace/schema';
import { formatNumber, formatPercent } from '../format';

export function describeModel(scenario: WorkspaceScenario): string {
  switch (scenario.model) {
    case 'cagr':
      return `constant growth ${formatPercent(scenario.params.growthRatePercent)} a year`;
    case 'ratePath':
      return `yearly rates ${scenario.params.ratesPercent.map((rate) => formatPercent(rate, 1)).join(', ')} (last continues)`;
    case 'linear':
      return `linear ${scenario.params.incrementPerYear >= 0 ? '+' : ''}${formatNumber(scenario.params.incrementPerYear)} a year`;
    case 'logistic':
      return `S-curve, early growth ${formatPercent(scenario.params.growthRatePercent)}, ceiling ${formatNumber(scenario.params.ceiling)}`;
    case 'targetPath':
      return `target path to ${formatNumber(scenario.params.targetValue)} in ${scenario.params.targetYear}, same rate after`;
  }
}

export function describeRequiredGrowth(required: RequiredGrowth): string {
  if (required.status === 'unreachable') return `unreachable: ${required.reason}`;
  const cagr = formatPercent(required.impliedCagrPercent);
  switch (required.parameter) {
    case 'growthRatePercent':
      return required.method === 'closed-form' ? `${cagr} a year` : `rate ${formatPercent(required.value)} (CAGR ${cagr})`;
    case 'incrementPerYear':
      return `${formatNumber(required.value)} a year (CAGR ${cagr})`;
    case 'rateShiftPercent':
      return `${required.value >= 0 ? '+' : ''}${formatNumber(required.value, 2)} pp on every rate (CAGR ${cagr})`;
    case 'targetValue':
      return `path target ${formatNumber(required.value)} (CAGR ${cagr})`;
    default:
      return `${required.parameter} = ${formatNumber(required.value)} (CAGR ${cagr})`;
  }
}

export function describeDistribution(dist: DistributionSpec): string {
  switch (dist.kind) {
    case 'normal':
    case 'lognormal':
      return `${dist.kind}(mean ${dist.mean}, sd ${dist.sd})`;
    case 'uniform':
      return `uniform(${dist.min}, ${dist.max})`;
    case 'triangular':
    case 'pert':
      return `${dist.kind}(${dist.min}, ${dist.mode}, ${dist.max})`;
  }
}

export function scenarioTitle(scenario: WorkspaceScenario, baselineId: string | null): string {
  const baseline = scenario.id === baselineId ? '  [baseline]' : '';
  const english = scenario.nameEn === undefined || scenario.nameEn === '' ? '' : `\n    ${scenario.nameEn}`;
  return `■ ${scenario.id}${baseline}\n    ${scenario.name}${english}`;
}
