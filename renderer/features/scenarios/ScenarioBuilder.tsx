import { memo, startTransition, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineChartState } from '../../../shared/charts/chart-state';
import { buildScenarioChartState, withUnchangedParts } from '../../../shared/charts/scenario-chart';
import type { FigureSources } from '../../../shared/charts/source-line';
import { MODEL_KINDS, type ModelKind } from '../../../shared/engine';
import { fractionToPercent, isUnitCode, localName, maxNameLength, unitLabel, type Lang } from '../../../shared/units';
import type { Workspace, WorkspaceDistribution, WorkspaceScenario } from '../../../shared/workspace';
import { useFormatters } from '../../i18n/format';
import { ChartFrame } from '../charts/ChartFrame';
import { useMonteCarlo } from '../../app/results/useMonteCarlo';
import { nameScenario, renameScenario, updateScenario } from '../../app/workspace/workspace-edits';
import { useChartColours } from '../charts/chart-colours';
import { BaseAndTargets } from './BaseAndTargets';
import { builderKeyTestId, distributionKey, parseBuilderKey } from './builder-keys';
import { ParameterField } from './ParameterField';
import {
  applyCheckedEdit,
  buildYearRows,
  distributionFields,
  fieldOfKey,
  horizonDef,
  issueText,
  parameterDefs,
  projectionOf,
  projectionOfChecked,
  sameButModifiedAt,
  tryEdit,
  uncertainKeyOf,
  withBuilderValue,
  withDistributionKind,
  withRatePathLength,
  withShockMode,
  withUncertaintyEnabled,
  switchModel,
  type ActualPoint,
  type ParameterKind,
  type YearRow,
} from './scenario-form';
import type { ScenarioChartProps } from './ScenarioChart';
import { TargetsSummary } from './TargetsSummary';
import { YearTable } from './YearTable';

// Recharts stays out of the initial bundle, but its chunk is requested as soon as this module
// runs (at start-up). Until it is in, the chart's place shows a loading note; the chart follows
// as an ordinary state update, not a Suspense retry, which React holds back for up to 300 ms.
type ScenarioChartComponent = (typeof import('./ScenarioChart'))['default'];
let loadedChart: ScenarioChartComponent | null = null;
const chartModule = import('./ScenarioChart').then((module) => {
  loadedChart = module.default;
  return module.default;
});

/** Resolves when the chart's code is in (start-up awaits it when the app opens on Scenarios). */
export function scenarioChartReady(): Promise<unknown> {
  return chartModule;
}

export interface ScenarioBuilderProps {
  scenario: WorkspaceScenario;
  actuals: readonly ActualPoint[];
  /** Where the figures come from, for the chart's source line. */
  sources: FigureSources;
  edit(change: (workspace: Workspace, nowIso: string) => Workspace, coalesceKey?: string): void;
}

const noRows: readonly YearRow[] = [];

const distributionKinds: ReadonlyArray<WorkspaceDistribution['kind']> = ['normal', 'lognormal', 'uniform', 'triangular', 'pert'];

/**
 * The scenario shown: the same object while the workspace's copy differs from it only in
 * modifiedAt, so a commit that only catches up with what the builder already shows re-renders
 * nothing below it.
 */
function useShownScenario(current: WorkspaceScenario): WorkspaceScenario {
  const [shown, setShown] = useState(current);
  const keep = sameButModifiedAt(shown, current);
  if (!keep) setShown(current);
  return keep ? shown : current;
}

/**
 * The chart state with the previous render's series, band and axis objects wherever their numbers
 * are unchanged, so Recharts redraws only what moved (the projection, while a slider drags).
 */
function useUnchangedParts(next: LineChartState): LineChartState {
  const [shown, setShown] = useState(next);
  const merged = useMemo(() => withUnchangedParts(shown, next), [shown, next]);
  if (merged !== shown) setShown(merged);
  return merged;
}

export const ScenarioBuilder = memo(function ScenarioBuilder({ scenario: committed, actuals, sources, edit }: ScenarioBuilderProps) {
  const { t } = useTranslation('scenarios');
  const fm = useFormatters();
  const lang = fm.lang;
  const colours = useChartColours();
  // While a slider moves, the builder shows its own copy at once and the workspace (which
  // re-renders the whole app) follows in a transition. The copy is tied to the workspace
  // scenario it was made from, so any newer workspace state (the commit, undo, another view) wins.
  const [live, setLive] = useState<{ from: WorkspaceScenario; value: WorkspaceScenario } | null>(null);
  // Once the workspace has moved on the copy is dropped, so an undo back to the very object it was made from shows the undone state.
  if (live && live.from !== committed) setLive(null);
  const scenario = useShownScenario(live && live.from === committed ? live.value : committed);
  // The scenario tryEdit last accepted (the engine has checked it): its path is drawn without checking it again.
  const [checked, setChecked] = useState<WorkspaceScenario | null>(null);
  const isChecked = checked !== null && sameButModifiedAt(checked, scenario);
  const monteCarlo = useMonteCarlo(scenario);
  const id = scenario.id;

  // Handlers read the newest scenario without being re-created on every edit, so unchanged fields keep still.
  const latest = useRef(scenario);
  const latestCommitted = useRef(committed);
  useLayoutEffect(() => {
    latest.current = scenario;
    latestCommitted.current = committed;
  });

  const change = useCallback(
    (apply: (s: WorkspaceScenario) => WorkspaceScenario, field: string, coalesce: boolean): string | null => {
      const from = latest.current;
      // The one check of this edit: the builder draws the result and the workspace stores it as it is.
      const outcome = tryEdit(from, apply, field);
      if (!outcome.ok) return issueText(outcome.issue, lang);
      if (outcome.scenario === from) return null;
      const next = outcome.scenario;
      setChecked(next);
      const commit = () =>
        edit((ws, now) => updateScenario(ws, id, (s) => applyCheckedEdit(s, from, next, apply, field), now), coalesce ? `${field}:${id}` : undefined);
      if (coalesce) {
        // A drag step: repaint the builder now, let the rest of the app catch up without blocking the next frame.
        latest.current = next;
        setLive({ from: latestCommitted.current, value: next });
        startTransition(commit);
      } else {
        commit();
      }
      return null;
    },
    [edit, id, lang],
  );

  const commitValue = useCallback(
    (key: string, value: number) => change((s) => withBuilderValue(s, key, value), fieldOfKey(latest.current, key), true),
    [change],
  );

  const [modelError, setModelError] = useState<string | null>(null);
  const unit = scenario.unit;
  const unitText = isUnitCode(unit) ? unitLabel(unit, lang) : unit;
  // English needs no word after a year; Chinese reads “预测至 2030 年”.
  const yearSuffix = lang === 'zh' ? t('unit.year') : '';
  const suffixOf = (kind: ParameterKind) => (kind === 'percent' ? '%' : kind === 'value' ? unitText : kind === 'year' ? yearSuffix : '');

  const path = useMemo(() => (isChecked ? projectionOfChecked(scenario) : projectionOf(scenario)), [scenario, isChecked]);
  const rows = useMemo(() => buildYearRows(scenario, path, actuals, monteCarlo.result), [scenario, path, actuals, monteCarlo.result]);
  // The table and the target analyses (root finding per target) follow at low priority, so a
  // slider step repaints the chart first. They start empty, so the first frame (at start-up or on
  // opening a scenario) is the chart's, and they fill in just after.
  const deferredRows = useDeferredValue(rows, noRows);
  const deferredScenario = useDeferredValue<WorkspaceScenario | null>(scenario, null);
  const freshChart = useMemo(
    () => buildScenarioChartState({ scenario, path, actuals, monteCarlo: monteCarlo.result, sources, lang }),
    [scenario, path, actuals, monteCarlo.result, sources, lang],
  );
  const chartState = useUnchangedParts(freshChart);

  const defs = parameterDefs(scenario);
  const horizon = horizonDef(scenario);
  const uncertainty = scenario.uncertainty;
  const uncertainKey = uncertainKeyOf(scenario);
  const distribution = uncertainty?.distributions[uncertainKey];
  const distSuffix = uncertainKey === 'growthRatePercent' ? '%' : uncertainKey === 'rateShiftPercent' ? t('unit.points') : unitText;
  const notANumber = t('field.notANumber');
  const rateLabel = (key: string): string | null => {
    const parsed = parseBuilderKey(key);
    if (parsed.kind !== 'rate') return null;
    const from = scenario.base.year + parsed.index;
    return t('param.rateOfYear', { from, to: from + 1 });
  };

  return (
    <div className="sc-builder" data-testid="scenario-builder">
      <NameField scenario={scenario} lang={lang} edit={edit} />
      <ChartFrame chartId={chartState.id} state={chartState}>
        {path ? (
          <ChartOfScenario state={chartState} colours={colours} />
        ) : (
          <p className="sc-field-error" role="alert">
            {t('chart.invalid')}
          </p>
        )}
      </ChartFrame>
      <div className="sc-builder-main">
        <div className="sc-controls">
          <fieldset className="sc-panel">
            <legend>{t('builder.model')}</legend>
            <label className="sc-field">
              <span className="sc-field-label">{t('builder.modelKind')}</span>
              <select
                value={scenario.model}
                data-testid="model-select"
                onChange={(event) => setModelError(change((s) => switchModel(s, event.target.value as ModelKind), 'model', false))}
              >
                {MODEL_KINDS.map((model) => (
                  <option key={model} value={model}>
                    {t(`model.${model}`)}
                  </option>
                ))}
              </select>
            </label>
            <p className="sc-field-hint">{t(`modelHint.${scenario.model}`)}</p>
            {modelError ? (
              <p className="sc-field-error" role="alert">
                <span aria-hidden="true">⚠ </span>
                {modelError}
              </p>
            ) : null}
            {defs.map((def) => (
              <ParameterField
                key={def.key}
                testId={builderKeyTestId(def.key)}
                paramKey={def.key}
                label={rateLabel(def.key) ?? t(`param.${def.key}`)}
                suffix={suffixOf(def.kind)}
                value={def.value}
                min={def.min}
                max={def.max}
                step={def.step}
                onCommit={commitValue}
                notANumber={notANumber}
              />
            ))}
            {scenario.model === 'ratePath' ? (
              <div className="sc-row">
                <button type="button" className="button" onClick={() => change((s) => withRatePathLength(s, 1), 'params.ratesPercent', false)}>
                  {t('builder.addYear')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => change((s) => withRatePathLength(s, -1), 'params.ratesPercent', false)}
                  disabled={scenario.params.ratesPercent.length <= 1}
                >
                  {t('builder.removeYear')}
                </button>
              </div>
            ) : null}
            <ParameterField
              testId="param-horizonYear"
              paramKey="horizonYear"
              label={t('param.horizonYear')}
              suffix={t('unit.year')}
              value={horizon.value}
              min={horizon.min}
              max={horizon.max}
              step={1}
              onCommit={commitValue}
              notANumber={notANumber}
            />
          </fieldset>

          <BaseAndTargets scenario={scenario} unitText={unitText} yearSuffix={yearSuffix} commitValue={commitValue} change={change} />

          <fieldset className="sc-panel">
            <legend>{t('uncertainty.title')}</legend>
            <label className="sc-check">
              <input
                type="checkbox"
                checked={Boolean(uncertainty)}
                data-testid="uncertainty-toggle"
                onChange={(event) => change((s) => withUncertaintyEnabled(s, event.target.checked), 'uncertainty', false)}
              />
              {t('uncertainty.enable')}
            </label>
            {uncertainty ? (
              <>
                <p className="sc-field-hint">{t('uncertainty.about', { parameter: t(`uncertainParam.${uncertainKey}`) })}</p>
                <label className="sc-field">
                  <span className="sc-field-label">{t('uncertainty.kind')}</span>
                  <select
                    value={distribution?.kind ?? 'normal'}
                    data-testid="distribution-kind"
                    onChange={(event) => change((s) => withDistributionKind(s, event.target.value as WorkspaceDistribution['kind']), 'uncertainty', false)}
                  >
                    {distributionKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`distribution.${kind}`)}
                      </option>
                    ))}
                  </select>
                </label>
                {distribution
                  ? distributionFields(distribution.kind).map((field) => (
                      <ParameterField
                        key={`${distribution.kind}-${field}`}
                        testId={builderKeyTestId(distributionKey(field))}
                        paramKey={distributionKey(field)}
                        label={t(`distributionField.${field}`)}
                        suffix={distSuffix}
                        value={(distribution as Record<string, number | string>)[field] as number}
                        min={0}
                        max={0}
                        step={uncertainKey === 'growthRatePercent' || uncertainKey === 'rateShiftPercent' ? 0.1 : (defs[0]?.step ?? 1)}
                        slider={false}
                        onCommit={commitValue}
                        notANumber={notANumber}
                      />
                    ))
                  : null}
                <label className="sc-field">
                  <span className="sc-field-label">{t('uncertainty.shockMode')}</span>
                  <select
                    value={uncertainty.shockMode}
                    data-testid="shock-mode"
                    onChange={(event) => change((s) => withShockMode(s, event.target.value as 'perYear' | 'perTrial'), 'uncertainty.shockMode', false)}
                  >
                    <option value="perYear">{t('uncertainty.perYear')}</option>
                    <option value="perTrial">{t('uncertainty.perTrial')}</option>
                  </select>
                </label>
                <ParameterField
                  testId="mc-trials"
                  paramKey="trials"
                  label={t('uncertainty.trials')}
                  suffix=""
                  value={uncertainty.trials}
                  min={1}
                  max={1}
                  step={1000}
                  slider={false}
                  onCommit={commitValue}
                  notANumber={notANumber}
                />
                <ParameterField
                  testId="mc-seed"
                  paramKey="seed"
                  label={t('uncertainty.seed')}
                  suffix=""
                  value={uncertainty.seed}
                  min={0}
                  max={0}
                  step={1}
                  slider={false}
                  onCommit={commitValue}
                  notANumber={notANumber}
                />
              </>
            ) : null}
            <MonteCarloStatus
              status={monteCarlo.status}
              progress={monteCarlo.progress}
              error={monteCarlo.error}
              trials={monteCarlo.result?.trials ?? uncertainty?.trials ?? 0}
            />
          </fieldset>
        </div>
        <div className="sc-results">
          <section className="sc-panel" aria-labelledby={`${id}-targets-title`} aria-busy={deferredScenario === null || undefined}>
            <h3 id={`${id}-targets-title`} className="sc-section-title">
              {t('targets.title')}
            </h3>
            {deferredScenario ? (
              <TargetsSummary scenario={deferredScenario} monteCarlo={monteCarlo.result} monteCarloRunning={monteCarlo.status === 'running'} fm={fm} />
            ) : null}
          </section>
          <YearTable rows={deferredRows} unit={unit} fm={fm} hasBand={deferredRows.some((row) => row.p50 !== undefined)} stale={deferredRows !== rows} />
        </div>
      </div>

      <EnglishNameField scenario={scenario} edit={edit} />
      <NotesField scenario={scenario} edit={edit} />
    </div>
  );
});

function ChartOfScenario(props: ScenarioChartProps) {
  const { t } = useTranslation('scenarios');
  const [Chart, setChart] = useState<ScenarioChartComponent | null>(() => loadedChart);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Chart) return;
    let current = true;
    chartModule.then(
      (component) => current && setChart(() => component),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [Chart]);
  if (Chart) return <Chart {...props} />;
  return (
    <div className="sc-chart sc-chart-loading" role={failed ? 'alert' : 'status'}>
      {t(failed ? 'chart.loadFailed' : 'chart.loading')}
    </div>
  );
}

const MonteCarloStatus = memo(function MonteCarloStatus({
  status,
  progress,
  error,
  trials,
}: {
  status: 'off' | 'running' | 'done' | 'error';
  progress: number;
  error: string | null;
  trials: number;
}) {
  const { t } = useTranslation('scenarios');
  const fm = useFormatters();
  if (status === 'off')
    return (
      <p className="sc-muted" data-testid="mc-status" data-status="off">
        {t('uncertainty.off')}
      </p>
    );
  if (status === 'error')
    return (
      <p className="sc-field-error" role="alert" data-testid="mc-status" data-status="error">
        <span aria-hidden="true">⚠ </span>
        {t('uncertainty.failed', { error })}
      </p>
    );
  if (status === 'running')
    return (
      <p className="sc-mc-status" role="status" data-testid="mc-status" data-status="running">
        <span aria-hidden="true">⏳ </span>
        {t('uncertainty.running', { percent: fm.percent(fractionToPercent(progress), 0) })}
        <progress max={1} value={progress} aria-label={t('uncertainty.progress')} />
      </p>
    );
  return (
    <p className="sc-mc-status" role="status" data-testid="mc-status" data-status="done">
      <span aria-hidden="true">✓ </span>
      {t('uncertainty.done', { trials: fm.number(trials, 0) })}
    </p>
  );
});

/**
 * A text field that commits on Enter or when it loses focus and goes back on Escape. `shown` is
 * what the scenario says now; a commit that changes nothing shows it again.
 */
function CommitField({
  shown,
  label,
  className,
  testId,
  placeholder,
  commit,
}: {
  shown: string;
  label: string;
  className: string;
  testId: string;
  placeholder?: string;
  commit(text: string): void;
}) {
  const [draft, setDraft] = useState({ text: shown, forShown: shown });
  if (draft.forShown !== shown) setDraft({ text: shown, forShown: shown });
  const done = () => {
    if (draft.text.trim() !== shown.trim()) commit(draft.text);
    setDraft({ text: shown, forShown: shown });
  };
  return (
    <label className={className}>
      <span className="sc-field-label">{label}</span>
      <input
        type="text"
        value={draft.text}
        data-testid={testId}
        maxLength={maxNameLength}
        placeholder={placeholder}
        onChange={(event) => setDraft({ text: event.target.value, forShown: shown })}
        onBlur={done}
        onKeyDown={(event) => {
          if (event.key === 'Enter') done();
          if (event.key === 'Escape') setDraft({ text: shown, forShown: shown });
        }}
      />
    </label>
  );
}

/** The scenario's name as the title shows it; what the user types is the name in both languages (shared/units/names.ts). */
function NameField({ scenario, lang, edit }: { scenario: WorkspaceScenario; lang: Lang; edit: ScenarioBuilderProps['edit'] }) {
  const { t } = useTranslation('scenarios');
  return (
    <CommitField
      shown={localName(scenario, lang)}
      label={t('builder.name')}
      className="sc-name"
      testId="scenario-name"
      commit={(text) => edit((ws, now) => renameScenario(ws, scenario.id, text, now))}
    />
  );
}

/** The English name, when the user wants English to read otherwise than the name; blank: English shows the name. */
function EnglishNameField({ scenario, edit }: { scenario: WorkspaceScenario; edit: ScenarioBuilderProps['edit'] }) {
  const { t } = useTranslation('scenarios');
  return (
    <CommitField
      shown={scenario.nameEn ?? ''}
      label={t('builder.nameEn')}
      className="sc-name-en"
      testId="scenario-name-en"
      placeholder={scenario.name}
      commit={(text) => edit((ws, now) => nameScenario(ws, scenario.id, { kind: 'translation', text }, now))}
    />
  );
}

function NotesField({ scenario, edit }: { scenario: WorkspaceScenario; edit: ScenarioBuilderProps['edit'] }) {
  const { t } = useTranslation('scenarios');
  return (
    <label className="sc-notes">
      <span className="sc-section-title">{t('builder.notes')}</span>
      <textarea
        value={scenario.notes}
        rows={4}
        maxLength={20_000}
        data-testid="scenario-notes"
        onChange={(event) => {
          const notes = event.target.value;
          edit((ws, now) => updateScenario(ws, scenario.id, (s) => (s.notes === notes ? s : { ...s, notes }), now), `notes:${scenario.id}`);
        }}
      />
    </label>
  );
}
