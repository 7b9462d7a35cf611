import { expect, test, type Locator } from '@playwright/test';
import { openApp, watchPageErrors } from '../helpers/app';
import { exportWorkbook, importFile, withWorkbookInputChanged } from '../helpers/exports';

const HIGH_TECH = 'high-tech-firms-19-2pct';

/** A number as the table shows it: "11,904家" or "1.19万家". */
function shownNumber(text: string): number {
  const number = Number((/-?[\d,]+(?:\.\d+)?/.exec(text)?.[0] ?? 'NaN').replace(/,/g, ''));
  return text.includes('万') ? number * 10_000 : number;
}

async function cellNumbers(row: Locator): Promise<number[]> {
  return (await row.locator('td').allTextContents()).map(shownNumber);
}

test.describe('#14.3 a workbook edited in Excel comes back into its workspace', () => {
  test.use({ locale: 'zh-CN' });

  test('#14.3 the high-tech rate set to 12% in the file updates that scenario, moves its simulation with it, adds nothing, and one undo restores 19.2%', async ({
    page,
  }) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    await page.keyboard.press('Alt+2');
    const items = page.locator('[data-testid^="scenario-item-"]');
    const scenarioCount = await items.count();
    expect(scenarioCount).toBeGreaterThan(1);

    const edited = await withWorkbookInputChanged(await exportWorkbook(page), HIGH_TECH, 'growthRatePercent', 0.12);
    await importFile(page, '情景推演台-导出.xlsx', edited);

    // The preview names the one change, from what the workspace holds to what the file says, and the cell.
    const changes = page.getByTestId('import-changes');
    await expect(changes).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-scenarios')).toContainText('将更新 1 个情景中的 1 个输入值');
    await expect(changes.getByRole('listitem')).toHaveCount(1);
    await expect(changes).toContainText(/高新技术企业.*：年增长率 19\.2% → 12%（s\d+_rate \(假设!D\d+\)）/);
    await expect(page.getByTestId('import-added')).toHaveCount(0);
    await page.getByTestId('import-confirm').click();
    // The notification says what changed and lists it.
    const notice = page.locator('.notification-success').last();
    await expect(notice).toContainText('1 个情景中的 1 个输入值已更新');
    await expect(notice).toContainText(/年增长率 19\.2% → 12%/);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('import-panel')).toBeHidden();

    // Nothing was duplicated: the same scenarios, and the high-tech one shows 12%.
    await page.keyboard.press('Alt+2');
    await expect(items).toHaveCount(scenarioCount);
    await page.getByTestId(`scenario-item-${HIGH_TECH}`).click();
    await expect(page.getByTestId('param-growthRatePercent-input')).toHaveValue('12');
    // The Monte Carlo rate follows: normal(19.2, 4) became normal(12, 4).
    await expect(page.getByTestId('dist-mean-input')).toHaveValue('12');
    await expect(page.getByTestId('mc-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });

    // Verdict and probability agree. 7565 × 1.12⁴ = 11,903.67 < 12,700: not met; with rates ~ normal(12, 4) each year the
    // chance is about 17 % (ln(12700 / 7565) = 0.518 against a mean of 4 × 0.1127 = 0.451, sd 2 × 0.0357: z = 0.94), not 99 %.
    const row2027 = page.getByTestId('target-row-2027');
    // 11,903.67 is 6.3 % short of 12,700, more than the 5 % of "at risk": off track.
    await expect(row2027).toContainText('难以实现');
    const probability = Number(/(\d+(?:\.\d+)?)%（标准误/.exec((await row2027.locator('td').last().textContent()) ?? '')?.[1]);
    expect(probability).toBeGreaterThan(10);
    expect(probability).toBeLessThan(25);
    // The path lies inside the simulated band: P10 < the path's 11,904 < P90 in 2027.
    const [, value, p10, , p90] = await cellNumbers(page.getByTestId('year-row-2027'));
    expect(value).toBeGreaterThan(11_850);
    expect(value).toBeLessThan(11_950);
    expect(p10).toBeLessThan(value as number);
    expect(p90).toBeGreaterThan(value as number);

    // The whole import is one undo step.
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('param-growthRatePercent-input')).toHaveValue('19.2');
    await expect(page.getByTestId('dist-mean-input')).toHaveValue('19.2');
    await expect(items).toHaveCount(scenarioCount);
    expect(problems).toEqual([]);
  });

  test('#14.3 an unedited workbook changes nothing, and one from another workspace is added as new and said so', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('Alt+2');
    const items = page.locator('[data-testid^="scenario-item-"]');
    const scenarioCount = await items.count();
    const exported = await exportWorkbook(page);

    await importFile(page, '未修改.xlsx', exported);
    await expect(page.getByTestId('import-nothing')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-confirm')).toHaveCount(0);
    await page.keyboard.press('Escape');

    // A new, empty workspace is another workspace: the workbook's scenarios come in as new ones.
    await page.getByRole('button', { name: /^新建/ }).first().click();
    await expect(items).toHaveCount(0);
    await importFile(page, '别处的工作簿.xlsx', exported);
    await expect(page.getByTestId('import-scenarios')).toContainText('这是从另一个工作区导出的情景推演台工作簿');
    await expect(page.getByTestId('import-added').getByRole('listitem')).toHaveCount(scenarioCount);
    await page.getByTestId('import-confirm').click();
    await expect(page.locator('.notification-success').last()).toContainText(`已添加 ${scenarioCount} 个新情景`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+2');
    await expect(items).toHaveCount(scenarioCount);
  });
});
