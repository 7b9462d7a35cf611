import { analyzeScenario, type ScenarioAnalysis } from '../../shared/engine/analysis';
import { changePercent } from '../../shared/units/rates';
import type { Workspace, WorkspaceScenario } from '../../shared/workspace/schema';
import { FORMAT_FLAG, type Command } from '../command';
import { csvLine, finiteJson, formatNumber, formatPercent, NonFiniteLog, renderTable } from '../format';
import { loadFormulaGuard, type FormulaGuard } from '../output-hygiene';
import { loadWorkspaceFile } from '../workspace-file';
import { describeModel, describeRequiredGrowth, scenarioTitle } from './describe';

export function projectionJson(workspace: Workspace, analyses: readonly ScenarioAnalysis[]): unknown {
  return {
    workspace: { name: workspace.name, formatVersion: workspace.formatVersion, baselineScenarioId: workspace.baselineScenarioId },
    scenarios: workspace.scenarios.map((scenario, index) => {
      const analysis = analyses[index] as ScenarioAnalysis;
      return {
        id: scenario.id,
        name: scenario.name,
        nameEn: scenario.nameEn ?? null,
        indicatorId: scenario.indicatorId,
        unit: scenario.unit,
        model: scenario.model,
        params: scenario.params,
        baseline: scenario.id === workspace.baselineScenarioId,
        path: Array.from(analysis.path.values, (value, offset) => ({ year: analysis.path.startYear + offset, value })),
        targets: analysis.targets,
      };
    }),
  };
}

const CSV_HEADER = [
  'scenario_id',
  'scenario_name',
  'indicator_id',
  'unit',
  'model',
  'year',
  'projected',
  'target_label',
  'target_value',
  'gap',
  'gap_percent',
  'met',
  'first_year_reached',
  'required_parameter',
  'required_value',
  'required_cagr_percent',
  'required_note',
] as const;

function projectionCsv(workspace: Workspace, analyses: readonly ScenarioAnalysis[], guard: FormulaGuard, log: NonFiniteLog): string {
  const lines = [csvLine(CSV_HEADER, guard)];
  const line = (cells: Parameters<typeof csvLine>[0]): string => csvLine(cells, guard, log, CSV_HEADER, lines.length + 1);
  workspace.scenarios.forEach((scenario, index) => {
    const analysis = analyses[index] as ScenarioAnalysis;
    analysis.path.values.forEach((value, offset) => {
      const year = analysis.path.startYear + offset;
      const common = [scenario.id, scenario.name, scenario.indicatorId, scenario.unit, scenario.model, year, value];
      const targets = analysis.targets.filter((target) => target.year === year);
      if (targets.length === 0) lines.push(line(common));
      for (const target of targets) {
        const required = target.requiredGrowth;
        lines.push(
          line([
            ...common,
            target.label,
            target.value,
            target.gap,
            target.gapPercent,
            target.met,
            target.firstYearReached,
            required.status === 'reachable' ? required.parameter : null,
            required.status === 'reachable' ? required.value : null,
            required.status === 'reachable' ? required.impliedCagrPercent : null,
            required.status === 'reachable' ? null : required.reason,
          ]),
        );
      }
    });
  });
  return `${lines.join('\n')}\n`;
}

function scenarioTable(scenario: WorkspaceScenario, analysis: ScenarioAnalysis, baselineId: string | null): string {
  const header = [
    scenarioTitle(scenario, baselineId),
    `    ${scenario.indicatorName.zh} (${scenario.indicatorId}), unit ${scenario.unit}`,
    `    base ${scenario.base.year}: ${formatNumber(scenario.base.value)}; ${describeModel(scenario)}; horizon ${scenario.horizonYear}`,
  ].join('\n');
  const targetYears = new Set(analysis.targets.map((target) => target.year));
  const pathRows = Array.from(analysis.path.values, (value, offset) => {
    const year = analysis.path.startYear + offset;
    const previous = offset > 0 ? (analysis.path.values[offset - 1] as number) : NaN;
    return [String(year), formatNumber(value), offset > 0 ? formatPercent(changePercent(previous, value), 1) : '', targetYears.has(year) ? '◀ target' : ''];
  });
  const parts = [header, renderTable(['Year', 'Value', 'Growth', ''], pathRows, ['left', 'right', 'right', 'left'])];
  if (analysis.targets.length > 0) {
    const targetRows = analysis.targets.map((target) => [
      String(target.year),
      formatNumber(target.value),
      formatNumber(target.projected),
      `${target.gap >= 0 ? '+' : ''}${formatNumber(target.gap)}`,
      `${target.gapPercent >= 0 ? '+' : ''}${formatPercent(target.gapPercent, 1)}`,
      target.met ? 'yes' : 'no',
      target.firstYearReached === null ? '—' : String(target.firstYearReached),
      describeRequiredGrowth(target.requiredGrowth),
    ]);
    parts.push(
      '  Targets (gap = projected − target; required = growth needed from the base to hit the target)',
      renderTable(['Year', 'Target', 'Projected', 'Gap', 'Gap %', 'Met', 'First met', 'Required'], targetRows, [
        'left',
        'right',
        'right',
        'right',
        'right',
        'left',
        'left',
        'left',
      ]),
    );
  }
  return parts.join('\n');
}

export const projectCommand: Command = {
  name: 'project',
  summary: "every scenario's yearly path, its targets, gaps and required growth",
  positionals: ['<workspace>'],
  flags: { format: FORMAT_FLAG },
  examples: ['project assets/workspace/starter.sdesk', 'project assets/workspace/starter.sdesk --format csv > paths.csv'],
  async run({ io, args }) {
    const path = args.positionals[0] ?? '';
    const { workspace } = await loadWorkspaceFile(io, path);
    const analyses = workspace.scenarios.map((scenario) => analyzeScenario(scenario));
    const format = args.flags.get('format') ?? 'table';
    const log = new NonFiniteLog();
    if (format === 'json') {
      io.stdout(`${finiteJson(projectionJson(workspace, analyses), log)}\n`);
    } else if (format === 'csv') {
      io.stdout(projectionCsv(workspace, analyses, await loadFormulaGuard(), log));
    } else {
      const blocks = workspace.scenarios.map((scenario, index) => scenarioTable(scenario, analyses[index] as ScenarioAnalysis, workspace.baselineScenarioId));
      io.stdout(`Workspace: ${workspace.name}\n${workspace.scenarios.length} scenarios; growth rates in percent a year\n\n${blocks.join('\n\n')}\n`);
    }
    const note = log.message(format === 'json' ? 'json' : 'csv');
    if (note !== null) io.stderr(note);
    return 0;
  },
};
