import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshotDir, fontsReady } from '../helpers/app';

/**
 * The screenshots of docs/screenshots/, the only spec that writes them: every view at the two
 * window sizes analysts use (a 1280×720 laptop and a 1920×1080 monitor), in Chinese and in
 * English, named `<view>-<lang>-<width>.png` (and `-dark` for the dark theme). The README and the
 * user guides show them, so each view is put in the state the guide describes before it is taken.
 *
 * Written by: npm run build && npx playwright test tests/e2e/screenshots.spec.ts --project=web
 *
 * Each view is also checked for the layout faults a screenshot would show: no horizontal scroll
 * of the window or the main area (something cut off at the right), and the toolbar on one row.
 */

const sizes = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const languages = [
  { lang: 'zh', locale: 'zh-CN' },
  { lang: 'en', locale: 'en-US' },
] as const;

type Lang = (typeof languages)[number]['lang'];

/** Texts the walk needs, per language (the names of the starter's scenarios and of the views). */
const words = {
  zh: { nav: '视图', highTechGrowth: /高新技术企业:保持2023年增速19.2%/, highTechLinear: /高新技术企业:每年净增约1219家/, presentation: '演示模式' },
  en: {
    nav: 'Views',
    highTechGrowth: /High-tech enterprises: keep 2023 growth/,
    highTechLinear: /High-tech enterprises: \+1,219 firms/,
    presentation: 'Presentation',
  },
} as const;

/** Nothing sticks out: the window does not scroll (only the main area does, and never sideways), and the header's toolbar is one row. */
async function expectNothingCutOff(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const main = document.querySelector('#main');
    const root = document.documentElement;
    // A toolbar item starts a new row when it is wholly below the items before it.
    const boxes = [...document.querySelectorAll('.workspace-toolbar > *')].map((el) => el.getBoundingClientRect()).filter((box) => box.height > 0);
    let toolbarRows = 0;
    let rowBottom = -Infinity;
    for (const box of boxes.sort((a, b) => a.top - b.top)) {
      if (box.top >= rowBottom) toolbarRows++;
      rowBottom = box.top >= rowBottom ? box.bottom : Math.max(rowBottom, box.bottom);
    }
    return {
      window: root.scrollWidth - root.clientWidth,
      windowDown: root.scrollHeight - root.clientHeight,
      main: main ? main.scrollWidth - main.clientWidth : 0,
      toolbarRows,
    };
  });
  expect.soft(overflow, where).toEqual({ window: 0, windowDown: 0, main: 0, toolbarRows: 1 });
}

async function shot(page: Page, name: string, lang: Lang, width: number): Promise<void> {
  await fontsReady(page);
  await page.screenshot({ path: `${screenshotDir}/${name}-${lang}-${width}.png` });
  await expectNothingCutOff(page, `${name} (${lang}, ${width})`);
}

async function go(page: Page, key: string, heading: string): Promise<void> {
  await page.locator('#main').focus();
  await page.keyboard.press(key);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(heading);
}

for (const { lang, locale } of languages) {
  for (const size of sizes) {
    test.describe(`docs screenshots, ${lang} at ${size.width}×${size.height}`, () => {
      test.use({ locale, viewport: size });

      test(`every view in ${lang} at ${size.width}×${size.height}`, async ({ page }) => {
        test.setTimeout(120_000);
        const w = words[lang];
        const { width } = size;

        // The main window as it opens: the Scenarios view on the first scenario.
        await openApp(page);
        await expect(page.getByTestId('projection-curve')).toBeVisible();
        await shot(page, 'shell', lang, width);

        // Scenarios: the high-tech case with its Monte Carlo band and its target probabilities.
        await page.getByTestId('scenario-item-high-tech-firms-19-2pct').click();
        await expect(page.getByTestId('mc-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
        await shot(page, 'scenarios', lang, width);

        // Data: the 7565 high-tech firms of 2023, marked in the article.
        await go(page, 'Alt+1', lang === 'zh' ? '数据' : 'Data');
        await page.getByRole('searchbox').fill(lang === 'zh' ? '高新技术企业' : 'high-tech');
        await page
          .getByRole('treeitem', { name: lang === 'zh' ? /2023 · 实际 · 7,565家/ : /2023 · actual · 7,565 firms/ })
          .first()
          .click();
        await expect(page.getByTestId('article-highlight')).toBeInViewport();
        await shot(page, 'data', lang, width);

        // Compare: the two high-tech cases.
        await go(page, 'Alt+3', lang === 'zh' ? '对比' : 'Compare');
        await page.getByRole('checkbox', { name: w.highTechGrowth }).check();
        await page.getByRole('checkbox', { name: w.highTechLinear }).check();
        await expect(page.getByTestId('compare-empty')).toHaveCount(0);
        await expect(page.locator('[data-chart-id="compare-1"] .recharts-line-curve')).toHaveCount(2);
        // The chart whole in the window (at 1280×720 it starts below the list of scenarios).
        await page.locator('[data-chart-id="compare-1"]').evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
        await shot(page, 'compare', lang, width);

        await go(page, 'Alt+4', lang === 'zh' ? '目标' : 'Targets');
        await expect(page.getByTestId('targets-table')).toBeVisible();
        await shot(page, 'targets', lang, width);

        await go(page, 'Alt+5', lang === 'zh' ? '敏感性' : 'Sensitivity');
        await page.getByTestId('sensitivity-scenario').selectOption('software-revenue-15pct');
        await expect(page.getByTestId('heatmap-cell-3-3')).toBeVisible();
        await shot(page, 'sensitivity', lang, width);

        // Export, with every simulation done (the count the view shows).
        await go(page, 'Alt+6', lang === 'zh' ? '导出' : 'Export');
        await expect(page.getByText(lang === 'zh' ? /5 \/ 5 个情景的模拟已完成/ : /Simulations of 5 of 5 scenarios/)).toBeVisible({ timeout: 30_000 });
        await expect(page.locator('figure[data-chart-id="baseline-increase"] svg.recharts-surface').first()).toBeVisible();
        await shot(page, 'export', lang, width);

        // Presentation mode: the baseline path saved as a view and shown full screen.
        await page.getByTestId('save-view-baseline-path').click();
        await page.locator('#main').focus();
        await page.keyboard.press('F5');
        await expect(page.getByRole('dialog', { name: w.presentation })).toBeVisible();
        await expect(page.getByTestId('presentation-slide').locator('svg').first()).toBeVisible();
        await shot(page, 'presentation', lang, width);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog', { name: w.presentation })).toHaveCount(0);

        // Import: a CSV read and previewed, before it is imported (the "added to the presentation" notice dismissed first).
        for (const dismiss of await page.locator('.notification button').all()) await dismiss.click();
        await page.getByTestId('open-import').click();
        const chooser = page.waitForEvent('filechooser');
        await page.getByTestId('import-choose').click();
        await (await chooser).setFiles('tests/fixtures/import/good.csv');
        await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
        await shot(page, 'import', lang, width);
        await page.keyboard.press('Escape');

        // The dark theme, on the Scenarios view.
        await page.getByTestId('theme-select').selectOption('dark');
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
        await go(page, 'Alt+2', lang === 'zh' ? '情景' : 'Scenarios');
        await page.getByTestId('scenario-item-high-tech-firms-19-2pct').click();
        await expect(page.getByTestId('mc-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
        await shot(page, 'scenarios-dark', lang, width);
      });
    });
  }
}
