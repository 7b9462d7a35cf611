import { describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/platform/desk-api';
import { defaultSettings } from '../../shared/settings/settings';
import { createIpcDispatcher } from './dispatcher';
import type { MainDeskHandlers } from './main-desk-api';

const trusted = 'app://scenario-desk/index.html';

function apiThatThrows(error: unknown): MainDeskHandlers {
  const fail = async () => {
    throw error;
  };
  return {
    getAppInfo: fail,
    getSettings: fail,
    setSettings: fail,
    listWorkspaces: fail,
    openWorkspace: fail,
    openRecentWorkspace: fail,
    openWorkspaceBackup: fail,
    saveWorkspace: fail,
    saveWorkspaceAs: fail,
    saveExport: fail,
    pickImportFile: fail,
    loadDraft: fail,
    saveDraft: fail,
    setAsideDraft: fail,
    setDocumentState: fail,
  };
}

const workingApi: MainDeskHandlers = {
  ...apiThatThrows(new Error('not used')),
  setSettings: async (patch) => ({ ...defaultSettings, ...patch }),
};

describe('IPC dispatcher', () => {
  it('answers a malformed payload with a typed error naming the argument, not a crash', async () => {
    const dispatch = createIpcDispatcher(workingApi);
    const result = await dispatch('setSettings', trusted, [{ language: 42 }]);
    expect(result).toEqual({ ok: false, error: { code: 'invalid-payload', message: expect.stringContaining('argument 0.language') } });
    expect(await dispatch('setSettings', trusted, [])).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await dispatch('setSettings', trusted, [{ language: 'en' }, 'extra'])).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const withProtoKey: unknown = JSON.parse('{"language":"en","__proto__":{"polluted":true}}');
    expect(await dispatch('setSettings', trusted, [withProtoKey])).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses oversized and wrongly typed export bytes', async () => {
    const dispatch = createIpcDispatcher(workingApi);
    const result = await dispatch('saveExport', trusted, [{ suggestedName: 'x', kind: 'exe', bytes: new Uint8Array(1) }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const notBytes = await dispatch('saveExport', trusted, [{ suggestedName: 'x', kind: 'png', bytes: 'AAAA' }]);
    expect(notBytes).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('refuses calls from any frame that is not the app', async () => {
    const dispatch = createIpcDispatcher(workingApi);
    for (const url of ['https://example.com/', 'file:///tmp/x.html', undefined, null]) {
      expect(await dispatch('setSettings', url, [{ language: 'en' }])).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
  });

  it('refuses a channel outside the contract', async () => {
    const dispatch = createIpcDispatcher(workingApi);
    expect(await dispatch('__proto__' as 'getAppInfo', trusted, [])).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('returns errors without stack traces or file paths', async () => {
    const ioError = Object.assign(new Error("EACCES: permission denied, open '/home/analyst/secret/plan.sdesk'"), { code: 'EACCES' });
    const unexpected = new TypeError("Cannot read properties of undefined (reading 'x') at /opt/app/main.mjs:10:5");
    for (const error of [ioError, unexpected]) {
      const result = await createIpcDispatcher(apiThatThrows(error))('listWorkspaces', trusted, []);
      expect(result.ok).toBe(false);
      const text = JSON.stringify(result);
      expect(text).not.toContain('/home/analyst');
      expect(text).not.toContain('/opt/app');
      expect(text).not.toMatch(/at .*:\d+:\d+/);
    }
    const known = await createIpcDispatcher(apiThatThrows(new DeskError('not-found', 'That workspace is not in the recent list.')))(
      'listWorkspaces',
      trusted,
      [],
    );
    expect(known).toEqual({ ok: false, error: { code: 'not-found', message: 'That workspace is not in the recent list.' } });
  });
});
