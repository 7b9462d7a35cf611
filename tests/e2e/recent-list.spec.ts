/**
 * The browser edition keeps its settings, the recent list among them, in localStorage: a stored value
 * that is not valid settings (here a damaged recent list) is copied to a `…quarantine-<time>` key,
 * unchanged, before defaults replace it, and the user is told.
 */
import { expect, test } from '@playwright/test';
import { openApp } from '../helpers/app';

test.use({ locale: 'zh-CN' });

test('a damaged recent list in the stored settings is kept unchanged under a quarantine key', async ({ page }) => {
  await openApp(page);
  const stored = JSON.stringify({
    schemaVersion: 1,
    language: 'zh',
    theme: 'dark',
    windowBounds: null,
    recentFiles: [
      { id: 'a1b2', name: 'plan.sdesk', modifiedAt: null },
      { id: 'c3d4', modifiedAt: 12 },
    ],
    lastView: 'targets',
  });
  await page.evaluate((value) => localStorage.setItem('scenario-desk.settings', value), stored);
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: '设置文件已损坏' })).toBeVisible();
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('scenario-desk.settings.quarantine-'))
      .map((key) => localStorage.getItem(key)),
  );
  expect(kept).toEqual([stored]);
  // Only after the copy was the value replaced, by defaults.
  expect(JSON.parse((await page.evaluate(() => localStorage.getItem('scenario-desk.settings'))) ?? 'null')).toMatchObject({ recentFiles: [], theme: 'system' });
});
