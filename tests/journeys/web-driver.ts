/**
 * The journeys in the browser edition: the browser bridge keeps settings in localStorage and
 * workspaces and the draft in IndexedDB, saves by download and opens through the file chooser;
 * a command runs through its keyboard shortcut, or through the command palette when it has none.
 */
import { expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { commandDeclaration, commandLabel } from '../../shared/commands';
import type { DocumentState, MenuCommand, WorkspaceDraft } from '../../shared/platform/desk-api';
import { openApp, watchPageErrors } from '../helpers/app';
import { parseDocumentTitle, reloadApp, settle, trackRequests, type FileToOpen, type JourneyDriver, type SavedFile, type StoredWorkspace } from './driver';

/** A shortcut of the catalog (`Mod+Shift+S`) as Playwright's keyboard writes it (`Control+Shift+S`, `Control+s`). */
export function playwrightKeys(notation: string): string {
  const parts = notation.split('+');
  const key = parts.pop() ?? '';
  const shift = parts.includes('Shift');
  const keys = parts.map((part) => (part === 'Mod' ? 'Control' : part));
  // A letter typed with Ctrl but without Shift is lower case, as a keyboard sends it.
  return [...keys, /^[A-Z]$/.test(key) && !shift ? key.toLowerCase() : key].join('+');
}

interface BrowserWorkspaceRecord {
  id: string;
  name: string;
  modifiedAt: string | null;
  text: string;
  backupText?: string;
}

export class WebDriver implements JourneyDriver {
  readonly edition = 'web';
  private current: Page;
  private readonly pageProblems: string[][] = [];

  constructor(page: Page) {
    this.current = page;
    this.watch(page);
  }

  get problems(): string[] {
    return this.pageProblems.flat();
  }

  get page(): Page {
    return this.current;
  }

  async start(): Promise<void> {
    await openApp(this.current);
  }

  async reload(): Promise<void> {
    await reloadApp(this.current);
  }

  /** The tab is closed and the app opened in a new one: the browser's storage is all that carries over. */
  async restart(): Promise<void> {
    await settle(this.current);
    const next = await this.current.context().newPage();
    this.watch(next);
    await this.current.close();
    this.current = next;
    await openApp(next);
  }

  async runCommand(command: MenuCommand): Promise<void> {
    const [shortcut] = commandDeclaration(command).shortcuts;
    if (shortcut) {
      await this.current.keyboard.press(playwrightKeys(shortcut));
      return;
    }
    // No shortcut: the command palette, by the command's name.
    const [paletteShortcut] = commandDeclaration('commandPalette').shortcuts;
    await this.current.keyboard.press(playwrightKeys(paletteShortcut ?? 'Mod+Shift+P'));
    const palette = this.current.getByTestId('command-palette');
    await expect(palette).toBeVisible();
    await palette.getByRole('combobox').fill(commandLabel(command, 'zh'));
    await this.current.keyboard.press('Enter');
    await expect(palette).toBeHidden();
  }

  async saveFile(_fileName: string, action: () => Promise<void>): Promise<SavedFile> {
    const download = this.current.waitForEvent('download');
    await action();
    const done = await download;
    const bytes = await readFile(await done.path());
    return { name: done.suggestedFilename(), suggestedName: done.suggestedFilename(), bytes };
  }

  async openFile(file: FileToOpen, action: () => Promise<void>): Promise<void> {
    const chooser = this.current.waitForEvent('filechooser');
    await action();
    await (await chooser).setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: Buffer.from(file.bytes) });
  }

  async readWorkspace(fileName: string): Promise<StoredWorkspace | null> {
    const record = await this.workspaceRecord(fileName);
    if (!record) return null;
    return { bytes: Buffer.from(record.text, 'utf8'), backup: record.backupText === undefined ? null : Buffer.from(record.backupText, 'utf8') };
  }

  async damageWorkspace(fileName: string): Promise<void> {
    const record = await this.workspaceRecord(fileName);
    if (!record) throw new Error(`no stored workspace named ${fileName}`);
    await this.current.evaluate(
      (damaged) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('scenario-desk');
          open.onerror = () => reject(new Error('no database'));
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('workspaces', 'readwrite');
            tx.objectStore('workspaces').put(damaged);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(new Error('the write failed'));
          };
        }),
      { ...record, text: record.text.slice(0, 200) },
    );
  }

  async readDraft(): Promise<WorkspaceDraft | null> {
    const [draft] = await this.readStore<WorkspaceDraft>('drafts', 'current');
    return draft ?? null;
  }

  /** A set-aside draft is kept in the `drafts` store under `quarantine-<time>`, the time of its file name. */
  async readStoredDraft(setAsideFileName?: string): Promise<Buffer | null> {
    const key = setAsideFileName === undefined ? 'current' : setAsideFileName.replace(/^draft\./, '').replace(/\.sdesk\.json$/, '');
    const [record] = await this.readStore<unknown>('drafts', key);
    return record === undefined ? null : Buffer.from(JSON.stringify(record), 'utf8');
  }

  async documentState(): Promise<DocumentState | null> {
    return parseDocumentTitle(await this.current.title());
  }

  async readStoredSettings(): Promise<Record<string, unknown> | null> {
    const raw = await this.current.evaluate(() => localStorage.getItem('scenario-desk.settings'));
    return raw === null ? null : (JSON.parse(raw) as Record<string, unknown>);
  }

  /** The newest stored workspace of that name (the browser keeps no folders, so names may repeat). */
  private async workspaceRecord(fileName: string): Promise<BrowserWorkspaceRecord | null> {
    const all = await this.readStore<BrowserWorkspaceRecord>('workspaces');
    const named = all.filter((record) => record.name === fileName).sort((a, b) => (b.modifiedAt ?? '').localeCompare(a.modifiedAt ?? ''));
    return named[0] ?? null;
  }

  /** Records of the browser bridge's database: one by key, or all. Never creates the database (that is the app's to do). */
  private readStore<T>(storeName: string, key?: string): Promise<T[]> {
    return this.current.evaluate(
      async ([name, wanted]) => {
        if (!(await indexedDB.databases()).some((db) => db.name === 'scenario-desk')) return [];
        return new Promise<T[]>((resolve, reject) => {
          const open = indexedDB.open('scenario-desk');
          open.onerror = () => reject(new Error('the database could not be opened'));
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains(name)) {
              db.close();
              return resolve([]);
            }
            const store = db.transaction(name, 'readonly').objectStore(name);
            const request = wanted === null ? store.getAll() : store.get(wanted);
            request.onsuccess = () => {
              db.close();
              const result: unknown = request.result;
              resolve((wanted === null ? result : result === undefined ? [] : [result]) as T[]);
            };
            request.onerror = () => reject(new Error('the read failed'));
          };
        });
      },
      [storeName, key ?? null] as const,
    );
  }

  private watch(page: Page): void {
    this.pageProblems.push(watchPageErrors(page));
    trackRequests(page);
    // The browser bridge asks before leaving a page with unsaved changes; a reload in a journey means to leave.
    page.on('dialog', (dialog) => {
      if (dialog.type() === 'beforeunload') void dialog.accept();
    });
  }
}
