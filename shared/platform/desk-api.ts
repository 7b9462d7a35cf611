/**
 * The one contract between the renderer and the platform it runs on.
 *
 * Two implementations exist: `electron/preload.ts` (contextBridge + IPC to the main
 * process) and `renderer/platform/browser.ts` (IndexedDB, download links, file input).
 * The renderer never sees a file path: the platform opens every dialog and hands back
 * opaque workspace ids, so a compromised renderer cannot name a file to read or write.
 */
import type { Settings, SettingsPatch } from '../settings/settings';

export interface AppInfo {
  name: string;
  version: string;
  /** `win32`, `darwin`, `linux` in Electron; `web` in the browser build. */
  platform: string;
  /** The operating system's locale, e.g. `zh-CN`, used when the language setting is `system`. */
  locale: string;
  /** `electron` or `browser`: which implementation of the bridge is answering. */
  shell: 'electron' | 'browser';
}

/** A file of the app's own that could not be read as stored and was set aside: shown to the user once at start-up. */
export interface SettingsNotice {
  /**
   * `settings-quarantined`: the settings file (the app runs on defaults); `registry-quarantined`: the
   * workspace registry, which maps the recent list's ids to paths (the recent list starts over).
   */
  kind: 'settings-quarantined' | 'registry-quarantined';
  /** File name (not path) of the quarantined copy, next to the settings, so the user can find it. */
  quarantineFileName: string;
}

export interface SettingsSnapshot {
  settings: Settings;
  notices: SettingsNotice[];
}

/** A workspace the platform knows about. `id` is opaque; only the platform maps it to storage. */
export interface WorkspaceEntry {
  id: string;
  name: string;
  /** ISO time of the last save, when known. */
  modifiedAt: string | null;
}

export interface OpenedWorkspace {
  entry: WorkspaceEntry;
  /** The file's text, unparsed: the workspace format module validates it. */
  text: string;
}

export interface OpenedBackup {
  /** e.g. `plan.sdesk.bak` */
  fileName: string;
  text: string;
}

export type ExportKind = 'xlsx' | 'png' | 'svg' | 'csv' | 'json';

export interface ExportRequest {
  suggestedName: string;
  kind: ExportKind;
  bytes: Uint8Array;
}

export interface ExportResult {
  saved: boolean;
  /** File name the user chose (not the path). */
  fileName: string | null;
}

export type ImportKind = 'csv' | 'xlsx' | 'sdesk';

export interface ImportedFile {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * The autosaved copy of the open workspace, kept by the platform apart from the user's files,
 * so a crash or a reload loses nothing even before the first Save.
 */
export interface WorkspaceDraft {
  text: string;
  /** The file the draft belongs to, if it was opened from or saved to one. */
  entry: WorkspaceEntry | null;
  /** Whether the draft differs from that file (or has never been saved). */
  dirty: boolean;
}

/** Where `setAsideDraft` put the draft it moved aside. */
export interface SetAsideDraft {
  /** File name (not path) of the set-aside copy, e.g. `draft.quarantine-2026-12-02T03-30-00-000Z.sdesk.json`. */
  fileName: string;
}

/** What the window shows about the open document; the desktop shell asks before closing a dirty one. */
export interface DocumentState {
  title: string;
  dirty: boolean;
}

/**
 * Commands the native menu sends to the page, by id. They are entries of the one command
 * registry (`shared/commands/`), which also gives their labels and shortcuts; the page handles
 * the same keys itself, so the browser edition has them too.
 */
export const menuCommands = [
  'new',
  'open',
  'save',
  'saveAs',
  'importData',
  'exportExcel',
  'undo',
  'redo',
  'presentation',
  'commandPalette',
  'viewData',
  'viewScenarios',
  'viewCompare',
  'viewTargets',
  'viewSensitivity',
  'viewExport',
] as const;
export type MenuCommand = (typeof menuCommands)[number];

export interface DeskApi {
  getAppInfo(): Promise<AppInfo>;
  getSettings(): Promise<SettingsSnapshot>;
  setSettings(patch: SettingsPatch): Promise<Settings>;
  /** Recently used workspaces, newest first. */
  listWorkspaces(): Promise<WorkspaceEntry[]>;
  /** Shows an open dialog; `null` when the user cancels. */
  openWorkspace(): Promise<OpenedWorkspace | null>;
  /** Re-opens a workspace from `listWorkspaces` without a dialog. */
  openRecentWorkspace(id: string): Promise<OpenedWorkspace>;
  /**
   * The previous version of a workspace (kept as `<file>.bak` on every save), for when the
   * file itself cannot be read; `null` when there is none. It opens as a new workspace that is not yet saved.
   */
  openWorkspaceBackup(id: string): Promise<OpenedBackup | null>;
  /** Writes to a workspace the user already chose. */
  saveWorkspace(id: string, text: string): Promise<WorkspaceEntry>;
  /** Shows a save dialog; `null` when the user cancels. */
  saveWorkspaceAs(suggestedName: string, text: string): Promise<WorkspaceEntry | null>;
  /** Shows a save dialog for an export (workbook, image, CSV). */
  saveExport(request: ExportRequest): Promise<ExportResult>;
  /** Shows an open dialog for data to import; `null` when the user cancels. */
  pickImportFile(kinds: ImportKind[]): Promise<ImportedFile | null>;
  /**
   * The last autosaved draft, or `null` on a first start. A stored draft that is not even a
   * draft record (damaged on disk) comes back as `{ text: <what is stored>, entry: null, dirty: true }`,
   * so the renderer finds its text unreadable and sets it aside like any other unreadable draft.
   */
  loadDraft(): Promise<WorkspaceDraft | null>;
  /**
   * Moves the stored draft aside byte for byte, next to the settings quarantine, under
   * `draft.quarantine-<time>.sdesk.json`; afterwards `loadDraft` returns `null`. The renderer calls
   * it for a draft it cannot read, before anything autosaves over it. `not-found` when there is no draft.
   */
  setAsideDraft(): Promise<SetAsideDraft>;
  /** Replaces the autosaved draft (atomically on the desktop). */
  saveDraft(draft: WorkspaceDraft): Promise<void>;
  /** Window title and unsaved-changes mark; the shell asks before closing when `dirty`. */
  setDocumentState(state: DocumentState): Promise<void>;
  /** Calls `listener` for each native-menu command; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The names the preload exposes: exactly these and nothing else (tested in the Electron e2e spec). */
export const deskApiFunctionNames = [
  'getAppInfo',
  'getSettings',
  'setSettings',
  'listWorkspaces',
  'openWorkspace',
  'openRecentWorkspace',
  'openWorkspaceBackup',
  'saveWorkspace',
  'saveWorkspaceAs',
  'saveExport',
  'pickImportFile',
  'loadDraft',
  'saveDraft',
  'setAsideDraft',
  'setDocumentState',
  'onMenuCommand',
] as const satisfies readonly (keyof DeskApi)[];

/**
 * The bridge functions that are requests to the main process: those that return a promise. The
 * others (the menu) are subscriptions to events the other way.
 */
export type DeskRequest = { [K in keyof DeskApi]: ReturnType<DeskApi[K]> extends Promise<unknown> ? K : never }[keyof DeskApi];

export const deskRequestNames = deskApiFunctionNames.filter((name): name is DeskRequest => name !== 'onMenuCommand');

/** Channel on which the main process sends menu commands to the page. */
export const menuCommandChannel = 'desk:menu-command';

/** The IPC channel of a bridge function: one channel per function, never a generic one. */
export function ipcChannelName(fn: DeskRequest): string {
  return `desk:${fn}`;
}

/** Stable error codes, translated by the renderer; messages never carry paths or stacks. */
export type DeskErrorCode = 'invalid-payload' | 'forbidden-sender' | 'not-found' | 'too-large' | 'io-failed' | 'unknown';

export class DeskError extends Error {
  constructor(
    readonly code: DeskErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeskError';
  }
}

/** What crosses IPC: errors are data, so the renderer gets a code and a message, never a stack. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: { code: DeskErrorCode; message: string } };

/** Upper bounds on payloads, shared so both sides agree. */
export const payloadLimits = {
  workspaceTextChars: 20 * 1024 * 1024,
  exportBytes: 200 * 1024 * 1024,
  importBytes: 20 * 1024 * 1024,
  nameChars: 200,
} as const;
