import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Writes so that a crash at any moment leaves either the old file or the new one, whole:
 * the bytes go to a temporary file in the same folder, are flushed to disk, and the
 * temporary file is renamed over the target (atomic on one file system). The previous
 * version is kept beside it as `<name>.bak`.
 */
export async function writeFileAtomic(targetPath: string, data: string | Uint8Array, options: { keepBackup?: boolean } = {}): Promise<void> {
  const dir = path.dirname(targetPath);
  const tempPath = path.join(dir, `.${path.basename(targetPath)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.open(tempPath, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (options.keepBackup !== false) await keepBackup(targetPath);
    await fs.rename(tempPath, targetPath);
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * The backup is made atomically too: a half-copied `.bak` is no backup. A hard link to the
 * current file costs nothing and is renamed into place; file systems without hard links
 * (FAT, some network shares) get a full copy, also renamed into place.
 */
async function keepBackup(targetPath: string): Promise<void> {
  const tempBackup = path.join(path.dirname(targetPath), `.${path.basename(targetPath)}.bak.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.link(targetPath, tempBackup);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    try {
      await fs.copyFile(targetPath, tempBackup);
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw copyError;
    }
  }
  await fs.rename(tempBackup, `${targetPath}.bak`);
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
