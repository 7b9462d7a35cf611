/**
 * Keeps the user's name for a file but removes what would make it a path or an invalid
 * Windows name, and adds the extension when missing.
 */
export function safeFileName(name: string, extension: string): string {
  // Control characters are exactly what this must strip, hence the rule exception.
  // eslint-disable-next-line no-control-regex
  const base = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'untitled';
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
}

/**
 * The name an unreadable draft is moved aside to, on the desktop and in the browser alike:
 * `draft.quarantine-<ISO time>.sdesk.json`, with `:` and `.` of the time as `-` (valid on every
 * file system), like the settings quarantine `settings.quarantine-<time>.json`.
 */
export function draftQuarantineFileName(now: Date, attempt = 0): string {
  // A second copy in the same millisecond gets `-2`, `-3`…, so an earlier copy is never replaced.
  const suffix = attempt > 0 ? `-${attempt + 1}` : '';
  return `draft.quarantine-${now.toISOString().replace(/[:.]/g, '-')}${suffix}.sdesk.json`;
}
