import { simulate, type MonteCarloResult } from '../../shared/engine/montecarlo';
import { fractionToPercent } from '../../shared/units/rates';
import type { WorkspaceScenario } from '../../shared/workspace/schema';
import { FORMAT_FLAG, type Command } from '../command';
import { CliError } from '../io';
import { csvLine, finiteJson, formatNumber, formatPercent, NonFiniteLog, renderTable } from '../format';
import { loadFormulaGuard, type FormulaGuard } from '../output-hygiene';
import { loadWorkspaceFile } from '../workspace-file';
import { describeDistribution, scenarioTitle } from './describe';

interface ScenarioRun {
  readonly scenario: WorkspaceScenario;
  readonly result: MonteCarloResult | null;
}

function resultJson(run: ScenarioRun): unknown {
  const { scenario, result } = run;
  if (result === null) return { id: scenario.id, name: scenario.name, skipped: 'no uncertainty spec' };
  return {
    id: scenario.id,
    name: scenario.name,
    unit: scenario.unit,
    trials: result.trials,
    seed: result.seed,
    shockMode: scenario.uncertainty?.shockMode,
    years: Array.from({ length: result.yearCount }, (_, index) => {
      const row: Record<string, number> = { year: result.startYear + index, mean: result.mean[index] as number };
      result.percentileLevels.forEach((level, levelIndex) => {
        row[`p${level}`] = (result.percentiles[levelIndex] as Float64Array)[index] as number;
      });
      return row;
    }),
    targets: result.targets,
  };
}

function resultCsvLines(run: ScenarioRun, guard: FormulaGuard, log: NonFiniteLog, header: readonly string[], firstLine: number): string[] {
  const { scenario, result } = run;
  if (result === null) return [];
  return Array.from({ length: result.yearCount }, (_, index) =>
    csvLine(
      [scenario.id, result.startYear + index, result.mean[index], ...result.percentiles.map((values) => values[index]), result.trials, result.seed],
      guard,
      log,
      header,
      firstLine + index,
    ),
  );
}

function resultTable(run: ScenarioRun, baselineId: string | null): string {
  const { scenario, result } = run;
  const title = scenarioTitle(scenario, baselineId);
  if (result === null || scenario.uncertainty === undefined) return `${title}\n    (no uncertainty spec; skipped)`;
  const assumptions = Object.entries(scenario.uncertainty.distributions)
    .map(([key, dist]) => (dist === undefined ? '' : `${key} ~ ${describeDistribution(dist)}`))
    .filter((text) => text !== '')
    .join('; ');
  const mode = scenario.uncertainty.shockMode === 'perYear' ? 'growth redrawn every year' : 'drawn once per trial';
  const header = `${title}\n    ${formatNumber(result.trials, 0)} trials, seed ${result.seed}, ${mode}; ${assumptions}; unit ${scenario.unit}`;
  const rows = Array.from({ length: result.yearCount }, (_, index) => [
    String(result.startYear + index),
    ...result.percentiles.map((values) => formatNumber(values[index] as number)),
    formatNumber(result.mean[index] as number),
  ]);
  const table = renderTable(['Year', ...result.percentileLevels.map((level) => `P${level}`), 'Mean'], rows, [
    'left',
    ...result.percentileLevels.map(() => 'right' as const),
    'right',
  ]);
  const targets = result.targets.map(
    (target) =>
      `    P(meet ${target.label ?? 'target'}: ${formatNumber(target.value)} in ${target.year}) = ${formatPercent(fractionToPercent(target.probability), 1)} (± ${formatPercent(fractionToPercent(target.standardError), 1)} s.e.)`,
  );
  return [header, table, ...(targets.length > 0 ? ['  Target probabilities', ...targets] : [])].join('\n');
}

export const montecarloCommand: Command = {
  name: 'montecarlo',
  summary: 'Monte Carlo percentiles (P5–P95, mean) and target probabilities for scenarios with an uncertainty spec',
  positionals: ['<workspace>'],
  flags: {
    trials: { type: 'int', min: 1, max: 1_000_000, description: "trials per scenario (default: each scenario's own)" },
    seed: { type: 'int', min: 0, max: 4294967295, description: "seed, 0–4294967295 (default: each scenario's own)" },
    scenario: { type: 'string', placeholder: '<id>', description: 'only this scenario' },
    format: FORMAT_FLAG,
  },
  examples: ['montecarlo assets/workspace/starter.sdesk --trials 100000 --seed 42'],
  async run({ io, args }) {
    const path = args.positionals[0] ?? '';
    const { workspace } = await loadWorkspaceFile(io, path);
    const only = args.flags.get('scenario');
    const scenarios = typeof only === 'string' ? workspace.scenarios.filter((scenario) => scenario.id === only) : workspace.scenarios;
    if (scenarios.length === 0)
      throw new CliError([`no scenario with id "${String(only)}" in ${path} (ids: ${workspace.scenarios.map((scenario) => scenario.id).join(', ')})`]);
    const trials = args.flags.get('trials');
    const seed = args.flags.get('seed');
    const runs: ScenarioRun[] = scenarios.map((scenario) => {
      if (scenario.uncertainty === undefined) return { scenario, result: null };
      const uncertainty = {
        ...scenario.uncertainty,
        ...(typeof trials === 'number' ? { trials } : {}),
        ...(typeof seed === 'number' ? { seed } : {}),
      };
      return { scenario, result: simulate({ scenario, uncertainty }) };
    });
    const format = args.flags.get('format') ?? 'table';
    const log = new NonFiniteLog();
    if (format === 'json') {
      io.stdout(`${finiteJson({ workspace: workspace.name, scenarios: runs.map(resultJson) }, log)}\n`);
    } else if (format === 'csv') {
      const levels = runs.find((run) => run.result !== null)?.result?.percentileLevels ?? [];
      const guard = await loadFormulaGuard();
      const header = ['scenario_id', 'year', 'mean', ...levels.map((level) => `p${level}`), 'trials', 'seed'];
      const lines = [csvLine(header, guard)];
      for (const run of runs) lines.push(...resultCsvLines(run, guard, log, header, lines.length + 1));
      io.stdout(`${lines.join('\n')}\n`);
    } else {
      io.stdout(
        `Workspace: ${workspace.name}\nMonte Carlo (values in each scenario's unit)\n\n${runs.map((run) => resultTable(run, workspace.baselineScenarioId)).join('\n\n')}\n`,
      );
    }
    const note = log.message(format === 'json' ? 'json' : 'csv');
    if (note !== null) io.stderr(note);
    return 0;
  },
};
