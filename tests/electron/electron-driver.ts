/**
 * The journeys against the real Electron binary (tests/electron/app.spec.ts, where one exists).
 * In the main process, `dialog.showOpenDialog` / `showSaveDialog` are replaced through
 * `electronApp.evaluate` by functions that hand out the answers the test queued (and cancel when
 * none is queued, so no native dialog can block a run); menu commands click the items of
 * `Menu.getApplicationMenu()`; the document state is read from the window's title.
 *
 * NOT RUN on the build machines: they have no Electron binary (see app.spec.ts). Written against
 * Playwright's `_electron` API and electron/app/start-main-process.ts.
 */
import { _electron as electron, expect, type ElectronApplication, type Page } from '@playwright/test';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DocumentState, MenuCommand, WorkspaceDraft } from '../../shared/platform/desk-api';
import { userDataFiles } from '../desktop/desktop-main';
import { watchPageErrors } from '../helpers/app';
import {
  parseDocumentTitle,
  readIfThere,
  reloadApp,
  settle,
  shellReady,
  trackRequests,
  type FileToOpen,
  type JourneyDriver,
  type SavedFile,
  type StoredWorkspace,
} from '../journeys/driver';

type DialogKind = 'open' | 'save';

/** What the replaced dialogs keep on globalThis in the main process. */
interface DialogLog {
  answers: Record<DialogKind, (string | null)[]>;
  shown: { kind: DialogKind; defaultPath: string | null; answer: string | null }[];
}

const dialogLogKey = '__sdeskTestDialogs';

export class ElectronDriver implements JourneyDriver {
  readonly edition = 'electron';
  private app: ElectronApplication | null = null;
  private window: Page | null = null;
  private root = '';
  private userData = '';
  private documents = '';
  private readonly pageProblems: string[][] = [];

  constructor(private readonly binary: string) {}

  get problems(): string[] {
    return this.pageProblems.flat();
  }

  get page(): Page {
    if (!this.window) throw new Error('the app is not running: call start() first');
    return this.window;
  }

  async start(): Promise<void> {
    this.root = await mkdtemp(path.join(os.tmpdir(), 'sdesk-electron-'));
    this.documents = path.join(this.root, 'documents');
    await mkdir(this.documents);
    await this.launch();
  }

  async reload(): Promise<void> {
    await reloadApp(this.page);
  }

  async restart(): Promise<void> {
    await settle(this.page);
    await this.quit();
    await this.launch();
  }

  /** Quits the app; the close prompt (asked when the document is dirty) is answered "Close". */
  async quit(): Promise<void> {
    if (!this.app) return;
    await this.app.evaluate(({ dialog }) => {
      dialog.showMessageBoxSync = () => 1;
    });
    await this.app.close();
    this.app = null;
    this.window = null;
  }

  /** Quits and removes the folders. */
  async dispose(keepFolders: boolean): Promise<void> {
    await this.quit();
    if (this.root && !keepFolders) await rm(this.root, { recursive: true, force: true });
  }

  async runCommand(command: MenuCommand): Promise<void> {
    const clicked = await this.electronApp().evaluate(({ Menu }, id) => {
      const item = Menu.getApplicationMenu()?.getMenuItemById(id);
      if (!item) return false;
      item.click();
      return true;
    }, command);
    expect(clicked, `the application menu has an item with id '${command}'`).toBe(true);
  }

  async saveFile(fileName: string, action: () => Promise<void>): Promise<SavedFile> {
    const target = path.join(this.documents, fileName);
    const shown = await this.answerNext('save', target, action);
    // The main process writes a temporary file and renames it into place: once the name exists, the file is whole.
    await expect.poll(async () => (await readIfThere(target)) !== null, { message: `${fileName} was written`, timeout: 30_000 }).toBe(true);
    return { name: fileName, suggestedName: path.basename(shown.defaultPath ?? ''), bytes: await readFile(target) };
  }

  async openFile(file: FileToOpen, action: () => Promise<void>): Promise<void> {
    const source = path.join(this.documents, file.name);
    await writeFile(source, file.bytes);
    await this.answerNext('open', source, action);
  }

  async readWorkspace(fileName: string): Promise<StoredWorkspace | null> {
    const filePath = path.join(this.documents, fileName);
    const bytes = await readIfThere(filePath);
    return bytes ? { bytes, backup: await readIfThere(`${filePath}.bak`) } : null;
  }

  async damageWorkspace(fileName: string): Promise<void> {
    const filePath = path.join(this.documents, fileName);
    await writeFile(filePath, (await readFile(filePath, 'utf8')).slice(0, 200));
  }

  async readDraft(): Promise<WorkspaceDraft | null> {
    const bytes = await readIfThere(path.join(this.userData, userDataFiles.draft));
    return bytes ? (JSON.parse(bytes.toString('utf8')) as WorkspaceDraft) : null;
  }

  async readStoredDraft(setAsideFileName?: string): Promise<Buffer | null> {
    return readIfThere(path.join(this.userData, setAsideFileName ?? userDataFiles.draft));
  }

  async documentState(): Promise<DocumentState | null> {
    const title = await this.electronApp().evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');
    return parseDocumentTitle(title);
  }

  async readStoredSettings(): Promise<Record<string, unknown> | null> {
    const bytes = await readIfThere(path.join(this.userData, userDataFiles.settings));
    return bytes ? (JSON.parse(bytes.toString('utf8')) as Record<string, unknown>) : null;
  }

  private electronApp(): ElectronApplication {
    if (!this.app) throw new Error('the app is not running');
    return this.app;
  }

  private async launch(): Promise<void> {
    const app = await electron.launch({
      executablePath: this.binary,
      args: ['.', `--user-data-dir=${path.join(this.root, 'user-data')}`, '--lang=zh-CN'],
      env: { ...process.env, LANG: 'zh_CN.UTF-8' },
    });
    this.app = app;
    this.userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
    await app.evaluate(({ dialog }, key) => {
      const log: DialogLog = { answers: { open: [], save: [] }, shown: [] };
      Reflect.set(globalThis, key, log);
      const next = (kind: DialogKind, defaultPath: string | null) => {
        // No answer queued: cancel, so that no native dialog ever waits for a person.
        const answer = log.answers[kind].shift() ?? null;
        log.shown.push({ kind, defaultPath, answer });
        return answer;
      };
      // Both overloads: (window, options) and (options).
      const optionsOf = (a: unknown, b: unknown) => ((b ?? a) as { defaultPath?: string } | undefined) ?? {};
      dialog.showOpenDialog = (async () => {
        const answer = next('open', null);
        return { canceled: answer === null, filePaths: answer === null ? [] : [answer] };
      }) as typeof dialog.showOpenDialog;
      dialog.showSaveDialog = (async (a: unknown, b?: unknown) => {
        const answer = next('save', optionsOf(a, b).defaultPath ?? null);
        return answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer };
      }) as typeof dialog.showSaveDialog;
    }, dialogLogKey);
    const window = await app.firstWindow();
    this.window = window;
    this.pageProblems.push(watchPageErrors(window));
    trackRequests(window);
    await shellReady(window);
  }

  /** Queues `answer` for the next dialog of `kind`, runs `action`, and waits until that dialog was shown. */
  private async answerNext(kind: DialogKind, answer: string, action: () => Promise<void>): Promise<DialogLog['shown'][number]> {
    const app = this.electronApp();
    const shownBefore = await app.evaluate(
      (_electron, [key, k, a]) => {
        const log = Reflect.get(globalThis, key) as DialogLog;
        log.answers[k].push(a);
        return log.shown.length;
      },
      [dialogLogKey, kind, answer] as const,
    );
    await action();
    let shown: DialogLog['shown'][number] | undefined;
    await expect
      .poll(
        async () => {
          shown = await app.evaluate((_electron, [key, from]) => (Reflect.get(globalThis, key) as DialogLog).shown.slice(from).at(0), [
            dialogLogKey,
            shownBefore,
          ] as const);
          return shown?.kind ?? null;
        },
        { message: `a ${kind} dialog was shown`, timeout: 30_000 },
      )
      .toBe(kind);
    if (!shown) throw new Error('unreachable: the poll found the dialog');
    return shown;
  }
}
