/**
 * The Excel export action, shared by the Export view and the Ctrl+E / menu command. The workbook
 * builder (and with it exceljs) is imported on first use, so it is not part of the initial bundle.
 * The Monte Carlo results come from the one results store, awaited whichever view is open.
 */
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { scenarioChartStateFor } from '../../../shared/charts/scenario-chart';
import type { MonteCarloResult } from '../../../shared/engine';
import { EngineError } from '../../../shared/engine/issues';
import { inLang, langOf, localTimestamp, type Lang } from '../../../shared/units';
import type { Workspace } from '../../../shared/workspace';
import { useCommand } from '../../app/commands/hooks';
import { useNotify } from '../../app/notifications';
import { awaitMonteCarlo, MonteCarloRunError } from '../../app/results/monte-carlo-store';
import { getPlatform } from '../../platform';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import {
  beginExport,
  endExport,
  getExportStatus,
  isWorking,
  setExportStatus,
  subscribeExportStatus,
  suggestedWorkbookName,
  type ExportStatus,
} from './export-state';

/**
 * The workbook's Chart sheet, drawn from chart state, never read from the screen: the chart of the
 * baseline scenario (the one the Cover sheet marks as the baseline, and the Export view presents),
 * or of the first scenario, which the Cover and Projections sheets lead with, when there is no
 * baseline, with its Monte Carlo band when it has one. A 2× PNG; `undefined` when there is no
 * scenario or the image cannot be made — the workbook is still worth having without it.
 */
async function chartPngOf(workspace: Workspace, monteCarlo: ReadonlyMap<string, MonteCarloResult>, lang: Lang): Promise<Uint8Array | undefined> {
  const scenario = workspace.scenarios.find((s) => s.id === workspace.baselineScenarioId) ?? workspace.scenarios[0];
  if (!scenario) return undefined;
  try {
    const state = scenarioChartStateFor(workspace, scenario.id, monteCarlo.get(scenario.id) ?? null, lang);
    const { renderChartPng } = await import('../charts/export/render-image');
    return await renderChartPng(state, 'x2');
  } catch {
    return undefined;
  }
}

export interface ExcelExport {
  readonly status: ExportStatus;
  exportWorkbook(): Promise<void>;
}

export function useExcelExport(): ExcelExport {
  const { t, i18n } = useTranslation('export');
  const notify = useNotify();
  const { workspace } = useWorkspace();
  // The command handler is registered once; it must still export the newest workspace.
  const latest = useRef(workspace);
  useEffect(() => {
    latest.current = workspace;
  }, [workspace]);
  const status = useSyncExternalStore(subscribeExportStatus, getExportStatus);

  const exportWorkbook = useCallback(async () => {
    if (isWorking(getExportStatus().phase)) return;
    const lang = langOf(i18n.language);
    const current = latest.current;
    const now = new Date();
    const signal = beginExport();
    try {
      setExportStatus({ phase: 'loading', fileName: null, error: null });
      const { buildScenarioWorkbook } = await import('../../../shared/workbook/build');
      // Runs what the store does not have yet (or joins runs a view started); reports only when it has to wait.
      const monteCarlo = await awaitMonteCarlo(current.scenarios, {
        signal,
        onProgress: (simulation) => setExportStatus({ phase: 'simulating', fileName: null, error: null, simulation }),
      });
      setExportStatus({ phase: 'building', fileName: null, error: null });
      const chartPng = await chartPngOf(current, monteCarlo, lang);
      const bytes = await buildScenarioWorkbook({
        ...(chartPng ? { chartPng } : {}),
        workspace: current,
        lang,
        appVersion: __APP_VERSION__,
        // The analyst's clock with its offset (the cover shows it as written), not UTC.
        exportedAt: localTimestamp(now),
        monteCarlo: Object.fromEntries(monteCarlo),
      });
      setExportStatus({ phase: 'saving', fileName: null, error: null });
      const saved = await getPlatform().saveExport({ suggestedName: suggestedWorkbookName(current.name, t('fileNamePrefix'), now), kind: 'xlsx', bytes });
      if (!saved.saved) {
        setExportStatus({ phase: 'cancelled', fileName: null, error: null });
        return;
      }
      const fileName = saved.fileName ?? '';
      setExportStatus({ phase: 'done', fileName, error: null });
      notify('success', t('notifySaved', { file: fileName }));
    } catch (error) {
      if (signal.aborted) {
        setExportStatus({ phase: 'cancelled', fileName: null, error: null });
        return;
      }
      const details =
        error instanceof EngineError
          ? error.issues.map((issue) => inLang({ zh: issue.messageZh, en: issue.message }, lang))
          : error instanceof MonteCarloRunError
            ? [inLang({ zh: error.messageZh, en: error.message }, lang)]
            : [error instanceof Error ? error.message : String(error)];
      setExportStatus({ phase: 'error', fileName: null, error: details.join('; ') });
      notify('error', t('notifyFailed'), details);
    } finally {
      endExport(signal);
    }
  }, [i18n.language, notify, t]);

  return { status, exportWorkbook };
}

/** Provides the registry command 'exportExcel' (Ctrl+E, the menu, the palette, the Export view's button) while mounted. */
export function useExcelExportCommand(): void {
  const { status, exportWorkbook } = useExcelExport();
  useCommand('exportExcel', () => void exportWorkbook(), { enabled: !isWorking(status.phase) });
}
