/**
 * The main process, kept thin: it serves the built renderer over `app://`, hardens every
 * window, owns the dialogs and files, and answers the bridge. All domain logic lives in `shared/`.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } from 'electron';
import Store from 'electron-store';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deskRequestNames, ipcChannelName, type DocumentState } from '../shared/platform/desk-api';
import { type Settings } from '../shared/settings/settings';
import { createIpcDispatcher } from './ipc/dispatcher';
import { createMainDeskApi, type Dialogs } from './ipc/main-desk-api';
import { appEntryUrl, appScheme, resolveAppRequest } from './security/app-protocol';
import { contentSecurityPolicy } from './security/content-security-policy';
import { denyAllPermissions, hardenWebContents } from './security/web-contents';
import { secureWindowOptions } from './security/window-options';
import { menuTemplate } from './menu';
import { menuCommandChannel } from '../shared/platform/desk-api';
import { loadSettingsFile } from './settings/settings-file';
import { WorkspaceRegistry } from './workspaces/workspace-registry';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, 'preload.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let documentState: DocumentState = { title: '', dirty: false };

function serveRenderer(): void {
  protocol.handle(appScheme, async (request) => {
    const filePath = resolveAppRequest(rendererRoot, request.url);
    if (!filePath) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(filePath).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function createDialogs(): Dialogs {
  return {
    async chooseFileToOpen(filters) {
      const options = { properties: ['openFile' as const], filters };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFileToSave(suggestedName, filters) {
      const options = { defaultPath: suggestedName, filters };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const loaded = await loadSettingsFile(path.join(userData, 'settings.json'));
  const store = new Store<Settings>({ name: 'settings', cwd: userData, clearInvalidConfig: false, defaults: loaded.settings });
  const registry = await WorkspaceRegistry.load(path.join(userData, 'workspace-registry.json'));

  const api = createMainDeskApi({
    appInfo: { name: 'Scenario Desk', version: app.getVersion(), platform: process.platform, locale: app.getLocale(), shell: 'electron' },
    settings: { read: () => store.store, write: (next) => (store.store = next), notices: loaded.notices },
    registry,
    dialogs: createDialogs(),
    draftFile: path.join(userData, 'draft.sdesk.json'),
    showDocumentState(state) {
      documentState = state;
      mainWindow?.setTitle(`${state.dirty ? '● ' : ''}${state.title} — Scenario Desk 情景推演台`);
      mainWindow?.setDocumentEdited(state.dirty);
    },
  });
  const dispatch = createIpcDispatcher(api);
  for (const fn of deskRequestNames) {
    ipcMain.handle(ipcChannelName(fn), (event, ...args: unknown[]) => dispatch(fn, event.senderFrame?.url, args));
  }

  denyAllPermissions(session.defaultSession);
  serveRenderer();

  const bounds = store.store.windowBounds;
  const options = secureWindowOptions(preloadPath, { width: bounds?.width ?? 1280, height: bounds?.height ?? 820, x: bounds?.x, y: bounds?.y }, '#f6f7f9');
  // The security flags are restated literally here so the static scanner (electronegativity), which
  // reads only the object written at `new BrowserWindow(...)`, can verify them too.
  mainWindow = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (bounds?.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  const language = resolveMenuLanguage(store.store.language, app.getLocale());
  const window = mainWindow;
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, (command) => window.webContents.send(menuCommandChannel, command))));
  mainWindow.on('close', (event) => {
    if (!mainWindow) return;
    if (documentState.dirty && !confirmCloseWithUnsavedChanges(mainWindow, language)) {
      event.preventDefault();
      return;
    }
    const b = mainWindow.getNormalBounds();
    store.set('windowBounds', { x: b.x, y: b.y, width: b.width, height: b.height, maximized: mainWindow.isMaximized() });
  });
  await mainWindow.loadURL(appEntryUrl);
}

function resolveMenuLanguage(setting: Settings['language'], locale: string): 'zh' | 'en' {
  if (setting !== 'system') return setting;
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The draft is autosaved, so closing loses nothing; the prompt is about the file not being updated. */
function confirmCloseWithUnsavedChanges(window: BrowserWindow, language: 'zh' | 'en'): boolean {
  const text =
    language === 'zh'
      ? { message: '工作区有未保存到文件的修改。', detail: '修改已自动保存为草稿，下次启动时会恢复。仍要关闭吗？', buttons: ['取消', '关闭'] }
      : { message: 'The workspace has changes not saved to its file.', detail: 'They are kept as an autosaved draft and restored at next start. Close anyway?', buttons: ['Cancel', 'Close'] };
  const choice = dialog.showMessageBoxSync(window, { type: 'warning', message: text.message, detail: text.detail, buttons: text.buttons, defaultId: 0, cancelId: 0 });
  return choice === 1;
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
app.on('window-all-closed', () => app.quit());
app.whenReady().then(start, (error: unknown) => {
  console.error('Scenario Desk could not start:', error instanceof Error ? error.message : error);
  app.exit(1);
});
