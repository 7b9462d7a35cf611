/**
 * The journeys in the desktop harness: the real preload and main-process handlers; the test
 * answers the main process's dialogs with paths in a documents folder and reads the files on disk;
 * a command runs through the real native menu template's item.
 */
import { expect, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DeskRequest, DocumentState, MenuCommand, WorkspaceDraft } from '../../shared/platform/desk-api';
import type { BridgeCall } from '../desktop/desktop-main';
import { userDataFiles } from '../desktop/desktop-main';
import type { DesktopHarness } from '../desktop/fixture';
import { openApp, watchPageErrors } from '../helpers/app';
import { readIfThere, reloadApp, settle, shellReady, trackRequests, type FileToOpen, type JourneyDriver, type SavedFile, type StoredWorkspace } from './driver';

const savingRequests: readonly DeskRequest[] = ['saveWorkspaceAs', 'saveExport'];
const openingRequests: readonly DeskRequest[] = ['openWorkspace', 'pickImportFile'];

export class DesktopDriver implements JourneyDriver {
  readonly edition = 'desktop';

  constructor(
    readonly page: Page,
    readonly desk: DesktopHarness,
  ) {
    this.problems = watchPageErrors(page);
    trackRequests(page);
  }

  /** One window for the whole test: a restart reloads it. */
  readonly problems: string[];

  async start(): Promise<void> {
    await openApp(this.page);
  }

  async reload(): Promise<void> {
    await reloadApp(this.page);
  }

  async restart(): Promise<void> {
    await settle(this.page);
    await this.desk.restart();
    await shellReady(this.page);
  }

  async runCommand(command: MenuCommand): Promise<void> {
    const listeners = await this.desk.menu(command);
    expect(listeners, 'the page listens for menu commands').toBeGreaterThan(0);
  }

  async saveFile(fileName: string, action: () => Promise<void>): Promise<SavedFile> {
    const target = path.join(this.desk.documents, fileName);
    const call = await this.dialogCall(savingRequests, 'save', target, action);
    const dialog = [...this.desk.main.dialogs].reverse().find((d) => d.kind === 'save' && d.answer === target);
    const bytes = await readFile(target);
    expect(call.result?.ok, `${call.fn} succeeded`).toBe(true);
    return { name: fileName, suggestedName: dialog?.suggestedName ?? '', bytes };
  }

  async openFile(file: FileToOpen, action: () => Promise<void>): Promise<void> {
    const source = path.join(this.desk.documents, file.name);
    await writeFile(source, file.bytes);
    await this.dialogCall(openingRequests, 'open', source, action);
  }

  async readWorkspace(fileName: string): Promise<StoredWorkspace | null> {
    const filePath = path.join(this.desk.documents, fileName);
    const bytes = await readIfThere(filePath);
    return bytes ? { bytes, backup: await readIfThere(`${filePath}.bak`) } : null;
  }

  async damageWorkspace(fileName: string): Promise<void> {
    const filePath = path.join(this.desk.documents, fileName);
    await writeFile(filePath, (await readFile(filePath, 'utf8')).slice(0, 200));
  }

  async readDraft(): Promise<WorkspaceDraft | null> {
    const bytes = await readIfThere(path.join(this.desk.userData, userDataFiles.draft));
    return bytes ? (JSON.parse(bytes.toString('utf8')) as WorkspaceDraft) : null;
  }

  async readStoredDraft(setAsideFileName?: string): Promise<Buffer | null> {
    return readIfThere(path.join(this.desk.userData, setAsideFileName ?? userDataFiles.draft));
  }

  async documentState(): Promise<DocumentState | null> {
    return this.desk.main.documentState;
  }

  async readStoredSettings(): Promise<Record<string, unknown> | null> {
    const bytes = await readIfThere(path.join(this.desk.userData, userDataFiles.settings));
    return bytes ? (JSON.parse(bytes.toString('utf8')) as Record<string, unknown>) : null;
  }

  lastRequest(fn: DeskRequest): unknown[] | null {
    return [...this.desk.main.calls].reverse().find((call) => call.fn === fn)?.args ?? null;
  }

  /** Answers the next dialog of `kind` with `answer`, runs `action`, and waits until the request that showed it has finished. */
  private async dialogCall(fns: readonly DeskRequest[], kind: 'open' | 'save', answer: string, action: () => Promise<void>): Promise<BridgeCall> {
    const before = this.desk.main.calls.length;
    this.desk.answerDialog(kind, answer);
    await action();
    let finished: BridgeCall | undefined;
    await expect
      .poll(
        () => {
          finished = this.desk.main.calls.slice(before).find((call) => fns.includes(call.fn) && call.result !== undefined);
          return finished?.fn ?? null;
        },
        { message: `a ${kind} dialog was shown and its request finished`, timeout: 30_000 },
      )
      .not.toBeNull();
    if (!finished) throw new Error('unreachable: the poll found the request');
    return finished;
  }
}
