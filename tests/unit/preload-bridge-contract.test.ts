/**
 * The whole renderer-side path of the desktop edition, in Node: the real preload (its
 * `window.desk` as the context bridge copies it across), the renderer's error mapping
 * (`withDeskErrors`, which the app puts over it), IPC, the dispatcher and the handlers.
 */
import { afterEach, describe, it, vi } from 'vitest';
import { withDeskErrors } from '../../renderer/platform/desk-errors';
import { deskRequestNames, ipcChannelName, type DeskApi, type DeskRequest } from '../../shared/platform/desk-api';
import { bridgeContractCases } from '../contract/bridge-contract';
import { createMainProcessDriver, trustedFrame, type MainProcessDriver } from '../contract/main-process-driver';
import { invokeGlobalName, type DeskIpcInvoke } from '../desktop/electron-shim';

// The preload imports `electron`, which has no binary here: the desktop harness's shim stands in
// for its transport and copies values and errors across as Electron's context bridge does.
vi.mock('electron', () => import('../desktop/electron-shim'));

const channelToRequest = new Map<string, DeskRequest>(deskRequestNames.map((fn) => [ipcChannelName(fn), fn]));
let main: MainProcessDriver | null = null;

const invoke: DeskIpcInvoke = async (channel, args) => {
  const fn = channelToRequest.get(channel);
  if (!fn || !main) throw new Error(`No handler registered for '${channel}'`);
  return main.dispatch(fn, trustedFrame, args);
};
Reflect.set(globalThis, invokeGlobalName, invoke);

async function exposedByPreload(): Promise<DeskApi> {
  await import('../../electron/preload');
  // The preload exposes an object that `satisfies DeskApi`, and the shim copies it across in the same shape.
  return Reflect.get(globalThis, 'desk') as DeskApi;
}

afterEach(async () => {
  await main?.dispose();
  main = null;
});

describe('bridge contract: the real preload under the renderer’s error mapping', () => {
  for (const contractCase of bridgeContractCases) {
    it(contractCase.name, async () => {
      main = await createMainProcessDriver();
      await contractCase.run({ ...main, api: withDeskErrors(await exposedByPreload()) });
    });
  }
});
