import { localName, type Lang, type Named } from '../../../shared/units';

/**
 * The open workspace's name as the toolbar and the window title show it: the file's name once it
 * was opened or saved, else the workspace's own name in the UI language (the starter has one in
 * each), else "Untitled" in the UI language.
 */
export function workspaceTitle(workspace: Named, entry: { readonly name: string } | null, lang: Lang, untitled: string): string {
  return entry?.name ?? (localName(workspace, lang).trim() || untitled);
}
