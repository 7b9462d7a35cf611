/**
 * Where the Excel export says how far it is: in the Export view's card, and — whichever other view
 * is open when Ctrl+E or the menu starts an export — in a small panel at the bottom of the window,
 * so a wait for simulations is never silent.
 */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { canCancel, cancelExport, exportProgress, getExportStatus, isWorking, subscribeExportStatus, type ExportStatus } from './export-state';
import './export-progress.css';

export function StatusLine({ status }: { status: ExportStatus }) {
  const { t } = useTranslation('export');
  const icon = status.phase === 'done' ? '✓' : status.phase === 'error' ? '⚠' : isWorking(status.phase) ? '⏳' : 'ℹ';
  const text =
    status.phase === 'done'
      ? t('status.done', { file: status.fileName ?? '' })
      : status.phase === 'error'
        ? t('status.error', { message: status.error ?? '' })
        : status.phase === 'simulating'
          ? t('status.simulating', { done: status.simulation?.done ?? 0, total: status.simulation?.total ?? 0 })
          : t(`status.${status.phase}`);
  return (
    <p className={`export-status export-status-${status.phase}`} data-testid="export-status">
      <span aria-hidden="true" className="export-status-icon">
        {icon}
      </span>{' '}
      {text}
    </p>
  );
}

/** The progress bar (while working), the status line, and Cancel while the export waits for simulations. */
export function ExportStatusBody({ status }: { status: ExportStatus }) {
  const { t } = useTranslation('export');
  return (
    <>
      {isWorking(status.phase) ? <progress className="export-progress" max={1} value={exportProgress(status)} aria-label={t('progressLabel')} /> : null}
      <div className="export-status-row">
        <StatusLine status={status} />
        {canCancel(status.phase) ? (
          <button type="button" className="button export-cancel" data-testid="export-cancel" aria-label={t('cancelLabel')} onClick={cancelExport}>
            {t('cancel')}
          </button>
        ) : null}
      </div>
    </>
  );
}

/** The panel shown outside the Export view while an export works; it goes once the export ends (a notification says how). */
export function ExportProgressIndicator() {
  const { t } = useTranslation('export');
  const status = useSyncExternalStore(subscribeExportStatus, getExportStatus);
  if (!isWorking(status.phase)) return null;
  return (
    <section className="export-indicator" role="status" aria-live="polite" aria-label={t('indicatorTitle')} data-testid="export-progress">
      <ExportStatusBody status={status} />
    </section>
  );
}
