import { expect, test, type Page } from '@playwright/test';
import { openApp, watchPageErrors } from '../helpers/app';

const fixtures = 'tests/fixtures/import';

async function pickFixture(page: Page, name: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  await (await chooser).setFiles(`${fixtures}/${name}`);
}

test.describe('#14.12 a plain year,value CSV (zh)', () => {
  test.use({ locale: 'zh-CN' });

  test('#14.12 imports a two-column CSV as one named indicator, finds it in the Data view search, and starts a scenario from its latest actual year', async ({
    page,
  }) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    await page.getByTestId('open-import').click();
    await pickFixture(page, 'series-year-value.csv');
    const preview = page.getByTestId('import-preview');
    await expect(preview).toBeVisible({ timeout: 30_000 });
    // The file has only 年份 and 数值: one indicator, named after the file, in 亿元 until the analyst says otherwise.
    const series = page.getByTestId('import-series');
    await expect(series).toContainText('文件只有年份和数值两列');
    await expect(page.getByTestId('import-series-name-zh')).toHaveValue('series-year-value');
    await expect(page.getByTestId('import-series-unit')).toHaveValue('cny-100m');
    await expect(preview.locator('tbody tr')).toHaveCount(1);

    await page.getByTestId('import-series-name-zh').fill('区软件业务收入');
    await page.getByTestId('import-series-name-zh').press('Enter');
    await expect(preview.locator('tbody tr')).toContainText('区软件业务收入');
    await expect(preview.locator('tbody tr')).toContainText('2019–2023');
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('workspace-indicators')).toContainText('区软件业务收入');
    await page.getByRole('button', { name: '关闭' }).first().click();

    // The Data view's search finds the imported indicator beside the article's.
    await page.keyboard.press('Alt+1');
    await page.getByTestId('data-search').fill('软件业务收入');
    const own = page.getByTestId('data-own');
    await expect(own).toContainText('我的数据（导入）：1 个指标');
    await expect(own).toContainText('区软件业务收入');
    await expect(own.locator('tbody tr')).toHaveCount(3);
    await page.getByTestId('data-search').fill('金凤');
    await expect(own).toHaveCount(0);

    // A new scenario of it starts from 2023, the latest actual year, not 2019.
    await page.keyboard.press('Alt+2');
    await page.getByTestId('add-scenario').locator('summary').click();
    await page.getByTestId('add-search').fill('区软件');
    await expect(page.getByTestId('add-base').locator('option:checked')).toContainText('2023年');
    await page.getByTestId('add-confirm').click();
    await expect(page.getByTestId('param-baseYear-input')).toHaveValue('2023');
    await expect(page.getByTestId('param-baseValue-input')).toHaveValue('3000');
    expect(problems).toEqual([]);
  });

  test('#14.12 names a missing column in Chinese, in the message and in the column cell', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('open-import').click();
    await pickFixture(page, 'series-unknown-column.csv');
    const errors = page.getByTestId('import-errors');
    await expect(errors).toBeVisible({ timeout: 30_000 });
    const missing = errors.locator('tbody tr').filter({ hasText: '缺少' });
    await expect(missing).toHaveText(['1', '数值', '缺少“数值”列'].join(''));
    await expect(errors).not.toContainText('value');
  });
});
