/**
 * What the static security scan (scripts/security-scan.mjs) decides, without running
 * electronegativity: the decision is scripts/security-allowlist.mjs, fed here with findings
 * shaped as the tool reports them and with the repository's own allow-list.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFindings, globToRegExp, headingAnchors, parseReportCsv, validateAllowList, type AllowList, type Finding } from './security-allowlist.mjs';

const root = path.resolve(import.meta.dirname, '..');
const repoAllowList = JSON.parse(readFileSync(path.join(root, 'scripts/security-allowlist.json'), 'utf8')) as AllowList;
const repoDocs = { 'docs/security.md': readFileSync(path.join(root, 'docs/security.md'), 'utf8') };

const docs = { 'docs/security.md': '# Security\n\n## Static scan\n\n### Reviewed finding: DANGEROUS_FUNCTIONS_JS_CHECK (MEDIUM)\n' };
const entry = {
  check: 'DANGEROUS_FUNCTIONS_JS_CHECK',
  file: 'built/renderer/assets/exceljs.min-*.js',
  severity: 'MEDIUM' as const,
  count: 1,
  reason: 'dead string branch of a setImmediate polyfill',
  reviewed: '2026-12-02',
  doc: 'docs/security.md#reviewed-finding-dangerous_functions_js_check-medium',
};
const allowList: AllowList = { entries: [entry] };
const finding = (overrides: Partial<Finding> = {}): Finding => ({
  check: 'DANGEROUS_FUNCTIONS_JS_CHECK',
  severity: 'MEDIUM',
  file: 'built/renderer/assets/exceljs.min-M4UAhqUV.js',
  location: '10:88742',
  ...overrides,
});

describe('security scan allow-list', () => {
  it('fails on a MEDIUM finding nobody reviewed', () => {
    const verdict = evaluateFindings(
      [finding({ check: 'SANDBOX_JS_CHECK', file: 'src/electron/security/window-options.ts', location: '12:4' })],
      allowList,
      docs,
    );
    expect(verdict.passed).toBe(false);
    expect(verdict.failures).toContain('MEDIUM SANDBOX_JS_CHECK at src/electron/security/window-options.ts:12:4: not in the reviewed allow-list');
    // The allow-list's own entry is then unmatched, so it is reported stale as well; the scan
    // reruns electronegativity only when stale entries are all that is wrong.
    expect(verdict.stale).toHaveLength(1);
    expect(verdict.onlyStale).toBe(false);
  });

  it('passes an allow-listed MEDIUM finding, whatever the content hash in its file name', () => {
    for (const file of ['built/renderer/assets/exceljs.min-M4UAhqUV.js', 'built/renderer/assets/exceljs.min-c1l8lYDR.js']) {
      const verdict = evaluateFindings([finding({ file })], allowList, docs);
      expect(verdict.failures).toEqual([]);
      expect(verdict.passed).toBe(true);
      expect(verdict.allowed.map((a) => a.entry)).toEqual([entry]);
    }
  });

  it('fails when an allow-listed finding occurs more often than reviewed', () => {
    const verdict = evaluateFindings([finding(), finding({ location: '31:88949' })], allowList, docs);
    expect(verdict.passed).toBe(false);
    expect(verdict.failures).toEqual([
      'MEDIUM DANGEROUS_FUNCTIONS_JS_CHECK at built/renderer/assets/exceljs.min-M4UAhqUV.js:31:88949: more than the 1 reviewed for built/renderer/assets/exceljs.min-*.js',
    ]);
  });

  it('fails on a stale allow-list entry, one whose finding no longer occurs', () => {
    const verdict = evaluateFindings([], allowList, docs);
    expect(verdict.passed).toBe(false);
    expect(verdict.stale).toEqual([{ entry, found: 0 }]);
    expect(verdict.onlyStale).toBe(true);
    expect(verdict.failures[0]).toMatch(
      /^stale allow-list entry: MEDIUM DANGEROUS_FUNCTIONS_JS_CHECK at built\/renderer\/assets\/exceljs\.min-\*\.js expects 1, found 0/,
    );
    // Fewer than expected is stale too, not only none.
    const twice = { entries: [{ ...entry, count: 2 }] };
    expect(evaluateFindings([finding()], twice, docs).stale).toEqual([{ entry: twice.entries[0], found: 1 }]);
  });

  it('always fails on a HIGH finding, even one an entry tries to allow', () => {
    const high = finding({ check: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH', file: 'src/electron/main.ts', location: '3:1' });
    expect(evaluateFindings([high], { entries: [] }, docs).failures).toEqual([
      'HIGH NODE_INTEGRATION_JS_CHECK at src/electron/main.ts:3:1: a HIGH finding always fails',
    ]);

    const highEntry = { ...entry, check: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH', file: 'src/electron/main.ts' };
    const verdict = evaluateFindings([high], { entries: [highEntry] }, docs);
    expect(verdict.passed).toBe(false);
    expect(verdict.allowed).toEqual([]);
    expect(verdict.failures).toContain('HIGH NODE_INTEGRATION_JS_CHECK at src/electron/main.ts:3:1: a HIGH finding always fails');
    expect(verdict.failures.some((f) => f.includes('a HIGH finding cannot be allow-listed'))).toBe(true);
  });

  it('prints an unreviewed LOW finding and passes', () => {
    const low = finding({ check: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'built/renderer/index.html', location: '5:0' });
    const verdict = evaluateFindings([finding(), low], allowList, docs);
    expect(verdict.passed).toBe(true);
    expect(verdict.unreviewed).toEqual([{ finding: low, fails: false, beyondCount: false }]);
  });

  it('refuses a malformed allow-list, and a review link to a heading that does not exist', () => {
    expect(validateAllowList({})).toEqual(['the allow-list has no "entries" array']);
    const { reason: _reason, ...withoutReason } = entry;
    expect(validateAllowList({ entries: [{ ...withoutReason, count: 0, reviewed: 'last week' }] })).toEqual([
      'allow-list entry 1 (DANGEROUS_FUNCTIONS_JS_CHECK) has no "reason"',
      'allow-list entry 1 (DANGEROUS_FUNCTIONS_JS_CHECK) must expect a whole number of findings, at least 1 ("count")',
      'allow-list entry 1 (DANGEROUS_FUNCTIONS_JS_CHECK): "reviewed" must be a date, YYYY-MM-DD',
    ]);
    expect(validateAllowList({ entries: [{ ...entry, doc: 'docs/security.md#no-such-review' }] }, docs)).toEqual([
      'allow-list entry 1 (DANGEROUS_FUNCTIONS_JS_CHECK): docs/security.md has no heading "#no-such-review"',
    ]);
    expect(evaluateFindings([finding()], { entries: [entry, entry] }, docs).passed).toBe(false);
  });

  it("matches file patterns within one path segment and reads the tool's CSV report", () => {
    expect(globToRegExp('built/renderer/assets/exceljs.min-*.js').test('built/renderer/assets/exceljs.min-Ab12_-x.js')).toBe(true);
    expect(globToRegExp('built/renderer/assets/exceljs.min-*.js').test('built/renderer/assets/exceljs.min-x/evil.js')).toBe(false);
    expect(globToRegExp('built/renderer/index.html').test('built/renderer/indexXhtml')).toBe(false);
    expect([...headingAnchors('## Static scan\n### Reviewed finding: CSP_GLOBAL_CHECK (LOW)\n## Static scan\n')]).toEqual([
      'static-scan',
      'reviewed-finding-csp_global_check-low',
      'static-scan-1',
    ]);

    const csv = [
      'issue,severity,confidence,filename,location,sample,description,url',
      'CSP_GLOBAL_CHECK,"LOW","FIRM","built/renderer/index.html","5:0","<meta http-equiv=""Content-Security-Policy"", content=...>","(ELECTRONEGATIVITY) manual review","https://example.invalid/csp"',
      'DANGEROUS_FUNCTIONS_JS_CHECK,"MEDIUM","TENTATIVE","built/renderer/assets/exceljs.min-M4UAhqUV.js","10:88742","typeof e != ""function"" && (e = Function("""" + e))',
      'spread over a second line, "with, commas"","Dangerous function","https://example.invalid/df"',
    ].join('\n');
    expect(parseReportCsv(csv)).toEqual([
      { check: 'CSP_GLOBAL_CHECK', severity: 'LOW', confidence: 'FIRM', file: 'built/renderer/index.html', location: '5:0' },
      {
        check: 'DANGEROUS_FUNCTIONS_JS_CHECK',
        severity: 'MEDIUM',
        confidence: 'TENTATIVE',
        file: 'built/renderer/assets/exceljs.min-M4UAhqUV.js',
        location: '10:88742',
      },
    ]);
  });

  it("the repository's allow-list is well-formed and every entry links to its written review", () => {
    expect(validateAllowList(repoAllowList, repoDocs)).toEqual([]);
    // Today's scan output (docs/security.md, "Static scan") passes against it.
    const today: Finding[] = [
      { check: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'built/renderer/index.html', location: '5:0' },
      { check: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'src/renderer/index.html', location: '5:0' },
      { check: 'DANGEROUS_FUNCTIONS_JS_CHECK', severity: 'MEDIUM', file: 'built/renderer/assets/exceljs.min-M4UAhqUV.js', location: '10:88742' },
      { check: 'DANGEROUS_FUNCTIONS_JS_CHECK', severity: 'MEDIUM', file: 'built/renderer/assets/exceljs.min-c1l8lYDR.js', location: '31:88949' },
    ];
    const verdict = evaluateFindings(today, repoAllowList, repoDocs);
    expect(verdict.failures).toEqual([]);
    expect(verdict.allowed).toHaveLength(4);
  });
});
