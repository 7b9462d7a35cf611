/**
 * Migrations from earlier workspace formats to the current one. Each step takes a document already
 * validated against its own version's schema and returns a plain object of the next version; the
 * result is validated again against the current schema.
 */
import { observationKindOfId } from '../dataset/observation-id';
import { fractionToPercentRounded } from '../units/rates';
import type { WorkspaceV1, WorkspaceV1Scenario, WorkspaceV2 } from './schema';

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

/** What a migration changed in the user's scenarios, to tell them on opening the file. */
export interface MigrationChange {
  readonly path: string;
  readonly message: string;
  readonly messageZh: string;
}

/**
 * v2 → v3: a "target" that is a forecast (its figure is a projection, such as the 2028 forecast of
 * 5500亿元) becomes a reference, which is drawn but never given a probability or a verdict; and a
 * distribution on a base the source reports as an actual is dropped, since a known value has no
 * spread (version 3 refuses both). Each change is reported.
 */
export function migrateV2ToV3(v2: WorkspaceV2): { document: Record<string, unknown>; changes: MigrationChange[] } {
  const changes: MigrationChange[] = [];
  const scenarios = v2.scenarios.map((scenario, index) => {
    const isForecast = (target: { observationId?: string | undefined }) => observationKindOfId(target.observationId) === 'projection';
    const references = scenario.targets.filter(isForecast);
    const targets = scenario.targets.filter((target) => !isForecast(target));
    references.forEach((reference) =>
      changes.push({
        path: `$.scenarios[${index}].references`,
        message: `the ${reference.year} figure ${reference.value} is a forecast, not a target: it is now a reference line`,
        messageZh: `${reference.year}年的 ${reference.value} 是预测值而非目标，已改为参考线`,
      }),
    );
    let uncertainty = scenario.uncertainty;
    if (uncertainty?.distributions.baseValue !== undefined && observationKindOfId(scenario.base.observationId) === 'actual') {
      const { baseValue: _dropped, ...distributions } = uncertainty.distributions;
      uncertainty = { ...uncertainty, distributions };
      changes.push({
        path: `$.scenarios[${index}].uncertainty.distributions.baseValue`,
        message: `the base value ${scenario.base.value} (${scenario.base.year}) is an actual figure: its distribution was removed`,
        messageZh: `基期值 ${scenario.base.value}（${scenario.base.year}年）是实际值，已删除其分布`,
      });
    }
    const { uncertainty: _old, notes, createdAt, modifiedAt, ...rest } = scenario;
    return {
      ...rest,
      targets,
      ...(references.length > 0 ? { references } : {}),
      ...(uncertainty === undefined ? {} : { uncertainty }),
      notes,
      createdAt,
      modifiedAt,
    };
  });
  return { document: { ...v2, formatVersion: 3, scenarios }, changes };
}
