import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openApp, watchPageErrors } from '../helpers/app';
import { svgTexts } from '../helpers/exports';

/**
 * Item #14.6 of the issue: a chart of the user's own data cites the source the user imported it
 * with, on screen and in the exported image, and not the newspaper the bundled figures come from.
 * The data is tests/fixtures/import/good.csv: 区软件业务收入, noted "区统计局, 2023年公报".
 */

async function importGoodCsv(page: Page): Promise<void> {
  await page.getByTestId('open-import').click();
  await expect(page.getByTestId('import-panel')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  await (await chooser).setFiles('tests/fixtures/import/good.csv');
  // The first file read also loads the worker, which takes a while on a busy machine.
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '导入 3 个指标' }).click();
  await expect(page.getByTestId('workspace-indicators').locator('tbody tr')).toHaveCount(3);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-panel')).toBeHidden();
}

test.describe('sources of imported data (zh)', () => {
  test.use({ locale: 'zh-CN' });

  test('#14.6 charts of imported data cite the imported source, not the newspaper, on screen and in the SVG', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    await importGoodCsv(page);

    await page.keyboard.press('Alt+2');
    await page.getByTestId('add-scenario').locator('summary').click();
    await page.getByTestId('add-indicator').selectOption('district.software.revenue');
    await page.getByTestId('add-confirm').click();
    await expect(page.getByTestId('scenario-name')).toHaveValue('区软件业务收入：每年增长10%');

    const frame = page.locator('figure[data-chart-id="scenario-district.software.revenue"]');
    const source = frame.locator('.chart-frame-source');
    await expect(source).toHaveText('来源：区统计局, 2023年公报；预测：Scenario Desk 情景「区软件业务收入：每年增长10%」');
    await expect(source).not.toContainText('重庆日报');

    const downloadPromise = page.waitForEvent('download');
    await page.getByTestId('chart-export-scenario-district.software.revenue').click();
    await page.getByTestId('chart-export-svg').click();
    const download = await downloadPromise;
    const svg = (await readFile(await download.path())).toString('utf8');
    // The source line may wrap onto several lines of the image: joined, they are the line on screen.
    const texts = svgTexts(svg);
    const joined = texts.join('');
    expect(joined.includes('来源：区统计局, 2023年公报；预测：Scenario Desk 情景「区软件业务收入：每年增长10%」'), 'imported source in the SVG').toBe(true);
    expect(
      texts.some((text) => text.includes('重庆日报')),
      'no newspaper in the SVG',
    ).toBe(false);
    expect(problems).toEqual([]);
  });
});
