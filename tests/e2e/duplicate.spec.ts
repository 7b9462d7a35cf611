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
