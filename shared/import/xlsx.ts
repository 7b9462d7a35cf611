/**
 * Worksheets of an .xlsx workbook as tables of cells. The zip guard runs first: exceljs
 * only ever sees archives whose entry count, compression ratios and total size are known
 * to be sane, and whose sheet count is within the limit.
 */
import ExcelJS from 'exceljs';
import { importLimits } from './limits';
import { matchHeader } from './columns';
import { fileProblem, type CellValue, type ImportProblem, type RawTable } from './types';
import { inspectZip, verifyInflatedSizes, withoutDefinedNames } from './zip-guard';

export type WorkbookTablesResult = { ok: true; tables: RawTable[]; skippedSheets: string[] } | { ok: false; error: ImportProblem };

const worksheetPart = /^xl\/worksheets\/[^/]+\.xml$/i;

/**
 * Worksheet parts exceljs is told to skip: none holds a cell value, and some it expands cell by cell
 * (a data validation or a merge over `A1:XFD1048576` is 17 billion cells). Merged ranges read as
 * their top-left cell with the others empty, as Excel itself saves them to CSV.
 */
export const IGNORED_WORKSHEET_NODES = ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'drawing', 'picture', 'tableParts', 'extLst', 'mergeCells'];

function unreadable(error: unknown): ImportProblem {
  const detail = error instanceof Error ? error.message.slice(0, 200) : '';
  return fileProblem('unreadable-xlsx', `The workbook could not be read${detail ? `: ${detail}` : ''}.`, `无法读取该工作簿${detail ? `：${detail}` : ''}。`);
}

function tooManySheets(count: number): ImportProblem {
  return fileProblem(
    'too-many-sheets',
    `The workbook has ${count} worksheets; at most ${importLimits.maxSheets} are accepted.`,
    `工作簿有 ${count} 个工作表，最多允许 ${importLimits.maxSheets} 个。`,
  );
}

function tooManyRows(sheet: string, rows: number): ImportProblem {
  return {
    ...fileProblem(
      'too-many-rows',
      `Worksheet "${sheet}" has ${rows} rows; at most ${importLimits.maxRows} data rows are accepted.`,
      `工作表“${sheet}”有 ${rows} 行，最多允许 ${importLimits.maxRows} 行数据。`,
    ),
    sheet,
  };
}

/** exceljs cell values (numbers, strings, dates, rich text, formulas, hyperlinks, errors) as plain cells. */
export function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record['richText'])) {
      return (record['richText'] as unknown[])
        .map((part) =>
          part && typeof part === 'object' && typeof (part as Record<string, unknown>)['text'] === 'string' ? (part as Record<string, string>)['text'] : '',
        )
        .join('');
    }
    if ('result' in record) return toCell(record['result']);
    if ('formula' in record || 'sharedFormula' in record) return null;
    if (typeof record['text'] === 'string') return record['text'];
    if (typeof record['error'] === 'string') return record['error'];
  }
  return null;
}

function headerCounts(header: readonly string[]): boolean {
  const found = new Set(header.map(matchHeader));
  return found.has('indicatorId') && found.has('value');
}

export async function readWorkbookTables(bytes: Uint8Array): Promise<WorkbookTablesResult> {
  const guard = inspectZip(bytes);
  if (!guard.ok) return guard;
  const names = new Set(guard.entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    return {
      ok: false,
      error: fileProblem('unreadable-xlsx', 'The file is a zip archive but not an Excel workbook (.xlsx).', '该文件是压缩包，但不是 Excel 工作簿（.xlsx）。'),
    };
  }
  const sheetParts = guard.entries.filter((e) => worksheetPart.test(e.name)).length;
  if (sheetParts > importLimits.maxSheets) return { ok: false, error: tooManySheets(sheetParts) };
  const lie = await verifyInflatedSizes(bytes, guard.entries);
  if (lie) return { ok: false, error: lie };
  // Defined names are not needed to read a table, and exceljs's handling of them is unsafe (see withoutDefinedNames).
  const safe = await withoutDefinedNames(bytes, guard.entries);
  if (!safe.ok) return safe;

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings ask for a Node Buffer; JSZip underneath reads any ArrayBuffer view.
    const data = safe.bytes.buffer.slice(safe.bytes.byteOffset, safe.bytes.byteOffset + safe.bytes.byteLength) as unknown as Parameters<
      typeof workbook.xlsx.load
    >[0];
    await workbook.xlsx.load(data, { ignoreNodes: IGNORED_WORKSHEET_NODES });
  } catch (error) {
    return { ok: false, error: unreadable(error) };
  }
  try {
    return tablesOf(workbook);
  } catch (error) {
    // exceljs may load a damaged workbook it then cannot walk.
    return { ok: false, error: unreadable(error) };
  }
}

function tablesOf(workbook: ExcelJS.Workbook): WorkbookTablesResult {
  if (workbook.worksheets.length > importLimits.maxSheets) return { ok: false, error: tooManySheets(workbook.worksheets.length) };

  const tables: RawTable[] = [];
  const skippedSheets: string[] = [];
  let firstNonEmpty: RawTable | null = null;
  for (const worksheet of workbook.worksheets) {
    const name = worksheet.name;
    if (worksheet.actualRowCount > importLimits.maxRows + 1) return { ok: false, error: tooManyRows(name, worksheet.actualRowCount) };
    let table: RawTable | null = null;
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
      // row.values is 1-based, like spreadsheet columns.
      const cells = values.slice(1, importLimits.maxColumns + 2).map(toCell);
      if (cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) return;
      if (table === null) {
        table = { sheet: name, headerRow: rowNumber, header: cells.map((c) => (c === null ? '' : String(c instanceof Date ? c.toISOString() : c))), rows: [] };
      } else table.rows.push({ row: rowNumber, cells });
    });
    const found = table as RawTable | null;
    if (found === null) continue;
    firstNonEmpty ??= found;
    if (headerCounts(found.header)) tables.push(found);
    else skippedSheets.push(name);
  }
  if (tables.length === 0) {
    if (firstNonEmpty) return { ok: true, tables: [firstNonEmpty], skippedSheets: [] };
    return { ok: false, error: fileProblem('no-data', 'The workbook has no data.', '工作簿中没有数据。') };
  }
  return { ok: true, tables, skippedSheets };
}
