import type { MenuItemConstructorOptions } from 'electron';
import {
  commandDeclarations,
  isMenuCommand,
  menuSectionLabels,
  nativeMenuRoles,
  toAccelerator,
  type CommandDeclaration,
  type CommandId,
  type MenuSection,
} from '../shared/commands';
import type { MenuCommand } from '../shared/platform/desk-api';
import type { Lang } from '../shared/units/names';

const sections: readonly MenuSection[] = ['file', 'edit', 'view'];

/**
 * The native menu as a template, built from the command catalog (`shared/commands/catalog.ts`):
 * its labels in the language asked for, its shortcuts and its placement. Pure data, so it can be
 * tested without Electron and rebuilt (with `Menu.buildFromTemplate`) whenever the language
 * changes. Every item that runs a command carries the command's id as its `id`, and its click
 * calls `send(command)`, which the main process forwards to the page on `menuCommandChannel`.
 *
 * Accelerators are shown but not registered: the page's keyboard dispatcher handles the same keys
 * (so the browser edition has them too), and registering them here would run each command twice.
 */
export function menuTemplate(language: Lang, send: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  const item = (command: CommandDeclaration & { id: CommandId }, id: MenuCommand): MenuItemConstructorOptions => {
    const [shortcut] = command.shortcuts;
    return {
      id,
      label: command.label[language],
      click: () => send(id),
      ...(shortcut ? { accelerator: toAccelerator(shortcut), registerAccelerator: false } : {}),
    };
  };
  return sections.map((section) => {
    const submenu: MenuItemConstructorOptions[] = [];
    let group: number | null = null;
    for (const command of commandDeclarations) {
      if (command.menu?.section !== section || !isMenuCommand(command.id)) continue;
      if (group !== null && command.menu.group !== group) submenu.push({ type: 'separator' });
      group = command.menu.group;
      submenu.push(item(command, command.id));
    }
    const roles = nativeMenuRoles.filter((role) => role.section === section);
    if (roles.length > 0 && submenu.length > 0) submenu.push({ type: 'separator' });
    for (const role of roles) submenu.push({ role: role.role, label: role.label[language] });
    return { label: menuSectionLabels[section][language], submenu };
  });
}
