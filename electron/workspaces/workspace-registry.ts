import { promises as fs } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { SettingsNotice } from '../../shared/platform/desk-api';
import { writeFileAtomic } from '../persistence/atomic-write';
import { quarantineFileName, setAside } from '../persistence/set-aside';

/** What an id looks like to the bridge (`shared/platform/ipc-channels.ts`): an entry with another id could never be asked for. */
const storedId = /^[A-Za-z0-9_-]{1,100}$/;
/** Longer than any path a file system takes; a longer value is not a path the app wrote. */
const maxPathChars = 32_767;

/**
 * Maps the opaque workspace ids the renderer holds to real paths, which never leave the
 * main process. Kept in its own file beside the settings so the settings the renderer
 * reads carry no paths.
 *
 * The file is the app's, and like the settings and the draft it is never destroyed: one that
 * cannot be read or is not a registry (not JSON, not an object of id → path, a directory, a file
 * the app may not read) is first set aside under `<name>.quarantine-<time>.json` next to it (copied
 * byte for byte, or moved when it cannot even be read), and only then does a fresh registry take its
 * place; entries that are not an id and an absolute path are dropped only after the whole file was
 * set aside. `notices` then tells the user where the old file went. When the file can neither be
 * read nor set aside, `load` throws and leaves it where it is (the caller runs with `inMemory()`).
 */
export class WorkspaceRegistry {
  private paths = new Map<string, string>();
  /** What `load` had to set aside, for the user to hear about at start-up. */
  readonly notices: SettingsNotice[] = [];

  /** `registryFile` `null`: a registry for this session only, which never writes. */
  private constructor(private readonly registryFile: string | null) {}

  static async load(registryFile: string, now: Date = new Date()): Promise<WorkspaceRegistry> {
    const registry = new WorkspaceRegistry(registryFile);
    let raw: Buffer;
    try {
      raw = await fs.readFile(registryFile);
    } catch (error) {
      // No registry yet: a first start, nothing to keep.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return registry;
      // Unreadable (a directory, no permission): it cannot be copied, so it is moved aside whole.
      await registry.setAside(now, 'move');
      await registry.persist();
      return registry;
    }
    const { entries, valid } = readEntries(raw);
    if (valid) {
      for (const [id, filePath] of entries) registry.paths.set(id, filePath);
      return registry;
    }
    // Copied with COPYFILE_EXCL, so no earlier quarantined copy is ever replaced either.
    await registry.setAside(now, 'copy');
    // Only now, with the whole file kept, do the usable entries (if any) go on in a fresh registry.
    for (const [id, filePath] of entries) registry.paths.set(id, filePath);
    await registry.persist();
    return registry;
  }

  /** A registry that forgets everything when the app closes: for a session whose registry file had to be left alone. */
  static inMemory(): WorkspaceRegistry {
    return new WorkspaceRegistry(null);
  }

  pathOf(id: string): string | undefined {
    return this.paths.get(id);
  }

  async idFor(filePath: string): Promise<string> {
    for (const [id, known] of this.paths) if (known === filePath) return id;
    const id = randomUUID();
    this.paths.set(id, filePath);
    await this.persist();
    return id;
  }

  /** Moves or copies the registry file to a free `<name>.quarantine-<time>[-n].json` beside it, and records the notice. */
  private async setAside(now: Date, how: 'copy' | 'move'): Promise<string> {
    const file = this.registryFile;
    if (file === null) throw new Error('an in-memory registry has no file to set aside');
    const fileName = await setAside(file, how, (attempt) => quarantineFileName(file, now, attempt));
    this.notices.push({ kind: 'registry-quarantined', quarantineFileName: fileName });
    return fileName;
  }

  private async persist(): Promise<void> {
    if (this.registryFile === null) return;
    await writeFileAtomic(this.registryFile, JSON.stringify(Object.fromEntries(this.paths), null, 2), { keepBackup: false });
  }
}

/** The usable entries of a stored registry, and whether the file was a valid registry as a whole (every entry usable). */
function readEntries(raw: Buffer): { entries: Array<[string, string]>; valid: boolean } {
  let stored: unknown;
  try {
    // `fatal`: bytes that are not UTF-8 make the file invalid instead of being replaced quietly.
    stored = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    return { entries: [], valid: false };
  }
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return { entries: [], valid: false };
  const all = Object.entries(stored);
  const entries = all.filter((entry): entry is [string, string] => {
    const [id, filePath] = entry;
    return storedId.test(id) && typeof filePath === 'string' && filePath.length <= maxPathChars && path.isAbsolute(filePath);
  });
  return { entries, valid: entries.length === all.length };
}
