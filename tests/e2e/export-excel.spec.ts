import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { openApp, watchPageErrors } from '../helpers/app';

async function exportAndRead(page: Page, buttonName: RegExp): Promise<{ fileName: string; workbook: ExcelJS.Workbook }> {
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: buttonName }).click();
  const download = await downloadPromise;
  const path = await download.path();
  const workbook = new ExcelJS.Workbook();
  const bytes = await readFile(path);
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return { fileName: download.suggestedFilename(), workbook };
}

/** Row of `year` on the Projections sheet (years are in column A). */
function yearRow(sheet: ExcelJS.Worksheet, year: number): number {
  for (let row = 1; row <= sheet.rowCount; row++) if (sheet.getRow(row).getCell(1).value === year) return row;
  throw new Error(`no row for ${year}`);
}

test.describe('Excel export (Chinese)', () => {
  test.use({ locale: 'zh-CN' });

  test('exports a live workbook from the Export view', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    await page.getByRole('navigation', { name: '视图' }).getByRole('button', { name: /^导出/ }).click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('导出');
    await expect(page.getByText('8 个情景将被导出。')).toBeVisible();
    await expect(page.getByTestId('export-status')).toContainText('尚未导出');
    // The starter has five scenarios with an uncertainty spec; their simulations go into the workbook.
    await expect(page.getByText('5 / 5 个情景的模拟已完成,将一并导出。')).toBeVisible({ timeout: 30_000 });

    const { fileName, workbook } = await exportAndRead(page, /^⤓? ?导出 Excel$/);
    expect(fileName).toMatch(/^情景推演台-.*\.xlsx$/);
    await expect(page.getByTestId('export-status')).toContainText(`已导出 ${fileName}`);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['封面', '假设', '预测', '目标', '不确定性', '来源', '图表', '_sdesk']);
    // The chart on screen (the baseline chart of the Export view) is on the Chart sheet as an image.
    expect((workbook.getWorksheet('图表') as ExcelJS.Worksheet).getImages()).toHaveLength(1);

    // The baseline, high-tech firms (s4): 7565 in 2023 at 19.2 % → 7565 × 1.192² = 10748.83616 in 2025.
    const projections = workbook.getWorksheet('预测') as ExcelJS.Worksheet;
    const cell = projections.getRow(yearRow(projections, 2025)).getCell(5);
    expect(cell.formula).toMatch(/^s4_base\*\(1\+s4_rate\)\^\(\$A\d+-s4_baseYear\)$/);
    expect(cell.result as number).toBeCloseTo(10748.83616, 6);
    const uncertaintyTexts: string[] = [];
    workbook.getWorksheet('不确定性')?.eachRow((row) => row.eachCell((c) => uncertaintyTexts.push(String(c.value))));
    expect(uncertaintyTexts.join('\n')).toMatch(/试验次数 20,000,随机种子 \d+/);

    expect(problems).toEqual([]);
  });

  test('Ctrl+E exports from another view', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('Alt+2');
    const downloadPromise = page.waitForEvent('download');
    await page.keyboard.press('Control+e');
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  });
});

test.describe('Excel export (English)', () => {
  test.use({ locale: 'en-US' });

  test('sheet names and labels follow the English interface', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    await page.getByTestId('language-select').selectOption('en');
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: /^Export/ })
      .click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('Export');
    await expect(page.locator('#main figure.chart-frame').first()).toBeVisible();
    const { fileName, workbook } = await exportAndRead(page, /Export to Excel$/);
    expect(fileName).toMatch(/^Scenario Desk-.*\.xlsx$/);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Cover',
      'Assumptions',
      'Projections',
      'Targets',
      'Uncertainty',
      'Sources',
      'Chart',
      '_sdesk',
    ]);
    // Software revenue (s1): 4200 / 1.15 in 2023 at 15 % → (4200 / 1.15) × 1.15³ = 4200 × 1.15² = 5554.5 in 2026.
    const projections = workbook.getWorksheet('Projections') as ExcelJS.Worksheet;
    const cell = projections.getRow(yearRow(projections, 2026)).getCell(2);
    expect(cell.formula).toMatch(/^s1_base\*\(1\+s1_rate\)\^/);
    expect(cell.result as number).toBeCloseTo(5554.5, 9);
    expect(problems).toEqual([]);
  });
});
