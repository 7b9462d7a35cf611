import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandButton } from '../../app/commands/CommandButton';
import { useCommand } from '../../app/commands/hooks';
import { useWorkspace } from '../../app/workspace/WorkspaceProvider';
import { workspaceTitle } from '../../app/workspace/workspace-title';
import { langOf } from '../../../shared/units';
import './workspace.css';

/**
 * File commands and undo/redo, with the open workspace's name and its unsaved mark. Every button
 * is a registry command: label, disabled state, shortcut and tooltip come from the registry.
 */
export function WorkspaceToolbar({ children }: { children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const ws = useWorkspace();
  const recentRef = useRef<HTMLSelectElement>(null);
  const title = workspaceTitle(ws.workspace, ws.entry, langOf(i18n.language), t('workspace.untitled'));

  // The recent-file picker stays a select; the command opens it (or at least focuses it).
  useCommand('openRecent', () => {
    const select = recentRef.current;
    if (!select) return;
    select.focus();
    try {
      select.showPicker();
    } catch {
      // Without a user gesture (or support) the picker cannot open; the focused select is the next best.
    }
  });

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
      {ws.reading !== null ? (
        <span className="workspace-reading" role="status" data-testid="workspace-reading">
          {t('workspace.reading', { what: ws.reading })}
        </span>
      ) : null}
      <CommandButton command="new" />
      <CommandButton command="open" />
      <CommandButton command="save" />
      <CommandButton command="saveAs" />
      <label className="recent-select">
        <span className="visually-hidden">{t('workspace.recent')}</span>
        <select
          ref={recentRef}
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
      <CommandButton command="undo" />
      <CommandButton command="redo" />
      {children ? <span className="toolbar-separator" aria-hidden="true" /> : null}
      {children}
    </div>
  );
}
