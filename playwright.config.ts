import { defineConfig } from '@playwright/test';
import type { JourneyOptions } from './tests/journeys/fixture';
import { chromiumArgs, resolveChromiumExecutable } from './tests/helpers/chromium';

const port = Number(process.env['E2E_PORT'] ?? 5179);
const executablePath = resolveChromiumExecutable();

export default defineConfig<JourneyOptions>({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'journeys/**/*.spec.ts', 'desktop/**/*.spec.ts', 'electron/**/*.spec.ts'],
  fullyParallel: false,
  workers: process.env['CI'] ? 1 : 2,
  // One retry in CI only: a shared 2-core machine can stall the browser long enough to lose a
  // user-activation window (file chooser); a test that fails twice still fails the run, and
  // Playwright reports a test that needed the retry as flaky.
  retries: process.env['CI'] ? 1 : 0,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: { args: chromiumArgs, ...(executablePath ? { executablePath } : {}) },
    acceptDownloads: true,
    trace: 'off',
  },
  projects: [
    { name: 'web', testMatch: ['e2e/**/*.spec.ts', 'journeys/**/*.spec.ts'], use: { edition: 'web' } },
    // The real renderer build with the real preload and main-process handlers; only Electron's
    // transport and window are stood in for (tests/desktop/). The journeys and the desktop-only specs.
    { name: 'desktop', testMatch: ['journeys/**/*.spec.ts', 'desktop/**/*.spec.ts'], use: { edition: 'desktop' } },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
  webServer: {
    command: 'node scripts/serve-web.mjs',
    url: `http://127.0.0.1:${port}/`,
    env: { PORT: String(port) },
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
