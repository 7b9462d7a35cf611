/**
 * Workspace file format, version 3 (current; version 3 added a scenario's `references`). Strict objects everywhere: the file is untrusted input,
 * unknown keys are reported rather than silently kept. Numeric semantics (rates > −100 %, horizon after
 * base, ceiling above base, …) are checked by the engine after the shape is valid, so the UI and the file
 * loader share one set of messages.
 */
import { z } from 'zod';

export const CURRENT_FORMAT_VERSION = 3;
export const MAX_WORKSPACE_BYTES = 20 * 1024 * 1024;
export const MAX_SCENARIOS = 500;
export const MAX_TARGETS_PER_SCENARIO = 50;
export const MAX_INDICATORS = 500;
export const MAX_OBSERVATIONS_PER_INDICATOR = 10_000;
export const MAX_RATE_PATH_LENGTH = 200;
export const MAX_TRIALS = 1_000_000;

const year = z.int().min(1900).max(2060).describe('Calendar year, 1900–2060');
const isoDateTime = z.iso.datetime({ offset: true }).describe('ISO 8601 date-time');
const identifier = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, ".", "_" and "-" only')
  .describe('Stable identifier');
/** `${indicatorId}@${year}-${kind}`, e.g. `cq.enterprises.high-tech@2025-target`. */
const observationId = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*@\d{4}-[a-z][a-z-]*$/, 'expected indicatorId@year-kind, e.g. cq.software.revenue@2024-target')
  .describe('Reference to a dataset observation: indicatorId@year-kind');
const percent = z.number().describe('Percent: 15 means 15 %');

export const LocalizedNameSchema = z.strictObject({
  zh: z.string().min(1).max(200),
  en: z.string().max(200),
});

export const DistributionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('normal'), mean: z.number(), sd: z.number() }),
  z.strictObject({ kind: z.literal('lognormal'), mean: z.number(), sd: z.number() }).describe('Lognormal given by its own mean and standard deviation'),
  z.strictObject({ kind: z.literal('uniform'), min: z.number(), max: z.number() }),
  z.strictObject({ kind: z.literal('triangular'), min: z.number(), mode: z.number(), max: z.number() }),
  z.strictObject({ kind: z.literal('pert'), min: z.number(), mode: z.number(), max: z.number() }),
]);

export const UncertaintySchema = z.strictObject({
  distributions: z
    .strictObject({
      baseValue: DistributionSchema.optional(),
      growthRatePercent: DistributionSchema.optional(),
      rateShiftPercent: DistributionSchema.optional(),
      incrementPerYear: DistributionSchema.optional(),
      ceiling: DistributionSchema.optional(),
      targetValue: DistributionSchema.optional(),
    })
    .describe('Distribution per uncertain parameter, in the parameter’s own units'),
  shockMode: z.enum(['perYear', 'perTrial']).describe('perYear: growth parameters redrawn every year; perTrial: drawn once per trial'),
  trials: z.int().min(1).max(MAX_TRIALS),
  seed: z.int().min(0).max(4294967295),
});

export const BaseSchema = z.strictObject({
  year,
  value: z.number(),
  observationId: observationId.optional(),
});

export const TargetSchema = z.strictObject({
  label: z.string().max(200).optional(),
  // The label's English, shown in English (localLabel); without it the label is the label in both languages.
  labelEn: z.string().max(200).optional().describe('English label; without it the label shows in both languages'),
  year,
  value: z.number(),
  observationId: observationId.optional(),
});

/**
 * A figure to read the projection against that is not a goal: a forecast or projection (the 2028
 * forecast of the diagnostics industry). Drawn as a labelled reference line; never given a
 * probability of reaching it, a gap or a met/not-met verdict, which only targets have.
 */
export const ReferenceSchema = z
  .strictObject({
    label: z.string().max(200).optional(),
    labelEn: z.string().max(200).optional().describe('English label; without it the label shows in both languages'),
    year,
    value: z.number(),
    observationId: observationId.optional(),
  })
  .describe('A forecast or projection to compare with, not a target');

export const ModelParamsSchemas = {
  cagr: z.strictObject({ growthRatePercent: percent }),
  ratePath: z.strictObject({ ratesPercent: z.array(percent).max(MAX_RATE_PATH_LENGTH).describe('Rate for each year after the base; the last one continues') }),
  linear: z.strictObject({ incrementPerYear: z.number().describe('Absolute increase per year, in the indicator unit') }),
  logistic: z.strictObject({ growthRatePercent: percent, ceiling: z.number() }),
  targetPath: z.strictObject({ targetYear: year, targetValue: z.number() }),
} as const;

function scenarioVariant<M extends keyof typeof ModelParamsSchemas>(model: M) {
  // Keys are listed in the order they should appear in saved files.
  return z.strictObject({
    id: identifier,
    name: z.string().min(1).max(200),
    nameEn: z.string().max(200).optional(),
    indicatorId: identifier,
    indicatorName: LocalizedNameSchema,
    unit: z.string().min(1).max(40).describe('Unit code, e.g. cny-100m (亿元) or firms'),
    base: BaseSchema,
    model: z.literal(model),
    params: ModelParamsSchemas[model],
    horizonYear: year,
    targets: z.array(TargetSchema).max(MAX_TARGETS_PER_SCENARIO),
    references: z.array(ReferenceSchema).max(MAX_TARGETS_PER_SCENARIO).optional(),
    uncertainty: UncertaintySchema.optional(),
    notes: z.string().max(20_000),
    createdAt: isoDateTime,
    modifiedAt: isoDateTime,
  });
}

export const ScenarioSchema = z.discriminatedUnion('model', [
  scenarioVariant('cagr'),
  scenarioVariant('ratePath'),
  scenarioVariant('linear'),
  scenarioVariant('logistic'),
  scenarioVariant('targetPath'),
]);

/** Version 2's scenario: no `references` (a forecast could only be stored as a target). */
const scenarioV2Variant = <M extends keyof typeof ModelParamsSchemas>(model: M) => scenarioVariant(model).omit({ references: true });
const ScenarioV2Schema = z.discriminatedUnion('model', [
  scenarioV2Variant('cagr'),
  scenarioV2Variant('ratePath'),
  scenarioV2Variant('linear'),
  scenarioV2Variant('logistic'),
  scenarioV2Variant('targetPath'),
]);

export const ObservationSchema = z.strictObject({
  id: observationId.optional(),
  year,
  value: z.number(),
  kind: z.enum(['actual', 'target', 'projection', 'estimate']),
  note: z.string().max(2000).optional(),
});

export const ImportedIndicatorSchema = z.strictObject({
  id: identifier,
  name: LocalizedNameSchema,
  unit: z.string().min(1).max(40),
  sourceNote: z.string().max(5000),
  observations: z.array(ObservationSchema).max(MAX_OBSERVATIONS_PER_INDICATOR),
});

export const WorkspaceSchema = z
  .strictObject({
    formatVersion: z.literal(CURRENT_FORMAT_VERSION),
    name: z.string().max(200),
    // The English name, as a scenario has one; without it the name is the name in both languages.
    nameEn: z.string().max(200).optional(),
    createdAt: isoDateTime,
    modifiedAt: isoDateTime,
    baselineScenarioId: identifier.nullable(),
    scenarios: z.array(ScenarioSchema).max(MAX_SCENARIOS),
    indicators: z.array(ImportedIndicatorSchema).max(MAX_INDICATORS),
  })
  .describe('Scenario Desk (情景推演台) workspace file (.sdesk)');

/** Version 2: scenarios without references; otherwise as version 3. */
export const WorkspaceV2Schema = WorkspaceSchema.extend({ formatVersion: z.literal(2), scenarios: z.array(ScenarioV2Schema).max(MAX_SCENARIOS) });

export type Workspace = z.infer<typeof WorkspaceSchema>;
export type WorkspaceScenario = z.infer<typeof ScenarioSchema>;
export type WorkspaceTarget = z.infer<typeof TargetSchema>;
export type WorkspaceReference = z.infer<typeof ReferenceSchema>;
export type WorkspaceV2 = z.infer<typeof WorkspaceV2Schema>;
export type WorkspaceUncertainty = z.infer<typeof UncertaintySchema>;
export type WorkspaceDistribution = z.infer<typeof DistributionSchema>;
export type ImportedIndicator = z.infer<typeof ImportedIndicatorSchema>;
export type Observation = z.infer<typeof ObservationSchema>;

/** Version 1 (first release): rates as fractions (0.15 = 15 %), flat parameters, no uncertainty, no imported indicators. */
const v1Scenario = z.strictObject({
  id: identifier,
  name: z.string().min(1).max(200),
  indicator: z.strictObject({ id: identifier, nameZh: z.string().min(1).max(200), nameEn: z.string().max(200).optional(), unit: z.string().min(1).max(40) }),
  baseYear: year,
  baseValue: z.number(),
  model: z.enum(['cagr', 'ratePath', 'linear', 'logistic', 'targetPath']),
  growthRate: z.number().optional().describe('Fraction: 0.15 means 15 %'),
  rates: z.array(z.number()).max(MAX_RATE_PATH_LENGTH).optional(),
  increment: z.number().optional(),
  ceiling: z.number().optional(),
  targetYear: year.optional(),
  targetValue: z.number().optional(),
  horizonYear: year,
  targets: z.array(z.strictObject({ year, value: z.number(), label: z.string().max(200).optional() })).max(MAX_TARGETS_PER_SCENARIO),
  notes: z.string().max(20_000).optional(),
});

export const WorkspaceV1Schema = z.strictObject({
  formatVersion: z.literal(1),
  title: z.string().max(200),
  savedAt: isoDateTime,
  baselineId: identifier.optional(),
  scenarios: z.array(v1Scenario).max(MAX_SCENARIOS),
});

export type WorkspaceV1 = z.infer<typeof WorkspaceV1Schema>;
export type WorkspaceV1Scenario = z.infer<typeof v1Scenario>;

/** JSON Schema (draft 2020-12) of the current format, for docs/workspace.schema.json and external tools. */
export function workspaceJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(WorkspaceSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://scenario-desk.invalid/workspace.schema.json', title: `Scenario Desk workspace, format version ${CURRENT_FORMAT_VERSION}` };
}
