import { z } from 'zod';
import { QUALIFIERS, UNIT_CODES } from '../units';
import { overlappingRanges, resolvePiece } from './pieces';

export { observationKindOfId } from './observation-id';

/**
 * Schema of assets/data/dataset.json: every figure, list and date the app takes
 * from the one source article, each tied to the verbatim quote it comes from.
 */

export const bilingualTextSchema = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
});

/** Ids are lowercase dotted/dashed slugs so they are safe in URLs and file names. */
const idSchema = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'id must be a lowercase slug (a-z, 0-9, ".", "-")');

export const sourceRefSchema = z.object({
  /** Exact substring of assets/source/article.txt, OCR spaces and line breaks included. */
  quote: z.string().min(1),
  /** UTF-16 index of the quote in the article (String.prototype.indexOf semantics). */
  offset: z.number().int().nonnegative(),
});

export const unitCodeSchema = z.enum(UNIT_CODES);
export const qualifierSchema = z.enum(QUALIFIERS);

export const OBSERVATION_KINDS = ['actual', 'target', 'projection', 'policy'] as const;
export const observationKindSchema = z.enum(OBSERVATION_KINDS);

/**
 * What kind of quantity an indicator is, which decides what a projection of it can mean:
 * - level: an amount at a point in time (firms at year end, laboratories, a machine's capacity);
 * - flow: an amount per year (revenue, output, firms added in the year);
 * - one-off: the total of one programme or batch (the 39.8亿元 of the 137 "5+8" projects launched
 *   in 2023), neither a level nor a yearly amount, so growing it "by 10% a year" has no meaning;
 * - ratio: a share or a rate (percent).
 */
export const MEASURES = ['level', 'flow', 'one-off', 'ratio'] as const;
export const measureSchema = z.enum(MEASURES);

export const SCOPE_KINDS = ['country', 'municipality', 'district', 'county', 'organisation'] as const;
export const scopeKindSchema = z.enum(SCOPE_KINDS);

export const themeSchema = z.object({
  id: idSchema,
  name: bilingualTextSchema,
});

export const scopeSchema = z.object({
  id: idSchema,
  kind: scopeKindSchema,
  label: bilingualTextSchema,
});

export const indicatorSchema = z.object({
  id: idSchema,
  name: bilingualTextSchema,
  unit: unitCodeSchema,
  measure: measureSchema,
  scopeId: idSchema,
  themeId: idSchema,
  definition: bilingualTextSchema,
});

/** YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn (a quarter, e.g. 一季度). */
const partialDateSchema = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?|-Q[1-4])?$/, 'date must be YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn');

export const observationSchema = z
  .object({
    id: z.string().min(1),
    indicatorId: idSchema,
    year: z.number().int().min(1900).max(2100),
    /** Only when the article pins the figure to a date or quarter finer than the year. */
    date: partialDateSchema.optional(),
    kind: observationKindSchema,
    qualifier: qualifierSchema,
    /** In the indicator's unit; null when the article lost the number (never invented). */
    value: z.number().finite().nullable(),
    /** The figure as printed, whitespace removed (e.g. "1.27万家"); null exactly when value is null. */
    rawValue: z.string().min(1).nullable(),
    source: sourceRefSchema,
    note: bilingualTextSchema.optional(),
  })
  .refine((observation) => (observation.value === null) === (observation.rawValue === null), {
    message: 'value and rawValue must both be null or both be set',
    path: ['rawValue'],
  })
  .refine((observation) => observation.date === undefined || observation.date.startsWith(String(observation.year)), {
    message: 'date must fall in the observation year',
    path: ['date'],
  });

export const factItemSchema = z.object({
  id: idSchema,
  label: bilingualTextSchema,
  source: sourceRefSchema,
});

export const factSetSchema = z.object({
  id: idSchema,
  themeId: idSchema,
  scopeId: idSchema,
  name: bilingualTextSchema,
  description: bilingualTextSchema,
  /** False when the article names only some members ("等", "等一批", 8 declared but 3 named). */
  complete: z.boolean(),
  /** The observation that states how many members there are, when the article gives a count. */
  countObservationId: z.string().min(1).optional(),
  items: z.array(factItemSchema).min(1),
});

export const EVENT_KINDS = ['occurred', 'planned'] as const;

export const datedEventSchema = z.object({
  id: idSchema,
  themeId: idSchema,
  scopeId: idSchema,
  date: partialDateSchema,
  kind: z.enum(EVENT_KINDS),
  /** The date as printed (去年3月, 2月26日…), found in the quote once whitespace is removed. */
  dateAsWritten: z.string().min(1),
  label: bilingualTextSchema,
  source: sourceRefSchema,
});

export const datasetSourceSchema = z.object({
  file: z.string().min(1),
  publisher: bilingualTextSchema,
  publishedDate: partialDateSchema,
  yearConvention: bilingualTextSchema,
  caveats: bilingualTextSchema,
});

/** Characters [start, end) of the article: UTF-16 indexes, end excluded, as String.prototype.slice takes them. */
export const textRangeSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .refine((range) => range.start < range.end, { message: 'a range must end after it starts', path: ['end'] });

/**
 * One piece of the newspaper page (the page carries several articles, each with its own title
 * and byline). The OCR interleaves the page's columns, so a piece may own several ranges of the
 * text; a figure belongs to the piece whose range holds its quote.
 */
export const pieceSchema = z.object({
  id: idSchema,
  title: bilingualTextSchema,
  /** The lines printed with the title (引题, 副题), when the piece has any. */
  subtitle: bilingualTextSchema.optional(),
  byline: z.object({
    /** As printed before the names: 首席记者, 记者. */
    role: bilingualTextSchema,
    authors: z.array(bilingualTextSchema).min(1),
  }),
  ranges: z.array(textRangeSchema).min(1),
});

function findDuplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) duplicates.add(id);
    seen.add(id);
  }
  return [...duplicates];
}

/** Base id of an observation; a collision gets a `-2`, `-3`… suffix. */
export function observationBaseId(indicatorId: string, year: number, kind: string): string {
  return `${indicatorId}@${year}-${kind}`;
}

export const datasetSchema = z
  .object({
    schemaVersion: z.literal(1),
    source: datasetSourceSchema,
    pieces: z.array(pieceSchema).min(1),
    themes: z.array(themeSchema).min(1),
    scopes: z.array(scopeSchema).min(1),
    indicators: z.array(indicatorSchema).min(1),
    observations: z.array(observationSchema).min(1),
    factSets: z.array(factSetSchema),
    events: z.array(datedEventSchema),
  })
  .superRefine((dataset, context) => {
    const report = (message: string, path: (string | number)[]): void => {
      context.addIssue({ code: 'custom', message, path });
    };
    const checkUnique = (ids: readonly string[], collection: string): void => {
      for (const duplicate of findDuplicates(ids)) report(`duplicate ${collection} id "${duplicate}"`, [collection]);
    };
    checkUnique(
      dataset.pieces.map((piece) => piece.id),
      'pieces',
    );
    checkUnique(
      dataset.themes.map((theme) => theme.id),
      'themes',
    );
    checkUnique(
      dataset.scopes.map((scope) => scope.id),
      'scopes',
    );
    checkUnique(
      dataset.indicators.map((indicator) => indicator.id),
      'indicators',
    );
    checkUnique(
      dataset.observations.map((observation) => observation.id),
      'observations',
    );
    checkUnique(
      dataset.factSets.map((factSet) => factSet.id),
      'factSets',
    );
    checkUnique(
      dataset.events.map((event) => event.id),
      'events',
    );
    dataset.factSets.forEach((factSet, index) => {
      for (const duplicate of findDuplicates(factSet.items.map((item) => item.id))) {
        report(`duplicate item id "${duplicate}" in fact set ${factSet.id}`, ['factSets', index, 'items']);
      }
    });

    const themeIds = new Set(dataset.themes.map((theme) => theme.id));
    const scopeIds = new Set(dataset.scopes.map((scope) => scope.id));
    const indicatorIds = new Set(dataset.indicators.map((indicator) => indicator.id));
    const observationIds = new Set(dataset.observations.map((observation) => observation.id));

    dataset.indicators.forEach((indicator, index) => {
      if (!themeIds.has(indicator.themeId)) report(`unknown theme "${indicator.themeId}"`, ['indicators', index, 'themeId']);
      if (!scopeIds.has(indicator.scopeId)) report(`unknown scope "${indicator.scopeId}"`, ['indicators', index, 'scopeId']);
    });
    dataset.observations.forEach((observation, index) => {
      if (!indicatorIds.has(observation.indicatorId)) {
        report(`unknown indicator "${observation.indicatorId}"`, ['observations', index, 'indicatorId']);
      }
      const baseId = observationBaseId(observation.indicatorId, observation.year, observation.kind);
      if (observation.id !== baseId && !new RegExp(`^${baseId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`).test(observation.id)) {
        report(`observation id must be "${baseId}" (or with a -N suffix on collision)`, ['observations', index, 'id']);
      }
    });
    for (const [collection, entries] of [
      ['factSets', dataset.factSets],
      ['events', dataset.events],
    ] as const) {
      entries.forEach((entry, index) => {
        if (!themeIds.has(entry.themeId)) report(`unknown theme "${entry.themeId}"`, [collection, index, 'themeId']);
        if (!scopeIds.has(entry.scopeId)) report(`unknown scope "${entry.scopeId}"`, [collection, index, 'scopeId']);
      });
    }
    dataset.factSets.forEach((factSet, index) => {
      if (factSet.countObservationId !== undefined && !observationIds.has(factSet.countObservationId)) {
        report(`unknown observation "${factSet.countObservationId}"`, ['factSets', index, 'countObservationId']);
      }
    });

    for (const overlap of overlappingRanges(dataset.pieces)) report(overlap, ['pieces']);
    const checkPiece = (source: SourceRef, path: (string | number)[]): void => {
      const resolved = resolvePiece(dataset.pieces, source);
      if (resolved.kind !== 'piece') report(resolved.problem, [...path, 'source']);
    };
    dataset.observations.forEach((observation, index) => checkPiece(observation.source, ['observations', index]));
    dataset.factSets.forEach((factSet, setIndex) => factSet.items.forEach((item, index) => checkPiece(item.source, ['factSets', setIndex, 'items', index])));
    dataset.events.forEach((event, index) => checkPiece(event.source, ['events', index]));
  });

export type BilingualText = z.infer<typeof bilingualTextSchema>;
export type SourceRef = z.infer<typeof sourceRefSchema>;
export type ObservationKind = z.infer<typeof observationKindSchema>;
export type ScopeKind = z.infer<typeof scopeKindSchema>;
export type Measure = z.infer<typeof measureSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Scope = z.infer<typeof scopeSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Observation = z.infer<typeof observationSchema>;
export type FactItem = z.infer<typeof factItemSchema>;
export type FactSet = z.infer<typeof factSetSchema>;
export type DatedEvent = z.infer<typeof datedEventSchema>;
export type DatasetSource = z.infer<typeof datasetSourceSchema>;
export type TextRange = z.infer<typeof textRangeSchema>;
export type Piece = z.infer<typeof pieceSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
