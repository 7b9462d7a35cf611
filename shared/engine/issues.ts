/**
 * Validation problems and the typed error the engine throws.
 *
 * Every problem carries a stable `code` and a `field` path (relative to whatever the caller passed
 * as prefix, e.g. `scenarios[2].params.growthRatePercent`) so the bilingual UI can translate or
 * highlight the offending input without parsing English text. `message` / `messageZh` are ready-made
 * strings that already name the field.
 */

import { MAX_ABS_VALUE, MAX_ABS_VALUE_TEXT, MAX_RATE_PERCENT, MIN_POSITIVE_VALUE_TEXT, rateBoundProblem, valueBoundProblem } from '../units/bounds';

export type IssueCode =
  | 'not-finite'
  | 'not-integer'
  | 'rate-too-low'
  | 'rate-too-high'
  | 'value-too-large'
  | 'value-too-small'
  | 'spread-too-large'
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
  | 'actual-has-no-spread'
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
  issues.push(
    makeIssue(
      'not-finite',
      field,
      `must be a finite number (got ${formatNumberForMessage(got)})`,
      `必须是有限数值(当前为 ${formatNumberForMessage(got)})`,
      got,
    ),
  );
  return false;
}

/** A growth rate in percent a year: finite, above −100 % and at most 1000 % (shared/units/bounds.ts). */
export function checkGrowthRatePercent(field: string, value: number, issues: EngineIssue[]): boolean {
  const problem = rateBoundProblem(value);
  if (problem === null) return true;
  if (problem === 'not-finite') return checkFinite(field, value, issues);
  const got = formatNumberForMessage(value);
  if (problem === 'rate-too-low')
    issues.push(makeIssue('rate-too-low', field, `growth rate must be greater than −100% (got ${got})`, `增长率必须大于 −100%(当前为 ${got})`, value));
  else
    issues.push(
      makeIssue(
        'rate-too-high',
        field,
        `growth rate must be at most ${MAX_RATE_PERCENT}% (got ${got})`,
        `增长率不能超过 ${MAX_RATE_PERCENT}%(当前为 ${got})`,
        value,
      ),
    );
  return false;
}

function tooLarge(field: string, value: number, what: string, whatZh: string): EngineIssue {
  const got = formatNumberForMessage(value);
  return makeIssue(
    'value-too-large',
    field,
    `${what} must be at most ${MAX_ABS_VALUE_TEXT} in magnitude (got ${got})`,
    `${whatZh}的绝对值不能超过 ${MAX_ABS_VALUE_TEXT}(当前为 ${got})`,
    value,
  );
}

/**
 * A value that must be positive (a base value, a target, a ceiling, a path target): finite, in
 * [1e-9, 1e15]. Returns whether it passed, so callers can skip checks that compare it with others.
 */
export function checkPositive(field: string, value: number, issues: EngineIssue[], what = 'value', whatZh = '数值'): boolean {
  const problem = valueBoundProblem(value, 'positive');
  if (problem === null) return true;
  if (problem === 'not-finite') return checkFinite(field, value, issues);
  const got = formatNumberForMessage(value);
  if (problem === 'value-not-positive')
    issues.push(makeIssue('value-not-positive', field, `${what} must be greater than 0 (got ${got})`, `${whatZh}必须大于 0(当前为 ${got})`, value));
  else if (problem === 'value-too-small') {
    issues.push(
      makeIssue(
        'value-too-small',
        field,
        `${what} must be at least ${MIN_POSITIVE_VALUE_TEXT} (got ${got})`,
        `${whatZh}不能小于 ${MIN_POSITIVE_VALUE_TEXT}(当前为 ${got})`,
        value,
      ),
    );
  } else issues.push(tooLarge(field, value, what, whatZh));
  return false;
}

/** A level that may be 0 or negative (a linear base, an observation): finite, 0 or a magnitude in [1e-9, 1e15]. */
export function checkLevel(field: string, value: number, issues: EngineIssue[], what = 'value', whatZh = '数值'): boolean {
  const problem = valueBoundProblem(value, 'level');
  if (problem === null) return true;
  if (problem === 'not-finite') return checkFinite(field, value, issues);
  const got = formatNumberForMessage(value);
  if (problem === 'value-too-small') {
    issues.push(
      makeIssue(
        'value-too-small',
        field,
        `${what} must be 0 or at least ${MIN_POSITIVE_VALUE_TEXT} in magnitude (got ${got})`,
        `${whatZh}必须为 0 或绝对值不小于 ${MIN_POSITIVE_VALUE_TEXT}(当前为 ${got})`,
        value,
      ),
    );
  } else issues.push(tooLarge(field, value, what, whatZh));
  return false;
}

/** A value of any sign and size up to 1e15 in magnitude (an increment per year, a distribution's location). */
export function checkMagnitude(field: string, value: number, issues: EngineIssue[], what = 'value', whatZh = '数值'): boolean {
  if (!checkFinite(field, value, issues)) return false;
  if (Math.abs(value) <= MAX_ABS_VALUE) return true;
  issues.push(tooLarge(field, value, what, whatZh));
  return false;
}
