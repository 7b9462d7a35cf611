/**
 * Everything the main process sets up, written against the Electron modules it is handed
 * instead of importing `electron`: the build machines have no Electron binary, so this is how
 * the wiring is unit-tested (with recording fakes). `electron/main.ts` imports Electron and
 * electron-store and calls `startMainProcess`; nothing else happens there.
 */
import type * as electron from 'electron';
import type { BrowserWindow as ElectronWindow } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deskRequestNames, ipcChannelName, menuCommandChannel, type DocumentState, type MenuCommand } from '../../shared/platform/desk-api';
import { defaultSettings, resolveLanguage, type Settings } from '../../shared/settings/settings';
import type { Lang } from '../../shared/units/names';
import { createIpcDispatcher } from '../ipc/dispatcher';
import { createMainDeskApi, type Dialogs, type SettingsRepository } from '../ipc/main-desk-api';
import { menuTemplate } from '../menu';
import { appEntryUrl, appScheme, resolveAppRequest } from '../security/app-protocol';
import { contentSecurityPolicy } from '../security/content-security-policy';
import { denyAllPermissions, hardenWebContents } from '../security/web-contents';
import { cleanOrphanedTempFiles } from '../persistence/atomic-write';
import { secureWindowOptions } from '../security/window-options';
import { loadSettingsFile, type LoadedSettings } from '../settings/settings-file';
import { WorkspaceRegistry } from '../workspaces/workspace-registry';

/** The Electron main-process modules the wiring uses, as `import { … } from 'electron'` gives them. */
export type ElectronModules = Pick<typeof electron, 'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'net' | 'protocol' | 'session'>;

/** What the wiring needs of electron-store (and of `conf`, which it extends): the whole settings object, read and replaced. */
export interface SettingsStore {
  store: Settings;
}

/** electron-store's constructor options, as far as the wiring sets them. */
export interface SettingsStoreOptions {
  name: string;
  cwd: string;
  /** Damaged files are quarantined by `loadSettingsFile` first; the store must never wipe one silently. */
  clearInvalidConfig: false;
  defaults: Settings;
}

export interface MainProcessOptions {
  /** The built renderer (`dist/renderer`), the only folder `app://` serves. */
  rendererRoot: string;
  preloadPath: string;
  /** electron-store imports `electron` itself, so the caller makes it; tests pass an in-memory store. */
  createSettingsStore(options: SettingsStoreOptions): SettingsStore;
  /** Where start-up problems are reported; `console.error` unless a test listens. */
  reportError?(message: string): void;
}

const windowTitleSuffix = 'Scenario Desk 情景推演台';
const defaultPlacement = { width: 1280, height: 820 };
const backgroundColor = '#f6f7f9';
const securityHeaders = { 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' } as const;

/**
 * Wires the main process: what must precede `ready` happens synchronously here, the rest once
 * the app is ready. The promise settles when the window has loaded, or after a failed start
 * has been reported and the app told to exit; it never rejects.
 */
export function startMainProcess(modules: ElectronModules, options: MainProcessOptions): Promise<void> {
  const { app, protocol } = modules;
  const report = options.reportError ?? ((message: string) => console.error(message));

  // Electron reads scheme privileges and the sandbox switch when it becomes ready; later calls are refused.
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
  app.enableSandbox();
  // Installed before any window exists, so no web contents, the main window's included, is ever left unhardened.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  return app
    .whenReady()
    .then(() => openMainWindow(modules, options, report))
    .catch((error: unknown) => {
      report(`Scenario Desk could not start: ${messageOf(error)}`);
      app.exit(1);
    });
}

async function openMainWindow(modules: ElectronModules, options: MainProcessOptions, report: (message: string) => void): Promise<void> {
  const { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } = modules;
  const userData = app.getPath('userData');
  // A save killed mid-way leaves its temporary file behind; those older than a day are the app's debris, not work in progress.
  await cleanOrphanedTempFiles(userData, Date.now());
  const locale = app.getLocale();

  const loaded = await loadSettingsFile(path.join(userData, 'settings.json')).catch((error: unknown): LoadedSettings => {
    report(`Settings could not be read or moved aside; this session uses defaults: ${messageOf(error)}`);
    return { settings: defaultSettings, notices: [] };
  });
  const store = openSettingsStore(
    options.createSettingsStore,
    { name: 'settings', cwd: userData, clearInvalidConfig: false, defaults: loaded.settings },
    report,
  );
  // A registry that cannot be read is set aside before anything replaces it (and the user told, below);
  // one that can neither be read nor set aside is left where it is, and this session keeps ids in memory.
  const registry = await WorkspaceRegistry.load(path.join(userData, 'workspace-registry.json')).catch((error: unknown) => {
    report(`The workspace registry could not be read or moved aside; recent files last only until the app closes: ${messageOf(error)}`);
    return WorkspaceRegistry.inMemory();
  });

  let window: ElectronWindow | null = null;
  let documentState: DocumentState = { title: '', dirty: false };
  let language = resolveLanguage(store.store.language, locale);

  const installMenu = () => {
    const send = (command: MenuCommand) => window?.webContents.send(menuCommandChannel, command);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, send)));
  };
  // Every settings change passes here, so a language switch from the page reaches the native menu
  // and the close prompt, which the page cannot translate.
  const settings: SettingsRepository = {
    read: () => store.store,
    write(next) {
      store.store = next;
      const nextLanguage = resolveLanguage(next.language, locale);
      if (nextLanguage === language) return;
      language = nextLanguage;
      installMenu();
    },
    notices: [...loaded.notices, ...registry.notices],
  };

  const api = createMainDeskApi({
    appInfo: { name: 'Scenario Desk', version: app.getVersion(), platform: process.platform, locale, shell: 'electron' },
    settings,
    registry,
    dialogs: createDialogs(dialog, () => window),
    draftFile: path.join(userData, 'draft.sdesk.json'),
    showDocumentState(state) {
      documentState = state;
      window?.setTitle(`${state.dirty ? '● ' : ''}${state.title} — ${windowTitleSuffix}`);
      window?.setDocumentEdited(state.dirty);
    },
  });
  const dispatch = createIpcDispatcher(api);
  for (const fn of deskRequestNames) {
    // The dispatcher decides trust from the frame that sent the call, so its URL is passed through as Electron reports it.
    ipcMain.handle(ipcChannelName(fn), (event, ...args: unknown[]) => dispatch(fn, event.senderFrame?.url, args));
  }

  denyAllPermissions(session.defaultSession);
  protocol.handle(appScheme, (request) => serveRenderer(net, options.rendererRoot, request));

  const bounds = store.store.windowBounds;
  const windowOptions = secureWindowOptions(
    options.preloadPath,
    { width: bounds?.width ?? defaultPlacement.width, height: bounds?.height ?? defaultPlacement.height, x: bounds?.x, y: bounds?.y },
    backgroundColor,
  );
  // The security flags are restated literally here because the static scanner (electronegativity)
  // reads only the object written at `new BrowserWindow(...)`; a unit test keeps both in step.
  const mainWindow = new BrowserWindow({
    ...windowOptions,
    webPreferences: {
      ...windowOptions.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window = mainWindow;
  if (bounds?.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow.show());
  installMenu();
  mainWindow.on('close', (event) => {
    if (documentState.dirty && !confirmCloseWithUnsavedChanges(dialog, mainWindow, language)) {
      event.preventDefault();
      return;
    }
    const b = mainWindow.getNormalBounds();
    settings.write({ ...settings.read(), windowBounds: { x: b.x, y: b.y, width: b.width, height: b.height, maximized: mainWindow.isMaximized() } });
  });
  mainWindow.on('closed', () => {
    window = null;
  });
  await mainWindow.loadURL(appEntryUrl);
}

/** Serves a file of the built renderer; every answer, a refusal included, carries the policy and nosniff. */
async function serveRenderer(net: ElectronModules['net'], rendererRoot: string, request: Request): Promise<Response> {
  const notFound = () => new Response('Not found', { status: 404, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
  const filePath = resolveAppRequest(rendererRoot, request.url);
  if (!filePath) return notFound();
  let response: Response;
  try {
    response = await net.fetch(pathToFileURL(filePath).toString());
  } catch {
    return notFound();
  }
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(securityHeaders)) headers.set(name, value);
  return new Response(response.body, { status: response.status, headers });
}

/** A store that cannot be opened must not stop the app: the session then keeps its settings in memory. */
function openSettingsStore(
  create: MainProcessOptions['createSettingsStore'],
  storeOptions: SettingsStoreOptions,
  report: (message: string) => void,
): SettingsStore {
  try {
    return create(storeOptions);
  } catch (error) {
    report(`The settings store could not be opened; changes last only until the app closes: ${messageOf(error)}`);
    return { store: storeOptions.defaults };
  }
}

function createDialogs(dialog: ElectronModules['dialog'], currentWindow: () => ElectronWindow | null): Dialogs {
  return {
    async chooseFileToOpen(filters) {
      const options = { properties: ['openFile' as const], filters };
      const parent = currentWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFileToSave(suggestedName, filters) {
      const options = { defaultPath: suggestedName, filters };
      const parent = currentWindow();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}

const closePromptText: Record<Lang, { message: string; detail: string; buttons: [cancel: string, close: string] }> = {
  zh: { message: '工作区有未保存到文件的修改。', detail: '修改已自动保存为草稿，下次启动时会恢复。仍要关闭吗？', buttons: ['取消', '关闭'] },
  en: {
    message: 'The workspace has changes not saved to its file.',
    detail: 'They are kept as an autosaved draft and restored at next start. Close anyway?',
    buttons: ['Cancel', 'Close'],
  },
};

/** The draft is autosaved, so closing loses nothing; the prompt is about the file not being updated. Cancel is the default. */
function confirmCloseWithUnsavedChanges(dialog: ElectronModules['dialog'], window: ElectronWindow, language: Lang): boolean {
  const text = closePromptText[language];
  const choice = dialog.showMessageBoxSync(window, {
    type: 'warning',
    message: text.message,
    detail: text.detail,
    buttons: [...text.buttons],
    defaultId: 0,
    cancelId: 0,
  });
  return choice === 1;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
