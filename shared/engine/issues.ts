/**
 * Validation problems and the typed error the engine throws.
 *
 * Every problem carries a stable `code` and a `field` path (relative to whatever the caller passed
 * as prefix, e.g. `scenarios[2].params.growthRatePercent`) so the bilingual UI can translate or
 * highlight the offending input without parsing English text. `message` / `messageZh` are ready-made
 * strings that already name the field.
 */

export type IssueCode =
  | 'not-finite'
  | 'not-integer'
  | 'rate-too-low'
  | 'year-out-of-range'
  | 'horizon-before-base'
  | 'horizon-too-late'
  | 'ceiling-not-above-base'
  | 'value-not-positive'
  | 'empty-rate-path'
  | 'target-year-not-after-base'
  | 'target-year-too-late'
  | 'parameter-not-applicable'
  | 'distribution-invalid'
  | 'trials-out-of-range'
  | 'seed-invalid'
  | 'probability-out-of-range'
  | 'table-too-large';

export interface EngineIssue {
  readonly code: IssueCode;
  /** Path of the offending input, e.g. `scenarios[2].params.growthRatePercent` or `params.ceiling`. */
  readonly field: string;
  /** English message that starts with the field path. */
  readonly message: string;
  /** Chinese message that starts with the field path. */
  readonly messageZh: string;
  /** The rejected value when it is a number (NaN and ±Infinity included). */
  readonly got?: number;
}

/** Thrown by engine entry points that cannot return a partial answer (projection of an invalid scenario etc.). */
export class EngineError extends Error {
  readonly issues: readonly EngineIssue[];
  readonly code: IssueCode;
  readonly field: string;
  readonly messageZh: string;

  constructor(issues: readonly EngineIssue[]) {
    const first = issues[0];
    if (first === undefined) throw new TypeError('EngineError needs at least one issue');
    super(issues.map((issue) => issue.message).join('; '));
    this.name = 'EngineError';
    this.issues = issues;
    this.code = first.code;
    this.field = first.field;
    this.messageZh = issues.map((issue) => issue.messageZh).join(';');
  }
}

/** Formats a number for messages; negative numbers use U+2212 so "−120" reads like the UI's typography. */
export function formatNumberForMessage(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  const text = String(value);
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

export function joinField(prefix: string, field: string): string {
  if (prefix === '') return field;
  if (field.startsWith('[')) return `${prefix}${field}`;
  return `${prefix}.${field}`;
}

export function makeIssue(code: IssueCode, field: string, en: string, zh: string, got?: number): EngineIssue {
  const issue: EngineIssue = {
    code,
    field,
    message: `${field}: ${en}`,
    messageZh: `${field}:${zh}`,
    ...(got === undefined ? {} : { got }),
  };
  return issue;
}

/** Checks a finite number; returns an issue (and the caller stops checking that field) when it is not. */
export function checkFinite(field: string, value: number, issues: EngineIssue[]): boolean {
  if (typeof value === 'number' && Number.isFinite(value)) return true;
  const got = typeof value === 'number' ? value : NaN;
  issues.push(makeIssue('not-finite', field, `must be a finite number (got ${formatNumberForMessage(got)})`, `必须是有限数值(当前为 ${formatNumberForMessage(got)})`, got));
  return false;
}

export function checkGrowthRatePercent(field: string, value: number, issues: EngineIssue[]): void {
  if (!checkFinite(field, value, issues)) return;
  if (value <= -100) {
    const got = formatNumberForMessage(value);
    issues.push(makeIssue('rate-too-low', field, `growth rate must be greater than −100% (got ${got})`, `增长率必须大于 −100%(当前为 ${got})`, value));
  }
}

export function checkPositive(field: string, value: number, issues: EngineIssue[], what = 'value', whatZh = '数值'): void {
  if (!checkFinite(field, value, issues)) return;
  if (value <= 0) {
    const got = formatNumberForMessage(value);
    issues.push(makeIssue('value-not-positive', field, `${what} must be greater than 0 (got ${got})`, `${whatZh}必须大于 0(当前为 ${got})`, value));
  }
}
