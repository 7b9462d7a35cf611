/** Plain-text tables (CJK-width aware), number formatting and CSV escaping for CLI output. */
import type { FormulaGuard } from './output-hygiene';

/** Display width in a terminal: CJK ideographs, Hangul and full-width forms take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

export type Align = 'left' | 'right';

export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = [], indent = '  '): string {
  const widths = headers.map((header, column) => Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[column] ?? ''))));
  const pad = (text: string, column: number): string => {
    const gap = ' '.repeat(Math.max(0, (widths[column] ?? 0) - displayWidth(text)));
    return (align[column] ?? 'left') === 'right' ? gap + text : text + gap;
  };
  const line = (cells: readonly string[]): string => indent + cells.map((cell, column) => pad(cell, column)).join('  ').trimEnd();
  const rule = (indent + widths.map((width) => '-'.repeat(width)).join('  ')).trimEnd();
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** 12345.678 → "12,345.68"; keeps the sign; NaN/∞ spelled out. */
export function formatNumber(value: number, decimals = 2): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (fraction === undefined ? '' : `.${fraction}`);
}

export function formatPercent(value: number, decimals = 2): string {
  return `${formatNumber(value, decimals)}%`;
}

/**
 * One CSV field. Text goes through `guard` (the workbook's formula-injection guard) first, so a
 * name such as `=cmd|' /C calc'!A0` reaches a spreadsheet as text, not as a formula; numbers
 * are written as numbers.
 */
export function csvCell(value: string | number | boolean | null | undefined, guard: FormulaGuard): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? guard(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[], guard: FormulaGuard): string {
  return cells.map((cell) => csvCell(cell, guard)).join(',');
}
