/**
 * The presentation's home: a chart of the baseline scenario to start from, the list of saved
 * views in the order they will be shown, and the button that starts presenting.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { projectScenario } from '../../../shared/engine';
import { unitLabel, isUnitCode } from '../../../shared/units';
import { CommandButton } from '../../app/commands/CommandButton';
import { useFormatters } from '../../i18n/format';
import { ChartFrame } from '../charts/ChartFrame';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import { usePresentation } from './presentation-context';
import './presentation.css';

interface YearPoint {
  year: number;
  value: number;
  increase: number | null;
}

// Colours come from the theme's variables, so exported images redraw them in the light theme.
const axisProps = { stroke: 'var(--text-muted)', tick: { fill: 'var(--text-muted)', fontSize: 12 } } as const;

export function PresentationPanel() {
  const { t } = useTranslation('presentation');
  const format = useFormatters();
  const { workspace } = useWorkspace();
  const presentation = usePresentation();
  const baseline = workspace.scenarios.find((s) => s.id === workspace.baselineScenarioId) ?? workspace.scenarios[0] ?? null;

  const points = useMemo<YearPoint[] | null>(() => {
    if (!baseline) return null;
    try {
      const path = projectScenario(baseline);
      return Array.from(path.values, (value, index) => {
        const previous = index > 0 ? path.values[index - 1] : undefined;
        return { year: path.startYear + index, value, increase: previous === undefined ? null : value - previous };
      });
    } catch {
      return null;
    }
  }, [baseline]);

  const name = baseline ? (format.lang === 'en' && baseline.nameEn ? baseline.nameEn : baseline.name) : '';
  const indicator = baseline ? (format.lang === 'en' && baseline.indicatorName.en ? baseline.indicatorName.en : baseline.indicatorName.zh) : '';
  const unit = baseline ? (isUnitCode(baseline.unit) ? unitLabel(baseline.unit, format.lang) : baseline.unit) : '';
  const years = points && points.length > 0 ? `${points[0]?.year ?? ''}–${points.at(-1)?.year ?? ''}` : '';

  return (
    <section className="presentation-panel" aria-labelledby="presentation-panel-title">
      <h3 id="presentation-panel-title">{t('panelTitle')}</h3>
      <p className="view-intro">{t('panelIntro')}</p>
      {!baseline ? (
        <p className="empty-state">{t('noBaseline')}</p>
      ) : !points ? (
        <p className="empty-state" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t('baselineInvalid', { name })}
        </p>
      ) : (
        <div className="presentation-panel-charts">
          <ChartFrame
            chartId="baseline-path"
            title={t('pathTitle', { indicator })}
            subtitle={t('pathSubtitle', { name, years, unit })}
            provenance={{ scenarioNames: [name] }}
          >
            <LineChart data={points} responsive style={{ width: '100%', height: 300 }} margin={{ top: 12, right: 24, bottom: 8, left: 8 }}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="year" {...axisProps} />
              <YAxis {...axisProps} width={72} tickFormatter={(v: number) => format.axisTick(v, baseline.unit)} />
              <Line type="monotone" dataKey="value" name={indicator} stroke="var(--accent)" strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} />
            </LineChart>
          </ChartFrame>
          <ChartFrame
            chartId="baseline-increase"
            title={t('increaseTitle', { indicator })}
            subtitle={t('increaseSubtitle', { name, unit })}
            provenance={{ scenarioNames: [name] }}
          >
            <BarChart data={points.slice(1)} responsive style={{ width: '100%', height: 300 }} margin={{ top: 12, right: 24, bottom: 8, left: 8 }}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="year" {...axisProps} />
              <YAxis {...axisProps} width={72} tickFormatter={(v: number) => format.axisTick(v, baseline.unit)} />
              <Bar dataKey="increase" name={t('increaseSeries')} fill="var(--accent)" isAnimationActive={false} />
            </BarChart>
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
                  <span>{view.title}</span>
                  <button type="button" className="button" onClick={() => presentation.toggleSavedView(view.id, null, view)}>
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
