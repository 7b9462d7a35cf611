import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deskRequestNames, type DeskApi } from '../../shared/platform/desk-api';
import { unwrapIpcResult } from '../../shared/platform/ipc-result';
import { defaultSettings, type Settings } from '../../shared/settings/settings';
import { bridgeContractCases, type BridgeDriver, type PickedFile } from '../../tests/contract/bridge-contract';
import { WorkspaceRegistry } from '../workspaces/workspace-registry';
import { createIpcDispatcher } from './dispatcher';
import { createMainDeskApi } from './main-desk-api';

const trustedFrame = 'app://scenario-desk/index.html';
const tempDirs: string[] = [];

afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The main process's handlers, reached the way the preload reaches them: through the dispatcher. */
async function createElectronDriver(): Promise<BridgeDriver> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sdesk-contract-'));
  tempDirs.push(dir);
  let stored: Settings = defaultSettings;
  let nextOpen: string | null = null;
  let nextSave: string | null = null;
  let lastSaved: string | null = null;
  const mainApi = createMainDeskApi({
    appInfo: { name: 'Scenario Desk', version: '0.1.0', platform: process.platform, locale: 'zh-CN', shell: 'electron' },
    settings: { read: () => stored, write: (next) => (stored = next), notices: [] },
    registry: await WorkspaceRegistry.load(path.join(dir, 'registry.json')),
    draftFile: path.join(dir, 'draft.json'),
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
  const api = Object.fromEntries(
    deskRequestNames.map((fn) => [fn, async (...args: unknown[]) => unwrapIpcResult(await dispatch(fn, trustedFrame, args))]),
  ) as unknown as DeskApi;
  api.onMenuCommand = () => () => undefined;
  return {
    api,
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
  };
}

describe('bridge contract: Electron main process', () => {
  it('has no draft on a first start', async () => {
    const { api } = await createElectronDriver();
    expect(await api.loadDraft()).toBeNull();
  });

  for (const contractCase of bridgeContractCases) {
    it(contractCase.name, async () => contractCase.run(await createElectronDriver()));
  }
});
