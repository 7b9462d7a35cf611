import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fontsReady, openApp, watchPageErrors } from '../helpers/app';
import { exportWorkbook, importFile, svgTexts, withWorkbookInputChanged } from '../helpers/exports';

/**
 * Issue #14's acceptance: the analyst's whole edit loop, without touching a file by hand. Duplicate
 * the software scenario, rename it, set 10 %; give it a base of one's own and a target; compare it
 * with the scenario it came from; export PNG and SVG; export the workbook, change an input in the
 * file (as Excel would) and import it back; the scenario is updated, nothing is duplicated, and the
 * simulation agrees with the table.
 */

const ORIGINAL = 'software-revenue-15pct';
const COPY = `${ORIGINAL}-copy`;
const RENAMED = '软件10%情景';

async function exportChart(page: Page, chartId: string, testId: string): Promise<Buffer> {
  await page.getByTestId(`chart-export-${chartId}`).click();
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  return readFile(await (await download).path());
}

/** A number as the year table shows it: "4,898亿元". */
function shownNumber(text: string): number {
  return Number((/-?[\d,]+(?:\.\d+)?/.exec(text)?.[0] ?? 'NaN').replace(/,/g, ''));
}

async function cellNumbers(row: Locator): Promise<number[]> {
  return (await row.locator('td').allTextContents()).map(shownNumber);
}

test.use({ locale: 'zh-CN' });

test('#14 acceptance: the analyst duplicates, renames, edits, compares, exports, edits the workbook and imports it back, and every number agrees', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems = watchPageErrors(page);
  await openApp(page);
  await page.keyboard.press('Alt+2');
  const items = page.locator('[data-testid^="scenario-item-"]');
  const scenarioCount = await items.count();
  const originalName = ((await page.getByTestId(`scenario-item-${ORIGINAL}`).locator('.sc-item-name').textContent()) ?? '').trim();
  expect(originalName).not.toBe('');

  // 1. Duplicate the software scenario, rename the copy, set 10 %.
  await page.getByTestId(`scenario-item-${ORIGINAL}`).click();
  await page.getByTestId('duplicate-scenario').click();
  const copy = page.getByTestId(`scenario-item-${COPY}`);
  await expect(copy).toHaveAttribute('aria-current', 'true');
  await page.getByTestId('scenario-name').fill(RENAMED);
  await page.getByTestId('scenario-name').press('Enter');
  await expect(copy).toContainText(RENAMED);
  await page.getByTestId('param-growthRatePercent-input').fill('10');
  await expect(page.getByTestId('param-growthRatePercent-input')).toHaveValue('10');

  // 2. A base of the analyst's own (3,600亿元 in 2023) and a target of 6,000亿元 in 2027.
  await page.getByTestId('param-baseYear-input').fill('2023');
  await page.getByTestId('param-baseValue-input').fill('3600');
  await expect(page.getByTestId('base-origin')).toHaveAttribute('data-linked', 'false');
  const targetYears = page.locator('[data-testid^="target-"][data-testid$="-year-input"]');
  const index = await targetYears.count();
  await page.getByTestId('add-target').click();
  await expect(targetYears).toHaveCount(index + 1);
  await page.getByTestId(`target-${index}-year-input`).fill('2027');
  await page.getByTestId(`target-${index}-value-input`).fill('6000');
  await page.getByTestId(`target-${index}-label`).fill('2027年自设目标');
  await page.getByTestId(`target-${index}-label`).press('Enter');
  // 3600 × 1.1⁴ = 3600 × 1.4641 = 5,270.76 < 6,000: 12.2 % short, more than 5 %: off track.
  const row2027 = page.getByTestId('target-row-2027');
  await expect(row2027).toContainText('难以实现');
  await expect(page.getByTestId('year-value-2027')).toHaveText('5,271亿元');

  // 3. Compare it with the scenario it came from, as Compare's reference.
  await page.keyboard.press('Alt+3');
  await page.getByRole('button', { name: '全部取消' }).click();
  await page.getByTestId(`compare-pick-${ORIGINAL}`).check();
  await page.getByTestId(`compare-pick-${COPY}`).check();
  await page.getByTestId('compare-reference').selectOption(ORIGINAL);
  const overlay = page.locator('figure[data-chart-id="compare-1"]');
  await expect(overlay.locator('.recharts-line-curve')).toHaveCount(2);

  // 4. PNG and SVG of the comparison: the SVG names both scenarios.
  await fontsReady(page);
  const png = await exportChart(page, 'compare-1', 'chart-export-png-2x');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const texts = svgTexts((await exportChart(page, 'compare-1', 'chart-export-svg')).toString('utf8'));
  expect(texts).toContain(originalName);
  expect(texts).toContain(RENAMED);

  // 5. The workbook, its copy's rate changed to 8 % in the file, imported back.
  const edited = await withWorkbookInputChanged(await exportWorkbook(page), COPY, 'growthRatePercent', 0.08);
  await importFile(page, '情景推演台-导出.xlsx', edited);
  const changes = page.getByTestId('import-changes');
  await expect(changes).toBeVisible({ timeout: 30_000 });
  await expect(changes.getByRole('listitem')).toHaveCount(1);
  await expect(changes).toContainText(RENAMED);
  await expect(changes).toContainText(/10% → 8%/);
  await expect(page.getByTestId('import-added')).toHaveCount(0);
  await page.getByTestId('import-confirm').click();
  await expect(page.locator('.notification-success').last()).toContainText('1 个情景中的 1 个输入值已更新');
  await page.keyboard.press('Escape');

  // 6. The copy is updated in place, nothing is duplicated, and the simulation agrees with the table.
  await page.keyboard.press('Alt+2');
  await expect(items).toHaveCount(scenarioCount + 1);
  await copy.click();
  await expect(copy).toContainText(RENAMED);
  await expect(page.getByTestId('param-growthRatePercent-input')).toHaveValue('8');
  await expect(page.getByTestId('param-baseValue-input')).toHaveValue('3600');
  // The software starter's rate uncertainty, normal(15, 3), moved with the rate: 15 → 10 → 8.
  await expect(page.getByTestId('dist-mean-input')).toHaveValue('8');
  await expect(page.getByTestId('mc-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  // 3600 × 1.08⁴ = 3600 × 1.36048896 = 4,897.76亿元 in 2027, inside the simulated P10–P90 band, near its median.
  await expect(page.getByTestId('year-value-2027')).toHaveText('4,898亿元');
  const [, value, p10, p50, p90] = await cellNumbers(page.getByTestId('year-row-2027'));
  expect(value).toBe(4898);
  expect(p10).toBeLessThan(4898);
  expect(p90).toBeGreaterThan(4898);
  expect(Math.abs((p50 as number) - 4898) / 4898).toBeLessThan(0.03);
  // 4,897.76 against 6,000 is 18.4 % short: off track, and the simulated chance is tiny, not "99 %":
  // ln(6000 / 3600) = 0.511 needed against 4 × ln 1.08 = 0.308 expected, a sd of about 2 × 0.03 / 1.08 = 0.056: z ≈ 3.6.
  await expect(row2027).toContainText('难以实现');
  const probability = Number(/(\d+(?:\.\d+)?)%/.exec((await row2027.locator('td').last().textContent()) ?? '')?.[1]);
  expect(probability).toBeLessThan(5);
  expect(problems).toEqual([]);
});
