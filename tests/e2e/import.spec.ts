import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openApp, watchPageErrors } from '../helpers/app';

const fixtures = 'tests/fixtures/import';

async function openImport(page: Page): Promise<void> {
  await page.getByTestId('open-import').click();
  await expect(page.getByTestId('import-panel')).toBeVisible();
}

/** Clicks "Choose file…" and answers the browser's file chooser with a fixture. */
async function pickFixture(page: Page, name: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  await (await chooser).setFiles(`${fixtures}/${name}`);
}

test.describe('import (zh)', () => {
  test.use({ locale: 'zh-CN' });

  test('imports a CSV: preview, import, the indicators are in the workspace, undo takes them out', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    await openImport(page);
    await expect(page.getByTestId('workspace-indicators')).toHaveCount(0);
    await expect(page.getByTestId('import-panel')).toContainText('尚未导入任何指标');

    await pickFixture(page, 'good.csv');
    const preview = page.getByTestId('import-preview');
    // The first file read also loads the worker, which takes a while on a busy machine.
    await expect(preview).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-panel')).toContainText('在“good.csv”中找到 3 个指标（7 行数据）');
    await expect(preview.locator('tbody tr')).toHaveCount(3);
    // Last values as the file gives them: 1800亿元 (2025 target), 13,050 firms (2024), 3.1% (2027).
    await expect(preview.getByRole('row', { name: /district\.software\.revenue/ })).toContainText('1,800亿元 (2025)');
    await expect(preview.getByRole('row', { name: /district\.high-tech-firms/ })).toContainText('13,050家 (2024)');
    await expect(preview.getByRole('row', { name: /district\.rd-intensity/ })).toContainText('3.1% (2027)');
    await expect(preview.getByRole('row', { name: /district\.high-tech-firms/ })).toContainText('新增');

    await page.getByRole('button', { name: '导入 3 个指标' }).click();
    const list = page.getByTestId('workspace-indicators');
    await expect(list.locator('tbody tr')).toHaveCount(3);
    await expect(list).toContainText('区软件业务收入');
    await expect(page.getByTestId('unsaved-mark')).toBeVisible();

    // One undo step removes the whole import.
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('workspace-indicators')).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('lists the problems of a malformed CSV by row and column and imports nothing', async ({ page }) => {
    await openApp(page);
    await openImport(page);
    await pickFixture(page, 'bad.csv');
    const errors = page.getByTestId('import-errors');
    await expect(errors).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-panel')).toContainText('“bad.csv”中有 7 个问题，未导入任何数据');
    const rows = errors.locator('tbody tr');
    await expect(rows).toHaveCount(7);
    await expect(rows.nth(4)).toHaveText(['7', 'value', '不是数字：12,7x'].join(''));
    await expect(rows.nth(0).locator('td').nth(1)).toHaveText('unit');
    await expect(rows.nth(2)).toContainText('“constructor”不能用作指标代码');
    await expect(page.getByTestId('import-confirm')).toHaveCount(0);
  });
});

test.describe('import (en)', () => {
  test.use({ locale: 'en-US' });

  test('shows the errors of a malformed CSV in English and is keyboard-closable', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    await openImport(page);
    await expect(page.getByRole('dialog', { name: 'Import your own data' })).toBeVisible();
    await pickFixture(page, 'bad.csv');
    const errors = page.getByTestId('import-errors');
    await expect(errors).toBeVisible({ timeout: 30_000 });
    await expect(errors.getByRole('columnheader')).toHaveText(['Row', 'Column', 'Problem']);
    await expect(errors.getByRole('row', { name: /not a number: 12,7x/ })).toContainText('7');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('import-panel')).toBeHidden();
    expect(problems).toEqual([]);
  });

  test('imports an XLSX workbook through the worker', async ({ page }) => {
    await openApp(page);
    await openImport(page);
    await pickFixture(page, 'good.xlsx');
    const preview = page.getByTestId('import-preview');
    await expect(preview).toBeVisible({ timeout: 30_000 });
    // 1.27 in a 万家 column = 12,700 firms, shown as 12,700 firms.
    await expect(preview.getByRole('row', { name: /cq\.test\.firms/ })).toContainText('12,700 firms (2027)');
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('workspace-indicators').locator('tbody tr')).toHaveCount(2);
  });
});

test.describe('import of an exported workbook', () => {
  test.use({ locale: 'zh-CN' });

  test('#14.3 a workbook exported by the app imports back into its workspace without duplicating its scenarios', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('Alt+6');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel$/ }).click();
    const exported = await (await download).path();

    await openImport(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-choose').click();
    await (await chooser).setFiles({ name: '情景推演台-导出.xlsx', mimeType: 'application/octet-stream', buffer: await readFile(exported) });
    // From this workspace and unedited (#14.3): nothing to update, and nothing is added a second time.
    await expect(page.getByTestId('import-scenarios')).toContainText('这是从本工作区导出的情景推演台工作簿（8 个情景）');
    await expect(page.getByTestId('import-nothing')).toBeVisible();
    await expect(page.getByTestId('import-confirm')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+3');
    await expect(page.getByRole('checkbox')).toHaveCount(8);
  });
});
