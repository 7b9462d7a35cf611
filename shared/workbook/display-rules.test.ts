/**
 * Issue #14 item 8 in the workbook: cells use the display rule of shared/units, the cover gives
 * the export time in the analyst's clock, and target labels follow the workbook's language.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Workspace, WorkspaceScenario } from '../workspace/schema';
import { loadStarterWorkspace } from '../workspace/starter';
import { buildScenarioWorkbook, type BuildWorkbookOptions } from './build';

/** Two CAGR scenarios of the software revenue, one of 4200亿元 and one of 39.8亿元, with one labelled target each. */
function workspace(): Workspace {
  const starter = loadStarterWorkspace();
  const template = starter.scenarios.find((s) => s.model === 'cagr' && s.unit === 'cny-100m') as WorkspaceScenario;
  const big: WorkspaceScenario = {
    ...template,
    id: 'big',
    name: '大',
    nameEn: 'Big',
    base: { year: 2023, value: 4200 },
    targets: [{ label: '2027年目标', labelEn: '2027 target', year: 2027, value: 7000 }],
  };
  const small: WorkspaceScenario = { ...big, id: 'small', name: '小', nameEn: 'Small', base: { year: 2023, value: 39.8 }, targets: [] };
  for (const scenario of [big, small]) delete (scenario as { uncertainty?: unknown }).uncertainty;
  return { ...starter, baselineScenarioId: 'big', scenarios: [big, small], indicators: [] };
}

async function build(extra: Partial<BuildWorkbookOptions>): Promise<ExcelJS.Workbook> {
  const bytes = await buildScenarioWorkbook({ workspace: workspace(), lang: 'zh', appVersion: '0.1.0', exportedAt: '2026-03-01T16:00:00+08:00', ...extra });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

function texts(sheet: ExcelJS.Worksheet | undefined): string[] {
  const all: string[] = [];
  sheet?.eachRow((row) => row.eachCell((cell) => all.push(String(cell.value))));
  return all;
}

describe('#8 the workbook reads like the screen', () => {
  it('the cover gives the export time in the analyst’s clock with its offset, not UTC', async () => {
    const cover = texts((await build({})).getWorksheet('封面'));
    // 16:00 in Chongqing (UTC+8) is 08:00Z; the cover says 16:00 and +08:00.
    expect(cover).toContain('2026-03-01 16:00:00 (UTC+08:00)');
  });

  it('projections of 亿元 show 4 significant figures of their scale: 4,200 with no decimals, 39.80 with two', async () => {
    const sheet = (await build({})).getWorksheet('预测');
    const header = sheet?.getRow(3);
    const columnOf = (name: string) => {
      for (let col = 2; col <= (sheet?.columnCount ?? 0); col++) if (header?.getCell(col).value === name) return col;
      throw new Error(`no column ${name}`);
    };
    // Row 6 is the base year 2023. 4200: four integer digits, no decimals; 39.8: two integer digits, two decimals.
    expect(sheet?.getRow(6).getCell(columnOf('大')).numFmt).toBe('#,##0');
    expect(sheet?.getRow(6).getCell(columnOf('小')).numFmt).toBe('#,##0.00');
  });

  it('an English workbook gives the target its English label', async () => {
    const targets = texts((await build({ lang: 'en', exportedAt: '2026-03-01T08:00:00.000Z' })).getWorksheet('Targets'));
    expect(targets).toContain('2027 target');
    expect(targets).not.toContain('2027年目标');
  });
});
