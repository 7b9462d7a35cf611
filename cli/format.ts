/** Plain-text tables (CJK-width aware), number formatting and CSV escaping for CLI output. */
import { formatFixed } from '../shared/units/units';
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
  const line = (cells: readonly string[]): string =>
    indent +
    cells
      .map((cell, column) => pad(cell, column))
      .join('  ')
      .trimEnd();
  const rule = (indent + widths.map((width) => '-'.repeat(width)).join('  ')).trimEnd();
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/**
 * 12345.678 → "12,345.68"; keeps the sign. A number that is not defined (a growth rate from a base of 0)
 * prints as "—": no output of the CLI spells NaN or Infinity.
 */
export function formatNumber(value: number, decimals = 2): string {
  // Fixed decimals in a column of figures, grouped and never "-0.00": the rule of shared/units.
  return Number.isFinite(value) ? formatFixed(value, decimals) : NOT_DEFINED;
}

export function formatPercent(value: number, decimals = 2): string {
  return Number.isFinite(value) ? `${formatNumber(value, decimals)}%` : NOT_DEFINED;
}

/** How the table output shows a number that is not defined. */
export const NOT_DEFINED = '—';

/**
 * Records where a JSON or CSV output would have held NaN or ±Infinity. Bounded inputs never produce one
 * (shared/units/bounds.ts), except for quantities that are undefined by nature (a CAGR from a base of 0 or
 * below). Such a value is written as null (JSON) or an empty cell (CSV), and `message` says where, for stderr.
 */
export class NonFiniteLog {
  readonly places: string[] = [];

  note(place: string): void {
    this.places.push(place);
  }

  /** Walks plain data (objects, arrays, typed arrays) and notes every non-finite number by its JSON path. */
  scan(value: unknown, path = '$'): void {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) this.note(path);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      Array.from(value as unknown as ArrayLike<number>).forEach((item, index) => this.scan(item, `${path}[${index}]`));
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => this.scan(item, `${path}[${index}]`));
      return;
    }
    for (const [key, item] of Object.entries(value)) this.scan(item, `${path}.${key}`);
  }

  /** One stderr line when anything was noted (the first five places named). */
  message(format: 'json' | 'csv'): string | null {
    const count = this.places.length;
    if (count === 0) return null;
    const shown = this.places.slice(0, 5).join(', ') + (count > 5 ? `, and ${count - 5} more` : '');
    const written = format === 'json' ? 'null' : 'an empty cell';
    return `note: ${count} ${count === 1 ? 'value is' : 'values are'} not defined (e.g. a growth rate from a base of 0) and written as ${written}: ${shown}\n`;
  }
}

/** JSON text in which every NaN or ±Infinity (which JSON cannot hold) is null; `log` learns where they were. */
export function finiteJson(data: unknown, log: NonFiniteLog): string {
  log.scan(data);
  return JSON.stringify(data, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2);
}

/**
 * One CSV field. Text goes through `guard` (the workbook's formula-injection guard) first, so a
 * name such as `=cmd|' /C calc'!A0` reaches a spreadsheet as text, not as a formula; numbers
 * are written as numbers.
 */
export function csvCell(value: string | number | boolean | null | undefined, guard: FormulaGuard): string {
  if (value === null || value === undefined) return '';
  // String(−0) is "0" already; a non-finite number is an empty cell (the caller's NonFiniteLog says where).
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? guard(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(
  cells: readonly (string | number | boolean | null | undefined)[],
  guard: FormulaGuard,
  log?: NonFiniteLog,
  header?: readonly string[],
  row?: number,
): string {
  if (log !== undefined) {
    cells.forEach((cell, column) => {
      if (typeof cell === 'number' && !Number.isFinite(cell)) log.note(`line ${row ?? '?'}, column ${header?.[column] ?? column + 1}`);
    });
  }
  return cells.map((cell) => csvCell(cell, guard)).join(',');
}
