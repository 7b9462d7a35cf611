import { getBundledDataset, indexDataset } from './dataset';
import type { Lang } from '../units/names';
import type { Dataset, DatedEvent, FactSet, Indicator, Observation, Scope, Theme } from './schema';

/** Case-, width- and whitespace-insensitive form used on both sides of a match. */
function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Chinese has no word spaces, and OCR adds stray ones: ignore spaces entirely for zh. */
function normaliseZh(text: string): string {
  return normaliseForSearch(text).replace(/ /g, '');
}

function matchScore(haystack: string, needle: string): number {
  if (haystack === needle) return 3;
  if (haystack.startsWith(needle)) return 2;
  return haystack.includes(needle) ? 1 : 0;
}

/**
 * Indicators whose zh or en name contains `query` (case-insensitive substring),
 * best first: exact name, then prefix, then substring; ties keep dataset order.
 * `lang` restricts matching to one language; an empty query returns everything.
 */
export function searchIndicators(query: string, lang?: Lang, dataset: Dataset = getBundledDataset()): Indicator[] {
  return searchByName(dataset.indicators, query, lang);
}

/**
 * Anything with a name in both languages, matched as `searchIndicators` matches the article's
 * indicators: the workspace's imported indicators are found by the same rules.
 */
export function searchByName<T extends { readonly name: { readonly zh: string; readonly en: string } }>(items: readonly T[], query: string, lang?: Lang): T[] {
  const needleEn = normaliseForSearch(query);
  const needleZh = normaliseZh(query);
  if (needleEn === '') return [...items];
  const scored = items
    .map((item, position) => {
      const zhScore = lang === 'en' ? 0 : matchScore(normaliseZh(item.name.zh), needleZh);
      const enScore = lang === 'zh' ? 0 : matchScore(normaliseForSearch(item.name.en), needleEn);
      return { item, position, score: Math.max(zhScore, enScore) };
    })
    .filter((entry) => entry.score > 0);
  scored.sort((left, right) => right.score - left.score || left.position - right.position);
  return scored.map((entry) => entry.item);
}

export interface IndicatorNode {
  indicator: Indicator;
  scope: Scope;
  /** Sorted by year, then actual → projection → target → policy. */
  observations: readonly Observation[];
}

export interface ThemeNode {
  theme: Theme;
  indicators: readonly IndicatorNode[];
  factSets: readonly FactSet[];
  events: readonly DatedEvent[];
}

const KIND_ORDER: Readonly<Record<Observation['kind'], number>> = { actual: 0, projection: 1, target: 2, policy: 3 };

/** The browser's tree: themes (dataset order) → indicators → observations, plus each theme's lists and dated events. */
export function getThemeTree(dataset: Dataset = getBundledDataset()): ThemeNode[] {
  const index = indexDataset(dataset);
  return dataset.themes.map((theme) => ({
    theme,
    indicators: dataset.indicators
      .filter((indicator) => indicator.themeId === theme.id)
      .map((indicator) => {
        const scope = index.scopesById.get(indicator.scopeId);
        // The schema's referential check guarantees this; a miss means the dataset bypassed parseDataset.
        if (!scope) throw new RangeError(`indicator ${indicator.id} has unknown scope ${indicator.scopeId}`);
        const observations = [...(index.observationsByIndicator.get(indicator.id) ?? [])].sort(
          (left, right) => left.year - right.year || KIND_ORDER[left.kind] - KIND_ORDER[right.kind] || left.id.localeCompare(right.id),
        );
        return { indicator, scope, observations };
      }),
    factSets: dataset.factSets.filter((factSet) => factSet.themeId === theme.id),
    events: dataset.events.filter((event) => event.themeId === theme.id),
  }));
}
