// What the static security scan decides, kept apart from running electronegativity so it can be
// unit-tested (scripts/security-scan.test.ts). scripts/security-scan.mjs runs the tool, parses its
// CSV report with parseReportCsv and hands the findings and scripts/security-allowlist.json to
// evaluateFindings.
//
// The rules:
//   - a HIGH finding always fails; it cannot be allow-listed;
//   - a MEDIUM finding fails unless an allow-list entry covers it;
//   - a LOW or INFORMATIONAL finding outside the allow-list is printed and passes;
//   - an allow-list entry matches findings by check id, severity and file pattern (a `*` stands for
//     any run of characters within one path segment, so a content hash in a file name does not
//     matter) and says how many it expects: more findings than that are unreviewed and fail like
//     any other finding of their severity, fewer (none included) make the entry stale, which fails,
//     so the list stays true;
//   - a malformed allow-list fails.

export const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];
const ALLOWED_ENTRY_SEVERITIES = ['MEDIUM', 'LOW', 'INFORMATIONAL'];

/**
 * Findings from electronegativity's CSV report (`-o report.csv`). Its columns are issue, severity,
 * confidence, filename, location, sample, description, url; the sample and description may hold
 * commas, quotes and line breaks, so only rows that start like a finding are read, and only their
 * first five fields, which never do.
 */
export function parseReportCsv(text) {
  return text
    .split('\n')
    .slice(1)
    .filter((line) => /^[A-Z_]+,"(HIGH|MEDIUM|LOW|INFORMATIONAL)"/.test(line))
    .map((line) => {
      const [check, severity, confidence, file, location] = line.split(',').map((field) => field.replaceAll('"', ''));
      return { check, severity, confidence, file, location };
    });
}

/** A file pattern as a regular expression: `*` is any run of characters other than `/`. */
export function globToRegExp(pattern) {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${source}$`);
}

/** The anchors GitHub gives the headings of a Markdown document. */
export function headingAnchors(markdown) {
  const anchors = new Set();
  for (const line of markdown.split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1]
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .trim()
      .replace(/\s/g, '-');
    let anchor = base;
    for (let n = 1; anchors.has(anchor); n += 1) anchor = `${base}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

/**
 * Problems with the allow-list itself, as sentences; none means it is well-formed. With
 * `docs` (file path → its Markdown text) each entry's `doc` link must also name an existing
 * heading of that file.
 */
export function validateAllowList(allowList, docs) {
  const errors = [];
  const entries = allowList?.entries;
  if (!Array.isArray(entries)) return ['the allow-list has no "entries" array'];
  const seen = new Set();
  entries.forEach((entry, index) => {
    const where = `allow-list entry ${index + 1}${entry && typeof entry.check === 'string' ? ` (${entry.check})` : ''}`;
    if (entry === null || typeof entry !== 'object') {
      errors.push(`${where} is not an object`);
      return;
    }
    for (const field of ['check', 'file', 'severity', 'reason', 'reviewed', 'doc']) {
      if (typeof entry[field] !== 'string' || entry[field].trim() === '') errors.push(`${where} has no "${field}"`);
    }
    if (entry.severity === 'HIGH') errors.push(`${where}: a HIGH finding cannot be allow-listed; fix it`);
    else if (typeof entry.severity === 'string' && !ALLOWED_ENTRY_SEVERITIES.includes(entry.severity))
      errors.push(`${where} has an unknown severity "${entry.severity}"`);
    if (!Number.isInteger(entry.count) || entry.count < 1) errors.push(`${where} must expect a whole number of findings, at least 1 ("count")`);
    if (typeof entry.reviewed === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(entry.reviewed)) errors.push(`${where}: "reviewed" must be a date, YYYY-MM-DD`);
    const key = `${entry.check}|${entry.severity}|${entry.file}`;
    if (seen.has(key)) errors.push(`${where} repeats an earlier entry`);
    seen.add(key);
    if (typeof entry.doc === 'string' && docs) {
      const [file, anchor] = entry.doc.split('#');
      const text = docs[file];
      if (text === undefined) errors.push(`${where}: its review "${entry.doc}" is not in a known document`);
      else if (!anchor || !headingAnchors(text).has(anchor)) errors.push(`${where}: ${file} has no heading "#${anchor ?? ''}"`);
    }
  });
  return errors;
}

/**
 * The scan's verdict on a list of findings ({ check, severity, file, location }).
 * `failures` are sentences saying why the scan fails (none: it passes); `allowed` are the
 * reviewed findings, each with its entry; `unreviewed` are findings no entry covers, each with
 * whether it fails; `stale` are entries with fewer findings than they expect.
 */
export function evaluateFindings(findings, allowList, docs) {
  const failures = validateAllowList(allowList, docs).map((error) => `invalid allow-list: ${error}`);
  const entries = Array.isArray(allowList?.entries) ? allowList.entries.filter((entry) => entry && entry.severity !== 'HIGH') : [];
  const matchers = entries.map((entry) => ({ entry, pattern: typeof entry.file === 'string' ? globToRegExp(entry.file) : /$^/, matched: [] }));
  const allowed = [];
  const unreviewed = [];

  for (const finding of findings) {
    const matcher =
      finding.severity === 'HIGH'
        ? undefined
        : matchers.find((m) => m.entry.check === finding.check && m.entry.severity === finding.severity && m.pattern.test(finding.file));
    if (matcher && matcher.matched.length < matcher.entry.count) {
      matcher.matched.push(finding);
      allowed.push({ finding, entry: matcher.entry });
      continue;
    }
    const fails = finding.severity === 'HIGH' || finding.severity === 'MEDIUM';
    unreviewed.push({ finding, fails, beyondCount: Boolean(matcher) });
    if (fails) {
      const why =
        finding.severity === 'HIGH'
          ? 'a HIGH finding always fails'
          : matcher
            ? `more than the ${matcher.entry.count} reviewed for ${matcher.entry.file}`
            : 'not in the reviewed allow-list';
      failures.push(`${finding.severity} ${finding.check} at ${finding.file}:${finding.location}: ${why}`);
    }
  }

  const stale = matchers.filter((m) => m.matched.length < m.entry.count).map((m) => ({ entry: m.entry, found: m.matched.length }));
  for (const { entry, found } of stale) {
    failures.push(
      `stale allow-list entry: ${entry.severity} ${entry.check} at ${entry.file} expects ${entry.count}, found ${found}; update or remove it (reviewed ${entry.reviewed}, ${entry.doc})`,
    );
  }

  // Only stale entries: every finding present is reviewed, but some reviewed finding is missing.
  // The scan runs electronegativity once more before failing on that (see security-scan.mjs).
  const onlyStale = stale.length > 0 && failures.length === stale.length;
  return { passed: failures.length === 0, onlyStale, failures, allowed, unreviewed, stale };
}
