import { expect, test, type Page } from '@playwright/test';
import { openApp, watchPageErrors } from '../helpers/app';

/**
 * Presentation mode: saved views shown full screen at 16:9 with title, chart and source line
 * only; arrow keys move between views and Esc leaves. The charts used are the two baseline
 * charts of the presentation panel in the Export view.
 */

async function openPanel(page: Page) {
  await openApp(page);
  await page.keyboard.press('Alt+6');
  await expect(page.locator('figure[data-chart-id="baseline-increase"] svg.recharts-surface').first()).toBeVisible();
}

test.describe('presentation mode', () => {
  test.use({ locale: 'zh-CN' });

  test('shows saved views full screen, moves with the arrow keys and leaves with Esc', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openPanel(page);
    const pathTitle = (await page.locator('figure[data-chart-id="baseline-path"] .chart-frame-title').textContent()) ?? '';
    const increaseTitle = (await page.locator('figure[data-chart-id="baseline-increase"] .chart-frame-title').textContent()) ?? '';

    const savePath = page.getByTestId('save-view-baseline-path');
    await expect(savePath).toHaveText(/保存视图/);
    await savePath.click();
    await expect(savePath).toHaveAttribute('aria-pressed', 'true');
    await expect(savePath).toHaveText(/已保存视图/);
    await page.getByTestId('save-view-baseline-increase').click();
    await expect(page.getByTestId('saved-views').getByRole('listitem')).toHaveText([new RegExp(pathTitle), new RegExp(increaseTitle)]);

    // F5 starts the presentation (and must not reload the page).
    await page.locator('#main').focus();
    await page.keyboard.press('F5');
    const presentation = page.getByRole('dialog', { name: '演示模式' });
    await expect(presentation).toBeVisible();
    const viewport = page.viewportSize();
    const box = await presentation.boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: viewport?.width, height: viewport?.height });
    const slide = page.getByTestId('presentation-slide');
    const slideBox = await slide.boundingBox();
    // 1280×800 window: the 16:9 slide is 1280 wide and 1280 × 9/16 = 720 high.
    expect(slideBox?.width).toBeCloseTo(1280, 0);
    expect(slideBox?.height).toBeCloseTo(720, 0);
    await expect(slide.getByRole('heading', { level: 2 })).toHaveText(pathTitle);
    await expect(slide.locator('svg').first()).toBeVisible();
    // The baseline's 7565 firms and its targets are the lead feature's (首席记者 张亦筑).
    await expect(slide).toContainText('来源：重庆日报 2024年2月27日《以科技创新为引领 布局建设未来产业》（首席记者 张亦筑）；预测：Scenario Desk 情景「');
    // No app chrome inside: no buttons, no navigation.
    await expect(presentation.getByRole('button')).toHaveCount(0);
    await expect(slide.locator('svg text').filter({ hasText: '2023' }).first()).toBeVisible();

    await page.keyboard.press('ArrowRight');
    await expect(slide.getByRole('heading', { level: 2 })).toHaveText(increaseTitle);
    // The last view stays on ArrowRight; ArrowLeft goes back.
    await page.keyboard.press('ArrowRight');
    await expect(slide.getByRole('heading', { level: 2 })).toHaveText(increaseTitle);
    await page.keyboard.press('ArrowLeft');
    await expect(slide.getByRole('heading', { level: 2 })).toHaveText(pathTitle);

    await page.keyboard.press('Escape');
    await expect(presentation).toBeHidden();
    await expect(page.getByRole('heading', { level: 2, name: '导出' })).toBeVisible();
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    expect(problems).toEqual([]);
  });

  test('presents the charts on the page when no view is saved, starting from the focused chart', async ({ page }) => {
    await openPanel(page);
    const increaseTitle = (await page.locator('figure[data-chart-id="baseline-increase"] .chart-frame-title').textContent()) ?? '';
    await page.getByTestId('chart-export-baseline-increase').focus();
    await page.keyboard.press('F5');
    const slide = page.getByTestId('presentation-slide');
    await expect(slide.getByRole('heading', { level: 2 })).toHaveText(increaseTitle);
    await page.keyboard.press('Escape');
    await expect(slide).toBeHidden();
    // Focus goes back where it was.
    await expect(page.getByTestId('chart-export-baseline-increase')).toBeFocused();
  });

  test('a saved view can be removed again', async ({ page }) => {
    await openPanel(page);
    const save = page.getByTestId('save-view-baseline-path');
    await save.click();
    await expect(page.getByRole('heading', { name: '已保存的视图（1 个）' })).toBeVisible();
    await save.click();
    await expect(save).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('heading', { name: '已保存的视图（0 个）' })).toBeVisible();
  });
});
