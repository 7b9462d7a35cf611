import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  analyzeTarget,
  EngineError,
  targetVerdict,
  VERDICT_ICONS,
  verdictName,
  type MonteCarloResult,
  type ParameterKey,
  type TargetAnalysis,
  type TargetVerdict,
} from '../../../shared/engine';
import { fractionToPercent, inLang } from '../../../shared/units';
import type { WorkspaceScenario } from '../../../shared/workspace';
import type { Formatters } from '../../i18n/format';
import { specOf } from './scenario-form';

export interface TargetsSummaryProps {
  scenario: WorkspaceScenario;
  monteCarlo: MonteCarloResult | null;
  monteCarloRunning: boolean;
  fm: Formatters;
}

function assumedValue(scenario: WorkspaceScenario, parameter: ParameterKey): number {
  switch (scenario.model) {
    case 'cagr':
      return scenario.params.growthRatePercent;
    case 'ratePath':
      return 0;
    case 'linear':
      return scenario.params.incrementPerYear;
    case 'logistic':
      return parameter === 'ceiling' ? scenario.params.ceiling : scenario.params.growthRatePercent;
    case 'targetPath':
      return scenario.params.targetValue;
  }
}

const VERDICT_CLASS: Readonly<Record<TargetVerdict, string>> = {
  onTrack: 'sc-status-ok',
  atRisk: 'sc-status-warn',
  offTrack: 'sc-status-bad',
  unreachable: 'sc-status-bad',
};

/** Each target of the scenario: what growth it needs against what is assumed, the gap, when it is reached, and how likely. */
export const TargetsSummary = memo(function TargetsSummary({ scenario, monteCarlo, monteCarloRunning, fm }: TargetsSummaryProps) {
  const { t } = useTranslation('scenarios');
  const analyses = useMemo(() => {
    try {
      return scenario.targets.map((target) => analyzeTarget(specOf(scenario), target));
    } catch (error) {
      if (error instanceof EngineError) return null;
      throw error;
    }
  }, [scenario]);

  if (scenario.targets.length === 0) {
    return (
      <p className="sc-muted" data-testid="targets-empty">
        {t('targets.none')}
      </p>
    );
  }
  if (!analyses) return <p className="sc-muted">{t('targets.invalid')}</p>;

  const growthText = (parameter: ParameterKey, value: number): string => {
    if (parameter === 'growthRatePercent') return t('targets.perYear', { value: fm.percent(value, 2) });
    if (parameter === 'rateShiftPercent') return t('targets.shift', { value: `${value >= 0 ? '+' : ''}${fm.number(value, 2)}` });
    if (parameter === 'incrementPerYear') return t('targets.incrementPerYear', { value: fm.value(value, scenario.unit) });
    return t('targets.pathTarget', { value: fm.value(value, scenario.unit) });
  };
  const simulated = (analysis: TargetAnalysis) => monteCarlo?.targets.find((p) => p.year === analysis.year && p.value === analysis.value);
  const probabilityOf = (analysis: TargetAnalysis): string => {
    const found = simulated(analysis);
    if (found)
      return t('targets.probability', {
        value: fm.percent(fractionToPercent(found.probability), 1),
        se: fm.percent(fractionToPercent(found.standardError), 1),
      });
    if (monteCarloRunning) return t('targets.probabilityRunning');
    return scenario.uncertainty ? '—' : t('targets.probabilityOff');
  };

  return (
    <table className="sc-table sc-targets" data-testid="targets-summary">
      <caption className="visually-hidden">{t('targets.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('targets.target')}</th>
          <th scope="col">{t('targets.required')}</th>
          <th scope="col">{t('targets.assumed')}</th>
          <th scope="col">{t('targets.gap')}</th>
          <th scope="col">{t('targets.firstYear')}</th>
          <th scope="col">{t('targets.chance')}</th>
        </tr>
      </thead>
      <tbody>
        {analyses.map((analysis, index) => {
          const required = analysis.requiredGrowth;
          // The engine's one verdict, with the simulated probability when there is one, as the Targets view shows it.
          const verdict = targetVerdict(analysis, simulated(analysis)?.probability ?? null);
          return (
            <tr key={index} data-testid={`target-row-${analysis.year}`}>
              <th scope="row">
                {t('targets.targetLabel', { year: analysis.year, value: fm.value(analysis.value, scenario.unit) })}
                <br />
                <span className={VERDICT_CLASS[verdict]} data-testid="target-verdict" data-verdict={verdict}>
                  <span aria-hidden="true">{VERDICT_ICONS[verdict]} </span>
                  {verdictName(verdict, fm.lang)}
                </span>
              </th>
              <td>
                {required.status === 'reachable' ? (
                  <>
                    {growthText(required.parameter, required.value)}
                    {required.parameter !== 'growthRatePercent' ? (
                      <span className="sc-muted"> {t('targets.implied', { value: fm.percent(required.impliedCagrPercent, 2) })}</span>
                    ) : null}
                  </>
                ) : (
                  <span className="sc-status-bad" data-testid="target-unreachable">
                    <span aria-hidden="true">⚠ </span>
                    {t('targets.unreachable', { reason: inLang({ zh: required.reasonZh, en: required.reason }, fm.lang) })}
                  </span>
                )}
              </td>
              <td>{required.status === 'reachable' ? growthText(required.parameter, assumedValue(scenario, required.parameter)) : '—'}</td>
              <td>
                {fm.value(analysis.projected, scenario.unit)}
                <br />
                <span className="sc-muted">
                  {t('targets.gapValue', {
                    sign: analysis.gap >= 0 ? '+' : '−',
                    value: fm.value(Math.abs(analysis.gap), scenario.unit),
                    percent: fm.percent(analysis.gapPercent, 1),
                  })}
                </span>
              </td>
              <td>{analysis.firstYearReached ?? t('targets.notReached')}</td>
              <td>{probabilityOf(analysis)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
