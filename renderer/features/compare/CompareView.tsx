import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { isUnitCode, unitLabel } from '../../../shared/units';
import type { WorkspaceScenario } from '../../../shared/workspace';
import { useFormatters, type Formatters } from '../../i18n/format';
import { ChartFrame } from '../charts/ChartFrame';
import { projectedValue, scenarioDisplayName, signedPercent, signedValue } from '../../i18n/number-display';
import { setBaseline } from '../../app/workspace/workspace-edits';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import { differenceToBaseline, groupScenarios, projectGroup, type ProjectedGroup, type ScenarioGroup } from './compare-series';
import { seriesStyle, useChartColours, type ChartColours } from '../charts/chart-colours';
import './compare.css';

type DifferenceMode = 'absolute' | 'percent';

interface SeriesEntry {
  scenario: WorkspaceScenario;
  /** Position among the chosen scenarios: fixes colour and dash pattern across all charts. */
  styleIndex: number;
}

function unitName(unit: string, lang: 'zh' | 'en'): string {
  return isUnitCode(unit) ? unitLabel(unit, lang) : unit;
}

export function CompareView() {
  const { t } = useTranslation('compare');
  const fmt = useFormatters();
  const { workspace, edit } = useWorkspace();
  const [chosenIds, setChosenIds] = useState<readonly string[]>([]);
  const [mode, setMode] = useState<DifferenceMode>('absolute');
  const baselineSelectId = useId();

  const chosen = useMemo(() => workspace.scenarios.filter((scenario) => chosenIds.includes(scenario.id)), [workspace.scenarios, chosenIds]);
  const styleIndex = useMemo(() => new Map(chosen.map((scenario, index) => [scenario.id, index])), [chosen]);
  const groups = useMemo(() => groupScenarios(chosen), [chosen]);
  const baseline = workspace.scenarios.find((scenario) => scenario.id === workspace.baselineScenarioId) ?? null;

  const toggle = (id: string, on: boolean) => setChosenIds((ids) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));

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
                  <input type="checkbox" checked={chosenIds.includes(scenario.id)} onChange={(event) => toggle(scenario.id, event.target.checked)} data-testid={`compare-pick-${scenario.id}`} />
                  <span>
                    {scenarioDisplayName(scenario, fmt.lang)}
                    {scenario.id === workspace.baselineScenarioId ? <span className="compare-badge">{t('baselineLabel')}</span> : null}
                    <small className="compare-muted compare-block">{fmt.lang === 'en' && scenario.indicatorName.en ? scenario.indicatorName.en : scenario.indicatorName.zh}</small>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {chosen.length > 0 ? (
            <button type="button" className="button" onClick={() => setChosenIds([])}>
              {t('clear')}
            </button>
          ) : null}
        </fieldset>
        <div className="compare-baseline">
          <label htmlFor={baselineSelectId}>{t('baselineLabel')}</label>
          <select
            id={baselineSelectId}
            data-testid="compare-baseline"
            value={workspace.baselineScenarioId ?? ''}
            onChange={(event) => {
              const id = event.target.value || null;
              edit((ws, nowIso) => setBaseline(ws, id, nowIso));
            }}
          >
            <option value="">{t('baselineNone')}</option>
            {workspace.scenarios.map((scenario) => (
              <option key={scenario.id} value={scenario.id}>
                {scenarioDisplayName(scenario, fmt.lang)}
              </option>
            ))}
          </select>
          {baseline === null ? (
            <p className="compare-note" role="note">
              {t('baselineMissing')}
            </p>
          ) : chosen.length >= 2 && !chosenIds.includes(baseline.id) ? (
            <p className="compare-note">{t('baselineNotChosen')}</p>
          ) : null}
        </div>
      </div>

      {chosen.length < 2 ? (
        <div className="empty-state" role="status" data-testid="compare-empty">
          {t('emptyChooseTwo')}
        </div>
      ) : (
        <>
          {groups.length > 1 ? <p className="compare-note">{t('smallMultiples', { count: groups.length })}</p> : null}
          <div className={groups.length > 1 ? 'compare-grid' : undefined}>
            {groups.map((group, index) => (
              <GroupChart
                key={group.key}
                chartId={`compare-${index + 1}`}
                group={group}
                entries={group.scenarios.map((scenario) => ({ scenario, styleIndex: styleIndex.get(scenario.id) ?? 0 }))}
                height={groups.length > 1 ? 220 : 340}
              />
            ))}
          </div>
          <h3 className="compare-heading">{t('differenceHeading')}</h3>
          {baseline === null ? (
            <p className="compare-note">{t('baselineMissing')}</p>
          ) : (
            <>
              <p className="compare-muted">{t('differenceIntro', { baseline: scenarioDisplayName(baseline, fmt.lang) })}</p>
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
                <DifferenceSection key={group.key} chartId={`compare-difference-${index + 1}`} group={group} baseline={baseline} styleIndex={styleIndex} mode={mode} fmt={fmt} />
              ))}
            </>
          )}
        </>
      )}
    </section>
  );
}

function Legend({ entries, colours, label }: { entries: readonly SeriesEntry[]; colours: ChartColours; label: string }) {
  const { lang } = useFormatters();
  return (
    <ul className="compare-legend" aria-label={label}>
      {entries.map(({ scenario, styleIndex }) => {
        const style = seriesStyle(styleIndex, colours);
        return (
          <li key={scenario.id} data-testid={`compare-legend-${scenario.id}`}>
            <svg width="36" height="12" aria-hidden="true" focusable="false">
              <line x1="0" y1="6" x2="36" y2="6" stroke={style.stroke} strokeWidth="3" strokeDasharray={style.dash || undefined} />
            </svg>
            <span>{scenarioDisplayName(scenario, lang)}</span>
          </li>
        );
      })}
    </ul>
  );
}

function GroupChart({ chartId, group, entries, height }: { chartId: string; group: ScenarioGroup; entries: readonly SeriesEntry[]; height: number }) {
  const { t } = useTranslation('compare');
  const fmt = useFormatters();
  const colours = useChartColours();
  const projected = useMemo(() => projectGroup(group.scenarios), [group.scenarios]);
  const data = useMemo(() => chartRows(projected, (series) => series.values), [projected]);
  const indicator = fmt.lang === 'en' && group.indicatorName.en ? group.indicatorName.en : group.indicatorName.zh;
  const unit = unitName(group.unit, fmt.lang);
  return (
    <ChartFrame
      chartId={chartId}
      title={t('chartTitle', { indicator })}
      subtitle={t('chartSubtitle', { unit, from: projected.years[0] ?? '', to: projected.years.at(-1) ?? '' })}
      provenance={{ scenarioNames: group.scenarios.map((scenario) => scenarioDisplayName(scenario, fmt.lang)) }}
    >
      <Legend entries={entries} colours={colours} label={t('legendLabel')} />
      <InvalidNotes series={projected.series} />
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
          <CartesianGrid stroke={colours.grid} strokeDasharray="3 3" />
          <XAxis dataKey="year" stroke={colours.muted} tick={{ fill: colours.muted, fontSize: 12 }} label={{ value: t('axisYear'), position: 'insideBottom', offset: -12, fill: colours.muted, fontSize: 12 }} />
          <YAxis
            stroke={colours.muted}
            width={72}
            tick={{ fill: colours.muted, fontSize: 12 }}
            tickFormatter={(value: number) => fmt.axisTick(value, group.unit)}
            label={{ value: t('axisValue', { unit }), angle: -90, position: 'insideLeft', fill: colours.muted, fontSize: 12 }}
          />
          <Tooltip
            formatter={(value, name) => [typeof value === 'number' ? projectedValue(fmt, value, group.unit) : String(value), String(name)]}
            contentStyle={{ background: colours.surface, borderColor: colours.grid, color: colours.text }}
          />
          {entries.map(({ scenario, styleIndex }, index) => scenarioLine(scenario, `s${index}`, styleIndex, colours, fmt.lang))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/**
 * One scenario's line in a compare chart. A scenario keeps its colour and dash (its style index)
 * in the overlay and in the difference chart, so the two read together.
 */
function scenarioLine(scenario: WorkspaceScenario, dataKey: string, styleIndex: number, colours: ChartColours, lang: Formatters['lang']) {
  const style = seriesStyle(styleIndex, colours);
  return (
    <Line
      key={scenario.id}
      type="linear"
      dataKey={dataKey}
      name={scenarioDisplayName(scenario, lang)}
      stroke={style.stroke}
      strokeDasharray={style.dash || undefined}
      strokeWidth={2.5}
      dot={false}
      isAnimationActive={false}
    />
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
          {t('invalidScenario', { name: scenarioDisplayName(entry.scenario, lang), reason: lang === 'en' ? entry.invalidReason?.en : entry.invalidReason?.zh })}
        </li>
      ))}
    </ul>
  );
}

/** Recharts rows keyed `s0`, `s1`… (scenario ids may contain dots, which Recharts would read as paths). */
function chartRows(projected: ProjectedGroup, valuesOf: (series: ProjectedGroup['series'][number]) => readonly (number | null)[]): Record<string, number | null>[] {
  return projected.years.map((year, yearIndex) => {
    const row: Record<string, number | null> = { year };
    projected.series.forEach((series, seriesIndex) => {
      row[`s${seriesIndex}`] = valuesOf(series)[yearIndex] ?? null;
    });
    return row;
  });
}

function DifferenceSection({
  chartId,
  group,
  baseline,
  styleIndex,
  mode,
  fmt,
}: {
  chartId: string;
  group: ScenarioGroup;
  baseline: WorkspaceScenario;
  styleIndex: ReadonlyMap<string, number>;
  mode: DifferenceMode;
  fmt: Formatters;
}) {
  const { t } = useTranslation('compare');
  const colours = useChartColours();
  const indicator = fmt.lang === 'en' && group.indicatorName.en ? group.indicatorName.en : group.indicatorName.zh;
  const sameIndicator = baseline.indicatorId === group.indicatorId && baseline.unit === group.unit;
  const others = group.scenarios.filter((scenario) => scenario.id !== baseline.id);
  const projected = useMemo(() => projectGroup([baseline, ...others]), [baseline, others]);
  if (!sameIndicator) return <p className="compare-note">{t('differenceOtherIndicator', { indicator })}</p>;
  if (others.length === 0) return <p className="compare-note">{t('differenceNone')}</p>;

  const baselineValues = projected.series[0]?.values ?? [];
  const differences = projected.series.slice(1).map((series) => differenceToBaseline(baselineValues, series.values));
  const data = projected.years.map((year, yearIndex) => {
    const row: Record<string, number | null> = { year };
    differences.forEach((diff, index) => {
      const entry = diff[yearIndex];
      row[`d${index}`] = (mode === 'absolute' ? entry?.absolute : entry?.percent) ?? null;
    });
    return row;
  });
  const unit = group.unit;
  const baselineName = scenarioDisplayName(baseline, fmt.lang);
  return (
    <div className="compare-difference">
      <ChartFrame
        chartId={chartId}
        title={t('differenceChartTitle', { indicator })}
        subtitle={mode === 'absolute' ? t('chartSubtitle', { unit: unitName(unit, fmt.lang), from: projected.years[0] ?? '', to: projected.years.at(-1) ?? '' }) : t('modePercent')}
        provenance={{ scenarioNames: [baselineName, ...others.map((scenario) => scenarioDisplayName(scenario, fmt.lang))] }}
      >
        <Legend entries={others.map((scenario) => ({ scenario, styleIndex: styleIndex.get(scenario.id) ?? 0 }))} colours={colours} label={t('legendLabel')} />
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
            <CartesianGrid stroke={colours.grid} strokeDasharray="3 3" />
            <XAxis dataKey="year" stroke={colours.muted} tick={{ fill: colours.muted, fontSize: 12 }} label={{ value: t('axisYear'), position: 'insideBottom', offset: -12, fill: colours.muted, fontSize: 12 }} />
            <YAxis
              stroke={colours.muted}
              width={72}
              tick={{ fill: colours.muted, fontSize: 12 }}
              tickFormatter={(value: number) => (mode === 'absolute' ? fmt.axisTick(value, unit) : fmt.percent(value, 0))}
              label={{ value: mode === 'absolute' ? unitName(unit, fmt.lang) : '%', angle: -90, position: 'insideLeft', fill: colours.muted, fontSize: 12 }}
            />
            <ReferenceLine y={0} stroke={colours.text} />
            <Tooltip
              formatter={(value, name) => [typeof value === 'number' ? (mode === 'absolute' ? signedValue(fmt, value, unit) : signedPercent(fmt, value)) : String(value), String(name)]}
              contentStyle={{ background: colours.surface, borderColor: colours.grid, color: colours.text }}
            />
            {others.map((scenario, index) => scenarioLine(scenario, `d${index}`, styleIndex.get(scenario.id) ?? 0, colours, fmt.lang))}
          </LineChart>
        </ResponsiveContainer>
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
                {t('columnBaseline', { name: baselineName })}
              </th>
              {others.map((scenario) => (
                <th key={scenario.id} scope="colgroup" colSpan={3}>
                  {scenarioDisplayName(scenario, fmt.lang)}
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
                <td className="num">{valueOrDash(fmt, baselineValues[yearIndex] ?? null, unit)}</td>
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

function DifferenceCells({ value, absolute, percent, unit, fmt }: { value: number | null; absolute: number | null; percent: number | null; unit: string; fmt: Formatters }) {
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
