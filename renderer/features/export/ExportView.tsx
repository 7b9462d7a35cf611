import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatValue, fractionToPercent, langOf, localName } from '../../../shared/units';
import type { WorkspaceScenario } from '../../../shared/workspace';
import { useCommandButton } from '../../app/commands/CommandButton';
import { shortcutTexts } from '../../app/commands/shortcut-text';
import { useMonteCarlo, type MonteCarloState } from '../../app/results/useMonteCarlo';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import { isWorking } from './export-state';
import { ExportStatusBody } from './ExportProgress';
import { useExcelExport } from './useExcelExport';
import './export.css';

/**
 * Reads one scenario's Monte Carlo from the results store (starting its run if nobody has) and reports
 * it upwards, for the list below; hooks cannot run in a loop. The export itself awaits the store,
 * so it does not depend on this view having been open.
 */
function MonteCarloProbe({ scenario, onState }: { scenario: WorkspaceScenario; onState: (id: string, state: MonteCarloState) => void }) {
  const { status, result, progress, error } = useMonteCarlo(scenario);
  useEffect(() => {
    onState(scenario.id, { status, result, progress, error });
  }, [scenario.id, status, result, progress, error, onState]);
  return null;
}

const STATUS_ICON: Readonly<Record<MonteCarloState['status'], string>> = { done: '✓', running: '…', error: '⚠', off: '–' };

export function ExportView() {
  const { t, i18n } = useTranslation('export');
  const { workspace } = useWorkspace();
  const { status } = useExcelExport();
  // The button runs the registry command 'exportExcel' (the one Ctrl+E and the menu run).
  const exportCommand = useCommandButton('exportExcel').props;
  const lang = langOf(i18n.language);
  const [monteCarlo, setMonteCarlo] = useState<ReadonlyMap<string, MonteCarloState>>(new Map());
  const reportState = useCallback((id: string, state: MonteCarloState) => {
    setMonteCarlo((previous) => {
      const old = previous.get(id);
      if (old && old.status === state.status && old.result === state.result && old.progress === state.progress && old.error === state.error) return previous;
      return new Map(previous).set(id, state);
    });
  }, []);

  const uncertain = workspace.scenarios.filter((scenario) => scenario.uncertainty !== undefined);
  const ready = uncertain.filter((scenario) => monteCarlo.get(scenario.id)?.status === 'done').length;
  const working = isWorking(status.phase);
  const empty = workspace.scenarios.length === 0;

  return (
    <section aria-labelledby="view-export-title" className="export-view">
      <h2 id="view-export-title" className="view-title">
        {t('title')}
      </h2>
      <p className="view-intro">{t('intro')}</p>
      {uncertain.map((scenario) => (
        <MonteCarloProbe key={scenario.id} scenario={scenario} onState={reportState} />
      ))}
      {empty ? (
        <div className="empty-state" role="status">
          {t('empty')}
        </div>
      ) : (
        <div className="export-card">
          <h3>{t('excelTitle')}</h3>
          <p>{t('excelDescription')}</p>
          <p className="export-muted">{t('languageNote')}</p>
          <p>{t('summary', { count: workspace.scenarios.length })}</p>
          <div className="export-actions">
            <button
              type="button"
              className="button primary export-button"
              data-testid="export-excel-button"
              {...exportCommand}
              aria-busy={working}
              aria-describedby="export-shortcut export-status-region"
            >
              <span aria-hidden="true">⤓</span> {working ? t('buttonBusy') : t('button')}
            </button>
            <span id="export-shortcut" className="export-muted">
              {t('shortcut', { keys: shortcutTexts('exportExcel').join(' / ') })}
            </span>
          </div>
          <div id="export-status-region" role="status" aria-live="polite" className="export-status-region">
            <ExportStatusBody status={status} />
          </div>
          <h3>{t('monteCarloTitle')}</h3>
          {uncertain.length === 0 ? (
            <p className="export-muted">{t('monteCarloNone')}</p>
          ) : (
            <>
              <p>{t('monteCarloReady', { ready, total: uncertain.length })}</p>
              <ul className="export-mc-list" data-testid="export-mc-list">
                {uncertain.map((scenario) => {
                  const state = monteCarlo.get(scenario.id);
                  const mcStatus = state?.status ?? 'running';
                  const label =
                    mcStatus === 'running'
                      ? t('mcStatus.running', { percent: formatValue(fractionToPercent(state?.progress ?? 0), 'percent', lang, { maxDecimals: 0 }) })
                      : mcStatus === 'error'
                        ? t('mcStatus.error', { message: state?.error ?? '' })
                        : t(`mcStatus.${mcStatus}`);
                  return (
                    <li key={scenario.id} className={`export-mc-${mcStatus}`}>
                      <span aria-hidden="true">{STATUS_ICON[mcStatus]}</span> {localName(scenario, lang)} — {label}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
