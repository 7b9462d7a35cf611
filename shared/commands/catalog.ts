/**
 * The one place where the user's operations are declared: id, labels in both languages,
 * shortcuts, the context they act in and where the native menu shows them. The renderer's
 * registry gives each id its `run` and `enabled` at run time; the toolbar, the keyboard
 * dispatcher, the command palette and the native menu (`electron/menu.ts`) all read this list.
 */
import { menuCommands, type MenuCommand } from '../platform/desk-api';
import { viewIds, type ViewId } from '../settings/settings';
import type { BilingualText, Lang } from '../units/names';
import { parseShortcut, type Shortcut } from './shortcuts';

/**
 * Where a command acts. `app` is the application with nothing over it; `palette` and
 * `presentation` are modal layers over it, in which the app's own shortcuts do not act.
 */
export type CommandContext = 'app' | 'palette' | 'presentation';

export type MenuSection = 'file' | 'edit' | 'view';

export interface CommandDeclaration {
  readonly id: string;
  /** The full name: menu item, palette entry, tooltip. */
  readonly label: BilingualText;
  /** A shorter name for a button, where the full one is too long for the toolbar. */
  readonly button?: BilingualText;
  /** Shortcuts in the notation of `shortcuts.ts`; the first is the one the menu shows. */
  readonly shortcuts: readonly string[];
  /** The contexts in which it runs (from any source: keys, menu, palette, button). */
  readonly when: readonly CommandContext[];
  /**
   * `native`: its shortcut is left to the browser while a text field has focus (Ctrl+Z undoes the
   * typing, not the workspace). Default `run`: the shortcut acts in text fields too.
   */
  readonly inTextField?: 'run' | 'native';
  /** Whether holding the key down repeats the command (default: once per press). */
  readonly repeat?: boolean;
  /** Where the native menu shows it; groups are separated by a line. */
  readonly menu?: { readonly section: MenuSection; readonly group: number };
  /** Whether the command palette lists it (default: when it runs in `app`). */
  readonly palette?: boolean;
}

const app = ['app'] as const satisfies readonly CommandContext[];
const presenting = ['presentation'] as const satisfies readonly CommandContext[];

export const commandCatalog = [
  // File
  {
    id: 'new',
    label: { zh: '新建工作区', en: 'New workspace' },
    button: { zh: '新建', en: 'New' },
    shortcuts: ['Mod+N'],
    when: app,
    menu: { section: 'file', group: 1 },
  },
  { id: 'open', label: { zh: '打开…', en: 'Open…' }, shortcuts: ['Mod+O'], when: app, menu: { section: 'file', group: 1 } },
  { id: 'openRecent', label: { zh: '打开最近的工作区…', en: 'Open recent workspace…' }, shortcuts: [], when: app },
  { id: 'save', label: { zh: '保存', en: 'Save' }, shortcuts: ['Mod+S'], when: app, menu: { section: 'file', group: 1 } },
  { id: 'saveAs', label: { zh: '另存为…', en: 'Save As…' }, shortcuts: ['Mod+Shift+S'], when: app, menu: { section: 'file', group: 1 } },
  { id: 'importData', label: { zh: '导入数据…', en: 'Import data…' }, shortcuts: [], when: app, menu: { section: 'file', group: 2 } },
  { id: 'exportExcel', label: { zh: '导出 Excel…', en: 'Export to Excel…' }, shortcuts: ['Mod+E'], when: app, menu: { section: 'file', group: 2 } },
  // Edit
  { id: 'undo', label: { zh: '撤销', en: 'Undo' }, shortcuts: ['Mod+Z'], when: app, inTextField: 'native', repeat: true, menu: { section: 'edit', group: 1 } },
  {
    id: 'redo',
    label: { zh: '重做', en: 'Redo' },
    shortcuts: ['Mod+Y', 'Mod+Shift+Z'],
    when: app,
    inTextField: 'native',
    repeat: true,
    menu: { section: 'edit', group: 1 },
  },
  // View
  {
    id: 'viewData',
    label: { zh: '数据视图', en: 'Data view' },
    button: { zh: '数据', en: 'Data' },
    shortcuts: ['Alt+1'],
    when: app,
    menu: { section: 'view', group: 1 },
  },
  {
    id: 'viewScenarios',
    label: { zh: '情景视图', en: 'Scenarios view' },
    button: { zh: '情景', en: 'Scenarios' },
    shortcuts: ['Alt+2'],
    when: app,
    menu: { section: 'view', group: 1 },
  },
  {
    id: 'viewCompare',
    label: { zh: '对比视图', en: 'Compare view' },
    button: { zh: '对比', en: 'Compare' },
    shortcuts: ['Alt+3'],
    when: app,
    menu: { section: 'view', group: 1 },
  },
  {
    id: 'viewTargets',
    label: { zh: '目标视图', en: 'Targets view' },
    button: { zh: '目标', en: 'Targets' },
    shortcuts: ['Alt+4'],
    when: app,
    menu: { section: 'view', group: 1 },
  },
  {
    id: 'viewSensitivity',
    label: { zh: '敏感性视图', en: 'Sensitivity view' },
    button: { zh: '敏感性', en: 'Sensitivity' },
    shortcuts: ['Alt+5'],
    when: app,
    menu: { section: 'view', group: 1 },
  },
  {
    id: 'viewExport',
    label: { zh: '导出视图', en: 'Export view' },
    button: { zh: '导出', en: 'Export' },
    shortcuts: ['Alt+6'],
    when: app,
    menu: { section: 'view', group: 1 },
  },
  { id: 'presentation', label: { zh: '演示模式', en: 'Presentation mode' }, shortcuts: ['F5'], when: app, menu: { section: 'view', group: 2 } },
  {
    id: 'commandPalette',
    label: { zh: '命令面板…', en: 'Command palette…' },
    shortcuts: ['Mod+Shift+P', 'Mod+K'],
    // In the palette its shortcut closes the palette again.
    when: ['app', 'palette'],
    palette: false,
    menu: { section: 'view', group: 3 },
  },
  // Settings (palette only)
  { id: 'switchLanguage', label: { zh: '切换语言（中文 / English）', en: 'Switch language (English / 中文)' }, shortcuts: [], when: app },
  { id: 'toggleTheme', label: { zh: '切换浅色 / 深色主题', en: 'Toggle light / dark theme' }, shortcuts: [], when: app },
  // Presentation mode
  {
    id: 'presentationNext',
    label: { zh: '下一个视图', en: 'Next view' },
    shortcuts: ['ArrowRight', 'ArrowDown', 'PageDown', 'Space', 'Enter'],
    when: presenting,
    repeat: true,
  },
  {
    id: 'presentationPrevious',
    label: { zh: '上一个视图', en: 'Previous view' },
    shortcuts: ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'],
    when: presenting,
    repeat: true,
  },
  { id: 'presentationFirst', label: { zh: '第一个视图', en: 'First view' }, shortcuts: ['Home'], when: presenting },
  { id: 'presentationLast', label: { zh: '最后一个视图', en: 'Last view' }, shortcuts: ['End'], when: presenting },
  { id: 'presentationLeave', label: { zh: '退出演示', en: 'Leave the presentation' }, shortcuts: ['Escape'], when: presenting },
] as const satisfies readonly CommandDeclaration[];

export type CommandId = (typeof commandCatalog)[number]['id'];

/** The catalog, each entry seen through the one declaration type. */
export const commandDeclarations: readonly (CommandDeclaration & { readonly id: CommandId })[] = commandCatalog;

// Every command the native menu can send is declared here (a compile error otherwise).
export const _menuCommandsAreDeclared: readonly CommandId[] = menuCommands;

/**
 * Keys a modal context keeps from the browser although no command uses them (any modifiers):
 * in presentation mode Tab has nowhere to go.
 */
export const swallowedKeys: Readonly<Record<CommandContext, readonly string[]>> = { app: [], palette: [], presentation: ['Tab'] };

/** The view commands, in the order of the views (Alt+1…6). */
export const viewCommands = {
  data: 'viewData',
  scenarios: 'viewScenarios',
  compare: 'viewCompare',
  targets: 'viewTargets',
  sensitivity: 'viewSensitivity',
  export: 'viewExport',
} as const satisfies Record<ViewId, CommandId>;

export const viewCommandList: readonly (typeof viewCommands)[ViewId][] = viewIds.map((view) => viewCommands[view]);

const byId: ReadonlyMap<string, CommandDeclaration> = new Map(commandDeclarations.map((command) => [command.id, command]));

export function commandDeclaration(id: CommandId): CommandDeclaration {
  const declaration = byId.get(id);
  if (!declaration) throw new Error(`Unknown command ${id}`);
  return declaration;
}

export function isCommandId(value: string): value is CommandId {
  return byId.has(value);
}

export function isMenuCommand(id: CommandId): id is MenuCommand {
  return (menuCommands as readonly string[]).includes(id);
}

/** The label in a language; `button` picks the shorter button label where there is one. */
export function commandLabel(id: CommandId, language: Lang, form: 'label' | 'button' = 'label'): string {
  const declaration = commandDeclaration(id);
  return (form === 'button' ? declaration.button?.[language] : undefined) ?? declaration.label[language];
}

/** Whether the palette lists the command. */
export function inPalette(declaration: CommandDeclaration): boolean {
  return declaration.palette ?? declaration.when.includes('app');
}

const parsed = new Map<string, readonly Shortcut[]>(commandDeclarations.map((command) => [command.id, command.shortcuts.map(parseShortcut)]));

/** The parsed shortcuts of a command (parsed once). */
export function commandShortcuts(id: CommandId): readonly Shortcut[] {
  return parsed.get(id) ?? [];
}

/** Titles of the native menu's submenus. */
export const menuSectionLabels: Readonly<Record<MenuSection, BilingualText>> = {
  file: { zh: '文件', en: 'File' },
  edit: { zh: '编辑', en: 'Edit' },
  view: { zh: '视图', en: 'View' },
};

export type NativeMenuRole = 'quit' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'togglefullscreen';

/** Items the operating system carries out itself (Electron roles), after the section's commands. */
export const nativeMenuRoles: readonly { readonly role: NativeMenuRole; readonly section: MenuSection; readonly label: BilingualText }[] = [
  { role: 'quit', section: 'file', label: { zh: '退出', en: 'Quit' } },
  { role: 'cut', section: 'edit', label: { zh: '剪切', en: 'Cut' } },
  { role: 'copy', section: 'edit', label: { zh: '复制', en: 'Copy' } },
  { role: 'paste', section: 'edit', label: { zh: '粘贴', en: 'Paste' } },
  { role: 'selectAll', section: 'edit', label: { zh: '全选', en: 'Select All' } },
  { role: 'togglefullscreen', section: 'view', label: { zh: '切换全屏', en: 'Toggle Full Screen' } },
];
