import type { TFunction } from 'i18next';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EngineError,
  getParameter,
  parametersOf,
  tornadoSensitivity,
  twoWayTable,
  validateScenarioSpec,
  defaultSensitivityRanges,
  type OutputMetric,
  type ParameterKey,
  type TornadoResult,
  type TwoWayTable,
} from '../../../shared/engine';
import { isUnitCode, unitLabel } from '../../../shared/units';
import type { WorkspaceScenario } from '../../../shared/workspace';
import { useFormatters, type Formatters } from '../../i18n/format';
import { ChartFrame } from '../charts/ChartFrame';
import { seriesStyle, useChartColours } from '../charts/chart-colours';
import { projectedValue, scenarioDisplayName, signedPercent } from '../../i18n/number-display';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import { cellColours } from './heatmap-colour';
import { axisValueProblem, axisValues, clampSteps, DEFAULT_AXIS_STEPS, defaultAxisKeys, defaultMetricId, MAX_AXIS_STEPS, metricOptions, MIN_AXIS_STEPS, rangeOf } from './sensitivity-options';
import './sensitivity.css';

type SensitivityT = TFunction<'sensitivity'>;

function errorText(error: unknown, lang: 'zh' | 'en'): string {
  if (error instanceof EngineError) return lang === 'en' ? error.message : error.messageZh;
  return error instanceof Error ? error.message : String(error);
}

function formatParameter(key: ParameterKey, value: number, unit: string, fmt: Formatters, t: SensitivityT): string {
  if (key === 'growthRatePercent') return fmt.percent(value, 1);
  if (key === 'rateShiftPercent') return t('percentagePoints', { value: `${value > 0 ? '+' : value < 0 ? '−' : ''}${fmt.number(Math.abs(value), 1)}` });
  return projectedValue(fmt, value, unit);
}

function formatMetricValue(metric: OutputMetric, value: number, unit: string, fmt: Formatters): string {
  return metric.kind === 'valueAtYear' ? projectedValue(fmt, value, unit) : signedPercent(fmt, value);
}

function describeMetric(metric: OutputMetric, scenario: WorkspaceScenario, fmt: Formatters, t: SensitivityT): string {
  if (metric.kind === 'valueAtYear') return t('metricValueAt', { year: metric.year });
  const target = scenario.targets[metric.targetIndex];
  return t('metricGapTo', { target: target ? (target.label ?? `${target.year}: ${fmt.value(target.value, scenario.unit)}`) : '' });
}

export function SensitivityView() {
  const { t } = useTranslation('sensitivity');
  const fmt = useFormatters();
  const { workspace, selectedScenarioId, selectScenario } = useWorkspace();
  const scenarioSelectId = useId();
  const scenario = workspace.scenarios.find((candidate) => candidate.id === selectedScenarioId) ?? null;
  const issues = scenario ? validateScenarioSpec(scenario) : [];

  return (
    <section aria-labelledby="view-sensitivity-title" className="sensitivity-view">
      <h2 id="view-sensitivity-title" className="view-title">
        {t('title')}
      </h2>
      <p className="view-intro">{t('intro')}</p>
      {workspace.scenarios.length === 0 || scenario === null ? (
        <div className="empty-state" role="status">
          {t('emptyNoScenarios')}
        </div>
      ) : (
        <>
          <div className="sensitivity-controls">
            <label htmlFor={scenarioSelectId}>{t('scenarioLabel')}</label>
            <select id={scenarioSelectId} data-testid="sensitivity-scenario" value={scenario.id} onChange={(event) => selectScenario(event.target.value)}>
              {workspace.scenarios.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {scenarioDisplayName(candidate, fmt.lang)}
                </option>
              ))}
            </select>
          </div>
          {issues.length > 0 ? (
            <p className="sensitivity-error" role="alert">
              {t('invalidScenario', { reason: issues.map((issue) => (fmt.lang === 'en' ? issue.message : issue.messageZh)).join(fmt.lang === 'en' ? '; ' : ';') })}
            </p>
          ) : (
            <SensitivityPanels key={scenario.id} scenario={scenario} />
          )}
        </>
      )}
    </section>
  );
}

function SensitivityPanels({ scenario }: { scenario: WorkspaceScenario }) {
  const { t } = useTranslation('sensitivity');
  const fmt = useFormatters();
  const metricSelectId = useId();
  const options = useMemo(() => metricOptions(scenario), [scenario]);
  const [chosenMetricId, setChosenMetricId] = useState(() => defaultMetricId(scenario));
  const metricOption = options.find((option) => option.id === chosenMetricId) ?? options.find((option) => option.id === defaultMetricId(scenario)) ?? options[0];
  if (!metricOption) return <p className="sensitivity-error">{t('tornadoError', { reason: '—' })}</p>;
  const metric = metricOption.metric;
  return (
    <>
      <div className="sensitivity-controls">
        <label htmlFor={metricSelectId}>{t('metricLabel')}</label>
        <select id={metricSelectId} data-testid="sensitivity-metric" value={metricOption.id} onChange={(event) => setChosenMetricId(event.target.value)}>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {describeMetric(option.metric, scenario, fmt, t)}
            </option>
          ))}
        </select>
      </div>
      <Tornado scenario={scenario} metric={metric} />
      <DataTable scenario={scenario} metric={metric} />
    </>
  );
}

const TORNADO_WIDTH = 820;
const LABEL_WIDTH = 170;
const ROW_HEIGHT = 54;
const TOP = 34;

function Tornado({ scenario, metric }: { scenario: WorkspaceScenario; metric: OutputMetric }) {
  const { t } = useTranslation('sensitivity');
  const fmt = useFormatters();
  const colours = useChartColours();
  const computed = useMemo((): { result: TornadoResult } | { error: unknown } => {
    try {
      return { result: tornadoSensitivity(scenario, defaultSensitivityRanges(scenario), metric) };
    } catch (error) {
      return { error };
    }
  }, [scenario, metric]);
  const metricName = describeMetric(metric, scenario, fmt, t);
  const name = scenarioDisplayName(scenario, fmt.lang);
  if ('error' in computed) {
    return (
      <p className="sensitivity-error" role="alert">
        {t('tornadoError', { reason: errorText(computed.error, fmt.lang) })}
      </p>
    );
  }
  const { result } = computed;
  const unit = scenario.unit;
  const outputs = result.bars.flatMap((bar) => [bar.outputAtLow, bar.outputAtHigh]).filter(Number.isFinite);
  const lowest = Math.min(result.baseline, ...outputs);
  const highest = Math.max(result.baseline, ...outputs);
  const span = highest - lowest || Math.abs(result.baseline) || 1;
  // Room on both sides for the value labels printed beyond the bar ends.
  const domainLow = lowest - span * 0.55;
  const domainHigh = highest + span * 0.55;
  const plotLeft = LABEL_WIDTH + 10;
  const plotRight = TORNADO_WIDTH - 10;
  const x = (value: number) => plotLeft + ((value - domainLow) / (domainHigh - domainLow)) * (plotRight - plotLeft);
  const height = TOP + result.bars.length * ROW_HEIGHT + 8;
  const lowStyle = seriesStyle(1, colours);
  const highStyle = seriesStyle(0, colours);
  const baselineText = formatMetricValue(metric, result.baseline, unit, fmt);
  const descriptions = result.bars.map((bar) =>
    t('tornadoBarLabel', {
      parameter: t(`parameters.${bar.key}`),
      low: formatParameter(bar.key, bar.low, unit, fmt, t),
      high: formatParameter(bar.key, bar.high, unit, fmt, t),
      outputLow: formatMetricValue(metric, bar.outputAtLow, unit, fmt),
      outputHigh: formatMetricValue(metric, bar.outputAtHigh, unit, fmt),
    }),
  );
  return (
    <ChartFrame chartId="sensitivity-tornado" title={t('tornadoTitle', { metric: metricName })} subtitle={t('tornadoSubtitle', { scenario: name, baseline: baselineText })} provenance={{ scenarioNames: [name] }}>
      <p className="sensitivity-caption">{t('tornadoCaption')}</p>
      <ul className="sensitivity-key" aria-hidden="true">
        <li>
          <span className="sensitivity-swatch" style={{ background: lowStyle.stroke }} /> {t('tornadoLow')}
        </li>
        <li>
          <span className="sensitivity-swatch" style={{ background: highStyle.stroke }} /> {t('tornadoHigh')}
        </li>
      </ul>
      <svg className="sensitivity-tornado" viewBox={`0 0 ${TORNADO_WIDTH} ${height}`} role="img" aria-label={`${t('tornadoTitle', { metric: metricName })}. ${descriptions.join('. ')}`} data-testid="tornado">
        <line x1={x(result.baseline)} x2={x(result.baseline)} y1={TOP - 8} y2={height - 4} stroke={colours.text} strokeWidth={1.5} />
        <text x={x(result.baseline)} y={TOP - 14} textAnchor="middle" fill={colours.text} fontSize={13}>
          {t('tornadoBaseline', { value: baselineText })}
        </text>
        {result.bars.map((bar, index) => {
          const top = TOP + index * ROW_HEIGHT;
          const middle = top + ROW_HEIGHT / 2;
          const segments = [
            { output: bar.outputAtLow, input: bar.low, fill: lowStyle.stroke, side: 'low' as const },
            { output: bar.outputAtHigh, input: bar.high, fill: highStyle.stroke, side: 'high' as const },
          ];
          return (
            <g key={bar.key} data-testid={`tornado-bar-${bar.key}`}>
              <title>{descriptions[index]}</title>
              <text x={LABEL_WIDTH} y={middle - 3} textAnchor="end" fill={colours.text} fontSize={14} fontWeight={700}>
                {t(`parameters.${bar.key}`)}
              </text>
              <text x={LABEL_WIDTH} y={middle + 14} textAnchor="end" fill={colours.muted} fontSize={12}>
                {`${formatParameter(bar.key, bar.low, unit, fmt, t)} – ${formatParameter(bar.key, bar.high, unit, fmt, t)}`}
              </text>
              {segments.map((segment) => {
                const start = x(result.baseline);
                const end = x(segment.output);
                const leftward = segment.output < result.baseline;
                // Both segments on one side (or none moving): stack them so neither label hides the other.
                const stacked = (bar.outputAtLow - result.baseline) * (bar.outputAtHigh - result.baseline) >= 0;
                const barTop = stacked ? (segment.side === 'low' ? middle - 18 : middle + 2) : middle - 9;
                const barHeight = stacked ? 16 : 18;
                return (
                  <g key={segment.side}>
                    <rect x={Math.min(start, end)} y={barTop} width={Math.max(1, Math.abs(end - start))} height={barHeight} fill={segment.fill} />
                    <text
                      x={end + (leftward ? -6 : 6)}
                      y={barTop + barHeight / 2 + 4}
                      textAnchor={leftward ? 'end' : 'start'}
                      fill={colours.text}
                      fontSize={12}
                      data-testid={`tornado-label-${bar.key}-${segment.side}`}
                    >
                      {`${formatMetricValue(metric, segment.output, unit, fmt)} (${t(segment.side === 'low' ? 'tornadoLow' : 'tornadoHigh')} ${formatParameter(bar.key, segment.input, unit, fmt, t)})`}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}

interface AxisState {
  key: ParameterKey;
  from: number | null;
  to: number | null;
  steps: number;
}

function NumberField({
  label,
  value,
  onCommit,
  check,
  min,
  max,
  step,
  testId,
}: {
  label: string;
  value: number;
  onCommit: (value: number) => void;
  /** Why a typed value cannot be used, or null; a refused value is not committed and the reason shows at the field. */
  check?: (value: number) => string | null;
  min?: number;
  max?: number;
  step?: number | 'any';
  testId?: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const [text, setText] = useState(() => String(Number(value.toPrecision(10))));
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="sensitivity-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={text}
        min={min}
        max={max}
        step={step ?? 'any'}
        data-testid={testId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setText(event.target.value);
          const typed = event.target.value.trim();
          // −0 is taken as 0; Number('1e999') is Infinity, refused like any value out of bounds.
          const parsed = Number(typed) === 0 ? 0 : Number(typed);
          if (typed === '' || Number.isNaN(parsed) || (!Number.isFinite(parsed) && check === undefined)) {
            setError(null);
            return;
          }
          const refusal = check?.(parsed) ?? null;
          setError(refusal);
          // The last good value stays in use while the field shows why the new one is refused.
          if (refusal === null) onCommit(parsed);
        }}
      />
      {error ? (
        <span id={errorId} className="sensitivity-error" role="alert" data-testid={testId === undefined ? undefined : `${testId}-error`}>
          {error}
        </span>
      ) : null}
    </span>
  );
}

function AxisControls({ scenario, axis, onChange, title, testPrefix }: { scenario: WorkspaceScenario; axis: AxisState; onChange: (axis: AxisState) => void; title: string; testPrefix: string }) {
  const { t } = useTranslation('sensitivity');
  const selectId = useId();
  const { lang } = useFormatters();
  const range = rangeOf(scenario, axis.key);
  const check = (value: number) => axisValueProblem(scenario, axis.key, value, lang);
  const unitHint = axis.key === 'growthRatePercent' ? '%' : axis.key === 'rateShiftPercent' ? t('pointsUnit') : isUnitCode(scenario.unit) ? unitLabel(scenario.unit, lang) : scenario.unit;
  return (
    <fieldset className="sensitivity-axis">
      <legend>{title}</legend>
      <span className="sensitivity-field">
        <label htmlFor={selectId}>{t('parameter')}</label>
        <select id={selectId} data-testid={`${testPrefix}-parameter`} value={axis.key} onChange={(event) => onChange({ key: event.target.value as ParameterKey, from: null, to: null, steps: axis.steps })}>
          {parametersOf(scenario.model).map((key) => (
            <option key={key} value={key}>
              {t(`parameters.${key}`)}
            </option>
          ))}
        </select>
      </span>
      {/* Keyed by parameter so the fields restart from that parameter's default range. */}
      <span key={axis.key} className="sensitivity-range">
        <NumberField label={`${t('from')} (${unitHint})`} value={axis.from ?? range?.low ?? 0} onCommit={(from) => onChange({ ...axis, from })} check={check} testId={`${testPrefix}-from`} />
        <NumberField label={`${t('to')} (${unitHint})`} value={axis.to ?? range?.high ?? 0} onCommit={(to) => onChange({ ...axis, to })} check={check} testId={`${testPrefix}-to`} />
      </span>
      <NumberField label={`${t('steps')} (${t('stepsHint')})`} value={axis.steps} min={MIN_AXIS_STEPS} max={MAX_AXIS_STEPS} step={1} onCommit={(steps) => onChange({ ...axis, steps: clampSteps(steps) })} testId={`${testPrefix}-steps`} />
    </fieldset>
  );
}

function isCurrent(value: number, current: number): boolean {
  return Math.abs(value - current) <= 1e-9 * Math.max(1, Math.abs(current));
}

function DataTable({ scenario, metric }: { scenario: WorkspaceScenario; metric: OutputMetric }) {
  const { t } = useTranslation('sensitivity');
  const fmt = useFormatters();
  const defaults = defaultAxisKeys(scenario);
  const [rows, setRows] = useState<AxisState>({ key: defaults.rowKey, from: null, to: null, steps: DEFAULT_AXIS_STEPS });
  const [columns, setColumns] = useState<AxisState>({ key: defaults.columnKey, from: null, to: null, steps: DEFAULT_AXIS_STEPS });
  const parameterCount = parametersOf(scenario.model).length;

  const computed = useMemo((): { table: TwoWayTable } | { error: unknown } | null => {
    if (rows.key === columns.key) return null;
    const rowRange = rangeOf(scenario, rows.key);
    const columnRange = rangeOf(scenario, columns.key);
    try {
      const rowValues = axisValues(rows.from ?? rowRange?.low ?? 0, rows.to ?? rowRange?.high ?? 0, rows.steps);
      const columnValues = axisValues(columns.from ?? columnRange?.low ?? 0, columns.to ?? columnRange?.high ?? 0, columns.steps);
      return { table: twoWayTable(scenario, { key: rows.key, values: rowValues }, { key: columns.key, values: columnValues }, metric) };
    } catch (error) {
      return { error };
    }
  }, [scenario, metric, rows, columns]);

  const metricName = describeMetric(metric, scenario, fmt, t);
  const name = scenarioDisplayName(scenario, fmt.lang);
  const rowName = t(`parameters.${rows.key}`);
  const columnName = t(`parameters.${columns.key}`);
  const unit = scenario.unit;

  if (parameterCount < 2) return <p className="sensitivity-note">{t('needTwoParameters')}</p>;

  return (
    <ChartFrame chartId="sensitivity-table" title={t('tableTitle', { metric: metricName })} subtitle={t('tableSubtitle', { rows: rowName, columns: columnName })} provenance={{ scenarioNames: [name] }}>
      <div className="sensitivity-axes">
        <AxisControls scenario={scenario} axis={rows} onChange={setRows} title={t('rowParameter')} testPrefix="table-rows" />
        <AxisControls scenario={scenario} axis={columns} onChange={setColumns} title={t('columnParameter')} testPrefix="table-columns" />
      </div>
      {computed === null ? (
        <p className="sensitivity-error" role="alert">
          {t('sameParameter')}
        </p>
      ) : 'error' in computed ? (
        <p className="sensitivity-error" role="alert">
          {t('tableError', { reason: errorText(computed.error, fmt.lang) })}
        </p>
      ) : (
        <Heatmap table={computed.table} scenario={scenario} metric={metric} metricName={metricName} rowName={rowName} columnName={columnName} unit={unit} />
      )}
    </ChartFrame>
  );
}

function Heatmap({ table, scenario, metric, metricName, rowName, columnName, unit }: { table: TwoWayTable; scenario: WorkspaceScenario; metric: OutputMetric; metricName: string; rowName: string; columnName: string; unit: string }) {
  const { t } = useTranslation('sensitivity');
  const fmt = useFormatters();
  const finite = Array.from(table.values).filter(Number.isFinite);
  const min = finite.length > 0 ? Math.min(...finite) : 0;
  const max = finite.length > 0 ? Math.max(...finite) : 0;
  const currentRow = getParameter(scenario, table.rowKey);
  const currentColumn = getParameter(scenario, table.columnKey);
  const columnCount = table.columnValues.length;
  const dense = columnCount > 12;
  return (
    <div className="sensitivity-heatmap-wrap">
      <table className={`sensitivity-heatmap${dense ? ' is-dense' : ''}`} data-testid="heatmap">
        <caption className="visually-hidden">{t('tableCaption', { metric: metricName, rows: rowName, columns: columnName })}</caption>
        <thead>
          <tr>
            <th scope="col" className="sensitivity-corner">
              {t('cornerLabel', { rows: rowName, columns: columnName })}
            </th>
            {table.columnValues.map((value, columnIndex) => (
              <th key={columnIndex} scope="col" data-testid={`heatmap-column-${columnIndex}`}>
                {formatParameter(table.columnKey, value, unit, fmt, t)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rowValues.map((rowValue, rowIndex) => (
            <tr key={rowIndex}>
              <th scope="row" data-testid={`heatmap-row-${rowIndex}`}>
                {formatParameter(table.rowKey, rowValue, unit, fmt, t)}
              </th>
              {table.columnValues.map((columnValue, columnIndex) => {
                const value = table.values[rowIndex * columnCount + columnIndex] ?? NaN;
                const current = isCurrent(rowValue, currentRow) && isCurrent(columnValue, currentColumn);
                if (!Number.isFinite(value)) {
                  return (
                    <td key={columnIndex} className="sensitivity-cell is-invalid" data-testid={`heatmap-cell-${rowIndex}-${columnIndex}`}>
                      —<span className="visually-hidden">{t('invalidCell')}</span>
                    </td>
                  );
                }
                const colours = cellColours(value, min, max);
                return (
                  <td
                    key={columnIndex}
                    className={`sensitivity-cell${current ? ' is-current' : ''}`}
                    style={{ background: colours.background, color: colours.text }}
                    data-testid={`heatmap-cell-${rowIndex}-${columnIndex}`}
                  >
                    {formatMetricValue(metric, value, unit, fmt)}
                    {current ? <span className="visually-hidden"> ({t('currentCell')})</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
