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
