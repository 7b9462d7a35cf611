import { expect, test, type Page } from '@playwright/test';
import { openApp, watchPageErrors, fontsReady } from '../helpers/app';

/** The app opens on Scenarios; the data browser is one key away (Alt+1). */
async function openDataView(page: Page): Promise<void> {
  await openApp(page);
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('searchbox')).toBeVisible();
}

test.describe('data browser in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('finds 高新技术企业, selects the 7565 figure and shows its sentence marked in the article', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openDataView(page);
    await expect(page.getByRole('navigation', { name: '视图' }).getByRole('button', { name: /^数据/ })).toHaveAttribute('aria-current', 'page');
    await page.getByRole('searchbox', { name: '搜索指标' }).fill('高新技术企业');
    await expect(page.getByTestId('data-search-status')).toContainText('找到');
    // Article: "科技型企业和高新技术企业分别达到58524家和7565家" (2023).
    const figure = page.getByRole('treeitem', { name: /2023 · 实际 · 7,565家/ });
    await figure.click();
    await expect(figure).toHaveAttribute('aria-selected', 'true');
    const mark = page.getByTestId('article-highlight');
    await expect(mark).toContainText('7565');
    await expect(mark).toBeInViewport();
    await expect(page.getByTestId('detail-value')).toHaveText('7,565家');
    // The 2027 goal is printed as "超过1.27万家": the qualifier stays with the number.
    await expect(page.getByRole('treeitem', { name: /2027 · 目标 · 超过1\.27万家/ })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('#14.13 a figure’s detail names the piece of the page and the author it comes from', async ({ page }) => {
    await openDataView(page);
    const search = page.getByRole('searchbox', { name: '搜索指标' });
    // "主营业务收入4200亿元" is in the 本报讯 brief by 记者 夏元, not in the lead feature.
    await search.fill('软件和信息服务业主营业务收入');
    await page.getByTestId('observation-cq.software.revenue@2024-target').click();
    await expect(page.getByTestId('detail-piece')).toHaveText('重庆日报 2024年2月27日《今年重庆软件产业力争实现营收4200亿元》（记者 夏元）');
    // "涪陵区新材料产业完成规上工业产值1203.7亿元" is in the district piece by 记者 左黎韵 彭瑜.
    await search.fill('涪陵区新材料');
    await page.getByTestId('observation-fuling.new-materials-output@2023-actual').click();
    await expect(page.getByTestId('detail-piece')).toHaveText('重庆日报 2024年2月27日《招大引强 各区县出硬招》（记者 左黎韵 彭瑜）');
  });

  test('reaches and selects a figure with the keyboard alone', async ({ page }) => {
    await openDataView(page);
    const search = page.getByRole('searchbox', { name: '搜索指标' });
    await search.fill('高新技术企业');
    await search.press('ArrowDown');
    const target = page.getByTestId('observation-cq.enterprises.high-tech@2023-actual');
    // Walk down the tree with the arrow key until the 7565 figure has focus (bounded, so a broken tree fails).
    for (let step = 0; step < 40; step += 1) {
      if (await target.evaluate((element) => element === document.activeElement)) break;
      await page.keyboard.press('ArrowDown');
    }
    await expect(target).toBeFocused();
    // Only one row of the tree is a Tab stop.
    await expect(page.locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(target).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('article-highlight')).toContainText('7565');
    // Left goes to the indicator, Left again closes it and hides its figures.
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('data-tree').getByRole('treeitem', { name: /^高新技术企业数量 · / })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(target).toHaveCount(0);
  });

  test('shows the truncated diagnostics share as missing, never as a number, and offers no scenario for it', async ({ page }) => {
    await openDataView(page);
    await page.getByRole('searchbox', { name: '搜索指标' }).fill('诊断');
    const missing = page.getByTestId('observation-cn.diagnostics.new-technology-share@2028-projection');
    await expect(missing).toContainText('原文缺失');
    await expect(missing).not.toContainText(/\d+%/);
    await missing.click();
    await expect(page.getByTestId('data-detail')).toContainText('原文缺失');
    await expect(page.getByTestId('use-in-scenario')).toHaveCount(0);
    // The quote it comes from ends where the article breaks off: "…约占".
    await expect(page.getByTestId('article-highlight')).toContainText('约占');
  });

  test('#14.13.3 offers no scenario for the one-off "5+8" total and says why', async ({ page }) => {
    await openDataView(page);
    await page.getByRole('searchbox', { name: '搜索指标' }).fill('总投资');
    await page.getByTestId('observation-cq.projects-5-8.total-investment@2023-actual').click();
    await expect(page.getByTestId('data-detail')).toContainText('39.8亿元');
    await expect(page.getByTestId('use-in-scenario')).toHaveCount(0);
    await expect(page.getByTestId('not-projectable')).toContainText('是一次性总额');
  });

  test('"用于情景" starts a scenario from the figure and switches to the Scenarios view', async ({ page }) => {
    await openDataView(page);
    await page.getByRole('searchbox', { name: '搜索指标' }).fill('高新技术企业');
    await page.getByRole('treeitem', { name: /7,565家/ }).click();
    await page.getByRole('button', { name: '用于情景' }).click();
    await expect(page.getByRole('navigation', { name: '视图' }).getByRole('button', { name: /^情景/ })).toHaveAttribute('aria-current', 'page');
  });

  test('says so when a search finds nothing, and clearing it brings the tree back', async ({ page }) => {
    await openDataView(page);
    await page.getByRole('searchbox', { name: '搜索指标' }).fill('火星基地');
    await expect(page.getByTestId('data-search-empty')).toContainText('没有与“火星基地”匹配的指标');
    await expect(page.getByRole('tree')).toHaveCount(0);
    await page.getByTestId('data-search-empty').getByRole('button', { name: '清除' }).click();
    await expect(page.getByRole('tree')).toBeVisible();
    await expect(page.getByRole('searchbox', { name: '搜索指标' })).toHaveValue('');
  });

  test('shows the implied 2022 high-tech base of 6346 with its formula and inputs', async ({ page }) => {
    await openDataView(page);
    await page.getByRole('tab', { name: '推算数字' }).click();
    const base = page.getByTestId('derived-cq.enterprises.high-tech@2022-implied');
    // 7565 ÷ (1 + 19.2%) = 7565 ÷ 1.192 = 6346.48 → 6,346 firms.
    await expect(base.getByTestId('derived-value')).toHaveText('6,346家');
    await expect(base).toContainText('7565 ÷ (1 + 19.2%)');
    // An input opens its quote in the article.
    await base.getByRole('button', { name: /7,565家/ }).click();
    await expect(page.getByTestId('article-highlight')).toContainText('7565');
    // …and can be found in the tree from there.
    await page.getByRole('button', { name: '在列表中定位' }).click();
    await expect(page.getByRole('tab', { name: '指标与数字' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('observation-cq.enterprises.high-tech@2023-actual')).toBeFocused();
  });

  test('lists the consistency checks with verdicts in words and icons, and the article lists', async ({ page }) => {
    await openDataView(page);
    await page.getByRole('tab', { name: '一致性检查' }).click();
    // 3071 new recognitions vs a net increase of 7565 − 6346.48 ≈ 1219: firms left the register → "说明", not an error.
    const turnover = page.getByTestId('check-cq.enterprises.high-tech.turnover');
    await expect(turnover.getByTestId('check-verdict')).toHaveText('ℹ 说明');
    // 6.36 + 33.44 = 39.80 亿元, the printed total.
    await expect(page.getByTestId('check-cq.projects-5-8.investment-sum').getByTestId('check-verdict')).toHaveText('✓ 通过');
    await expect(page.getByTestId('check-cn.diagnostics.new-technology-share@2028-projection.missing').getByTestId('check-verdict')).toHaveText('⚠ 注意');
    await page.getByRole('combobox', { name: '按结论筛选' }).selectOption('fail');
    await expect(page.getByRole('status')).toContainText('没有符合条件的检查');

    await page.getByRole('tab', { name: '名单与事件' }).click();
    const labs = page.getByTestId('factset-cq.chongqing-laboratories');
    // Article: 4 Chongqing laboratories, all named.
    await expect(labs.getByRole('listitem')).toHaveCount(4);
    await expect(labs).toContainText('完整名单');
    await expect(page.getByTestId('factset-cq.layout-416.areas').getByRole('listitem')).toHaveCount(4);
    await expect(page.getByTestId('factset-cq.projects-5-8.major-domains').getByRole('listitem')).toHaveCount(5);
    await expect(page.getByTestId('factset-cq.projects-5-8.key-domains-named')).toContainText('文中仅列举部分');
  });

  test('moves between the tabs with the arrow keys', async ({ page }) => {
    await openDataView(page);
    await page.getByRole('tab', { name: '指标与数字' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: '推算数字' })).toBeFocused();
    await expect(page.getByRole('tab', { name: '推算数字' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: '名单与事件' })).toHaveAttribute('aria-selected', 'true');
  });

  test('stays readable in the dark theme', async ({ page }, testInfo) => {
    await openDataView(page);
    await page.getByTestId('theme-select').selectOption('dark');
    await page.getByRole('searchbox', { name: '搜索指标' }).fill('高新技术企业');
    await page.getByRole('treeitem', { name: /7,565家/ }).click();
    await expect(page.getByTestId('article-highlight')).toBeInViewport();
    await fontsReady(page);
    await page.screenshot({ path: testInfo.outputPath('data-zh-dark.png') });
  });
});

test.describe('data browser in English', () => {
  test.use({ locale: 'en-US' });

  test('finds "high-tech", selects the 7,565 figure and marks its sentence in the article', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openDataView(page);
    await page.getByRole('searchbox', { name: 'Search indicators' }).fill('high-tech');
    const figure = page.getByRole('treeitem', { name: /2023 · actual · 7,565 firms/ });
    await figure.click();
    const mark = page.getByTestId('article-highlight');
    await expect(mark).toContainText('7565');
    await expect(mark).toBeInViewport();
    await expect(page.getByTestId('detail-value')).toHaveText('7,565 firms');
    // 1.27万 = 12,700, printed as "超过" (over).
    await expect(page.getByRole('treeitem', { name: /2027 · target · over 12,700 firms/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Use in a scenario' })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('"Use in a scenario" switches to the Scenarios view', async ({ page }) => {
    await openDataView(page);
    await page.getByRole('searchbox', { name: 'Search indicators' }).fill('high-tech');
    await page.getByRole('treeitem', { name: /7,565 firms/ }).click();
    await page.getByRole('button', { name: 'Use in a scenario' }).click();
    await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Scenarios/ })).toHaveAttribute('aria-current', 'page');
  });

  test('shows an empty state for a search with no hits, and the derived 2022 base', async ({ page }) => {
    await openDataView(page);
    await page.getByRole('searchbox', { name: 'Search indicators' }).fill('moon base');
    await expect(page.getByTestId('data-search-empty')).toContainText('No indicator matches “moon base”');
    await page.getByRole('tab', { name: 'Derived figures' }).click();
    // 7565 ÷ 1.192 = 6346.48 → 6,346 firms.
    await expect(page.getByTestId('derived-cq.enterprises.high-tech@2022-implied').getByTestId('derived-value')).toHaveText('6,346 firms');
  });
});
