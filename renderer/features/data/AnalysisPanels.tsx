import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHECK_VERDICTS,
  computeDerivedFigures,
  indexDataset,
  runConsistencyChecks,
  type CheckFigure,
  type CheckVerdict,
  type ConsistencyCheck,
  type Dataset,
  type DerivedFigure,
} from '../../../shared/dataset';
import { formatPlainNumber, formatValue, type Lang } from '../../../shared/units';
import { useFormatters } from '../../i18n/format';
import { formatObservationValue, formatPartialDate, type DataSelection } from './data-model';
import { MissingValue } from './FigureTree';

type Computed<T> = { ok: true; value: T } | { ok: false; message: string };

function attempt<T>(compute: () => T): Computed<T> {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    // A dataset edit that breaks a formula must show as an error state, not blank the app.
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** A button naming a source figure ("高新技术企业数 2023: 7565家") that shows it in the article. */
function ObservationRef({ dataset, observationId, onSelect }: { dataset: Dataset; observationId: string; onSelect(selection: DataSelection): void }) {
  const { lang } = useFormatters();
  const index = indexDataset(dataset);
  const observation = index.observationsById.get(observationId);
  const indicator = observation ? index.indicatorsById.get(observation.indicatorId) : undefined;
  if (!observation || !indicator) return <span>{observationId}</span>;
  const valueText = formatObservationValue(observation, indicator.unit, lang);
  return (
    <button type="button" className="data-link" onClick={() => onSelect({ kind: 'observation', id: observation.id })}>
      {indicator.name[lang]} ({observation.year}): {valueText ?? <MissingValue />}
    </button>
  );
}

// ---------------------------------------------------------------------------

export function DerivedPanel({ dataset, onSelect }: { dataset: Dataset; onSelect(selection: DataSelection): void }) {
  const { t } = useTranslation('data');
  const { lang } = useFormatters();
  const derived = useMemo(() => attempt(() => computeDerivedFigures(dataset)), [dataset]);
  if (!derived.ok) return <ErrorState message={t('derived.error', { message: derived.message })} />;
  if (derived.value.length === 0) return <div className="empty-state">{t('derived.empty')}</div>;
  return (
    <>
      <p className="data-muted">{t('derived.intro')}</p>
      <ul className="data-cards">
        {derived.value.map((figure) => (
          <li key={figure.id} className="data-card" data-testid={`derived-${figure.id}`}>
            <h3 className="data-card-title">{figure.name[lang]}</h3>
            <p className="data-card-value">
              <span data-testid="derived-value">{formatDerived(figure, lang)}</span>
              <span className="data-muted"> · {figure.year}</span>
            </p>
            <dl className="data-detail-list">
              <dt>{t('derived.formula')}</dt>
              <dd className="data-formula">{figure.formula[lang]}</dd>
              <dt>{t('derived.inputs')}</dt>
              <dd>
                <ul className="data-ref-list">
                  {figure.inputs.map((id) => (
                    <li key={id}>
                      <ObservationRef dataset={dataset} observationId={id} onSelect={onSelect} />
                    </li>
                  ))}
                </ul>
              </dd>
              {figure.note ? (
                <>
                  <dt>{t('derived.note')}</dt>
                  <dd>{figure.note[lang]}</dd>
                </>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

function formatDerived(figure: DerivedFigure, lang: Lang): string {
  return formatValue(figure.roundedValue, figure.unit, lang, { maxDecimals: figure.decimals });
}

// ---------------------------------------------------------------------------

const VERDICT_ICONS: Readonly<Record<CheckVerdict, string>> = { pass: '✓', info: 'ℹ', warn: '⚠', fail: '✗' };

export function VerdictBadge({ verdict }: { verdict: CheckVerdict }) {
  const { t } = useTranslation('data');
  return (
    <span className={`data-verdict data-verdict-${verdict}`} data-testid="check-verdict">
      <span aria-hidden="true">{VERDICT_ICONS[verdict]} </span>
      {t(`checks.verdict.${verdict}`)}
    </span>
  );
}

export function ChecksPanel({ dataset, onSelect }: { dataset: Dataset; onSelect(selection: DataSelection): void }) {
  const { t } = useTranslation('data');
  const { lang } = useFormatters();
  const [filter, setFilter] = useState<CheckVerdict | 'all'>('all');
  const checks = useMemo(() => attempt(() => runConsistencyChecks(dataset)), [dataset]);
  if (!checks.ok) return <ErrorState message={t('checks.error', { message: checks.message })} />;
  const counts = Object.fromEntries(CHECK_VERDICTS.map((verdict) => [verdict, checks.value.filter((check) => check.verdict === verdict).length])) as Record<
    CheckVerdict,
    number
  >;
  const shown = filter === 'all' ? checks.value : checks.value.filter((check) => check.verdict === filter);
  return (
    <>
      <p className="data-muted">{t('checks.intro')}</p>
      <div className="data-checks-toolbar">
        <p className="data-checks-summary" data-testid="checks-summary">
          {t('checks.summary', counts)}
        </p>
        <label className="data-inline-label">
          {t('checks.filterLabel')}
          <select value={filter} onChange={(event) => setFilter(event.target.value as CheckVerdict | 'all')}>
            <option value="all">{t('checks.filterAll')}</option>
            {CHECK_VERDICTS.map((verdict) => (
              <option key={verdict} value={verdict}>
                {VERDICT_ICONS[verdict]} {t(`checks.verdict.${verdict}`)} ({counts[verdict]})
              </option>
            ))}
          </select>
        </label>
      </div>
      {shown.length === 0 ? (
        <div className="empty-state" role="status">
          {t('checks.empty')}
        </div>
      ) : (
        <ul className="data-cards">
          {shown.map((check) => (
            <CheckCard key={check.id} check={check} dataset={dataset} lang={lang} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </>
  );
}

function CheckCard({ check, dataset, lang, onSelect }: { check: ConsistencyCheck; dataset: Dataset; lang: Lang; onSelect(selection: DataSelection): void }) {
  const { t } = useTranslation('data');
  const amount = (value: number | null, signed = false): string => {
    if (value === null) return '—';
    const sign = signed && value > 0 ? '+' : '';
    // A gap between two rates is in percentage points, not percent.
    if (check.unit === 'percent' && signed) return t('checks.percentPoints', { value: `${sign}${formatPlainNumber(value, 2)}` });
    return `${sign}${formatValue(value, check.unit, lang, { maxDecimals: 2 })}`;
  };
  const tolerance =
    check.tolerance === 0
      ? t('checks.toleranceExact')
      : check.unit === 'percent'
        ? `±${t('checks.percentPoints', { value: formatPlainNumber(check.tolerance, 2) })}`
        : `±${formatValue(check.tolerance, check.unit, lang, { maxDecimals: 2 })}`;
  return (
    <li className={`data-card data-check data-check-${check.verdict}`} data-testid={`check-${check.id}`}>
      <div className="data-card-heading">
        <h3 className="data-card-title">{check.title[lang]}</h3>
        <VerdictBadge verdict={check.verdict} />
      </div>
      <p className="data-check-explanation">{check.explanation[lang]}</p>
      <dl className="data-detail-list">
        <dt>{t('checks.figures')}</dt>
        <dd>
          <ul className="data-ref-list">
            {check.figures.map((figure, position) => (
              <li key={`${figure.ref?.id ?? 'none'}-${position}`}>
                <CheckFigureRef figure={figure} dataset={dataset} lang={lang} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </dd>
        {check.expected !== null || check.actual !== null ? (
          <>
            <dt>{t('checks.expected')}</dt>
            <dd>{amount(check.expected)}</dd>
            <dt>{t('checks.actual')}</dt>
            <dd>{amount(check.actual)}</dd>
            <dt>{t('checks.difference')}</dt>
            <dd>{amount(check.difference, true)}</dd>
            <dt>{t('checks.tolerance')}</dt>
            <dd>{tolerance}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}

function CheckFigureRef({ figure, dataset, lang, onSelect }: { figure: CheckFigure; dataset: Dataset; lang: Lang; onSelect(selection: DataSelection): void }) {
  const { t } = useTranslation('data');
  if (figure.ref?.kind === 'observation') return <ObservationRef dataset={dataset} observationId={figure.ref.id} onSelect={onSelect} />;
  return (
    <span>
      {figure.label[lang]}
      {figure.ref?.kind === 'derived' ? <span className="data-muted"> ({t('checks.derivedRef')})</span> : null}:{' '}
      {figure.value === null ? <MissingValue /> : formatValue(figure.value, figure.unit, lang, { maxDecimals: 2 })}
    </span>
  );
}

// ---------------------------------------------------------------------------

export function ListsPanel({ dataset, onSelect, selectedKey }: { dataset: Dataset; onSelect(selection: DataSelection): void; selectedKey: string | null }) {
  const { t } = useTranslation('data');
  const { lang } = useFormatters();
  const index = indexDataset(dataset);
  if (dataset.factSets.length === 0 && dataset.events.length === 0) return <div className="empty-state">{t('lists.empty')}</div>;
  return (
    <>
      <p className="data-muted">{t('lists.intro')}</p>
      {dataset.themes.map((theme) => {
        const factSets = dataset.factSets.filter((set) => set.themeId === theme.id);
        const events = dataset.events.filter((event) => event.themeId === theme.id);
        if (factSets.length === 0 && events.length === 0) return null;
        return (
          <section key={theme.id} className="data-list-theme" aria-labelledby={`data-list-theme-${theme.id}`}>
            <h3 id={`data-list-theme-${theme.id}`}>{theme.name[lang]}</h3>
            <ul className="data-cards">
              {factSets.map((factSet) => {
                const countObservation = factSet.countObservationId === undefined ? undefined : index.observationsById.get(factSet.countObservationId);
                const countIndicator = countObservation ? index.indicatorsById.get(countObservation.indicatorId) : undefined;
                const statedCount = countObservation && countIndicator ? formatObservationValue(countObservation, countIndicator.unit, lang) : null;
                return (
                  <li key={factSet.id} className="data-card" data-testid={`factset-${factSet.id}`}>
                    <div className="data-card-heading">
                      <h4 className="data-card-title">{factSet.name[lang]}</h4>
                      <span className={`data-completeness${factSet.complete ? ' is-complete' : ''}`}>
                        <span aria-hidden="true">{factSet.complete ? '✓ ' : '… '}</span>
                        {t(factSet.complete ? 'lists.complete' : 'lists.incomplete')}
                      </span>
                    </div>
                    <p className="data-muted data-small">{factSet.description[lang]}</p>
                    <p className="data-small">
                      {t('lists.namedCount', { count: factSet.items.length })}
                      {statedCount !== null ? ` · ${t('lists.statedCount', { value: statedCount })}` : ''}
                    </p>
                    <ol className="data-fact-items">
                      {factSet.items.map((item) => {
                        const key = `fact:${factSet.id}/${item.id}`;
                        return (
                          <li key={item.id}>
                            <button
                              type="button"
                              className={`data-link${selectedKey === key ? ' is-selected' : ''}`}
                              aria-pressed={selectedKey === key}
                              onClick={() => onSelect({ kind: 'fact', setId: factSet.id, itemId: item.id })}
                            >
                              {item.label[lang]}
                            </button>
                          </li>
                        );
                      })}
                    </ol>
                  </li>
                );
              })}
              {events.length > 0 ? (
                <li className="data-card">
                  <h4 className="data-card-title">{t('lists.events')}</h4>
                  <ul className="data-ref-list">
                    {events.map((event) => {
                      const key = `event:${event.id}`;
                      return (
                        <li key={event.id}>
                          <button
                            type="button"
                            className={`data-link${selectedKey === key ? ' is-selected' : ''}`}
                            aria-pressed={selectedKey === key}
                            onClick={() => onSelect({ kind: 'event', id: event.id })}
                          >
                            <span className="data-event-date">{formatPartialDate(event.date, lang)}</span> {event.label[lang]} (
                            {t(`lists.eventKind.${event.kind}`)})
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ) : null}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function ErrorState({ message }: { message: string }) {
  return (
    <div className="empty-state data-error" role="alert">
      <span aria-hidden="true">✗ </span>
      {message}
    </div>
  );
}
