import { expect, test, type Page } from '@playwright/test';
import { openApp, watchPageErrors, fontsReady } from '../helpers/app';

async function openSensitivity(page: Page, name: RegExp): Promise<void> {
  await openApp(page);
  await page.getByRole('navigation').getByRole('button', { name }).click();
}

test.describe('sensitivity view in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('draws the tornado for the software scenario and a heatmap with every value printed', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openSensitivity(page, /^敏感性/);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('敏感性');
    await page.getByTestId('sensitivity-scenario').selectOption('software-revenue-15pct');
    // The software scenario starts in 2023 (the revenue 4200 / 1.15 the 2024 target implies), so 2027 is offered and chosen by default.
    await expect(page.getByTestId('sensitivity-metric')).toHaveValue('value:2027');

    const growthBar = page.getByTestId('tornado-bar-growthRatePercent');
    await expect(growthBar).toContainText('增长率');
    await expect(page.getByTestId('tornado-bar-baseValue')).toContainText('基期值');
    // Growth 10% and 20% (±5 points) from 4200 / 1.15 = 3652.17 in 2023: 3652.17 × 1.1⁴ = 5347.1 and 3652.17 × 1.2⁴ = 7573.1亿元, with 4 significant figures.
    await expect(page.getByTestId('tornado-label-growthRatePercent-low')).toHaveText('5,347亿元 (低值 10.0%)');
    await expect(page.getByTestId('tornado-label-growthRatePercent-high')).toHaveText('7,573亿元 (高值 20.0%)');

    const heatmap = page.getByTestId('heatmap');
    // 7 × 7 cells, each with a printed value.
    await expect(heatmap.locator('td')).toHaveCount(49);
    await expect(heatmap.locator('td').filter({ hasText: /^\s*$/ })).toHaveCount(0);
    // Centre: 15% (middle of 10…20%) × 3652.17亿元 (middle of 3286.96…4017.39): (4200 / 1.15) × 1.15⁴ = 4200 × 1.15³ = 6387.675 → 6,388亿元.
    await expect(page.getByTestId('heatmap-row-3')).toHaveText('15.0%');
    await expect(page.getByTestId('heatmap-column-3')).toHaveText('3,652亿元');
    await expect(page.getByTestId('heatmap-cell-3-3')).toContainText('6,388亿元');
    // The text colour of every cell reaches AA contrast (4.5:1) against its background.
    const worstContrast = await heatmap.locator('td').evaluateAll((cells) => {
      const luminance = (colour: string) => {
        const [r = 0, g = 0, b = 0] = (colour.match(/\d+(\.\d+)?/g) ?? []).map(Number);
        const linear = [r, g, b].map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * (linear[0] ?? 0) + 0.7152 * (linear[1] ?? 0) + 0.0722 * (linear[2] ?? 0);
      };
      return Math.min(
        ...cells.map((cell) => {
          const style = getComputedStyle(cell);
          const a = luminance(style.backgroundColor);
          const b = luminance(style.color);
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }),
      );
    });
    expect(worstContrast).toBeGreaterThanOrEqual(4.5);
    expect(problems).toEqual([]);
  });

  test('resizes the data table and reaches every control with Tab', async ({ page }) => {
    await openSensitivity(page, /^敏感性/);
    await page.getByTestId('sensitivity-scenario').selectOption('software-revenue-15pct');
    await page.getByTestId('table-rows-steps').fill('3');
    await page.getByTestId('table-columns-steps').fill('4');
    await expect(page.getByTestId('heatmap').locator('td')).toHaveCount(12);
    // Choosing the same parameter for rows and columns is refused with a message instead of a table.
    await page.getByTestId('table-columns-parameter').selectOption('growthRatePercent');
    await expect(page.getByText('行参数与列参数不能相同。')).toBeVisible();

    await page.getByTestId('sensitivity-scenario').focus();
    const order = ['sensitivity-metric', 'table-rows-parameter', 'table-rows-from', 'table-rows-to', 'table-rows-steps', 'table-columns-parameter'];
    for (const testId of order) {
      // The charts' export menus sit between the controls; step past them, in order.
      for (let i = 0; i < 10 && !(await page.getByTestId(testId).evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
      await expect(page.getByTestId(testId)).toBeFocused();
    }
  });
});

test.describe('sensitivity view in the dark theme', () => {
  test.use({ locale: 'zh-CN', colorScheme: 'dark' });

  test('draws the tornado in the dark theme colours with readable labels', async ({ page }, testInfo) => {
    await openSensitivity(page, /^敏感性/);
    await page.getByTestId('theme-select').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByTestId('sensitivity-scenario').selectOption('software-revenue-15pct');
    // The labels take the dark theme's text colour (#e8eaed), not the light one.
    await expect(page.getByTestId('tornado-label-growthRatePercent-high')).toHaveAttribute('fill', '#e8eaed');
    await page.setViewportSize({ width: 1280, height: 1200 });
    await fontsReady(page);
    await page.screenshot({ path: testInfo.outputPath('sensitivity-zh-dark.png') });
  });
});

test.describe('sensitivity view in English', () => {
  test.use({ locale: 'en-US' });

  test('labels the tornado and the heatmap in English', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openSensitivity(page, /^Sensitivity/);
    await page.getByTestId('sensitivity-scenario').selectOption('software-revenue-15pct');
    await expect(page.getByTestId('tornado-bar-growthRatePercent')).toContainText('Growth rate');
    // 6387.675亿元 = CNY 638.7675 bn → 4 significant figures: 638.8.
    await expect(page.getByTestId('heatmap-cell-3-3')).toContainText('CNY 638.8 bn');
    expect(problems).toEqual([]);
  });
});
