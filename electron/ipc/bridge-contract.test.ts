import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bridgeContractCases } from '../../tests/contract/bridge-contract';
import { createMainProcessDriver, type MainProcessDriver } from '../../tests/contract/main-process-driver';

const drivers: MainProcessDriver[] = [];
async function driver(): Promise<MainProcessDriver> {
  const created = await createMainProcessDriver();
  drivers.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.dispose()));
});

describe('bridge contract: Electron main process', () => {
  it('has no draft on a first start', async () => {
    const { api } = await driver();
    expect(await api.loadDraft()).toBeNull();
  });

  it('sets the draft file aside byte for byte, beside it in the user-data folder', async () => {
    const d = await driver();
    await d.api.saveDraft({ text: '{"formatVersion":4,"name":"新版本 ✓"}', entry: null, dirty: true });
    const before = await readFile(d.draftFile);
    const { fileName } = await d.api.setAsideDraft();
    expect(await readFile(path.join(d.dir, fileName))).toEqual(before);
    await expect(readFile(d.draftFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps both copies when two drafts are set aside in the same millisecond, and says when there is none', async () => {
    const d = await driver();
    // Only Date is frozen: file-system callbacks still need the real timers.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-02T06:00:00.000Z') });
    try {
      await d.api.saveDraft({ text: '{"first":1}', entry: null, dirty: true });
      const first = await d.api.setAsideDraft();
      await expect(d.api.setAsideDraft()).rejects.toMatchObject({ code: 'not-found' });
      await d.api.saveDraft({ text: '{"second":2}', entry: null, dirty: true });
      const second = await d.api.setAsideDraft();
      expect(first.fileName).toBe('draft.quarantine-2026-12-02T06-00-00-000Z.sdesk.json');
      expect(second.fileName).toBe('draft.quarantine-2026-12-02T06-00-00-000Z-2.sdesk.json');
      expect(JSON.parse(await readFile(path.join(d.dir, first.fileName), 'utf8')).text).toBe('{"first":1}');
      expect(JSON.parse(await readFile(path.join(d.dir, second.fileName), 'utf8')).text).toBe('{"second":2}');
    } finally {
      vi.useRealTimers();
    }
  });

  it('hands over a draft file that is not a draft record as unsaved text, and leaves it in place', async () => {
    const d = await driver();
    const damaged = Buffer.from('{"text": "半截', 'utf8');
    await writeFile(d.draftFile, damaged);
    expect(await d.api.loadDraft()).toEqual({ text: damaged.toString('utf8'), entry: null, dirty: true });
    // Nothing was renamed behind the user's back: the file is still there until the renderer sets it aside.
    expect(await readFile(d.draftFile)).toEqual(damaged);
    expect((await readdir(d.dir)).filter((name) => name !== 'draft.sdesk.json' && name.startsWith('draft'))).toEqual([]);
    const { fileName } = await d.api.setAsideDraft();
    expect(await readFile(path.join(d.dir, fileName))).toEqual(damaged);
  });

  for (const contractCase of bridgeContractCases) {
    it(contractCase.name, async () => contractCase.run(await driver()));
  }
});
