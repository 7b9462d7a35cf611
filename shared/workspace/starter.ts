/**
 * The starter workspace bundled with the app. Imported with `?raw`, which Vite/Vitest understand natively
 * and scripts/build-cli.mjs handles with a small esbuild plugin.
 */
import starterText from '../../assets/workspace/starter.sdesk?raw';
import type { Workspace } from './schema';

export const STARTER_WORKSPACE_TEXT: string = starterText;

/**
 * A fresh copy of the starter workspace. The file ships inside the app and cannot change after
 * the build; the unit tests check that it passes parseWorkspace unchanged, so start-up reads it
 * without validating it again (which took tens of milliseconds before the first chart).
 */
export function loadStarterWorkspace(): Workspace {
  return JSON.parse(starterText) as Workspace;
}
