export type Severity = 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';

/** One electronegativity finding, as the scan reads it from the tool's CSV report. */
export interface Finding {
  check: string;
  severity: Severity | string;
  confidence?: string;
  /** Path inside the scan folder, e.g. `built/renderer/assets/exceljs.min-M4UAhqUV.js`. */
  file: string;
  location: string;
}

/** A reviewed finding in scripts/security-allowlist.json. */
export interface AllowListEntry {
  check: string;
  /** Hash-independent file pattern: `*` matches any run of characters within one path segment. */
  file: string;
  severity: Exclude<Severity, 'HIGH'>;
  /** How many findings the entry expects; more are unreviewed, fewer make it stale. */
  count: number;
  reason: string;
  /** YYYY-MM-DD */
  reviewed: string;
  /** `docs/security.md#anchor` of the written review. */
  doc: string;
}

export interface AllowList {
  entries: AllowListEntry[];
}

export interface Verdict {
  passed: boolean;
  /** It fails only because of stale entries: every finding present is reviewed. */
  onlyStale: boolean;
  failures: string[];
  allowed: { finding: Finding; entry: AllowListEntry }[];
  unreviewed: { finding: Finding; fails: boolean; beyondCount: boolean }[];
  stale: { entry: AllowListEntry; found: number }[];
}

export const SEVERITIES: readonly Severity[];
export function parseReportCsv(text: string): Finding[];
export function globToRegExp(pattern: string): RegExp;
export function headingAnchors(markdown: string): Set<string>;
export function validateAllowList(allowList: unknown, docs?: Record<string, string>): string[];
export function evaluateFindings(findings: Finding[], allowList: unknown, docs?: Record<string, string>): Verdict;
