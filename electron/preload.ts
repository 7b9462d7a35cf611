/**
 * Runs sandboxed, before the page. Exposes one named function per IPC channel and nothing
 * else: no `ipcRenderer`, no generic `invoke(channel)`, so the page can only ask for what
 * the contract names, and the main process still validates every argument.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannelName, type DeskApi, type IpcResult } from '../shared/platform/desk-api';

async function call<T>(fn: keyof DeskApi, ...args: unknown[]): Promise<T> {
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
  saveWorkspace: (id, text) => call('saveWorkspace', id, text),
  saveWorkspaceAs: (suggestedName, text) => call('saveWorkspaceAs', suggestedName, text),
  saveExport: (request) => call('saveExport', request),
  pickImportFile: (kinds) => call('pickImportFile', kinds),
} satisfies DeskApi;

contextBridge.exposeInMainWorld('desk', desk);
