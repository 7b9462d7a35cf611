/**
 * The starter workspace bundled with the app. Imported with `?raw`, which Vite/Vitest understand natively
 * and scripts/build-cli.mjs handles with a small esbuild plugin.
 */
import starterText from '../../assets/workspace/starter.sdesk?raw';
import { parseWorkspace, WorkspaceError } from './parse';
import type { Workspace } from './schema';

export const STARTER_WORKSPACE_TEXT: string = starterText;

export function loadStarterWorkspace(): Workspace {
  const result = parseWorkspace(starterText);
  if (!result.ok) throw new WorkspaceError(result.problems);
  return result.workspace;
}
