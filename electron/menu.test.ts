import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { commandDeclarations, toAccelerator } from '../shared/commands';
import { menuCommands, type MenuCommand } from '../shared/platform/desk-api';
import { menuTemplate } from './menu';

/** Every item of the template, submenus flattened. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function build(language: 'zh' | 'en') {
  const sent: MenuCommand[] = [];
  const template = menuTemplate(language, (command) => sent.push(command));
  return { template, sent, all: items(template) };
}

describe('the native menu', () => {
  it('has File, Edit and View in Chinese and in English', () => {
    expect(build('zh').template.map((m) => m.label)).toEqual(['文件', '编辑', '视图']);
    expect(build('en').template.map((m) => m.label)).toEqual(['File', 'Edit', 'View']);
  });

  it('labels its items exactly as the command catalog does, in both languages', () => {
    const zh = build('zh').all;
    const en = build('en').all;
    expect(zh.find((i) => i.id === 'save')?.label).toBe('保存');
    expect(en.find((i) => i.id === 'save')?.label).toBe('Save');
    expect(zh.find((i) => i.id === 'viewCompare')?.label).toBe('对比视图');
    expect(en.find((i) => i.id === 'commandPalette')?.label).toBe('Command palette…');
    for (const command of commandDeclarations.filter((c) => c.menu)) {
      expect(zh.find((i) => i.id === command.id)?.label).toBe(command.label.zh);
      expect(en.find((i) => i.id === command.id)?.label).toBe(command.label.en);
    }
  });

  it('has every menu command exactly once, with its shortcut shown but not registered', () => {
    const { all } = build('en');
    for (const id of menuCommands) {
      const found = all.filter((i) => i.id === id);
      expect(found, id).toHaveLength(1);
      const shortcut = commandDeclarations.find((c) => c.id === id)?.shortcuts[0];
      if (shortcut) expect(found[0]).toMatchObject({ accelerator: toAccelerator(shortcut), registerAccelerator: false });
      else expect(found[0]?.accelerator, id).toBeUndefined();
    }
    expect(
      all
        .filter((i) => i.id !== undefined)
        .map((i) => i.id)
        .sort(),
    ).toEqual([...menuCommands].sort());
  });

  it('shows the usual accelerators: Ctrl/⌘+S, Ctrl/⌘+Shift+S, F5, Alt+1…6, Ctrl/⌘+Shift+P', () => {
    const accelerator = (id: MenuCommand) => build('zh').all.find((i) => i.id === id)?.accelerator;
    expect(accelerator('save')).toBe('CmdOrCtrl+S');
    expect(accelerator('saveAs')).toBe('CmdOrCtrl+Shift+S');
    expect(accelerator('redo')).toBe('CmdOrCtrl+Y');
    expect(accelerator('presentation')).toBe('F5');
    expect(accelerator('viewData')).toBe('Alt+1');
    expect(accelerator('viewExport')).toBe('Alt+6');
    expect(accelerator('commandPalette')).toBe('CmdOrCtrl+Shift+P');
  });

  it('sends the command id when an item is clicked', () => {
    const { all, sent } = build('zh');
    for (const id of menuCommands) {
      const click = all.find((i) => i.id === id)?.click;
      expect(click, id).toBeTypeOf('function');
      // Electron calls click(menuItem, window, event); the template ignores the arguments.
      (click as () => void)();
    }
    expect(sent).toEqual([...menuCommands]);
  });

  it('keeps cut, copy, paste, select all, quit and full screen as native roles, with translated labels', () => {
    const zh = build('zh').all;
    expect(zh.filter((i) => i.role).map((i) => [i.role, i.label])).toEqual([
      ['quit', '退出'],
      ['cut', '剪切'],
      ['copy', '复制'],
      ['paste', '粘贴'],
      ['selectAll', '全选'],
      ['togglefullscreen', '切换全屏'],
    ]);
  });

  it('separates groups with a line and never starts or ends a menu with one', () => {
    for (const menu of build('en').template) {
      const submenu = menu.submenu as MenuItemConstructorOptions[];
      expect(submenu[0]?.type).not.toBe('separator');
      expect(submenu.at(-1)?.type).not.toBe('separator');
      expect(submenu.some((item, index) => item.type === 'separator' && submenu[index + 1]?.type === 'separator')).toBe(false);
    }
    const file = build('en').template[0]?.submenu as MenuItemConstructorOptions[];
    expect(file.map((i) => i.id ?? i.type ?? i.role)).toEqual(['new', 'open', 'save', 'saveAs', 'separator', 'importData', 'exportExcel', 'separator', 'quit']);
  });
});
