import type { MenuItemConstructorOptions } from 'electron';
import { promises as fsPromises } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deskRequestNames, ipcChannelName, menuCommandChannel, type DeskRequest, type IpcResult } from '../../shared/platform/desk-api';
import { defaultSettings, type Settings } from '../../shared/settings/settings';
import { menuTemplate } from '../menu';
import { appEntryUrl } from '../security/app-protocol';
import { contentSecurityPolicy } from '../security/content-security-policy';
import { secureWindowOptions } from '../security/window-options';
import { startMainProcess, type ElectronModules, type SettingsStore, type SettingsStoreOptions } from './start-main-process';

/*
 * These tests show that the wiring ASKS Electron for the right things, in the right order: they
 * drive startMainProcess with a recording fake of the Electron modules. Whether Electron then
 * applies what it is asked (a real sandbox, a real CSP) needs the binary: tests/electron/app.spec.ts.
 */

const tempDirs: string[] = [];
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

type Listener = (...args: unknown[]) => unknown;

class FakeEmitter {
  private readonly listeners = new Map<string, { listener: Listener; once: boolean }[]>();
  constructor(
    private readonly log: string[],
    private readonly logName: string,
  ) {}
  on(name: string, listener: Listener): this {
    this.log.push(`${this.logName}.on:${name}`);
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), { listener, once: false }]);
    return this;
  }
  once(name: string, listener: Listener): this {
    this.log.push(`${this.logName}.once:${name}`);
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), { listener, once: true }]);
    return this;
  }
  emit(name: string, ...args: unknown[]): void {
    const current = this.listeners.get(name) ?? [];
    this.listeners.set(
      name,
      current.filter((entry) => !entry.once),
    );
    for (const entry of current) entry.listener(...args);
  }
  /** Emits an event Electron lets listeners cancel; true when none did. */
  allows(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return !prevented;
  }
  listenerCount(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }
}

class FakeWebContents extends FakeEmitter {
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

interface FakeSetup {
  userData: string;
  locale: string;
  loadUrlFails?: boolean;
}

/** Records every call the wiring makes, in order, and lets a test play Electron's part afterwards. */
function createFakeElectron(setup: FakeSetup) {
  const log: string[] = [];
  let ready = false;
  let becomeReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (becomeReady = resolve));
  const beforeReady = (what: string) => {
    // Electron refuses these once the app is ready; the fake does too, so a late call cannot pass.
    if (ready) throw new Error(`${what} must be called before the app is ready`);
  };

  const app = Object.assign(new FakeEmitter(log, 'app'), {
    quitCalls: 0,
    exitCodes: [] as number[],
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
      return setup.userData;
    },
    getLocale: () => setup.locale,
    getVersion: () => '9.8.7',
    enableSandbox() {
      beforeReady('enableSandbox');
      log.push('app.enableSandbox');
    },
    whenReady: () => readyPromise,
    quit() {
      app.quitCalls += 1;
    },
    exit(code: number) {
      app.exitCodes.push(code);
    },
  });

  const windows: FakeWindow[] = [];
  class FakeWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents(log, 'webContents');
    title = '';
    documentEdited = false;
    maximizeCalls = 0;
    shown = false;
    maximized = false;
    normalBounds = { x: 40, y: 60, width: 1100, height: 700 };
    loadedUrl: string | null = null;
    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      super(log, 'window');
      log.push('new BrowserWindow');
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    maximize() {
      this.maximizeCalls += 1;
    }
    show() {
      this.shown = true;
    }
    setTitle(title: string) {
      this.title = title;
    }
    setDocumentEdited(edited: boolean) {
      this.documentEdited = edited;
    }
    getNormalBounds() {
      return this.normalBounds;
    }
    isMaximized() {
      return this.maximized;
    }
    async loadURL(url: string) {
      log.push('window.loadURL');
      this.loadedUrl = url;
      if (setup.loadUrlFails) throw new Error('ERR_FAILED (-2) loading app://scenario-desk/index.html');
    }
    /** What a click on the window's close button leads to: true when the window may close. */
    requestClose(): boolean {
      return this.allows('close');
    }
  }

  const privilegedSchemes: unknown[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged(schemes: unknown[]) {
      beforeReady('registerSchemesAsPrivileged');
      log.push('protocol.registerSchemesAsPrivileged');
      privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>) {
      log.push(`protocol.handle:${scheme}`);
      protocolHandlers.set(scheme, handler);
    },
  };

  const permissionHandlers: {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
    check?: (...args: unknown[]) => boolean;
    device?: (...args: unknown[]) => boolean;
  } = {};
  const session = {
    defaultSession: {
      setPermissionRequestHandler(handler: typeof permissionHandlers.request) {
        log.push('session.setPermissionRequestHandler');
        permissionHandlers.request = handler;
      },
      setPermissionCheckHandler(handler: typeof permissionHandlers.check) {
        log.push('session.setPermissionCheckHandler');
        permissionHandlers.check = handler;
      },
      setDevicePermissionHandler(handler: typeof permissionHandlers.device) {
        log.push('session.setDevicePermissionHandler');
        permissionHandlers.device = handler;
      },
    },
  };

  const fetched: string[] = [];
  const net = {
    async fetch(url: string) {
      fetched.push(url);
      let bytes: Buffer;
      try {
        bytes = await readFile(fileURLToPath(url));
      } catch {
        throw new Error('net::ERR_FILE_NOT_FOUND');
      }
      const type = url.endsWith('.html') ? 'text/html' : url.endsWith('.svg') ? 'image/svg+xml' : 'application/octet-stream';
      return new Response(new Uint8Array(bytes), { status: 200, headers: { 'Content-Type': type } });
    },
  };

  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain = {
    handle(channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) {
      // Electron throws on a second handler for one channel.
      if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      log.push(`ipcMain.handle:${channel}`);
      ipcHandlers.set(channel, handler);
    },
  };

  const applicationMenus: MenuItemConstructorOptions[][] = [];
  const Menu = {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
    setApplicationMenu(menu: { template: MenuItemConstructorOptions[] } | null) {
      log.push('Menu.setApplicationMenu');
      if (menu) applicationMenus.push(menu.template);
    },
  };

  const messageBoxes: {
    parent: unknown;
    options: { type?: string; message: string; detail?: string; buttons?: string[]; defaultId?: number; cancelId?: number };
  }[] = [];
  const messageBoxAnswers: number[] = [];
  const openDialogs: unknown[][] = [];
  const saveDialogs: unknown[][] = [];
  const openAnswers: { canceled: boolean; filePaths: string[] }[] = [];
  const saveAnswers: { canceled: boolean; filePath?: string }[] = [];
  const dialog = {
    showMessageBoxSync(parent: unknown, options: (typeof messageBoxes)[number]['options']) {
      messageBoxes.push({ parent, options });
      return messageBoxAnswers.shift() ?? 0;
    },
    async showOpenDialog(...args: unknown[]) {
      openDialogs.push(args);
      return openAnswers.shift() ?? { canceled: true, filePaths: [] };
    },
    async showSaveDialog(...args: unknown[]) {
      saveDialogs.push(args);
      return saveAnswers.shift() ?? { canceled: true };
    },
  };

  // The fake carries only the members the wiring uses, with simpler signatures than Electron's
  // overloads (events, options, WebFrameMain…), so it cannot satisfy the full module types.
  const modules = { app, BrowserWindow: FakeWindow, dialog, ipcMain, Menu, net, protocol, session } as unknown as ElectronModules;

  return {
    modules,
    log,
    app,
    windows,
    privilegedSchemes,
    protocolHandlers,
    permissionHandlers,
    fetched,
    ipcHandlers,
    applicationMenus,
    messageBoxes,
    messageBoxAnswers,
    openDialogs,
    saveDialogs,
    openAnswers,
    saveAnswers,
    becomeReady() {
      ready = true;
      log.push('ready');
      becomeReady();
    },
    /** Calls a bridge channel the way the preload does, from a frame with this URL (null: no frame). */
    async invoke(fn: DeskRequest, senderUrl: string | null, ...args: unknown[]): Promise<IpcResult<unknown>> {
      const handler = ipcHandlers.get(ipcChannelName(fn));
      if (!handler) throw new Error(`no handler for ${fn}`);
      return (await handler({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, ...args)) as IpcResult<unknown>;
    },
  };
}

const preloadPath = '/opt/scenario-desk/dist/electron/preload.cjs';

interface LaunchOptions {
  locale?: string;
  /** Writes into the user-data folder before the app starts. */
  prepare?: (userData: string) => Promise<void>;
  createSettingsStore?: (options: SettingsStoreOptions) => SettingsStore;
  loadUrlFails?: boolean;
  /** Leaves the app before `ready`, for tests of what must happen first. */
  stayBeforeReady?: boolean;
}

async function launch(launchOptions: LaunchOptions = {}) {
  const userData = await tempDir('sdesk-main-userdata-');
  const rendererRoot = await tempDir('sdesk-main-renderer-');
  await writeFile(path.join(rendererRoot, 'index.html'), '<!doctype html><title>Scenario Desk</title>');
  await mkdir(path.join(rendererRoot, 'assets'));
  await writeFile(path.join(rendererRoot, 'assets', '情景.svg'), '<svg/>');
  await writeFile(path.join(path.dirname(rendererRoot), `${path.basename(rendererRoot)}-secret.txt`), 'outside');
  await launchOptions.prepare?.(userData);

  const fake = createFakeElectron({ userData, locale: launchOptions.locale ?? 'zh-CN', loadUrlFails: launchOptions.loadUrlFails ?? false });
  const storeOptions: SettingsStoreOptions[] = [];
  const stores: SettingsStore[] = [];
  const errors: string[] = [];
  const started = startMainProcess(fake.modules, {
    rendererRoot,
    preloadPath,
    createSettingsStore(options) {
      storeOptions.push(options);
      const store = launchOptions.createSettingsStore ? launchOptions.createSettingsStore(options) : { store: options.defaults };
      stores.push(store);
      return store;
    },
    reportError: (message) => errors.push(message),
  });
  if (!launchOptions.stayBeforeReady) {
    fake.becomeReady();
    await started;
  }
  const mainWindow = () => {
    const window = fake.windows[0];
    if (!window) throw new Error('no window was opened');
    return window;
  };
  return { fake, started, userData, rendererRoot, storeOptions, stores, errors, mainWindow };
}

async function writeSettings(userData: string, settings: Partial<Settings>): Promise<void> {
  await writeFile(path.join(userData, 'settings.json'), JSON.stringify({ ...defaultSettings, ...settings }));
}

function indexOf(log: string[], entry: string): number {
  const index = log.indexOf(entry);
  if (index < 0) throw new Error(`"${entry}" was never called; calls: ${log.join(', ')}`);
  return index;
}

/** Every item of a menu template, submenus included. */
function menuItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? menuItems(item.submenu) : [])]);
}
function menuLabels(template: MenuItemConstructorOptions[]): string[] {
  return menuItems(template).map((item) => item.label ?? item.role ?? item.type ?? '?');
}
/** Clicks every item that has a click handler; the app's handlers ignore Electron's arguments. */
function clickEverything(template: MenuItemConstructorOptions[]): void {
  for (const item of menuItems(template)) if (item.click) (item.click as () => void)();
}
/** The commands menu.ts itself sends for a full round of clicks, to compare the wiring against. */
function commandsOfMenu(language: 'zh' | 'en'): string[] {
  const sent: string[] = [];
  clickEverything(menuTemplate(language, (command) => sent.push(command)));
  return sent;
}

const checklistFlags = {
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
};

describe('startMainProcess: before the app is ready', () => {
  it('registers app:// as a standard, secure scheme and turns the sandbox on before the app is ready', async () => {
    const { fake, started } = await launch({ stayBeforeReady: true });
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
    expect(fake.log).toContain('app.enableSandbox');
    expect(fake.log).not.toContain('new BrowserWindow');
    fake.becomeReady();
    await started;
    expect(indexOf(fake.log, 'protocol.registerSchemesAsPrivileged')).toBeLessThan(indexOf(fake.log, 'ready'));
    expect(indexOf(fake.log, 'app.enableSandbox')).toBeLessThan(indexOf(fake.log, 'new BrowserWindow'));
  });
});

describe('startMainProcess: window security', () => {
  it('hardens every web contents, the main window’s included, from a hook installed before any window', async () => {
    const { fake, mainWindow } = await launch();
    expect(indexOf(fake.log, 'app.on:web-contents-created')).toBeLessThan(indexOf(fake.log, 'new BrowserWindow'));
    const contents = mainWindow().webContents;
    expect(contents.allows('will-navigate', 'https://example.com/')).toBe(false);
    expect(contents.allows('will-redirect', 'file:///etc/passwd')).toBe(false);
    expect(contents.allows('will-navigate', 'app://scenario-desk/index.html#targets')).toBe(true);
    expect(contents.allows('will-attach-webview', {}, {})).toBe(false);
    expect(contents.windowOpenHandler?.({ url: 'app://scenario-desk/index.html' })).toEqual({ action: 'deny' });

    const other = new FakeWebContents([], 'other');
    fake.app.emit('web-contents-created', {}, other);
    expect(other.allows('will-navigate', 'https://example.com/')).toBe(false);
    expect(other.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('refuses every permission on the default session before the page loads', async () => {
    const { fake } = await launch();
    const { request, check, device } = fake.permissionHandlers;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'fullscreen']) {
      const answers: boolean[] = [];
      request?.(null, permission, (granted) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
      expect(check?.(null, permission, 'app://scenario-desk', {}), permission).toBe(false);
    }
    expect(device?.({ deviceType: 'usb', origin: 'app://scenario-desk' })).toBe(false);
    const loads = indexOf(fake.log, 'window.loadURL');
    for (const setter of ['session.setPermissionRequestHandler', 'session.setPermissionCheckHandler', 'session.setDevicePermissionHandler']) {
      expect(indexOf(fake.log, setter), setter).toBeLessThan(loads);
    }
  });

  it('opens the window with every security flag of the checklist and loads the app’s entry page', async () => {
    const { mainWindow } = await launch();
    const window = mainWindow();
    expect(window.options.webPreferences).toMatchObject({ ...checklistFlags, preload: preloadPath });
    // Nothing is added to or weakened from what secureWindowOptions makes.
    expect(window.options.webPreferences).toEqual(secureWindowOptions(preloadPath, { width: 1280, height: 820 }, '#fff').webPreferences);
    expect(window.options).toMatchObject({ show: false, width: 1280, height: 820 });
    expect(window.loadedUrl).toBe(appEntryUrl);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('restates every security flag literally at `new BrowserWindow`, where the static scanner reads them', async () => {
    const sourcePath = fileURLToPath(new URL('./start-main-process.ts', import.meta.url));
    const source = ts.createSourceFile(sourcePath, await readFile(sourcePath, 'utf8'), ts.ScriptTarget.Latest, true);
    const restated: Record<string, unknown>[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'BrowserWindow') {
        const options = node.arguments?.[0];
        const prefs = options && ts.isObjectLiteralExpression(options) ? options.properties.find((p) => p.name?.getText() === 'webPreferences') : undefined;
        const literal: Record<string, unknown> = {};
        if (prefs && ts.isPropertyAssignment(prefs) && ts.isObjectLiteralExpression(prefs.initializer)) {
          for (const property of prefs.initializer.properties) {
            if (!ts.isPropertyAssignment(property)) continue;
            const value = property.initializer;
            literal[property.name.getText()] =
              value.kind === ts.SyntaxKind.TrueKeyword
                ? true
                : value.kind === ts.SyntaxKind.FalseKeyword
                  ? false
                  : ts.isStringLiteral(value)
                    ? value.text
                    : '(not a literal)';
          }
        }
        restated.push(literal);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(restated).toEqual([checklistFlags]);
  });
});

describe('startMainProcess: the app:// protocol', () => {
  it('serves the renderer’s files with the content security policy and nosniff, and nothing outside its folder', async () => {
    const { fake, rendererRoot } = await launch();
    expect([...fake.protocolHandlers.keys()]).toEqual(['app']);
    expect(indexOf(fake.log, 'protocol.handle:app')).toBeLessThan(indexOf(fake.log, 'window.loadURL'));
    const serve = fake.protocolHandlers.get('app');
    if (!serve) throw new Error('no app:// handler');

    const page = await serve(new Request('app://scenario-desk/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<!doctype html><title>Scenario Desk</title>');
    expect(page.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
    expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(page.headers.get('Content-Type')).toBe('text/html');
    expect(fake.fetched).toEqual([pathToFileURL(path.join(rendererRoot, 'index.html')).toString()]);

    const image = await serve(new Request('app://scenario-desk/assets/%E6%83%85%E6%99%AF.svg'));
    expect([image.status, await image.text(), image.headers.get('Content-Security-Policy')]).toEqual([200, '<svg/>', contentSecurityPolicy]);

    fake.fetched.length = 0;
    const escape = `app://scenario-desk/..%2f${path.basename(rendererRoot)}-secret.txt`;
    for (const url of [escape, 'app://other-host/index.html', 'app://scenario-desk/missing.js']) {
      const refused = await serve(new Request(url));
      expect(refused.status, url).toBe(404);
      expect(await refused.text(), url).toBe('Not found');
      expect(refused.headers.get('Content-Security-Policy'), url).toBe(contentSecurityPolicy);
      expect(refused.headers.get('X-Content-Type-Options'), url).toBe('nosniff');
    }
    expect(fake.fetched).toEqual([pathToFileURL(path.join(rendererRoot, 'missing.js')).toString()]);
  });
});

describe('startMainProcess: the bridge', () => {
  it('answers every bridge channel, each with its own function, and only from the app’s own frame', async () => {
    const { fake } = await launch();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(deskRequestNames.map(ipcChannelName).sort());
    const loads = indexOf(fake.log, 'window.loadURL');
    for (const fn of deskRequestNames) expect(indexOf(fake.log, `ipcMain.handle:${ipcChannelName(fn)}`), fn).toBeLessThan(loads);

    expect(await fake.invoke('getAppInfo', appEntryUrl)).toEqual({
      ok: true,
      value: { name: 'Scenario Desk', version: '9.8.7', platform: process.platform, locale: 'zh-CN', shell: 'electron' },
    });
    expect(await fake.invoke('getSettings', appEntryUrl)).toEqual({ ok: true, value: { settings: defaultSettings, notices: [] } });
    expect(await fake.invoke('setSettings', appEntryUrl, { theme: 'dark' })).toEqual({ ok: true, value: { ...defaultSettings, theme: 'dark' } });

    for (const fn of deskRequestNames) {
      for (const sender of ['https://evil.example/', 'file:///tmp/page.html', 'app://other/index.html', null]) {
        expect(await fake.invoke(fn, sender), `${fn} from ${String(sender)}`).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      }
    }
  });

  it('shows the document’s title and unsaved state in the window', async () => {
    const { fake, mainWindow } = await launch();
    await fake.invoke('setDocumentState', appEntryUrl, { title: 'plan.sdesk', dirty: true });
    expect([mainWindow().title, mainWindow().documentEdited]).toEqual(['● plan.sdesk — Scenario Desk 情景推演台', true]);
    await fake.invoke('setDocumentState', appEntryUrl, { title: 'plan.sdesk', dirty: false });
    expect([mainWindow().title, mainWindow().documentEdited]).toEqual(['plan.sdesk — Scenario Desk 情景推演台', false]);
  });

  it('opens the native file dialogs over the window', async () => {
    const { fake, mainWindow, userData } = await launch();
    expect(await fake.invoke('openWorkspace', appEntryUrl)).toEqual({ ok: true, value: null });
    expect(fake.openDialogs[0]?.[0]).toBe(mainWindow());

    const target = path.join(userData, 'plan.sdesk');
    fake.saveAnswers.push({ canceled: false, filePath: target });
    const saved = await fake.invoke('saveWorkspaceAs', appEntryUrl, 'plan', '{"formatVersion":2}');
    expect(saved).toMatchObject({ ok: true, value: { name: 'plan.sdesk' } });
    expect(fake.saveDialogs[0]?.[0]).toBe(mainWindow());
    expect(fake.saveDialogs[0]?.[1]).toMatchObject({ defaultPath: 'plan.sdesk' });
    expect(await readFile(target, 'utf8')).toBe('{"formatVersion":2}');
  });
});

describe('startMainProcess: menu, close prompt and window placement', () => {
  it('builds the menu in the system language, sends its commands to the page, and rebuilds it when the language changes', async () => {
    const { fake, mainWindow } = await launch({ locale: 'zh-CN' });
    const zhLabels = menuLabels(menuTemplate('zh', () => undefined));
    const enLabels = menuLabels(menuTemplate('en', () => undefined));
    expect(zhLabels).not.toEqual(enLabels);
    expect(fake.applicationMenus.map(menuLabels)).toEqual([zhLabels]);

    const expected = commandsOfMenu('zh');
    expect(expected.length).toBeGreaterThan(0);
    clickEverything(fake.applicationMenus[0] ?? []);
    expect(mainWindow().webContents.sent).toEqual(expected.map((command) => [menuCommandChannel, command]));

    await fake.invoke('setSettings', appEntryUrl, { language: 'en' });
    expect(fake.applicationMenus.map(menuLabels)).toEqual([zhLabels, enLabels]);
    mainWindow().webContents.sent.length = 0;
    clickEverything(fake.applicationMenus[1] ?? []);
    expect(mainWindow().webContents.sent).toEqual(commandsOfMenu('en').map((command) => [menuCommandChannel, command]));

    // A change that leaves the language as it is does not rebuild the menu.
    await fake.invoke('setSettings', appEntryUrl, { theme: 'dark' });
    expect(fake.applicationMenus).toHaveLength(2);
    // 'system' follows the operating system again.
    await fake.invoke('setSettings', appEntryUrl, { language: 'system' });
    expect(fake.applicationMenus.map(menuLabels)).toEqual([zhLabels, enLabels, zhLabels]);
  });

  it('builds the menu in the language the settings name, over the system’s', async () => {
    const { fake } = await launch({ locale: 'zh-CN', prepare: (userData) => writeSettings(userData, { language: 'en' }) });
    expect(fake.applicationMenus.map(menuLabels)).toEqual([menuLabels(menuTemplate('en', () => undefined))]);
    const english = await launch({ locale: 'en-US' });
    expect(english.fake.applicationMenus.map(menuLabels)).toEqual([menuLabels(menuTemplate('en', () => undefined))]);
  });

  it('asks before closing a window with unsaved changes, in the current language, and keeps it open on Cancel', async () => {
    const { fake, mainWindow, stores } = await launch({ locale: 'zh-CN' });
    const window = mainWindow();
    expect(window.requestClose()).toBe(true);
    expect(fake.messageBoxes).toHaveLength(0);

    const store = stores[0];
    if (!store) throw new Error('no settings store');
    // The close just allowed saved the placement; cleared, it shows whether a refused close saves it.
    store.store = { ...store.store, windowBounds: null };

    await fake.invoke('setDocumentState', appEntryUrl, { title: 'plan.sdesk', dirty: true });
    fake.messageBoxAnswers.push(0);
    expect(window.requestClose()).toBe(false);
    expect(fake.messageBoxes).toHaveLength(1);
    expect(fake.messageBoxes[0]?.parent).toBe(window);
    expect(fake.messageBoxes[0]?.options).toMatchObject({
      type: 'warning',
      defaultId: 0,
      cancelId: 0,
      message: expect.stringMatching(/[\u4e00-\u9fff]/),
      buttons: ['取消', '关闭'],
    });
    // A window that stays open has not been closed: its placement is not saved.
    expect(store.store.windowBounds).toBeNull();

    fake.messageBoxAnswers.push(1);
    expect(window.requestClose()).toBe(true);
    expect(fake.messageBoxes).toHaveLength(2);

    await fake.invoke('setSettings', appEntryUrl, { language: 'en' });
    fake.messageBoxAnswers.push(0);
    expect(window.requestClose()).toBe(false);
    expect(fake.messageBoxes[2]?.options).toMatchObject({ message: 'The workspace has changes not saved to its file.', buttons: ['Cancel', 'Close'] });
  });

  it('remembers the window’s placement when it closes and reopens there', async () => {
    const first = await launch();
    const window = first.mainWindow();
    window.normalBounds = { x: 10, y: 20, width: 1100, height: 700 };
    window.maximized = true;
    expect(window.requestClose()).toBe(true);
    const store = first.stores[0];
    if (!store) throw new Error('no settings store');
    expect(store.store.windowBounds).toEqual({ x: 10, y: 20, width: 1100, height: 700, maximized: true });

    const second = await launch({ createSettingsStore: () => store });
    expect(second.mainWindow().options).toMatchObject({ x: 10, y: 20, width: 1100, height: 700 });
    expect(second.mainWindow().maximizeCalls).toBe(1);
    expect(first.mainWindow().maximizeCalls).toBe(0);
  });

  it('quits when the last window closes', async () => {
    const { fake } = await launch();
    expect(fake.app.quitCalls).toBe(0);
    fake.app.emit('window-all-closed');
    expect(fake.app.quitCalls).toBe(1);
  });
});

describe('startMainProcess: settings and failures', () => {
  it('removes the temporary files a killed save left in the user-data folder more than a day ago, and keeps the rest', async () => {
    const dayAndMore = new Date(Date.now() - 25 * 60 * 60 * 1000);
    const orphan = '.draft.sdesk.json.0123456789abcdef0123456789abcdef.tmp';
    const recent = '.settings.json.fedcba9876543210fedcba9876543210.tmp';
    const { userData } = await launch({
      prepare: async (dir) => {
        await writeFile(path.join(dir, orphan), '{"half":');
        await utimes(path.join(dir, orphan), dayAndMore, dayAndMore);
        await writeFile(path.join(dir, recent), '{"in progress":');
        await writeFile(path.join(dir, 'notes.tmp'), 'the user’s own file');
        await utimes(path.join(dir, 'notes.tmp'), dayAndMore, dayAndMore);
      },
    });
    const left = await readdir(userData);
    expect(left).not.toContain(orphan);
    expect(left).toContain(recent);
    expect(left).toContain('notes.tmp');
  });

  it('keeps the settings in a store in the user-data folder, started from the settings file', async () => {
    const { storeOptions, userData, fake } = await launch({ prepare: (dir) => writeSettings(dir, { theme: 'dark', lastView: 'targets' }) });
    expect(storeOptions).toEqual([
      { name: 'settings', cwd: userData, clearInvalidConfig: false, defaults: { ...defaultSettings, theme: 'dark', lastView: 'targets' } },
    ]);
    expect(await fake.invoke('getSettings', appEntryUrl)).toMatchObject({ ok: true, value: { settings: { theme: 'dark', lastView: 'targets' }, notices: [] } });
  });

  it('starts with defaults and says so when a directory is where the settings file should be', async () => {
    const { fake, userData, mainWindow } = await launch({ prepare: (dir) => mkdir(path.join(dir, 'settings.json')) });
    expect(mainWindow().loadedUrl).toBe(appEntryUrl);
    expect(fake.app.exitCodes).toEqual([]);
    const answer = await fake.invoke('getSettings', appEntryUrl);
    expect(answer).toMatchObject({ ok: true, value: { settings: defaultSettings, notices: [{ kind: 'settings-quarantined' }] } });
    const notice = answer.ok ? (answer.value as { notices: { quarantineFileName: string }[] }).notices[0] : undefined;
    expect((await stat(path.join(userData, notice?.quarantineFileName ?? 'missing'))).isDirectory()).toBe(true);
  });

  it('sets a damaged workspace registry aside byte for byte, starts, and tells the renderer with the settings notices', async () => {
    const damaged = '{"5f0c3a1e-recent": "/home/analyst/plan.sdesk", ';
    const recentFiles = [{ id: '5f0c3a1e-recent', name: 'plan.sdesk', modifiedAt: null }];
    const { fake, userData, mainWindow } = await launch({
      prepare: async (dir) => {
        await writeSettings(dir, { recentFiles });
        await writeFile(path.join(dir, 'workspace-registry.json'), damaged);
      },
    });
    expect(mainWindow().loadedUrl).toBe(appEntryUrl);
    const answer = await fake.invoke('getSettings', appEntryUrl);
    expect(answer).toMatchObject({
      ok: true,
      value: {
        settings: { recentFiles },
        notices: [{ kind: 'registry-quarantined', quarantineFileName: expect.stringMatching(/^workspace-registry\.quarantine-[\dT-]+Z\.json$/) }],
      },
    });
    const notice = answer.ok ? (answer.value as { notices: { quarantineFileName: string }[] }).notices[0] : undefined;
    expect(await readFile(path.join(userData, notice?.quarantineFileName ?? 'missing'), 'utf8')).toBe(damaged);
    expect(JSON.parse(await readFile(path.join(userData, 'workspace-registry.json'), 'utf8'))).toEqual({});
    // The recent entry stays in the settings but leads nowhere until the file is opened again.
    expect(await fake.invoke('listWorkspaces', appEntryUrl)).toEqual({ ok: true, value: [] });
  });

  it('still starts, with recent files kept in memory, when the registry can neither be read nor set aside, and leaves it alone', async () => {
    const registryFile = (dir: string) => path.join(dir, 'workspace-registry.json');
    let userDataDir = '';
    const denied = () => Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const realReadFile = fsPromises.readFile.bind(fsPromises);
    const realRename = fsPromises.rename.bind(fsPromises);
    vi.spyOn(fsPromises, 'readFile').mockImplementation(((file: Parameters<typeof realReadFile>[0], ...rest: unknown[]) =>
      file === registryFile(userDataDir)
        ? Promise.reject(denied())
        : (realReadFile as (...args: unknown[]) => Promise<unknown>)(file, ...rest)) as typeof fsPromises.readFile);
    vi.spyOn(fsPromises, 'rename').mockImplementation(((from: string, to: string) =>
      from === registryFile(userDataDir) ? Promise.reject(denied()) : realRename(from, to)) as typeof fsPromises.rename);
    try {
      const { fake, mainWindow, errors, userData } = await launch({
        prepare: async (dir) => {
          userDataDir = dir;
          await writeFile(registryFile(dir), 'the registry as it was');
        },
      });
      expect(mainWindow().loadedUrl).toBe(appEntryUrl);
      expect(errors).toEqual([expect.stringContaining('The workspace registry could not be read or moved aside')]);
      expect(await fake.invoke('getSettings', appEntryUrl)).toMatchObject({ ok: true, value: { notices: [] } });
      vi.restoreAllMocks();
      expect(await readFile(registryFile(userData), 'utf8')).toBe('the registry as it was');
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('still starts, with settings kept in memory, when the settings store cannot be opened', async () => {
    const { fake, mainWindow, errors } = await launch({
      createSettingsStore: () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    });
    expect(mainWindow().loadedUrl).toBe(appEntryUrl);
    expect(errors).toEqual([expect.stringContaining('EACCES')]);
    expect(await fake.invoke('setSettings', appEntryUrl, { language: 'en' })).toMatchObject({ ok: true, value: { language: 'en' } });
    expect(await fake.invoke('getSettings', appEntryUrl)).toMatchObject({ ok: true, value: { settings: { language: 'en' } } });
  });

  it('reports a failed start and exits instead of leaving a process without a window', async () => {
    const { fake, errors } = await launch({ loadUrlFails: true });
    expect(fake.app.exitCodes).toEqual([1]);
    expect(errors).toEqual(['Scenario Desk could not start: ERR_FAILED (-2) loading app://scenario-desk/index.html']);
  });
});
