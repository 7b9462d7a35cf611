import { describe, expect, it } from 'vitest';
import { chordMatches, parseShortcut, toAccelerator, toAriaKeyShortcut, toDisplay, type KeyChord } from './shortcuts';

const press = (key: string, modifiers: Partial<KeyChord> = {}, code = ''): KeyChord => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('shortcut notation', () => {
  it('becomes an Electron accelerator', () => {
    expect(toAccelerator('Mod+S')).toBe('CmdOrCtrl+S');
    expect(toAccelerator('Mod+Shift+S')).toBe('CmdOrCtrl+Shift+S');
    expect(toAccelerator('Alt+1')).toBe('Alt+1');
    expect(toAccelerator('F5')).toBe('F5');
    expect(toAccelerator('ArrowRight')).toBe('Right');
    expect(toAccelerator('Escape')).toBe('Esc');
  });

  it('becomes an aria-keyshortcuts value: Control on Windows and Linux, Meta on macOS', () => {
    expect(toAriaKeyShortcut('Mod+S', false)).toBe('Control+S');
    expect(toAriaKeyShortcut('Mod+Shift+P', false)).toBe('Control+Shift+P');
    expect(toAriaKeyShortcut('Mod+S', true)).toBe('Meta+S');
    expect(toAriaKeyShortcut('Alt+3', false)).toBe('Alt+3');
    expect(toAriaKeyShortcut('Space', false)).toBe('Space');
  });

  it('is shown as Ctrl+Shift+S, or ⇧⌘S on macOS', () => {
    expect(toDisplay('Mod+Shift+S', false)).toBe('Ctrl+Shift+S');
    expect(toDisplay('Mod+Shift+S', true)).toBe('⇧⌘S');
    expect(toDisplay('Alt+1', true)).toBe('⌥1');
    expect(toDisplay('ArrowLeft', false)).toBe('←');
  });

  it('refuses what it does not know, so a typo in the catalog fails a test', () => {
    expect(() => parseShortcut('Ctrl+S')).toThrow(/modifier/);
    expect(() => parseShortcut('Mod+Mod+S')).toThrow(/repeated/);
    expect(() => parseShortcut('Mod+s')).toThrow(/key/);
    expect(() => parseShortcut('Mod+')).toThrow(/key/);
  });
});

describe('matching a key press', () => {
  const save = parseShortcut('Mod+S');
  it('takes Ctrl or ⌘ for Mod, and needs exactly the declared modifiers', () => {
    expect(chordMatches(save, press('s', { ctrlKey: true }))).toBe(true);
    expect(chordMatches(save, press('s', { metaKey: true }))).toBe(true);
    expect(chordMatches(save, press('s'))).toBe(false);
    expect(chordMatches(save, press('S', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(chordMatches(parseShortcut('Mod+Shift+S'), press('S', { ctrlKey: true, shiftKey: true }))).toBe(true);
  });

  it('finds Alt+1 on macOS, where the key types ¡, by the physical key', () => {
    expect(chordMatches(parseShortcut('Alt+1'), press('¡', { altKey: true }, 'Digit1'))).toBe(true);
    expect(chordMatches(parseShortcut('Alt+1'), press('1', { altKey: true }, 'Digit1'))).toBe(true);
  });

  it('finds Ctrl+S on a Russian layout by the physical key, but follows the layout for Latin letters', () => {
    expect(chordMatches(save, press('ы', { ctrlKey: true }, 'KeyS'))).toBe(true);
    // AZERTY: the key at QWERTY's Q types "a"; Ctrl+that key is Ctrl+A, not Ctrl+Q.
    expect(chordMatches(parseShortcut('Mod+A'), press('a', { ctrlKey: true }, 'KeyQ'))).toBe(true);
    expect(chordMatches(parseShortcut('Mod+Q'), press('a', { ctrlKey: true }, 'KeyQ'))).toBe(false);
  });

  it('names the space bar Space', () => {
    expect(chordMatches(parseShortcut('Space'), press(' ', {}, 'Space'))).toBe(true);
  });
});
