import { expect, test } from '@playwright/test';
import { openApp, watchPageErrors } from '../helpers/app';

test.use({ locale: 'zh-CN' });

test('Duplicate pressed while a slider step is still being committed selects the copy', async ({ page }) => {
  const problems = watchPageErrors(page);
  await openApp(page);
  await page.keyboard.press('Alt+2');
  await page.getByTestId('scenario-item-high-tech-firms-19-2pct').click();
  await expect(page.getByTestId('param-growthRatePercent-input')).toHaveValue('19.2');
  // One task: a rate step on the slider (its commit runs as a transition, still pending) and at once Duplicate,
  // as a quick analyst does. The copy used to be made but not selected: the list read its id from an
  // updater React had not run yet.
  await page.evaluate(() => {
    const slider = document.querySelector<HTMLInputElement>('[data-testid="param-growthRatePercent-slider"]');
    const duplicate = document.querySelector<HTMLButtonElement>('[data-testid="duplicate-scenario"]');
    if (!slider || !duplicate) throw new Error('no slider or Duplicate button');
    slider.focus();
    slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', code: 'ArrowRight', bubbles: true }));
    duplicate.click();
  });
  const copy = page.getByTestId('scenario-item-high-tech-firms-19-2pct-copy');
  await expect(copy).toBeVisible();
  await expect(copy).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('scenario-item-high-tech-firms-19-2pct')).not.toHaveAttribute('aria-current', 'true');
  expect(problems).toEqual([]);
});

test('a new scenario added while a slider step is still being committed is selected', async ({ page }) => {
  const problems = watchPageErrors(page);
  await openApp(page);
  await page.keyboard.press('Alt+2');
  await page.getByTestId('scenario-item-high-tech-firms-19-2pct').click();
  await page.getByTestId('add-scenario').locator('summary').click();
  await expect(page.getByTestId('add-confirm')).toBeEnabled();
  const before = await page.locator('[data-testid^="scenario-item-"]').count();
  // As above: a rate step (a pending transition) and at once "add", in one task.
  await page.evaluate(() => {
    const slider = document.querySelector<HTMLInputElement>('[data-testid="param-growthRatePercent-slider"]');
    const add = document.querySelector<HTMLButtonElement>('[data-testid="add-confirm"]');
    if (!slider || !add) throw new Error('no slider or add button');
    slider.focus();
    slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', code: 'ArrowRight', bubbles: true }));
    add.click();
  });
  const items = page.locator('[data-testid^="scenario-item-"]');
  await expect(items).toHaveCount(before + 1);
  // The new one is the last in the list, and it is the one selected.
  await expect(items.last()).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('scenario-item-high-tech-firms-19-2pct')).not.toHaveAttribute('aria-current', 'true');
  expect(problems).toEqual([]);
});
