/**
 * The Playwright fixture of the `desktop` project: every page gets the real electron/preload.ts
 * (bundled with the electron shim, injected before the app's own scripts) and a binding that
 * carries its IPC to a real main side (desktop-main.ts) over a fresh user-data folder.
 *
 * The page is served over http by the e2e web server; to the dispatcher it is the app's window:
 * a frame of the app's own page reports `app://scenario-desk/<path>` as its URL, as it would under
 * the app:// protocol, and any other frame reports its real URL (and is refused).
 */
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleDesktopPreload } from '../../scripts/build-desktop-harness.mjs';
import { appOrigin } from '../../electron/security/app-protocol';
import { menuCommandChannel, type MenuCommand } from '../../shared/platform/desk-api';
import { DesktopMain, findMenuItem, type DialogKind } from './desktop-main';
import { emitGlobalName, invokeGlobalName } from './electron-shim';

export interface DesktopHarness {
  /** The main side now running (a restart makes a new one). */
  readonly main: DesktopMain;
  /** The user-data folder: settings.json, workspace-registry.json, draft.sdesk.json. */
  readonly userData: string;
  /** A folder for the user's own files, where the tests answer dialogs. */
  readonly documents: string;
  /** Clicks the real native menu's item for `command` (electron/menu.ts); returns how many page listeners got it. */
  menu(command: MenuCommand): Promise<number>;
  /** `webContents.send(channel, ...args)`: returns how many page listeners got it. */
  send(channel: string, ...args: unknown[]): Promise<number>;
  /** Answers the oldest open (or else the next) dialog of this kind with a path, or `null` to cancel. */
  answerDialog(kind: DialogKind, answer: string | null): void;
  /** Quits and starts the app again: a new main side from the same user-data folder, and the window loads the app anew. */
  restart(): Promise<void>;
  /** Removes the folders after a test that went as expected; after a failure they stay, named in the report. */
  dispose(): Promise<void>;
}

/** What the dispatcher sees as the sender frame's URL. */
function senderUrl(frameUrl: string, appBase: string): string {
  const page = new URL(frameUrl);
  return page.origin === new URL(appBase).origin ? `${appOrigin}${page.pathname}` : frameUrl;
}

async function emit(page: Page, channel: string, args: unknown[]): Promise<number> {
  return page.evaluate(
    ([name, ch, a]) => {
      const send: unknown = Reflect.get(globalThis, name);
      if (typeof send !== 'function') throw new Error('the desktop preload is not in this page');
      return (send as (channel: string, ...args: unknown[]) => number)(ch, ...a);
    },
    [emitGlobalName, channel, args] as const,
  );
}

let preloadBundle: Promise<string> | null = null;

/** The preload bundled once per worker, from the sources as they are now: no stale build to forget. */
function desktopPreload(): Promise<string> {
  preloadBundle ??= bundleDesktopPreload();
  return preloadBundle;
}

/**
 * Sets the desktop harness up on a page: the binding and the preload for every page of its context,
 * and a main side over fresh folders in the test's output directory. Call before the first navigation.
 */
export async function createDesktopHarness(page: Page, testInfo: TestInfo): Promise<DesktopHarness> {
  const context = page.context();
  // Outside test-results/, which another Playwright run in the same checkout empties when it starts.
  const root = await mkdtemp(path.join(os.tmpdir(), 'sdesk-desktop-'));
  const userData = path.join(root, 'user-data');
  const documents = path.join(root, 'documents');
  await mkdir(userData);
  await mkdir(documents);
  const appBase = testInfo.project.use.baseURL ?? 'http://127.0.0.1/';
  let main = await DesktopMain.start({ userData });

  await context.exposeBinding(invokeGlobalName, async (source, channel: unknown, args: unknown) => {
    if (typeof channel !== 'string' || !Array.isArray(args)) throw new Error('desktop harness: malformed invoke');
    return main.invoke(channel, args, senderUrl(source.frame.url(), appBase));
  });
  await context.addInitScript({ content: await desktopPreload() });

  return {
    get main() {
      return main;
    },
    userData,
    documents,
    async menu(command) {
      const sent: Promise<number>[] = [];
      const template = main.menu((sentCommand) => sent.push(emit(page, menuCommandChannel, [sentCommand])));
      const item = findMenuItem(template, command);
      if (!item?.click) throw new Error(`the native menu (electron/menu.ts) has no item with id '${command}'`);
      // Electron calls click(menuItem, window, event); the template's handlers read none of them.
      (item.click as () => void)();
      expect(sent, `the '${command}' menu item sends one command`).toHaveLength(1);
      return (await Promise.all(sent))[0] ?? 0;
    },
    send: (channel, ...args) => emit(page, channel, args),
    answerDialog: (kind, answer) => main.answerDialog(kind, answer),
    async dispose() {
      if (testInfo.status === testInfo.expectedStatus) await rm(root, { recursive: true, force: true });
      else testInfo.annotations.push({ type: 'desktop harness folders', description: root });
    },
    async restart() {
      // The window closes first, so nothing of the old page reaches the new main side.
      await page.goto('about:blank');
      main = await DesktopMain.start({ userData });
      await page.goto('/');
    },
  };
}

/** Playwright's test with `desk`: the page runs in the desktop edition. */
export const test = base.extend<{ desk: DesktopHarness }>({
  desk: async ({ page }, use, testInfo) => {
    const harness = await createDesktopHarness(page, testInfo);
    await use(harness);
    await harness.dispose();
  },
});

export { expect };
