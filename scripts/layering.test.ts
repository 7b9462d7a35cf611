/**
 * The layering rules of eslint.config.js, each shown failing on an import that breaks it (and the
 * allowed arrows shown passing), so a config edit that silently drops a rule fails here. The code is
 * linted as text at a path inside the folder under test; the imported files are real.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('import-x/')).map((m) => `${m.ruleId}: ${m.message}`);
}

const restricted = 'import-x/no-restricted-paths';

describe('layering by folder', () => {
  const broken: [rule: string, file: string, code: string][] = [
    ['shared/ imports shared/ only (renderer)', 'shared/units/layer-probe.ts', "export { viewIds } from '../../renderer/app/views';\n"],
    ['shared/ imports shared/ only (electron)', 'shared/units/layer-probe.ts', "export { createDispatcher } from '../../electron/ipc/dispatcher';\n"],
    ['shared/ imports shared/ only (cli)', 'shared/engine/layer-probe.ts', "export * from '../../cli/format';\n"],
    ['renderer/ imports renderer/ and shared/ (electron)', 'renderer/app/layer-probe.ts', "export * from '../../electron/ipc/dispatcher';\n"],
    ['renderer/ imports renderer/ and shared/ (cli)', 'renderer/features/data/layer-probe.ts', "export * from '../../../cli/format';\n"],
    ['electron/ imports electron/ and shared/ (renderer)', 'electron/ipc/layer-probe.ts', "export * from '../../renderer/app/views';\n"],
    ['electron/ imports electron/ and shared/ (cli)', 'electron/ipc/layer-probe.ts', "export * from '../../cli/format';\n"],
    ['cli/ imports cli/ and shared/ (renderer)', 'cli/layer-probe.ts', "export * from '../renderer/app/views';\n"],
    ['cli/ imports cli/ and shared/ (electron)', 'cli/layer-probe.ts', "export * from '../electron/ipc/dispatcher';\n"],
    ['a feature does not import another feature', 'renderer/features/compare/layer-probe.ts', "export * from '../targets/target-rows';\n"],
    ['charts does not import a feature', 'renderer/features/charts/layer-probe.ts', "export * from '../presentation/navigation';\n"],
  ];
  it.each(broken)('%s', async (_rule, file, code) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(restricted);
  });

  const allowed: [arrow: string, file: string, code: string][] = [
    ['shared → shared', 'shared/engine/layer-probe.ts', "export * from '../units';\n"],
    ['renderer → shared', 'renderer/app/layer-probe.ts', "export * from '../../shared/units';\n"],
    ['electron → shared', 'electron/ipc/layer-probe.ts', "export * from '../../shared/units';\n"],
    ['cli → shared', 'cli/layer-probe.ts', "export * from '../shared/units';\n"],
    ['feature → renderer/app', 'renderer/features/compare/layer-probe.ts', "export * from '../../app/views';\n"],
    ['feature → charts', 'renderer/features/compare/layer-probe.ts', "export * from '../charts/chart-colours';\n"],
    ['feature → its own folder', 'renderer/features/targets/layer-probe.ts', "export * from './target-rows';\n"],
    ['any layer → assets (data)', 'shared/dataset/layer-probe.ts', "export { default } from '../../assets/data/dataset.json';\n"],
  ];
  it.each(allowed)('allows %s', async (_arrow, file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });

  it('refuses an import cycle', async () => {
    // WorkspaceProvider imports history; history importing it back closes a cycle.
    const errors = await layeringErrors('renderer/app/workspace/history.ts', "export { WorkspaceProvider } from './WorkspaceProvider';\n");
    expect(errors.some((e) => e.startsWith('import-x/no-cycle'))).toBe(true);
  });
});
