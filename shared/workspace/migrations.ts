/**
 * Migrations from earlier workspace formats to the current one. Each step takes a document already
 * validated against its own version's schema and returns a plain object of the next version; the
 * result is validated again against the current schema.
 */
import { fractionToPercentRounded } from '../units/rates';
import type { WorkspaceV1, WorkspaceV1Scenario } from './schema';

/**
 * A v1 fraction (0.07) in percent (7) without binary noise such as 7.000000000000001. Exported under
 * the name the migration tests use; the conversion itself is shared/units/rates.ts's.
 */
export const fractionToPercent = fractionToPercentRounded;

function migrateV1Params(scenario: WorkspaceV1Scenario): { params: Record<string, unknown>; missing: string[] } {
  const missing: string[] = [];
  const need = <T>(value: T | undefined, name: string): T | undefined => {
    if (value === undefined) missing.push(name);
    return value;
  };
  switch (scenario.model) {
    case 'cagr': {
      const rate = need(scenario.growthRate, 'growthRate');
      return { params: { growthRatePercent: rate === undefined ? undefined : fractionToPercent(rate) }, missing };
    }
    case 'ratePath': {
      const rates = need(scenario.rates, 'rates');
      return { params: { ratesPercent: rates?.map(fractionToPercent) }, missing };
    }
    case 'linear':
      return { params: { incrementPerYear: need(scenario.increment, 'increment') }, missing };
    case 'logistic': {
      const rate = need(scenario.growthRate, 'growthRate');
      return { params: { growthRatePercent: rate === undefined ? undefined : fractionToPercent(rate), ceiling: need(scenario.ceiling, 'ceiling') }, missing };
    }
    case 'targetPath':
      return { params: { targetYear: need(scenario.targetYear, 'targetYear'), targetValue: need(scenario.targetValue, 'targetValue') }, missing };
  }
}

export interface MigrationProblem {
  readonly path: string;
  readonly message: string;
  readonly messageZh: string;
}

/** v1 → v2: title → name, savedAt → createdAt/modifiedAt, fractions → percent, flat params → model + params. */
export function migrateV1ToV2(v1: WorkspaceV1): { document: Record<string, unknown>; problems: MigrationProblem[] } {
  const problems: MigrationProblem[] = [];
  const scenarios = v1.scenarios.map((scenario, index) => {
    const { params, missing } = migrateV1Params(scenario);
    for (const name of missing) {
      problems.push({
        path: `$.scenarios[${index}].${name}`,
        message: `required for a ${scenario.model} scenario in format version 1`,
        messageZh: `格式版本 1 中 ${scenario.model} 情景必须提供该字段`,
      });
    }
    return {
      id: scenario.id,
      name: scenario.name,
      indicatorId: scenario.indicator.id,
      indicatorName: { zh: scenario.indicator.nameZh, en: scenario.indicator.nameEn ?? '' },
      unit: scenario.indicator.unit,
      base: { year: scenario.baseYear, value: scenario.baseValue },
      model: scenario.model,
      params,
      horizonYear: scenario.horizonYear,
      targets: scenario.targets.map((target) => ({ ...(target.label === undefined ? {} : { label: target.label }), year: target.year, value: target.value })),
      notes: scenario.notes ?? '',
      createdAt: v1.savedAt,
      modifiedAt: v1.savedAt,
    };
  });
  return {
    document: {
      formatVersion: 2,
      name: v1.title,
      createdAt: v1.savedAt,
      modifiedAt: v1.savedAt,
      baselineScenarioId: v1.baselineId ?? v1.scenarios[0]?.id ?? null,
      scenarios,
      indicators: [],
    },
    problems,
  };
}
