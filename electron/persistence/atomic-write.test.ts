import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('writeFileAtomic', () => {
  it('replaces the file and keeps the previous version as .bak, leaving no temporary files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sdesk-atomic-'));
    dirs.push(dir);
    const file = path.join(dir, 'plan.sdesk');
    await writeFile(file, 'old content');
    await writeFileAtomic(file, 'new content');
    expect(await readFile(file, 'utf8')).toBe('new content');
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('old content');
    expect((await readdir(dir)).sort()).toEqual(['plan.sdesk', 'plan.sdesk.bak']);
  });

  it('creates a new file without a backup when none existed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sdesk-atomic-'));
    dirs.push(dir);
    const file = path.join(dir, 'new.xlsx');
    await writeFileAtomic(file, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(file))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['new.xlsx']);
  });

  it('leaves the old file untouched when the folder cannot be written', async () => {
    await expect(writeFileAtomic(path.join(os.tmpdir(), 'no-such-dir-sdesk', 'x.sdesk'), 'data')).rejects.toThrow();
  });
});
