import { formatProblem, parseWorkspace } from '../shared/workspace/parse';
import type { Workspace } from '../shared/workspace/schema';
import { CliError, type CliIo } from './io';

export interface LoadedWorkspace {
  readonly workspace: Workspace;
  readonly migratedFrom: number | null;
}

/** Reads and validates a workspace; every problem becomes one stderr line `file: $.path: message`. */
export async function loadWorkspaceFile(io: CliIo, path: string): Promise<LoadedWorkspace> {
  const text = await io.readTextFile(path);
  const result = parseWorkspace(text);
  if (!result.ok) throw new CliError(result.problems.map((problem) => `${path}: ${formatProblem(problem)}`));
  return { workspace: result.workspace, migratedFrom: result.migratedFrom };
}
