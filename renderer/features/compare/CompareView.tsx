import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineChartState } from '../../../shared/charts/chart-state';
import {
  compareDifferenceState,
  compareOverlayState,
  compareSmallMultiplesState,
  differenceToBaseline,
  groupScenarios,
  projectGroup,
  scenarioIdOfSeries,
  type DifferenceMode,
  type ProjectedGroup,
  type ScenarioGroup,
} from '../../../shared/charts/compare-chart';
import { resolveComparison, withTicked } from '../../../shared/charts/compare-selection';
import { inLang, isUnitCode, localName, unitLabel, type Lang } from '../../../shared/units';
import type { WorkspaceScenario } from '../../../shared/workspace';
import { useFormatters, type Formatters } from '../../i18n/format';
import { ChartFrame } from '../charts/ChartFrame';
import { projectedValue, signedPercent, signedValue } from '../../i18n/number-display';
import { useCompareSelection } from '../../app/compare-selection';
import { setBaseline } from '../../app/workspace/workspace-edits';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import { useFigureSources } from '../../app/workspace/useFigureSources';
import { useChartColours, type ChartColours } from '../charts/chart-colours';
import { colourOf, dashArrayOf, LineChartView } from '../charts/LineChartView';
import './compare.css';

function unitName(unit: string, lang: Lang): string {
  return isUnitCode(unit) ? unitLabel(unit, lang) : unit;
}

/** The overlay chart of each group, with the projection it was drawn from (for the notes on invalid scenarios). */
interface GroupOverlay {
  group: ScenarioGroup;
  projected: ProjectedGroup;
  state: LineChartState;
}

export function CompareView() {
  const { t } = useTranslation('compare');
  const fmt = useFormatters();
  const { workspace, edit } = useWorkspace();
  const { selection, setSelection } = useCompareSelection();
  const sources = useFigureSources();
  const [mode, setMode] = useState<DifferenceMode>('absolute');
  const referenceSelectId = useId();

  // What is ticked and the reference live above the view (they survive a switch of views); the default holds until the user chooses.
  const shown = useMemo(
    () => resolveComparison(workspace.scenarios, workspace.baselineScenarioId, selection),
    [workspace.scenarios, workspace.baselineScenarioId, selection],
  );
  const chosenIds = shown.chosenIds;
  const chosen = useMemo(() => workspace.scenarios.filter((scenario) => chosenIds.includes(scenario.id)), [workspace.scenarios, chosenIds]);
  const styleIndex = useMemo(() => new Map(chosen.map((scenario, index) => [scenario.id, index])), [chosen]);
  const groups = useMemo(() => groupScenarios(chosen), [chosen]);
  // Compare's own reference (对比基准): choosing it here never moves the workspace's baseline.
  const reference = workspace.scenarios.find((scenario) => scenario.id === shown.referenceId) ?? null;
  const referenceIsBaseline = reference !== null && reference.id === workspace.baselineScenarioId;
  const overlays = useMemo(
    (): GroupOverlay[] =>
      groups.map((group, index) => {
        const projected = projectGroup(group.scenarios);
        const indicator = inLang(group.indicatorName, fmt.lang);
        const unit = unitName(group.unit, fmt.lang);
        const text = {
          title: t('chartTitle', { indicator }),
          subtitle: t('chartSubtitle', { unit, from: projected.years[0] ?? '', to: projected.years.at(-1) ?? '' }),
          xTitle: t('axisYear'),
          yTitle: t('axisValue', { unit }),
        };
        return { group, projected, state: compareOverlayState({ id: `compare-${index + 1}`, lang: fmt.lang, group, projected, styleIndex, text, sources }) };
      }),
    [groups, styleIndex, fmt.lang, t, sources],
  );
  // Several indicators: one small chart each, side by side.
  const multiples = useMemo(
    () =>
      overlays.length > 1
        ? compareSmallMultiplesState({
            id: 'compare',
            lang: fmt.lang,
            title: t('title'),
            subtitle: t('smallMultiples', { count: overlays.length }),
            panels: overlays.map((overlay) => overlay.state),
            scenarios: chosen,
            sources,
          })
        : null,
    [overlays, chosen, fmt.lang, t, sources],
  );

  const toggle = (id: string, on: boolean) => setSelection(withTicked(shown, selection, id, on));

  if (workspace.scenarios.length === 0) {
    return (
      <section aria-labelledby="view-compare-title">
        <h2 id="view-compare-title" className="view-title">
          {t('title')}
        </h2>
        <div className="empty-state" role="status">
          {t('emptyNoScenarios')}
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="view-compare-title" className="compare-view">
      <h2 id="view-compare-title" className="view-title">
        {t('title')}
      </h2>
      <p className="view-intro">{t('intro')}</p>
      <div className="compare-controls">
        <fieldset className="compare-picker">
          <legend>
            {t('chooseLegend')} <span className="compare-muted">({t('chosenCount', { count: chosen.length })})</span>
          </legend>
          <ul>
            {workspace.scenarios.map((scenario) => (
              <li key={scenario.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosenIds.includes(scenario.id)}
                    onChange={(event) => toggle(scenario.id, event.target.checked)}
                    data-testid={`compare-pick-${scenario.id}`}
                  />
                  <span>
                    {localName(scenario, fmt.lang)}
                    {scenario.id === workspace.baselineScenarioId ? (
                      <span className="compare-badge" data-testid="compare-baseline-badge">
                        <span aria-hidden="true">★ </span>
                        {t('baselineBadge')}
                      </span>
                    ) : null}
                    {scenario.id === reference?.id ? (
                      <span className="compare-badge" data-testid="compare-reference-badge">
                        {t('referenceBadge')}
                      </span>
                    ) : null}
                    <small className="compare-muted compare-block">{inLang(scenario.indicatorName, fmt.lang)}</small>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {chosen.length > 0 ? (
            <button type="button" className="button" onClick={() => setSelection({ ...selection, chosenIds: [] })}>
              {t('clear')}
            </button>
          ) : null}
        </fieldset>
        <div className="compare-baseline">
          <label htmlFor={referenceSelectId}>{t('referenceLabel')}</label>
          <select
            id={referenceSelectId}
            data-testid="compare-reference"
            value={reference?.id ?? ''}
            onChange={(event) => setSelection({ ...selection, referenceId: event.target.value })}
            aria-describedby={`${referenceSelectId}-about`}
          >
            {workspace.scenarios.map((scenario) => (
              <option key={scenario.id} value={scenario.id}>
                {scenario.id === workspace.baselineScenarioId
                  ? t('referenceOptionBaseline', { name: localName(scenario, fmt.lang) })
                  : localName(scenario, fmt.lang)}
              </option>
            ))}
          </select>
          <p className="compare-muted" id={`${referenceSelectId}-about`}>
            {t('referenceAbout')}
          </p>
          <button
            type="button"
            className="button"
            disabled={reference === null || referenceIsBaseline}
            onClick={() => {
              if (reference) edit((ws, nowIso) => setBaseline(ws, reference.id, nowIso));
            }}
            data-testid="compare-set-baseline"
          >
            {referenceIsBaseline ? t('referenceIsBaseline') : t('setAsBaseline')}
          </button>
          {reference !== null && chosen.length >= 2 && !chosenIds.includes(reference.id) ? <p className="compare-note">{t('referenceNotChosen')}</p> : null}
        </div>
      </div>

      {chosen.length < 2 ? (
        <div className="empty-state" role="status" data-testid="compare-empty">
          {t('emptyChooseTwo')}
        </div>
      ) : (
        <>
          {multiples ? <p className="compare-note">{multiples.subtitle}</p> : null}
          <div className={multiples ? 'compare-grid' : undefined}>
            {overlays.map((overlay) => (
              <GroupChart key={overlay.group.key} state={overlay.state} projected={overlay.projected} height={multiples ? 220 : 340} />
            ))}
          </div>
          <h3 className="compare-heading">{t('differenceHeading')}</h3>
          {reference === null ? null : (
            <>
              <p className="compare-muted">{t('differenceIntro', { reference: localName(reference, fmt.lang) })}</p>
              <fieldset className="compare-mode">
                <legend>{t('differenceModeLegend')}</legend>
                {(['absolute', 'percent'] as const).map((option) => (
                  <label key={option}>
                    <input type="radio" name="compare-difference-mode" value={option} checked={mode === option} onChange={() => setMode(option)} />
                    {t(option === 'absolute' ? 'modeAbsolute' : 'modePercent')}
                  </label>
                ))}
              </fieldset>
              {groups.map((group, index) => (
                <DifferenceSection
                  key={group.key}
                  chartId={`compare-difference-${index + 1}`}
                  group={group}
                  reference={reference}
                  styleIndex={styleIndex}
                  mode={mode}
                  fmt={fmt}
                />
              ))}
            </>
          )}
        </>
      )}
    </section>
  );
}

/** The legend of a compare chart, from its state: every scenario's line as drawn, with its name in the chart's language. */
function Legend({ state, colours, label }: { state: LineChartState; colours: ChartColours; label: string }) {
  return (
    <ul className="compare-legend" aria-label={label}>
      {state.series.map((series) => (
        <li key={series.id} data-testid={`compare-legend-${scenarioIdOfSeries(series.id) ?? series.id}`}>
          <svg width="36" height="12" aria-hidden="true" focusable="false">
            {/* Stroked as the drawing strokes the line, so the key matches it. */}
            <line x1="0" y1="6" x2="36" y2="6" stroke={colourOf(series.colour, colours)} strokeWidth="3" strokeDasharray={dashArrayOf(series.dash)} />
          </svg>
          <span>{inLang(series.name, state.lang)}</span>
        </li>
      ))}
    </ul>
  );
}

function GroupChart({ state, projected, height }: { state: LineChartState; projected: ProjectedGroup; height: number }) {
  const { t } = useTranslation('compare');
  const colours = useChartColours();
  return (
    <ChartFrame chartId={state.id} state={state}>
      <Legend state={state} colours={colours} label={t('legendLabel')} />
      <InvalidNotes series={projected.series} />
      <LineChartView state={state} colours={colours} height={height} className="compare-lines" />
    </ChartFrame>
  );
}

function InvalidNotes({ series }: { series: ProjectedGroup['series'] }) {
  const { t } = useTranslation('compare');
  const { lang } = useFormatters();
  const invalid = series.filter((entry) => entry.invalidReason !== null);
  if (invalid.length === 0) return null;
  return (
    <ul className="compare-invalid" role="alert">
      {invalid.map((entry) => (
        <li key={entry.scenario.id}>
          {t('invalidScenario', { name: localName(entry.scenario, lang), reason: entry.invalidReason ? inLang(entry.invalidReason, lang) : '' })}
        </li>
      ))}
    </ul>
  );
}

function DifferenceSection({
  chartId,
  group,
  reference,
  styleIndex,
  mode,
  fmt,
}: {
  chartId: string;
  group: ScenarioGroup;
  reference: WorkspaceScenario;
  styleIndex: ReadonlyMap<string, number>;
  mode: DifferenceMode;
  fmt: Formatters;
}) {
  const { t } = useTranslation('compare');
  const sources = useFigureSources();
  const colours = useChartColours();
  const indicator = inLang(group.indicatorName, fmt.lang);
  const sameIndicator = reference.indicatorId === group.indicatorId && reference.unit === group.unit;
  const others = useMemo(() => group.scenarios.filter((scenario) => scenario.id !== reference.id), [group.scenarios, reference.id]);
  const projected = useMemo(() => projectGroup([reference, ...others]), [reference, others]);
  const unit = group.unit;
  const state = useMemo(() => {
    const text = {
      title: t('differenceChartTitle', { indicator }),
      subtitle:
        mode === 'absolute'
          ? t('chartSubtitle', { unit: unitName(unit, fmt.lang), from: projected.years[0] ?? '', to: projected.years.at(-1) ?? '' })
          : t('modePercent'),
      xTitle: t('axisYear'),
      yTitle: mode === 'absolute' ? unitName(unit, fmt.lang) : '%',
    };
    return compareDifferenceState({ id: chartId, lang: fmt.lang, unit, projected, mode, styleIndex, text, sources });
  }, [chartId, fmt.lang, unit, projected, mode, styleIndex, indicator, t, sources]);
  if (!sameIndicator) return <p className="compare-note">{t('differenceOtherIndicator', { indicator })}</p>;
  if (others.length === 0) return <p className="compare-note">{t('differenceNone')}</p>;

  const referenceValues = projected.series[0]?.values ?? [];
  const differences = projected.series.slice(1).map((series) => differenceToBaseline(referenceValues, series.values));
  const referenceName = localName(reference, fmt.lang);
  return (
    <div className="compare-difference">
      <ChartFrame chartId={state.id} state={state}>
        <Legend state={state} colours={colours} label={t('legendLabel')} />
        <LineChartView state={state} colours={colours} height={240} className="compare-lines" />
      </ChartFrame>
      <div className="compare-table-wrap">
        <table className="compare-table" data-testid={`compare-difference-table-${group.indicatorId}`}>
          <caption>{t('differenceTableCaption', { indicator })}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('columnYear')}
              </th>
              <th scope="col" rowSpan={2}>
                {t('columnReference', { name: referenceName })}
              </th>
              {others.map((scenario) => (
                <th key={scenario.id} scope="colgroup" colSpan={3}>
                  {localName(scenario, fmt.lang)}
                </th>
              ))}
            </tr>
            <tr>
              {others.map((scenario) => (
                <ColumnTriple key={scenario.id} />
              ))}
            </tr>
          </thead>
          <tbody>
            {projected.years.map((year, yearIndex) => (
              <tr key={year} data-testid={`compare-difference-row-${year}`}>
                <th scope="row">{year}</th>
                <td className="num">{valueOrDash(fmt, referenceValues[yearIndex] ?? null, unit)}</td>
                {others.map((scenario, index) => {
                  const entry = differences[index]?.[yearIndex];
                  return (
                    <DifferenceCells
                      key={scenario.id}
                      value={projected.series[index + 1]?.values[yearIndex] ?? null}
                      absolute={entry?.absolute ?? null}
                      percent={entry?.percent ?? null}
                      unit={unit}
                      fmt={fmt}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ColumnTriple() {
  const { t } = useTranslation('compare');
  return (
    <>
      <th scope="col">{t('columnValue')}</th>
      <th scope="col">{t('columnDifference')}</th>
      <th scope="col">{t('columnDifferencePercent')}</th>
    </>
  );
}

function valueOrDash(fmt: Formatters, value: number | null, unit: string): string {
  return value === null ? '—' : projectedValue(fmt, value, unit);
}

function DifferenceCells({
  value,
  absolute,
  percent,
  unit,
  fmt,
}: {
  value: number | null;
  absolute: number | null;
  percent: number | null;
  unit: string;
  fmt: Formatters;
}) {
  return (
    <>
      <td className="num">{valueOrDash(fmt, value, unit)}</td>
      <td className="num" data-testid="difference-absolute">
        {absolute === null ? '—' : signedValue(fmt, absolute, unit)}
      </td>
      <td className="num" data-testid="difference-percent">
        {percent === null ? '—' : signedPercent(fmt, percent)}
      </td>
    </>
  );
}
