/** What the CLI needs from the outside world; tests inject an in-memory version. */
import { readFile, stat } from 'node:fs/promises';
import { MAX_WORKSPACE_BYTES } from '../shared/workspace/schema';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readTextFile(path: string): Promise<string>;
}

/** Error with a message fit for users (no stack trace is ever printed). */
export class CliError extends Error {
  readonly messages: readonly string[];
  readonly exitCode: number;
  constructor(messages: readonly string[], exitCode = 2) {
    super(messages.join('\n'));
    this.name = 'CliError';
    this.messages = messages;
    this.exitCode = exitCode;
  }
}

function describeFsError(path: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
      return `cannot read ${path}: no such file`;
    case 'EISDIR':
      return `cannot read ${path}: it is a directory`;
    case 'EACCES':
    case 'EPERM':
      return `cannot read ${path}: permission denied`;
    default:
      return `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  async readTextFile(path) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      if (info.size > MAX_WORKSPACE_BYTES) throw new CliError([`cannot read ${path}: file is larger than ${MAX_WORKSPACE_BYTES / 1024 / 1024} MB`]);
      return await readFile(path, 'utf8');
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError([describeFsError(path, error)]);
    }
  },
};
