/**
 * What the CLI writes must be safe to show in a terminal and to open in a spreadsheet, whatever
 * a workspace file contains.
 */

/**
 * C0 controls except tab and newline, DEL, and C1 controls (U+0080–U+009F, where U+009B is a
 * one-character CSI in some terminals). ESC in particular starts escape sequences that can
 * retitle the window (`ESC]0;…`), rewrite what was printed or, in some terminals, run commands.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Spells each control character as `\u001b` (JSON's escape), so the text stays readable and
 * JSON output stays valid JSON with the same meaning; JSON.stringify already escapes U+0000–U+001F
 * this way but leaves DEL and the C1 range as they are.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A guard that makes text safe as a spreadsheet cell (see `guardText` in shared/workbook/build.ts). */
export type FormulaGuard = (text: string) => string;

/**
 * The workbook's own formula-injection guard, so CSV and xlsx output can never disagree about
 * what is dangerous. Loaded only when CSV is written: its module loads exceljs, which the other
 * output formats do not need.
 */
export async function loadFormulaGuard(): Promise<FormulaGuard> {
  const { guardText } = await import('../shared/workbook/build');
  return guardText;
}
