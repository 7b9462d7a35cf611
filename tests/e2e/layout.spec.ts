import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from '../helpers/app';

/**
 * Issue #14 item 10: the layout at a 1280×720 laptop window, the toolbar after a save, the
 * workspace's name in English, and the keyboard path through the charts.
 */

const laptop = { width: 1280, height: 720 };

/** The browser's own accessible role and name of the focused element (Chromium's accessibility tree). */
async function focusedAccessible(page: Page): Promise<{ role: string; name: string; where: string }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: ':focus' });
    const where = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return 'nothing';
      const className = el instanceof SVGElement ? el.className.baseVal : el.className;
      return `${el.tagName.toLowerCase()}${className ? `.${String(className).split(' ').join('.')}` : ''}`;
    });
    if (!nodeId) return { role: 'none', name: '', where };
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const node = nodes[0];
    return { role: String(node?.role?.value ?? ''), name: String(node?.name?.value ?? '').trim(), where };
  } finally {
    await cdp.detach();
  }
}

/**
 * Tabs from the view's heading through the whole view and returns every stop: each must carry an
 * accessible name, and inside a chart's drawing only the chart itself (named by its title) may take focus.
 */
async function tabThroughView(page: Page): Promise<Array<{ role: string; name: string; where: string; inChart: string | null }>> {
  await page.locator('#main').focus();
  const stops: Array<{ role: string; name: string; where: string; inChart: string | null }> = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => document.activeElement?.closest('#main') !== null);
    if (!inMain) break;
    const inChart = await page.evaluate(() => {
      const body = document.activeElement?.closest('.chart-frame-body');
      return body ? (body.closest('figure')?.querySelector('.chart-frame-title')?.textContent ?? '') : null;
    });
    stops.push({ ...(await focusedAccessible(page)), inChart });
  }
  return stops;
}

test.describe('#14.10 layout at 1280×720', () => {
  test.use({ viewport: laptop });

  for (const locale of ['zh-CN', 'en-US']) {
    test.describe(locale, () => {
      test.use({ locale });

      test(`#14.10 at 1280×720 each target verdict stays on one line and the P90 column is not clipped (${locale})`, async ({ page }) => {
        await openApp(page);
        await page.keyboard.press('Alt+2');
        // The high-tech case: two targets (2025 and 2027), both met, with a Monte Carlo band.
        await page.getByTestId('scenario-item-high-tech-firms-19-2pct').click();
        await expect(page.getByTestId('mc-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
        await expect(page.getByTestId('year-table').getByRole('columnheader', { name: 'P90' })).toBeVisible();

        const verdicts = await page
          .getByTestId('targets-summary')
          .locator('tbody th [class*="sc-status"]')
          .evaluateAll((spans) =>
            spans.map((span) => ({
              text: span.textContent ?? '',
              height: span.getBoundingClientRect().height,
              lineHeight: parseFloat(getComputedStyle(span).lineHeight),
            })),
          );
        // One verdict per target; each is a single line box (its height is one line height, not two).
        expect(verdicts).toHaveLength(2);
        for (const verdict of verdicts) expect(verdict.height, verdict.text).toBeLessThan(verdict.lineHeight * 1.5);

        // The P90 column ends inside the table's box: nothing to scroll to, nothing cut off.
        const years = await page.getByTestId('year-table').evaluate((table) => {
          const wrap = table.parentElement as HTMLElement;
          const p90 = [...table.querySelectorAll('thead th')].at(-1) as HTMLElement;
          return {
            header: p90.textContent,
            p90Right: Math.round(p90.getBoundingClientRect().right),
            wrapRight: Math.round(wrap.getBoundingClientRect().right),
            hiddenWidth: wrap.scrollWidth - wrap.clientWidth,
          };
        });
        expect(years.header).toBe('P90');
        expect(years.p90Right).toBeLessThanOrEqual(years.wrapRight);
        expect(years.hiddenWidth).toBe(0);
        // The targets table fits its panel too, and the view does not scroll sideways.
        const sideways = await page.evaluate(() => {
          const main = document.querySelector('#main') as HTMLElement;
          const summary = document.querySelector('[data-testid="targets-summary"]') as HTMLElement;
          const panel = summary.parentElement as HTMLElement;
          return {
            main: main.scrollWidth - main.clientWidth,
            summary: Math.round(summary.getBoundingClientRect().right - panel.getBoundingClientRect().right),
          };
        });
        expect(sideways.main).toBe(0);
        expect(sideways.summary).toBeLessThanOrEqual(0);
      });
    });
  }
});

test.describe('#14.10 the toolbar after a save', () => {
  test.use({ viewport: laptop, locale: 'zh-CN' });

  test('#14.10 after Save As with a long file name the toolbar stays one row and the Recent picker keeps its width', async ({ page }, testInfo) => {
    // A workspace whose name (the file name the browser edition saves under) is long.
    const longName = '重庆市科技创新数据情景分析-2024年第一季度汇报用-市经信委与区县投资专题合并版本-第三稿';
    const starter = JSON.parse(await readFile('assets/workspace/starter.sdesk', 'utf8')) as { name: string; nameEn?: string };
    starter.name = longName;
    delete starter.nameEn;
    const file = testInfo.outputPath(`${longName}.sdesk`);
    await writeFile(file, JSON.stringify(starter));

    await openApp(page);
    const toolbar = page.getByRole('toolbar');
    const recent = toolbar.getByRole('combobox', { name: '最近打开' });
    const recentWidth = (await recent.boundingBox())?.width ?? 0;
    const chooser = page.waitForEvent('filechooser');
    await toolbar.getByRole('button', { name: '打开…' }).click();
    await (await chooser).setFiles(file);
    await expect(page.getByTestId('workspace-name')).toContainText(longName);

    const download = page.waitForEvent('download');
    await toolbar.getByRole('button', { name: '另存为…' }).click();
    await download;
    await expect(recent.locator('option', { hasText: longName }).first()).toBeAttached();

    // Every button of the toolbar (New … Redo, Import) shares one top: one row.
    const tops = await toolbar
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((b) => `${b.textContent}: ${Math.round(b.getBoundingClientRect().top)}`));
    const firstTop = tops[0]?.split(': ')[1];
    expect(tops.length).toBeGreaterThanOrEqual(7);
    expect(tops.filter((top) => top.split(': ')[1] !== firstTop)).toEqual([]);
    // The closed picker still shows only its label, so it keeps its width.
    expect((await recent.boundingBox())?.width).toBeCloseTo(recentWidth, 0);
  });
});

test.describe('#14.10 the workspace name in English', () => {
  test.use({ viewport: laptop, locale: 'en-US' });

  test('#14.10 in English the starter workspace has an English name, shown whole', async ({ page }) => {
    await openApp(page);
    const name = page.getByTestId('workspace-name');
    // The starter's name in English: no Chinese characters in it.
    await expect(name).toHaveText(/\w/);
    expect(await name.textContent()).not.toMatch(/[\u3400-\u9fff]/);
    const fits = await name.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits).toBe(true);

    // A new workspace is "Untitled workspace" in English and 未命名工作区 in Chinese, whichever language it was made in.
    await page.getByRole('button', { name: 'New' }).click();
    await expect(name).toHaveText('Untitled workspace');
    await page.getByTestId('language-select').selectOption('zh');
    await expect(name).toHaveText('未命名工作区');
  });

  test('#14.10 in Chinese the starter workspace has its Chinese name, shown whole', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('language-select').selectOption('zh');
    const name = page.getByTestId('workspace-name');
    await expect(name).toHaveText(/重庆日报/);
    expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });
});

test.describe('#14.10 keyboard path through the charts', () => {
  test.use({ viewport: laptop, locale: 'zh-CN' });

  test('#14.10 Tab from the start of the Scenarios view reaches the controls past the chart, landing only on named elements, one stop per chart', async ({
    page,
  }) => {
    await openApp(page);
    await page.keyboard.press('Alt+2');
    await expect(page.getByTestId('projection-curve')).toBeVisible();
    const stops = await tabThroughView(page);
    const title = (await page.locator('#main .chart-frame-title').first().textContent()) ?? '';
    // Every stop has a name a screen reader can say.
    expect(stops.filter((stop) => stop.name === '')).toEqual([]);
    // The chart is one stop, named by its title; the next stop is the first control of the builder, the model picker.
    const inChart = stops.filter((stop) => stop.inChart !== null);
    expect(inChart.map(({ name, where }) => ({ name, where }))).toEqual([{ name: title, where: 'svg.recharts-surface' }]);
    const chartIndex = stops.findIndex((stop) => stop.inChart !== null);
    expect(stops[chartIndex + 1]).toMatchObject({ role: 'combobox', name: '模型' });
  });

  test('#14.10 Tab through the Compare and Export views lands only on named elements, one stop per chart', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('Alt+3');
    await page.getByRole('checkbox', { name: /高新技术企业:保持2023年增速19.2%/ }).check();
    await page.getByRole('checkbox', { name: /高新技术企业:每年净增约1219家/ }).check();
    await expect(page.locator('#main .chart-frame-body .recharts-wrapper > svg').first()).toBeVisible();
    for (const view of ['Alt+3', 'Alt+6']) {
      await page.keyboard.press(view);
      await expect(page.locator('#main .chart-frame-body .recharts-wrapper > svg').first()).toBeVisible();
      const charts = await page.locator('#main .chart-frame-body .recharts-wrapper > svg').count();
      const stops = await tabThroughView(page);
      expect(
        stops.filter((stop) => stop.name === ''),
        view,
      ).toEqual([]);
      const inChart = stops.filter((stop) => stop.inChart !== null);
      expect(
        inChart.map((stop) => stop.where),
        view,
      ).toEqual(Array.from({ length: charts }, () => 'svg.recharts-surface'));
      for (const stop of inChart) expect(stop.name, view).toBe(stop.inChart);
    }
  });
});
