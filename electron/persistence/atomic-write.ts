import { randomBytes } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';

/**
 * Writes so that a crash at any moment leaves either the old file or the new one, whole:
 * the bytes go to a temporary file in the same folder, are flushed to disk, and the
 * temporary file is renamed over the target (atomic on one file system). The previous
 * version is kept beside it as `<name>.bak`.
 *
 * What else a save must not do:
 * - collide with another save: saves of one file run one at a time, in call order, and a save
 *   that is still waiting is replaced by a newer one for the same file (coalesced: both callers
 *   are answered when the newer content is on disk). The temporary file has a random name and
 *   is created exclusively (`wx`), so two processes, or two saves in one millisecond, never
 *   write into the same temporary file;
 * - change the file's nature: an existing file keeps its permission bits (a 0600 workspace
 *   stays 0600) and, where the system allows it, its owner and group; a symbolic link stays a
 *   link, and the file it points to is replaced (in the target's folder, so the rename stays
 *   on one file system);
 * - leave debris: the temporary file is removed on every failure, and `cleanOrphanedTempFiles`
 *   removes the ones a killed process left behind.
 */
export async function writeFileAtomic(targetPath: string, data: string | Uint8Array, options: { keepBackup?: boolean } = {}): Promise<void> {
  const keepBackup = options.keepBackup !== false;
  const key = path.resolve(targetPath);
  let lane = lanes.get(key);
  if (lane === undefined) {
    lane = { tail: Promise.resolve(), waiting: null };
    lanes.set(key, lane);
  }
  const waiting = lane.waiting;
  if (waiting !== null && waiting.keepBackup === keepBackup) {
    waiting.data = data;
    return waiting.done;
  }
  const current = lane;
  const save: WaitingSave = {
    data,
    keepBackup,
    done: current.tail.then(() => {
      // From here on this save runs; a newer call queues behind it instead of replacing its data.
      if (current.waiting === save) current.waiting = null;
      return writeThroughLinks(targetPath, save.data, save.keepBackup);
    }),
  };
  current.waiting = save;
  const tail = save.done.then(
    () => undefined,
    () => undefined,
  );
  current.tail = tail;
  void tail.then(() => {
    if (lanes.get(key) === current && current.tail === tail) lanes.delete(key);
  });
  return save.done;
}

interface WaitingSave {
  data: string | Uint8Array;
  readonly keepBackup: boolean;
  readonly done: Promise<void>;
}

interface Lane {
  /** Settles when the last queued save of this path has finished (never rejects). */
  tail: Promise<void>;
  /** The queued save that has not started yet, which a newer call may replace. */
  waiting: WaitingSave | null;
}

/** One lane per path as given (resolved), so saves keep the order in which they were asked for. */
const lanes = new Map<string, Lane>();
/** One lock per real file, so two names of one file (a link and its target) never write at once either. */
const realFileLocks = new Map<string, Promise<void>>();

async function withRealFileLock(realPath: string, run: () => Promise<void>): Promise<void> {
  const previous = realFileLocks.get(realPath) ?? Promise.resolve();
  const done = previous.then(run);
  const settled = done.then(
    () => undefined,
    () => undefined,
  );
  realFileLocks.set(realPath, settled);
  void settled.then(() => {
    if (realFileLocks.get(realPath) === settled) realFileLocks.delete(realPath);
  });
  return done;
}

async function writeThroughLinks(targetPath: string, data: string | Uint8Array, keepBackup: boolean): Promise<void> {
  const realPath = await resolveRealTarget(targetPath);
  await withRealFileLock(realPath, () => replaceFile(targetPath, realPath, data, keepBackup));
}

const isErrno = (error: unknown, code: string): boolean => (error as NodeJS.ErrnoException | null)?.code === code;

/**
 * The file a save must replace: the target of a symbolic link (followed to the end, relative
 * links from the link's folder), the path itself for a regular or new file. A new file's folder
 * is resolved too, so the temporary file and the target are certainly in one folder.
 */
async function resolveRealTarget(targetPath: string): Promise<string> {
  let current = path.resolve(targetPath);
  // 40 hops, as Linux allows (ELOOP beyond that).
  for (let hop = 0; hop < 40; hop++) {
    try {
      return await fs.realpath(current);
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
    }
    // Missing: either a new file, or a link whose target does not exist yet (write that target).
    const link = await fs.readlink(current).catch(() => null);
    if (link === null) return path.join(await fs.realpath(path.dirname(current)), path.basename(current));
    current = path.resolve(path.dirname(current), link);
  }
  throw Object.assign(new Error(`too many symbolic links: ${targetPath}`), { code: 'ELOOP' });
}

/** Temporary files are `.<name>.<32 hex digits>.tmp`: recognisably the app's, never a name a user would pick. */
function temporaryPath(dir: string, name: string): string {
  return path.join(dir, `.${name}.${randomBytes(16).toString('hex')}.tmp`);
}

/** Creates a new temporary file exclusively; a clash of 128 random bits is not expected, but is retried rather than written into. */
async function createTemporary(dir: string, name: string, mode: number): Promise<{ tempPath: string; handle: fs.FileHandle }> {
  for (let attempt = 0; ; attempt++) {
    const tempPath = temporaryPath(dir, name);
    try {
      return { tempPath, handle: await fs.open(tempPath, 'wx', mode) };
    } catch (error) {
      if (!isErrno(error, 'EEXIST') || attempt >= 4) throw error;
    }
  }
}

async function statOrNull(filePath: string): Promise<Stats | null> {
  try {
    return await fs.stat(filePath);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
}

async function replaceFile(targetPath: string, realPath: string, data: string | Uint8Array, keepBackup: boolean): Promise<void> {
  const dir = path.dirname(realPath);
  const existing = await statOrNull(realPath);
  const permissions = existing === null ? 0o666 : existing.mode & 0o777;
  // Opened no wider than the file it replaces (the umask may narrow it further; chmod below restores it exactly).
  const { tempPath, handle } = await createTemporary(dir, path.basename(realPath), permissions);
  try {
    try {
      await handle.writeFile(data);
      if (existing !== null) {
        await handle.chmod(permissions);
        // Keeps a shared folder's group (or, for an administrator, the owner); others may not change either, which is fine.
        if (process.platform !== 'win32') await handle.chown(existing.uid, existing.gid).catch(() => undefined);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The backup sits beside the name the user saved under: that is where "open the backup" looks.
    if (keepBackup && existing !== null) await keepBackupOf(realPath, targetPath);
    await fs.rename(tempPath, realPath);
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * The backup is made atomically too: a half-copied `.bak` is no backup. A hard link to the
 * current file costs nothing and is renamed into place; file systems without hard links
 * (FAT, some network shares) and links across file systems get a full copy, also renamed into
 * place. The link is made to the real file, never to a symbolic link, which would follow the
 * new content.
 */
async function keepBackupOf(realPath: string, targetPath: string): Promise<void> {
  const backupPath = `${path.resolve(targetPath)}.bak`;
  const backupDir = path.dirname(backupPath);
  const tempBackup = temporaryPath(backupDir, path.basename(backupPath));
  try {
    await fs.link(realPath, tempBackup);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    try {
      await fs.copyFile(realPath, tempBackup, fs.constants.COPYFILE_EXCL);
    } catch (copyError) {
      await fs.rm(tempBackup, { force: true });
      if (isErrno(copyError, 'ENOENT')) return;
      throw copyError;
    }
  }
  try {
    await fs.rename(tempBackup, backupPath);
  } finally {
    // rename() between two links of one file succeeds and does nothing (POSIX), which happens
    // when another process has just made the same backup: the extra link must still go.
    await fs.rm(tempBackup, { force: true });
  }
  if (backupDir !== path.dirname(realPath)) await syncDirectory(backupDir);
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable; Windows cannot open directories, where rename is already journaled.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Temporary files of this module (`.<name>.<32 hex>.tmp`) and of its earlier versions
 * (`.<name>.<pid>.<milliseconds>.tmp`, also for `.bak`), which a process killed mid-save leaves behind.
 */
const TEMP_FILE_PATTERN = /^\..+\.(?:[0-9a-f]{32}|\d+\.\d{13})\.tmp$/;
const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes temporary files of the app's own naming pattern older than a day from `dir` (a save in
 * progress is seconds old, so it is never touched). Returns the names removed. Never throws: a
 * missing folder or a file that cannot be removed is simply left.
 */
export async function cleanOrphanedTempFiles(dir: string, now: number): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter((candidate) => TEMP_FILE_PATTERN.test(candidate)).sort()) {
    const filePath = path.join(dir, name);
    try {
      // lstat: a link of that name is not one of ours; only regular files are removed.
      const info = await fs.lstat(filePath);
      if (!info.isFile() || now - info.mtimeMs <= ORPHAN_AGE_MS) continue;
      await fs.unlink(filePath);
      removed.push(name);
    } catch {
      // Gone meanwhile or not ours to remove: leave it.
    }
  }
  return removed;
}
