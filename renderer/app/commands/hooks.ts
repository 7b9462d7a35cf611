/**
 * React's side of the command registry: features register the `run` of a catalog command for as
 * long as they are mounted, modal layers enter their context, and buttons read a command's state.
 */
import { createContext, useContext, useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandContext, CommandId } from '../../../shared/commands';
import { langOf, type Lang } from '../../../shared/units';
import type { DeskApi } from '../../../shared/platform/desk-api';
import { installKeyboardDispatcher } from './keyboard-dispatcher';
import { createCommandRegistry, type CommandHandle, type CommandRegistry, type CommandState } from './registry';

/**
 * The app's registry. The context's default is this one instance, so the providers that register
 * commands (workspace, presentation) and the App that dispatches them share it without a
 * provider of its own; a test can still provide another.
 */
export const appCommandRegistry: CommandRegistry = createCommandRegistry();

export const CommandRegistryContext = createContext<CommandRegistry>(appCommandRegistry);

export function useCommandRegistry(): CommandRegistry {
  return useContext(CommandRegistryContext);
}

export interface CommandOptions {
  /** Default true; a disabled command shows a disabled button and is not run by its shortcut. */
  enabled?: boolean;
}

/**
 * Provides the `run` of a catalog command while the calling component is mounted. `run` may
 * change on every render: the newest one runs. Registered in a layout effect, so the toolbar's
 * first painted frame already shows the command enabled.
 */
export function useCommand(id: CommandId, run: () => void, options: CommandOptions = {}): void {
  const registry = useCommandRegistry();
  const enabled = options.enabled ?? true;
  const latest = useRef({ run, enabled });
  const handle = useRef<CommandHandle | null>(null);
  useLayoutEffect(() => {
    latest.current = { run, enabled };
    handle.current?.setEnabled(enabled);
  });
  useLayoutEffect(() => {
    const registered = registry.register(id, { run: () => latest.current.run(), enabled: latest.current.enabled });
    handle.current = registered;
    return () => {
      registered.dispose();
      if (handle.current === registered) handle.current = null;
    };
  }, [registry, id]);
}

/** Enters a modal context (palette, presentation) while mounted and `active`. */
export function useCommandContext(context: Exclude<CommandContext, 'app'>, active = true): void {
  const registry = useCommandRegistry();
  useLayoutEffect(() => (active ? registry.enterContext(context) : undefined), [registry, context, active]);
}

/** Re-renders on every change of the registry. */
export function useRegistryVersion(registry: CommandRegistry): number {
  return useSyncExternalStore(registry.subscribe, registry.version, registry.version);
}

export function useCommandState(id: CommandId): CommandState {
  const registry = useCommandRegistry();
  useRegistryVersion(registry);
  return registry.state(id);
}

/** The interface language, for the catalog's labels. */
export function useCommandLanguage(): Lang {
  const { i18n } = useTranslation();
  return langOf(i18n.language);
}

/** Installs the one keyboard dispatcher for the registry; mount once (App). */
export function useKeyboardDispatcher(): void {
  const registry = useCommandRegistry();
  useEffect(() => installKeyboardDispatcher(registry), [registry]);
}

/** Routes the native menu's commands into the registry; mount once (App). */
export function useMenuCommands(platform: DeskApi): void {
  const registry = useCommandRegistry();
  useEffect(() => platform.onMenuCommand((id) => void registry.run(id)), [platform, registry]);
}
