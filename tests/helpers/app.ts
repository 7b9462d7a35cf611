import type { Page } from '@playwright/test';

/** Opens the app and waits until the shell and its bundled CJK font are ready. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.locator('.shell').waitFor();
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

/** Collects console errors and failed requests, so a test can assert the page ran clean. */
export function watchPageErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  return problems;
}

export const screenshotDir = 'docs/screenshots';
