/**
 * `driver`: the journeys' view of the edition under test, chosen by the project's `edition`
 * option (playwright.config.ts): `web` drives the browser bridge, `desktop` the desktop harness.
 */
import { test as base } from '@playwright/test';
import { createDesktopHarness } from '../desktop/fixture';
import { DesktopDriver } from './desktop-driver';
import type { JourneyDriver } from './driver';
import { WebDriver } from './web-driver';

export interface JourneyOptions {
  edition: 'web' | 'desktop';
}

export const test = base.extend<JourneyOptions & { driver: JourneyDriver }>({
  edition: ['web', { option: true }],
  driver: async ({ page, edition }, use, testInfo) => {
    if (edition === 'web') {
      await use(new WebDriver(page));
      return;
    }
    const harness = await createDesktopHarness(page, testInfo);
    await use(new DesktopDriver(page, harness));
    await harness.dispose();
  },
});

export { expect } from '@playwright/test';
