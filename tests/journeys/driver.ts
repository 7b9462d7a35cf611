/**
 * What a journey needs from the edition it runs in. The journeys (journeys.ts) are written once
 * against this interface; each edition answers it its own way:
 *
 * - web (web-driver.ts): the browser bridge: downloads, the file chooser, localStorage and IndexedDB,
 *   commands through their keyboard shortcut or the command palette;
 * - desktop (desktop-driver.ts): the real preload and main-process handlers in the desktop harness:
 *   dialogs answered on the Node side, files on disk, commands through the real native menu template;
 * - electron (tests/electron/electron-driver.ts): the real Electron binary, where one exists.
 */
import { expect, type Page, type Request } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fontsReady } from '../helpers/app';
import type { DeskRequest, DocumentState, MenuCommand, WorkspaceDraft } from '../../shared/platform/desk-api';

export type Edition = 'web' | 'desktop' | 'electron';

export interface SavedFile {
  /** The file's name as the user gets it (desktop: the name given in the save dialog; web: the download's). */
  name: string;
  /** The name the app proposed. */
  suggestedName: string;
  bytes: Buffer;
}

export interface FileToOpen {
  name: string;
  bytes: Uint8Array;
}

/** A workspace file as stored, and its previous version (the `.bak` on disk). */
export interface StoredWorkspace {
  bytes: Buffer;
  backup: Buffer | null;
}

export interface JourneyDriver {
  readonly edition: Edition;
  /** The app's window. A restart may replace it, so read it each time. */
  readonly page: Page;
  /** Console errors, page errors and failed requests of every window the app has had so far (`watchPageErrors`). */
  readonly problems: string[];
  /** Starts the app on fresh storage and waits for the shell in its bundled font. */
  start(): Promise<void>;
  /** Reloads the window; the platform side keeps running. */
  reload(): Promise<void>;
  /** Quits and starts the app again on the same storage, and waits for the shell. */
  restart(): Promise<void>;
  /** Runs a command as the edition lets a user: the native menu item, or the keyboard shortcut / command palette. */
  runCommand(command: MenuCommand): Promise<void>;
  /**
   * Runs `action`, which makes the app save a file, answers the save dialog with `fileName` and
   * returns what was written once it is complete. The web edition has no save dialog: the file
   * arrives as a download under the name the app gives it.
   */
  saveFile(fileName: string, action: () => Promise<void>): Promise<SavedFile>;
  /** Runs `action`, which opens a file dialog, and picks `file` in it. */
  openFile(file: FileToOpen, action: () => Promise<void>): Promise<void>;
  /** The stored workspace of that file name and its backup; `null` if there is none. */
  readWorkspace(fileName: string): Promise<StoredWorkspace | null>;
  /** Damages the stored workspace behind the app's back, as a crash of another program or a bad copy might. */
  damageWorkspace(fileName: string): Promise<void>;
  /** The autosaved draft as stored; `null` before the first one. */
  readDraft(): Promise<WorkspaceDraft | null>;
  /**
   * The draft as stored, as bytes: the current one, or with `setAsideFileName` the copy the app
   * set aside under that name (desktop: the file in the user-data folder; web: the IndexedDB
   * record as JSON). `null` when there is none.
   */
  readStoredDraft(setAsideFileName?: string): Promise<Buffer | null>;
  /** What the window shows about the document (title, unsaved mark): what the close prompt goes by. */
  documentState(): Promise<DocumentState | null>;
  /** The settings as the platform stores them (the file on disk, or localStorage). */
  readStoredSettings(): Promise<Record<string, unknown> | null>;
  /**
   * The arguments of the last request of `fn` as the main process received them, where the edition
   * can see them (the desktop harness); `undefined` where it cannot.
   */
  lastRequest?(fn: DeskRequest): unknown[] | null;
}

/** The window title the platforms set: `● ` when dirty, then the document's title, then the app's name. */
export function parseDocumentTitle(title: string): DocumentState | null {
  const match = /^(● )?(.+) — (?:情景推演台 Scenario Desk|Scenario Desk 情景推演台)$/.exec(title);
  return match?.[2] ? { title: match[2], dirty: match[1] !== undefined } : null;
}

const inFlight = new WeakMap<Page, Set<Request>>();

/** Starts counting a page's requests in flight, for `settle`. */
export function trackRequests(page: Page): void {
  if (inFlight.has(page)) return;
  const pending = new Set<Request>();
  inFlight.set(page, pending);
  page.on('request', (request) => pending.add(request));
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
}

/**
 * Waits until the page has no request in flight (a chart's code loading on demand, the favicon),
 * so that leaving it (a reload, a restart) cancels nothing the page would report as a failed request.
 */
export async function settle(page: Page): Promise<void> {
  const pending = inFlight.get(page);
  if (!pending) throw new Error('settle: trackRequests(page) was not called');
  await expect.poll(() => pending.size, { message: 'the page finishes loading what it asked for' }).toBe(0);
}

/** After a navigation the test did not make with `openApp` (a reload, a restart): the shell and its bundled font are ready. */
export async function shellReady(page: Page): Promise<void> {
  await page.locator('.shell').waitFor();
  await fontsReady(page);
}

/** Reloads the page once it has nothing in flight (so no request is cut off), and waits for the shell. */
export async function reloadApp(page: Page): Promise<void> {
  await settle(page);
  await page.reload();
  await shellReady(page);
}

/** A file's bytes, or `null` when there is no such file (yet). */
export async function readIfThere(filePath: string): Promise<Buffer | null> {
  try {
    return await readFile(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
