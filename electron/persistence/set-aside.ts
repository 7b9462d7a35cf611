import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Sets a file the app owns (settings, the workspace registry, the draft) aside beside it, under the first
 * free name `nameFor(0)`, `nameFor(1)`…, before anything replaces it: the one mechanism behind "never
 * destroyed". An earlier copy is never replaced: a copy is made with COPYFILE_EXCL, which fails on a
 * taken name; a move first checks that the name is free (rename would replace silently). `copy` keeps
 * the bytes exactly; `move` is for what cannot be read, and so cannot be copied (a directory, a file the
 * app may not read). Errors other than a taken name, ENOENT included, reach the caller.
 * Returns the file name used.
 */
export async function setAside(file: string, how: 'copy' | 'move', nameFor: (attempt: number) => string): Promise<string> {
  const folder = path.dirname(file);
  for (let attempt = 0; attempt < 100; attempt++) {
    const fileName = nameFor(attempt);
    const to = path.join(folder, fileName);
    if (how === 'copy') {
      try {
        await fs.copyFile(file, to, fsConstants.COPYFILE_EXCL);
        return fileName;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
    }
    if (await exists(to)) continue;
    await fs.rename(file, to);
    return fileName;
  }
  throw new Error(`no free name to set ${path.basename(file)} aside: 100 copies of the same moment exist`);
}

/** `<name>.quarantine-<ISO time>[-n].json` for a `<name>.json` file, with the time's `:` and `.` as `-` (valid everywhere). */
export function quarantineFileName(file: string, now: Date, attempt: number): string {
  return `${path.basename(file, '.json')}.quarantine-${now.toISOString().replace(/[:.]/g, '-')}${attempt === 0 ? '' : `-${attempt}`}.json`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}
