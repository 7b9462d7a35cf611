/**
 * Excel export that stays a live model, and its read-back. Imports exceljs: load this module lazily
 * in the renderer (`await import('../../../shared/workbook')`) so exceljs stays out of the first bundle.
 */
export * from './bindings';
export * from './build';
export * from './read';
export * from './text';
export * from './update-plan';
