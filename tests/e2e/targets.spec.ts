import { expect, test, type Page } from '@playwright/test';
import { openApp, watchPageErrors } from '../helpers/app';

async function openTargets(page: Page, name: RegExp): Promise<void> {
  await openApp(page);
  await page.getByRole('navigation').getByRole('button', { name }).click();
}

test.describe('targets view in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('shows the 2027 high-tech target with its required growth, the 19.2% projection and a status', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openTargets(page, /^目标/);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('目标');
    const row2027 = page.getByTestId('target-row-high-tech-firms-19-2pct-2027');
    // The article's 2027 target: 超过1.27万家 = 12,700 firms.
    await expect(row2027).toContainText('1.27万家');
    // (12700 / 7565)^(1/4) − 1 = 0.13828 → 13.8%; the scenario assumes 19.2%.
    await expect(row2027.getByTestId('required-growth')).toHaveText('13.8%');
    await expect(row2027).toContainText('19.2%');
    // 7565 × 1.192² = 10748.84 firms in 2025, printed in whole firms.
    const row2025 = page.getByTestId('target-row-high-tech-firms-19-2pct-2025');
    await expect(row2025.getByTestId('projected')).toHaveText('10,749家');
    // 10748.84 ≥ 10000: on track, said in words and with an icon.
    await expect(row2025.getByTestId('target-status')).toHaveText(/✓\s*按期实现/);
    // Linear +1219 a year: 7565 + 4 × 1219 = 12441 < 12700 (−2.0%) → at risk.
    await expect(page.getByTestId('target-row-high-tech-firms-linear-net-gain-2027').getByTestId('target-status')).toHaveText(/!\s*存在风险/);
    // A scenario without an uncertainty spec says so in the probability column instead of leaving it blank.
    await expect(page.getByTestId('target-row-tech-based-firms-36-1pct-2027').getByRole('cell').nth(5)).toHaveText('未设不确定性');
    expect(problems).toEqual([]);
  });

  test('sorts by a column from the keyboard and says so to assistive technology', async ({ page }) => {
    await openTargets(page, /^目标/);
    const header = page.getByRole('columnheader', { name: /所需年均增速/ });
    await expect(header).toHaveAttribute('aria-sort', 'none');
    await header.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    // Lowest required growth first: the tech-based 2025 target, (67000 / 58524)^(1/2) − 1 = 0.06997 → 7.0%.
    const firstRequired = page.getByTestId('targets-table').locator('tbody tr').first().getByTestId('required-growth');
    await expect(firstRequired).toHaveText(/^7\.0%/);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('columnheader', { name: /假设增速/ }).getByRole('button')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(header).toHaveAttribute('aria-sort', 'descending');
  });
});

test.describe('targets view in English', () => {
  test.use({ locale: 'en-US' });

  test('shows the same figures in English', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openTargets(page, /^Targets/);
    const row2027 = page.getByTestId('target-row-high-tech-firms-19-2pct-2027');
    await expect(row2027).toContainText('12.7 thousand firms');
    await expect(row2027.getByTestId('required-growth')).toHaveText('13.8%');
    await expect(page.getByTestId('target-row-high-tech-firms-19-2pct-2025').getByTestId('projected')).toHaveText('10,749 firms');
    await expect(page.getByTestId('target-row-high-tech-firms-19-2pct-2025').getByTestId('target-status')).toHaveText(/✓\s*On track/);
    expect(problems).toEqual([]);
  });
});
