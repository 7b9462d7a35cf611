import { expect, test, type Page } from '@playwright/test';
import { openApp, watchPageErrors } from '../helpers/app';

const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;

async function openScenarios(page: Page): Promise<void> {
  await openApp(page);
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('scenario-builder')).toBeVisible();
}

test.describe('scenario builder', () => {
  test.use({ locale: 'zh-CN' });

  test('sets the software growth to 12% by keyboard, duplicates a pessimistic case, undoes, reloads and switches to English', async ({ page }, testInfo) => {
    const problems = watchPageErrors(page);
    await openScenarios(page);
    await page.getByTestId('scenario-item-software-revenue-15pct').click();
    await expect(page.getByTestId('scenario-name')).toHaveValue(/软件和信息服务业/);

    // 15% → 12%: Shift+↓ steps a whole point (ten 0.1-point steps), three times.
    const rate = page.getByTestId('param-growthRatePercent-input');
    await rate.focus();
    await rate.press('Shift+ArrowDown');
    await rate.press('Shift+ArrowDown');
    await rate.press('Shift+ArrowDown');
    await expect(rate).toHaveValue('12');
    await expect(page.getByTestId('param-growthRatePercent-slider')).toHaveValue('12');
    // From the implied 2023 revenue 4200 / 1.15: (4200 / 1.15) × 1.12⁴ = 4200 × 1.57351936 / 1.15 = 5746.7664 亿元, printed with 4 significant figures (#14 item 8): 5,747.
    await expect(page.getByTestId('year-value-2027')).toHaveText('5,747亿元');
    // 2023 is the base year: 4200 / 1.15 = 3652.1739 → 3,652亿元.
    await expect(page.getByTestId('year-value-2023')).toHaveText('3,652亿元');
    // This shot (it wrote docs/screenshots/scenarios-zh.png before tests/e2e/screenshots.spec.ts took over) also lets the
    // last rate step's deferred commit land: Duplicate pressed while that commit is pending does not select the copy
    // (ScenarioList reads the new id from a state updater React has not run yet), a known fault not fixed here.
    await page.screenshot({ path: testInfo.outputPath('scenarios-zh.png') });

    // A pessimistic variant: duplicate, then type a lower rate.
    await page.getByTestId('duplicate-scenario').click();
    const copyItem = page.getByTestId('scenario-item-software-revenue-15pct-copy');
    await expect(copyItem).toContainText('（副本）');
    await expect(copyItem).toHaveAttribute('aria-current', 'true');
    await page.getByTestId('scenario-name').fill('软件营收：悲观情景');
    await page.getByTestId('scenario-name').press('Enter');
    await expect(copyItem).toContainText('软件营收：悲观情景');
    await rate.fill('8');
    // (4200 / 1.15) × 1.08⁴ = 4200 × 1.36048896 / 1.15 = 4968.7423 → 4,969亿元 (4 significant figures)
    await expect(page.getByTestId('year-value-2027')).toHaveText('4,969亿元');

    // Ctrl+Z (focus outside a text field) restores the copy's previous rate, 12%.
    await page.getByTestId('param-growthRatePercent-slider').focus();
    await page.keyboard.press('Control+z');
    await expect(rate).toHaveValue('12');
    await expect(page.getByTestId('year-value-2027')).toHaveText('5,747亿元');

    // A value the engine refuses is explained next to the field and not stored.
    await rate.fill('-120');
    await expect(page.getByTestId('param-growthRatePercent-error')).toContainText('增长率必须大于 −100%');
    await expect(page.getByTestId('year-value-2027')).toHaveText('5,747亿元');
    await rate.fill('12');
    await expect(page.getByTestId('param-growthRatePercent-error')).toHaveCount(0);

    // The draft is autosaved shortly after the last edit; a reload brings everything back.
    await page.waitForTimeout(1200);
    await page.reload();
    await page.locator('.shell').waitFor();
    await page.keyboard.press('Alt+2');
    await expect(page.getByTestId('scenario-item-software-revenue-15pct-copy')).toContainText('软件营收：悲观情景');
    await page.getByTestId('scenario-item-software-revenue-15pct').click();
    await expect(page.getByTestId('param-growthRatePercent-input')).toHaveValue('12');
    await expect(page.getByTestId('year-value-2027')).toHaveText('5,747亿元');

    // English: every label in the builder changes; only names and data may stay Chinese.
    await page.getByTestId('language-select').selectOption('en');
    const builder = page.getByTestId('scenario-builder');
    await expect(builder.getByText('Growth per year', { exact: true })).toBeVisible();
    await expect(builder.getByText('Values year by year')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('Scenarios');
    // 5746.7664 亿元 = CNY 574.67664 bn → 4 significant figures: 574.7.
    await expect(page.getByTestId('year-value-2027')).toHaveText('CNY 574.7 bn');
    const labels = await builder
      .locator('label, legend, th, caption, button, option, .sc-field-hint, .sc-muted, .recharts-legend-item-text, .chart-frame-source')
      .allInnerTexts();
    const chinese = labels.filter((text) => cjk.test(text));
    expect(chinese).toEqual([]);
    const listLabels = await page.locator('.sc-list h3, .sc-list button:not(.sc-item), .sc-list summary').allInnerTexts();
    expect(listLabels.filter((text) => cjk.test(text))).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('shows the Monte Carlo band, the target probabilities and the reasons a target cannot be reached', async ({ page }) => {
    await openScenarios(page);
    await page.getByTestId('scenario-item-high-tech-firms-19-2pct').click();
    await expect(page.getByTestId('mc-status')).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
    await expect(page.getByTestId('year-table').locator('thead')).toContainText('P50');
    // 7565 firms in 2023 → 10000 in 2025 needs (10000/7565)^(1/2) − 1 = 14.97% a year.
    await expect(page.getByTestId('target-row-2025')).toContainText('每年 14.97%');
    await expect(page.getByTestId('target-row-2025')).toContainText('%（标准误');
    await expect(page.locator('.recharts-area')).toHaveCount(2);

    // A logistic curve whose ceiling is below the 2027 target of 86,000 can never reach it.
    await page.getByTestId('scenario-item-tech-based-firms-logistic').click();
    const ceiling = page.getByTestId('param-ceiling-input');
    await ceiling.fill('80000');
    await expect(page.getByTestId('target-row-2027').getByTestId('target-unreachable')).toContainText('上限 80000 不高于目标值 86000');
    // A ceiling at or below the base (58,524) is refused by the engine, next to the field.
    await ceiling.fill('50000');
    await expect(page.getByTestId('param-ceiling-error')).toContainText('上限必须大于基期值 58524');

    await page.getByTestId('theme-select').selectOption('dark');
    await page.getByTestId('scenario-item-high-tech-firms-19-2pct').click();
    await expect(page.getByTestId('mc-status')).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  });

  test('#14.13.4 #14.7 the diagnostics path draws its 2028 forecast as a reference line, gives it no verdict, and no spread on the actual 2023', async ({
    page,
  }) => {
    await openScenarios(page);
    await page.getByTestId('scenario-item-diagnostics-market-target-path').click();
    await expect(page.getByTestId('mc-status')).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
    const chart = page.getByTestId('scenario-chart');
    // A labelled line at the forecast, not a target marker.
    await expect(chart.locator('.recharts-wrapper')).toContainText('2028年预测 5,500亿元');
    await expect(chart.locator('.recharts-reference-dot')).toHaveCount(0);
    // No "probability of reaching" and no met / not-met verdict for a forecast.
    await expect(page.getByTestId('targets-empty')).toBeVisible();
    await expect(page.getByTestId('target-row-2028')).toHaveCount(0);
    // 2023 is the actual 3000亿元: every percentile of the simulation is 3000 there (before: P10 2888 / P90 3109).
    const row2023 = page.getByTestId('year-row-2023');
    // Actual, projection, P10, P50, P90.
    await expect(row2023.locator('td')).toHaveText(['3,000亿元', '3,000亿元', '3,000亿元', '3,000亿元', '3,000亿元']);
  });

  test('draws the axes, the projection and the targets before the simulation has finished', async ({ page }) => {
    // A simulation worker that never answers: the chart must not wait for it.
    await page.addInitScript(() => {
      class SilentWorker extends EventTarget {
        postMessage(): void {}
        terminate(): void {}
      }
      Object.defineProperty(window, 'Worker', { value: SilentWorker });
    });
    await openScenarios(page);
    const chart = page.getByTestId('scenario-chart');
    // The software scenario has no actual values and no other scenario of its indicator: before
    // the fix, its chart stayed an empty frame until the simulation answered.
    await page.getByTestId('scenario-item-software-revenue-15pct').click();
    await expect(page.getByTestId('mc-status')).toHaveAttribute('data-status', 'running');
    await expect(chart.getByTestId('projection-curve')).toBeVisible();
    // Both axes have their ticks (2024 is the base year).
    expect(await chart.locator('.recharts-cartesian-axis-tick').count()).toBeGreaterThanOrEqual(6);
    await expect(chart).toContainText('2024');
    await expect(chart.locator('.recharts-area')).toHaveCount(0);
    // A scenario with a target shows its marker while the simulation runs.
    await page.getByTestId('scenario-item-high-tech-firms-19-2pct').click();
    await expect(chart.getByTestId('projection-curve')).toBeVisible();
    await expect(chart.locator('.recharts-reference-dot')).not.toHaveCount(0);
  });

  test('deletes without asking, says undo restores it, and sets the baseline', async ({ page }) => {
    await openScenarios(page);
    await page.getByTestId('scenario-item-tech-based-firms-logistic').click();
    await page.getByTestId('delete-scenario').click();
    await expect(page.getByTestId('scenario-item-tech-based-firms-logistic')).toHaveCount(0);
    await expect(page.locator('.notification')).toContainText('Ctrl+Z');
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(page.getByTestId('scenario-item-tech-based-firms-logistic')).toBeVisible();

    await page.getByTestId('scenario-item-diagnostics-market-cagr').click();
    await page.getByTestId('baseline-scenario').click();
    await expect(page.getByTestId('scenario-item-diagnostics-market-cagr').getByTestId('baseline-badge')).toHaveText(/基准/);
    await expect(page.getByTestId('scenario-item-high-tech-firms-19-2pct').getByTestId('baseline-badge')).toHaveCount(0);
  });

  test('adds a scenario from a figure of the article', async ({ page }) => {
    await openScenarios(page);
    await page.getByTestId('add-scenario').locator('summary').click();
    await page.getByTestId('add-search').fill('高新技术企业');
    await page.getByTestId('add-indicator').selectOption('cq.enterprises.high-tech');
    await page.getByTestId('add-base').selectOption('obs:cq.enterprises.high-tech@2023-actual');
    await page.getByTestId('add-confirm').click();
    const builder = page.getByTestId('scenario-builder');
    await expect(page.getByTestId('scenario-name')).toHaveValue(/每年增长10%/);
    // Base 7565 firms (2023); at the default 10%: 7565 × 1.1² = 9153.65 firms in 2025, shown whole (#14 item 8).
    await expect(builder.getByTestId('year-value-2025')).toHaveText('9,154家');
  });
});
