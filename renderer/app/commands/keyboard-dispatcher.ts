/**
 * The renderer's one keyboard listener (ESLint forbids any other `keydown`/`keyup`/`keypress`
 * listener in renderer/). It turns a key press into a `KeyPress` and lets the registry decide:
 * which command it is in the current context (app, palette, presentation), whether it acts in a
 * text field, and whether the browser's own handling must be stopped.
 *
 * Widgets keep their own `onKeyDown` for navigation inside them (lists, menus, tabs, sliders);
 * React runs those before this listener, and a key a widget handled (`preventDefault`) is left alone.
 */
import type { CommandRegistry, KeyPress } from './registry';

const textInputTypes = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number']);

/** Whether typing goes into the element: there, Ctrl+Z is the browser's undo of the typing. */
export function isTextField(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return textInputTypes.has(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

export function keyPressOf(event: KeyboardEvent): KeyPress {
  return {
    key: event.key,
    code: event.code,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    shiftKey: event.shiftKey,
    repeat: event.repeat,
    isComposing: event.isComposing,
    defaultPrevented: event.defaultPrevented,
    inTextField: isTextField(event.target),
  };
}

/** Listens on the window (bubble phase, after the widgets) until the returned function is called. */
export function installKeyboardDispatcher(registry: CommandRegistry, target: Window = window): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (registry.handleKey(keyPressOf(event)).preventDefault) event.preventDefault();
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
