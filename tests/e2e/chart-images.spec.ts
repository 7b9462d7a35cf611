import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { openApp, screenshotDir, watchPageErrors, fontsReady } from '../helpers/app';
import { svgTexts } from '../helpers/exports';

/**
 * Chart images: every chart frame exports PNG (screen multiples and slide sizes) and SVG with
 * the bundled font embedded, carrying title, subtitle and source line.
 * The chart used is the baseline chart of the presentation panel in the Export view
 * (scenario high-tech-firms-19-2pct: 7565 firms in 2023 growing 19.2% a year).
 */

const chartId = 'baseline-path';

/** Keeps a slide PNG with the test's results, to look at. */
async function keepSlide(page: Page, testInfo: TestInfo, ofChart: string, fileName: string): Promise<void> {
  const slide = await exportWithKeyboard(page, 'chart-export-png-1920x1080', ofChart);
  expect(pngSize(slide.bytes)).toEqual({ width: 1920, height: 1080 });
  await writeFile(testInfo.outputPath(fileName), slide.bytes);
}

/** Width and height from a PNG's IHDR chunk: bytes 16–19 and 20–23, big-endian. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function openChart(page: Page) {
  await openApp(page);
  await page.keyboard.press('Alt+6');
  const frame = page.locator(`figure[data-chart-id="${chartId}"]`);
  await expect(frame.locator('svg.recharts-surface').first()).toBeVisible();
  await fontsReady(page);
  return frame;
}

/** Opens the export menu with the keyboard, picks an item and returns the downloaded file. */
async function exportWithKeyboard(page: Page, itemTestId: string, ofChart = chartId): Promise<{ name: string; bytes: Buffer }> {
  const button = page.getByTestId(`chart-export-${ofChart}`);
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  const item = page.getByTestId(itemTestId);
  for (let step = 0; step < 8 && !(await item.evaluate((el) => el === document.activeElement)); step += 1) await page.keyboard.press('ArrowDown');
  await expect(item).toBeFocused();
  const downloadPromise = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  const download = await downloadPromise;
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

test.describe('chart images', () => {
  test.use({ locale: 'zh-CN' });

  test('exports an SVG with title, source line and the bundled font embedded, and a 2× PNG twice its size', async ({ page }) => {
    const problems = watchPageErrors(page);
    const frame = await openChart(page);
    const title = (await frame.locator('.chart-frame-title').textContent()) ?? '';
    const source = (await frame.locator('.chart-frame-source').textContent()) ?? '';
    expect(title).toContain('基准情景');
    expect(source).toContain('来源：重庆日报 2024年2月27日《以科技创新为引领 布局建设未来产业》（首席记者 张亦筑）');
    const frameWidth = Math.round((await frame.boundingBox())?.width ?? 0);

    const svgFile = await exportWithKeyboard(page, 'chart-export-svg');
    expect(svgFile.name).toMatch(/\.svg$/);
    const svg = svgFile.bytes.toString('utf8');
    const root = /<svg[^>]*>/.exec(svg)?.[0] ?? '';
    const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(root);
    expect(viewBox).not.toBeNull();
    const [svgWidth, svgHeight] = [Number(viewBox?.[1]), Number(viewBox?.[2])];
    // 1× is the width of the chart frame on screen.
    expect(svgWidth).toBe(frameWidth);
    expect(root).toContain(`width="${frameWidth}"`);
    // (The SVG is large: checks use booleans so a failure does not print it whole.)
    expect(svg.includes(`>${title}</text>`), 'title drawn as SVG text').toBe(true);
    expect(svg.includes(`>${source}</text>`), 'source line drawn as SVG text').toBe(true);
    expect(/@font-face\{font-family:'Noto Sans SC';[^}]*src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}\)/.test(svg), 'embedded woff2 @font-face').toBe(
      true,
    );
    // Both weights are embedded: bold for the title, regular for the rest.
    expect(/@font-face\{[^}]*font-weight:700;/.test(svg), 'bold face').toBe(true);
    expect(/@font-face\{[^}]*font-weight:400;/.test(svg), 'regular face').toBe(true);
    // The baseline starts in 2023 (7565 firms), so the first year on the axis is 2023.
    expect(svg.includes('>2023</tspan>'), 'axis years').toBe(true);
    // Nothing refers to the app's CSS: no variables, no classes.
    expect(svg.includes('var(--'), 'no CSS variables').toBe(false);
    expect(svg.includes('class="'), 'no classes').toBe(false);

    const png2x = await exportWithKeyboard(page, 'chart-export-png-2x');
    expect(png2x.name).toMatch(/@2x\.png$/);
    expect(pngSize(png2x.bytes)).toEqual({ width: 2 * svgWidth, height: Math.round(2 * svgHeight) });
    expect(problems).toEqual([]);
  });

  test('exports a 1920×1080 slide PNG with Chinese drawn from the bundled font', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openChart(page);
    const slide = await exportWithKeyboard(page, 'chart-export-png-1920x1080');
    expect(slide.name).toMatch(/-1920x1080\.png$/);
    expect(pngSize(slide.bytes)).toEqual({ width: 1920, height: 1080 });
    await writeFile(`${screenshotDir}/chart-export-zh.png`, slide.bytes);
    const uhd = await exportWithKeyboard(page, 'chart-export-png-3840x2160');
    expect(pngSize(uhd.bytes)).toEqual({ width: 3840, height: 2160 });
    await expect(page.getByRole('status').filter({ hasText: '图片已保存' }).first()).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('draws the image in light colours on white even when the app is dark', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('theme-select').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.keyboard.press('Alt+6');
    await expect(page.locator(`figure[data-chart-id="${chartId}"] svg.recharts-surface`).first()).toBeVisible();
    const svg = (await exportWithKeyboard(page, 'chart-export-svg')).bytes.toString('utf8');
    // Dark theme text is #e8eaed and its accent #7ab8ff; the light theme's are #1b1f24/#4f5a66 and #0a58a8 (theme.css).
    expect(svg.includes('rgb(232, 234, 237)'), 'dark-theme text colour').toBe(false);
    expect(svg.includes('rgb(122, 184, 255)'), 'dark-theme accent').toBe(false);
    expect(svg.includes('stroke="rgb(10, 88, 168)"'), 'light-theme accent on the line').toBe(true);
    expect(svg.includes('<rect width="100%" height="100%" fill="#ffffff"/>'), 'white page').toBe(true);
  });

  test('closes the export menu with Esc and gives focus back to its button', async ({ page }) => {
    await openChart(page);
    const button = page.getByTestId(`chart-export-${chartId}`);
    await button.focus();
    await page.keyboard.press('Space');
    await expect(page.getByRole('menu')).toBeVisible();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('End');
    await expect(page.getByTestId('chart-export-copy')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('chart-export-png-1x')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toBeHidden();
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  test('copies the chart to the clipboard as PNG when the system allows it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openChart(page);
    await page.getByTestId(`chart-export-${chartId}`).click();
    await page.getByTestId('chart-export-copy').click();
    await expect(page.getByRole('status').filter({ hasText: '图片已复制到剪贴板' })).toBeVisible();
    const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => [...item.types]));
    expect(types).toContain('image/png');
  });

  test('says so clearly when the system refuses the clipboard', async ({ page }) => {
    await openApp(page);
    await page.evaluate(() => {
      // What a platform without image clipboard support does.
      navigator.clipboard.write = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await page.keyboard.press('Alt+6');
    await page.getByTestId(`chart-export-${chartId}`).click();
    await page.getByTestId('chart-export-copy').click();
    const alert = page.getByRole('alert').filter({ hasText: '系统不允许复制图片到剪贴板' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('请改用「导出图片」保存 PNG 文件');
  });
});

test.describe('chart images in English', () => {
  test.use({ locale: 'en-US' });

  test('exports an English slide with the English source line', async ({ page }) => {
    await openChart(page);
    const frame = page.locator(`figure[data-chart-id="${chartId}"]`);
    await expect(frame.locator('.chart-frame-source')).toContainText(
      'Source: Chongqing Daily, 27 Feb 2024, “Led by S&T innovation, laying out future industries” (chief reporter Zhang Yizhu); projection: Scenario Desk scenario “',
    );
    const source = (await frame.locator('.chart-frame-source').textContent()) ?? '';
    const svg = (await exportWithKeyboard(page, 'chart-export-svg')).bytes.toString('utf8');
    // The scenario's English name may be missing, so Chinese can appear in English text: the source line is drawn whole,
    // and the English one, naming the piece and its author, is long enough to wrap at spaces onto a second line.
    expect(svgTexts(svg).join(' ').includes(source), 'English source line').toBe(true);
    const slide = await exportWithKeyboard(page, 'chart-export-png-1920x1080');
    expect(pngSize(slide.bytes)).toEqual({ width: 1920, height: 1080 });
    await writeFile(`${screenshotDir}/chart-export-en.png`, slide.bytes);
  });
});

test.describe('images of the other charts, drawn from their state', () => {
  test.use({ locale: 'zh-CN' });

  test('a compare chart’s SVG names every scenario it overlays', async ({ page }, testInfo) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    await page.getByRole('navigation').getByRole('button', { name: /^对比/ }).click();
    await page.getByRole('checkbox', { name: /高新技术企业:保持2023年增速19.2%/ }).check();
    await page.getByRole('checkbox', { name: /高新技术企业:每年净增约1219家/ }).check();
    await expect(page.locator('figure[data-chart-id="compare-1"] .recharts-line-curve')).toHaveCount(2);
    await fontsReady(page);
    const texts = svgTexts((await exportWithKeyboard(page, 'chart-export-svg', 'compare-1')).bytes.toString('utf8'));
    // The legend names both lines, as the screen's legend does.
    expect(texts.some((text) => text.includes('保持2023年增速19.2%'))).toBe(true);
    expect(texts.some((text) => text.includes('每年净增约1219家'))).toBe(true);
    await keepSlide(page, testInfo, 'compare-1', 'compare-slide-zh.png');
    expect(problems).toEqual([]);
  });

  test('the tornado and the heatmap export with every bar and every cell labelled', async ({ page }, testInfo) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /^敏感性/ })
      .click();
    await page.getByTestId('sensitivity-scenario').selectOption('software-revenue-15pct');
    await expect(page.getByTestId('tornado-bar-growthRatePercent')).toBeVisible();
    await fontsReady(page);
    const tornado = svgTexts((await exportWithKeyboard(page, 'chart-export-svg', 'sensitivity-tornado')).bytes.toString('utf8'));
    // Growth 10% and 20% (±5 points) on 4200 / 1.15 = 3652.17亿元 in 2023: 3652.17 × 1.1⁴ = 5347.1 and 3652.17 × 1.2⁴ = 7573.1亿元 in 2027 (4 significant figures).
    expect(tornado).toContain('增长率');
    expect(tornado).toContain('基期值');
    expect(tornado).toContain('5,347亿元 (低值 10.0%)');
    expect(tornado).toContain('7,573亿元 (高值 20.0%)');
    await keepSlide(page, testInfo, 'sensitivity-tornado', 'tornado-slide-zh.png');

    const heatmap = svgTexts((await exportWithKeyboard(page, 'chart-export-svg', 'sensitivity-table')).bytes.toString('utf8'));
    // The centre cell: 15% × 3652.17亿元 gives (4200 / 1.15) × 1.15⁴ = 6387.675 → 6,388亿元; the axes' middle values label it.
    expect(heatmap).toContain('6,388亿元');
    expect(heatmap).toContain('15.0%');
    expect(heatmap).toContain('3,652亿元');
    await keepSlide(page, testInfo, 'sensitivity-table', 'heatmap-slide-zh.png');
    expect(problems).toEqual([]);
  });
});
