/**
 * One contract for the platform bridge, run against both implementations:
 * the Electron main process (called through the IPC dispatcher, in Node, by vitest) and the
 * browser implementation (in Chromium, by Playwright). Assertions use node:assert so the
 * same cases run under either runner.
 */
import assert from 'node:assert/strict';
import { DeskError, type DeskApi, type DeskErrorCode } from '../../shared/platform/desk-api';

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface BridgeDriver {
  /** The bridge as the renderer sees it, through the real transport. */
  api: DeskApi;
  shell: 'electron' | 'browser';
  /** The next open dialog chooses this file; `null` cancels it. */
  answerNextOpenDialog(file: PickedFile | null): Promise<void>;
  /** The next save dialog accepts; the driver can then read back what was written. */
  answerNextSaveDialog(fileName: string): Promise<void>;
  readLastSavedFile(): Promise<PickedFile>;
}

export interface ContractCase {
  name: string;
  run(driver: BridgeDriver): Promise<void>;
}

async function expectDeskError(promise: Promise<unknown>, code: DeskErrorCode): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof DeskError, `expected a DeskError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.doesNotMatch(error.message, /\bat .*\(.*:\d+:\d+\)/, 'error message must not carry a stack');
    return true;
  });
}

const workspaceText = JSON.stringify({ formatVersion: 2, name: '软件产业 15% 情景', scenarios: [] });
const encoder = new TextEncoder();

export const bridgeContractCases: ContractCase[] = [
  {
    name: 'reports the app name, a semver version and which shell answers',
    async run({ api, shell }) {
      const info = await api.getAppInfo();
      assert.equal(info.name, 'Scenario Desk');
      assert.match(info.version, /^\d+\.\d+\.\d+/);
      assert.equal(info.shell, shell);
      assert.ok(info.locale.length >= 2, 'locale is reported');
    },
  },
  {
    name: 'starts with default settings and no notices',
    async run({ api }) {
      const { settings, notices } = await api.getSettings();
      assert.equal(settings.language, 'system');
      assert.equal(settings.theme, 'system');
      assert.deepEqual(settings.recentFiles, []);
      assert.deepEqual(notices, []);
    },
  },
  {
    name: 'keeps a settings change',
    async run({ api }) {
      const next = await api.setSettings({ language: 'en', theme: 'dark' });
      assert.equal(next.language, 'en');
      const { settings } = await api.getSettings();
      assert.equal(settings.language, 'en');
      assert.equal(settings.theme, 'dark');
    },
  },
  {
    name: 'refuses a malformed settings patch with a typed error and changes nothing',
    async run({ api }) {
      await expectDeskError(api.setSettings({ language: 'klingon' } as unknown as { language: 'en' }), 'invalid-payload');
      await expectDeskError(api.setSettings({ recentFiles: [] } as unknown as { language: 'en' }), 'invalid-payload');
      assert.equal((await api.getSettings()).settings.language, 'system');
    },
  },
  {
    name: 'saves a workspace as a new file, lists it first, reopens it and saves it again',
    async run(driver) {
      const { api } = driver;
      await driver.answerNextSaveDialog('软件产业.sdesk');
      const entry = await api.saveWorkspaceAs('软件产业', workspaceText);
      assert.ok(entry, 'save as returned an entry');
      assert.equal(entry.name, '软件产业.sdesk');
      const listed = await api.listWorkspaces();
      assert.equal(listed[0]?.id, entry.id);
      const reopened = await api.openRecentWorkspace(entry.id);
      assert.equal(reopened.text, workspaceText);
      assert.equal(await api.openWorkspaceBackup(entry.id), null, 'no backup before the first overwrite');
      const changed = workspaceText.replace('15%', '12%');
      await api.saveWorkspace(entry.id, changed);
      assert.equal((await api.openRecentWorkspace(entry.id)).text, changed);
      // The previous version is kept, so an unreadable file never costs the user their work.
      assert.deepEqual(await api.openWorkspaceBackup(entry.id), { fileName: '软件产业.sdesk.bak', text: workspaceText });
      assert.equal((await api.getSettings()).settings.recentFiles[0]?.id, entry.id);
    },
  },
  {
    name: 'opens a workspace the user picks, and returns null when the dialog is cancelled',
    async run(driver) {
      await driver.answerNextOpenDialog({ name: 'colleague.sdesk', bytes: encoder.encode(workspaceText) });
      const opened = await driver.api.openWorkspace();
      assert.equal(opened?.text, workspaceText);
      assert.equal(opened?.entry.name, 'colleague.sdesk');
      await driver.answerNextOpenDialog(null);
      assert.equal(await driver.api.openWorkspace(), null);
    },
  },
  {
    name: 'reports an unknown workspace id as not-found and a malformed id as invalid-payload',
    async run({ api }) {
      await expectDeskError(api.openRecentWorkspace('no-such-workspace'), 'not-found');
      await expectDeskError(api.saveWorkspace('../../etc/passwd', 'x'), 'invalid-payload');
    },
  },
  {
    name: 'writes export bytes unchanged under the chosen name',
    async run(driver) {
      const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 255, 128, 7]);
      await driver.answerNextSaveDialog('情景.xlsx');
      const result = await driver.api.saveExport({ suggestedName: '情景', kind: 'xlsx', bytes });
      assert.equal(result.saved, true);
      assert.equal(result.fileName, '情景.xlsx');
      const saved = await driver.readLastSavedFile();
      assert.equal(saved.name, '情景.xlsx');
      assert.deepEqual([...saved.bytes], [...bytes]);
    },
  },
  {
    name: 'hands over the bytes of a file picked for import, and null on cancel',
    async run(driver) {
      const csv = encoder.encode('indicator,unit,year,value\n软件收入,亿元,2024,4200\n');
      await driver.answerNextOpenDialog({ name: 'mydata.csv', bytes: csv });
      const picked = await driver.api.pickImportFile(['csv', 'xlsx']);
      assert.equal(picked?.fileName, 'mydata.csv');
      assert.deepEqual([...(picked?.bytes ?? [])], [...csv]);
      await driver.answerNextOpenDialog(null);
      assert.equal(await driver.api.pickImportFile(['csv']), null);
    },
  },
  {
    name: 'keeps the autosaved draft, with its file and its unsaved mark',
    async run(driver) {
      const { api } = driver;
      // Whether a draft exists at the start differs: in the browser the app itself has already autosaved one.
      await api.saveDraft({ text: workspaceText, entry: null, dirty: true });
      assert.deepEqual(await api.loadDraft(), { text: workspaceText, entry: null, dirty: true });
      await driver.answerNextSaveDialog('草稿.sdesk');
      const entry = await api.saveWorkspaceAs('草稿', workspaceText);
      assert.ok(entry);
      await api.saveDraft({ text: workspaceText, entry, dirty: false });
      assert.deepEqual(await api.loadDraft(), { text: workspaceText, entry, dirty: false });
      await expectDeskError(api.saveDraft({ text: 42 } as unknown as { text: string; entry: null; dirty: boolean }), 'invalid-payload');
    },
  },
  {
    name: 'sets the draft aside under a quarantine name, after which there is no draft until the next is saved',
    async run({ api }) {
      const text = '{"formatVersion":4,"name":"来自新版本的草稿"}';
      await api.saveDraft({ text, entry: null, dirty: true });
      const { fileName } = await api.setAsideDraft();
      assert.match(fileName, /^draft\.quarantine-.*\.sdesk\.json$/);
      assert.doesNotMatch(fileName, /[/\\:]/, 'a file name, never a path');
      assert.equal(await api.loadDraft(), null);
      await expectDeskError(api.setAsideDraft(), 'not-found');
      // A new draft starts afresh.
      await api.saveDraft({ text: workspaceText, entry: null, dirty: true });
      assert.deepEqual(await api.loadDraft(), { text: workspaceText, entry: null, dirty: true });
    },
  },
  {
    name: 'accepts the document state and refuses a malformed one',
    async run({ api }) {
      await api.setDocumentState({ title: '软件产业', dirty: true });
      await api.setDocumentState({ title: '软件产业', dirty: false });
      await expectDeskError(api.setDocumentState({ title: 'x' } as unknown as { title: string; dirty: boolean }), 'invalid-payload');
    },
  },
];
