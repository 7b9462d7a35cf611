import { describe, expect, it } from 'vitest';
import { menuCommands } from '../platform/desk-api';
import { viewIds } from '../settings/settings';
import { commandDeclarations, commandLabel, commandShortcuts, inPalette, isMenuCommand, viewCommandList, type CommandContext } from './catalog';
import { parseShortcut } from './shortcuts';

describe('the command catalog', () => {
  it('declares each id once, with a label in both languages', () => {
    const ids = commandDeclarations.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const command of commandDeclarations) {
      expect(command.label.zh.trim(), command.id).not.toBe('');
      expect(command.label.en.trim(), command.id).not.toBe('');
      expect(command.label.zh, `${command.id}: the Chinese label is Chinese`).toMatch(/\p{Script=Han}/u);
    }
  });

  it('gives every command the native menu can send a place in the menu, and no other command one', () => {
    for (const id of menuCommands) expect(commandDeclarations.find((c) => c.id === id)?.menu, id).toBeDefined();
    for (const command of commandDeclarations) if (command.menu) expect(isMenuCommand(command.id), command.id).toBe(true);
  });

  it('writes every shortcut in the one notation', () => {
    for (const command of commandDeclarations)
      for (const shortcut of command.shortcuts) expect(() => parseShortcut(shortcut), `${command.id}: ${shortcut}`).not.toThrow();
  });

  it('never gives one key two commands in the same context', () => {
    const contexts: CommandContext[] = ['app', 'palette', 'presentation'];
    for (const context of contexts) {
      const seen = new Map<string, string>();
      for (const command of commandDeclarations.filter((c) => c.when.includes(context))) {
        for (const shortcut of commandShortcuts(command.id)) {
          const key = JSON.stringify(shortcut);
          expect(seen.get(key), `${context}: ${command.id} and ${seen.get(key)} share a shortcut`).toBeUndefined();
          seen.set(key, command.id);
        }
      }
    }
  });

  it('has Alt+1…6 for the views in the sidebar order', () => {
    expect(viewCommandList).toHaveLength(viewIds.length);
    viewCommandList.forEach((id, index) => expect(commandDeclarations.find((c) => c.id === id)?.shortcuts).toEqual([`Alt+${index + 1}`]));
  });

  it('uses the short button label on buttons where there is one, else the full label', () => {
    expect(commandLabel('new', 'zh')).toBe('新建工作区');
    expect(commandLabel('new', 'zh', 'button')).toBe('新建');
    expect(commandLabel('save', 'en', 'button')).toBe('Save');
  });

  it('lists the app commands in the palette, but not the palette itself or the presentation keys', () => {
    const listed = commandDeclarations.filter(inPalette).map((c) => c.id);
    expect(listed).toContain('save');
    expect(listed).toContain('switchLanguage');
    expect(listed).not.toContain('commandPalette');
    expect(listed).not.toContain('presentationNext');
  });
});
