import { deskApiFunctionNames, menuCommandChannel } from '../../shared/platform/desk-api';
import { openApp, watchPageErrors } from '../helpers/app';
import type { Page } from '@playwright/test';
import { expect, test } from './fixture';

test.use({ locale: 'zh-CN' });

/** Opens the app, failing at once with the page's error if it throws before its shell shows (instead of waiting out the timeout). */
async function openAppOrFail(page: Page): Promise<void> {
  const thrown = new Promise<string>((resolve) =>
    page.once('pageerror', (error) => resolve(`the page threw before its shell showed: ${error.name}: ${error.message}`)),
  );
  const shown = openApp(page).then(
    () => 'the shell shows',
    (error: unknown) => `the shell did not show: ${String(error)}`,
  );
  expect(await Promise.race([shown, thrown])).toBe('the shell shows');
}

// The renderer once wrapped every bridge member in `fn(...).catch(...)`, onMenuCommand too, which
// returns a function: the desktop edition threw "TypeError: … .catch is not a function" on its
// first render and the window stayed blank. This is the test that shows it.
test('starts in the desktop edition: the shell shows, the page logs no error, and a menu command reaches the page', async ({ page, desk }) => {
  const problems = watchPageErrors(page);
  await openAppOrFail(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('情景推演台');
  await expect(page.getByTestId('app-version')).toContainText('桌面版');
  // The page asked the main side for its start-up data, through the preload.
  expect(desk.main.calls.map((call) => call.fn)).toEqual(expect.arrayContaining(['getAppInfo', 'getSettings', 'loadDraft']));

  // The real "New workspace" menu item reaches exactly one listener: the workspace's, subscribed when the app rendered.
  expect(await desk.menu('new')).toBe(1);
  await expect(page.getByTestId('workspace-name')).toContainText('未命名工作区');
  await expect(page.getByTestId('scenarios-empty')).toBeVisible();
  expect(problems).toEqual([]);
});

test('the exposed bridge is frozen, names exactly the contract, and refuses another frame', async ({ page, desk }) => {
  await openAppOrFail(page);
  const shape = await page.evaluate(() => {
    const bridge = (window as unknown as { desk: Record<string, unknown> }).desk;
    const replaced = Reflect.set(window, 'desk', {});
    return {
      keys: Object.keys(bridge).sort(),
      frozen: Object.isFrozen(bridge),
      replaced,
      stillThere: (window as unknown as { desk: unknown }).desk === bridge,
    };
  });
  expect(shape).toEqual({
    keys: [...deskApiFunctionNames].sort(),
    frozen: true,
    replaced: false,
    stillThere: true,
  });
  // A frame that is not the app's own page (here about:blank, in Electron any other origin) is refused by the main side.
  const refused = await page.evaluate(async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const bridge = (frame.contentWindow as unknown as { desk?: { getAppInfo(): Promise<unknown> } }).desk;
    try {
      await bridge?.getAppInfo();
      return 'answered';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  });
  expect(refused).toContain('[forbidden-sender]');
  // It reached the main side, which refused it (the app's own calls, meanwhile, were answered).
  expect(
    desk.main.calls.filter((call) => call.result?.ok === false).map((call) => [call.fn, call.result?.ok === false ? call.result.error.code : null]),
  ).toEqual([['getAppInfo', 'forbidden-sender']]);
});

test('a menu subscription through the bridge gets only known commands, and stops when unsubscribed', async ({ page, desk }) => {
  await openAppOrFail(page);
  await page.evaluate(() => {
    const bridge = (window as unknown as { desk: { onMenuCommand(listener: (command: string) => void): () => void } }).desk;
    const received: string[] = [];
    const stop = bridge.onMenuCommand((command) => received.push(command));
    Object.assign(window, { __received: received, __stop: stop });
  });
  const received = () => page.evaluate(() => (window as unknown as { __received: string[] }).__received);
  // The app's own listener and this one.
  expect(await desk.send(menuCommandChannel, 'viewTargets')).toBe(2);
  expect(await desk.send(menuCommandChannel, 'formatDisk')).toBe(2);
  expect(await desk.send(menuCommandChannel, { command: 'viewData' })).toBe(2);
  expect(await received()).toEqual(['viewTargets']);
  await page.evaluate(() => (window as unknown as { __stop: () => void }).__stop());
  expect(await desk.send(menuCommandChannel, 'viewData')).toBe(1);
  expect(await received()).toEqual(['viewTargets']);
  // The app's listener still runs the command.
  await expect(page.getByRole('navigation', { name: '视图' }).getByRole('button', { name: /^数据/ })).toHaveAttribute('aria-current', 'page');
});
