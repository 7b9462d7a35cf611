import type { Command } from '../command';
import { loadWorkspaceFile } from '../workspace-file';

export const checkCommand: Command = {
  name: 'check',
  summary: 'validate a workspace file; prints each problem with its JSON path',
  positionals: ['<workspace>'],
  flags: {},
  examples: ['check assets/workspace/starter.sdesk'],
  async run({ io, args }) {
    const path = args.positionals[0] ?? '';
    const { workspace, migratedFrom } = await loadWorkspaceFile(io, path);
    const migrated = migratedFrom === null ? '' : ` (migrated from format ${migratedFrom}; saving will write format ${workspace.formatVersion})`;
    io.stdout(
      `${path}: valid workspace, format ${workspace.formatVersion}${migrated}, ${workspace.scenarios.length} scenarios, ${workspace.indicators.length} imported indicators\n`,
    );
    return 0;
  },
};
