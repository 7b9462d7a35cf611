/**
 * The main process's entry. All of its wiring (window security, the `app://` protocol, the
 * bridge, menu, settings) is in `startMainProcess`, which takes the Electron modules as an
 * argument so unit tests can drive it with fakes; this file only hands over the real ones.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } from 'electron';
import Store from 'electron-store';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Settings } from '../shared/settings/settings';
import { startMainProcess } from './app/start-main-process';

const here = path.dirname(fileURLToPath(import.meta.url));

void startMainProcess(
  { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session },
  {
    rendererRoot: path.join(here, '..', 'renderer'),
    preloadPath: path.join(here, 'preload.cjs'),
    // electron-store imports `electron` itself, so it can only be made here, where that import is real.
    createSettingsStore: (options) => new Store<Settings>(options),
  },
);
