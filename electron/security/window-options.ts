import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowPlacement {
  width: number;
  height: number;
  x?: number | undefined;
  y?: number | undefined;
}

/**
 * The only place BrowserWindow options are made, so no window can be created with a
 * weaker posture than Electron's security checklist asks for.
 */
export function secureWindowOptions(preloadPath: string, placement: WindowPlacement, backgroundColor: string): BrowserWindowConstructorOptions {
  return {
    ...placement,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Scenario Desk 情景推演台',
    backgroundColor,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click would otherwise open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
