/**
 * Ctrl+E exports the Monte Carlo results whichever view is open: the export asks the one results
 * store for every scenario with uncertainty and waits for the runs it has to start, with a
 * "正在模拟… n/5" progress line while it waits. Before, only an Export view that had been opened
 * filled in the results, so Ctrl+E from Scenarios wrote "not included" for all six.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { openApp, watchPageErrors } from '../helpers/app';

async function readDownload(page: Page, trigger: () => Promise<void>): Promise<ExcelJS.Workbook> {
  const downloadPromise = page.waitForEvent('download');
  await trigger();
  const download = await downloadPromise;
  const bytes = await readFile(await download.path());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

/** The Uncertainty sheet as rows of cell values (column A first). */
function sheetRows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  for (let row = 1; row <= sheet.rowCount; row++) {
    const cells: ExcelJS.CellValue[] = [];
    for (let column = 1; column <= sheet.getRow(row).cellCount; column++) cells.push(sheet.getRow(row).getCell(column).value);
    rows.push(cells);
  }
  return rows;
}

/**
 * The percentile table of one scenario's block ("s4 · 高新技术企业…"): header row (年份, P5 … P95, 均值)
 * and one row per year, as { year → { P50: …, 均值: … } }.
 */
function percentileTable(rows: ExcelJS.CellValue[][], prefix: string): Map<number, Record<string, number>> {
  const start = rows.findIndex((cells) => typeof cells[0] === 'string' && cells[0].startsWith(`${prefix} · `));
  if (start < 0) throw new Error(`no block for ${prefix}`);
  const header = (rows[start + 2] ?? []).map(String);
  const table = new Map<number, Record<string, number>>();
  for (let index = start + 3; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    if (typeof cells[0] !== 'number') break;
    const values: Record<string, number> = {};
    header.forEach((name, column) => {
      if (column > 0) values[name] = cells[column] as number;
    });
    table.set(cells[0], values);
  }
  return table;
}

test.describe('Excel export of the Monte Carlo results (Chinese)', () => {
  test.use({ locale: 'zh-CN' });

  test('Ctrl+E from the Scenarios view, Export never opened, includes every simulation', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    // A fresh app opens on Scenarios; the Export view is not mounted.
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('情景');
    await expect(page.getByTestId('scenario-builder')).toBeVisible();
    await expect(page.getByTestId('export-status')).toHaveCount(0);

    // Every text the export's progress indicator shows, as it changes (the simulations take well under a second).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { exportTexts: string[] }).exportTexts = seen;
      new MutationObserver(() => {
        for (const element of document.querySelectorAll('[data-testid="export-progress"]')) seen.push(element.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const workbook = await readDownload(page, () => page.keyboard.press('Control+e'));

    // The starter's five scenarios with an uncertainty spec: s1, s2, s4, s5 and s7, each with its percentiles.
    const sheet = workbook.getWorksheet('不确定性') as ExcelJS.Worksheet;
    const rows = sheetRows(sheet);
    const texts = rows.flat().filter((value): value is string => typeof value === 'string');
    expect(texts.filter((text) => text.startsWith('试验次数 20,000'))).toHaveLength(5);
    expect(texts.some((text) => text.includes('未包含') || text.includes('未完成'))).toBe(false);
    for (const [prefix, seed] of [
      ['s1', 20240226],
      ['s2', 2028],
      ['s4', 7565],
      ['s5', 3071],
      ['s7', 58524],
    ] as const) {
      expect(
        texts.some((text) => text.startsWith(`试验次数 20,000,随机种子 ${seed}`)),
        `${prefix} seed ${seed}`,
      ).toBe(true);
      expect(percentileTable(rows, prefix).size, `${prefix} has one row per year`).toBeGreaterThan(1);
    }

    // Software revenue (s1): 4200 / 1.15 = 3652.17亿元 in 2023, the base year, is certain: every percentile is the base.
    const software = percentileTable(rows, 's1');
    const baseYear = Object.values(software.get(2023) ?? {});
    expect(baseYear).toHaveLength(8);
    for (const value of baseYear) expect(value).toBeCloseTo(4200 / 1.15, 6);
    // High-tech firms (s4): 7565 in 2023 growing N(19.2 %, 4 points) → the 2024 median is 7565 × 1.192 = 9017.48,
    // give or take the sampling error of a median of 20,000 draws (1.25 × 7565 × 0.04 / √20000 ≈ 2.7 firms).
    const highTech = percentileTable(rows, 's4').get(2024) ?? {};
    expect(Math.abs((highTech['P50'] ?? 0) - 9017.48)).toBeLessThan(15);
    expect(Math.abs((highTech['均值'] ?? 0) - 9017.48)).toBeLessThan(15);
    // Diagnostics path (s2): the actual 3000亿元 of 2023 has no spread, so every percentile and the mean are 3000 (#14.7).
    const diagnostics = Object.values(percentileTable(rows, 's2').get(2023) ?? {});
    expect(diagnostics).toEqual([3000, 3000, 3000, 3000, 3000, 3000, 3000, 3000]);

    // While it waited for the simulations the export said so, counting the scenarios done out of five.
    const shown = await page.evaluate(() => (window as unknown as { exportTexts: string[] }).exportTexts);
    expect(
      shown.some((text) => /正在模拟… [0-4]\/5/.test(text)),
      shown.join(' | '),
    ).toBe(true);
    // The user is still on Scenarios.
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('情景');
    expect(problems).toEqual([]);
  });

  test('the Chart sheet is drawn from the workspace, even from a view that shows no chart', async ({ page }) => {
    const problems = watchPageErrors(page);
    await openApp(page);
    // The Targets view is a table: nothing on screen to copy a chart from.
    await page.keyboard.press('Alt+4');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('目标');
    await expect(page.locator('#main figure.chart-frame')).toHaveCount(0);
    const workbook = await readDownload(page, () => page.keyboard.press('Control+e'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['封面', '假设', '预测', '目标', '不确定性', '来源', '图表', '_sdesk']);
    const images = (workbook.getWorksheet('图表') as ExcelJS.Worksheet).getImages();
    expect(images).toHaveLength(1);
    const picture = workbook.getImage(Number(images[0]?.imageId));
    expect(picture.extension).toBe('png');
    // A PNG starts with 0x89 "PNG"; the baseline chart at 2× of its 960-pixel page is 1920 pixels wide (IHDR width, bytes 16–19).
    const png = Buffer.from(picture.buffer as unknown as Uint8Array);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1920);
    expect(problems).toEqual([]);
  });
});
