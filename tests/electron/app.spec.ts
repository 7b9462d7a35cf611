import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { deskApiFunctionNames } from '../../shared/platform/desk-api';
import { commandJourneyList, journeys } from '../journeys/journeys';
import { ElectronDriver } from './electron-driver';

const binary = findElectronBinary();
const skipReason =
  'SKIPPED, NOT TESTED: no Electron binary on this machine. The electron npm package downloads its binary lazily from the network, ' +
  'which these build machines cannot reach. Run this spec where `npx electron --version` works (or set ELECTRON_OVERRIDE_DIST_PATH).';

if (!binary) console.warn(`[electron e2e] ${skipReason}`);

test.describe('Electron shell', () => {
  test.skip(!binary, skipReason);

  test('launches the real app: title, no Node in the page, and only the allow-listed bridge', async () => {
    const app = await electron.launch({ executablePath: binary ?? undefined, args: ['.'], env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
    try {
      const window = await app.firstWindow();
      await window.locator('.shell').waitFor();
      await expect(window).toHaveTitle(/情景推演台|Scenario Desk/);
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      const exposed = await window.evaluate(() => Object.keys((window as unknown as { desk: object }).desk).sort());
      expect(exposed).toEqual([...deskApiFunctionNames].sort());
      expect(await window.evaluate(() => location.protocol)).toBe('app:');
    } finally {
      await app.close();
    }
  });
});

/**
 * The same journeys as the `web` and `desktop` projects (tests/journeys/journeys.ts), against the
 * real binary: real contextBridge, sandboxed preload, app:// protocol with its CSP header, native
 * menu items and the window title. Dialogs are answered in the main process (electron-driver.ts).
 * Not run on the build machines, which have no binary.
 */
test.describe('Electron shell: the journeys', () => {
  test.skip(!binary, skipReason);

  /** Runs `body` with a driver on a fresh user-data folder; the app is quit afterwards, and the folders kept if it failed. */
  async function withDriver(body: (driver: ElectronDriver) => Promise<void>): Promise<void> {
    const driver = new ElectronDriver(binary ?? '');
    let passed = false;
    try {
      await body(driver);
      expect(driver.problems).toEqual([]);
      passed = true;
    } finally {
      await driver.dispose(!passed);
    }
  }

  for (const journey of journeys) {
    test(journey.name, () => withDriver((driver) => journey.run(driver)));
  }

  for (const { command, journey } of commandJourneyList) {
    test(`menu command ${command}`, () =>
      withDriver(async (driver) => {
        await driver.start();
        await journey.prepare?.(driver);
        await journey.run(driver);
      }));
  }
});
