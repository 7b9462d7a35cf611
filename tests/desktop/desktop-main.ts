/**
 * The main process of the desktop harness: the real handlers of electron/ (createMainDeskApi
 * behind createIpcDispatcher, WorkspaceRegistry, loadSettingsFile, atomic writes) over real files
 * in a user-data folder, wired the way electron/main.ts wires them. Only what needs the Electron
 * binary is stood in for: dialogs are answered by the test through the `Dialogs` seam, settings
 * are kept by `conf` (the package electron-store is built on, with the options main.ts gives it),
 * and the window's title and close prompt are recorded as the document state.
 *
 * Nothing here knows about Playwright: `invoke` is the transport's entry point, so a unit test
 * can reach it too (set `globalThis.__deskIpcInvoke` to call it).
 */
import Conf from 'conf';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../electron/menu';
import { createIpcDispatcher, type IpcDispatcher } from '../../electron/ipc/dispatcher';
import { createMainDeskApi, type FileFilter } from '../../electron/ipc/main-desk-api';
import { loadSettingsFile } from '../../electron/settings/settings-file';
import { WorkspaceRegistry } from '../../electron/workspaces/workspace-registry';
import {
  deskRequestNames,
  ipcChannelName,
  type DeskRequest,
  type DocumentState,
  type IpcResult,
  type MenuCommand,
  type SettingsNotice,
} from '../../shared/platform/desk-api';
import type { Settings } from '../../shared/settings/settings';

/** What electron/main.ts names its files in the user-data folder. */
export const userDataFiles = {
  settings: 'settings.json',
  registry: 'workspace-registry.json',
  draft: 'draft.sdesk.json',
} as const;

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export type DialogKind = 'open' | 'save';

/** A dialog the app asked the main process to show. */
export interface DialogRequest {
  kind: DialogKind;
  /** The file name the save dialog proposes; `null` for an open dialog. */
  suggestedName: string | null;
  filters: FileFilter[];
  /** The path the test answered with, `null` for cancel; `undefined` while the dialog is still open. */
  answer?: string | null;
}

/** One request as it crossed the transport, after Electron's structured clone. */
export interface BridgeCall {
  fn: DeskRequest;
  args: unknown[];
  /** What the dispatcher answered; `undefined` while the request is still running. */
  result?: IpcResult<unknown>;
}

interface PendingDialog {
  request: DialogRequest;
  resolve(answer: string | null): void;
}

export interface DesktopMainOptions {
  userData: string;
  /** What `app.getLocale()` reports; the default is a Chinese system, like the other e2e tests. */
  locale?: string;
}

const channelToFunction = new Map<string, DeskRequest>(deskRequestNames.map((fn) => [ipcChannelName(fn), fn]));

/** The `Dialogs` seam of main-desk-api.ts, answered by the test instead of a person. */
class AnsweredDialogs {
  readonly shown: DialogRequest[] = [];
  private readonly queued: Record<DialogKind, (string | null)[]> = { open: [], save: [] };
  private readonly pending: PendingDialog[] = [];

  show(request: DialogRequest): Promise<string | null> {
    this.shown.push(request);
    const settle = (answer: string | null) => {
      request.answer = answer;
      return answer;
    };
    const queued = this.queued[request.kind];
    if (queued.length > 0) return Promise.resolve(settle(queued.shift() ?? null));
    return new Promise((resolve) => this.pending.push({ request, resolve: (answer) => resolve(settle(answer)) }));
  }

  answer(kind: DialogKind, answer: string | null): void {
    const index = this.pending.findIndex((p) => p.request.kind === kind);
    const [pending] = index >= 0 ? this.pending.splice(index, 1) : [];
    if (pending) pending.resolve(answer);
    else this.queued[kind].push(answer);
  }

  open(): DialogRequest[] {
    return this.pending.map((p) => p.request);
  }
}

export class DesktopMain {
  /** Every request the page made, in order. */
  readonly calls: BridgeCall[] = [];

  private constructor(
    readonly userData: string,
    readonly locale: string,
    readonly notices: SettingsNotice[],
    private readonly store: Conf<Settings>,
    private readonly dispatch: IpcDispatcher,
    private readonly answered: AnsweredDialogs,
    /** Every document state the page reported (window title, unsaved mark); the last is what the close prompt uses. */
    readonly documentStates: DocumentState[],
  ) {}

  /** Starts the main side as electron/main.ts does, from the files in `userData` (a restart reads them again). */
  static async start({ userData, locale = 'zh-CN' }: DesktopMainOptions): Promise<DesktopMain> {
    const loaded = await loadSettingsFile(path.join(userData, userDataFiles.settings));
    // electron-store 11 hands conf exactly these: its `name` becomes `configName`, and `projectVersion` is app.getVersion().
    const store = new Conf<Settings>({
      cwd: userData,
      configName: 'settings',
      clearInvalidConfig: false,
      defaults: loaded.settings,
      projectVersion: packageVersion,
    });
    const registry = await WorkspaceRegistry.load(path.join(userData, userDataFiles.registry));
    const notices = [...loaded.notices, ...registry.notices];
    const answered = new AnsweredDialogs();
    const documentStates: DocumentState[] = [];
    const api = createMainDeskApi({
      appInfo: { name: 'Scenario Desk', version: packageVersion, platform: process.platform, locale, shell: 'electron' },
      settings: { read: () => store.store, write: (next) => (store.store = next), notices },
      registry,
      dialogs: {
        chooseFileToOpen: (filters) => answered.show({ kind: 'open', suggestedName: null, filters }),
        chooseFileToSave: (suggestedName, filters) => answered.show({ kind: 'save', suggestedName, filters }),
      },
      draftFile: path.join(userData, userDataFiles.draft),
      showDocumentState: (state) => documentStates.push(state),
    });
    return new DesktopMain(userData, locale, notices, store, createIpcDispatcher(api), answered, documentStates);
  }

  /**
   * `ipcRenderer.invoke(channel, ...args)` arriving at `ipcMain.handle(channel, ...)`: the handler
   * main.ts registers for the channel runs the dispatcher with the sender frame's URL. The value is
   * structured-cloned on the way back, as Electron's IPC does (a Buffer arrives as a Uint8Array).
   */
  async invoke(channel: string, args: unknown[], senderFrameUrl: string | null): Promise<unknown> {
    const fn = channelToFunction.get(channel);
    // ipcMain's answer when nothing handles a channel.
    if (!fn) throw new Error(`No handler registered for '${channel}'`);
    const call: BridgeCall = { fn, args };
    this.calls.push(call);
    call.result = await this.dispatch(fn, senderFrameUrl, args);
    return structuredClone(call.result);
  }

  /** Every dialog shown, in order, with its answer once given. */
  get dialogs(): readonly DialogRequest[] {
    return this.answered.shown;
  }

  /** Dialogs shown and not yet answered. */
  openDialogs(): DialogRequest[] {
    return this.answered.open();
  }

  /** Answers the oldest open dialog of this kind, or else the next one shown: a path, or `null` to cancel. */
  answerDialog(kind: DialogKind, answer: string | null): void {
    this.answered.answer(kind, answer);
  }

  /** The last state the page reported: what the window title shows and whether closing would ask first. */
  get documentState(): DocumentState | null {
    return this.documentStates.at(-1) ?? null;
  }

  /** The settings as electron-store holds them. */
  get settings(): Settings {
    return this.store.store;
  }

  get settingsPath(): string {
    return this.store.path;
  }

  /** The language main.ts builds its menu in: the setting, or else the system's locale. */
  menuLanguage(): 'zh' | 'en' {
    const setting = this.store.store.language;
    if (setting !== 'system') return setting;
    return this.locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }

  /** The real native menu template; `send` stands for main.ts's `webContents.send(menuCommandChannel, command)`. */
  menu(send: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
    return menuTemplate(this.menuLanguage(), send);
  }
}

/** A menu item of the template, found by id in any submenu. */
export function findMenuItem(template: readonly MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | null {
  for (const item of template) {
    if (item.id === id) return item;
    if (Array.isArray(item.submenu)) {
      const found = findMenuItem(item.submenu, id);
      if (found) return found;
    }
  }
  return null;
}
