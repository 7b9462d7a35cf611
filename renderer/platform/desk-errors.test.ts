import { describe, expect, it } from 'vitest';
import { DeskError, deskApiFunctionNames, deskRequestNames, type DeskApi, type DeskRequest, type MenuCommand } from '../../shared/platform/desk-api';
import { withDeskErrors } from './desk-errors';

/**
 * A bridge shaped like the preload's after contextBridge: every request rejects with a plain
 * Error whose message carries the code, as `electron/preload.ts` throws it; the menu
 * subscription returns its unsubscribe function.
 */
function bridgeLikeThePreload() {
  const listeners = new Set<(command: MenuCommand) => void>();
  // Built from the contract's own list of requests, so every request member is present.
  const failing = Object.fromEntries(
    deskRequestNames.map((name) => [name, async () => Promise.reject(new Error(`[not-found] ${name} found nothing.`))]),
  ) as Record<DeskRequest, () => Promise<never>>;
  const api: DeskApi = {
    ...failing,
    onMenuCommand(listener: (command: MenuCommand) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { api, send: (command: MenuCommand) => listeners.forEach((l) => l(command)), listenerCount: () => listeners.size };
}

describe('withDeskErrors, the renderer side of the Electron bridge', () => {
  it('subscribes to native-menu commands and hands back a working unsubscribe (the desktop edition starts)', () => {
    const bridge = bridgeLikeThePreload();
    const desk = withDeskErrors(bridge.api);
    const received: MenuCommand[] = [];
    const unsubscribe = desk.onMenuCommand((command) => received.push(command));
    expect(typeof unsubscribe).toBe('function');
    bridge.send('save');
    unsubscribe();
    bridge.send('undo');
    expect(received).toEqual(['save']);
    expect(bridge.listenerCount()).toBe(0);
  });

  it('turns the code carried in a bridge error message back into a DeskError, for every request', async () => {
    const desk = withDeskErrors(bridgeLikeThePreload().api);
    for (const name of deskRequestNames) {
      const request = desk[name] as () => Promise<unknown>;
      const error = await request().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, name).toBeInstanceOf(DeskError);
      expect((error as DeskError).code, name).toBe('not-found');
      expect((error as DeskError).message, name).toBe(`${name} found nothing.`);
    }
  });

  it('keeps every member of the contract and adds none', () => {
    expect(Object.keys(withDeskErrors(bridgeLikeThePreload().api)).sort()).toEqual([...deskApiFunctionNames].sort());
  });

  it('passes values through unchanged', async () => {
    const bridge = bridgeLikeThePreload();
    const entry = { id: 'w1', name: '软件产业.sdesk', modifiedAt: null };
    const desk = withDeskErrors({ ...bridge.api, listWorkspaces: async () => [entry] });
    expect(await desk.listWorkspaces()).toEqual([entry]);
  });
});
