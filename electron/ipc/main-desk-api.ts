import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  DeskError,
  payloadLimits,
  type AppInfo,
  type DeskApi,
  type DocumentState,
  type ExportKind,
  type ImportKind,
  type SettingsNotice,
  type WorkspaceEntry,
} from '../../shared/platform/desk-api';
import { draftQuarantineFileName, safeFileName } from '../../shared/platform/file-names';
import { workspaceDraftSchema } from '../../shared/platform/ipc-channels';
import { applySettingsPatch, withRecentFile, type Settings } from '../../shared/settings/settings';
import { setAside } from '../persistence/set-aside';
import { writeFileAtomic } from '../persistence/atomic-write';
import type { WorkspaceRegistry } from '../workspaces/workspace-registry';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The dialogs the main process shows; injected so tests can answer them. */
export interface Dialogs {
  chooseFileToOpen(filters: FileFilter[]): Promise<string | null>;
  chooseFileToSave(suggestedName: string, filters: FileFilter[]): Promise<string | null>;
}

export interface SettingsRepository {
  read(): Settings;
  write(settings: Settings): void;
  notices: SettingsNotice[];
}

export interface MainDeskDeps {
  appInfo: AppInfo;
  settings: SettingsRepository;
  registry: WorkspaceRegistry;
  dialogs: Dialogs;
  /** Where the autosaved draft lives (in the user-data folder). */
  draftFile: string;
  /** Shows the document state in the window and arms the close prompt. */
  showDocumentState(state: DocumentState): void;
}

/** What the main process answers: every bridge function except the menu, which it sends the other way. */
export type MainDeskHandlers = Omit<DeskApi, 'onMenuCommand'>;

export const workspaceExtension = 'sdesk';

const workspaceFilters: FileFilter[] = [{ name: 'Scenario Desk workspace', extensions: [workspaceExtension, 'json'] }];

const exportFilters: Record<ExportKind, FileFilter> = {
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  png: { name: 'PNG image', extensions: ['png'] },
  svg: { name: 'SVG image', extensions: ['svg'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
};

const importFilters: Record<ImportKind, FileFilter> = {
  csv: { name: 'CSV', extensions: ['csv'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  sdesk: { name: 'Scenario Desk workspace', extensions: [workspaceExtension] },
};

/** The bridge as the main process implements it, over injected dialogs, settings and files. */
export function createMainDeskApi(deps: MainDeskDeps): MainDeskHandlers {
  const { registry, dialogs, settings } = deps;

  async function remember(filePath: string): Promise<WorkspaceEntry> {
    const stat = await fs.stat(filePath);
    const entry: WorkspaceEntry = {
      id: await registry.idFor(filePath),
      name: path.basename(filePath),
      modifiedAt: stat.mtime.toISOString(),
    };
    settings.write(withRecentFile(settings.read(), entry));
    return entry;
  }

  async function readWorkspace(filePath: string): Promise<string> {
    const stat = await fs.stat(filePath);
    if (stat.size > payloadLimits.workspaceTextChars) throw new DeskError('too-large', 'The workspace file is larger than 20 MB.');
    return fs.readFile(filePath, 'utf8');
  }

  return {
    async getAppInfo() {
      return deps.appInfo;
    },
    async getSettings() {
      return { settings: settings.read(), notices: settings.notices };
    },
    async setSettings(patch) {
      const next = applySettingsPatch(settings.read(), patch);
      settings.write(next);
      return next;
    },
    async listWorkspaces() {
      return settings.read().recentFiles.filter((f) => registry.pathOf(f.id) !== undefined);
    },
    async openWorkspace() {
      const filePath = await dialogs.chooseFileToOpen(workspaceFilters);
      if (!filePath) return null;
      const text = await readWorkspace(filePath);
      return { entry: await remember(filePath), text };
    },
    async openRecentWorkspace(id) {
      const filePath = registry.pathOf(id);
      if (!filePath) throw new DeskError('not-found', 'That workspace is not in the recent list.');
      const text = await readWorkspace(filePath).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DeskError('not-found', 'The workspace file no longer exists.');
        throw error;
      });
      return { entry: await remember(filePath), text };
    },
    async openWorkspaceBackup(id) {
      const filePath = registry.pathOf(id);
      if (!filePath) throw new DeskError('not-found', 'That workspace is not in the recent list.');
      try {
        return { fileName: `${path.basename(filePath)}.bak`, text: await readWorkspace(`${filePath}.bak`) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async saveWorkspace(id, text) {
      const filePath = registry.pathOf(id);
      if (!filePath) throw new DeskError('not-found', 'That workspace is not in the recent list.');
      await writeFileAtomic(filePath, text);
      return remember(filePath);
    },
    async saveWorkspaceAs(suggestedName, text) {
      const filePath = await dialogs.chooseFileToSave(safeFileName(suggestedName, workspaceExtension), workspaceFilters);
      if (!filePath) return null;
      await writeFileAtomic(filePath, text);
      return remember(filePath);
    },
    async saveExport(request) {
      const filePath = await dialogs.chooseFileToSave(safeFileName(request.suggestedName, request.kind), [exportFilters[request.kind]]);
      if (!filePath) return { saved: false, fileName: null };
      await writeFileAtomic(filePath, request.bytes);
      return { saved: true, fileName: path.basename(filePath) };
    },
    async pickImportFile(kinds) {
      const filePath = await dialogs.chooseFileToOpen(kinds.map((k) => importFilters[k]));
      if (!filePath) return null;
      const stat = await fs.stat(filePath);
      if (stat.size > payloadLimits.importBytes) throw new DeskError('too-large', 'The file is larger than 20 MB.');
      return { fileName: path.basename(filePath), bytes: new Uint8Array(await fs.readFile(filePath)) };
    },
    async loadDraft() {
      let raw: string;
      try {
        raw = await fs.readFile(deps.draftFile, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      let stored: unknown;
      try {
        stored = JSON.parse(raw);
      } catch {
        stored = undefined;
      }
      const parsed = workspaceDraftSchema.safeParse(stored);
      if (!parsed.success) {
        // A damaged draft file is handed over as it is, as the text of an unsaved draft: the
        // renderer cannot read it as a workspace, so it sets it aside (`setAsideDraft`) and tells
        // the user, as for any unreadable draft. Renaming it here would lose it without a word.
        return { text: raw, entry: null, dirty: true };
      }
      const draft = parsed.data;
      // A draft whose file was forgotten keeps its text but no longer claims the file.
      return draft.entry && !registry.pathOf(draft.entry.id) ? { ...draft, entry: null, dirty: true } : draft;
    },
    async saveDraft(draft) {
      await writeFileAtomic(deps.draftFile, JSON.stringify(draft), { keepBackup: false });
    },
    async setAsideDraft() {
      const now = new Date();
      try {
        // Moved, so the next start finds no draft; the bytes stay exactly as they were.
        const fileName = await setAside(deps.draftFile, 'move', (attempt) => draftQuarantineFileName(now, attempt));
        return { fileName };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DeskError('not-found', 'There is no draft to set aside.');
        throw error;
      }
    },
    async setDocumentState(state) {
      deps.showDocumentState(state);
    },
  };
}
