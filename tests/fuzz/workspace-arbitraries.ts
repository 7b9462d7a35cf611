/**
 * Valid workspaces of format 2 and format 1, generated: the starting points the fuzz tests mutate.
 * Values stay well inside the format's bounds (rates −50…50 %, values up to 1e6, years 1990–2060),
 * so an unmutated document is accepted and every mutation is what makes it wrong.
 */
import fc from 'fast-check';

const units = ['cny-100m', 'cny-10k', 'firms', 'persons', 'projects', 'percent', 'sqm-10k'] as const;
const models = ['cagr', 'ratePath', 'linear', 'logistic', 'targetPath'] as const;
type Model = (typeof models)[number];

const text = (min: number, max: number) => fc.string({ unit: 'grapheme', minLength: min, maxLength: max });
const idTail = fc.stringMatching(/^[A-Za-z0-9._-]{0,12}$/);
const isoTime = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2050-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
/** Doubles in [min, max] without the tiny magnitudes (subnormals, 1e-300) that the format refuses on purpose: those come from the mutations. */
const plainDouble = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((d) => (Math.abs(d) < 1e-6 ? 0 : d));
const rate = plainDouble(-50, 50);
const positive = plainDouble(1, 1e6);

export interface GeneratedScenarioCore {
  model: Model;
  baseYear: number;
  baseValue: number;
  horizonYear: number;
  rate: number;
  rates: number[];
  increment: number;
  ceilingFactor: number;
  targetYear: number;
  /** Target-path value ÷ base value: a path growing at most 200 % a year. */
  targetFactor: number;
  targets: { year: number; value: number; label: string | null }[];
  name: string;
  nameEn: string | null;
  indicatorId: string;
  indicatorZh: string;
  indicatorEn: string;
  unit: string;
  notes: string;
}

/** Fields shared by both formats; years are drawn so that every target and the horizon come after the base. */
const scenarioCore: fc.Arbitrary<GeneratedScenarioCore> = fc.integer({ min: 1990, max: 2050 }).chain((baseYear) =>
  fc.record({
    model: fc.constantFrom(...models),
    baseYear: fc.constant(baseYear),
    baseValue: positive,
    horizonYear: fc.integer({ min: baseYear, max: Math.min(2060, baseYear + 40) }),
    rate,
    rates: fc.array(rate, { minLength: 1, maxLength: 5 }),
    increment: plainDouble(-1e4, 1e4),
    ceilingFactor: plainDouble(1.5, 20),
    targetYear: fc.integer({ min: baseYear + 1, max: 2060 }),
    targetFactor: plainDouble(0.5, 3),
    targets: fc.array(fc.record({ year: fc.integer({ min: baseYear + 1, max: 2060 }), value: positive, label: fc.option(text(0, 20), { nil: null }) }), {
      maxLength: 3,
    }),
    name: text(1, 30),
    nameEn: fc.option(text(0, 30), { nil: null }),
    indicatorId: idTail.map((tail) => `i${tail}`),
    indicatorZh: text(1, 20),
    indicatorEn: text(0, 20),
    unit: fc.constantFrom(...units),
    notes: text(0, 40),
  }),
);

function v2Params(core: GeneratedScenarioCore): Record<string, unknown> {
  switch (core.model) {
    case 'cagr':
      return { growthRatePercent: core.rate };
    case 'ratePath':
      return { ratesPercent: core.rates };
    case 'linear':
      return { incrementPerYear: core.increment };
    case 'logistic':
      return { growthRatePercent: Math.abs(core.rate) + 1, ceiling: core.baseValue * core.ceilingFactor };
    case 'targetPath':
      return { targetYear: core.targetYear, targetValue: core.baseValue * core.targetFactor };
  }
}

function v2Scenario(core: GeneratedScenarioCore, id: string, time: string): Record<string, unknown> {
  return {
    id,
    name: core.name,
    ...(core.nameEn === null ? {} : { nameEn: core.nameEn }),
    indicatorId: core.indicatorId,
    indicatorName: { zh: core.indicatorZh, en: core.indicatorEn },
    unit: core.unit,
    base: { year: core.baseYear, value: core.baseValue },
    model: core.model,
    params: v2Params(core),
    horizonYear: core.horizonYear,
    targets: core.targets.map((t) => ({ ...(t.label === null ? {} : { label: t.label }), year: t.year, value: t.value })),
    notes: core.notes,
    createdAt: time,
    modifiedAt: time,
  };
}

/** Uncertainty on the base value (which every model has): a normal around it, its spread a fraction of it. */
const uncertainty = fc.record({
  spread: fc.option(plainDouble(0, 0.5), { nil: null }),
  shockMode: fc.constantFrom('perYear', 'perTrial'),
  trials: fc.integer({ min: 1, max: 2000 }),
  seed: fc.nat(),
});

function uncertaintyOf(spec: { spread: number | null; shockMode: string; trials: number; seed: number }, baseValue: number): Record<string, unknown> {
  return {
    distributions: spec.spread === null ? {} : { baseValue: { kind: 'normal', mean: baseValue, sd: baseValue * spec.spread } },
    shockMode: spec.shockMode,
    trials: spec.trials,
    seed: spec.seed,
  };
}

const indicator = fc.record({
  id: idTail.map((tail) => `u${tail}`),
  name: fc.record({ zh: text(1, 20), en: text(0, 20) }),
  unit: fc.constantFrom(...units),
  sourceNote: text(0, 40),
  observations: fc.array(
    fc.record({
      year: fc.integer({ min: 1990, max: 2060 }),
      value: plainDouble(-1e6, 1e6),
      kind: fc.constantFrom('actual', 'target', 'projection', 'estimate'),
    }),
    {
      maxLength: 4,
    },
  ),
});

/** A valid workspace of format 2, as a plain JSON value. */
export const workspaceV2Arbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    name: text(0, 40),
    time: isoTime,
    scenarios: fc.array(fc.tuple(scenarioCore, fc.option(uncertainty, { nil: null })), { maxLength: 3 }),
    indicators: fc.uniqueArray(indicator, { maxLength: 2, selector: (i) => i.id }),
    baseline: fc.nat(),
  })
  .map(({ name, time, scenarios, indicators, baseline }) => {
    const list = scenarios.map(([core, spread], index) => {
      const scenario = v2Scenario(core, `s${index + 1}`, time);
      return spread === null ? scenario : { ...scenario, uncertainty: uncertaintyOf(spread, core.baseValue) };
    });
    return {
      formatVersion: 2,
      name,
      createdAt: time,
      modifiedAt: time,
      baselineScenarioId: list.length === 0 ? null : `s${(baseline % list.length) + 1}`,
      scenarios: list,
      indicators,
    };
  });

function v1Scenario(core: GeneratedScenarioCore, id: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  switch (core.model) {
    case 'cagr':
      params['growthRate'] = core.rate / 100;
      break;
    case 'ratePath':
      params['rates'] = core.rates.map((r) => r / 100);
      break;
    case 'linear':
      params['increment'] = core.increment;
      break;
    case 'logistic':
      params['growthRate'] = (Math.abs(core.rate) + 1) / 100;
      params['ceiling'] = core.baseValue * core.ceilingFactor;
      break;
    case 'targetPath':
      params['targetYear'] = core.targetYear;
      params['targetValue'] = core.baseValue * core.targetFactor;
      break;
  }
  return {
    id,
    name: core.name,
    indicator: { id: core.indicatorId, nameZh: core.indicatorZh, ...(core.nameEn === null ? {} : { nameEn: core.indicatorEn }), unit: core.unit },
    baseYear: core.baseYear,
    baseValue: core.baseValue,
    model: core.model,
    ...params,
    horizonYear: core.horizonYear,
    targets: core.targets.map((t) => ({ year: t.year, value: t.value, ...(t.label === null ? {} : { label: t.label }) })),
    ...(core.notes === '' ? {} : { notes: core.notes }),
  };
}

/** A valid workspace of format 1 (rates as fractions, flat parameters), as a plain JSON value. */
export const workspaceV1Arbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .record({ title: text(0, 40), savedAt: isoTime, scenarios: fc.array(scenarioCore, { maxLength: 3 }), baseline: fc.option(fc.nat(), { nil: null }) })
  .map(({ title, savedAt, scenarios, baseline }) => ({
    formatVersion: 1,
    title,
    savedAt,
    ...(baseline === null || scenarios.length === 0 ? {} : { baselineId: `s${(baseline % scenarios.length) + 1}` }),
    scenarios: scenarios.map((core, index) => v1Scenario(core, `s${index + 1}`)),
  }));
