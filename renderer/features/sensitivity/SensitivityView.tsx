import type { TFunction } from 'i18next';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EngineError,
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
import type { TornadoState } from '../../../shared/charts/chart-state';
import { heatmapState, tornadoState, type SensitivityFormat } from '../../../shared/charts/sensitivity-chart';
import { inLang, isUnitCode, localLabel, localName, unitLabel, type Lang } from '../../../shared/units';
import type { WorkspaceScenario } from '../../../shared/workspace';
import { useFormatters, type Formatters } from '../../i18n/format';
import { ChartFrame } from '../charts/ChartFrame';
import { useChartColours } from '../charts/chart-colours';
import { projectedValue, signedPercent } from '../../i18n/number-display';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import { useFigureSources } from '../../app/workspace/useFigureSources';
import { HeatmapTable } from './HeatmapTable';
import {
  axisValueProblem,
  axisValues,
  clampSteps,
  DEFAULT_AXIS_STEPS,
  defaultAxisKeys,
  defaultMetricId,
  MAX_AXIS_STEPS,
  metricOptions,
  MIN_AXIS_STEPS,
  rangeOf,
} from './sensitivity-options';
import { TornadoChart } from './TornadoChart';
import './sensitivity.css';

type SensitivityT = TFunction<'sensitivity'>;

function errorText(error: unknown, lang: Lang): string {
  if (error instanceof EngineError) return inLang({ zh: error.messageZh, en: error.message }, lang);
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
  return t('metricGapTo', { target: target ? (localLabel(target, fmt.lang) ?? `${target.year}: ${fmt.value(target.value, scenario.unit)}`) : '' });
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
                  {localName(candidate, fmt.lang)}
                </option>
              ))}
            </select>
          </div>
          {issues.length > 0 ? (
            <p className="sensitivity-error" role="alert">
              {t('invalidScenario', {
                reason: issues.map((issue) => inLang({ zh: issue.messageZh, en: issue.message }, fmt.lang)).join(inLang({ zh: ';', en: '; ' }, fmt.lang)),
              })}
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
  const metricOption =
    options.find((option) => option.id === chosenMetricId) ?? options.find((option) => option.id === defaultMetricId(scenario)) ?? options[0];
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

/** How this view prints outcomes, parameter values and parameter names, for the chart states and the controls alike. */
function useSensitivityFormat(metric: OutputMetric, unit: string): SensitivityFormat {
  const { t } = useTranslation('sensitivity');
  const fmt = useFormatters();
  return useMemo(
    () => ({
      outcome: (value: number) => formatMetricValue(metric, value, unit, fmt),
      parameter: (key: ParameterKey, value: number) => formatParameter(key, value, unit, fmt, t),
      parameterName: (key: ParameterKey) => t(`parameters.${key}`),
    }),
    [metric, unit, fmt, t],
  );
}

function Tornado({ scenario, metric }: { scenario: WorkspaceScenario; metric: OutputMetric }) {
  const { t } = useTranslation('sensitivity');
  const fmt = useFormatters();
  const colours = useChartColours();
  const format = useSensitivityFormat(metric, scenario.unit);
  const sources = useFigureSources();
  const computed = useMemo((): { result: TornadoResult } | { error: unknown } => {
    try {
      return { result: tornadoSensitivity(scenario, defaultSensitivityRanges(scenario), metric) };
    } catch (error) {
      return { error };
    }
  }, [scenario, metric]);
  const state = useMemo((): TornadoState | null => {
    if (!('result' in computed)) return null;
    const { result } = computed;
    const metricName = describeMetric(metric, scenario, fmt, t);
    const baseText = format.outcome(result.baseline);
    const text = {
      title: t('tornadoTitle', { metric: metricName }),
      subtitle: t('tornadoSubtitle', { scenario: localName(scenario, fmt.lang), baseline: baseText }),
      xTitle: metricName,
      baseLabel: t('tornadoBaseline', { value: baseText }),
      lowName: t('tornadoLow'),
      highName: t('tornadoHigh'),
    };
    return tornadoState({ id: 'sensitivity-tornado', lang: fmt.lang, scenario, result, format, text, sources });
  }, [computed, scenario, metric, format, fmt, t, sources]);
  if ('error' in computed || state === null) {
    return (
      <p className="sensitivity-error" role="alert">
        {t('tornadoError', { reason: 'error' in computed ? errorText(computed.error, fmt.lang) : '—' })}
      </p>
    );
  }
  return (
    <ChartFrame chartId={state.id} state={state}>
      <p className="sensitivity-caption">{t('tornadoCaption')}</p>
      <TornadoChart state={state} colours={colours} />
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

function AxisControls({
  scenario,
  axis,
  onChange,
  title,
  testPrefix,
}: {
  scenario: WorkspaceScenario;
  axis: AxisState;
  onChange: (axis: AxisState) => void;
  title: string;
  testPrefix: string;
}) {
  const { t } = useTranslation('sensitivity');
  const selectId = useId();
  const { lang } = useFormatters();
  const range = rangeOf(scenario, axis.key);
  const check = (value: number) => axisValueProblem(scenario, axis.key, value, lang);
  const unitHint =
    axis.key === 'growthRatePercent'
      ? '%'
      : axis.key === 'rateShiftPercent'
        ? t('pointsUnit')
        : isUnitCode(scenario.unit)
          ? unitLabel(scenario.unit, lang)
          : scenario.unit;
  return (
    <fieldset className="sensitivity-axis">
      <legend>{title}</legend>
      <span className="sensitivity-field">
        <label htmlFor={selectId}>{t('parameter')}</label>
        <select
          id={selectId}
          data-testid={`${testPrefix}-parameter`}
          value={axis.key}
          onChange={(event) => onChange({ key: event.target.value as ParameterKey, from: null, to: null, steps: axis.steps })}
        >
          {parametersOf(scenario.model).map((key) => (
            <option key={key} value={key}>
              {t(`parameters.${key}`)}
            </option>
          ))}
        </select>
      </span>
      {/* Keyed by parameter so the fields restart from that parameter's default range. */}
      <span key={axis.key} className="sensitivity-range">
        <NumberField
          label={`${t('from')} (${unitHint})`}
          value={axis.from ?? range?.low ?? 0}
          onCommit={(from) => onChange({ ...axis, from })}
          check={check}
          testId={`${testPrefix}-from`}
        />
        <NumberField
          label={`${t('to')} (${unitHint})`}
          value={axis.to ?? range?.high ?? 0}
          onCommit={(to) => onChange({ ...axis, to })}
          check={check}
          testId={`${testPrefix}-to`}
        />
      </span>
      <NumberField
        label={`${t('steps')} (${t('stepsHint')})`}
        value={axis.steps}
        min={MIN_AXIS_STEPS}
        max={MAX_AXIS_STEPS}
        step={1}
        onCommit={(steps) => onChange({ ...axis, steps: clampSteps(steps) })}
        testId={`${testPrefix}-steps`}
      />
    </fieldset>
  );
}

function DataTable({ scenario, metric }: { scenario: WorkspaceScenario; metric: OutputMetric }) {
  const { t } = useTranslation('sensitivity');
  const fmt = useFormatters();
  const defaults = defaultAxisKeys(scenario);
  const [rows, setRows] = useState<AxisState>({ key: defaults.rowKey, from: null, to: null, steps: DEFAULT_AXIS_STEPS });
  const [columns, setColumns] = useState<AxisState>({ key: defaults.columnKey, from: null, to: null, steps: DEFAULT_AXIS_STEPS });
  const parameterCount = parametersOf(scenario.model).length;
  const format = useSensitivityFormat(metric, scenario.unit);
  const sources = useFigureSources();

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
  const rowName = t(`parameters.${rows.key}`);
  const columnName = t(`parameters.${columns.key}`);
  const table = computed !== null && 'table' in computed ? computed.table : null;
  const state = useMemo(() => {
    const text = {
      title: t('tableTitle', { metric: describeMetric(metric, scenario, fmt, t) }),
      subtitle: t('tableSubtitle', { rows: t(`parameters.${rows.key}`), columns: t(`parameters.${columns.key}`) }),
    };
    return heatmapState({ id: 'sensitivity-table', lang: fmt.lang, scenario, table, format, text, sources });
  }, [fmt, scenario, metric, rows.key, columns.key, table, format, t, sources]);

  if (parameterCount < 2) return <p className="sensitivity-note">{t('needTwoParameters')}</p>;

  return (
    <ChartFrame chartId={state.id} state={state}>
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
        <HeatmapTable state={state} caption={t('tableCaption', { metric: metricName, rows: rowName, columns: columnName })} />
      )}
    </ChartFrame>
  );
}
