import { expect, test, type Page } from '@playwright/test';
import { openApp, watchPageErrors } from '../helpers/app';

async function openHighTech(page: Page): Promise<void> {
  await openApp(page);
  await page.keyboard.press('Alt+2');
  await page.getByTestId('scenario-item-high-tech-firms-19-2pct').click();
  await expect(page.getByTestId('scenario-builder')).toBeVisible();
}

/** The target markers the scenario chart draws (one dot per target). */
const targetDots = (page: Page) => page.getByTestId('scenario-builder').locator('.chart-frame .recharts-reference-dot');

test.describe('#14.4 base and targets in the builder (zh)', () => {
  test.use({ locale: 'zh-CN' });

  test('#14.4 edits the base, adds and edits a target by keyboard, and the chart marker and the target panel follow; each edit is one undo step', async ({
    page,
  }) => {
    const problems = watchPageErrors(page);
    await openHighTech(page);
    const origin = page.getByTestId('base-origin');
    await expect(origin).toHaveAttribute('data-linked', 'true');
    await expect(page.getByTestId('param-baseYear-input')).toHaveValue('2023');
    await expect(page.getByTestId('param-baseValue-input')).toHaveValue('7565');
    await expect(targetDots(page)).toHaveCount(2);
    // The article's 7,565 firms at 19.2% a year: 7565 × 1.192² ≈ 10,749 in 2025, above the 10,000 target.
    await expect(page.getByTestId('target-row-2025')).toContainText('按期实现');

    // A base of the analyst's own: 6,000 firms in 2023.
    await page.getByTestId('param-baseValue-input').fill('6000');
    await expect(origin).toHaveAttribute('data-linked', 'false');
    await expect(origin).toHaveText('基期为您自己输入的数值，不再对应数据中的数字。');
    // 6000 × 1.192² = 8,525.18 < 10,000: not met; 6000 × 1.192³ = 10,162.02 reaches it in 2026.
    // 8,525.18 is 14.7 % short of 10,000, more than the 5 % of "at risk": off track.
    const row2025 = page.getByTestId('target-row-2025');
    await expect(row2025).toContainText('难以实现');
    await expect(row2025.locator('td').nth(3)).toHaveText('2026');

    // A new target, added with the keyboard: its year field takes the focus.
    await page.getByTestId('add-target').focus();
    await page.keyboard.press('Enter');
    const year = page.getByTestId('target-2-year-input');
    await expect(year).toBeFocused();
    // It starts on the path at the 2030 horizon: 6000 × 1.192⁷ = 20,515.6, rounded to the step of 100.
    await expect(year).toHaveValue('2030');
    await expect(page.getByTestId('target-2-value-input')).toHaveValue('20500');
    await expect(targetDots(page)).toHaveCount(3);

    await year.fill('2029');
    await page.getByTestId('target-2-value-input').fill('20000');
    await page.getByTestId('target-2-label').fill('区级规划目标');
    await page.getByTestId('target-2-label').press('Enter');
    // 6000 × 1.192⁶ = 17,211.1 < 20,000 in 2029; 6000 × 1.192⁷ = 20,515.6 reaches it in 2030.
    const row2029 = page.getByTestId('target-row-2029');
    // 17,211.1 is 13.9 % short of 20,000: off track.
    await expect(row2029).toContainText('难以实现');
    await expect(row2029.locator('td').nth(3)).toHaveText('2030');
    await expect(page.getByTestId('scenario-builder').locator('.chart-frame')).toContainText('2029年目标');
    await expect(targetDots(page)).toHaveCount(3);

    // Refused values are explained beside the field, naming it, and change nothing.
    await year.fill('2020');
    await expect(page.getByTestId('target-2-year-error')).toHaveText('⚠ 目标年份必须晚于基期年份 2023(当前为 2020)');
    await year.fill('二〇二九');
    await expect(page.getByTestId('target-2-year-error')).toHaveText('⚠ 目标 3 年份：请输入数字。');
    await page.getByTestId('target-2-value-input').fill('1e16');
    await expect(page.getByTestId('target-2-value-error')).toContainText('目标值的绝对值不能超过 1e15');
    await expect(page.getByTestId('target-row-2029')).toBeVisible();
    await year.fill('2029');
    await page.getByTestId('target-2-value-input').fill('20000');

    // One undo step per edit, newest first: the label, the value, the year, the added target, the base.
    await page.getByTestId('add-target').focus();
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('target-2-label')).toHaveValue('');
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('target-2-value-input')).toHaveValue('20500');
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('target-2-year-input')).toHaveValue('2030');
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('target-2')).toHaveCount(0);
    await expect(targetDots(page)).toHaveCount(2);
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('param-baseValue-input')).toHaveValue('7565');
    await expect(origin).toHaveAttribute('data-linked', 'true');

    // Removing a target takes its marker and its row away; focus stays in the panel.
    await page.getByTestId('target-0-remove').click();
    await expect(page.getByTestId('target-row-2025')).toHaveCount(0);
    await expect(targetDots(page)).toHaveCount(1);
    await expect(page.getByTestId('add-target')).toBeFocused();
    expect(problems).toEqual([]);
  });
});

test.describe('#14.4 base and targets in the builder (en)', () => {
  test.use({ locale: 'en-US' });

  test('#14.4 the base year field names itself in its message and a typed base year moves the table', async ({ page }) => {
    await openHighTech(page);
    await expect(page.getByRole('group', { name: 'Base and targets' })).toBeVisible();
    const baseYear = page.getByLabel('Base year');
    await baseYear.fill('next year');
    await expect(page.getByTestId('param-baseYear-error')).toHaveText('⚠ Base year: enter a number.');
    await baseYear.fill('2022');
    await expect(page.getByTestId('base-origin')).toHaveText('The base is your own figure: it no longer stands for a figure of the data.');
    // The path now starts in 2022 at the 7,565 firms typed there: 7565 × 1.192 = 9,017.48 firms in 2023 (about 9,017).
    await expect(page.getByTestId('year-value-2022')).toHaveText('7,565 firms');
    await expect(page.getByTestId('year-value-2023')).toHaveText(/^9,01[78]/);
    await page.getByTestId('base-and-targets').screenshot({ path: 'test-results/base-targets-en.png' });
  });
});
