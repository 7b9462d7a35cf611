import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import FormulaParser, { type CellRef, type FormulaValue, type RangeRef } from 'fast-formula-parser';
import { describe, expect, it } from 'vitest';
import type { MonteCarloResult } from '../engine/montecarlo';
import type { Workspace, WorkspaceScenario } from '../workspace/schema';
import { loadStarterWorkspace } from '../workspace/starter';
import { buildScenarioWorkbook, HIDDEN_SHEET_NAME, INPUT_FILL_ARGB, INPUT_FONT_ARGB, type BuildWorkbookOptions } from './build';
import { readScenariosFromWorkbook } from './read';

const root = path.resolve(import.meta.dirname, '../..');
const article = readFileSync(path.join(root, 'assets/source/article.txt'), 'utf8');
const EXPORTED_AT = '2026-03-01T08:00:00.000Z';
const NOW = '2026-03-02T09:30:00.000Z';

/** Starter scenarios plus a rate path (the starter has none), so every model is in the workbook. */
function fullWorkspace(): Workspace {
  const starter = loadStarterWorkspace();
  const template = starter.scenarios[0] as WorkspaceScenario;
  const ratePath: WorkspaceScenario = {
    ...template,
    id: 'software-rate-path',
    name: '软件收入:逐年放缓',
    nameEn: 'Software revenue: slowing',
    // From the 2024 target of 4200亿元, a round base for the arithmetic below.
    base: { year: 2024, value: 4200 },
    model: 'ratePath',
    params: { ratesPercent: [15, 12, 10] },
    uncertainty: undefined,
    targets: [{ label: '2028', year: 2028, value: 7000 }],
  };
  delete (ratePath as { uncertainty?: unknown }).uncertainty;
  return { ...starter, scenarios: [...starter.scenarios, ratePath] };
}

function options(workspace: Workspace, extra: Partial<BuildWorkbookOptions> = {}): BuildWorkbookOptions {
  return { workspace, lang: 'zh', appVersion: '0.1.0', exportedAt: EXPORTED_AT, ...extra };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const char of letters) n = n * 26 + (char.charCodeAt(0) - 64);
  return n;
}

const NAME_LOCATION = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)$/;

/**
 * Evaluates every formula of the workbook with fast-formula-parser, resolving cells and defined names
 * ourselves; formulas referring to formula cells are evaluated recursively (cached results are ignored),
 * so changing an input cell shows what Excel would recalculate.
 */
function evaluateWorkbook(workbook: ExcelJS.Workbook): {
  value(sheet: string, address: string): FormulaValue;
  formulas: Array<{ sheet: string; address: string; formula: string; cached: unknown }>;
} {
  const names = new Map<string, CellRef>();
  workbook.definedNames.model.forEach((definedName: { name: string; ranges: string[] }) => {
    const match = NAME_LOCATION.exec(definedName.ranges[0] ?? '');
    if (match) names.set(definedName.name, { sheet: (match[1] ?? '').replace(/''/g, "'"), col: columnNumber(match[2] ?? ''), row: Number(match[3]) });
  });
  const memo = new Map<string, FormulaValue>();
  const formulas: Array<{ sheet: string; address: string; formula: string; cached: unknown }> = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas.push({ sheet: sheet.name, address: cell.address, formula: cell.formula, cached: cell.result });
      });
    });
  });
  // The parser is not re-entrant, so a formula evaluated while another is being parsed gets its own parser.
  const parsers: FormulaParser[] = [];
  let depth = 0;
  const cellValue = (ref: CellRef): FormulaValue => {
    const key = `${ref.sheet}!${ref.row}:${ref.col}`;
    if (memo.has(key)) return memo.get(key);
    const cell = workbook.getWorksheet(ref.sheet)?.getRow(ref.row).getCell(ref.col);
    let value: FormulaValue = null;
    if (cell?.type === ExcelJS.ValueType.Formula) {
      const parser = (parsers[depth] ??= createParser());
      depth++;
      try {
        value = parser.parse(cell.formula, ref);
      } finally {
        depth--;
      }
    } else if (typeof cell?.value === 'number' || typeof cell?.value === 'string') value = cell.value;
    memo.set(key, value);
    return value;
  };
  const createParser = (): FormulaParser =>
    new FormulaParser({
      onCell: cellValue,
      onRange: (ref: RangeRef) => {
        const rows: FormulaValue[][] = [];
        for (let row = ref.from.row; row <= ref.to.row; row++) {
          const values: FormulaValue[] = [];
          for (let col = ref.from.col; col <= ref.to.col; col++) values.push(cellValue({ sheet: ref.sheet, row, col }));
          rows.push(values);
        }
        return rows;
      },
      onVariable: (name) => names.get(name) ?? null,
    });
  return {
    value(sheet, address) {
      const cell = workbook.getWorksheet(sheet)?.getCell(address);
      if (cell === undefined) throw new Error(`no sheet ${sheet}`);
      return cellValue({ sheet, row: Number(cell.row), col: Number(cell.col) });
    },
    formulas,
  };
}

function relativeDifference(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);
}

function findRow(sheet: ExcelJS.Worksheet, column: number, value: unknown): number {
  for (let row = 1; row <= sheet.rowCount; row++) if (sheet.getRow(row).getCell(column).value === value) return row;
  throw new Error(`no row with ${String(value)} in column ${column} of ${sheet.name}`);
}

/** The Projections column of scenario sN (header row 5 reads "sN · model"). */
function projectionColumn(sheet: ExcelJS.Worksheet, prefix: string): number {
  const header = sheet.getRow(5);
  for (let col = 2; col <= sheet.columnCount; col++) if (String(header.getCell(col).value).startsWith(`${prefix} ·`)) return col;
  throw new Error(`no column for ${prefix}`);
}

function definedNameCell(workbook: ExcelJS.Workbook, name: string): ExcelJS.Cell {
  const range = workbook.definedNames.getRanges(name).ranges[0] ?? '';
  const match = NAME_LOCATION.exec(range);
  if (!match) throw new Error(`name ${name} does not resolve (${range})`);
  const sheet = workbook.getWorksheet((match[1] ?? '').replace(/''/g, "'"));
  if (!sheet) throw new Error(`sheet of ${name} missing`);
  return sheet.getCell(`${match[2]}${match[3]}`);
}

describe('buildScenarioWorkbook', () => {
  it('has the sheets in the UI language, with a very hidden model sheet', async () => {
    const zh = await load(await buildScenarioWorkbook(options(fullWorkspace())));
    expect(zh.worksheets.map((sheet) => sheet.name)).toEqual(['封面', '假设', '预测', '目标', '不确定性', '来源', HIDDEN_SHEET_NAME]);
    expect(zh.getWorksheet(HIDDEN_SHEET_NAME)?.state).toBe('veryHidden');
    const en = await load(await buildScenarioWorkbook(options(fullWorkspace(), { lang: 'en' })));
    expect(en.worksheets.map((sheet) => sheet.name)).toEqual(['Cover', 'Assumptions', 'Projections', 'Targets', 'Uncertainty', 'Sources', HIDDEN_SHEET_NAME]);
  });

  it('#14.13 cover names the export time, app version, the pieces of the article the figures come from and how to use the yellow inputs', async () => {
    const workbook = await load(await buildScenarioWorkbook(options(fullWorkspace(), { appVersion: '9.8.7' })));
    const texts: string[] = [];
    workbook.getWorksheet('封面')?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    const all = texts.join('\n');
    // The cover shows the time as the export wrote it; a Z time is UTC (#14 item 8: the app writes its local offset).
    expect(all).toContain('2026-03-01 08:00:00 (UTC)');
    expect(all).toContain('9.8.7');
    // The starter's figures: high-tech, tech-based, "5+8" and diagnostics from the lead feature, 4200亿元 from the 本报讯 brief.
    expect(all).toContain(
      '重庆日报 2024年2月27日《以科技创新为引领 布局建设未来产业》（首席记者 张亦筑）、《今年重庆软件产业力争实现营收4200亿元》（记者 夏元）',
    );
    expect(all).toContain('黄色');
    expect(all).toContain('高新技术企业:保持2023年增速19.2%(基准)');
    expect(all).toContain('sN_rate');
  });

  it('#14.13 the Sources sheet names the piece of every figure it lists', async () => {
    const workbook = await load(await buildScenarioWorkbook(options(fullWorkspace())));
    const sheet = workbook.getWorksheet('来源') as ExcelJS.Worksheet;
    const header = (sheet.getRow(4).values as unknown[]).map(String);
    const pieceColumn = header.indexOf('出处');
    expect(pieceColumn).toBeGreaterThan(0);
    const pieceOf = (observationId: string): string => String(sheet.getRow(findRow(sheet, 1, observationId)).getCell(pieceColumn).value);
    expect(pieceOf('cq.software.revenue@2024-target')).toBe('重庆日报 2024年2月27日《今年重庆软件产业力争实现营收4200亿元》（记者 夏元）');
    expect(pieceOf('cq.enterprises.high-tech@2023-actual')).toBe('重庆日报 2024年2月27日《以科技创新为引领 布局建设未来产业》（首席记者 张亦筑）');
  });

  it('#14.6 a workbook of imported data cites the imported source on the cover, not the newspaper', async () => {
    const starter = loadStarterWorkspace();
    const template = starter.scenarios[0] as WorkspaceScenario;
    const own: WorkspaceScenario = {
      ...template,
      id: 'own',
      name: '区软件业务收入：每年增长10%',
      indicatorId: 'district.software.revenue',
      indicatorName: { zh: '区软件业务收入', en: 'District software revenue' },
      base: { year: 2023, value: 1400 },
      targets: [],
    };
    const workspace: Workspace = {
      ...starter,
      // Not the starter's name, which mentions the newspaper.
      name: '区软件数据',
      baselineScenarioId: null,
      scenarios: [own],
      indicators: [
        {
          id: 'district.software.revenue',
          name: { zh: '区软件业务收入', en: 'District software revenue' },
          unit: 'cny-100m',
          sourceNote: '区统计局, 2023年公报',
          observations: [{ year: 2023, value: 1400, kind: 'actual' }],
        },
      ],
    };
    const workbook = await load(await buildScenarioWorkbook(options(workspace)));
    const texts: string[] = [];
    workbook.getWorksheet('封面')?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('区统计局, 2023年公报');
    expect(texts.join('\n')).not.toContain('重庆日报');
    expect(String(workbook.getWorksheet('来源')?.getCell('A2').value)).toBe('区统计局, 2023年公报');
  });

  it('every formula, evaluated independently, equals its cached engine result (relative 1e-9)', async () => {
    const workbook = await load(await buildScenarioWorkbook(options(fullWorkspace())));
    const evaluation = evaluateWorkbook(workbook);
    // 9 scenarios over 2023–2030 plus 12 target rows × 6 formulas: hundreds of formulas.
    expect(evaluation.formulas.length).toBeGreaterThan(130);
    const models = new Set<string>();
    for (const { sheet, address, formula, cached } of evaluation.formulas) {
      const value = evaluation.value(sheet, address);
      if (typeof cached === 'string') {
        // A verdict: the formula's text is the engine's verdict cached at export.
        expect(value, `${sheet}!${address} =${formula}`).toBe(cached);
        continue;
      }
      expect(typeof value, `${sheet}!${address} =${formula}`).toBe('number');
      expect(typeof cached, `${sheet}!${address} cached`).toBe('number');
      expect(relativeDifference(value as number, cached as number), `${sheet}!${address} =${formula}: ${String(value)} vs ${String(cached)}`).toBeLessThan(
        1e-9,
      );
      if (formula.includes('_ceiling')) models.add('logistic');
      if (formula.includes('_rate1') || formula.includes('_rate3')) models.add('ratePath');
      if (formula.includes('_inc')) models.add('linear');
      if (formula.includes('_targetValue')) models.add('targetPath');
      if (/_rate\)\^/.test(formula)) models.add('cagr');
    }
    expect([...models].sort()).toEqual(['cagr', 'linear', 'logistic', 'ratePath', 'targetPath']);
  });

  it('projects by hand-checkable formulas: high-tech firms 7565 × 1.192² in 2025', async () => {
    const workbook = await load(await buildScenarioWorkbook(options(fullWorkspace())));
    const sheet = workbook.getWorksheet('预测') as ExcelJS.Worksheet;
    const row = findRow(sheet, 1, 2025);
    const cell = sheet.getRow(row).getCell(projectionColumn(sheet, 's4'));
    expect(cell.formula).toBe(`s4_base*(1+s4_rate)^($A${row}-s4_baseYear)`);
    // 7565 × 1.192 × 1.192 = 10748.83616
    expect(cell.result as number).toBeCloseTo(10748.83616, 6);
    // Rate path s9: 4200 (2024) × 1.15 × 1.12 × 1.10 × 1.10 (last rate continues) = 6545.2 × 1.21 = 7172.0… in 2028
    const ratePathCell = sheet.getRow(findRow(sheet, 1, 2028)).getCell(projectionColumn(sheet, 's9'));
    expect(ratePathCell.formula).toMatch(/\*\(1\+s9_rate3\)$/);
    // 4200 × 1.15 = 4830; × 1.12 = 5409.6; × 1.1 = 5950.56; × 1.1 = 6545.616
    expect(ratePathCell.result as number).toBeCloseTo(6545.616, 6);
  });

  it('defines named input cells with the input style, units and number formats', async () => {
    const workbook = await load(await buildScenarioWorkbook(options(fullWorkspace())));
    // s1 = software revenue: 4200 / 1.15 = 3652.1739… 亿元 in 2023 at 15 %.
    expect(definedNameCell(workbook, 's1_base').value).toBeCloseTo(3652.1739, 4);
    expect(definedNameCell(workbook, 's1_baseYear').value).toBe(2023);
    const rate = definedNameCell(workbook, 's1_rate');
    expect(rate.value).toBe(0.15);
    expect(rate.numFmt).toBe('0.0%');
    expect(rate.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL_ARGB } });
    expect(rate.font).toMatchObject({ bold: true, color: { argb: INPUT_FONT_ARGB } });
    const assumptions = rate.worksheet;
    expect(assumptions.getRow(Number(rate.row)).getCell(5).value).toBe('%/年');
    expect(assumptions.getRow(Number(definedNameCell(workbook, 's1_base').row)).getCell(5).value).toBe('亿元');
    // The base year is structure, not an input: no yellow fill.
    expect(definedNameCell(workbook, 's1_baseYear').fill).not.toMatchObject({ fgColor: { argb: INPUT_FILL_ARGB } });
    expect(definedNameCell(workbook, 's4_t2_value').value).toBe(12700);
    expect(definedNameCell(workbook, 's8_ceiling').value).toBe(120000);
    expect(definedNameCell(workbook, 's2_targetValue').value).toBe(5500);
    expect(definedNameCell(workbook, 's9_rate2').value).toBe(0.12);
    // Firm counts are whole numbers with grouping; rates on Targets are percentages.
    const projections = workbook.getWorksheet('预测') as ExcelJS.Worksheet;
    expect(projections.getRow(findRow(projections, 1, 2025)).getCell(projectionColumn(projections, 's4')).numFmt).toBe('#,##0');
    expect(projections.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 5 });
    expect(projections.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
    const header = projections.getRow(3).getCell(2);
    expect(header.font?.bold).toBe(true);
    expect(header.fill).toMatchObject({ type: 'pattern' });
  });

  it('is live: changing a growth-rate input changes projections and targets', async () => {
    const workbook = await load(await buildScenarioWorkbook(options(fullWorkspace())));
    definedNameCell(workbook, 's1_rate').value = 0.12;
    definedNameCell(workbook, 's4_rate').value = 0.1;
    const evaluation = evaluateWorkbook(workbook);
    const projections = workbook.getWorksheet('预测') as ExcelJS.Worksheet;
    const at = (prefix: string, year: number): number =>
      evaluation.value('预测', projections.getRow(findRow(projections, 1, year)).getCell(projectionColumn(projections, prefix)).address) as number;
    // (4200 / 1.15) × 1.12⁴ = 4200 × 1.57351936 / 1.15 = 5746.7663582…
    expect(at('s1', 2027)).toBeCloseTo(5746.7663582, 6);
    // 7565 × 1.1² = 9153.65
    expect(at('s4', 2025)).toBeCloseTo(9153.65, 9);
    const targets = workbook.getWorksheet('目标') as ExcelJS.Worksheet;
    const row = findRow(targets, 3, '2025年目标:超过1万家');
    expect(targets.getRow(row).getCell(1).value).toBe('s4');
    expect(evaluation.value('目标', `F${row}`)).toBeCloseTo(9153.65, 9);
    // gap 9153.65 − 10000 = −846.35, −8.4635 %
    expect(evaluation.value('目标', `G${row}`)).toBeCloseTo(-846.35, 9);
    expect(evaluation.value('目标', `H${row}`)).toBeCloseTo(-0.084635, 12);
    // Required growth does not depend on the assumed rate: (10000/7565)^(1/2) − 1 = 0.149738…
    expect(evaluation.value('目标', `I${row}`)).toBeCloseTo(Math.sqrt(10000 / 7565) - 1, 12);
    // Editing a target value moves the gap too: 12000 − 9153.65 = 2846.35 short.
    definedNameCell(workbook, 's4_t1_value').value = 12000;
    expect(evaluateWorkbook(workbook).value('目标', `G${row}`)).toBeCloseTo(-2846.35, 9);
  });

  it('#14.9 gives each target the app’s one verdict, as a formula that follows an edited input', async () => {
    const probability2027 = 0.3;
    const result: MonteCarloResult = {
      status: 'completed',
      startYear: 2023,
      yearCount: 5,
      trials: 1000,
      seed: 1,
      percentileLevels: [50],
      percentiles: [new Float64Array([7565, 9017, 10749, 12812, 15272])],
      mean: new Float64Array([7565, 9017, 10749, 12812, 15272]),
      standardDeviation: new Float64Array(5),
      targets: [{ year: 2027, value: 12700, probability: probability2027, standardError: 0.01 }],
    };
    const workbook = await load(await buildScenarioWorkbook(options(fullWorkspace(), { monteCarlo: { 'high-tech-firms-19-2pct': result } })));
    const targets = workbook.getWorksheet('目标') as ExcelJS.Worksheet;
    expect(targets.getRow(3).getCell(11).value).toBe('实现概率(模拟)');
    expect(targets.getRow(3).getCell(12).value).toBe('判定');
    const evaluation = evaluateWorkbook(workbook);
    const rowOf = (prefix: string, year: number): number => {
      for (let row = 4; row <= targets.rowCount; row++)
        if (targets.getRow(row).getCell(1).value === prefix && evaluation.value('目标', `D${row}`) === year) return row;
      throw new Error(`no target row ${prefix} ${year}`);
    };
    const verdictAt = (prefix: string, year: number, evaluated = evaluation) => evaluated.value('目标', `L${rowOf(prefix, year)}`);
    // s4, 19.2 % a year: 7565 × 1.192² = 10748.8 ≥ 10000 in 2025 → on track.
    expect(verdictAt('s4', 2025)).toBe('✓ 按期实现');
    // 2027: 7565 × 1.192⁴ = 15272.6 ≥ 12700, but a simulated probability of 30 % < 50 % → at risk, as the app says.
    expect(targets.getRow(rowOf('s4', 2027)).getCell(11).value).toBe(probability2027);
    expect(verdictAt('s4', 2027)).toBe('! 存在风险');
    // s5, +1219 a year: 7565 + 4 × 1219 = 12441, (12700 − 12441) / 12700 = 2.04 % short → at risk (the Scenarios panel said ✗ 未达成).
    expect(verdictAt('s5', 2027)).toBe('! 存在风险');
    // The cached result (what Excel shows before recalculating) is the same verdict.
    expect((targets.getCell(`L${rowOf('s5', 2027)}`).value as ExcelJS.CellFormulaValue).result).toBe('! 存在风险');
    // Growth cut to 10 %: 7565 × 1.1² = 9153.65, (10000 − 9153.65) / 10000 = 8.46 % short → off track.
    definedNameCell(workbook, 's4_rate').value = 0.1;
    expect(verdictAt('s4', 2025, evaluateWorkbook(workbook))).toBe('✗ 难以实现');
  });

  it('notes that required growth is the equivalent constant rate for non-CAGR models', async () => {
    const workbook = await load(await buildScenarioWorkbook(options(fullWorkspace(), { lang: 'en' })));
    const targets = workbook.getWorksheet('Targets') as ExcelJS.Worksheet;
    const linearRow = findRow(targets, 1, 's5');
    expect(String(targets.getRow(linearRow).getCell(10).value)).toContain('equivalent constant annual rate');
    const cagrRow = findRow(targets, 1, 's4');
    expect(targets.getRow(cagrRow).getCell(10).value).toBeNull();
  });

  it('lists every dataset figure used with its original quote from the article', async () => {
    const workbook = await load(await buildScenarioWorkbook(options(fullWorkspace())));
    const sheet = workbook.getWorksheet('来源') as ExcelJS.Worksheet;
    const rows: Array<{ id: string; value: unknown; quote: string; usedBy: string }> = [];
    for (let row = 5; row <= sheet.rowCount; row++) {
      const cells = sheet.getRow(row);
      rows.push({
        id: String(cells.getCell(1).value),
        value: cells.getCell(3).value,
        quote: String(cells.getCell(8).value),
        usedBy: String(cells.getCell(9).value),
      });
    }
    const ids = rows.map((row) => row.id);
    expect(ids).toContain('cq.software.revenue@2024-target');
    expect(ids).toContain('cq.enterprises.high-tech@2027-target');
    expect(ids).toContain('cn.diagnostics.market@2028-projection');
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of rows) expect(article.includes(row.quote), row.quote).toBe(true);
    const software = rows.find((row) => row.id === 'cq.software.revenue@2024-target');
    expect(software?.quote).toContain('4200亿元');
    expect(software?.value).toBe(4200);
    expect(rows.find((row) => row.id === 'cq.enterprises.high-tech@2023-actual')?.usedBy).toBe('s4 基期, s5 基期');
  });

  it('#14.13.4 gives the 2028 diagnostics forecast no row on the Targets sheet and cites it as a reference forecast', async () => {
    const workbook = await load(await buildScenarioWorkbook(options(fullWorkspace())));
    const targets = workbook.getWorksheet('目标') as ExcelJS.Worksheet;
    // No target row for either diagnostics scenario (s2, s3), and no target input for the forecast.
    const scenarioColumn: unknown[] = [];
    targets.eachRow((row) => scenarioColumn.push(row.getCell(1).value));
    expect(scenarioColumn).toContain('s4');
    expect(scenarioColumn).not.toContain('s2');
    expect(scenarioColumn).not.toContain('s3');
    expect(workbook.definedNames.getRanges('s2_t1_value').ranges).toEqual([]);
    const sources = workbook.getWorksheet('来源') as ExcelJS.Worksheet;
    const forecast = findRow(sources, 1, 'cn.diagnostics.market@2028-projection');
    expect(String(sources.getRow(forecast).getCell(9).value)).toBe('s2 参考预测 1, s3 参考预测 1');
    // The implied 2023 software base is cited by the two printed figures it is computed from.
    expect(String(sources.getRow(findRow(sources, 1, 'cq.software.revenue-growth@2024-target')).getCell(9).value)).toContain('s1 基期');
  });

  it('states Monte Carlo seed and trials, or says there are none', async () => {
    const none = await load(await buildScenarioWorkbook(options(fullWorkspace())));
    expect(String(none.getWorksheet('不确定性')?.getCell('A3').value)).toContain('未包含蒙特卡洛结果');
    const result: MonteCarloResult = {
      status: 'completed',
      startYear: 2024,
      yearCount: 3,
      trials: 20000,
      seed: 42,
      percentileLevels: [5, 50, 95],
      percentiles: [new Float64Array([4200, 4500, 4800]), new Float64Array([4200, 4830, 5554.5]), new Float64Array([4200, 5100, 6300])],
      mean: new Float64Array([4200, 4829, 5560]),
      standardDeviation: new Float64Array([0, 100, 200]),
      targets: [],
    };
    const workbook = await load(await buildScenarioWorkbook(options(fullWorkspace(), { lang: 'en', monteCarlo: { 'software-revenue-15pct': result } })));
    const sheet = workbook.getWorksheet('Uncertainty') as ExcelJS.Worksheet;
    const texts: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
    expect(texts.join('|')).toContain('20,000 trials, seed 42');
    const header = findRow(sheet, 1, 'Year');
    expect(sheet.getRow(header).values).toEqual([undefined, 'Year', 'P5', 'P50', 'P95', 'Mean']);
    expect(sheet.getRow(header + 2).values).toEqual([undefined, 2025, 4500, 4830, 5100, 4829]);
    // Scenarios with an uncertainty spec whose results were not ready say so.
    expect(texts.join('|')).toContain('not finished');
  });

  it('embeds the chart PNG on a Chart sheet', async () => {
    // 1×1 PNG
    const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
    const workbook = await load(await buildScenarioWorkbook(options(fullWorkspace(), { chartPng: png })));
    const sheet = workbook.getWorksheet('图表') as ExcelJS.Worksheet;
    expect(sheet.getImages()).toHaveLength(1);
    const media = (workbook.model as unknown as { media: Array<{ extension: string; buffer: Uint8Array }> }).media;
    expect(media[0]?.extension).toBe('png');
    expect(Buffer.from(media[0]?.buffer ?? []).equals(Buffer.from(png))).toBe(true);
  });

  it('guards text fields that would start a formula', async () => {
    const workspace = fullWorkspace();
    const first = workspace.scenarios[0] as WorkspaceScenario;
    const hostile: WorkspaceScenario = {
      ...first,
      name: '=HYPERLINK("http://example.invalid","点我")',
      notes: '@SUM(1+1)',
      indicatorName: { zh: '+1 指标', en: '-1 indicator' },
      targets: [{ label: '-2 目标', year: 2026, value: 5000 }],
    };
    const bytes = await buildScenarioWorkbook(options({ ...workspace, name: '=cmd|"/c calc"!A1', scenarios: [hostile, ...workspace.scenarios.slice(1)] }));
    const workbook = await load(bytes);
    const offending: string[] = [];
    let guarded = 0;
    workbook.eachSheet((sheet) => {
      if (sheet.name === HIDDEN_SHEET_NAME) return;
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value !== 'string') return;
          if (/^[=+\-@]/.test(cell.value)) offending.push(`${sheet.name}!${cell.address}: ${cell.value}`);
          if (cell.value.startsWith("'=HYPERLINK") || cell.value.startsWith("'-2 目标") || cell.value.startsWith("'@SUM") || cell.value.startsWith("'=cmd"))
            guarded++;
        }),
      );
    });
    expect(offending).toEqual([]);
    expect(guarded).toBeGreaterThanOrEqual(5);
    // The guard is only in the display: reading back gives the names exactly as typed.
    const back = await readScenariosFromWorkbook(bytes);
    expect(back.ok && back.scenarios[0]?.name).toBe('=HYPERLINK("http://example.invalid","点我")');
  });
});

describe('readScenariosFromWorkbook', () => {
  it('reads an exported workbook back as the same workspace', async () => {
    const workspace = fullWorkspace();
    for (const lang of ['zh', 'en'] as const) {
      const result = await readScenariosFromWorkbook(await buildScenarioWorkbook(options(workspace, { lang })), { nowIso: NOW });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.edits).toEqual([]);
      // Unedited: timestamps included, everything is identical.
      expect(result.workspace).toEqual(workspace);
      expect(result.scenarios).toEqual(workspace.scenarios);
      expect(result.exportedAt).toBe(EXPORTED_AT);
    }
  });

  it('brings input cells edited in Excel back into the scenarios', async () => {
    const workspace = fullWorkspace();
    const workbook = await load(await buildScenarioWorkbook(options(workspace)));
    definedNameCell(workbook, 's1_rate').value = 0.12;
    definedNameCell(workbook, 's9_rate3').value = 0.085;
    definedNameCell(workbook, 's4_t1_value').value = 10500;
    // An analyst may type a formula into an input; its cached result counts.
    definedNameCell(workbook, 's5_inc').value = { formula: '1000+250', result: 1250 };
    const edited = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await readScenariosFromWorkbook(edited, { nowIso: NOW });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const byId = new Map(result.scenarios.map((scenario) => [scenario.id, scenario]));
    expect(byId.get('software-revenue-15pct')).toMatchObject({ params: { growthRatePercent: 12 }, modifiedAt: NOW });
    expect(byId.get('software-rate-path')).toMatchObject({ params: { ratesPercent: [15, 12, 8.5] } });
    expect(byId.get('high-tech-firms-19-2pct')?.targets[0]?.value).toBe(10500);
    expect(byId.get('high-tech-firms-linear-net-gain')).toMatchObject({ params: { incrementPerYear: 1250 } });
    // Untouched scenarios are exactly as exported.
    expect(byId.get('diagnostics-market-cagr')).toEqual(workspace.scenarios.find((scenario) => scenario.id === 'diagnostics-market-cagr'));
    expect(result.edits.map((edit) => edit.name).sort()).toEqual(['s1_rate', 's4_t1_value', 's5_inc', 's9_rate3']);
    expect(result.workspace.modifiedAt).toBe(NOW);
  });

  it('reports edits that make a scenario invalid, naming the cell', async () => {
    const workbook = await load(await buildScenarioWorkbook(options(fullWorkspace())));
    definedNameCell(workbook, 's1_rate').value = 'fast';
    definedNameCell(workbook, 's4_t1_year').value = 2025.5;
    const result = await readScenariosFromWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.where)).toEqual(['s1_rate (假设!D8)', expect.stringMatching(/^s4_t1_year \(假设!D\d+\)$/)]);
    expect(result.problems.map((problem) => problem.code)).toEqual(['not-a-number', 'not-a-whole-year']);

    const negative = await load(await buildScenarioWorkbook(options(fullWorkspace())));
    definedNameCell(negative, 's1_rate').value = -1.5;
    const invalid = await readScenariosFromWorkbook(new Uint8Array(await negative.xlsx.writeBuffer()));
    expect(invalid.ok).toBe(false);
    if (invalid.ok) return;
    expect(invalid.problems[0]?.message).toMatch(/^\$\.scenarios\[0\]\.params\.growthRatePercent: growth rate must be greater than/);
  });

  it('refuses workbooks that Scenario Desk did not export', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').getCell('A1').value = 1;
    const result = await readScenariosFromWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'not-from-app' }] });
    const text = await readScenariosFromWorkbook(new TextEncoder().encode('name,value\nx,1\n'));
    expect(text).toMatchObject({ ok: false, problems: [{ code: 'not-a-workbook' }] });
  });
});
