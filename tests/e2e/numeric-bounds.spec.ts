import { expect, test } from '@playwright/test';
import { openApp, watchPageErrors } from '../helpers/app';

// Issue #12 item 2 in the real UI: a number outside its unit's bounds is explained at the field, and the
// workspace (and so every figure shown) keeps the last good value.
test.describe('numeric bounds in the UI', () => {
  test.use({ locale: 'en-US' });

  test('the scenario builder refuses 1e308, 1e999 and a huge spread at the field and keeps the last good value', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    await page.keyboard.press('Alt+2');
    await page.getByTestId('scenario-item-software-revenue-15pct').click();
    const rate = page.getByTestId('param-growthRatePercent-input');
    const year2027 = page.getByTestId('year-value-2027');
    await expect(rate).toHaveValue('15');
    const before = await year2027.textContent();

    await rate.fill('1e308');
    await expect(page.getByTestId('param-growthRatePercent-error')).toHaveText('⚠ growth rate must be at most 1000% (got 1e+308)');
    await expect(year2027).toHaveText(before ?? '');
    await rate.fill('1e999');
    await expect(page.getByTestId('param-growthRatePercent-error')).toHaveText('⚠ must be a finite number (got ∞)');
    await expect(year2027).toHaveText(before ?? '');
    // 1000 % itself is allowed.
    await rate.fill('1000');
    await expect(page.getByTestId('param-growthRatePercent-error')).toHaveCount(0);
    await expect(year2027).not.toHaveText(before ?? '');
    await expect(year2027).not.toContainText(/NaN|Infinity|∞/);
    await rate.fill('15');
    await expect(year2027).toHaveText(before ?? '');

    const sd = page.getByTestId('dist-sd-input');
    await sd.fill('1e308');
    await expect(page.getByTestId('dist-sd-error')).toContainText('at most 1000 percentage points (got 1e+308)');
    const trials = page.getByTestId('mc-trials-input');
    await trials.fill('1e308');
    await expect(page.getByTestId('mc-trials-error')).toContainText('trials must be a whole number from 1 to 1000000');
    expect(problems).toEqual([]);
  });

  test('a sensitivity axis end beyond the bounds is explained at the field and the table keeps its range', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /^Sensitivity/ })
      .click();
    await page.getByTestId('sensitivity-scenario').selectOption('software-revenue-15pct');
    const firstRow = page.getByTestId('heatmap-row-0');
    await expect(firstRow).toHaveText('10.0%');
    await page.getByTestId('table-rows-from').fill('1e308');
    await expect(page.getByTestId('table-rows-from-error')).toHaveText('growth rate must be at most 1000% (got 1e+308)');
    await expect(firstRow).toHaveText('10.0%');
    await expect(page.getByTestId('heatmap')).not.toContainText(/NaN|Infinity|∞/);
    await page.getByTestId('table-rows-from').fill('5');
    await expect(page.getByTestId('table-rows-from-error')).toHaveCount(0);
    await expect(firstRow).toHaveText('5.0%');
    expect(problems).toEqual([]);
  });
});
