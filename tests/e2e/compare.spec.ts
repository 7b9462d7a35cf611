import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshotDir, watchPageErrors, fontsReady } from '../helpers/app';

async function openCompare(page: Page, name: RegExp): Promise<void> {
  await openApp(page);
  await page.getByRole('navigation').getByRole('button', { name }).click();
}

test.describe('compare view in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('overlays two high-tech scenarios with a legend and tabulates the difference to the baseline', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openCompare(page, /^对比/);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('对比');
    await expect(page.getByTestId('compare-empty')).toBeVisible();
    await page.getByRole('checkbox', { name: /高新技术企业:保持2023年增速19.2%/ }).check();
    await expect(page.getByTestId('compare-empty')).toBeVisible();
    await page.getByRole('checkbox', { name: /高新技术企业:每年净增约1219家/ }).check();
    await expect(page.getByTestId('compare-empty')).toHaveCount(0);

    const chart = page.locator('[data-chart-id="compare-1"]');
    await expect(chart.getByTestId('compare-legend-high-tech-firms-19-2pct')).toContainText('保持2023年增速19.2%');
    await expect(chart.getByTestId('compare-legend-high-tech-firms-linear-net-gain')).toContainText('每年净增约1219家');
    // Two drawn lines, told apart by dash pattern as well as colour.
    const lines = chart.locator('.recharts-line-curve');
    await expect(lines).toHaveCount(2);
    expect(await lines.nth(0).getAttribute('stroke-dasharray')).not.toBe(await lines.nth(1).getAttribute('stroke-dasharray'));

    // 2025: 7565 + 2 × 1219 = 10003 against the baseline's 7565 × 1.192² = 10748.84,
    // a difference of −745.84 firms (printed in whole firms) or −745.84 / 10748.84 = −6.9%.
    const row2025 = page.getByTestId('compare-difference-table-cq.enterprises.high-tech').getByTestId('compare-difference-row-2025');
    await expect(row2025.getByRole('cell').first()).toHaveText('10,749家');
    await expect(row2025.getByTestId('difference-absolute')).toHaveText('−746家');
    await expect(row2025.getByTestId('difference-percent')).toHaveText('−6.9%');
    // The base year is shared: no difference.
    await expect(page.getByTestId('compare-difference-row-2023').getByTestId('difference-absolute')).toHaveText('0家');
    expect(problems).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 1200 });
    await page.locator('[data-chart-id="compare-1"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await fontsReady(page);
    await page.screenshot({ path: `${screenshotDir}/compare-zh.png` });
  });

  test('draws one small chart per indicator and can switch the baseline off and on again', async ({ page }) => {
    await openCompare(page, /^对比/);
    await page.getByTestId('compare-pick-high-tech-firms-19-2pct').check();
    await page.getByTestId('compare-pick-software-revenue-15pct').check();
    await expect(page.locator('[data-chart-id="compare-1"]')).toBeVisible();
    await expect(page.locator('[data-chart-id="compare-2"]')).toBeVisible();
    await expect(page.getByText('按指标分别作图')).toBeVisible();
    await page.getByTestId('compare-baseline').selectOption('');
    await expect(page.getByText('尚未设置基准情景').first()).toBeVisible();
    await page.getByTestId('compare-baseline').selectOption('high-tech-firms-19-2pct');
    await expect(page.getByText('尚未设置基准情景')).toHaveCount(0);
  });

  test('reaches the scenario checkboxes and the baseline picker with the keyboard', async ({ page }) => {
    await openCompare(page, /^对比/);
    const first = page.getByTestId('compare-pick-software-revenue-15pct');
    await first.focus();
    await page.keyboard.press('Space');
    await expect(first).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('compare-pick-diagnostics-market-target-path')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('compare-empty')).toHaveCount(0);
    // Onward past the six remaining checkboxes and the clear button (eight Tabs) to the baseline picker.
    for (let i = 0; i < 12 && !(await page.getByTestId('compare-baseline').evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(page.getByTestId('compare-baseline')).toBeFocused();
  });
});

test.describe('compare view in English', () => {
  test.use({ locale: 'en-US' });

  test('shows the same difference in English', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openCompare(page, /^Compare/);
    await page.getByRole('checkbox', { name: /High-tech enterprises: keep 2023 growth/ }).check();
    await page.getByRole('checkbox', { name: /High-tech enterprises: \+1,219 firms/ }).check();
    const row2025 = page.getByTestId('compare-difference-row-2025');
    await expect(row2025.getByTestId('difference-absolute')).toHaveText('−746 firms');
    await expect(row2025.getByTestId('difference-percent')).toHaveText('−6.9%');
    expect(problems).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 1200 });
    await page.locator('[data-chart-id="compare-1"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await fontsReady(page);
    await page.screenshot({ path: `${screenshotDir}/compare-en.png` });
  });
});
