/**
 * The presentation's home: charts of the baseline scenario to start from, the list of saved
 * views in the order they will be shown, and the button that starts presenting. The two charts
 * are built as state (shared/charts/presentation-charts.ts), which the screen draws thinly and
 * presentation mode and the exports draw from.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';
import type { LineChartState } from '../../../shared/charts/chart-state';
import { baselineIncreaseState, baselinePathState, type BaselineChartInput } from '../../../shared/charts/presentation-charts';
import { projectScenario } from '../../../shared/engine';
import { inLang, isUnitCode, localName, unitLabel } from '../../../shared/units';
import { CommandButton } from '../../app/commands/CommandButton';
import { useFormatters } from '../../i18n/format';
import { ChartFrame } from '../charts/ChartFrame';
import { useAxisStyle } from '../charts/axis-style';
import { chartTextSizes } from '../../../shared/charts/chart-text';
import { useChartColours, type ChartColours } from '../charts/chart-colours';
import { LineChartView, colourOf } from '../charts/LineChartView';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import { useFigureSources } from '../../app/workspace/useFigureSources';
import { presentationText } from './i18n';
import { usePresentation } from './presentation-context';
import './presentation.css';

const chartHeight = 300;
const barMargin = { top: 24, right: 24, bottom: 8, left: 8 };

/** The label of a tick from the state (ticks and labels are parallel arrays). */
function tickLabeller(axis: LineChartState['x']): (value: number) => string {
  return (value) => axis.tickLabels[axis.ticks.indexOf(value)] ?? '';
}

/** The increase chart on screen: Recharts bars over the state's years, with the state's ticks and labels. */
const StateBarChart = memo(function StateBarChart({ state, colours }: { state: LineChartState; colours: ChartColours }) {
  const series = state.series[0];
  const style = useAxisStyle(colours);
  const data = useMemo(() => (series ? series.points.map((point) => ({ x: point.x, y: point.y })) : []), [series]);
  const xTick = useMemo(() => tickLabeller(state.x), [state.x]);
  const yTick = useMemo(() => tickLabeller(state.y), [state.y]);
  if (!series) return null;
  return (
    <BarChart data={data} responsive style={{ width: '100%', height: chartHeight }} margin={barMargin} aria-label={state.title}>
      <CartesianGrid stroke={colours.grid} strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="x"
        type="number"
        domain={[...state.x.domain]}
        ticks={[...state.x.ticks]}
        interval={0}
        tickFormatter={xTick}
        stroke={style.stroke}
        tick={style.tick}
      />
      <YAxis width={72} domain={[...state.y.domain]} ticks={[...state.y.ticks]} interval={0} tickFormatter={yTick} stroke={style.stroke} tick={style.tick} />
      <Bar dataKey="y" name={inLang(series.name, state.lang)} fill={colourOf(series.colour, colours)} isAnimationActive={false} />
      <Legend wrapperStyle={{ color: colours.text, fontSize: chartTextSizes.legend }} />
    </BarChart>
  );
});

export function PresentationPanel() {
  const { t } = useTranslation('presentation');
  const format = useFormatters();
  const colours = useChartColours();
  const { workspace } = useWorkspace();
  const sources = useFigureSources();
  const presentation = usePresentation();
  const baseline = workspace.scenarios.find((s) => s.id === workspace.baselineScenarioId) ?? workspace.scenarios[0] ?? null;
  const lang = format.lang;

  const path = useMemo(() => {
    if (!baseline) return null;
    try {
      return projectScenario(baseline);
    } catch {
      return null;
    }
  }, [baseline]);

  const name = baseline ? localName(baseline, lang) : '';
  const charts = useMemo(() => {
    if (!baseline || !path || path.values.length === 0) return null;
    const indicator = inLang(baseline.indicatorName, lang);
    const unit = isUnitCode(baseline.unit) ? unitLabel(baseline.unit, lang) : baseline.unit;
    const years = `${path.startYear}–${path.startYear + path.values.length - 1}`;
    const input = (title: string, subtitle: string): BaselineChartInput => ({
      lang,
      scenario: baseline,
      path,
      text: { title, subtitle, xTitle: t('axisYear'), yTitle: unit },
      sources,
    });
    return {
      path: baselinePathState(input(t('pathTitle', { indicator }), t('pathSubtitle', { name, years, unit }))),
      increase: baselineIncreaseState({
        ...input(t('increaseTitle', { indicator }), t('increaseSubtitle', { name, unit })),
        // Both languages, so a view saved in one language still names its bars in the other.
        increaseName: { zh: presentationText.zh.increaseSeries, en: presentationText.en.increaseSeries },
      }),
    };
  }, [baseline, path, lang, name, t, sources]);

  return (
    <section className="presentation-panel" aria-labelledby="presentation-panel-title">
      <h3 id="presentation-panel-title">{t('panelTitle')}</h3>
      <p className="view-intro">{t('panelIntro')}</p>
      {!baseline ? (
        <p className="empty-state">{t('noBaseline')}</p>
      ) : !charts ? (
        <p className="empty-state" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t('baselineInvalid', { name })}
        </p>
      ) : (
        <div className="presentation-panel-charts">
          <ChartFrame chartId={charts.path.id} state={charts.path}>
            <LineChartView state={charts.path} colours={colours} height={chartHeight} />
          </ChartFrame>
          <ChartFrame chartId={charts.increase.id} state={charts.increase}>
            <StateBarChart state={charts.increase} colours={colours} />
          </ChartFrame>
        </div>
      )}
      {presentation ? (
        <div className="presentation-panel-saved">
          <h4>{t('savedTitle', { count: presentation.savedViews.length })}</h4>
          {presentation.savedViews.length === 0 ? (
            <p className="empty-state">{t('savedEmpty')}</p>
          ) : (
            <ol data-testid="saved-views">
              {presentation.savedViews.map((view) => (
                <li key={view.id}>
                  <span>{view.state.title}</span>
                  <button type="button" className="button" onClick={() => presentation.toggleSavedView(view.id, view.state)}>
                    {t('remove')}
                  </button>
                </li>
              ))}
            </ol>
          )}
          <CommandButton command="presentation" className="button primary">
            <span aria-hidden="true">▶ </span>
            {t('start')}
          </CommandButton>
        </div>
      ) : null}
    </section>
  );
}
