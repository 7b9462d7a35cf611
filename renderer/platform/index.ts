import { DeskError, type DeskApi } from '../../shared/platform/desk-api';
import { deskErrorFromBridge } from '../../shared/platform/ipc-result';
import { createBrowserDeskApi } from './browser';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser build. */
    desk?: DeskApi;
  }
}

/** Errors from the Electron bridge arrive as plain Errors; this gives the renderer DeskErrors either way. */
function withDeskErrors(api: DeskApi): DeskApi {
  const wrapped = {} as Record<keyof DeskApi, unknown>;
  for (const name of Object.keys(api) as (keyof DeskApi)[]) {
    const fn = api[name] as (...args: unknown[]) => Promise<unknown>;
    wrapped[name] = (...args: unknown[]) => fn(...args).catch((error: unknown) => Promise.reject(error instanceof DeskError ? error : deskErrorFromBridge(error)));
  }
  return wrapped as unknown as DeskApi;
}

let platform: DeskApi | null = null;

/** The bridge: the preload's in Electron, the browser implementation elsewhere. */
export function getPlatform(): DeskApi {
  if (!platform) {
    if (window.desk) {
      platform = withDeskErrors(window.desk);
    } else {
      platform = createBrowserDeskApi();
      // The browser build exposes its bridge under the same name, so the one contract test suite can drive both.
      window.desk = platform;
    }
  }
  return platform;
}
