/** Where `npm run build:desktop-harness` writes the bundled preload. */
export const desktopHarnessPreloadPath: string;
/** electron/preload.ts bundled as an IIFE with `electron` aliased to tests/desktop/electron-shim.ts. */
export function bundleDesktopPreload(): Promise<string>;
