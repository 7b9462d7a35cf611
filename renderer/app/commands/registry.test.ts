import { describe, expect, it } from 'vitest';
import type { CommandId } from '../../../shared/commands';
import { createCommandRegistry, type CommandRegistry, type KeyPress } from './registry';

const key = (k: string, modifiers: Partial<KeyPress> = {}, code = ''): KeyPress => ({
  key: k,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  repeat: false,
  isComposing: false,
  defaultPrevented: false,
  inTextField: false,
  ...modifiers,
});

/** A registry with every given command registered; `ran` lists what ran, in order. */
function setup(ids: CommandId[], enabled: Partial<Record<CommandId, boolean>> = {}) {
  const registry = createCommandRegistry();
  const ran: CommandId[] = [];
  const handles = Object.fromEntries(ids.map((id) => [id, registry.register(id, { run: () => ran.push(id), enabled: enabled[id] ?? true })]));
  return { registry, ran, handles };
}

const appCommands: CommandId[] = [
  'new',
  'open',
  'save',
  'saveAs',
  'undo',
  'redo',
  'exportExcel',
  'presentation',
  'commandPalette',
  'viewData',
  'viewCompare',
  'viewExport',
];
const presentationCommands: CommandId[] = ['presentationNext', 'presentationPrevious', 'presentationFirst', 'presentationLast', 'presentationLeave'];

function presenting(): { registry: CommandRegistry; ran: CommandId[] } {
  const { registry, ran } = setup([...appCommands, ...presentationCommands]);
  registry.enterContext('presentation');
  return { registry, ran };
}

describe('keyboard shortcuts in the app', () => {
  it('Alt+3 opens Compare, Alt+1 Data, Alt+6 Export', () => {
    const { registry, ran } = setup(appCommands);
    expect(registry.handleKey(key('3', { altKey: true }, 'Digit3'))).toEqual({ command: 'viewCompare', ran: true, preventDefault: true });
    registry.handleKey(key('1', { altKey: true }, 'Digit1'));
    registry.handleKey(key('6', { altKey: true }, 'Digit6'));
    expect(ran).toEqual(['viewCompare', 'viewData', 'viewExport']);
  });

  it('Ctrl+S saves, Ctrl+Shift+S saves as, ⌘S saves too, and none of them reaches the browser', () => {
    const { registry, ran } = setup(appCommands);
    expect(registry.handleKey(key('s', { ctrlKey: true })).preventDefault).toBe(true);
    registry.handleKey(key('S', { ctrlKey: true, shiftKey: true }));
    registry.handleKey(key('s', { metaKey: true }));
    expect(ran).toEqual(['save', 'saveAs', 'save']);
  });

  it('Ctrl+Z inside the scenario name field does not undo the workspace: the field undoes its typing', () => {
    const { registry, ran } = setup(appCommands);
    const outcome = registry.handleKey(key('z', { ctrlKey: true, inTextField: true }));
    expect(outcome).toEqual({ command: null, ran: false, preventDefault: false });
    registry.handleKey(key('y', { ctrlKey: true, inTextField: true }));
    registry.handleKey(key('Z', { ctrlKey: true, shiftKey: true, inTextField: true }));
    expect(ran).toEqual([]);
  });

  it('Ctrl+Z outside text fields undoes, and Ctrl+Y or Ctrl+Shift+Z redoes', () => {
    const { registry, ran } = setup(appCommands);
    registry.handleKey(key('z', { ctrlKey: true }));
    registry.handleKey(key('y', { ctrlKey: true }));
    registry.handleKey(key('Z', { ctrlKey: true, shiftKey: true }));
    expect(ran).toEqual(['undo', 'redo', 'redo']);
  });

  it('Ctrl+S still saves while typing in a text field', () => {
    const { registry, ran } = setup(appCommands);
    registry.handleKey(key('s', { ctrlKey: true, inTextField: true }));
    expect(ran).toEqual(['save']);
  });

  it('does nothing when there is nothing to undo, but keeps the key from the browser', () => {
    const { registry, ran } = setup(appCommands, { undo: false });
    expect(registry.handleKey(key('z', { ctrlKey: true }))).toEqual({ command: 'undo', ran: false, preventDefault: true });
    expect(ran).toEqual([]);
  });

  it('runs a held-down Ctrl+S once, but a held-down Ctrl+Z again and again', () => {
    const { registry, ran } = setup(appCommands);
    registry.handleKey(key('s', { ctrlKey: true }));
    expect(registry.handleKey(key('s', { ctrlKey: true, repeat: true }))).toEqual({ command: 'save', ran: false, preventDefault: true });
    registry.handleKey(key('z', { ctrlKey: true }));
    registry.handleKey(key('z', { ctrlKey: true, repeat: true }));
    expect(ran).toEqual(['save', 'undo', 'undo']);
  });

  it('leaves keys alone while a pinyin input method is composing, or when a widget handled them', () => {
    const { registry, ran } = setup(appCommands);
    registry.handleKey(key('s', { ctrlKey: true, isComposing: true }));
    registry.handleKey(key('1', { altKey: true, defaultPrevented: true }, 'Digit1'));
    expect(ran).toEqual([]);
  });

  it('leaves Enter, the arrows and Esc to the page: they are presentation keys only', () => {
    const { registry } = setup([...appCommands, ...presentationCommands]);
    for (const k of ['Enter', 'ArrowRight', 'Escape', ' ', 'Home', 'Tab'])
      expect(registry.handleKey(key(k)), k).toEqual({ command: null, ran: false, preventDefault: false });
  });

  it('opens the palette with Ctrl+Shift+P and with Ctrl+K, and the same keys close it again', () => {
    const { registry, ran } = setup(appCommands);
    registry.handleKey(key('P', { ctrlKey: true, shiftKey: true }));
    registry.handleKey(key('k', { ctrlKey: true }));
    const leave = registry.enterContext('palette');
    registry.handleKey(key('k', { metaKey: true }));
    leave();
    expect(ran).toEqual(['commandPalette', 'commandPalette', 'commandPalette']);
  });

  it('does not save, switch view or start presenting behind the open palette', () => {
    const { registry, ran } = setup(appCommands);
    registry.enterContext('palette');
    expect(registry.handleKey(key('s', { ctrlKey: true })).preventDefault).toBe(true);
    registry.handleKey(key('3', { altKey: true }, 'Digit3'));
    registry.handleKey(key('F5'));
    // The palette's search field keeps its own Ctrl+Z.
    expect(registry.handleKey(key('z', { ctrlKey: true, inTextField: true })).preventDefault).toBe(false);
    expect(ran).toEqual([]);
  });
});

describe('keyboard shortcuts in presentation mode', () => {
  it('moves with the arrows, Page Up/Down, Space, Enter and Backspace; Home and End go to the ends; Esc leaves', () => {
    const { registry, ran } = presenting();
    for (const k of ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter', 'ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace', 'Home', 'End', 'Escape']) {
      expect(registry.handleKey(key(k)).preventDefault, k).toBe(true);
    }
    expect(ran).toEqual([
      ...Array<CommandId>(5).fill('presentationNext'),
      ...Array<CommandId>(4).fill('presentationPrevious'),
      'presentationFirst',
      'presentationLast',
      'presentationLeave',
    ]);
  });

  it('F5 in presentation does nothing extra: no second presentation, and no page reload', () => {
    const { registry, ran } = presenting();
    expect(registry.handleKey(key('F5'))).toEqual({ command: null, ran: false, preventDefault: true });
    expect(ran).toEqual([]);
  });

  it('app shortcuts do not act behind the presentation', () => {
    const { registry, ran } = presenting();
    for (const press of [key('s', { ctrlKey: true }), key('z', { ctrlKey: true }), key('2', { altKey: true }, 'Digit2'), key('k', { ctrlKey: true })])
      registry.handleKey(press);
    expect(ran).toEqual([]);
  });

  it('keeps Tab from moving focus out of the slide', () => {
    const { registry } = presenting();
    expect(registry.handleKey(key('Tab')).preventDefault).toBe(true);
    expect(registry.handleKey(key('Tab', { shiftKey: true })).preventDefault).toBe(true);
  });

  it('after leaving, the app shortcuts work again', () => {
    const registry = createCommandRegistry();
    const ran: CommandId[] = [];
    registry.register('save', { run: () => ran.push('save'), enabled: true });
    const leave = registry.enterContext('presentation');
    registry.handleKey(key('s', { ctrlKey: true }));
    leave();
    registry.handleKey(key('s', { ctrlKey: true }));
    expect(ran).toEqual(['save']);
  });
});

describe('the registry', () => {
  it('runs the newest registration; removing it brings back the one before, and removing an old one changes nothing', () => {
    const registry = createCommandRegistry();
    const ran: string[] = [];
    const first = registry.register('exportExcel', { run: () => ran.push('first'), enabled: true });
    const second = registry.register('exportExcel', { run: () => ran.push('second'), enabled: true });
    registry.run('exportExcel');
    second.dispose();
    registry.run('exportExcel');
    second.dispose();
    first.dispose();
    expect(registry.run('exportExcel')).toBe(false);
    expect(ran).toEqual(['second', 'first']);
  });

  it('reports a command nobody provides as not available, and does not run a disabled one from the menu', () => {
    const { registry, ran, handles } = setup(['redo'], { redo: false });
    expect(registry.state('save')).toMatchObject({ registered: false, available: false });
    expect(registry.run('redo')).toBe(false);
    handles['redo']?.setEnabled(true);
    expect(registry.state('redo').available).toBe(true);
    expect(registry.run('redo')).toBe(true);
    expect(ran).toEqual(['redo']);
  });

  it('tells subscribers of every change, so buttons follow the enabled state', () => {
    const registry = createCommandRegistry();
    let calls = 0;
    const stop = registry.subscribe(() => (calls += 1));
    const handle = registry.register('undo', { run: () => undefined, enabled: false });
    handle.setEnabled(true);
    handle.setEnabled(true);
    const leave = registry.enterContext('palette');
    leave();
    leave();
    stop();
    handle.dispose();
    expect(calls).toBe(4);
  });
});
