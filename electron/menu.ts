import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/platform/desk-api';

const labels = {
  zh: {
    file: '文件', new: '新建工作区', open: '打开…', save: '保存', saveAs: '另存为…', importData: '导入数据…', exportExcel: '导出 Excel…', quit: '退出',
    edit: '编辑', undo: '撤销', redo: '重做', view: '视图', presentation: '演示模式',
  },
  en: {
    file: 'File', new: 'New workspace', open: 'Open…', save: 'Save', saveAs: 'Save As…', importData: 'Import data…', exportExcel: 'Export to Excel…', quit: 'Quit',
    edit: 'Edit', undo: 'Undo', redo: 'Redo', view: 'View', presentation: 'Presentation mode',
  },
} as const;

type MenuLabelCommand = keyof (typeof labels)['zh'] & MenuCommand;

/**
 * The native menu as a template: pure data, so it can be tested without Electron and rebuilt
 * (with `Menu.buildFromTemplate`) whenever the language changes. Every item that runs a
 * command carries the command's id as its `id`, and its click calls `send(command)`, which the
 * main process forwards to the page on `menuCommandChannel`.
 *
 * Accelerators are shown but not registered: the page handles the same keys itself (so the
 * browser edition has them too), and registering them here would run each command twice.
 */
export function menuTemplate(language: 'zh' | 'en', send: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  const t = labels[language];
  const item = (command: MenuLabelCommand, accelerator?: string): MenuItemConstructorOptions => ({
    id: command,
    label: t[command],
    click: () => send(command),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
  });
  return [
    {
      label: t.file,
      submenu: [
        item('new', 'CmdOrCtrl+N'),
        item('open', 'CmdOrCtrl+O'),
        item('save', 'CmdOrCtrl+S'),
        item('saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('importData'),
        item('exportExcel', 'CmdOrCtrl+E'),
        { type: 'separator' },
        { label: t.quit, role: 'quit' },
      ],
    },
    {
      label: t.edit,
      submenu: [item('undo', 'CmdOrCtrl+Z'), item('redo', 'CmdOrCtrl+Y'), { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    { label: t.view, submenu: [item('presentation', 'F5'), { type: 'separator' }, { role: 'togglefullscreen' }] },
  ];
}
