/**
 * The bridge contract's driver for the main process: its real handlers over files in a temporary
 * folder, reached the way the preload reaches them, through the IPC dispatcher. Used directly
 * (electron/ipc/bridge-contract.test.ts) and under the real preload and the renderer's error
 * mapping (tests/unit/preload-bridge-contract.test.ts).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createIpcDispatcher, type IpcDispatcher } from '../../electron/ipc/dispatcher';
import { createMainDeskApi } from '../../electron/ipc/main-desk-api';
import { WorkspaceRegistry } from '../../electron/workspaces/workspace-registry';
import { deskRequestNames, type DeskApi, type DeskRequest } from '../../shared/platform/desk-api';
import { unwrapIpcResult } from '../../shared/platform/ipc-result';
import { defaultSettings, type Settings } from '../../shared/settings/settings';
import type { BridgeDriver, PickedFile } from './bridge-contract';

/** The URL of the app's own page, which the dispatcher trusts (what Electron reports as the sender frame). */
export const trustedFrame = 'app://scenario-desk/index.html';

export interface MainProcessDriver extends BridgeDriver {
  /** The dispatcher itself, for a transport other than the direct calls of `api`. */
  dispatch: IpcDispatcher;
  /** The temporary folder: the user-data folder, holding the draft file. */
  dir: string;
  /** The draft file in `dir`. */
  draftFile: string;
  /** Removes the temporary folder. */
  dispose(): Promise<void>;
}

export async function createMainProcessDriver(): Promise<MainProcessDriver> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sdesk-contract-'));
  let stored: Settings = defaultSettings;
  let nextOpen: string | null = null;
  let nextSave: string | null = null;
  let lastSaved: string | null = null;
  const mainApi = createMainDeskApi({
    appInfo: { name: 'Scenario Desk', version: '0.1.0', platform: process.platform, locale: 'zh-CN', shell: 'electron' },
    settings: { read: () => stored, write: (next) => (stored = next), notices: [] },
    registry: await WorkspaceRegistry.load(path.join(dir, 'registry.json')),
    draftFile: path.join(dir, 'draft.sdesk.json'),
    showDocumentState: () => undefined,
    dialogs: {
      async chooseFileToOpen() {
        const answer = nextOpen;
        nextOpen = null;
        return answer;
      },
      async chooseFileToSave() {
        const answer = nextSave;
        nextSave = null;
        lastSaved = answer;
        return answer;
      },
    },
  });
  const dispatch = createIpcDispatcher(mainApi);
  const requests = Object.fromEntries(
    deskRequestNames.map((fn) => [fn, async (...args: unknown[]) => unwrapIpcResult(await dispatch(fn, trustedFrame, args))]),
  ) as Record<DeskRequest, (...args: unknown[]) => Promise<never>>; // One entry per request name, each forwarding its arguments unchanged.
  const api: DeskApi = { ...requests, onMenuCommand: () => () => undefined };
  return {
    api,
    dispatch,
    shell: 'electron',
    async answerNextOpenDialog(file: PickedFile | null) {
      if (!file) {
        nextOpen = null;
        return;
      }
      const filePath = path.join(dir, file.name);
      await writeFile(filePath, file.bytes);
      nextOpen = filePath;
    },
    async answerNextSaveDialog(fileName) {
      nextSave = path.join(dir, fileName);
    },
    async readLastSavedFile() {
      if (!lastSaved) throw new Error('nothing was saved');
      return { name: path.basename(lastSaved), bytes: new Uint8Array(await readFile(lastSaved)) };
    },
    dir,
    draftFile: path.join(dir, 'draft.sdesk.json'),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
