/**
 * The UI benchmark is not a test: it runs only when asked, with this config.
 *   npx vite build --config vite.config.ts
 *   npx playwright test --config tests/bench/playwright.bench.config.ts --project web
 * It reuses the main config (browser, port, static server) and serves from the repository root.
 */
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import base from '../../playwright.config';

const root = fileURLToPath(new URL('../..', import.meta.url));
const server = Array.isArray(base.webServer) ? base.webServer[0] : base.webServer;

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: ['ui-bench.spec.ts'],
  outputDir: `${root}test-results/bench`,
  workers: 1,
  timeout: 300_000,
  projects: [{ name: 'web', testMatch: 'ui-bench.spec.ts' }],
  ...(server ? { webServer: { ...server, cwd: root } } : {}),
});
