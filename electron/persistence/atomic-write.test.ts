import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanOrphanedTempFiles, writeFileAtomic } from './atomic-write';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sdesk-atomic-'));
  dirs.push(dir);
  return dir;
}

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

  it.skipIf(process.platform === 'win32')('keeps the permissions of the file it replaces: a 0600 workspace stays 0600, its backup too', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'private.sdesk');
    await writeFile(file, 'old');
    await chmod(file, 0o600);
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(((await stat(file)).mode & 0o777).toString(8)).toBe('600');
    expect(((await stat(`${file}.bak`)).mode & 0o777).toString(8)).toBe('600');
    // Wider bits than the umask allows come back too (0664 on a shared folder).
    await chmod(file, 0o664);
    await writeFileAtomic(file, 'newer');
    expect(((await stat(file)).mode & 0o777).toString(8)).toBe('664');
  });

  it.skipIf(process.platform === 'win32')('writes through a symbolic link: the link stays a link, the file it points to gets the content', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'real'));
    const real = path.join(dir, 'real', 'plan.sdesk');
    const link = path.join(dir, 'plan-link.sdesk');
    await writeFile(real, 'old content');
    await symlink(path.join('real', 'plan.sdesk'), link);
    await writeFileAtomic(link, 'new content');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(path.join('real', 'plan.sdesk'));
    expect(await readFile(real, 'utf8')).toBe('new content');
    // The backup is where "open the backup" looks, beside the name the user saved under, and holds the old text.
    expect((await lstat(`${link}.bak`)).isFile()).toBe(true);
    expect(await readFile(`${link}.bak`, 'utf8')).toBe('old content');
    expect((await readdir(dir)).sort()).toEqual(['plan-link.sdesk', 'plan-link.sdesk.bak', 'real']);
    expect(await readdir(path.join(dir, 'real'))).toEqual(['plan.sdesk']);
  });

  it('runs saves of one file one at a time, in call order: 100 at once all succeed, the last one wins, no temporary file is left', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'busy.sdesk');
    const content = (n: number) => JSON.stringify({ save: n, padding: 'x'.repeat(50_000 + n) });
    await writeFile(file, content(-1));
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, n) => writeFileAtomic(file, content(n))));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(content(99));
    expect((await readdir(dir)).sort()).toEqual(['busy.sdesk', 'busy.sdesk.bak']);
    expect([content(-1), ...Array.from({ length: 100 }, (_, n) => content(n))]).toContain(await readFile(`${file}.bak`, 'utf8'));
  });
});

describe('cleanOrphanedTempFiles', () => {
  it('removes the temporary files a killed save left behind when older than a day, and nothing else', async () => {
    const dir = await tempDir();
    const now = Date.parse('2026-03-10T12:00:00Z');
    const twoDaysAgo = new Date(now - 2 * 24 * 60 * 60 * 1000);
    const anHourAgo = new Date(now - 60 * 60 * 1000);
    const hex = '0123456789abcdef0123456789abcdef';
    const files: Array<[string, Date]> = [
      [`.plan.sdesk.${hex}.tmp`, twoDaysAgo], // this version's naming: removed
      ['.plan.sdesk.12345.1741600000000.tmp', twoDaysAgo], // the earlier pid.milliseconds naming: removed
      ['.plan.sdesk.bak.12345.1741600000000.tmp', twoDaysAgo], // an earlier backup in the making: removed
      [`.draft.sdesk.json.${hex.replace('0', 'f')}.tmp`, anHourAgo], // could be a save in progress: kept
      ['plan.sdesk', twoDaysAgo], // the user's files: kept
      ['plan.sdesk.bak', twoDaysAgo],
      ['notes.tmp', twoDaysAgo],
      ['.plan.sdesk.tmp', twoDaysAgo],
    ];
    for (const [name, time] of files) {
      await writeFile(path.join(dir, name), 'x');
      await utimes(path.join(dir, name), time, time);
    }
    await mkdir(path.join(dir, `.folder.${hex}.tmp`));
    await utimes(path.join(dir, `.folder.${hex}.tmp`), twoDaysAgo, twoDaysAgo);

    expect(await cleanOrphanedTempFiles(dir, now)).toEqual(
      [`.plan.sdesk.${hex}.tmp`, '.plan.sdesk.12345.1741600000000.tmp', '.plan.sdesk.bak.12345.1741600000000.tmp'].sort(),
    );
    expect((await readdir(dir)).sort()).toEqual(
      [`.draft.sdesk.json.${hex.replace('0', 'f')}.tmp`, `.folder.${hex}.tmp`, '.plan.sdesk.tmp', 'notes.tmp', 'plan.sdesk', 'plan.sdesk.bak'].sort(),
    );
    expect(await cleanOrphanedTempFiles(path.join(dir, 'missing'), now)).toEqual([]);
  });
});
