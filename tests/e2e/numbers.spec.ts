import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { openApp, watchPageErrors } from '../helpers/app';

/**
 * Issue #14 item 8, "numbers are hard to read", as an English-speaking analyst in Chongqing sees it:
 * the scenario chart's axis title and ticks say the same unit, firm counts are whole, target notes
 * are in English, and the workbook cover gives the export time in the local clock.
 */

/** The text of every tick of the chart's value axis, top to bottom as Recharts draws them. */
async function valueTicks(chart: Locator): Promise<string[]> {
  return chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
}

async function openEnglishScenarios(page: Page): Promise<void> {
  await openApp(page);
  await page.getByTestId('language-select').selectOption('en');
  await page.keyboard.press('Alt+2');
}

test.describe('#8 numbers in English', () => {
  test.use({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });

  test('#8 the scenario chart’s axis title and tick labels agree (CNY 100 million, ticks in that unit)', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openEnglishScenarios(page);
    await page.getByTestId('scenario-item-software-revenue-15pct').click();
    const chart = page.getByTestId('scenario-chart');
    await expect(chart.getByTestId('projection-curve')).toBeVisible();
    // The axis title names the unit with its magnitude…
    await expect(chart.locator('svg text', { hasText: /^CNY 100 million$/ })).toHaveCount(1);
    const ticks = await valueTicks(chart);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    // …so every tick is a plain number in that unit, grouped by thousands ("4,000", "10,000"): no "bn"/"tn" on top.
    for (const tick of ticks) expect(tick, `tick "${tick}" under "CNY 100 million"`).toMatch(/^-?\d{1,3}(,\d{3})*(\.\d+)?$/);
    // The software path runs from its base (about 4,000亿元 or more) up past 8,000 by 2030: ticks of that size.
    const numbers = ticks.map((tick) => Number(tick.replaceAll(',', '')));
    expect(Math.max(...numbers)).toBeGreaterThanOrEqual(8000);
    expect(problems).toEqual([]);
  });

  test('#8 a firms table shows whole firms, with separators, and no "thousand"', async ({ page }) => {
    await openEnglishScenarios(page);
    await page.getByTestId('scenario-item-high-tech-firms-19-2pct').click();
    const table = page.getByTestId('year-table');
    // 7565 × 1.192² = 10,748.8 firms in 2025: shown whole.
    await expect(table.getByTestId('year-value-2025')).toHaveText('10,749 firms');
    const cells = await table.locator('td').allTextContents();
    const values = cells.filter((text) => text.trim() !== '');
    expect(values.length).toBeGreaterThan(5);
    for (const text of values) expect(text, `cell "${text}"`).toMatch(/^\d{1,3}(,\d{3})* firms?$/);
  });

  test('#8 target notes of the starter are in English', async ({ page }) => {
    await openEnglishScenarios(page);
    await page.keyboard.press('Alt+4');
    const row = page.getByTestId('target-row-high-tech-firms-19-2pct-2025');
    await expect(row).toContainText('2025 target: over 10,000 firms');
    await expect(row).not.toContainText('目标');
  });

  test('#8 the workbook cover gives the export time in the local clock with its offset', async ({ page }) => {
    await openEnglishScenarios(page);
    const before = Date.now();
    const downloadPromise = page.waitForEvent('download');
    await page.keyboard.press('Control+e');
    const download = await downloadPromise;
    const bytes = await readFile(await download.path());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const cover = workbook.getWorksheet('Cover') as ExcelJS.Worksheet;
    let shown = '';
    cover.eachRow((row) => {
      if (row.getCell(1).value === 'Exported at') shown = String(row.getCell(2).value);
    });
    // Asia/Shanghai is UTC+8 all year: the time shown is the UTC time plus eight hours, and says so.
    const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) \(UTC\+08:00\)$/.exec(shown);
    expect(match, `cover time "${shown}"`).not.toBeNull();
    const [, y, mo, d, h, mi, s] = (match ?? []).map(Number);
    const asUtc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 0, (h ?? 0) - 8, mi ?? 0, s ?? 0);
    expect(Math.abs(asUtc - before)).toBeLessThan(120_000);
  });
});
