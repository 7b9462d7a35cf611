/**
 * The command registry at run time: features register a `run` (and whether it is enabled) for
 * the ids declared in `shared/commands/catalog.ts`; the keyboard dispatcher, the native menu,
 * the palette and the buttons all run commands through it. Plain TypeScript, no DOM and no
 * React, so its rules are unit-tested directly (`registry.test.ts`).
 */
import {
  chordMatches,
  commandDeclarations,
  commandDeclaration,
  commandShortcuts,
  swallowedKeys,
  chordKey,
  type CommandContext,
  type CommandDeclaration,
  type CommandId,
  type KeyChord,
} from '../../../shared/commands';

export interface CommandRegistration {
  run(): void;
  enabled: boolean;
}

export interface CommandHandle {
  setEnabled(enabled: boolean): void;
  dispose(): void;
}

export interface CommandState {
  readonly id: CommandId;
  readonly declaration: CommandDeclaration;
  /** Some feature currently provides a `run`. */
  readonly registered: boolean;
  readonly enabled: boolean;
  /** Registered, enabled, and its `when` holds in the current context: running it does something. */
  readonly available: boolean;
}

/** A key press as the dispatcher sees it: the chord, and where it happened. */
export interface KeyPress extends KeyChord {
  repeat: boolean;
  /** An input method is composing (e.g. pinyin): every key belongs to it. */
  isComposing: boolean;
  /** A widget handled the key already (its own `onKeyDown` called `preventDefault`). */
  defaultPrevented: boolean;
  /** Focus is in a text field (text input, text area, contenteditable). */
  inTextField: boolean;
}

export interface KeyOutcome {
  /** The command the key is the shortcut of, in this context; `null` when none. */
  command: CommandId | null;
  /** Whether the command ran. */
  ran: boolean;
  /** Whether the browser's own handling of the key must be stopped. */
  preventDefault: boolean;
}

const nothing: KeyOutcome = { command: null, ran: false, preventDefault: false };

export interface CommandRegistry {
  register(id: CommandId, registration: CommandRegistration): CommandHandle;
  /** Enters a modal context (palette, presentation) until the returned function is called. */
  enterContext(context: Exclude<CommandContext, 'app'>): () => void;
  context(): CommandContext;
  state(id: CommandId): CommandState;
  /** Runs the command if it is available (from any source: key, menu, palette, button); returns whether it ran. */
  run(id: CommandId): boolean;
  /** The keyboard dispatcher's decision for one key press (and the run, when there is one). */
  handleKey(press: KeyPress): KeyOutcome;
  /** Called after every change of registrations, enabled states or context. */
  subscribe(listener: () => void): () => void;
  /** Increases with every change: a snapshot for `useSyncExternalStore`. */
  version(): number;
}

export function createCommandRegistry(): CommandRegistry {
  // Per id a stack: the newest registration is the one that runs; disposing one removes only it.
  const registrations = new Map<CommandId, CommandRegistration[]>();
  const contexts: { context: CommandContext }[] = [];
  const listeners = new Set<() => void>();
  let changes = 0;

  const changed = () => {
    changes += 1;
    for (const listener of [...listeners]) listener();
  };
  const current = (id: CommandId) => registrations.get(id)?.at(-1);
  const context = (): CommandContext => contexts.at(-1)?.context ?? 'app';

  const state = (id: CommandId): CommandState => {
    const declaration = commandDeclaration(id);
    const registration = current(id);
    const enabled = registration?.enabled ?? false;
    return { id, declaration, registered: registration !== undefined, enabled, available: enabled && declaration.when.includes(context()) };
  };

  const run = (id: CommandId): boolean => {
    const registration = current(id);
    if (!registration || !state(id).available) return false;
    registration.run();
    return true;
  };

  return {
    register(id, registration) {
      const entry: CommandRegistration = { run: () => registration.run(), enabled: registration.enabled };
      const stack = registrations.get(id) ?? [];
      stack.push(entry);
      registrations.set(id, stack);
      changed();
      let disposed = false;
      return {
        setEnabled(enabled) {
          if (disposed || entry.enabled === enabled) return;
          entry.enabled = enabled;
          changed();
        },
        dispose() {
          if (disposed) return;
          disposed = true;
          const list = registrations.get(id) ?? [];
          const index = list.indexOf(entry);
          if (index >= 0) list.splice(index, 1);
          if (list.length === 0) registrations.delete(id);
          changed();
        },
      };
    },
    enterContext(contextName) {
      const entry = { context: contextName };
      contexts.push(entry);
      changed();
      return () => {
        const index = contexts.indexOf(entry);
        if (index < 0) return;
        contexts.splice(index, 1);
        changed();
      };
    },
    context,
    state,
    run,
    handleKey(press) {
      if (press.isComposing || press.defaultPrevented || press.key === 'Process' || press.key === 'Dead') return nothing;
      const active = context();
      const matching = commandDeclarations.filter((declaration) => commandShortcuts(declaration.id).some((shortcut) => chordMatches(shortcut, press)));
      const own = matching.find((declaration) => declaration.when.includes(active));
      if (own) {
        // In a text field Ctrl+Z belongs to the field: the browser undoes the typing.
        if (press.inTextField && own.inTextField === 'native') return nothing;
        const repeatIgnored = press.repeat && !own.repeat;
        return { command: own.id, ran: repeatIgnored ? false : run(own.id), preventDefault: true };
      }
      // An app shortcut pressed over a modal layer: it does not act behind the layer, and the
      // browser does not get it either (F5 in presentation mode must not reload the page).
      const blocked = active !== 'app' ? matching.find((declaration) => declaration.when.includes('app')) : undefined;
      if (blocked) return { command: null, ran: false, preventDefault: !(press.inTextField && blocked.inTextField === 'native') };
      if (swallowedKeys[active].includes(chordKey(press))) return { command: null, ran: false, preventDefault: true };
      return nothing;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => changes,
  };
}
