/**
 * Engine benchmarks: medians of repeated runs after warm-up, printed as a table and written to
 * bench/results.json. Run with `npm run bench` (or `node dist/cli/bench.mjs` after building).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { linspace, twoWayTable } from '../shared/engine/analysis';
import { projectScenario, type ScenarioSpec } from '../shared/engine/models';
import { createMonteCarloRun, type MonteCarloInput } from '../shared/engine/montecarlo';
import { columnPercentiles, percentilesBySorting, percentilesInPlace } from '../shared/engine/percentiles';
import { growthFactor } from '../shared/units/rates';
import { benchWorkspace, measureWorkbookExport } from './bench-workbook';
import { renderTable, formatNumber } from './format';

interface Measurement {
  readonly name: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
  readonly note: string;
}

function measure(name: string, note: string, warmups: number, runs: number, body: () => unknown): Measurement {
  let sink: unknown;
  for (let i = 0; i < warmups; i++) sink = body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    sink = body();
    times.push(performance.now() - start);
  }
  if (sink === Symbol.for('never')) console.log('');
  times.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  const medianMs = times.length % 2 === 1 ? (times[middle] as number) : ((times[middle - 1] as number) + (times[middle] as number)) / 2;
  return { name, medianMs, minMs: times[0] as number, runs, note };
}

const TRIALS = 100_000;
const MC_BASE_YEAR = 2023;
const MC_YEARS = 30;
const mcScenario: ScenarioSpec = {
  model: 'cagr',
  params: { growthRatePercent: 15 },
  base: { year: MC_BASE_YEAR, value: 7565 },
  horizonYear: MC_BASE_YEAR + MC_YEARS,
  targets: [{ year: 2027, value: 12700 }],
};

function monteCarloInput(shockMode: 'perYear' | 'perTrial'): MonteCarloInput {
  return {
    scenario: mcScenario,
    uncertainty: { distributions: { growthRatePercent: { kind: 'normal', mean: 15, sd: 4 } }, shockMode, trials: TRIALS, seed: 42 },
    computePercentiles: false,
    keepTrialValues: true,
  };
}

function runToEnd(input: MonteCarloInput) {
  const run = createMonteCarloRun(input);
  while (!run.step(64)) {
    // all chunks
  }
  return run.finish();
}

/** The naive reference: Math.random, Box–Muller without caching, paths in ordinary nested arrays. */
function naiveMonteCarlo(): number[][] {
  const paths: number[][] = [];
  for (let trial = 0; trial < TRIALS; trial++) {
    const pathValues = [7565];
    let value = 7565;
    for (let year = 1; year <= MC_YEARS; year++) {
      const u1 = 1 - Math.random();
      const u2 = Math.random();
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      value *= growthFactor(15 + 4 * z);
      pathValues.push(value);
    }
    paths.push(pathValues);
  }
  return paths;
}

async function main(): Promise<void> {
  const started = performance.now();
  // The same 100 scenarios × 50 years (all five models) the workbook benchmark exports.
  const scenarios: ScenarioSpec[] = benchWorkspace().scenarios;
  const results: Measurement[] = [];

  results.push(
    measure('deterministic: 100 scenarios × 50 years', 'validate + project (projectScenario)', 20, 101, () =>
      scenarios.map((scenario) => projectScenario(scenario)),
    ),
  );

  const perYear = measure(
    `Monte Carlo perYear: ${formatNumber(TRIALS, 0)} trials × ${MC_YEARS} years`,
    'normal growth shock every year, fused trial-major loop, ziggurat + xoshiro128**',
    3,
    21,
    () => runToEnd(monteCarloInput('perYear')),
  );
  results.push(perYear);
  results.push(
    measure(`Monte Carlo perTrial: ${formatNumber(TRIALS, 0)} trials × ${MC_YEARS} years`, 'one normal growth draw per trial', 3, 21, () =>
      runToEnd(monteCarloInput('perTrial')),
    ),
  );

  const matrix = runToEnd(monteCarloInput('perYear')).trialValues as Float64Array;
  const columns = MC_YEARS + 1;
  const levels = [5, 10, 25, 50, 75, 90, 95];
  const scratch = new Float64Array(TRIALS);
  results.push(
    measure(
      `percentiles (7 levels) × ${columns} columns, histogram`,
      'columnPercentiles: range guess, count, gather, select inside (what the run uses)',
      3,
      15,
      () => {
        for (let column = 0; column < columns; column++) columnPercentiles(matrix.subarray(column * TRIALS, (column + 1) * TRIALS), levels, undefined, scratch);
      },
    ),
  );
  results.push(
    measure(`percentiles (7 levels) × ${columns} columns, selection`, 'Floyd–Rivest multi-select on a copied column', 3, 15, () => {
      for (let column = 0; column < columns; column++) {
        scratch.set(matrix.subarray(column * TRIALS, (column + 1) * TRIALS));
        percentilesInPlace(scratch, levels);
      }
    }),
  );
  results.push(
    measure(`percentiles (7 levels) × ${columns} columns, sort`, 'Float64Array.prototype.sort per column', 1, 5, () => {
      for (let column = 0; column < columns; column++) percentilesBySorting(matrix.subarray(column * TRIALS, (column + 1) * TRIALS), levels);
    }),
  );

  // The whole run with and without the seven percentiles, 100,000 trials × 10 years, alternated run by run so
  // both see the same machine load; the ratio of the medians is the percentiles' share of a run.
  const percentileRun = (computePercentiles: boolean): MonteCarloInput => ({
    scenario: { ...mcScenario, horizonYear: MC_BASE_YEAR + 10 },
    uncertainty: { distributions: { growthRatePercent: { kind: 'normal', mean: 15, sd: 4 } }, shockMode: 'perYear', trials: TRIALS, seed: 42 },
    computePercentiles,
  });
  const withoutTimes: number[] = [];
  const withTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    runToEnd(percentileRun(false));
    runToEnd(percentileRun(true));
  }
  for (let i = 0; i < 31; i++) {
    for (const [computePercentiles, times] of [
      [false, withoutTimes],
      [true, withTimes],
    ] as const) {
      const start = performance.now();
      runToEnd(percentileRun(computePercentiles));
      times.push(performance.now() - start);
    }
  }
  const median = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
  const runWithout = {
    name: `Monte Carlo 100,000 × 10 without percentiles`,
    medianMs: median(withoutTimes),
    minMs: Math.min(...withoutTimes),
    runs: 31,
    note: 'whole run: simulation, means, target probabilities',
  };
  const runWith = {
    name: `Monte Carlo 100,000 × 10 with 7 percentiles`,
    medianMs: median(withTimes),
    minMs: Math.min(...withTimes),
    runs: 31,
    note: 'same run, alternated with the one above',
  };
  results.push(runWithout, runWith);
  const percentileRatio = runWith.medianMs / runWithout.medianMs;

  const tableScenario: ScenarioSpec = { model: 'cagr', params: { growthRatePercent: 19.2 }, base: { year: 2023, value: 7565 }, horizonYear: 2050 };
  results.push(
    measure('two-way table 50 × 50 (base value × growth rate → value in 2050)', 'twoWayTable', 5, 21, () =>
      twoWayTable(
        tableScenario,
        { key: 'baseValue', values: linspace(6000, 9000, 50) },
        { key: 'growthRatePercent', values: linspace(5, 30, 50) },
        { kind: 'valueAtYear', year: 2050 },
      ),
    ),
  );

  const naive = measure(
    `baseline: Math.random + Box–Muller, JS arrays (${formatNumber(TRIALS, 0)} × ${MC_YEARS})`,
    'same model as Monte Carlo perYear',
    1,
    5,
    naiveMonteCarlo,
  );
  results.push(naive);

  const workbookExport = await measureWorkbookExport();
  results.push(workbookExport);

  const trialYearsPerSecond = (TRIALS * MC_YEARS) / (perYear.medianMs / 1000);
  const speedup = naive.medianMs / perYear.medianMs;
  const rows = results.map((result) => [result.name, formatNumber(result.medianMs, 3), formatNumber(result.minMs, 3), String(result.runs), result.note]);
  console.log(renderTable(['Benchmark', 'Median ms', 'Min ms', 'Runs', 'Notes'], rows, ['left', 'right', 'right', 'right', 'left'], ''));
  console.log('');
  console.log(`Monte Carlo perYear throughput: ${formatNumber(trialYearsPerSecond / 1e6, 1)} million trial-years/s (target ≥ 30)`);
  console.log(
    `Excel export, 100 scenarios × 50 years: median ${formatNumber(workbookExport.medianMs, 0)} ms wall, ${formatNumber(workbookExport.medianCpuMs, 0)} ms CPU (target ≤ 600 ms)`,
  );
  console.log(`Speed-up over the Math.random/Box–Muller/JS-array baseline: ${formatNumber(speedup, 2)}×`);
  console.log(`Percentiles' cost: a 100,000 × 10 run with 7 percentiles takes ${formatNumber(percentileRatio, 2)}× the run without (target ≤ 1.3)`);
  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPUs, load average ${load}; total bench time ${formatNumber((performance.now() - started) / 1000, 1)} s`,
  );

  const output = path.resolve('bench/results.json');
  mkdirSync(path.dirname(output), { recursive: true });
  writeFileSync(
    output,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        loadAverage: os.loadavg(),
        results,
        monteCarloTrialYearsPerSecond: trialYearsPerSecond,
        speedupOverNaiveBaseline: speedup,
        percentileRunRatio: percentileRatio,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`written ${path.relative(process.cwd(), output)}`);
}

await main();
