import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pageCitation } from '../../../shared/charts/source-line';
import { getBundledDataset, getThemeTree, indexDataset, searchByName } from '../../../shared/dataset';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import { useFormatters } from '../../i18n/format';
import { ChecksPanel, DerivedPanel, ListsPanel } from './AnalysisPanels';
import { ArticlePane } from './ArticlePane';
import { filterThemeTree, indicatorKey, observationKey, selectionKey, selectionSource, themeKey, type DataSelection } from './data-model';
import { FigureTree } from './FigureTree';
import { OwnIndicators } from './OwnIndicators';
import { SelectionDetail } from './SelectionDetail';
import './data.css';

export interface DataViewProps {
  /** Starts a new scenario from a figure of the article and opens it in the Scenarios view. */
  onUseInScenario(observationId: string): void;
}

const tabIds = ['figures', 'derived', 'checks', 'lists'] as const;
type TabId = (typeof tabIds)[number];

export function DataView({ onUseInScenario }: DataViewProps) {
  const { t } = useTranslation('data');
  const { t: tApp } = useTranslation();
  const { lang } = useFormatters();
  const dataset = getBundledDataset();
  const fullTree = useMemo(() => getThemeTree(dataset), [dataset]);

  const [tab, setTab] = useState<TabId>('figures');
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const [treeFocusPending, setTreeFocusPending] = useState(false);
  const [selection, setSelection] = useState<DataSelection | null>(null);
  const tabRefs = useRef(new Map<TabId, HTMLButtonElement>());

  const tree = useMemo(() => filterThemeTree(fullTree, query, dataset), [fullTree, query, dataset]);
  // The analyst's imported indicators are searched by the same rules as the article's.
  const { workspace } = useWorkspace();
  const own = useMemo(() => searchByName(workspace.indicators, query), [workspace.indicators, query]);
  const indicatorCount = tree.reduce((sum, node) => sum + node.indicators.length, 0) + own.length;
  const source = selection === null ? null : selectionSource(dataset, selection);
  const currentSelectionKey = selection === null ? null : selectionKey(selection);

  const onTreeFocusHandled = useCallback(() => setTreeFocusPending(false), []);
  const selectObservation = useCallback((id: string) => setSelection({ kind: 'observation', id }), []);

  const showInTree = useCallback(
    (observationId: string) => {
      const observation = indexDataset(dataset).observationsById.get(observationId);
      if (!observation) return;
      const indicator = indexDataset(dataset).indicatorsById.get(observation.indicatorId);
      if (!indicator) return;
      const stillListed = tree.some((node) => node.indicators.some((entry) => entry.indicator.id === indicator.id));
      if (!stillListed) setQuery('');
      setCollapsed((previous) => {
        const next = new Set(previous);
        next.delete(themeKey(indicator.themeId));
        next.delete(indicatorKey(indicator.id));
        return next;
      });
      setTab('figures');
      setFocusedKey(observationKey(observationId));
      setTreeFocusPending(true);
    },
    [dataset, tree],
  );

  const onTabKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const position = tabIds.indexOf(tab);
    const nextIndex =
      event.key === 'ArrowRight'
        ? (position + 1) % tabIds.length
        : event.key === 'ArrowLeft'
          ? (position - 1 + tabIds.length) % tabIds.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabIds.length - 1
              : -1;
    const next = tabIds[nextIndex];
    if (next === undefined) return;
    event.preventDefault();
    setTab(next);
    tabRefs.current.get(next)?.focus();
  };

  return (
    <section aria-labelledby="view-data-title" className="data-view">
      <h2 id="view-data-title" className="view-title">
        {tApp('views.data.title')}
      </h2>
      <p className="view-intro">
        {tApp('views.data.intro')}{' '}
        <span className="data-source-line">
          {t('source', { citation: pageCitation(dataset, lang) })}
          {' · '}
          {t('yearConvention', { text: dataset.source.yearConvention[lang] })}
        </span>
      </p>

      <div role="tablist" aria-label={t('tabs.label')} className="data-tabs" onKeyDown={onTabKeyDown}>
        {tabIds.map((id) => (
          <button
            key={id}
            ref={(element) => {
              if (element) tabRefs.current.set(id, element);
              else tabRefs.current.delete(id);
            }}
            type="button"
            role="tab"
            id={`data-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`data-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            data-testid={`data-tab-${id}`}
          >
            {t(`tabs.${id}`)}
          </button>
        ))}
      </div>

      <div className="data-layout">
        <div role="tabpanel" id={`data-panel-${tab}`} aria-labelledby={`data-tab-${tab}`} className="data-panel">
          {tab === 'figures' ? (
            <>
              <div className="data-search">
                <label htmlFor="data-search-input">{t('search.label')}</label>
                <div className="data-search-row">
                  <input
                    id="data-search-input"
                    type="search"
                    value={query}
                    placeholder={t('search.placeholder')}
                    autoComplete="off"
                    spellCheck={false}
                    onChange={(event) => setQuery(event.target.value)}
                    onKeyDown={(event) => {
                      if (event.key === 'ArrowDown' && tree.length > 0) {
                        event.preventDefault();
                        setTreeFocusPending(true);
                      }
                    }}
                    data-testid="data-search"
                  />
                  {query !== '' ? (
                    <button type="button" className="button" onClick={() => setQuery('')}>
                      {t('search.clear')}
                    </button>
                  ) : null}
                </div>
                <p className="data-muted data-small" role="status" data-testid="data-search-status">
                  {query.trim() === ''
                    ? t('search.all', { themes: tree.length, indicators: indicatorCount, figures: dataset.observations.length })
                    : t('search.results', { count: indicatorCount })}
                </p>
              </div>
              {tree.length === 0 && own.length === 0 ? (
                <div className="empty-state" data-testid="data-search-empty">
                  <p className="data-empty-title">{t('search.emptyTitle', { query: query.trim() })}</p>
                  <p>{t('search.emptyHint')}</p>
                  <button type="button" className="button" onClick={() => setQuery('')}>
                    {t('search.clear')}
                  </button>
                </div>
              ) : tree.length === 0 ? null : (
                <FigureTree
                  tree={tree}
                  collapsed={collapsed}
                  onCollapsedChange={setCollapsed}
                  focusedKey={focusedKey}
                  onFocusedKeyChange={setFocusedKey}
                  selectedObservationId={selection?.kind === 'observation' ? selection.id : null}
                  onSelectObservation={selectObservation}
                  focusPending={treeFocusPending}
                  onFocusHandled={onTreeFocusHandled}
                />
              )}
              <OwnIndicators indicators={own} />
            </>
          ) : null}
          {tab === 'derived' ? <DerivedPanel dataset={dataset} onSelect={setSelection} /> : null}
          {tab === 'checks' ? <ChecksPanel dataset={dataset} onSelect={setSelection} /> : null}
          {tab === 'lists' ? <ListsPanel dataset={dataset} onSelect={setSelection} selectedKey={currentSelectionKey} /> : null}
        </div>

        <aside className="data-aside" aria-label={t('article.label')}>
          <SelectionDetail dataset={dataset} selection={selection} onUseInScenario={onUseInScenario} onShowInTree={tab === 'figures' ? null : showInTree} />
          <ArticlePane datasetSource={dataset.source} quote={source} selectionKey={currentSelectionKey} />
        </aside>
      </div>
    </section>
  );
}
