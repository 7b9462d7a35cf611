import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';

/** The text of every `<text>` of an exported SVG, tspans unwrapped and the escapes (&, <, >) read back. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((match) =>
    (match[1] ?? '')
      .replace(/<\/?tspan[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

/** Exports the workbook from the Export view (zh screen) and returns the downloaded bytes. */
export async function exportWorkbook(page: Page): Promise<Buffer> {
  await page.keyboard.press('Alt+6');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出 Excel$/ }).click();
  return readFile(await (await download).path());
}

/**
 * The downloaded workbook with one input cell changed as an analyst would in Excel: the cell is found
 * through the defined name the hidden model sheet binds to the scenario's input, not a fixed address.
 */
export async function withWorkbookInputChanged(bytes: Buffer, scenarioId: string, inputKind: string, value: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const meta = JSON.parse(String(workbook.getWorksheet('_sdesk')?.getCell('A3').value)) as {
    bindings: { name: string; scenarioId: string; field: { kind: string } }[];
  };
  const name = meta.bindings.find((binding) => binding.scenarioId === scenarioId && binding.field.kind === inputKind)?.name;
  if (name === undefined) throw new Error(`no ${inputKind} cell for ${scenarioId}`);
  // 'Sheet name'!$D$8, quoted when the name needs it (假设) and bare when not (Assumptions).
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$([A-Z]+)\$(\d+)$/.exec(workbook.definedNames.getRanges(name).ranges[0] ?? '');
  if (!match) throw new Error(`the name ${name} does not resolve`);
  const sheet = workbook.getWorksheet(match[1] !== undefined ? match[1].replace(/''/g, "'") : (match[2] ?? ''));
  if (!sheet) throw new Error(`no sheet for ${name}`);
  sheet.getCell(`${match[3]}${match[4]}`).value = value;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Opens the Import panel and hands it a file, as the file chooser would. */
export async function importFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('open-import').click();
  await expect(page.getByTestId('import-panel')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
}
