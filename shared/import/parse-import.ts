/**
 * The import entry point: bytes of a CSV or XLSX file in, the workspace's imported
 * indicators (or every problem, by row and column) out. It never throws: any failure,
 * including a bug, comes back as a typed error.
 */
import { parseCsv, decodeText } from './csv';
import { HIDDEN_SHEET_NAME } from '../workbook/hidden-sheet';
import { importLimits } from './limits';
import { failure, fileProblem, type ImportFileInput, type ImportProblem, type ImportResult, type ParseOptions, type RawTable } from './types';
import { DEFAULT_SERIES_UNIT, seriesNameFromFileName } from './series';
import { buildIndicators } from './validate';
import { inspectZip, readZipEntryText } from './zip-guard';

export type ImportFileKind = 'csv' | 'xlsx';

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** By extension; an .xlsx that is really text (or a .csv that is really a workbook) is caught by the readers. */
export function importKindOf(fileName: string, bytes: Uint8Array): ImportFileKind | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) return isZip(bytes) ? 'xlsx' : 'csv';
  return null;
}

function tooManyRows(): ImportProblem {
  return fileProblem('too-many-rows', `The file has more than ${importLimits.maxRows} data rows.`, `文件数据超过 ${importLimits.maxRows} 行。`);
}

function csvTables(bytes: Uint8Array): { ok: true; tables: RawTable[] } | { ok: false; result: ImportResult } {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, result: failure(decoded.error) };
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) {
    if (parsed.tooManyRows) return { ok: false, result: failure(tooManyRows()) };
    const { syntax } = parsed;
    return {
      ok: false,
      result: failure({ code: 'csv-syntax', row: syntax.row, column: `#${syntax.columnIndex}`, message: syntax.message, messageZh: syntax.messageZh }),
    };
  }
  const [header, ...rows] = parsed.records;
  if (!header) return { ok: false, result: failure(fileProblem('file-empty', 'The file is empty.', '文件为空。')) };
  return { ok: true, tables: [{ headerRow: header.row, header: header.cells, rows }] };
}

/**
 * A workbook exported by Scenario Desk (it has the hidden `_sdesk` sheet, seen cheaply in
 * `xl/workbook.xml` without loading the whole workbook) comes back as its scenarios, the input
 * cells changed in Excel and the user's indicators in it; `null` for any other workbook, which is then read as data.
 */
async function readExportedWorkbook(bytes: Uint8Array): Promise<ImportResult | null> {
  const zip = inspectZip(bytes);
  if (!zip.ok) return null;
  const workbookXml = await readZipEntryText(bytes, zip.entries, 'xl/workbook.xml');
  if (workbookXml === null || !workbookXml.includes(`name="${HIDDEN_SHEET_NAME}"`)) return null;
  const { readScenariosFromWorkbook } = await import('../workbook/read');
  const read = await readScenariosFromWorkbook(bytes, { nowIso: new Date().toISOString() });
  if (!read.ok) {
    return failure(...read.problems.map((p) => ({ code: 'invalid-value' as const, row: null, column: p.where, message: p.message, messageZh: p.messageZh })));
  }
  return {
    ok: true,
    indicators: [...read.workspace.indicators],
    workbook: { workspaceCreatedAt: read.workspace.createdAt, scenarios: [...read.workspace.scenarios], edits: [...read.edits] },
    warnings: [],
    rowCount: 0,
  };
}

async function parseUnguarded(input: ImportFileInput, options: ParseOptions): Promise<ImportResult> {
  const { fileName, bytes } = input;
  options.onProgress?.({ phase: 'checking', fraction: null });
  if (bytes.byteLength > importLimits.maxFileBytes) {
    return failure(
      fileProblem(
        'file-too-large',
        `The file is larger than ${importLimits.maxFileBytes / (1024 * 1024)} MB.`,
        `文件大于 ${importLimits.maxFileBytes / (1024 * 1024)} MB。`,
      ),
    );
  }
  if (bytes.byteLength === 0) return failure(fileProblem('file-empty', 'The file is empty.', '文件为空。'));
  const kind = importKindOf(fileName, bytes);
  if (kind === null) return failure(fileProblem('unsupported-type', 'Only .csv and .xlsx files can be imported.', '只能导入 .csv 和 .xlsx 文件。'));

  options.onProgress?.({ phase: 'reading', fraction: null });
  let tables: RawTable[];
  const warnings: ImportProblem[] = [];
  if (kind === 'csv') {
    const read = csvTables(bytes);
    if (!read.ok) return read.result;
    tables = read.tables;
  } else {
    const exported = await readExportedWorkbook(bytes);
    if (exported) return exported;
    // Loaded only for workbooks: exceljs is most of the worker's code, and CSV imports do not need it.
    const { readWorkbookTables } = await import('./xlsx');
    const read = await readWorkbookTables(bytes);
    if (!read.ok) return failure(read.error);
    tables = read.tables;
    for (const sheet of read.skippedSheets) {
      warnings.push({
        ...fileProblem(
          'invalid-value',
          `Worksheet "${sheet}" has no indicator id and value columns and was skipped.`,
          `工作表“${sheet}”没有指标代码和数值列，已跳过。`,
        ),
        sheet,
      });
    }
  }
  const dataRows = tables.reduce((sum, t) => sum + t.rows.length, 0);
  if (dataRows > importLimits.maxRows) return failure(tooManyRows());

  options.onProgress?.({ phase: 'validating', fraction: null });
  // A table of years and values only is one series: named after its file and in 亿元 until the analyst says otherwise.
  const fallback = { name: input.choices?.name ?? seriesNameFromFileName(fileName), unit: input.choices?.unit ?? DEFAULT_SERIES_UNIT };
  const result = buildIndicators(tables, fallback);
  return result.ok ? { ...result, warnings: [...warnings, ...result.warnings] } : result;
}

export async function parseImportFile(input: ImportFileInput, options: ParseOptions = {}): Promise<ImportResult> {
  try {
    return await parseUnguarded(input, options);
  } catch (error) {
    // A bug or an exotic file must still end as a message the user can read, not an exception.
    const detail = error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
    return failure(fileProblem('internal', `The file could not be imported: ${detail}`, `无法导入该文件：${detail}`));
  }
}
