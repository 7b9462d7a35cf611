/** How a command's shortcuts are shown on this machine: tooltip text and `aria-keyshortcuts`. */
import { commandDeclaration, commandLabel, toAriaKeyShortcut, toDisplay, type CommandId } from '../../../shared/commands';
import type { Lang } from '../../../shared/units';

/** ⌘ rather than Ctrl on macOS (the dispatcher accepts both everywhere). */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Every shortcut of the command as shown, e.g. `Ctrl+Y`, `Ctrl+Shift+Z`. */
export function shortcutTexts(id: CommandId): string[] {
  return commandDeclaration(id).shortcuts.map((shortcut) => toDisplay(shortcut, isMac));
}

/** The `aria-keyshortcuts` value (space-separated), or `undefined` when the command has none. */
export function ariaKeyShortcuts(id: CommandId): string | undefined {
  const values = commandDeclaration(id).shortcuts.map((shortcut) => toAriaKeyShortcut(shortcut, isMac));
  return values.length > 0 ? values.join(' ') : undefined;
}

/** The tooltip: the full label and the shortcuts, e.g. `重做 (Ctrl+Y / Ctrl+Shift+Z)`. */
export function commandTitle(id: CommandId, language: Lang): string {
  const shortcuts = shortcutTexts(id);
  const label = commandLabel(id, language);
  return shortcuts.length > 0 ? `${label} (${shortcuts.join(' / ')})` : label;
}
