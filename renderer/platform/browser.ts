/**
 * The bridge in a plain browser (`npm run web`, the e2e tests): settings in localStorage,
 * workspaces in IndexedDB, exports as downloads, imports through a file input.
 * It validates arguments with the same schemas the Electron main process uses.
 */
import {
  DeskError,
  payloadLimits,
  type DeskApi,
  type ImportKind,
  type OpenedWorkspace,
  type SettingsNotice,
  type WorkspaceDraft,
  type WorkspaceEntry,
} from '../../shared/platform/desk-api';
import { draftQuarantineFileName, safeFileName } from '../../shared/platform/file-names';
import { ipcArgumentSchemas, workspaceDraftSchema, type DeskChannel } from '../../shared/platform/ipc-channels';
import { applySettingsPatch, defaultSettings, migrateSettings, withRecentFile, type Settings } from '../../shared/settings/settings';

const settingsKey = 'scenario-desk.settings';
const databaseName = 'scenario-desk';
const workspaceStore = 'workspaces';
const draftStore = 'drafts';
const draftKey = 'current';

interface StoredWorkspace extends WorkspaceEntry {
  text: string;
  /** The text before the last save, like the desktop's `.bak` file. */
  backupText?: string;
}

function validate(fn: DeskChannel, args: unknown[]): void {
  const parsed = ipcArgumentSchemas[fn].safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `argument ${issue.path.join('.')}` : 'arguments';
    throw new DeskError('invalid-payload', `${fn}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(workspaceStore, { keyPath: 'id' });
      request.result.createObjectStore(draftStore);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new DeskError('io-failed', 'The browser storage could not be opened.'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>, storeName = workspaceStore): Promise<T> {
  const db = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(storeName, mode);
      const request = action(tx.objectStore(storeName));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(new DeskError('io-failed', 'The browser storage refused the write (is it full?).'));
    });
  } finally {
    db.close();
  }
}

/** What a damaged draft record holds, as text: a string as it is, anything else as JSON. */
function storedAsText(stored: unknown): string {
  if (typeof stored === 'string') return stored;
  try {
    return JSON.stringify(stored) ?? String(stored);
  } catch {
    return String(stored);
  }
}

function newId(): string {
  return crypto.randomUUID().replace(/[^A-Za-z0-9-]/g, '');
}

const acceptByKind: Record<ImportKind, string> = { csv: '.csv,text/csv', xlsx: '.xlsx', sdesk: '.sdesk,.json' };

/** Opens the browser's file picker; resolves `null` when the user cancels. */
function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    const finish = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => finish(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

function download(fileName: string, bytes: Uint8Array | string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const mimeByKind = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  svg: 'image/svg+xml',
  csv: 'text/csv',
  json: 'application/json',
} as const;

export function createBrowserDeskApi(storage: Storage = window.localStorage): DeskApi {
  const notices: SettingsNotice[] = [];
  let unsavedChanges = false;
  // The browser's own prompt on leaving; the draft is kept anyway, but the user hears about it.
  window.addEventListener('beforeunload', (event) => {
    if (unsavedChanges) event.preventDefault();
  });
  let settings: Settings = loadSettings();

  function loadSettings(): Settings {
    const raw = storage.getItem(settingsKey);
    if (raw === null) return defaultSettings;
    let stored: unknown;
    try {
      stored = JSON.parse(raw);
    } catch {
      stored = undefined;
    }
    const migrated = migrateSettings(stored);
    if (migrated.ok) return migrated.settings;
    const quarantineKey = `${settingsKey}.quarantine-${new Date().toISOString()}`;
    storage.setItem(quarantineKey, raw);
    storage.setItem(settingsKey, JSON.stringify(defaultSettings));
    notices.push({ kind: 'settings-quarantined', quarantineFileName: quarantineKey });
    return defaultSettings;
  }

  function writeSettings(next: Settings): void {
    settings = next;
    storage.setItem(settingsKey, JSON.stringify(next));
  }

  async function putWorkspace(stored: StoredWorkspace): Promise<WorkspaceEntry> {
    if (stored.text.length > payloadLimits.workspaceTextChars) throw new DeskError('too-large', 'The workspace is larger than 20 MB.');
    await withStore('readwrite', (store) => store.put(stored));
    const entry: WorkspaceEntry = { id: stored.id, name: stored.name, modifiedAt: stored.modifiedAt };
    writeSettings(withRecentFile(settings, entry));
    return entry;
  }

  async function getWorkspace(id: string): Promise<StoredWorkspace> {
    const found = await withStore<StoredWorkspace | undefined>('readonly', (store) => store.get(id) as IDBRequest<StoredWorkspace | undefined>);
    if (!found) throw new DeskError('not-found', 'That workspace is not in the recent list.');
    return found;
  }

  return {
    async getAppInfo() {
      return { name: 'Scenario Desk', version: __APP_VERSION__, platform: 'web', locale: navigator.language, shell: 'browser' };
    },
    async getSettings() {
      return { settings, notices: [...notices] };
    },
    async setSettings(patch) {
      validate('setSettings', [patch]);
      writeSettings(applySettingsPatch(settings, patch));
      return settings;
    },
    async listWorkspaces() {
      const all = await withStore<StoredWorkspace[]>('readonly', (store) => store.getAll() as IDBRequest<StoredWorkspace[]>);
      return all.map(({ id, name, modifiedAt }) => ({ id, name, modifiedAt })).sort((a, b) => (b.modifiedAt ?? '').localeCompare(a.modifiedAt ?? ''));
    },
    async openWorkspace(): Promise<OpenedWorkspace | null> {
      const file = await pickFile(acceptByKind.sdesk);
      if (!file) return null;
      if (file.size > payloadLimits.workspaceTextChars) throw new DeskError('too-large', 'The workspace file is larger than 20 MB.');
      const text = await file.text();
      const entry = await putWorkspace({ id: newId(), name: file.name, modifiedAt: new Date().toISOString(), text });
      return { entry, text };
    },
    async openRecentWorkspace(id) {
      validate('openRecentWorkspace', [id]);
      const stored = await getWorkspace(id);
      return { entry: { id: stored.id, name: stored.name, modifiedAt: stored.modifiedAt }, text: stored.text };
    },
    async openWorkspaceBackup(id) {
      validate('openWorkspaceBackup', [id]);
      const stored = await getWorkspace(id);
      return stored.backupText === undefined ? null : { fileName: `${stored.name}.bak`, text: stored.backupText };
    },
    async saveWorkspace(id, text) {
      validate('saveWorkspace', [id, text]);
      const stored = await getWorkspace(id);
      return putWorkspace({ ...stored, text, backupText: stored.text, modifiedAt: new Date().toISOString() });
    },
    async saveWorkspaceAs(suggestedName, text) {
      validate('saveWorkspaceAs', [suggestedName, text]);
      const name = safeFileName(suggestedName, 'sdesk');
      const entry = await putWorkspace({ id: newId(), name, modifiedAt: new Date().toISOString(), text });
      // A browser cannot write to the user's disk without a download; the copy in storage is the one the app reopens.
      download(name, text, 'application/json');
      return entry;
    },
    async saveExport(request) {
      validate('saveExport', [request]);
      const fileName = safeFileName(request.suggestedName, request.kind);
      download(fileName, request.bytes, mimeByKind[request.kind]);
      return { saved: true, fileName };
    },
    async pickImportFile(kinds) {
      validate('pickImportFile', [kinds]);
      const file = await pickFile(kinds.map((k) => acceptByKind[k]).join(','));
      if (!file) return null;
      if (file.size > payloadLimits.importBytes) throw new DeskError('too-large', 'The file is larger than 20 MB.');
      return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    },
    async loadDraft() {
      const stored = await withStore<unknown>('readonly', (store) => store.get(draftKey), draftStore);
      if (stored === undefined) return null;
      const parsed = workspaceDraftSchema.safeParse(stored);
      if (parsed.success) return parsed.data;
      // A damaged record is handed over as the text of an unsaved draft, as the desktop does with a
      // damaged draft file: the renderer cannot read it, so it sets it aside and tells the user.
      return { text: storedAsText(stored), entry: null, dirty: true };
    },
    async setAsideDraft() {
      const now = new Date();
      const key = `quarantine-${now.toISOString().replace(/[:.]/g, '-')}`;
      const db = await openDatabase();
      try {
        // One transaction: the copy and the delete happen together or not at all.
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(draftStore, 'readwrite');
          const store = tx.objectStore(draftStore);
          let missing = false;
          const read = store.get(draftKey);
          read.onsuccess = () => {
            const record: unknown = read.result;
            if (record === undefined) {
              missing = true;
              tx.abort();
              return;
            }
            // `add`, not `put`: an earlier copy under the same key is never replaced.
            store.add(record, key);
            store.delete(draftKey);
          };
          tx.oncomplete = () => resolve();
          tx.onabort = () =>
            reject(
              missing
                ? new DeskError('not-found', 'There is no draft to set aside.')
                : new DeskError('io-failed', 'The browser storage refused the write (is it full?).'),
            );
        });
      } finally {
        db.close();
      }
      return { fileName: draftQuarantineFileName(now) };
    },
    async saveDraft(draft: WorkspaceDraft) {
      validate('saveDraft', [draft]);
      await withStore('readwrite', (store) => store.put(draft, draftKey), draftStore);
    },
    async setDocumentState(state) {
      validate('setDocumentState', [state]);
      unsavedChanges = state.dirty;
      document.title = `${state.dirty ? '● ' : ''}${state.title} — 情景推演台 Scenario Desk`;
    },
    onMenuCommand() {
      // The browser edition has no native menu: its in-page menu calls the commands directly.
      return () => undefined;
    },
  };
}
