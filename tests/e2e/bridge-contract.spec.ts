import { expect, test, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { DeskError, deskRequestNames, type DeskApi } from '../../shared/platform/desk-api';
import { bridgeContractCases, type BridgeDriver, type PickedFile } from '../contract/bridge-contract';
import { openApp } from '../helpers/app';

function createBrowserDriver(page: Page): BridgeDriver {
  let pendingDownload: Promise<Download> | null = null;
  const api = Object.fromEntries(
    deskRequestNames.map((fn) => [
      fn,
      async (...args: unknown[]) => {
        // Playwright carries Uint8Array across page.evaluate both ways; errors come back as data.
        const outcome = await page.evaluate(
          async ([name, callArgs]) => {
            const desk = (window as unknown as { desk: Record<string, (...a: unknown[]) => Promise<unknown>> }).desk;
            try {
              return { value: await desk[name]!(...callArgs) };
            } catch (error) {
              const e = error as { code?: string; message?: string };
              return { error: { code: e.code ?? 'unknown', message: e.message ?? String(error) } };
            }
          },
          [fn, args] as [string, unknown[]],
        );
        if (outcome.error) throw new DeskError(outcome.error.code as DeskError['code'], outcome.error.message);
        return outcome.value;
      },
    ]),
  ) as unknown as DeskApi;

  return {
    api,
    shell: 'browser',
    async answerNextOpenDialog(file: PickedFile | null) {
      page.once('filechooser', (chooser) => {
        void chooser.setFiles(file ? [{ name: file.name, mimeType: 'application/octet-stream', buffer: Buffer.from(file.bytes) }] : []);
      });
    },
    async answerNextSaveDialog() {
      // The browser has no save dialog: the file arrives as a download under the name the app gives it.
      pendingDownload = page.waitForEvent('download');
    },
    async readLastSavedFile() {
      if (!pendingDownload) throw new Error('no save was expected');
      const download = await pendingDownload;
      const filePath = await download.path();
      return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(filePath)) };
    },
  };
}

test.describe('bridge contract: browser implementation', () => {
  test.use({ locale: 'zh-CN' });
  for (const contractCase of bridgeContractCases) {
    test(contractCase.name, async ({ page }) => {
      await openApp(page);
      // The app autosaves its first draft shortly after start; wait for it, so it cannot land in the middle of a case.
      await expect
        .poll(() => page.evaluate(async () => (await (window as unknown as { desk: { loadDraft(): Promise<unknown> } }).desk.loadDraft()) !== null), {
          timeout: 10_000,
        })
        .toBe(true);
      await contractCase.run(createBrowserDriver(page));
    });
  }
});
