import { promises as fs } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { writeFileAtomic } from '../persistence/atomic-write';

/**
 * Maps the opaque workspace ids the renderer holds to real paths, which never leave the
 * main process. Kept in its own file beside the settings so the settings the renderer
 * reads carry no paths.
 */
export class WorkspaceRegistry {
  private paths = new Map<string, string>();

  private constructor(private readonly registryFile: string) {}

  static async load(registryFile: string): Promise<WorkspaceRegistry> {
    const registry = new WorkspaceRegistry(registryFile);
    try {
      const stored: unknown = JSON.parse(await fs.readFile(registryFile, 'utf8'));
      if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
        for (const [id, filePath] of Object.entries(stored)) {
          if (typeof filePath === 'string') registry.paths.set(id, filePath);
        }
      }
    } catch {
      // A missing or unreadable registry only forgets recent files; the workspaces themselves are untouched.
    }
    return registry;
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

  private async persist(): Promise<void> {
    await writeFileAtomic(this.registryFile, JSON.stringify(Object.fromEntries(this.paths), null, 2), { keepBackup: false });
  }
}
