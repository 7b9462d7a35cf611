/**
 * What `electron` is, for `electron/preload.ts` bundled into a plain Chromium page by the desktop
 * harness (scripts/build-desktop-harness.mjs aliases the module to this file). Only Electron's
 * transport is stood in for; the preload itself runs unchanged.
 *
 * - `contextBridge.exposeInMainWorld` copies the API across the way Electron's context bridge
 *   does: plain values are structured-cloned, functions are proxied (their arguments and results
 *   cloned, functions passed as arguments proxied back), promises resolve to cloned values, and
 *   an error keeps only its message. The exposed object is frozen and its global read-only.
 * - `ipcRenderer.invoke(channel, ...args)` structured-clones its arguments (as Electron's IPC
 *   does, so an uncloneable argument throws here too) and hands them to the transport function
 *   found on `globalThis.__deskIpcInvoke` at call time: a Playwright binding in the desktop
 *   project, or anything a unit test puts there.
 * - `ipcRenderer.on` / `removeListener` receive what `globalThis.__deskHarnessEmit(channel, ...args)`
 *   sends, which only the test calls (the main process's `webContents.send`).
 *
 * Unlike Electron, the preload runs in the page's own world here, not an isolated one: the page
 * could reach `__deskIpcInvoke` and `__deskHarnessEmit`. The harness checks behaviour, not isolation.
 */

/** The transport: resolves with what the main-process handler returned, rejects with its error. */
export type DeskIpcInvoke = (channel: string, args: unknown[]) => Promise<unknown>;

export const invokeGlobalName = '__deskIpcInvoke';
export const emitGlobalName = '__deskHarnessEmit';

/** What Electron passes as the first argument of an `ipcRenderer.on` listener (the parts a listener may read). */
export interface ShimIpcRendererEvent {
  sender: ShimIpcRenderer;
  ports: never[];
}

type Listener = (event: ShimIpcRendererEvent, ...args: unknown[]) => void;

/** The part of Electron's `ipcRenderer` a preload may use here. */
export interface ShimIpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: Listener): ShimIpcRenderer;
  removeListener(channel: string, listener: Listener): ShimIpcRenderer;
  listenerCount(channel: string): number;
}

const listeners = new Map<string, Listener[]>();

/** Electron's IPC uses the structured clone algorithm; so does the harness, before the binding's own serializer. */
function cloneForIpc(args: unknown[]): unknown[] {
  const cloned = structuredClone(args);
  assertTransportable(cloned, 'argument');
  return cloned;
}

/**
 * The Playwright binding carries JSON-like values, Date and Uint8Array both ways, but turns a Map,
 * Set, ArrayBuffer or another typed array into `{}`. Nothing in the bridge sends those today; if a
 * new bridge member does, the harness says so instead of passing a silently emptied value.
 */
function assertTransportable(value: unknown, where: string): void {
  if (value === null || typeof value !== 'object') return;
  if (value instanceof Uint8Array || value instanceof Date) return;
  if (value instanceof Map || value instanceof Set || value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof Blob) {
    throw new TypeError(
      `desktop harness: ${where} holds a ${Object.prototype.toString.call(value)}, which its transport cannot carry; add it to tests/desktop/electron-shim.ts`,
    );
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertTransportable(item, `${where}[${index}]`));
    return;
  }
  for (const [key, item] of Object.entries(value)) assertTransportable(item, `${where}.${key}`);
}

function transport(): DeskIpcInvoke {
  const found: unknown = Reflect.get(globalThis, invokeGlobalName);
  if (typeof found !== 'function')
    throw new Error(`desktop harness: globalThis.${invokeGlobalName} is not set, so ipcRenderer.invoke has no main process to reach`);
  return found as DeskIpcInvoke;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const ipcRenderer: ShimIpcRenderer = {
  async invoke(channel, ...args) {
    const sent = cloneForIpc(args);
    try {
      return structuredClone(await transport()(channel, sent));
    } catch (error) {
      // Electron's wording when a handler throws or is missing.
      throw new Error(`Error invoking remote method '${channel}': Error: ${messageOf(error)}`);
    }
  },
  on(channel, listener) {
    listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    return ipcRenderer;
  },
  removeListener(channel, listener) {
    const remaining = (listeners.get(channel) ?? []).filter((l) => l !== listener);
    if (remaining.length > 0) listeners.set(channel, remaining);
    else listeners.delete(channel);
    return ipcRenderer;
  },
  listenerCount(channel) {
    return listeners.get(channel)?.length ?? 0;
  },
};

/** `webContents.send(channel, ...args)` of the main process: returns how many listeners got it. */
function emit(channel: string, ...args: unknown[]): number {
  const current = listeners.get(channel) ?? [];
  for (const listener of current) listener({ sender: ipcRenderer, ports: [] }, ...structuredClone(args));
  return current.length;
}

// Configurable, so a unit test that loads the shim again in the same global can replace it.
Object.defineProperty(globalThis, emitGlobalName, { value: emit, writable: false, enumerable: false, configurable: true });

// ---- contextBridge ----

function copyError(error: unknown): Error {
  // Electron keeps the message only: no code, no subclass, no custom fields, no stack from the other world.
  return new Error(messageOf(error));
}

/** Copies a value from one world to the other, as Electron's context bridge does. */
function copyAcross(value: unknown, depth = 0): unknown {
  if (depth > 1000) throw new Error('An object could not be cloned.');
  if (typeof value === 'function') return proxyFunction(value as (...args: unknown[]) => unknown);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Promise) return copyPromise(value);
  if (value instanceof Error) return copyError(value);
  if (Array.isArray(value)) return value.map((item) => copyAcross(item, depth + 1));
  // Typed arrays, buffers, dates and blobs: the structured clone algorithm.
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Date || value instanceof Blob) return structuredClone(value);
  // Any other object arrives as a plain object of its own enumerable keys; its prototype stays behind.
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = copyAcross(item, depth + 1);
  return copy;
}

function copyPromise(promise: Promise<unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    promise.then(
      (result) => {
        try {
          resolve(copyAcross(result));
        } catch (error) {
          reject(copyError(error));
        }
      },
      (error: unknown) => reject(copyError(error)),
    );
  });
}

function proxyFunction(fn: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    const copiedArgs = args.map((arg) => copyAcross(arg));
    let result: unknown;
    try {
      result = fn(...copiedArgs);
    } catch (error) {
      throw copyError(error);
    }
    return copyAcross(result);
  };
}

function deepFreeze(value: unknown): void {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || Object.isFrozen(value) || ArrayBuffer.isView(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
}

export const contextBridge = {
  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (Object.hasOwn(globalThis, apiKey)) throw new Error(`Cannot bind an API on top of an existing property on the window object (${apiKey})`);
    const copy = copyAcross(api);
    deepFreeze(copy);
    // Read-only as in Electron; configurable so that a unit test can delete it between cases.
    Object.defineProperty(globalThis, apiKey, { value: copy, writable: false, enumerable: true, configurable: true });
  },
};
