/**
 * Builds the exported Excel workbook: a live model in which the Projections and Targets sheets are
 * formulas on named input cells of the Assumptions sheet. Every formula carries the engine's result
 * as its cached value, so viewers that do not recalculate still show the numbers.
 *
 * Rates: the workspace stores percent (15 = 15 %); input cells store the fraction (0.15) with a
 * `0.0%` format, so formulas read `(1+s1_rate)` and Excel shows "15.0%".
 *
 * Hidden sheet `_sdesk` (very hidden): A1 marker, A2 format version, A3 metadata JSON (bindings of
 * defined names to scenario fields), A4… the workspace JSON split into chunks below Excel's
 * 32,767-character cell limit. `readScenariosFromWorkbook` reads it back.
 */
import ExcelJS from 'exceljs';
import { citeSources, figureSourcesOf, pieceCitation, sourcesOfScenarios } from '../charts/source-line';
import { computeDerivedFigures, getBundledDataset, indexDataset, requirePieceOf, type Dataset } from '../dataset';
import { analyzeTarget, TARGET_RELATIVE_TOLERANCE } from '../engine/analysis';
import { lastAnalysisYear, projectScenario } from '../engine/models';
import { AT_RISK_PROBABILITY, AT_RISK_SHORTFALL_PERCENT, targetVerdict, verdictLabel, type TargetVerdict } from '../engine/verdict';
import type { MonteCarloResult } from '../engine/montecarlo';
import {
  constantGrowthFactor,
  formatGroupedNumber,
  inLang,
  isUnitCode,
  localLabel,
  localName,
  percentToFraction,
  printedSignificantFigures,
  significantDecimals,
  spreadsheetNumberFormat,
  timestampForDisplay,
  unitLabel,
  type Lang,
} from '../units';
import type { Workspace, WorkspaceScenario } from '../workspace/schema';
import { readInput } from '../workspace/inputs';
import { bindingsOf, scenarioPrefix, toCellValue, type CellBinding } from './bindings';
import { HIDDEN_SHEET_NAME } from './hidden-sheet';
import { inputLabel, WORKBOOK_TEXT, type WorkbookText } from './text';

export const WORKBOOK_MARKER = 'scenario-desk-workbook';
export const WORKBOOK_FORMAT_VERSION = 1;
export { HIDDEN_SHEET_NAME };
/** Below Excel's limit of 32,767 characters per cell. */
export const JSON_CHUNK_LENGTH = 30_000;

export interface BuildWorkbookOptions {
  readonly workspace: Workspace;
  readonly lang: Lang;
  readonly appVersion: string;
  /** ISO date-time shown on the Cover sheet and stored as the workbook's creation time. */
  readonly exportedAt: string;
  /** Monte Carlo results by scenario id. */
  readonly monteCarlo?: Readonly<Record<string, MonteCarloResult | undefined>>;
  readonly chartPng?: Uint8Array;
  /** Defaults to the bundled dataset (tests may pass another). */
  readonly dataset?: Dataset;
}

export interface WorkbookMeta {
  readonly marker: typeof WORKBOOK_MARKER;
  readonly version: number;
  readonly lang: Lang;
  readonly appVersion: string;
  readonly exportedAt: string;
  readonly bindings: readonly CellBinding[];
}

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * Text from user fields must never start like a formula (CSV/DDE injection when the sheet is copied
 * or re-saved as CSV); such text gets a leading apostrophe, which is visible and harmless.
 */
export function guardText(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

export function columnLetter(column: number): string {
  let letters = '';
  let n = column;
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Sheet names are always quoted in formulas and defined names (the Chinese ones must be). */
export function sheetRef(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

// Styles are shared, never mutated objects: exceljs keeps a reference per cell.
const BORDER_COLOR = { argb: 'FFBFBFBF' };
const thinBorder: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: BORDER_COLOR },
  left: { style: 'thin', color: BORDER_COLOR },
  bottom: { style: 'thin', color: BORDER_COLOR },
  right: { style: 'thin', color: BORDER_COLOR },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const BLOCK_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
/** Input cells: yellow fill, blue bold font (the usual financial-model convention for inputs). */
export const INPUT_FILL_ARGB = 'FFFFF2CC';
export const INPUT_FONT_ARGB = 'FF0000FF';
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL_ARGB } };
const INPUT_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: INPUT_FONT_ARGB } };
const FIXED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };

export const FORMAT_PERCENT = '0.0%';
export const FORMAT_COUNT = '#,##0';
export const FORMAT_AMOUNT = '#,##0.0';
export const FORMAT_YEAR = '0';

const styleCache = new Map<string, Partial<ExcelJS.Style>>();
function style(kind: 'header' | 'block' | 'input' | 'fixed' | 'plain' | 'title' | 'note' | 'wrap', numFmt?: string): Partial<ExcelJS.Style> {
  const key = `${kind}|${numFmt ?? ''}`;
  const cached = styleCache.get(key);
  if (cached) return cached;
  let created: Partial<ExcelJS.Style>;
  switch (kind) {
    case 'header':
      created = { font: HEADER_FONT, fill: HEADER_FILL, border: thinBorder, alignment: { vertical: 'middle', wrapText: true } };
      break;
    case 'block':
      created = { font: { bold: true }, fill: BLOCK_FILL };
      break;
    case 'input':
      created = { font: INPUT_FONT, fill: INPUT_FILL, border: thinBorder };
      break;
    case 'fixed':
      created = { fill: FIXED_FILL, border: thinBorder };
      break;
    case 'title':
      created = { font: { bold: true, size: 14 } };
      break;
    case 'note':
      created = { font: { italic: true, color: { argb: 'FF595959' } } };
      break;
    case 'wrap':
      created = { alignment: { wrapText: true, vertical: 'top' } };
      break;
    default:
      created = {};
  }
  if (numFmt !== undefined) created = { ...created, numFmt };
  styleCache.set(key, created);
  return created;
}

/**
 * The number format of cells holding values of `unit` about the size of `typical` (the scenario's
 * base): the display rule of shared/units, so a cell shows what the screen shows (4,200 / 39.80 / 7,565).
 * A user's own unit (free text) takes the rule of money, as on the screen.
 */
function valueFormat(unit: string, typical: number, significantFigures?: number): string {
  if (isUnitCode(unit)) return spreadsheetNumberFormat(unit, typical, significantFigures);
  const decimals = significantDecimals(typical, Math.max(4, significantFigures ?? 0));
  return decimals === 0 ? FORMAT_COUNT : `#,##0.${'0'.repeat(decimals)}`;
}

function unitText(unit: string, lang: Lang): string {
  return isUnitCode(unit) ? unitLabel(unit, lang) : guardText(unit);
}

function scenarioName(scenario: WorkspaceScenario, lang: Lang): string {
  return guardText(localName(scenario, lang));
}

function indicatorName(scenario: WorkspaceScenario, lang: Lang): string {
  return guardText(inLang(scenario.indicatorName, lang));
}

/** A number that a workbook cannot hold: the builder refuses it rather than write `<v>NaN</v>`, which Excel reports as damage. */
export class WorkbookValueError extends Error {
  readonly sheet: string;
  readonly cell: string;
  constructor(sheet: string, cell: string, value: number) {
    super(`sheet "${sheet}", cell ${cell}: ${String(value)} is not a finite number, so the workbook was not written`);
    this.name = 'WorkbookValueError';
    this.sheet = sheet;
    this.cell = cell;
  }
}

/**
 * Backstop for every number written (a value or a formula's cached result): the engine's bounds keep them
 * finite, and this makes sure no bug can reach the file. Throws WorkbookValueError naming the sheet and cell.
 */
function checkFiniteCell(sheet: ExcelJS.Worksheet, row: number, column: number, value: ExcelJS.CellValue): void {
  let number: unknown = value;
  if (value !== null && typeof value === 'object' && 'result' in value) number = value.result;
  if (typeof number === 'number' && !Number.isFinite(number)) throw new WorkbookValueError(sheet.name, `${columnLetter(column)}${row}`, number);
}

function setRow(sheet: ExcelJS.Worksheet, rowNumber: number, values: readonly ExcelJS.CellValue[], cellStyle?: Partial<ExcelJS.Style>): void {
  const row = sheet.getRow(rowNumber);
  const shared = cellStyle ?? style('plain');
  values.forEach((value, index) => {
    checkFiniteCell(sheet, rowNumber, index + 1, value);
    const cell = row.getCell(index + 1);
    cell.value = value;
    cell.style = shared;
  });
}

function setCell(sheet: ExcelJS.Worksheet, row: number, column: number, value: ExcelJS.CellValue, cellStyle?: Partial<ExcelJS.Style>): ExcelJS.Cell {
  checkFiniteCell(sheet, row, column, value);
  const cell = sheet.getRow(row).getCell(column);
  cell.value = value;
  // Always a shared style object: exceljs caches style ids per object, so a fresh {} per cell is slow to save.
  cell.style = cellStyle ?? style('plain');
  return cell;
}

function setWidths(sheet: ExcelJS.Worksheet, widths: readonly number[]): void {
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
}

const PAGE_SETUP: Partial<ExcelJS.PageSetup> = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };

function addSheet(workbook: ExcelJS.Workbook, name: string, frozen?: { xSplit: number; ySplit: number }): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, {
    pageSetup: PAGE_SETUP,
    views: frozen ? [{ state: 'frozen', xSplit: frozen.xSplit, ySplit: frozen.ySplit }] : [{}],
  });
}

interface ScenarioPlan {
  readonly scenario: WorkspaceScenario;
  readonly prefix: string;
  readonly bindings: readonly CellBinding[];
  readonly values: Float64Array;
  readonly lastYear: number;
  /** Column of this scenario on the Projections sheet. */
  readonly column: number;
}

function bindingLabel(binding: CellBinding, scenario: WorkspaceScenario, text: WorkbookText, lang: Lang): string {
  return inputLabel(binding.field, scenario, text, lang, guardText);
}

function bindingValue(binding: CellBinding, scenario: WorkspaceScenario): number {
  const value = readInput(scenario, binding.field);
  if (value === undefined) throw new Error(`internal: ${binding.name} has no value`);
  return toCellValue(value, binding.scale);
}

function bindingFormat(binding: CellBinding, scenario: WorkspaceScenario): string {
  if (binding.scale === 'percent') return FORMAT_PERCENT;
  if (binding.scale === 'year') return FORMAT_YEAR;
  return valueFormat(scenario.unit, scenario.base.value);
}

function bindingUnit(binding: CellBinding, unit: string, lang: Lang): string {
  if (binding.scale === 'percent') return lang === 'zh' ? '%/年' : '% a year';
  if (binding.scale === 'year') return lang === 'zh' ? '年' : 'year';
  if (binding.field.kind === 'incrementPerYear') return lang === 'zh' ? `${unitText(unit, lang)}/年` : `${unitText(unit, lang)} a year`;
  return unitText(unit, lang);
}

/** Formula of the projected value `steps` years after the base (the base row itself is `=sN_base`). */
function projectionFormula(plan: ScenarioPlan, yearCell: string, previousCell: string, steps: number): string {
  const p = plan.prefix;
  const scenario = plan.scenario;
  if (steps === 0) return `${p}_base`;
  switch (scenario.model) {
    case 'cagr':
      return `${p}_base*(1+${p}_rate)^(${yearCell}-${p}_baseYear)`;
    case 'linear':
      return `${p}_base+${p}_inc*(${yearCell}-${p}_baseYear)`;
    case 'targetPath':
      return `${p}_base*(${p}_targetValue/${p}_base)^((${yearCell}-${p}_baseYear)/(${p}_targetYear-${p}_baseYear))`;
    case 'ratePath': {
      // Running product down the column; rate k is the growth into year base+k, the last rate continues.
      const rateNumber = Math.min(steps, scenario.params.ratesPercent.length);
      return `${previousCell}*(1+${p}_rate${rateNumber})`;
    }
    case 'logistic':
      // The engine's exact one-year step: K·v(1+g) / (v(1+g) + K − v).
      return `${p}_ceiling*${previousCell}*(1+${p}_rate)/(${previousCell}*(1+${p}_rate)+${p}_ceiling-${previousCell})`;
  }
}

function writeCover(workbook: ExcelJS.Workbook, options: BuildWorkbookOptions, text: WorkbookText, plans: readonly ScenarioPlan[], dataset: Dataset): void {
  const sheet = addSheet(workbook, text.sheets.cover);
  const lang = options.lang;
  setWidths(sheet, [16, 48, 34, 22, 16, 60]);
  setCell(sheet, 1, 1, text.title, style('title'));
  const citation = workbookCitation(options, plans, dataset) ?? text.noSources;
  const facts: Array<[string, string]> = [
    // The analyst's local time with its offset, as the export wrote it (exportedAt carries the offset).
    [text.exportedAt, timestampForDisplay(options.exportedAt)],
    [text.appVersion, options.appVersion],
    [text.workspace, guardText(options.workspace.name)],
    [text.dataset, citation],
  ];
  let row = 3;
  for (const [label, value] of facts) {
    setCell(sheet, row, 1, label, style('block'));
    setCell(sheet, row, 2, value);
    row++;
  }
  row++;
  setCell(sheet, row++, 1, text.howToTitle, style('block'));
  for (const line of text.howTo) setCell(sheet, row++, 1, line);
  setCell(sheet, row, 1, text.inputLegend, style('input'));
  setCell(sheet, row++, 2, text.fixedLegend, style('fixed'));
  setCell(sheet, row++, 1, text.rateConvention);
  row++;
  setCell(sheet, row++, 1, text.namingTitle, style('block'));
  for (const line of text.naming) setCell(sheet, row++, 1, line);
  row++;
  setCell(sheet, row++, 1, text.scenarioList, style('block'));
  setRow(
    sheet,
    row++,
    [text.columns.key, text.columns.scenario, text.columns.indicator, text.columns.model, text.columns.unit, text.columns.note],
    style('header'),
  );
  for (const plan of plans) {
    const scenario = plan.scenario;
    const baseline = options.workspace.baselineScenarioId === scenario.id ? ` (${text.columns.baseline})` : '';
    setRow(sheet, row++, [
      plan.prefix,
      scenarioName(scenario, lang) + baseline,
      indicatorName(scenario, lang),
      text.models[scenario.model],
      unitText(scenario.unit, lang),
      guardText(scenario.notes),
    ]);
  }
}

function writeAssumptions(workbook: ExcelJS.Workbook, options: BuildWorkbookOptions, text: WorkbookText, plans: readonly ScenarioPlan[]): void {
  const name = text.sheets.assumptions;
  const sheet = addSheet(workbook, name, { xSplit: 0, ySplit: 3 });
  const lang = options.lang;
  setWidths(sheet, [8, 44, 36, 14, 16, 22, 40]);
  setCell(sheet, 1, 1, text.sheets.assumptions, style('title'));
  setCell(sheet, 1, 3, text.inputLegend, style('input'));
  setCell(sheet, 1, 5, text.fixedLegend, style('fixed'));
  setRow(
    sheet,
    3,
    [text.columns.key, text.columns.scenario, text.columns.parameter, text.columns.value, text.columns.unit, text.columns.definedName, text.columns.note],
    style('header'),
  );
  let row = 4;
  for (const plan of plans) {
    const scenario = plan.scenario;
    setRow(
      sheet,
      row++,
      [plan.prefix, scenarioName(scenario, lang), text.models[scenario.model], null, unitText(scenario.unit, lang), null, indicatorName(scenario, lang)],
      style('block'),
    );
    for (const binding of plan.bindings) {
      const format = bindingFormat(binding, scenario);
      setCell(sheet, row, 1, plan.prefix);
      setCell(sheet, row, 3, bindingLabel(binding, scenario, text, lang));
      setCell(sheet, row, 4, bindingValue(binding, scenario), binding.input ? style('input', format) : style('fixed', format));
      setCell(sheet, row, 5, bindingUnit(binding, scenario.unit, lang));
      setCell(sheet, row, 6, binding.name);
      if (!binding.input) setCell(sheet, row, 7, text.fixedNote, style('note'));
      else if (binding.field.kind === 'ratePercent' && binding.field.index === (scenario.model === 'ratePath' ? scenario.params.ratesPercent.length - 1 : -1)) {
        setCell(sheet, row, 7, text.params.rateContinues, style('note'));
      }
      // addEx with a ready range skips re-parsing an address string for every name (exceljs's types omit sheetName).
      const location: ExcelJS.Location & { sheetName: string } = { sheetName: name, top: row, left: 4, bottom: row, right: 4 };
      workbook.definedNames.addEx(location, binding.name);
      row++;
    }
  }
}

interface ProjectionLayout {
  readonly sheetName: string;
  readonly firstDataRow: number;
  readonly firstYear: number;
  readonly lastRow: number;
  readonly lastColumn: number;
}

const PROJECTION_HEADER_ROWS = 5;

function writeProjections(workbook: ExcelJS.Workbook, options: BuildWorkbookOptions, text: WorkbookText, plans: readonly ScenarioPlan[]): ProjectionLayout {
  const sheetName = text.sheets.projections;
  const sheet = addSheet(workbook, sheetName, { xSplit: 1, ySplit: PROJECTION_HEADER_ROWS });
  const lang = options.lang;
  const firstDataRow = PROJECTION_HEADER_ROWS + 1;
  const firstYear = plans.reduce((min, plan) => Math.min(min, plan.scenario.base.year), Infinity);
  const lastYear = plans.reduce((max, plan) => Math.max(max, plan.lastYear), -Infinity);
  setCell(sheet, 1, 1, text.sheets.projections, style('title'));
  setCell(sheet, 2, 1, text.projectionsIntro, style('note'));
  const header = style('header');
  setCell(sheet, 3, 1, text.columns.scenario, header);
  setCell(sheet, 4, 1, text.columns.unit, header);
  setCell(sheet, 5, 1, text.columns.year, header);
  sheet.getColumn(1).width = 10;
  sheet.getRow(3).height = 48;
  for (const plan of plans) {
    setCell(sheet, 3, plan.column, scenarioName(plan.scenario, lang), header);
    setCell(sheet, 4, plan.column, unitText(plan.scenario.unit, lang), header);
    setCell(sheet, 5, plan.column, `${plan.prefix} · ${text.models[plan.scenario.model]}`, header);
    sheet.getColumn(plan.column).width = 18;
  }
  if (plans.length === 0) return { sheetName, firstDataRow, firstYear: 0, lastRow: firstDataRow - 1, lastColumn: 1 };
  const yearStyle = style('block', FORMAT_YEAR);
  const formats = plans.map((plan) => style('plain', valueFormat(plan.scenario.unit, plan.scenario.base.value)));
  for (let year = firstYear; year <= lastYear; year++) {
    const rowNumber = firstDataRow + (year - firstYear);
    const row = sheet.getRow(rowNumber);
    const yearCellRef = `$A${rowNumber}`;
    const yearCell = row.getCell(1);
    yearCell.value = year;
    yearCell.style = yearStyle;
    plans.forEach((plan, planIndex) => {
      const steps = year - plan.scenario.base.year;
      if (steps < 0 || year > plan.lastYear) return;
      const letter = columnLetter(plan.column);
      const cell = row.getCell(plan.column);
      const value: ExcelJS.CellValue = {
        formula: projectionFormula(plan, yearCellRef, `${letter}${rowNumber - 1}`, steps),
        result: plan.values[steps] as number,
      };
      checkFiniteCell(sheet, rowNumber, plan.column, value);
      cell.value = value;
      cell.style = formats[planIndex] as Partial<ExcelJS.Style>;
    });
  }
  return { sheetName, firstDataRow, firstYear, lastRow: firstDataRow + (lastYear - firstYear), lastColumn: plans.length + 1 };
}

/**
 * Cached result of the required-CAGR formula (a fraction). A linear scenario may start at 0 or below, where
 * no CAGR exists: the cache then holds the error Excel itself computes (E/0 → #DIV/0!, a negative base to a
 * fractional power → #NUM!), never NaN or Infinity.
 */
function requiredCagrResult(baseValue: number, baseYear: number, targetValue: number, targetYear: number): number | ExcelJS.CellErrorValue {
  if (baseValue === 0) return { error: '#DIV/0!' };
  // The cell's own formula, (E/B)^(1/n) − 1, unchecked like Excel's: over one year a negative base gives a number.
  const cagr = constantGrowthFactor(baseValue, targetValue, targetYear - baseYear) - 1;
  return Number.isFinite(cagr) ? cagr : { error: '#NUM!' };
}

/**
 * The verdict cell's formula: the engine's `targetVerdict` rules written in Excel, so the verdict follows
 * an input edited in the workbook. S is the shortfall (target − projected, or projected − target for a
 * target below the base) as a fraction of the target; K holds the simulated probability or is empty.
 * Whether the model can reach the target at all is the app's answer at export (`unreachable`): it names
 * the missed branch of a target no growth rate reaches.
 */
function verdictFormula(row: number, prefix: string, lang: Lang, missedUnreachable: boolean): string {
  const text = (verdict: TargetVerdict): string => `"${verdictLabel(verdict, lang)}"`;
  const shortfall = `IF(E${row}>=${prefix}_base,E${row}-F${row},F${row}-E${row})/ABS(E${row})`;
  const met = `IF(AND(ISNUMBER(K${row}),K${row}<${AT_RISK_PROBABILITY}),${text('atRisk')},${text('onTrack')})`;
  const missed = missedUnreachable
    ? text('unreachable')
    : `IF(${shortfall}<=${percentToFraction(AT_RISK_SHORTFALL_PERCENT)},${text('atRisk')},${text('offTrack')})`;
  // Excel writes a small number in scientific notation with a capital E.
  return `IF(${shortfall}<=${TARGET_RELATIVE_TOLERANCE.toExponential().toUpperCase()},${met},${missed})`;
}

function writeTargets(
  workbook: ExcelJS.Workbook,
  options: BuildWorkbookOptions,
  text: WorkbookText,
  plans: readonly ScenarioPlan[],
  layout: ProjectionLayout,
): void {
  const sheet = addSheet(workbook, text.sheets.targets, { xSplit: 2, ySplit: 3 });
  const lang = options.lang;
  setWidths(sheet, [8, 40, 34, 10, 14, 14, 16, 10, 14, 48, 14, 16]);
  setCell(sheet, 1, 1, text.sheets.targets, style('title'));
  setCell(sheet, 2, 1, text.targetsIntro, style('note'));
  const c = text.columns;
  setRow(
    sheet,
    3,
    [c.key, c.scenario, c.targetLabel, c.targetYear, c.target, c.projected, c.gap, c.gapPercent, c.requiredCagr, c.note, c.probability, c.verdict],
    style('header'),
  );
  const lookupRange = `${sheetRef(layout.sheetName)}!$A$${layout.firstDataRow}:$${columnLetter(layout.lastColumn)}$${layout.lastRow}`;
  let row = 4;
  for (const plan of plans) {
    const scenario = plan.scenario;
    const p = plan.prefix;
    const valueFmt = valueFormat(scenario.unit, scenario.base.value);
    scenario.targets.forEach((target, index) => {
      const t = `${p}_t${index + 1}`;
      const projected = plan.values[target.year - scenario.base.year] as number;
      const gap = projected - target.value;
      setRow(sheet, row, [p, scenarioName(scenario, lang), guardText(localLabel(target, lang) ?? '')]);
      setCell(sheet, row, 4, { formula: `${t}_year`, result: target.year }, style('plain', FORMAT_YEAR));
      setCell(sheet, row, 5, { formula: `${t}_value`, result: target.value }, style('plain', valueFmt));
      setCell(sheet, row, 6, { formula: `VLOOKUP(D${row},${lookupRange},${plan.column},FALSE)`, result: projected }, style('plain', valueFmt));
      setCell(sheet, row, 7, { formula: `F${row}-E${row}`, result: gap }, style('plain', valueFmt));
      setCell(sheet, row, 8, { formula: `G${row}/E${row}`, result: gap / target.value }, style('plain', FORMAT_PERCENT));
      setCell(
        sheet,
        row,
        9,
        {
          formula: `(E${row}/${p}_base)^(1/(D${row}-${p}_baseYear))-1`,
          result: requiredCagrResult(scenario.base.value, scenario.base.year, target.value, target.year),
        },
        style('plain', FORMAT_PERCENT),
      );
      if (scenario.model !== 'cagr') setCell(sheet, row, 10, text.equivalentRateNote, style('note'));
      const probability = options.monteCarlo?.[scenario.id]?.targets.find((p) => p.year === target.year && p.value === target.value)?.probability ?? null;
      if (probability !== null) setCell(sheet, row, 11, probability, style('plain', FORMAT_PERCENT));
      const analysis = analyzeTarget(scenario, target);
      const verdict = targetVerdict(analysis, probability);
      const missedUnreachable = analysis.requiredGrowth.status === 'unreachable';
      setCell(sheet, row, 12, { formula: verdictFormula(row, p, lang, missedUnreachable), result: verdictLabel(verdict, lang) }, style('plain'));
      row++;
    });
  }
  if (row === 4) setCell(sheet, row, 1, text.noTargets, style('note'));
}

/** A count in running text ("20,000 trials"): grouped alike in both languages, by shared/units. */
function formatCount(value: number): string {
  return formatGroupedNumber(value, 0);
}

function writeUncertainty(workbook: ExcelJS.Workbook, options: BuildWorkbookOptions, text: WorkbookText, plans: readonly ScenarioPlan[]): void {
  const sheet = addSheet(workbook, text.sheets.uncertainty, { xSplit: 1, ySplit: 2 });
  const lang = options.lang;
  setWidths(sheet, [10, 16, 16, 16, 16, 16, 16, 16, 16]);
  setCell(sheet, 1, 1, text.sheets.uncertainty, style('title'));
  setCell(sheet, 2, 1, text.uncertaintyIntro, style('note'));
  let row = 4;
  let included = 0;
  for (const plan of plans) {
    const scenario = plan.scenario;
    const result = options.monteCarlo?.[scenario.id];
    if (result === undefined) {
      if (scenario.uncertainty !== undefined) {
        setCell(sheet, row++, 1, `${plan.prefix} · ${scenarioName(scenario, lang)}`, style('block'));
        setCell(sheet, row++, 1, text.notIncluded, style('note'));
        row++;
      }
      continue;
    }
    included++;
    const shockMode = scenario.uncertainty?.shockMode;
    setCell(sheet, row++, 1, `${plan.prefix} · ${scenarioName(scenario, lang)} (${unitText(scenario.unit, lang)})`, style('block'));
    setCell(sheet, row++, 1, text.monteCarloHeader(formatCount(result.trials), result.seed, shockMode === undefined ? '' : text.shockModes[shockMode]));
    setRow(sheet, row++, [text.columns.year, ...result.percentileLevels.map((level) => `P${level}`), text.columns.mean], style('header'));
    const numberStyle = style('plain', valueFormat(scenario.unit, scenario.base.value));
    const yearStyle = style('plain', FORMAT_YEAR);
    for (let index = 0; index < result.yearCount; index++) {
      const values: number[] = [result.startYear + index, ...result.percentiles.map((levels) => levels[index] as number), result.mean[index] as number];
      const excelRow = sheet.getRow(row++);
      values.forEach((value, column) => {
        checkFiniteCell(sheet, excelRow.number, column + 1, value);
        const cell = excelRow.getCell(column + 1);
        cell.value = value;
        cell.style = column > 0 ? numberStyle : yearStyle;
      });
    }
    row++;
  }
  if (included === 0) setCell(sheet, 3, 1, text.noMonteCarlo);
}

/** The sources of the exported scenarios' figures, as the charts' source line cites them (null when they cite none). */
function workbookCitation(options: BuildWorkbookOptions, plans: readonly ScenarioPlan[], dataset: Dataset): string | null {
  const sources = figureSourcesOf(options.workspace, dataset);
  return citeSources(
    options.lang,
    sourcesOfScenarios(
      plans.map((plan) => plan.scenario),
      sources,
    ),
    dataset,
  );
}

interface SourceUse {
  readonly observationId: string;
  readonly uses: string[];
}

function writeSources(workbook: ExcelJS.Workbook, options: BuildWorkbookOptions, text: WorkbookText, plans: readonly ScenarioPlan[], dataset: Dataset): void {
  const sheet = addSheet(workbook, text.sheets.sources, { xSplit: 0, ySplit: 4 });
  const lang = options.lang;
  setWidths(sheet, [40, 30, 14, 14, 12, 8, 14, 60, 30, 50]);
  setCell(sheet, 1, 1, text.sheets.sources, style('title'));
  setCell(sheet, 2, 1, workbookCitation(options, plans, dataset) ?? text.noSources);
  setCell(sheet, 3, 1, text.sourcesIntro, style('note'));
  const c = text.columns;
  setRow(sheet, 4, [c.observationId, c.indicator, c.value, c.unit, c.kind, c.year, c.asPrinted, c.quote, c.usedBy, c.piece], style('header'));
  const byId = new Map<string, SourceUse>();
  const use = (observationId: string | undefined, what: string): void => {
    if (observationId === undefined) return;
    const entry = byId.get(observationId) ?? { observationId, uses: [] };
    entry.uses.push(what);
    byId.set(observationId, entry);
  };
  // A base the article implies (4200 ÷ (1 + 15%)) is cited by the printed figures it is computed from.
  const derived = new Map(computeDerivedFigures(dataset).map((figure) => [figure.id, figure]));
  for (const plan of plans) {
    const base = plan.scenario.base.observationId;
    for (const id of (base !== undefined && derived.get(base)?.inputs) || [base]) use(id, `${plan.prefix} ${text.base}`);
    plan.scenario.targets.forEach((target, index) => use(target.observationId, `${plan.prefix} ${text.columns.targetLabel} ${index + 1}`));
    plan.scenario.references?.forEach((reference, index) => use(reference.observationId, `${plan.prefix} ${text.columns.referenceLabel} ${index + 1}`));
  }
  const index = indexDataset(dataset);
  let row = 5;
  const wrap = style('wrap');
  for (const { observationId, uses } of byId.values()) {
    const observation = index.observationsById.get(observationId);
    if (observation !== undefined) {
      const indicator = index.indicatorsById.get(observation.indicatorId);
      setRow(sheet, row, [
        observationId,
        indicator?.name[lang] ?? observation.indicatorId,
        observation.value,
        indicator ? unitLabel(indicator.unit, lang) : '',
        text.kinds[observation.kind] ?? observation.kind,
        observation.year,
        observation.rawValue ?? '',
        observation.source.quote,
        uses.join(', '),
        pieceCitation(dataset, requirePieceOf(dataset, observation.source), lang),
      ]);
      // As many figures as the article printed (1203.7亿元 keeps its .7), the rule's at least.
      const printed = observation.rawValue === null ? undefined : (printedSignificantFigures(observation.rawValue) ?? undefined);
      sheet.getRow(row).getCell(3).style = style('plain', indicator ? valueFormat(indicator.unit, observation.value ?? 0, printed) : FORMAT_AMOUNT);
      sheet.getRow(row).getCell(8).style = wrap;
    } else {
      const imported = options.workspace.indicators.find((indicator) => indicator.observations.some((candidate) => candidate.id === observationId));
      const importedObservation = imported?.observations.find((candidate) => candidate.id === observationId);
      setRow(sheet, row, [
        guardText(observationId),
        imported ? guardText(inLang(imported.name, lang)) : '',
        importedObservation?.value ?? null,
        imported ? unitText(imported.unit, lang) : '',
        importedObservation ? (text.kinds[importedObservation.kind] ?? importedObservation.kind) : '',
        importedObservation?.year ?? null,
        '',
        imported ? `${text.importedIndicator}: ${guardText(imported.sourceNote)}` : text.notInDataset,
        uses.join(', '),
      ]);
    }
    row++;
  }
  if (byId.size === 0) setCell(sheet, row, 1, text.noSources, style('note'));
}

/** Width and height from a PNG's IHDR chunk, or null if the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((byte, index) => png[index] !== byte)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Plain base64 (exceljs takes images as base64 in every environment; no Buffer in the renderer). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64_ALPHABET[(triple >> 18) & 63];
    out += BASE64_ALPHABET[(triple >> 12) & 63];
    out += b === undefined ? '=' : BASE64_ALPHABET[(triple >> 6) & 63];
    out += c === undefined ? '=' : BASE64_ALPHABET[triple & 63];
  }
  return out;
}

function writeChart(workbook: ExcelJS.Workbook, text: WorkbookText, png: Uint8Array): void {
  const size = pngSize(png);
  if (size === null) return;
  const sheet = addSheet(workbook, text.sheets.chart);
  setCell(sheet, 1, 1, text.chartIntro, style('note'));
  const imageId = workbook.addImage({ base64: toBase64(png), extension: 'png' });
  const scale = Math.min(1, 1000 / Math.max(1, size.width));
  sheet.addImage(imageId, { tl: { col: 0, row: 2 }, ext: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) } });
}

function writeHiddenSheet(workbook: ExcelJS.Workbook, options: BuildWorkbookOptions, plans: readonly ScenarioPlan[]): void {
  const sheet = workbook.addWorksheet(HIDDEN_SHEET_NAME, { state: 'veryHidden' });
  const meta: WorkbookMeta = {
    marker: WORKBOOK_MARKER,
    version: WORKBOOK_FORMAT_VERSION,
    lang: options.lang,
    appVersion: options.appVersion,
    exportedAt: options.exportedAt,
    bindings: plans.flatMap((plan) => plan.bindings),
  };
  setCell(sheet, 1, 1, WORKBOOK_MARKER);
  setCell(sheet, 2, 1, WORKBOOK_FORMAT_VERSION);
  setCell(sheet, 3, 1, JSON.stringify(meta));
  const json = JSON.stringify(options.workspace);
  for (let start = 0, row = 4; start < json.length; start += JSON_CHUNK_LENGTH, row++) setCell(sheet, row, 1, json.slice(start, start + JSON_CHUNK_LENGTH));
}

/** The workbook as .xlsx bytes. Throws EngineError if a scenario cannot be projected. */
export async function buildScenarioWorkbook(options: BuildWorkbookOptions): Promise<Uint8Array> {
  const text = WORKBOOK_TEXT[options.lang];
  const dataset = options.dataset ?? getBundledDataset();
  const plans: ScenarioPlan[] = options.workspace.scenarios.map((scenario, index) => {
    const lastYear = lastAnalysisYear(scenario);
    return {
      scenario,
      prefix: scenarioPrefix(index),
      bindings: bindingsOf(scenario, index),
      values: projectScenario(scenario, lastYear).values,
      lastYear,
      column: index + 2,
    };
  });

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Scenario Desk';
  workbook.title = text.title;
  const created = new Date(options.exportedAt);
  if (!Number.isNaN(created.getTime())) {
    workbook.created = created;
    workbook.modified = created;
  }
  // Excel recalculates on open, so edited files never show stale cached values.
  workbook.calcProperties.fullCalcOnLoad = true;

  writeCover(workbook, options, text, plans, dataset);
  writeAssumptions(workbook, options, text, plans);
  const layout = writeProjections(workbook, options, text, plans);
  writeTargets(workbook, options, text, plans, layout);
  writeUncertainty(workbook, options, text, plans);
  writeSources(workbook, options, text, plans, dataset);
  if (options.chartPng !== undefined) writeChart(workbook, text, options.chartPng);
  writeHiddenSheet(workbook, options, plans);

  // Fastest deflate level: the sheets are small and repetitive, level 1 is ~3× faster than the default for a few % in size.
  const buffer = await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } });
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
}
