import { expect, test } from '@playwright/test';
import { editSomething, openApp, watchPageErrors } from '../helpers/app';

const fixtures = 'tests/fixtures/workspace';

test.describe('workspace files', () => {
  test.use({ locale: 'zh-CN' });

  test('marks unsaved changes, and Save / Save As (buttons and Ctrl+S, Ctrl+Shift+S) write a .sdesk file', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    const mark = page.getByTestId('unsaved-mark');
    await expect(mark).toHaveCount(0);

    await editSomething(page);
    await expect(mark).toBeVisible();
    await expect(mark).toHaveAttribute('aria-label', '有未保存的修改');

    // The first Save of a workspace that has no file yet is a Save As: the browser downloads it.
    const firstDownload = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    const download = await firstDownload;
    expect(download.suggestedFilename()).toMatch(/\.sdesk$/);
    await expect(mark).toHaveCount(0);
    const saved = JSON.parse(await readDownload(download.path())) as {
      formatVersion: number;
      scenarios: Array<{ id: string; params: { growthRatePercent?: number } }>;
    };
    expect(saved.formatVersion).toBe(3);
    expect(saved.scenarios.find((s) => s.id === 'software-revenue-15pct')?.params.growthRatePercent).toBe(14);

    // Another edit, then Ctrl+S saves in place (no second download needed) and clears the mark.
    await page.getByTestId('param-growthRatePercent-input').press('Shift+ArrowDown');
    await expect(mark).toBeVisible();
    await page.getByTestId('param-growthRatePercent-slider').focus();
    await page.keyboard.press('Control+s');
    await expect(mark).toHaveCount(0);
    await expect(page.locator('.notification').last()).toContainText('已保存');

    // Ctrl+Shift+S always asks for a new file: another download.
    const secondDownload = page.waitForEvent('download');
    await page.keyboard.press('Control+Shift+S');
    expect((await secondDownload).suggestedFilename()).toMatch(/\.sdesk$/);

    // The Save As button does the same.
    const thirdDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '另存为…' }).click();
    expect((await thirdDownload).suggestedFilename()).toMatch(/\.sdesk$/);
    expect(problems).toEqual([]);
  });

  test('Ctrl+N starts an empty workspace', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('Alt+2');
    await expect(page.getByTestId('scenario-list').getByRole('button')).toHaveCount(8);
    await page.keyboard.press('Control+n');
    await expect(page.getByTestId('workspace-name')).toContainText('未命名工作区');
    await expect(page.getByTestId('scenarios-empty')).toBeVisible();
    await expect(page.getByTestId('scenario-list')).toHaveCount(0);
  });

  test('opening a file with wrong values names the JSON path and leaves the open workspace untouched', async ({ page }) => {
    await openApp(page);
    await editSomething(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '打开…' }).click();
    await (await chooser).setFiles(`${fixtures}/wrong-types.sdesk`);
    const error = page.locator('.notification-error');
    await expect(error).toContainText('原文件未作任何改动');
    await expect(error).toContainText('$.scenarios[0].unknownField');
    await expect(error).toContainText('$.scenarios[1].base.value');
    // Still the edited starter workspace: 14% and unsaved.
    await expect(page.getByTestId('param-growthRatePercent-input')).toHaveValue('14');
    await expect(page.getByTestId('unsaved-mark')).toBeVisible();
    await expect(page.getByTestId('scenario-list').getByRole('button')).toHaveCount(8);
  });

  // Through the toolbar button: in headless Chromium a file chooser opened from the Ctrl+O key
  // press was intermittently not shown at all (see the closing note of the first build).
  test('opening a truncated file reports invalid JSON for the whole file ($)', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('Alt+2');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '打开…' }).click();
    await (await chooser).setFiles(`${fixtures}/corrupt.sdesk`);
    const error = page.locator('.notification-error');
    await expect(error).toContainText('$: 不是有效的 JSON 文件');
    await expect(page.getByTestId('scenario-list').getByRole('button')).toHaveCount(8);
    await expect(page.getByTestId('workspace-name')).not.toContainText('corrupt');
  });
});

async function readDownload(path: Promise<string>): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(await path, 'utf8');
}
