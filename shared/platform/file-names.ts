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
export function draftQuarantineFileName(now: Date): string {
  return `draft.quarantine-${now.toISOString().replace(/[:.]/g, '-')}.sdesk.json`;
}
