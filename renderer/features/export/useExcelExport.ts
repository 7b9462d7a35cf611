/**
 * The Excel export action, shared by the Export view and the Ctrl+E / menu command. The workbook
 * builder (and with it exceljs) is imported on first use, so it is not part of the initial bundle.
 */
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { EngineError } from '../../../shared/engine/issues';
import { useCommand } from '../../app/commands/hooks';
import { useNotify } from '../../app/notifications';
import { getPlatform } from '../../platform';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import { getExportStatus, isWorking, monteCarloFor, setExportStatus, subscribeExportStatus, suggestedWorkbookName, type ExportStatus } from './export-state';

/**
 * The chart on screen (the first chart frame in the current view), as a 2× PNG for the workbook's
 * Chart sheet; `undefined` when the view shows no chart or the image cannot be made — the
 * workbook is still worth having without it.
 */
async function currentChartPng(): Promise<Uint8Array | undefined> {
  const figure = document.querySelector<HTMLElement>('#main figure.chart-frame[data-chart-id]');
  if (!figure) return undefined;
  try {
    const { renderFramePng } = await import('../charts/export/render-image');
    const text = (selector: string) => figure.querySelector(selector)?.textContent?.trim() ?? '';
    const blob = await renderFramePng(
      figure,
      { title: text('.chart-frame-title'), subtitle: text('.chart-frame-subtitle'), source: text('.chart-frame-source') },
      { kind: 'scale', scale: 2 },
    );
    return new Uint8Array(await blob.arrayBuffer());
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
    const lang = i18n.language === 'en' ? 'en' : 'zh';
    const current = latest.current;
    const now = new Date();
    try {
      setExportStatus({ phase: 'loading', fileName: null, error: null });
      const { buildScenarioWorkbook } = await import('../../../shared/workbook/build');
      const chartPng = await currentChartPng();
      setExportStatus({ phase: 'building', fileName: null, error: null });
      const bytes = await buildScenarioWorkbook({
        ...(chartPng ? { chartPng } : {}),
        workspace: current,
        lang,
        appVersion: __APP_VERSION__,
        exportedAt: now.toISOString(),
        monteCarlo: monteCarloFor(current.scenarios.map((scenario) => scenario.id)),
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
      const details =
        error instanceof EngineError ? error.issues.map((issue) => (lang === 'en' ? issue.message : issue.messageZh)) : [error instanceof Error ? error.message : String(error)];
      setExportStatus({ phase: 'error', fileName: null, error: details.join('; ') });
      notify('error', t('notifyFailed'), details);
    }
  }, [i18n.language, notify, t]);

  return { status, exportWorkbook };
}

/** Provides the registry command 'exportExcel' (Ctrl+E, the menu, the palette, the Export view's button) while mounted. */
export function useExcelExportCommand(): void {
  const { status, exportWorkbook } = useExcelExport();
  useCommand('exportExcel', () => void exportWorkbook(), { enabled: !isWorking(status.phase) });
}

/** Mount once inside the WorkspaceProvider (e.g. in App) to make Ctrl+E and the menu export to Excel. */
export function ExcelExportCommand(): null {
  useExcelExportCommand();
  return null;
}
