import { expect, test, type Page } from '@playwright/test';
import { openApp, watchPageErrors } from '../helpers/app';

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
    // Opens on the baseline's indicator: the two high-tech scenarios are ticked.
    await expect(page.getByRole('checkbox', { name: /高新技术企业:保持2023年增速19.2%/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /高新技术企业:每年净增约1219家/ })).toBeChecked();
    await expect(page.getByTestId('compare-empty')).toHaveCount(0);
    await page.getByRole('checkbox', { name: /高新技术企业:每年净增约1219家/ }).uncheck();
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
  });

  test('draws one small chart per indicator and measures each against a reference of its own indicator', async ({ page }) => {
    await openCompare(page, /^对比/);
    await page.getByRole('button', { name: '全部取消' }).click();
    await page.getByTestId('compare-pick-high-tech-firms-19-2pct').check();
    await page.getByTestId('compare-pick-software-revenue-15pct').check();
    await expect(page.locator('[data-chart-id="compare-1"]')).toBeVisible();
    await expect(page.locator('[data-chart-id="compare-2"]')).toBeVisible();
    await expect(page.getByText('按指标分别作图')).toBeVisible();
    // The software scenario is another indicator than the reference (the high-tech baseline): said so, with what to do.
    await expect(page.getByText(/软件和信息服务业.*」与对比基准的指标不同/)).toBeVisible();
    await page.getByTestId('compare-reference').selectOption('software-revenue-15pct');
    await expect(page.getByText(/高新技术企业数量」与对比基准的指标不同/)).toBeVisible();
  });

  test('#14.11 choosing a reference in Compare does not move ★基准 in the scenario list', async ({ page }) => {
    await openCompare(page, /^对比/);
    // The picker of what differences are measured against.
    const reference = page.getByRole('combobox', { name: /基准/ });
    await expect(reference).toHaveValue('high-tech-firms-19-2pct');
    await reference.selectOption('high-tech-firms-linear-net-gain');
    // The workspace's baseline stays where it was: the scenario list still stars the 19.2% scenario.
    await page.getByRole('navigation').getByRole('button', { name: /^情景/ }).click();
    await expect(page.getByTestId('scenario-item-high-tech-firms-19-2pct').getByTestId('baseline-badge')).toBeVisible();
    await expect(page.getByTestId('scenario-item-high-tech-firms-linear-net-gain').getByTestId('baseline-badge')).toHaveCount(0);
    await expect(page.getByTestId('baseline-badge')).toHaveCount(1);
    await page.getByRole('navigation').getByRole('button', { name: /^对比/ }).click();
    await expect(reference).toHaveValue('high-tech-firms-linear-net-gain');
    // Differences are now measured against +1219 a year: 2025 is 7565 × 1.192² − (7565 + 2 × 1219) = 10748.84 − 10003 = +745.84 → +746家.
    const row2025 = page.getByTestId('compare-difference-table-cq.enterprises.high-tech').getByTestId('compare-difference-row-2025');
    await expect(row2025.getByTestId('difference-absolute')).toHaveText('+746家');
    await expect(page.getByTestId('compare-reference-badge')).toHaveCount(1);
    await expect(page.getByTestId('compare-pick-high-tech-firms-linear-net-gain').locator('..').getByTestId('compare-reference-badge')).toHaveText('对比基准');
    await expect(page.getByTestId('compare-pick-high-tech-firms-19-2pct').locator('..').getByTestId('compare-baseline-badge')).toHaveText('★ 基准');
    // Only the explicit command moves it.
    await page.getByTestId('compare-set-baseline').click();
    await page.getByRole('navigation').getByRole('button', { name: /^情景/ }).click();
    await expect(page.getByTestId('scenario-item-high-tech-firms-linear-net-gain').getByTestId('baseline-badge')).toBeVisible();
    await expect(page.getByTestId('baseline-badge')).toHaveCount(1);
  });

  test('#14.11 the ticks and the reference survive a switch to Data and back', async ({ page }) => {
    await openCompare(page, /^对比/);
    await page.getByTestId('compare-pick-high-tech-firms-linear-net-gain').uncheck();
    await page.getByTestId('compare-pick-tech-based-firms-36-1pct').check();
    await page.getByTestId('compare-pick-tech-based-firms-cautious-10pct').check();
    await page.getByRole('combobox', { name: /基准/ }).selectOption('tech-based-firms-cautious-10pct');
    await page.getByRole('navigation').getByRole('button', { name: /^数据/ }).click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('数据');
    await page.getByRole('navigation').getByRole('button', { name: /^对比/ }).click();
    await expect(page.getByTestId('compare-pick-tech-based-firms-36-1pct')).toBeChecked();
    await expect(page.getByTestId('compare-pick-tech-based-firms-cautious-10pct')).toBeChecked();
    await expect(page.getByTestId('compare-pick-high-tech-firms-19-2pct')).toBeChecked();
    await expect(page.getByTestId('compare-pick-high-tech-firms-linear-net-gain')).not.toBeChecked();
    await expect(page.getByRole('combobox', { name: /基准/ })).toHaveValue('tech-based-firms-cautious-10pct');
    // Against the cautious 10%: 2025 is 58524 × 1.361² − 58524 × 1.1² = 58524 × 1.852321 − 58524 × 1.21 = 108405.23 − 70814.04 = +37591.19 → +37,591家.
    const row2025 = page.getByTestId('compare-difference-table-cq.enterprises.tech-based').getByTestId('compare-difference-row-2025');
    await expect(row2025.getByTestId('difference-absolute')).toHaveText('+37,591家');
  });

  test('#14.11 the first open of Compare shows a difference chart, not the different-indicator message', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openCompare(page, /^对比/);
    await expect(page.locator('[data-chart-id="compare-difference-1"]')).toBeVisible();
    // The reference's own line at zero (named, #14.1) and the other scenario's difference from it.
    await expect(page.locator('[data-chart-id="compare-difference-1"] .recharts-line-curve')).toHaveCount(2);
    await expect(page.getByText('与对比基准的指标不同')).toHaveCount(0);
    await expect(page.getByText('与基准情景的指标不同')).toHaveCount(0);
    // 2025: 7565 + 2 × 1219 = 10003 against the baseline's 7565 × 1.192² = 10748.84: −745.84 → −746家.
    const row2025 = page.getByTestId('compare-difference-table-cq.enterprises.high-tech').getByTestId('compare-difference-row-2025');
    await expect(row2025.getByTestId('difference-absolute')).toHaveText('−746家');
    expect(problems).toEqual([]);
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
    await expect(page.getByTestId('compare-pick-diagnostics-market-target-path')).toBeChecked();
    // Onward past the remaining checkboxes and the clear button to the reference picker.
    for (let i = 0; i < 12 && !(await page.getByTestId('compare-reference').evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(page.getByTestId('compare-reference')).toBeFocused();
  });
});

test.describe('compare view in English', () => {
  test.use({ locale: 'en-US' });

  test('shows the same difference in English', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openCompare(page, /^Compare/);
    await expect(page.getByRole('checkbox', { name: /High-tech enterprises: keep 2023 growth/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /High-tech enterprises: \+1,219 firms/ })).toBeChecked();
    await expect(page.getByTestId('compare-reference')).toContainText('(★ baseline)');
    const row2025 = page.getByTestId('compare-difference-row-2025');
    await expect(row2025.getByTestId('difference-absolute')).toHaveText('−746 firms');
    await expect(row2025.getByTestId('difference-percent')).toHaveText('−6.9%');
    expect(problems).toEqual([]);
  });
});
