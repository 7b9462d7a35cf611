import type { ImportedIndicator, WorkspaceScenario } from '../workspace/schema';
import type { InputChange } from '../workspace/inputs';
import type { ImportChoices } from './series';

/** Stable codes, so the UI and tests can tell kinds of failure apart without reading messages. */
export type ImportErrorCode =
  | 'file-too-large'
  | 'file-empty'
  | 'unsupported-type'
  | 'unreadable-text'
  | 'unreadable-xlsx'
  | 'zip-invalid'
  | 'zip-too-many-entries'
  | 'zip-ratio'
  | 'zip-too-large'
  | 'too-many-sheets'
  | 'too-many-rows'
  | 'too-many-columns'
  | 'too-many-indicators'
  | 'too-many-observations'
  | 'csv-syntax'
  | 'missing-column'
  | 'duplicate-column'
  | 'forbidden-key'
  | 'invalid-value'
  | 'unknown-unit'
  | 'inconsistent-unit'
  | 'duplicate-observation'
  | 'no-data'
  | 'too-many-errors'
  | 'timeout'
  | 'internal';

/**
 * One problem, placed like a spreadsheet would: `row` is the 1-based row as Excel shows it
 * (the header is row 1), `column` the header as written in the file. Both are null for
 * problems with the whole file.
 */
export interface ImportProblem {
  code: ImportErrorCode;
  row: number | null;
  column: string | null;
  /** The column's Chinese name, when no header of the file names it (a missing column); `column` is then its English name. */
  columnZh?: string;
  /** Worksheet name, for XLSX files. */
  sheet?: string;
  message: string;
  messageZh: string;
}

export type ImportResult =
  | {
      ok: true;
      indicators: ImportedIndicator[];
      warnings: ImportProblem[];
      rowCount: number;
      /** Set when the file is a workbook exported by Scenario Desk. */
      workbook?: ExportedWorkbook;
      /** Set when the file left out the name or the unit of a series and the import filled them in: the preview asks about them. */
      choices?: ImportChoices;
    }
  | {
      ok: false;
      errors: ImportProblem[];
      /** As on success: what the import filled in for a series, so the analyst can change it (a unit of % for "15%" values) and read the file again. */
      choices?: ImportChoices;
    };

/** A workbook exported by Scenario Desk, read back: its scenarios and the input cells changed in Excel. */
export interface ExportedWorkbook {
  /**
   * `createdAt` of the workspace it was exported from. A workspace has no other identity, and this one
   * never changes (saving, renaming and editing keep it), so a workbook is matched to its workspace by it.
   */
  workspaceCreatedAt: string;
  /** The scenarios as exported, with the changed cells applied. */
  scenarios: WorkspaceScenario[];
  /** The input cells whose value differs from the export (`from`: exported, `to`: the cell's). */
  edits: InputChange[];
}

export interface ImportFileInput {
  fileName: string;
  bytes: Uint8Array;
  /** The analyst's answers in the preview (a series' name and unit), when the file is read again with them. */
  choices?: ImportChoices;
}

export type ImportPhase = 'checking' | 'reading' | 'validating';

export interface ImportProgress {
  phase: ImportPhase;
  /** 0–1 within the phase, when known. */
  fraction: number | null;
}

export interface ParseOptions {
  onProgress?: (progress: ImportProgress) => void;
}

export function fileProblem(code: ImportErrorCode, message: string, messageZh: string): ImportProblem {
  return { code, row: null, column: null, message, messageZh };
}

export function failure(...errors: ImportProblem[]): ImportResult {
  return { ok: false, errors };
}

/** A cell as it comes out of either reader: text from CSV, typed values from XLSX. */
export type CellValue = string | number | boolean | Date | null;

/** Rows of one table, with the spreadsheet row number of each. */
export interface RawTable {
  sheet?: string;
  /** Row 1 in spreadsheet terms, unless blank rows came first. */
  headerRow: number;
  header: string[];
  rows: { row: number; cells: CellValue[] }[];
}
