/**
 * Runs sandboxed, before the page. Exposes one named function per IPC channel and nothing
 * else: no `ipcRenderer`, no generic `invoke(channel)`, so the page can only ask for what
 * the contract names, and the main process still validates every argument.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  ipcChannelName,
  menuCommandChannel,
  menuCommands,
  type DeskApi,
  type DeskRequest,
  type IpcResult,
  type MenuCommand,
} from '../shared/platform/desk-api';

async function call<T>(fn: DeskRequest, ...args: unknown[]): Promise<T> {
  const result = (await ipcRenderer.invoke(ipcChannelName(fn), ...args)) as IpcResult<T>;
  if (result.ok) return result.value;
  // contextBridge drops custom error fields; the code rides in the message (read by deskErrorFromBridge).
  throw new Error(`[${result.error.code}] ${result.error.message}`);
}

const desk = {
  getAppInfo: () => call('getAppInfo'),
  getSettings: () => call('getSettings'),
  setSettings: (patch) => call('setSettings', patch),
  listWorkspaces: () => call('listWorkspaces'),
  openWorkspace: () => call('openWorkspace'),
  openRecentWorkspace: (id) => call('openRecentWorkspace', id),
  openWorkspaceBackup: (id) => call('openWorkspaceBackup', id),
  saveWorkspace: (id, text) => call('saveWorkspace', id, text),
  saveWorkspaceAs: (suggestedName, text) => call('saveWorkspaceAs', suggestedName, text),
  saveExport: (request) => call('saveExport', request),
  pickImportFile: (kinds) => call('pickImportFile', kinds),
  loadDraft: () => call('loadDraft'),
  saveDraft: (draft) => call('saveDraft', draft),
  setAsideDraft: () => call('setAsideDraft'),
  setDocumentState: (state) => call('setDocumentState', state),
  onMenuCommand: (listener) => {
    // Only known command names reach the page; the IPC event object never does.
    const forward = (_event: unknown, command: unknown) => {
      if (typeof command === 'string' && (menuCommands as readonly string[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(menuCommandChannel, forward);
    return () => {
      ipcRenderer.removeListener(menuCommandChannel, forward);
    };
  },
} satisfies DeskApi;

contextBridge.exposeInMainWorld('desk', desk);
