/**
 * The bridge contract (tests/contract/bridge-contract.ts) against the real preload: each call goes
 * from the page's `window.desk` (the preload's object, copied across by the context-bridge shim)
 * through ipcRenderer and the binding to the real dispatcher and handlers over files on disk.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { deskRequestNames, type DeskApi } from '../../shared/platform/desk-api';
import { deskErrorFromBridge } from '../../shared/platform/ipc-result';
import { bridgeContractCases, type BridgeDriver, type PickedFile } from '../contract/bridge-contract';
import { openApp } from '../helpers/app';
import { expect, test, type DesktopHarness } from './fixture';

type Outcome = { value: unknown } | { error: { message: string; name: string; isPlainError: boolean; ownKeys: string[] } };

/** One bridge call in the page, on the preload's object, as the renderer makes it. */
function callInPage(page: Page, fn: string, args: unknown[]): Promise<Outcome> {
  return page.evaluate(
    async ([name, callArgs]) => {
      const desk = (window as unknown as { desk: Record<string, (...a: unknown[]) => Promise<unknown>> }).desk;
      try {
        return { value: await desk[name]!(...callArgs) };
      } catch (error) {
        const e = error as Error;
        return { error: { message: e.message, name: e.name, isPlainError: Object.getPrototypeOf(e) === Error.prototype, ownKeys: Object.keys(e) } };
      }
    },
    [fn, args] as [string, unknown[]],
  );
}

function createDesktopDriver(page: Page, desk: DesktopHarness): BridgeDriver {
  let lastSaved: string | null = null;
  const api = Object.fromEntries(
    deskRequestNames.map((fn) => [
      fn,
      async (...args: unknown[]) => {
        const outcome = await callInPage(page, fn, args);
        if ('value' in outcome) return outcome.value;
        // What crosses the context bridge: a plain Error with its message only, the code inside it.
        expect(outcome.error, 'a rejected bridge call arrives as a plain Error with nothing but its message').toMatchObject({
          name: 'Error',
          isPlainError: true,
          ownKeys: [],
        });
        throw deskErrorFromBridge(new Error(outcome.error.message));
      },
    ]),
    // Built by name from deskRequestNames; the contract cases call only those (onMenuCommand is set below).
  ) as unknown as DeskApi;
  api.onMenuCommand = () => () => undefined;
  return {
    api,
    shell: 'electron',
    async answerNextOpenDialog(file: PickedFile | null) {
      if (!file) return desk.answerDialog('open', null);
      const filePath = path.join(desk.documents, file.name);
      await writeFile(filePath, file.bytes);
      desk.answerDialog('open', filePath);
    },
    async answerNextSaveDialog(fileName) {
      lastSaved = path.join(desk.documents, fileName);
      desk.answerDialog('save', lastSaved);
    },
    async readLastSavedFile() {
      if (!lastSaved) throw new Error('nothing was saved');
      return { name: path.basename(lastSaved), bytes: new Uint8Array(await readFile(lastSaved)) };
    },
  };
}

test.describe('bridge contract: the real preload through the desktop harness', () => {
  test.use({ locale: 'zh-CN' });
  for (const contractCase of bridgeContractCases) {
    test(contractCase.name, async ({ page, desk }) => {
      await openApp(page);
      // The app autosaves its first draft shortly after start; wait for it, so it cannot land in the middle of a case.
      await expect.poll(() => desk.main.calls.some((call) => call.fn === 'saveDraft' && call.result?.ok === true), { timeout: 10_000 }).toBe(true);
      await contractCase.run(createDesktopDriver(page, desk));
    });
  }
});
