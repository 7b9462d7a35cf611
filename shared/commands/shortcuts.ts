/**
 * Keyboard shortcuts in one notation, e.g. `Mod+S`, `Mod+Shift+S`, `Alt+1`, `F5`, `ArrowRight`.
 * `Mod` is Ctrl (⌘ on macOS). From one declaration come the Electron accelerator
 * (`CmdOrCtrl+S`), the `aria-keyshortcuts` value (`Control+S`), the text shown to the user
 * (`Ctrl+S`, `⌘S`) and the test whether a key press is the shortcut.
 */

export interface Shortcut {
  mod: boolean;
  alt: boolean;
  shift: boolean;
  /** `S`, `1`, `F5`, `ArrowRight`, `Space`, … (letters upper case). */
  key: string;
}

/** What the dispatcher needs to know of a key press: the fields of a `KeyboardEvent` it reads. */
export interface KeyChord {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const namedKeys = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
  'Escape',
  'Enter',
  'Space',
  'Backspace',
  'Tab',
  ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
]);

/** Parses the notation; throws on anything else, so a typo in the catalog fails its unit test. */
export function parseShortcut(notation: string): Shortcut {
  const parts = notation.split('+');
  const key = parts.pop() ?? '';
  const shortcut: Shortcut = { mod: false, alt: false, shift: false, key };
  for (const part of parts) {
    if (part === 'Mod' && !shortcut.mod) shortcut.mod = true;
    else if (part === 'Alt' && !shortcut.alt) shortcut.alt = true;
    else if (part === 'Shift' && !shortcut.shift) shortcut.shift = true;
    else throw new Error(`Shortcut "${notation}": unknown or repeated modifier "${part}"`);
  }
  if (!/^[A-Z0-9]$/.test(key) && !namedKeys.has(key)) throw new Error(`Shortcut "${notation}": unknown key "${key}"`);
  return shortcut;
}

const acceleratorKeys: Readonly<Record<string, string>> = {
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  Escape: 'Esc',
  Enter: 'Return',
};

/** The Electron accelerator, e.g. `Mod+Shift+S` → `CmdOrCtrl+Shift+S`. */
export function toAccelerator(notation: string): string {
  const s = parseShortcut(notation);
  return [s.mod ? 'CmdOrCtrl' : null, s.alt ? 'Alt' : null, s.shift ? 'Shift' : null, acceleratorKeys[s.key] ?? s.key].filter(Boolean).join('+');
}

/** One `aria-keyshortcuts` entry, e.g. `Mod+S` → `Control+S` (`Meta+S` on macOS). */
export function toAriaKeyShortcut(notation: string, mac: boolean): string {
  const s = parseShortcut(notation);
  return [s.mod ? (mac ? 'Meta' : 'Control') : null, s.alt ? 'Alt' : null, s.shift ? 'Shift' : null, s.key].filter(Boolean).join('+');
}

const displayKeys: Readonly<Record<string, string>> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  PageUp: 'PgUp',
  PageDown: 'PgDn',
};

/** The shortcut as shown in tooltips and the palette: `Ctrl+Shift+S`, or `⇧⌘S` on macOS. */
export function toDisplay(notation: string, mac: boolean): string {
  const s = parseShortcut(notation);
  const key = displayKeys[s.key] ?? s.key;
  // macOS order: Option, Shift, Command, then the key, with no separators.
  if (mac) return `${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${s.mod ? '⌘' : ''}${key}`;
  return [s.mod ? 'Ctrl' : null, s.alt ? 'Alt' : null, s.shift ? 'Shift' : null, key].filter(Boolean).join('+');
}

/**
 * The key of a press in the catalog's notation. Letters and digits are read from the character
 * when it is one (so the shortcut follows the keyboard layout), else from the physical key: on
 * macOS Alt+1 types `¡`, and a Russian layout types `ы` for Ctrl+S.
 */
export function chordKey(chord: Pick<KeyChord, 'key' | 'code'>): string {
  if (chord.key === ' ') return 'Space';
  if (chord.key.length === 1) {
    if (/^[a-z0-9]$/i.test(chord.key)) return chord.key.toUpperCase();
    const physical = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(chord.code);
    return physical ? (physical[1] ?? physical[2] ?? chord.key) : chord.key;
  }
  return chord.key;
}

/** Whether a key press is the shortcut: the same key and exactly its modifiers (Ctrl or ⌘ for Mod). */
export function chordMatches(shortcut: Shortcut, chord: KeyChord): boolean {
  return (
    (chord.ctrlKey || chord.metaKey) === shortcut.mod && chord.altKey === shortcut.alt && chord.shiftKey === shortcut.shift && chordKey(chord) === shortcut.key
  );
}
