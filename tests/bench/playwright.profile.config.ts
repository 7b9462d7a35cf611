/**
 * Profiling run for the Scenarios view (not a test): CPU profile of a slider drag and of a cold
 * load, summarised by self time. Build unminified for readable names:
 *   SDESK_RENDERER_OUT=/tmp/prof npx vite build --config vite.config.ts --minify false
 *   SDESK_RENDERER_OUT=/tmp/prof npx playwright test --config tests/bench/playwright.profile.config.ts --project web
 */
import { defineConfig } from '@playwright/test';
import bench from './playwright.bench.config';

export default defineConfig({
  ...bench,
  testMatch: ['profile.spec.ts'],
  projects: [{ name: 'web', testMatch: 'profile.spec.ts' }],
});
