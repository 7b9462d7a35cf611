import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from './WorkspaceProvider';

const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** File commands and undo/redo, with the open workspace's name and its unsaved mark. */
export function WorkspaceToolbar({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const title = ws.entry?.name ?? ws.workspace.name ?? t('workspace.untitled');
  return (
    <div className="workspace-toolbar" role="toolbar" aria-label={t('workspace.toolbarLabel')}>
      <span className="workspace-name" data-testid="workspace-name" title={title}>
        {ws.dirty ? (
          <span className="dirty-mark" aria-label={t('workspace.unsaved')} title={t('workspace.unsaved')} data-testid="unsaved-mark">
            ●
          </span>
        ) : null}
        {title}
      </span>
      <button type="button" className="button" onClick={ws.newWorkspace} aria-keyshortcuts="Control+N" title={`${t('workspace.new')} (${mod}N)`}>
        {t('workspace.new')}
      </button>
      <button type="button" className="button" onClick={() => void ws.openWorkspace()} aria-keyshortcuts="Control+O" title={`${t('workspace.open')} (${mod}O)`}>
        {t('workspace.open')}
      </button>
      <button type="button" className="button" onClick={() => void ws.save()} aria-keyshortcuts="Control+S" title={`${t('workspace.save')} (${mod}S)`}>
        {t('workspace.save')}
      </button>
      <button type="button" className="button" onClick={() => void ws.saveAs()} aria-keyshortcuts="Control+Shift+S" title={`${t('workspace.saveAs')} (${mod}Shift+S)`}>
        {t('workspace.saveAs')}
      </button>
      <label className="recent-select">
        <span className="visually-hidden">{t('workspace.recent')}</span>
        <select
          value=""
          onChange={(event) => {
            if (event.target.value) void ws.openRecent(event.target.value);
          }}
        >
          <option value="">{t('workspace.recent')}</option>
          {ws.recent.length === 0 ? <option disabled>{t('workspace.noRecent')}</option> : null}
          {ws.recent.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </select>
      </label>
      <span className="toolbar-separator" aria-hidden="true" />
      <button type="button" className="button" onClick={ws.undo} disabled={!ws.canUndo} aria-keyshortcuts="Control+Z" title={`${t('workspace.undo')} (${mod}Z)`}>
        {t('workspace.undo')}
      </button>
      <button type="button" className="button" onClick={ws.redo} disabled={!ws.canRedo} aria-keyshortcuts="Control+Y" title={`${t('workspace.redo')} (${mod}Y)`}>
        {t('workspace.redo')}
      </button>
      {children ? <span className="toolbar-separator" aria-hidden="true" /> : null}
      {children}
    </div>
  );
}
