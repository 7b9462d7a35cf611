import { expect, type Page } from '@playwright/test';

/**
 * Waits until the page shows the bundled CJK font. The app attaches the font after its first
 * frame and marks <html data-fonts="ready"> once the faces in use have loaded; text shown after
 * that (a dialog, another view) may still need a subset, so the font set is awaited too.
 */
export async function fontsReady(page: Page): Promise<void> {
  await page.locator('html[data-fonts="ready"]').waitFor({ state: 'attached' });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

/** Opens the app and waits until the shell and its bundled CJK font are ready. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.locator('.shell').waitFor();
  await fontsReady(page);
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

/** An edit a user would make: the software scenario's growth one point lower (15 → 14). */
export async function editSomething(page: Page): Promise<void> {
  await page.keyboard.press('Alt+2');
  await page.getByTestId('scenario-item-software-revenue-15pct').click();
  const rate = page.getByTestId('param-growthRatePercent-input');
  await rate.focus();
  await rate.press('Shift+ArrowDown');
  await expect(rate).toHaveValue('14');
}
