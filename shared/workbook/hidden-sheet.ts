/** The very hidden sheet that carries the workspace inside an exported workbook; kept apart from the builder so detecting it loads no exceljs. */
export const HIDDEN_SHEET_NAME = '_sdesk';
