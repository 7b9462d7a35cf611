import { expect, test } from '@playwright/test';
import { openApp, watchPageErrors } from '../helpers/app';

const zhViews = ['数据', '情景', '对比', '目标', '敏感性', '导出'];
const enViews = ['Data', 'Scenarios', 'Compare', 'Targets', 'Sensitivity', 'Export'];

test.describe('app shell', () => {
  test.use({ locale: 'zh-CN' });

  test('opens in Chinese on a Chinese system, with every view in the sidebar and the version', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('情景推演台');
    const nav = page.getByRole('navigation', { name: '视图' });
    await expect(nav.getByRole('button')).toHaveText(zhViews.map((v) => new RegExp(`^${v}`)));
    await expect(page.getByTestId('app-version')).toContainText(/版本 \d+\.\d+\.\d+/);
    await expect(page).toHaveTitle(/情景推演台/);
    // The bundled Noto Sans SC, not a system fallback, draws the Chinese text.
    const fontUsed = await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '情景推演台'));
    expect(fontUsed).toBe(true);
    expect(problems).toEqual([]);
  });

  test('switches to English and back, and remembers the choice after a reload', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('language-select').selectOption('en');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Scenario Desk');
    await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button')).toHaveText(enViews.map((v) => new RegExp(`^${v}`)));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Scenario Desk');
    await page.getByTestId('language-select').selectOption('zh');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('情景推演台');
  });

  test('switches between light and dark themes and keeps the choice', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('theme-select').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByTestId('theme-select').selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('opens on Scenarios with its chart the first time, and reopens on the view used last', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('navigation', { name: '视图' }).getByRole('button', { name: /^情景/ })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('projection-curve')).toBeVisible();
    await page.keyboard.press('Alt+4');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('目标');
    await page.reload();
    await expect(page.getByRole('navigation', { name: '视图' }).getByRole('button', { name: /^目标/ })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('目标');
  });

  test('moves between views with the keyboard alone', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('Alt+3');
    await expect(page.getByRole('navigation', { name: '视图' }).getByRole('button', { name: /^对比/ })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('对比');
    // Tab reaches the sidebar and Enter activates a view.
    await page.getByRole('navigation', { name: '视图' }).getByRole('button', { name: /^目标/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('目标');
  });

  test('blocks an injected inline script under its content security policy', async ({ page }) => {
    await openApp(page);
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { injected: (window as unknown as { __injected?: boolean }).__injected ?? false, violations };
    });
    expect(outcome.injected).toBe(false);
    expect(outcome.violations.some((v) => v.startsWith('script-src'))).toBe(true);
  });

  test('quarantines damaged settings, starts with defaults and tells the user', async ({ page }) => {
    await openApp(page);
    const garbage = '{"schemaVersion":1,"language":"e\u0000\u00ff';
    await page.evaluate((value) => localStorage.setItem('scenario-desk.settings', value), garbage);
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('设置文件已损坏');
    const kept = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('scenario-desk.settings.quarantine-'))
        .map((key) => localStorage.getItem(key)),
    );
    expect(kept).toEqual([garbage]);
    await page.getByRole('button', { name: '知道了' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('app shell on an English system', () => {
  test.use({ locale: 'en-US' });

  test('defaults to English from the operating system locale', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Scenario Desk');
    await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button').first()).toHaveText(/^Data/);
  });
});
