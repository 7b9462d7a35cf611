import bundledJson from '../../assets/data/dataset.json';
import { FigureParseError, parseChineseFigure, parseChineseFigureAs, UnitConversionError } from '../units';
import { resolvePiece } from './pieces';
import {
  datasetSchema,
  type BilingualText,
  type Dataset,
  type Indicator,
  type Observation,
  type Piece,
  type Scope,
  type SourceRef,
  type Theme,
} from './schema';

export class DatasetValidationError extends Error {
  override name = 'DatasetValidationError';
  constructor(readonly issues: readonly string[]) {
    super(`dataset is invalid:\n${issues.join('\n')}`);
  }
}

/** Validate unknown JSON against the schema (shape and referential integrity). */
export function parseDataset(raw: unknown): Dataset {
  const result = datasetSchema.safeParse(raw);
  if (!result.success) {
    throw new DatasetValidationError(result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  return result.data;
}

let bundledDataset: Dataset | undefined;

/**
 * The dataset shipped in assets/data/dataset.json. It cannot change after the build, and the
 * unit tests check that it passes `parseDataset` unchanged, so it is not validated again here:
 * that took tens of milliseconds on the way to the app's first chart.
 */
export function getBundledDataset(): Dataset {
  bundledDataset ??= bundledJson as unknown as Dataset;
  return bundledDataset;
}

export interface DatasetIndex {
  dataset: Dataset;
  themesById: ReadonlyMap<string, Theme>;
  scopesById: ReadonlyMap<string, Scope>;
  indicatorsById: ReadonlyMap<string, Indicator>;
  observationsById: ReadonlyMap<string, Observation>;
  /** Observations of each indicator, in dataset order. */
  observationsByIndicator: ReadonlyMap<string, readonly Observation[]>;
}

const indexCache = new WeakMap<Dataset, DatasetIndex>();

export function indexDataset(dataset: Dataset): DatasetIndex {
  const cached = indexCache.get(dataset);
  if (cached) return cached;
  const observationsByIndicator = new Map<string, Observation[]>();
  for (const observation of dataset.observations) {
    const list = observationsByIndicator.get(observation.indicatorId) ?? [];
    list.push(observation);
    observationsByIndicator.set(observation.indicatorId, list);
  }
  const index: DatasetIndex = {
    dataset,
    themesById: new Map(dataset.themes.map((theme) => [theme.id, theme])),
    scopesById: new Map(dataset.scopes.map((scope) => [scope.id, scope])),
    indicatorsById: new Map(dataset.indicators.map((indicator) => [indicator.id, indicator])),
    observationsById: new Map(dataset.observations.map((observation) => [observation.id, observation])),
    observationsByIndicator,
  };
  indexCache.set(dataset, index);
  return index;
}

export class MissingDatasetEntryError extends Error {
  override name = 'MissingDatasetEntryError';
}

export function requireIndicator(dataset: Dataset, indicatorId: string): Indicator {
  const indicator = indexDataset(dataset).indicatorsById.get(indicatorId);
  if (!indicator) throw new MissingDatasetEntryError(`no indicator "${indicatorId}"`);
  return indicator;
}

export function requireObservation(dataset: Dataset, observationId: string): Observation {
  const observation = indexDataset(dataset).observationsById.get(observationId);
  if (!observation) throw new MissingDatasetEntryError(`no observation "${observationId}"`);
  return observation;
}

/** The numeric value of an observation; throws if the article lost it (value null). */
export function requireObservationValue(dataset: Dataset, observationId: string): number {
  const observation = requireObservation(dataset, observationId);
  if (observation.value === null) throw new MissingDatasetEntryError(`observation "${observationId}" has no value in the source`);
  return observation.value;
}

/** The piece of the page a quote comes from (the schema refuses a dataset where this could fail). */
export function requirePieceOf(dataset: Dataset, source: SourceRef): Piece {
  const resolved = resolvePiece(dataset.pieces, source);
  if (resolved.kind !== 'piece') throw new MissingDatasetEntryError(resolved.problem);
  return resolved.piece;
}

/**
 * Why no growth scenario may start from this indicator, or null when one may. A one-off total (a
 * programme's whole budget) is not an amount per year: "+10% a year" on it would read as yearly
 * spending that the source never reports.
 */
export function projectionRefusal(indicator: Pick<Indicator, 'name' | 'measure'>): BilingualText | null {
  if (indicator.measure !== 'one-off') return null;
  return {
    zh: `“${indicator.name.zh}”是一次性总额（一个计划或一批项目的合计），不是每年的量，不能按年增长推演。`,
    en: `“${indicator.name.en}” is a one-off total (of one programme or batch of projects), not an amount per year, so it cannot be projected to grow year by year.`,
  };
}

export function getObservationsOfIndicator(dataset: Dataset, indicatorId: string): readonly Observation[] {
  return indexDataset(dataset).observationsByIndicator.get(indicatorId) ?? [];
}

// ---------------------------------------------------------------------------
// Verification against the article text (passed in: shared code never reads files)
// ---------------------------------------------------------------------------

export interface SourceIssue {
  /** "piece", "observation", "fact-item" or "event" plus its id. */
  where: string;
  problem: string;
}

/** OCR inserts spaces and line breaks inside figures; they are not part of the figure. */
export function removeWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

function checkQuoteAt(articleText: string, source: SourceRef, where: string, issues: SourceIssue[]): void {
  const found = articleText.slice(source.offset, source.offset + source.quote.length);
  if (found !== source.quote) {
    const actualOffset = articleText.indexOf(source.quote);
    issues.push({
      where,
      problem:
        actualOffset === -1
          ? `quote not found in the article: ${JSON.stringify(source.quote)}`
          : `quote is not at offset ${source.offset} (first found at ${actualOffset})`,
    });
  }
}

/**
 * Check every quote against the article: it must sit exactly at its offset,
 * each raw figure must occur in its quote (whitespace ignored) and must parse
 * to the recorded value and qualifier in the indicator's unit, fact labels and
 * event dates must occur in their quotes, and each piece of the page must hold
 * its own title and byline names. Returns an empty list when all hold.
 */
export function verifyDatasetAgainstArticle(dataset: Dataset, articleText: string): SourceIssue[] {
  const issues: SourceIssue[] = [];
  for (const piece of dataset.pieces) {
    const where = `piece ${piece.id}`;
    const beyond = piece.ranges.filter((range) => range.end > articleText.length);
    if (beyond.length > 0) issues.push({ where, problem: `range ends after the article's ${articleText.length} characters` });
    // The piece's own text: its title and the names of its byline must be printed in it.
    const text = removeWhitespace(piece.ranges.map((range) => articleText.slice(range.start, range.end)).join(''));
    if (!text.includes(removeWhitespace(piece.title.zh))) issues.push({ where, problem: `title ${piece.title.zh} does not occur in the piece's text` });
    for (const author of piece.byline.authors) {
      if (!text.includes(author.zh)) issues.push({ where, problem: `author ${author.zh} does not occur in the piece's text` });
    }
  }
  const { indicatorsById } = indexDataset(dataset);
  for (const observation of dataset.observations) {
    const where = `observation ${observation.id}`;
    checkQuoteAt(articleText, observation.source, where, issues);
    if (observation.rawValue === null || observation.value === null) continue;
    if (!removeWhitespace(observation.source.quote).includes(observation.rawValue)) {
      issues.push({ where, problem: `rawValue ${observation.rawValue} does not occur in the quote` });
    }
    const indicator = indicatorsById.get(observation.indicatorId);
    if (!indicator) continue;
    try {
      const parsedValue = parseChineseFigureAs(observation.rawValue, indicator.unit);
      if (parsedValue !== observation.value) {
        issues.push({ where, problem: `rawValue ${observation.rawValue} parses to ${parsedValue} ${indicator.unit}, recorded ${observation.value}` });
      }
      const writtenQualifier = parseChineseFigure(observation.rawValue).qualifier;
      if (writtenQualifier !== 'exact' && writtenQualifier !== observation.qualifier) {
        issues.push({ where, problem: `rawValue says ${writtenQualifier}, recorded qualifier ${observation.qualifier}` });
      }
    } catch (error) {
      if (!(error instanceof FigureParseError || error instanceof UnitConversionError)) throw error;
      issues.push({ where, problem: error.message });
    }
  }
  for (const factSet of dataset.factSets) {
    for (const item of factSet.items) {
      const where = `fact-item ${factSet.id}/${item.id}`;
      checkQuoteAt(articleText, item.source, where, issues);
      if (!removeWhitespace(item.source.quote).includes(removeWhitespace(item.label.zh))) {
        issues.push({ where, problem: `label ${item.label.zh} does not occur in the quote` });
      }
    }
  }
  for (const event of dataset.events) {
    const where = `event ${event.id}`;
    checkQuoteAt(articleText, event.source, where, issues);
    if (!removeWhitespace(event.source.quote).includes(event.dateAsWritten)) {
      issues.push({ where, problem: `date ${event.dateAsWritten} does not occur in the quote` });
    }
  }
  return issues;
}
