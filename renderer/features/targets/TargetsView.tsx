import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { getBundledDataset } from '../../../shared/dataset';
import { AT_RISK_PROBABILITY, AT_RISK_SHORTFALL_PERCENT, VERDICT_ICONS, verdictLabel, verdictName } from '../../../shared/engine';
import { inLang, localLabel, localName } from '../../../shared/units';
import type { WorkspaceScenario } from '../../../shared/workspace';
import { useFormatters, type Formatters } from '../../i18n/format';
import { useMonteCarlo, type MonteCarloState } from '../../app/results/useMonteCarlo';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import { projectedValue, signedPercent, signedValue } from '../../i18n/number-display';
import {
  buildTargetRows,
  classifyTarget,
  knownTargets,
  probabilityOf,
  sortRows,
  type SortDirection,
  type SortKey,
  type TargetRow,
  type TargetStatus,
} from './target-rows';
import './targets.css';

const COLUMNS: readonly SortKey[] = ['scenario', 'target', 'requiredGrowth', 'assumedGrowth', 'projected', 'gap', 'probability', 'firstYear', 'status'];

/** The engine's verdict symbols, and one for a scenario too invalid to judge. */
const STATUS_ICONS: Readonly<Record<TargetStatus, string>> = { ...VERDICT_ICONS, invalid: '⚠' };

/** Runs (or reads) one scenario's Monte Carlo and reports its state upwards; hooks cannot run in a loop of rows. */
function MonteCarloProbe({ scenario, onState }: { scenario: WorkspaceScenario; onState: (id: string, state: MonteCarloState) => void }) {
  const state = useMonteCarlo(scenario);
  const { status, result, progress, error } = state;
  useEffect(() => {
    onState(scenario.id, { status, result, progress, error });
  }, [scenario.id, status, result, progress, error, onState]);
  return null;
}

function sameState(a: MonteCarloState | undefined, b: MonteCarloState): boolean {
  return a !== undefined && a.status === b.status && a.result === b.result && a.progress === b.progress && a.error === b.error;
}

export function TargetsView() {
  const { t } = useTranslation('targets');
  const fmt = useFormatters();
  const { workspace } = useWorkspace();
  const rows = useMemo(() => buildTargetRows(workspace, knownTargets(getBundledDataset(), workspace)), [workspace]);
  const scenarios = useMemo(() => {
    const ids = new Set(rows.map((row) => row.scenario.id));
    return workspace.scenarios.filter((scenario) => ids.has(scenario.id));
  }, [rows, workspace.scenarios]);

  const [monteCarlo, setMonteCarlo] = useState<ReadonlyMap<string, MonteCarloState>>(new Map());
  const reportState = useCallback((id: string, state: MonteCarloState) => {
    setMonteCarlo((previous) => (sameState(previous.get(id), state) ? previous : new Map(previous).set(id, state)));
  }, []);
  const probabilities = useMemo(
    () => new Map(rows.map((row) => [row.key, probabilityOf(row, monteCarlo.get(row.scenario.id)?.result ?? null)] as const)),
    [rows, monteCarlo],
  );

  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection } | null>(null);
  const sortedRows = useMemo(() => (sort ? sortRows(rows, sort.key, sort.direction, probabilities, fmt.lang) : rows), [rows, sort, probabilities, fmt.lang]);
  const toggleSort = (key: SortKey) =>
    setSort((current) =>
      current?.key === key ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: 'ascending' },
    );

  return (
    <section aria-labelledby="view-targets-title" className="targets-view">
      <h2 id="view-targets-title" className="view-title">
        {t('title')}
      </h2>
      <p className="view-intro">
        <strong>{t('heading')}</strong> {t('intro')}
      </p>
      {scenarios.map((scenario) => (
        <MonteCarloProbe key={scenario.id} scenario={scenario} onState={reportState} />
      ))}
      {rows.length === 0 ? (
        <div className="empty-state" role="status">
          {t('empty')}
        </div>
      ) : (
        <>
          <p className="targets-legend" id="targets-legend">
            {t('legend', {
              gap: fmt.percent(AT_RISK_SHORTFALL_PERCENT, 0),
              probability: fmt.fractionAsPercent(AT_RISK_PROBABILITY, 0),
              onTrack: verdictLabel('onTrack', fmt.lang),
              atRisk: verdictLabel('atRisk', fmt.lang),
              offTrack: verdictLabel('offTrack', fmt.lang),
              unreachable: verdictLabel('unreachable', fmt.lang),
            })}
          </p>
          <div className="targets-table-wrap">
            <table className="targets-table" data-testid="targets-table" aria-describedby="targets-legend">
              <caption className="visually-hidden">{t('caption')}</caption>
              <thead>
                <tr>
                  {COLUMNS.map((column) => {
                    const active = sort?.key === column;
                    return (
                      <th key={column} scope="col" aria-sort={active ? sort.direction : 'none'}>
                        <button
                          type="button"
                          className="targets-sort"
                          onClick={() => toggleSort(column)}
                          title={t('sortBy', { column: t(`columns.${column}`) })}
                        >
                          {t(`columns.${column}`)}
                          <span aria-hidden="true" className="targets-sort-mark">
                            {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                          </span>
                          {active ? (
                            <span className="visually-hidden">{t(sort.direction === 'ascending' ? 'sortedAscending' : 'sortedDescending')}</span>
                          ) : null}
                        </button>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {sortedRows.map((row) => (
                  <TargetTableRow
                    key={row.key}
                    row={row}
                    fmt={fmt}
                    monteCarlo={monteCarlo.get(row.scenario.id)}
                    probability={probabilities.get(row.key) ?? null}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function requiredParameterText(row: TargetRow, fmt: Formatters, t: TFunction<'targets'>): string | null {
  const required = row.analysis?.requiredGrowth;
  if (required?.status !== 'reachable' || row.scenario.model === 'cagr') return null;
  const unit = row.scenario.unit;
  switch (required.parameter) {
    case 'incrementPerYear':
      return t('requiredParameter.incrementPerYear', { value: projectedValue(fmt, required.value, unit) });
    case 'rateShiftPercent':
      return t('requiredParameter.rateShiftPercent', { value: `${required.value >= 0 ? '+' : '−'}${fmt.number(Math.abs(required.value), 1)}` });
    case 'targetValue':
      return t('requiredParameter.targetValue', { value: projectedValue(fmt, required.value, unit) });
    case 'growthRatePercent':
      return t('requiredParameter.growthRatePercent', { value: fmt.percent(required.value) });
    default:
      return null;
  }
}

function ProbabilityText({ state, probability }: { state: MonteCarloState | undefined; probability: number | null }) {
  const { t } = useTranslation('targets');
  const fmt = useFormatters();
  if (!state || state.status === 'off') return <span className="targets-muted">{t('probability.off')}</span>;
  if (state.status === 'error') {
    return (
      <span className="targets-muted" title={state.error ?? undefined}>
        {t('probability.error')}
        {state.error ? <span className="visually-hidden">: {state.error}</span> : null}
      </span>
    );
  }
  if (state.status === 'running') {
    return (
      <span className="targets-muted" role="status">
        {state.progress > 0 ? t('probability.runningProgress', { percent: fmt.fractionAsPercent(state.progress, 0) }) : t('probability.running')}
      </span>
    );
  }
  if (probability === null) return <span className="targets-muted">{t('probability.notSimulated')}</span>;
  return <span data-testid="target-probability">{fmt.fractionAsPercent(probability)}</span>;
}

function TargetTableRow({
  row,
  fmt,
  monteCarlo,
  probability,
}: {
  row: TargetRow;
  fmt: Formatters;
  monteCarlo: MonteCarloState | undefined;
  probability: number | null;
}) {
  const { t } = useTranslation('targets');
  const unit = row.scenario.unit;
  const analysis = row.analysis;
  const status = classifyTarget(row, probability);
  const required = analysis?.requiredGrowth;
  const parameterText = requiredParameterText(row, fmt, t);
  const reason =
    required?.status === 'unreachable'
      ? t('unreachableBecause', { reason: fmt.lang === 'en' ? required.reason : required.reasonZh })
      : row.invalidReason
        ? t('invalidBecause', { reason: inLang(row.invalidReason, fmt.lang) })
        : null;
  return (
    <tr data-testid={`target-row-${row.scenario.id}-${row.year}`} data-status={status}>
      <th scope="row" className="targets-scenario">
        {localName(row.scenario, fmt.lang)}
      </th>
      <td>
        <span className="targets-nowrap">{t('targetIn', { year: row.year, value: fmt.value(row.value, unit) })}</span>
        {row.label ? <small className="targets-sub">{localLabel(row, fmt.lang)}</small> : null}
        {row.source === 'dataset' ? <small className="targets-sub">{t('fromDataset')}</small> : null}
      </td>
      <td className="num" data-testid="required-growth">
        {required?.status === 'reachable' ? fmt.percent(required.impliedCagrPercent) : '—'}
        {parameterText ? <small className="targets-sub">{parameterText}</small> : null}
      </td>
      <td className="num">
        {row.assumedIsModelRate
          ? fmt.percent(row.assumedGrowthPercent)
          : Number.isFinite(row.assumedGrowthPercent)
            ? t('impliedGrowth', { value: fmt.percent(row.assumedGrowthPercent) })
            : '—'}
      </td>
      <td className="num" data-testid="projected">
        <span className="targets-nowrap">{analysis ? projectedValue(fmt, analysis.projected, unit) : '—'}</span>
      </td>
      <td className="num">
        {analysis ? (
          <>
            <span className="targets-nowrap">{signedValue(fmt, analysis.gap, unit)}</span>
            <small className="targets-sub">{signedPercent(fmt, analysis.gapPercent)}</small>
          </>
        ) : (
          '—'
        )}
      </td>
      <td className="num">
        <ProbabilityText state={monteCarlo} probability={probability} />
      </td>
      <td className="num">{analysis ? (analysis.firstYearReached ?? <span className="targets-muted">{t('never')}</span>) : '—'}</td>
      <td>
        <span className={`targets-status targets-status-${status}`} data-testid="target-status">
          <span aria-hidden="true" className="targets-status-icon">
            {STATUS_ICONS[status]}
          </span>
          {status === 'invalid' ? t('statusInvalid') : verdictName(status, fmt.lang)}
        </span>
        {reason ? <small className="targets-sub targets-reason">{reason}</small> : null}
      </td>
    </tr>
  );
}
