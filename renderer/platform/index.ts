import type { DeskApi } from '../../shared/platform/desk-api';
import { createBrowserDeskApi } from './browser';
import { withDeskErrors } from './desk-errors';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser build. */
    desk?: DeskApi;
  }
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
