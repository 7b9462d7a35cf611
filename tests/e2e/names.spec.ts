import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { fontsReady, openApp, watchPageErrors } from '../helpers/app';
import { svgTexts } from '../helpers/exports';

/**
 * Scenario names from the rename to the slide (issue #14, items 1 and 2): a name typed in the
 * Chinese screen is the scenario's name in English too, in the chart's title and source line, and
 * an exported comparison image names both scenarios it overlays, as presentation mode does.
 */

async function exportSvg(page: Page, chartId: string): Promise<string> {
  await page.getByTestId(`chart-export-${chartId}`).click();
  const download = page.waitForEvent('download');
  await page.getByTestId('chart-export-svg').click();
  return (await readFile(await (await download).path())).toString('utf8');
}

const renamed = '软件10%情景';

test.describe('scenario names', () => {
  test.use({ locale: 'zh-CN' });

  test('#14.2 a renamed copy reads its new name in English too, and #14.1 the compare SVG and slide name both scenarios', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    await page.keyboard.press('Alt+2');
    await page.getByTestId('scenario-item-software-revenue-15pct').click();
    await page.getByTestId('duplicate-scenario').click();
    const copy = page.getByTestId('scenario-item-software-revenue-15pct-copy');
    await expect(copy).toHaveAttribute('aria-current', 'true');
    await expect(copy).toContainText('（副本）');
    await page.getByTestId('scenario-name').fill(renamed);
    await page.getByTestId('scenario-name').press('Enter');
    await expect(copy).toHaveText(new RegExp(renamed));
    const chart = page.locator('figure[data-chart-id="scenario-software-revenue-15pct-copy"]');
    await expect(chart.locator('.chart-frame-title')).toHaveText(renamed);

    // English: the name the analyst typed, not the copied "…+15% a year (copy)".
    await page.getByTestId('language-select').selectOption('en');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('Scenarios');
    await expect(copy).toHaveText(new RegExp(renamed));
    await expect(page.getByTestId('scenario-name')).toHaveValue(renamed);
    await expect(chart.locator('.chart-frame-title')).toHaveText(renamed);
    await expect(chart.locator('.chart-frame-source')).toContainText(`“${renamed}”`);
    await expect(chart.locator('.chart-frame-source')).not.toContainText('(copy)');
    const originalName = ((await page.getByTestId('scenario-item-software-revenue-15pct').locator('.sc-item-name').textContent()) ?? '').trim();
    expect(originalName).not.toBe('');

    // Compare the original with the renamed copy and export the overlay as SVG.
    await page.keyboard.press('Alt+3');
    await page.getByTestId('compare-pick-software-revenue-15pct').check();
    await expect(page.getByRole('checkbox', { name: renamed })).toHaveAttribute('data-testid', 'compare-pick-software-revenue-15pct-copy');
    await page.getByTestId('compare-pick-software-revenue-15pct-copy').check();
    const overlay = page.locator('figure[data-chart-id="compare-1"]');
    await expect(overlay.locator('.recharts-line-curve')).toHaveCount(2);
    await fontsReady(page);
    const texts = svgTexts(await exportSvg(page, 'compare-1'));
    // The legend names each line by itself (the source line names them too, inside one longer text).
    expect(texts).toContain(originalName);
    expect(texts).toContain(renamed);

    // Presentation mode draws the same legend on the slide.
    await page.getByTestId('chart-export-compare-1').focus();
    await page.keyboard.press('F5');
    const slide = page.getByTestId('presentation-slide');
    await expect(slide.locator('svg text').filter({ hasText: renamed }).first()).toBeVisible();
    const slideTexts = await slide.locator('.presentation-chart svg text').allTextContents();
    expect(slideTexts).toContain(originalName);
    expect(slideTexts).toContain(renamed);
    await page.keyboard.press('Escape');
    await expect(slide).toBeHidden();

    // An English name given separately is English only.
    await page.keyboard.press('Alt+2');
    await copy.click();
    await page.getByTestId('scenario-name-en').fill('Software at 10%');
    await page.getByTestId('scenario-name-en').press('Enter');
    await expect(chart.locator('.chart-frame-title')).toHaveText('Software at 10%');
    await page.getByTestId('language-select').selectOption('zh');
    await expect(chart.locator('.chart-frame-title')).toHaveText(renamed);
    expect(problems).toEqual([]);
  });

  test('#14.5 the scenario chart draws only the scenario’s own, named lines', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('Alt+2');
    // Tech-based firms has three scenarios; the cautious one used to carry the 36.1% and S-curve paths as grey lines.
    await page.getByTestId('scenario-item-tech-based-firms-cautious-10pct').click();
    const chart = page.getByTestId('scenario-chart');
    await expect(page.getByTestId('mc-status')).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
    const legend = await chart.locator('.recharts-legend-item-text').allTextContents();
    const named = ['实际值', '情景预测', '模拟中位数', 'P10–P90 区间', 'P25–P75 区间'];
    expect(legend.length).toBeGreaterThan(0);
    for (const entry of legend) expect(named).toContain(entry);
    // Actual, projection and median: one line per line entry of the legend, none without a name.
    expect(legend.filter((entry) => !entry.includes('区间'))).toEqual(['实际值', '情景预测', '模拟中位数']);
    await expect(chart.locator('.recharts-line')).toHaveCount(3);
  });
});
