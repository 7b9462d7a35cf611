/**
 * Pure logic of the data browser (no DOM, no React), so it can be unit-tested in Node:
 * how a figure is written, where its quote sits in the article, which tree rows are
 * visible and what a key press does in the tree.
 */
import { searchIndicators, type Dataset, type Observation, type SourceRef, type ThemeNode } from '../../../shared/dataset';
import { formatValue, getUnitMeta, parseChineseFigure, printedSignificantFigures, FigureParseError, type Lang, type UnitCode } from '../../../shared/units';

/**
 * The figure with its qualifier, in the UI language ("超过1.27万家", "over 12,700 firms"),
 * or null when the article lost the number: a missing value is never shown as a number.
 */
export function formatObservationValue(observation: Pick<Observation, 'value' | 'qualifier' | 'rawValue'>, unit: UnitCode, lang: Lang): string | null {
  if (observation.value === null) return null;
  // As many figures as the article printed (1203.7亿元 stays 1,203.7亿元), however many the display rule keeps.
  const printed = observation.rawValue === null ? null : printedSignificantFigures(observation.rawValue);
  return formatValue(observation.value, unit, lang, {
    qualifier: observation.qualifier,
    measureWord: printedMeasureWord(observation.rawValue, unit),
    ...(printed === null ? {} : { significantFigures: printed }),
  });
}

/** Keeps the article's measure word (33名 stays 名, not 人) when the unit allows it. */
function printedMeasureWord(rawValue: string | null, unit: UnitCode): string | undefined {
  if (rawValue === null) return undefined;
  try {
    const { measureWord } = parseChineseFigure(rawValue);
    return measureWord !== null && getUnitMeta(unit).measureWords.includes(measureWord) ? measureWord : undefined;
  } catch (error) {
    if (error instanceof FigureParseError) return undefined;
    throw error;
  }
}

export interface ArticleSplit {
  before: string;
  quote: string;
  after: string;
  /** exact: at the recorded offset; relocated: found elsewhere (a stale offset); missing: not in the article. */
  placement: 'exact' | 'relocated' | 'missing';
}

/** Cuts the article around a quote, trusting the recorded offset only when the text there matches. */
export function splitArticle(articleText: string, source: SourceRef): ArticleSplit {
  const { quote, offset } = source;
  let start = articleText.slice(offset, offset + quote.length) === quote ? offset : -1;
  let placement: ArticleSplit['placement'] = 'exact';
  if (start === -1) {
    start = articleText.indexOf(quote);
    placement = start === -1 ? 'missing' : 'relocated';
  }
  if (start === -1) return { before: articleText, quote: '', after: '', placement };
  return {
    before: articleText.slice(0, start),
    quote: articleText.slice(start, start + quote.length),
    after: articleText.slice(start + quote.length),
    placement,
  };
}

/** The tree after a search: only themes and indicators that match, in dataset order. */
export function filterThemeTree(tree: readonly ThemeNode[], query: string, dataset: Dataset): ThemeNode[] {
  if (query.trim() === '') return [...tree];
  // Both languages: an analyst may type the English name with the UI in Chinese, and vice versa.
  const matching = new Set(searchIndicators(query, undefined, dataset).map((indicator) => indicator.id));
  return tree
    .map((node) => ({ ...node, indicators: node.indicators.filter((entry) => matching.has(entry.indicator.id)) }))
    .filter((node) => node.indicators.length > 0);
}

export type TreeRowKind = 'theme' | 'indicator' | 'observation';

export interface TreeRow {
  key: string;
  kind: TreeRowKind;
  level: 1 | 2 | 3;
  parentKey: string | null;
  /** Theme and indicator rows have children; observation rows never do. */
  expandable: boolean;
  expanded: boolean;
}

export const themeKey = (themeId: string): string => `theme:${themeId}`;
export const indicatorKey = (indicatorId: string): string => `indicator:${indicatorId}`;
export const observationKey = (observationId: string): string => `observation:${observationId}`;

/** Rows in display order that are visible given the collapsed groups (children of a collapsed row are hidden). */
export function visibleTreeRows(tree: readonly ThemeNode[], collapsed: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  for (const node of tree) {
    const tKey = themeKey(node.theme.id);
    const themeExpanded = !collapsed.has(tKey);
    rows.push({ key: tKey, kind: 'theme', level: 1, parentKey: null, expandable: true, expanded: themeExpanded });
    if (!themeExpanded) continue;
    for (const entry of node.indicators) {
      const iKey = indicatorKey(entry.indicator.id);
      const indicatorExpanded = !collapsed.has(iKey);
      rows.push({ key: iKey, kind: 'indicator', level: 2, parentKey: tKey, expandable: entry.observations.length > 0, expanded: indicatorExpanded });
      if (!indicatorExpanded) continue;
      for (const observation of entry.observations) {
        rows.push({ key: observationKey(observation.id), kind: 'observation', level: 3, parentKey: iKey, expandable: false, expanded: false });
      }
    }
  }
  return rows;
}

export type TreeAction =
  { type: 'focus'; key: string } | { type: 'expand'; key: string } | { type: 'collapse'; key: string } | { type: 'select'; key: string } | { type: 'none' };

/** What a key press does on the focused row, following the WAI-ARIA tree pattern. */
export function treeKeyAction(rows: readonly TreeRow[], focusedKey: string, key: string): TreeAction {
  const position = rows.findIndex((row) => row.key === focusedKey);
  const row = rows[position];
  if (!row) {
    const first = rows[0];
    return first ? { type: 'focus', key: first.key } : { type: 'none' };
  }
  const focusAt = (index: number): TreeAction => {
    const target = rows[index];
    return target ? { type: 'focus', key: target.key } : { type: 'none' };
  };
  switch (key) {
    case 'ArrowDown':
      return focusAt(position + 1);
    case 'ArrowUp':
      return focusAt(position - 1);
    case 'Home':
      return focusAt(0);
    case 'End':
      return focusAt(rows.length - 1);
    case 'ArrowRight':
      if (!row.expandable) return { type: 'none' };
      return row.expanded ? focusAt(position + 1) : { type: 'expand', key: row.key };
    case 'ArrowLeft':
      if (row.expandable && row.expanded) return { type: 'collapse', key: row.key };
      return row.parentKey === null ? { type: 'none' } : { type: 'focus', key: row.parentKey };
    case 'Enter':
    case ' ':
      if (row.kind === 'observation') return { type: 'select', key: row.key };
      if (!row.expandable) return { type: 'none' };
      return row.expanded ? { type: 'collapse', key: row.key } : { type: 'expand', key: row.key };
    default:
      return { type: 'none' };
  }
}

// Moved to shared/dataset (the charts' source line writes the page's date too); kept here for the view's imports.
export { formatPartialDate } from '../../../shared/dataset';

/** What the article pane shows: a figure, one item of a list, or a dated event. */
export type DataSelection = { kind: 'observation'; id: string } | { kind: 'fact'; setId: string; itemId: string } | { kind: 'event'; id: string };

export function selectionKey(selection: DataSelection): string {
  switch (selection.kind) {
    case 'observation':
      return observationKey(selection.id);
    case 'fact':
      return `fact:${selection.setId}/${selection.itemId}`;
    case 'event':
      return `event:${selection.id}`;
  }
}

/** The quote behind a selection, or null when the id is unknown (e.g. a stale selection). */
export function selectionSource(dataset: Dataset, selection: DataSelection): SourceRef | null {
  switch (selection.kind) {
    case 'observation':
      return dataset.observations.find((observation) => observation.id === selection.id)?.source ?? null;
    case 'fact':
      return dataset.factSets.find((set) => set.id === selection.setId)?.items.find((item) => item.id === selection.itemId)?.source ?? null;
    case 'event':
      return dataset.events.find((event) => event.id === selection.id)?.source ?? null;
  }
}
