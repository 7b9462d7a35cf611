import { promises as fsPromises } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkspaceRegistry } from './workspace-registry';

const now = new Date('2026-12-02T03:30:00.000Z');
const quarantineName = 'workspace-registry.quarantine-2026-12-02T03-30-00-000Z.json';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sdesk-registry-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function registryIn(dir: string, content?: string | Buffer): Promise<string> {
  const file = path.join(dir, 'workspace-registry.json');
  if (content !== undefined) await writeFile(file, content);
  return file;
}

async function storedPaths(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8'));
}

describe('WorkspaceRegistry.load', () => {
  it('starts empty when there is no registry yet, and writes nothing until a workspace is used', async () => {
    const dir = await tempDir();
    const registry = await WorkspaceRegistry.load(await registryIn(dir), now);
    expect(registry.notices).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
    const id = await registry.idFor('/home/analyst/plan.sdesk');
    expect(await storedPaths(path.join(dir, 'workspace-registry.json'))).toEqual({ [id]: '/home/analyst/plan.sdesk' });
  });

  it('reads a valid registry as it is: its ids work and the file is not touched', async () => {
    const dir = await tempDir();
    const text = JSON.stringify({ 'a1b2-c3': '/home/analyst/plan.sdesk', second_id: '/home/analyst/other.sdesk' }, null, 2);
    const file = await registryIn(dir, text);
    const registry = await WorkspaceRegistry.load(file, now);
    expect(registry.notices).toEqual([]);
    expect(registry.pathOf('a1b2-c3')).toBe('/home/analyst/plan.sdesk');
    expect(registry.pathOf('second_id')).toBe('/home/analyst/other.sdesk');
    expect(await registry.idFor('/home/analyst/plan.sdesk')).toBe('a1b2-c3');
    expect(await readFile(file, 'utf8')).toBe(text);
    expect(await readdir(dir)).toEqual(['workspace-registry.json']);
  });

  it.each([
    ['garbage bytes', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22, 0x0a, 0x13])],
    ['truncated JSON', Buffer.from('{"a1b2": "/home/analyst/pl')],
    [
      'bytes that are not UTF-8 inside valid-looking JSON',
      Buffer.concat([Buffer.from('{"a1b2": "/home/'), Buffer.from([0xc3, 0x28]), Buffer.from('.sdesk"}')]),
    ],
    ['an array', Buffer.from('["/home/analyst/plan.sdesk"]')],
    ['a string', Buffer.from('"/home/analyst/plan.sdesk"')],
    ['null', Buffer.from('null')],
  ])('sets a registry holding %s aside byte for byte before a fresh one takes its place', async (_label, bytes) => {
    const dir = await tempDir();
    const file = await registryIn(dir, bytes);
    const registry = await WorkspaceRegistry.load(file, now);
    expect(registry.notices).toEqual([{ kind: 'registry-quarantined', quarantineFileName: quarantineName }]);
    expect((await readFile(path.join(dir, quarantineName))).equals(bytes)).toBe(true);
    expect(await storedPaths(file)).toEqual({});
    expect((await readdir(dir)).sort()).toEqual(['workspace-registry.json', quarantineName].sort());
    // Using the app afterwards writes the fresh registry and never the set-aside copy.
    const id = await registry.idFor('/home/analyst/new.sdesk');
    expect(await storedPaths(file)).toEqual({ [id]: '/home/analyst/new.sdesk' });
    expect((await readFile(path.join(dir, quarantineName))).equals(bytes)).toBe(true);
  });

  it('drops entries that are not an id and an absolute path only after the whole file was set aside; the valid ids still work', async () => {
    const dir = await tempDir();
    const text = JSON.stringify({
      'good-id': '/home/analyst/plan.sdesk',
      'not a valid id': '/home/analyst/x.sdesk',
      numeric: 42,
      relative: 'plan.sdesk',
      nested: { path: '/home/analyst/y.sdesk' },
      __proto__: '/home/analyst/z.sdesk',
    });
    const file = await registryIn(dir, text);
    const registry = await WorkspaceRegistry.load(file, now);
    expect(registry.notices).toEqual([{ kind: 'registry-quarantined', quarantineFileName: quarantineName }]);
    expect(await readFile(path.join(dir, quarantineName), 'utf8')).toBe(text);
    expect(await storedPaths(file)).toEqual({ 'good-id': '/home/analyst/plan.sdesk' });
    expect(registry.pathOf('good-id')).toBe('/home/analyst/plan.sdesk');
    expect(registry.pathOf('numeric')).toBeUndefined();
    expect(registry.pathOf('relative')).toBeUndefined();
    expect(await registry.idFor('/home/analyst/plan.sdesk')).toBe('good-id');
  });

  it('moves a directory found at the registry path aside, whole, and starts a fresh registry', async () => {
    const dir = await tempDir();
    const file = await registryIn(dir);
    await mkdir(file);
    await writeFile(path.join(file, 'kept.txt'), 'whatever the user put here');
    const registry = await WorkspaceRegistry.load(file, now);
    expect(registry.notices).toEqual([{ kind: 'registry-quarantined', quarantineFileName: quarantineName }]);
    const quarantined = path.join(dir, quarantineName);
    expect((await stat(quarantined)).isDirectory()).toBe(true);
    expect(await readFile(path.join(quarantined, 'kept.txt'), 'utf8')).toBe('whatever the user put here');
    expect(await storedPaths(file)).toEqual({});
  });

  it('moves a registry it may not read aside, unchanged, and starts a fresh one', async () => {
    const dir = await tempDir();
    const text = JSON.stringify({ 'a1b2-c3': '/home/analyst/plan.sdesk' });
    const file = await registryIn(dir, text);
    // The tests may run as root, where a chmod 000 file is still readable: the refusal is simulated.
    const denied = Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
    vi.spyOn(fsPromises, 'readFile').mockRejectedValueOnce(denied);
    const registry = await WorkspaceRegistry.load(file, now);
    expect(registry.notices).toEqual([{ kind: 'registry-quarantined', quarantineFileName: quarantineName }]);
    expect(await readFile(path.join(dir, quarantineName), 'utf8')).toBe(text);
    expect(await storedPaths(file)).toEqual({});
  });

  it('never replaces an earlier set-aside copy of the same moment', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, quarantineName), 'an earlier copy');
    const file = await registryIn(dir, 'not json');
    const registry = await WorkspaceRegistry.load(file, now);
    const second = 'workspace-registry.quarantine-2026-12-02T03-30-00-000Z-1.json';
    expect(registry.notices).toEqual([{ kind: 'registry-quarantined', quarantineFileName: second }]);
    expect(await readFile(path.join(dir, quarantineName), 'utf8')).toBe('an earlier copy');
    expect(await readFile(path.join(dir, second), 'utf8')).toBe('not json');
  });

  it('leaves a registry it can neither read nor move where it is, and says so by throwing', async () => {
    const dir = await tempDir();
    const file = await registryIn(dir, 'the user’s registry');
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    vi.spyOn(fsPromises, 'readFile').mockRejectedValueOnce(denied);
    vi.spyOn(fsPromises, 'rename').mockRejectedValueOnce(denied);
    await expect(WorkspaceRegistry.load(file, now)).rejects.toThrow('EACCES');
    expect(await readFile(file, 'utf8')).toBe('the user’s registry');
    expect(await readdir(dir)).toEqual(['workspace-registry.json']);
  });

  it('keeps a damaged registry when it cannot be copied aside, instead of writing over it', async () => {
    const dir = await tempDir();
    const file = await registryIn(dir, '{ damaged');
    vi.spyOn(fsPromises, 'copyFile').mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    await expect(WorkspaceRegistry.load(file, now)).rejects.toThrow('ENOSPC');
    expect(await readFile(file, 'utf8')).toBe('{ damaged');
  });

  it('in memory, for a session whose registry was left alone: ids work and nothing is written', async () => {
    const registry = WorkspaceRegistry.inMemory();
    const id = await registry.idFor('/home/analyst/plan.sdesk');
    expect(registry.pathOf(id)).toBe('/home/analyst/plan.sdesk');
    expect(registry.notices).toEqual([]);
  });
});
