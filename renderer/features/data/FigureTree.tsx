import { useEffect, useMemo, useRef, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorNode, Observation, ThemeNode } from '../../../shared/dataset';
import { useFormatters } from '../../i18n/format';
import { formatObservationValue, formatPartialDate, indicatorKey, observationKey, themeKey, treeKeyAction, visibleTreeRows } from './data-model';

export interface FigureTreeProps {
  tree: readonly ThemeNode[];
  collapsed: ReadonlySet<string>;
  onCollapsedChange(next: ReadonlySet<string>): void;
  focusedKey: string | null;
  onFocusedKeyChange(key: string): void;
  selectedObservationId: string | null;
  onSelectObservation(observationId: string): void;
  /** Set by the parent when the tree should take keyboard focus (↓ from the search box, "show in the tree"). */
  focusPending: boolean;
  onFocusHandled(): void;
}

/** Themes → indicators → figures as a WAI-ARIA tree: one Tab stop, arrows move, Enter selects. */
export function FigureTree({
  tree,
  collapsed,
  onCollapsedChange,
  focusedKey,
  onFocusedKeyChange,
  selectedObservationId,
  onSelectObservation,
  focusPending,
  onFocusHandled,
}: FigureTreeProps) {
  const { t } = useTranslation('data');
  const { lang } = useFormatters();
  const rows = useMemo(() => visibleTreeRows(tree, collapsed), [tree, collapsed]);
  const rowElements = useRef(new Map<string, HTMLLIElement>());
  // The row that holds the single Tab stop: the focused one if still visible, else the first.
  const tabStopKey = rows.some((row) => row.key === focusedKey) ? focusedKey : (rows[0]?.key ?? null);

  useEffect(() => {
    if (!focusPending) return;
    if (tabStopKey !== null) {
      const element = rowElements.current.get(tabStopKey);
      element?.focus();
      element?.scrollIntoView({ block: 'nearest' });
    }
    onFocusHandled();
  }, [focusPending, tabStopKey, onFocusHandled]);

  const setExpanded = (key: string, expanded: boolean) => {
    const next = new Set(collapsed);
    if (expanded) next.delete(key);
    else next.add(key);
    onCollapsedChange(next);
  };

  const focusRow = (key: string) => {
    onFocusedKeyChange(key);
    const element = rowElements.current.get(key);
    element?.focus();
    element?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (tabStopKey === null) return;
    const action = treeKeyAction(rows, tabStopKey, event.key);
    if (action.type === 'none') return;
    event.preventDefault();
    event.stopPropagation();
    switch (action.type) {
      case 'focus':
        focusRow(action.key);
        break;
      case 'expand':
        setExpanded(action.key, true);
        break;
      case 'collapse':
        setExpanded(action.key, false);
        break;
      case 'select':
        onSelectObservation(action.key.slice('observation:'.length));
        break;
    }
  };

  const register = (key: string) => (element: HTMLLIElement | null) => {
    if (element) rowElements.current.set(key, element);
    else rowElements.current.delete(key);
  };

  const itemProps = (key: string) => ({
    ref: register(key),
    tabIndex: key === tabStopKey ? 0 : -1,
    onFocus: (event: FocusEvent<HTMLLIElement>) => {
      // Focus events bubble in React: only the row that really got focus becomes the Tab stop.
      if (event.target === event.currentTarget) onFocusedKeyChange(key);
    },
  });

  return (
    <ul role="tree" aria-label={t('tree.label')} className="data-tree" data-testid="data-tree" onKeyDown={onKeyDown}>
      {tree.map((node) => {
        const key = themeKey(node.theme.id);
        const expanded = !collapsed.has(key);
        return (
          <li key={key} role="treeitem" aria-level={1} aria-expanded={expanded} aria-label={node.theme.name[lang]} {...itemProps(key)}>
            <div
              className="data-tree-row data-tree-theme"
              onClick={() => {
                focusRow(key);
                setExpanded(key, !expanded);
              }}
            >
              <Chevron expanded={expanded} />
              <ThemeLabel node={node} />
            </div>
            {expanded ? (
              <ul role="group">
                {node.indicators.map((entry) => (
                  <IndicatorItem
                    key={entry.indicator.id}
                    entry={entry}
                    collapsed={collapsed}
                    itemProps={itemProps}
                    onToggle={(indicatorRowKey, nextExpanded) => {
                      focusRow(indicatorRowKey);
                      setExpanded(indicatorRowKey, nextExpanded);
                    }}
                    selectedObservationId={selectedObservationId}
                    onSelect={(observationId) => {
                      focusRow(observationKey(observationId));
                      onSelectObservation(observationId);
                    }}
                  />
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function Chevron({ expanded }: { expanded: boolean }) {
  return (
    <span className="data-tree-chevron" aria-hidden="true">
      {expanded ? '▾' : '▸'}
    </span>
  );
}

function ThemeLabel({ node }: { node: ThemeNode }) {
  const { t } = useTranslation('data');
  const { lang } = useFormatters();
  return (
    <>
      <span className="data-tree-name">{node.theme.name[lang]}</span>
      <span className="data-tree-count">{t('tree.indicatorCount', { count: node.indicators.length })}</span>
    </>
  );
}

interface ItemProps {
  ref: (element: HTMLLIElement | null) => void;
  tabIndex: number;
  onFocus: (event: FocusEvent<HTMLLIElement>) => void;
}

function IndicatorItem({
  entry,
  collapsed,
  itemProps,
  onToggle,
  selectedObservationId,
  onSelect,
}: {
  entry: IndicatorNode;
  collapsed: ReadonlySet<string>;
  itemProps: (key: string) => ItemProps;
  onToggle(key: string, expanded: boolean): void;
  selectedObservationId: string | null;
  onSelect(observationId: string): void;
}) {
  const { lang } = useFormatters();
  const key = indicatorKey(entry.indicator.id);
  const expandable = entry.observations.length > 0;
  const expanded = expandable && !collapsed.has(key);
  return (
    <li
      role="treeitem"
      aria-level={2}
      aria-expanded={expandable ? expanded : undefined}
      aria-label={`${entry.indicator.name[lang]} · ${entry.scope.label[lang]}`}
      {...itemProps(key)}
    >
      <div className="data-tree-row data-tree-indicator" onClick={() => onToggle(key, !expanded)}>
        <Chevron expanded={expanded} />
        <span className="data-tree-name">{entry.indicator.name[lang]}</span>
        <span className="data-scope-tag">{entry.scope.label[lang]}</span>
      </div>
      {expanded ? (
        <ul role="group">
          {entry.observations.map((observation) => (
            <ObservationItem
              key={observation.id}
              observation={observation}
              entry={entry}
              selected={observation.id === selectedObservationId}
              itemProps={itemProps(observationKey(observation.id))}
              onSelect={() => onSelect(observation.id)}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function ObservationItem({
  observation,
  entry,
  selected,
  itemProps,
  onSelect,
}: {
  observation: Observation;
  entry: IndicatorNode;
  selected: boolean;
  itemProps: ItemProps;
  onSelect(): void;
}) {
  const { t } = useTranslation('data');
  const { lang } = useFormatters();
  const valueText = formatObservationValue(observation, entry.indicator.unit, lang);
  const when = observation.date === undefined ? String(observation.year) : formatPartialDate(observation.date, lang);
  const kind = t(`kind.${observation.kind}`);
  return (
    <li
      role="treeitem"
      aria-level={3}
      aria-selected={selected}
      aria-label={`${when} · ${kind} · ${valueText ?? t('missing')}`}
      data-testid={`observation-${observation.id}`}
      {...itemProps}
    >
      <div className={`data-tree-row data-tree-figure${selected ? ' is-selected' : ''}`} onClick={onSelect}>
        <span className="data-figure-year">{when}</span>
        <KindBadge kind={observation.kind} />
        {valueText === null ? <MissingValue /> : <span className="data-figure-value">{valueText}</span>}
      </div>
    </li>
  );
}

export function KindBadge({ kind }: { kind: Observation['kind'] }) {
  const { t } = useTranslation('data');
  return <span className={`data-kind data-kind-${kind}`}>{t(`kind.${kind}`)}</span>;
}

export function MissingValue() {
  const { t } = useTranslation('data');
  return (
    <span className="data-missing">
      <span aria-hidden="true">⚠ </span>
      {t('missing')}
    </span>
  );
}
