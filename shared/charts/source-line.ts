/**
 * The one source line of every chart and output (screen, PNG/SVG, presentation mode, workbook).
 * It cites the sources of the figures a chart shows: for the article's figures the piece of the
 * page each comes from (title and byline, read from where its quote sits), for the user's own
 * data the note the user imported with it — never the newspaper for data that is not from it.
 */
import {
  bylineText,
  computeDerivedFigures,
  formatPartialDate,
  getBundledDataset,
  getObservationsOfIndicator,
  indexDataset,
  requirePieceOf,
  type Dataset,
  type Piece,
} from '../dataset';
import { inLang, localName, type Lang, type Named } from '../units';
import type { ImportedIndicator, Workspace } from '../workspace';

/** Where the figures of a workspace come from: the article's dataset and the user's imported indicators. */
export interface FigureSources {
  readonly dataset: Dataset;
  readonly indicators: readonly ImportedIndicator[];
}

export function figureSourcesOf(workspace: Pick<Workspace, 'indicators'>, dataset: Dataset = getBundledDataset()): FigureSources {
  return { dataset, indicators: workspace.indicators };
}

/** One source a line cites: a piece of the newspaper page, or an imported indicator (its own note). */
export type FigureSource = { readonly kind: 'piece'; readonly piece: Piece } | { readonly kind: 'imported'; readonly indicator: ImportedIndicator };

/** A scenario as its sources are read: its indicator's observed values, its base and its targets (a WorkspaceScenario is one). */
export interface SourcedScenario extends Named {
  readonly indicatorId: string;
  readonly base: { readonly observationId?: string | undefined };
  readonly targets?: readonly { readonly observationId?: string | undefined }[] | undefined;
}

/** The citation every chart carries on screen and in exported images. */
export interface ChartProvenance {
  /** The scenarios the chart projects: their names, and the figures they are built from. */
  readonly scenarios: readonly SourcedScenario[];
  readonly sources: FigureSources;
  /** Set for charts that show Monte Carlo results. */
  readonly monteCarlo?: { readonly trials: number; readonly seed: number };
}

const derivedInputsCache = new WeakMap<Dataset, ReadonlyMap<string, readonly string[]>>();

/** The observations each derived figure is computed from (a scenario may start from one, e.g. the implied 2023 revenue). */
function derivedInputs(dataset: Dataset): ReadonlyMap<string, readonly string[]> {
  let inputs = derivedInputsCache.get(dataset);
  if (!inputs) {
    inputs = new Map(computeDerivedFigures(dataset).map((figure) => [figure.id, figure.inputs]));
    derivedInputsCache.set(dataset, inputs);
  }
  return inputs;
}

/**
 * The distinct sources of the scenarios' figures: the pieces of the page in page order, then the
 * imported indicators in the order the scenarios use them. A figure id that names nothing known
 * (a typed-in base) adds no source.
 */
export function sourcesOfScenarios(scenarios: readonly SourcedScenario[], { dataset, indicators }: FigureSources): FigureSource[] {
  const index = indexDataset(dataset);
  const pieceIds = new Set<string>();
  const imported: ImportedIndicator[] = [];
  const addImported = (indicator: ImportedIndicator): void => {
    if (!imported.includes(indicator)) imported.push(indicator);
  };
  const addObservation = (observationId: string | undefined, depth = 0): void => {
    if (observationId === undefined) return;
    const observation = index.observationsById.get(observationId);
    if (observation) {
      pieceIds.add(requirePieceOf(dataset, observation.source).id);
      return;
    }
    const inputs = derivedInputs(dataset).get(observationId);
    // Derived figures are computed from observations; the depth guard only protects against a cycle in a hand-made dataset.
    if (inputs && depth < 3) {
      for (const input of inputs) addObservation(input, depth + 1);
      return;
    }
    const own = indicators.find((indicator) => indicator.observations.some((o) => o.id === observationId));
    if (own) addImported(own);
  };
  for (const scenario of scenarios) {
    // The user's own data of an indicator replaces the article's (as the chart's actual values do).
    const own = indicators.find((indicator) => indicator.id === scenario.indicatorId);
    if (own) addImported(own);
    else for (const observation of getObservationsOfIndicator(dataset, scenario.indicatorId)) if (observation.kind === 'actual') addObservation(observation.id);
    addObservation(scenario.base.observationId);
    for (const target of scenario.targets ?? []) addObservation(target.observationId);
  }
  return [
    ...dataset.pieces.filter((piece) => pieceIds.has(piece.id)).map((piece) => ({ kind: 'piece' as const, piece })),
    ...imported.map((indicator) => ({ kind: 'imported' as const, indicator })),
  ];
}

function pieceText(piece: Piece, lang: Lang): string {
  return lang === 'zh' ? `《${piece.title.zh}》（${bylineText(piece, 'zh')}）` : `“${piece.title.en}” (${bylineText(piece, 'en')})`;
}

function publication(dataset: Dataset, lang: Lang): string {
  const { publisher, publishedDate } = dataset.source;
  return lang === 'zh' ? `${publisher.zh} ${formatPartialDate(publishedDate, 'zh')}` : `${publisher.en}, ${formatPartialDate(publishedDate, 'en')}`;
}

/** A piece of the page as cited: 重庆日报 2024年2月27日《…》（记者 夏元）. */
export function pieceCitation(dataset: Dataset, piece: Piece, lang: Lang): string {
  return lang === 'zh' ? `${publication(dataset, 'zh')}${pieceText(piece, 'zh')}` : `${publication(dataset, 'en')}, ${pieceText(piece, 'en')}`;
}

/** Longest imported note a line quotes: a note may run to thousands of characters, a chart's footer may not. */
const MAX_NOTE_LENGTH = 100;

function importedText(indicator: ImportedIndicator, lang: Lang): string {
  const note = indicator.sourceNote.replace(/\s+/g, ' ').trim();
  if (note === '') return lang === 'zh' ? `用户导入数据「${indicator.name.zh}」` : `imported data “${inLang(indicator.name, 'en')}”`;
  return note.length > MAX_NOTE_LENGTH ? `${note.slice(0, MAX_NOTE_LENGTH - 1)}…` : note;
}

/** The sources as one citation, without the "来源：" label; null when there are none. */
export function citeSources(lang: Lang, sources: readonly FigureSource[], dataset: Dataset): string | null {
  const pieces = sources.flatMap((source) => (source.kind === 'piece' ? [pieceText(source.piece, lang)] : []));
  const own = sources.flatMap((source) => (source.kind === 'imported' ? [importedText(source.indicator, lang)] : []));
  const parts: string[] = [];
  if (pieces.length > 0)
    parts.push(lang === 'zh' ? `${publication(dataset, 'zh')}${pieces.join('、')}` : `${publication(dataset, 'en')}, ${pieces.join('; ')}`);
  parts.push(...own);
  if (parts.length === 0) return null;
  return parts.join(lang === 'zh' ? '、' : '; ');
}

/** The whole page as cited (every piece), where a view shows the dataset at large rather than a chart's figures. */
export function pageCitation(dataset: Dataset, lang: Lang): string {
  return (
    citeSources(
      lang,
      dataset.pieces.map((piece) => ({ kind: 'piece' as const, piece })),
      dataset,
    ) ?? publication(dataset, lang)
  );
}

export function chartSourceLine(lang: Lang, provenance: ChartProvenance): string {
  const sources = sourcesOfScenarios(provenance.scenarios, provenance.sources);
  const cited = citeSources(lang, sources, provenance.sources.dataset);
  const names = provenance.scenarios.map((scenario) => localName(scenario, lang));
  const parts: string[] = [];
  if (lang === 'zh') {
    if (cited !== null) parts.push(`来源：${cited}`);
    if (names.length > 0) parts.push(`预测：Scenario Desk 情景${names.map((n) => `「${n}」`).join('')}`);
    if (provenance.monteCarlo) parts.push(`蒙特卡洛模拟 ${provenance.monteCarlo.trials.toLocaleString('zh-CN')} 次，随机种子 ${provenance.monteCarlo.seed}`);
    return parts.join('；');
  }
  if (cited !== null) parts.push(`${sources.length > 1 ? 'Sources' : 'Source'}: ${cited}`);
  if (names.length > 0) parts.push(`projection: Scenario Desk scenario${names.length > 1 ? 's' : ''} ${names.map((n) => `“${n}”`).join(', ')}`);
  if (provenance.monteCarlo) parts.push(`Monte Carlo ${provenance.monteCarlo.trials.toLocaleString('en-US')} trials, seed ${provenance.monteCarlo.seed}`);
  const line = parts.join('; ');
  // Without a cited source the line starts with "projection:": capitalised, as a sentence.
  return line.charAt(0).toUpperCase() + line.slice(1);
}
