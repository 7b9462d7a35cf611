import { useTranslation } from 'react-i18next';
import { pieceCitation } from '../../../shared/charts/source-line';
import { indexDataset, projectionRefusal, requirePieceOf, type Dataset, type SourceRef } from '../../../shared/dataset';
import { localName, unitLabel } from '../../../shared/units';
import { useFormatters } from '../../i18n/format';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import { formatObservationValue, formatPartialDate, type DataSelection } from './data-model';
import { KindBadge, MissingValue } from './FigureTree';

export interface SelectionDetailProps {
  dataset: Dataset;
  selection: DataSelection | null;
  onUseInScenario(observationId: string): void;
  /** Offered when the figure is not in view in the tree (other tab, filtered or collapsed). */
  onShowInTree: ((observationId: string) => void) | null;
}

/** What the selected figure, list item or event is: value, definition, scope, and what to do with it. */
export function SelectionDetail({ dataset, selection, onUseInScenario, onShowInTree }: SelectionDetailProps) {
  const { t } = useTranslation('data');
  return (
    <section className="data-detail" aria-labelledby="data-detail-title" data-testid="data-detail">
      <h3 id="data-detail-title" className="visually-hidden">
        {t('detail.label')}
      </h3>
      {selection === null ? <p className="data-muted">{t('detail.none')}</p> : null}
      {selection?.kind === 'observation' ? (
        <ObservationDetail dataset={dataset} observationId={selection.id} onUseInScenario={onUseInScenario} onShowInTree={onShowInTree} />
      ) : null}
      {selection?.kind === 'fact' ? <FactDetail dataset={dataset} setId={selection.setId} itemId={selection.itemId} /> : null}
      {selection?.kind === 'event' ? <EventDetail dataset={dataset} eventId={selection.id} /> : null}
    </section>
  );
}

function ObservationDetail({
  dataset,
  observationId,
  onUseInScenario,
  onShowInTree,
}: {
  dataset: Dataset;
  observationId: string;
  onUseInScenario(observationId: string): void;
  onShowInTree: ((observationId: string) => void) | null;
}) {
  const { t } = useTranslation('data');
  const { lang } = useFormatters();
  const { workspace } = useWorkspace();
  const index = indexDataset(dataset);
  const observation = index.observationsById.get(observationId);
  const indicator = observation ? index.indicatorsById.get(observation.indicatorId) : undefined;
  if (!observation || !indicator) return <p className="data-muted">{t('detail.none')}</p>;
  const scope = index.scopesById.get(indicator.scopeId);
  const valueText = formatObservationValue(observation, indicator.unit, lang);
  const usedBy = workspace.scenarios.filter((scenario) => scenario.base.observationId === observation.id);
  // A one-off total is no amount per year: it is not offered as a scenario's base, and the reader is told why.
  const refusal = projectionRefusal(indicator);
  return (
    <>
      <p className="data-detail-title" data-testid="detail-indicator">
        {indicator.name[lang]}
      </p>
      <div className="data-detail-head">
        <p className="data-detail-value">
          {valueText === null ? <MissingValue /> : <span data-testid="detail-value">{valueText}</span>}
          <KindBadge kind={observation.kind} />
        </p>
        <div className="data-detail-actions">
          {observation.value !== null && refusal === null ? (
            <button
              type="button"
              className="button primary"
              onClick={() => onUseInScenario(observation.id)}
              aria-describedby="data-use-hint"
              data-testid="use-in-scenario"
            >
              {t('detail.useInScenario')}
            </button>
          ) : null}
          {onShowInTree ? (
            <button type="button" className="button" onClick={() => onShowInTree(observation.id)}>
              {t('detail.showInList')}
            </button>
          ) : null}
        </div>
      </div>
      {valueText === null ? <p className="data-detail-missing">{t('missingExplained')}</p> : null}
      {refusal ? (
        <p className="data-muted data-small" data-testid="not-projectable">
          {refusal[lang]}
        </p>
      ) : null}
      <dl className="data-detail-list">
        <dt>{t('detail.year')}</dt>
        <dd>{observation.date === undefined ? observation.year : formatPartialDate(observation.date, lang)}</dd>
        {observation.rawValue !== null ? (
          <>
            <dt>{t('detail.printed')}</dt>
            <dd lang="zh-CN">{observation.rawValue}</dd>
          </>
        ) : null}
        <dt>{t('detail.unit')}</dt>
        <dd>{unitLabel(indicator.unit, lang)}</dd>
        {scope ? (
          <>
            <dt>{t('detail.scope')}</dt>
            <dd>
              {scope.label[lang]} ({t(`scopeKind.${scope.kind}`)})
            </dd>
          </>
        ) : null}
        <dt>{t('detail.definition')}</dt>
        <dd>{indicator.definition[lang]}</dd>
        <PieceRow dataset={dataset} source={observation.source} />
        {observation.note ? (
          <>
            <dt>{t('detail.note')}</dt>
            <dd>{observation.note[lang]}</dd>
          </>
        ) : null}
      </dl>
      {observation.value !== null && refusal === null ? (
        <p id="data-use-hint" className="visually-hidden">
          {t('detail.useInScenarioHint')}
        </p>
      ) : null}
      {usedBy.length > 0 ? (
        <p className="data-muted data-small">{t('detail.usedBy', { names: usedBy.map((scenario) => localName(scenario, lang)).join('、') })}</p>
      ) : null}
    </>
  );
}

function FactDetail({ dataset, setId, itemId }: { dataset: Dataset; setId: string; itemId: string }) {
  const { t } = useTranslation('data');
  const { lang } = useFormatters();
  const factSet = dataset.factSets.find((set) => set.id === setId);
  const item = factSet?.items.find((candidate) => candidate.id === itemId);
  if (!factSet || !item) return <p className="data-muted">{t('detail.none')}</p>;
  return (
    <>
      <p className="data-detail-title">{item.label[lang]}</p>
      <dl className="data-detail-list">
        <dt>{t('detail.factSet')}</dt>
        <dd>{factSet.name[lang]}</dd>
        <dt>{t('detail.definition')}</dt>
        <dd>{factSet.description[lang]}</dd>
        <PieceRow dataset={dataset} source={item.source} />
      </dl>
    </>
  );
}

function EventDetail({ dataset, eventId }: { dataset: Dataset; eventId: string }) {
  const { t } = useTranslation('data');
  const { lang } = useFormatters();
  const event = dataset.events.find((candidate) => candidate.id === eventId);
  if (!event) return <p className="data-muted">{t('detail.none')}</p>;
  return (
    <>
      <p className="data-detail-title">{event.label[lang]}</p>
      <dl className="data-detail-list">
        <dt>{t('detail.date')}</dt>
        <dd>{formatPartialDate(event.date, lang)}</dd>
        <dt>{t('detail.kind')}</dt>
        <dd>{t(`lists.eventKind.${event.kind}`)}</dd>
        <dt>{t('detail.printed')}</dt>
        <dd lang="zh-CN">{event.dateAsWritten}</dd>
        <PieceRow dataset={dataset} source={event.source} />
      </dl>
    </>
  );
}

/** The piece of the page the quote comes from, cited as the charts cite it. */
function PieceRow({ dataset, source }: { dataset: Dataset; source: SourceRef }) {
  const { t } = useTranslation('data');
  const { lang } = useFormatters();
  return (
    <>
      <dt>{t('detail.piece')}</dt>
      <dd data-testid="detail-piece">{pieceCitation(dataset, requirePieceOf(dataset, source), lang)}</dd>
    </>
  );
}
