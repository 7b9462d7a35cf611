import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import packageJson from '../../package.json';
import { simulate, type MonteCarloResult } from '../../shared/engine/montecarlo';
import { localTimestamp } from '../../shared/units/time';
import type { Command } from '../command';
import { CliError } from '../io';
import { loadWorkspaceFile } from '../workspace-file';

/** Loaded lazily so the other commands do not load exceljs at all. */
export async function loadWorkbookModule(): Promise<typeof import('../../shared/workbook/build')> {
  return import('../../shared/workbook/build');
}

function describeWriteError(file: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
      return `cannot write ${file}: the folder does not exist`;
    case 'EACCES':
    case 'EPERM':
      return `cannot write ${file}: permission denied`;
    case 'EISDIR':
      return `cannot write ${file}: it is a directory`;
    default:
      return `cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Writes next to the target and renames, so a crash never leaves a half-written workbook under the real name. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new CliError([describeWriteError(file, error)]);
  }
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Excel workbook that stays a live model (named inputs, formulas, targets, Monte Carlo, sources)',
  positionals: ['<workspace>'],
  flags: {
    out: { type: 'string', placeholder: '<file.xlsx>', description: 'workbook to write (required; replaced atomically)' },
    lang: { type: 'enum', values: ['zh', 'en'], default: 'zh', description: 'language of sheet names and labels (default: zh)' },
    trials: { type: 'int', min: 1, max: 1_000_000, description: "Monte Carlo trials per scenario (default: each scenario's own)" },
    seed: { type: 'int', min: 0, max: 4294967295, description: "Monte Carlo seed (default: each scenario's own)" },
  },
  examples: ['export assets/workspace/starter.sdesk --out scenarios.xlsx --lang en --trials 20000 --seed 42'],
  async run({ io, args }) {
    const source = args.positionals[0] ?? '';
    const out = args.flags.get('out');
    const problems: string[] = [];
    if (typeof out !== 'string') problems.push('missing --out <file.xlsx>');
    else if (!out.toLowerCase().endsWith('.xlsx')) problems.push(`--out must name an .xlsx file (got "${out}")`);
    else {
      const info = await stat(out).catch(() => null);
      if (info?.isDirectory()) problems.push(`cannot write ${out}: it is a directory`);
    }
    if (problems.length > 0 || typeof out !== 'string') throw new CliError(problems);
    const { workspace } = await loadWorkspaceFile(io, source);
    const lang = args.flags.get('lang') === 'en' ? 'en' : 'zh';
    const trials = args.flags.get('trials');
    const seed = args.flags.get('seed');
    const monteCarlo: Record<string, MonteCarloResult> = {};
    for (const scenario of workspace.scenarios) {
      if (scenario.uncertainty === undefined) continue;
      const uncertainty = { ...scenario.uncertainty, ...(typeof trials === 'number' ? { trials } : {}), ...(typeof seed === 'number' ? { seed } : {}) };
      monteCarlo[scenario.id] = simulate({ scenario, uncertainty });
    }
    const { buildScenarioWorkbook } = await loadWorkbookModule();
    const bytes = await buildScenarioWorkbook({ workspace, lang, appVersion: packageJson.version, exportedAt: localTimestamp(new Date()), monteCarlo });
    await writeAtomically(out, bytes);
    const simulated = Object.keys(monteCarlo).length;
    io.stdout(`Wrote ${out}: ${workspace.scenarios.length} scenarios, ${simulated} with Monte Carlo results, ${Math.round(bytes.byteLength / 1024)} KB\n`);
    return 0;
  },
};
