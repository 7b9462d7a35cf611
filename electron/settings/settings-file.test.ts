import { promises as fsPromises } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../shared/settings/settings';
import { loadSettingsFile } from './settings-file';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sdesk-settings-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('loadSettingsFile', () => {
  it('starts with defaults when there is no settings file yet', async () => {
    const dir = await tempDir();
    expect(await loadSettingsFile(path.join(dir, 'settings.json'))).toEqual({ settings: defaultSettings, notices: [] });
  });

  it('reads valid settings and migrates the unversioned shape', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ language: 'en', theme: 'dark', windowBounds: null, recentFiles: [] }));
    const loaded = await loadSettingsFile(file);
    expect(loaded.notices).toEqual([]);
    expect(loaded.settings).toMatchObject({ schemaVersion: 1, language: 'en', theme: 'dark' });
  });

  it('never replaces an earlier set-aside copy of the same moment', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    await writeFile(path.join(dir, 'settings.quarantine-2026-11-26T10-20-30-000Z.json'), 'an earlier copy');
    await writeFile(file, '{ damaged');
    const loaded = await loadSettingsFile(file, new Date('2026-11-26T10:20:30.000Z'));
    expect(loaded.notices).toEqual([{ kind: 'settings-quarantined', quarantineFileName: 'settings.quarantine-2026-11-26T10-20-30-000Z-1.json' }]);
    expect(await readFile(path.join(dir, 'settings.quarantine-2026-11-26T10-20-30-000Z.json'), 'utf8')).toBe('an earlier copy');
    expect(await readFile(path.join(dir, 'settings.quarantine-2026-11-26T10-20-30-000Z-1.json'), 'utf8')).toBe('{ damaged');
  });

  it.each([
    ['garbage bytes', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22, 0x0a, 0x13])],
    ['truncated JSON', Buffer.from('{"schemaVersion":1,"language":"e')],
    ['a wrong type', Buffer.from(JSON.stringify({ schemaVersion: 1, language: 'fr', theme: 'dark', windowBounds: null, recentFiles: [] }))],
    ['a future version', Buffer.from(JSON.stringify({ schemaVersion: 99 }))],
    ['an array', Buffer.from('[1,2,3]')],
  ])('quarantines a settings file holding %s, byte for byte, and starts with defaults', async (_label, bytes) => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    await writeFile(file, bytes);
    const loaded = await loadSettingsFile(file, new Date('2026-11-26T10:20:30.000Z'));
    expect(loaded.settings).toEqual(defaultSettings);
    expect(loaded.notices).toEqual([{ kind: 'settings-quarantined', quarantineFileName: 'settings.quarantine-2026-11-26T10-20-30-000Z.json' }]);
    const quarantined = await readFile(path.join(dir, 'settings.quarantine-2026-11-26T10-20-30-000Z.json'));
    expect(quarantined.equals(bytes)).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(defaultSettings);
    expect((await readdir(dir)).sort()).toEqual(['settings.json', 'settings.quarantine-2026-11-26T10-20-30-000Z.json']);
  });

  it.each([
    [
      'an entry without a name',
      [
        { id: 'a1b2', name: 'plan.sdesk', modifiedAt: null },
        { id: 'c3d4', modifiedAt: null },
      ],
    ],
    ['an entry that is not an object', [{ id: 'a1b2', name: 'plan.sdesk', modifiedAt: null }, '/home/analyst/other.sdesk']],
    ['more entries than allowed', Array.from({ length: 21 }, (_, i) => ({ id: `id-${i}`, name: `plan-${i}.sdesk`, modifiedAt: null }))],
  ])('keeps a damaged recent list (%s) byte for byte with the settings it is part of', async (_label, recentFiles) => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    // The recent list lives inside the settings file: a damaged list makes the whole file invalid, so the whole file is set aside.
    const bytes = Buffer.from(JSON.stringify({ ...defaultSettings, language: 'en', recentFiles }, null, 2));
    await writeFile(file, bytes);
    const loaded = await loadSettingsFile(file, new Date('2026-11-26T10:20:30.000Z'));
    expect(loaded.settings.recentFiles).toEqual([]);
    expect(loaded.notices).toEqual([{ kind: 'settings-quarantined', quarantineFileName: 'settings.quarantine-2026-11-26T10-20-30-000Z.json' }]);
    const kept = await readFile(path.join(dir, 'settings.quarantine-2026-11-26T10-20-30-000Z.json'));
    expect(kept.equals(bytes)).toBe(true);
    expect((JSON.parse(kept.toString('utf8')) as { recentFiles: unknown }).recentFiles).toEqual(recentFiles);
  });

  it('moves a directory found at the settings path aside, whole, and starts with defaults', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    await mkdir(file);
    await writeFile(path.join(file, 'kept.txt'), 'whatever the user put here');
    const loaded = await loadSettingsFile(file, new Date('2026-11-26T10:20:30.000Z'));
    expect(loaded).toEqual({
      settings: defaultSettings,
      notices: [{ kind: 'settings-quarantined', quarantineFileName: 'settings.quarantine-2026-11-26T10-20-30-000Z.json' }],
    });
    const quarantined = path.join(dir, 'settings.quarantine-2026-11-26T10-20-30-000Z.json');
    expect((await stat(quarantined)).isDirectory()).toBe(true);
    expect(await readFile(path.join(quarantined, 'kept.txt'), 'utf8')).toBe('whatever the user put here');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(defaultSettings);
  });

  it('moves a settings file it may not read aside and starts with defaults', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    await writeFile(file, 'unreadable bytes');
    // The tests may run as root, where a chmod 000 file is still readable: the refusal is simulated.
    const denied = Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
    vi.spyOn(fsPromises, 'readFile').mockRejectedValueOnce(denied);
    const loaded = await loadSettingsFile(file, new Date('2026-11-26T10:20:30.000Z'));
    expect(loaded.notices).toEqual([{ kind: 'settings-quarantined', quarantineFileName: 'settings.quarantine-2026-11-26T10-20-30-000Z.json' }]);
    expect(loaded.settings).toEqual(defaultSettings);
    expect(await readFile(path.join(dir, 'settings.quarantine-2026-11-26T10-20-30-000Z.json'), 'utf8')).toBe('unreadable bytes');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(defaultSettings);
  });
});
