/**
 * Benchmark of the Excel export: building the live workbook (formulas + cached results, styles,
 * defined names, zipped .xlsx bytes) for 100 scenarios × 50 years, without a chart image.
 * Called from cli/bench.ts; target: median ≤ 600 ms.
 */
import { CURRENT_FORMAT_VERSION, type Workspace, type WorkspaceScenario } from '../shared/workspace/schema';
import { loadWorkbookModule } from './commands/export';

const BASE_YEAR = 2010;
const HORIZON = BASE_YEAR + 49; // 50 yearly values
const STAMP = '2026-01-01T00:00:00.000Z';

function benchScenario(index: number): WorkspaceScenario {
  const common = {
    id: `bench-${index}`,
    name: `情景 ${index + 1}`,
    indicatorId: 'bench.indicator',
    indicatorName: { zh: '测试指标', en: 'Test indicator' },
    unit: index % 2 === 0 ? 'cny-100m' : 'firms',
    base: { year: BASE_YEAR, value: 1000 + index * 37 },
    horizonYear: HORIZON,
    targets: [{ label: '目标', year: BASE_YEAR + 10, value: 3000 }],
    notes: '',
    createdAt: STAMP,
    modifiedAt: STAMP,
  };
  switch (index % 5) {
    case 0:
      return { ...common, model: 'cagr', params: { growthRatePercent: 3 + (index % 17) } };
    case 1:
      return { ...common, model: 'ratePath', params: { ratesPercent: [12, 10, 9, 8, 7, 6, 5] } };
    case 2:
      return { ...common, model: 'linear', params: { incrementPerYear: 4000 } };
    case 3:
      return { ...common, model: 'logistic', params: { growthRatePercent: 20, ceiling: 1e6 } };
    default:
      return { ...common, model: 'targetPath', params: { targetYear: BASE_YEAR + 5, targetValue: 5500 } };
  }
}

export function benchWorkspace(): Workspace {
  return {
    formatVersion: CURRENT_FORMAT_VERSION,
    name: 'bench',
    createdAt: STAMP,
    modifiedAt: STAMP,
    baselineScenarioId: null,
    scenarios: Array.from({ length: 100 }, (_, index) => benchScenario(index)),
    indicators: [],
  };
}

export interface AsyncMeasurement {
  readonly name: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
  readonly note: string;
  readonly bytes: number;
  /** Median CPU time of the process per build: less sensitive than wall time to other load on a shared machine. */
  readonly medianCpuMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export async function measureWorkbookExport(warmups = 2, runs = 9): Promise<AsyncMeasurement> {
  const workspace = benchWorkspace();
  const { buildScenarioWorkbook } = await loadWorkbookModule();
  const build = () => buildScenarioWorkbook({ workspace, lang: 'zh', appVersion: 'bench', exportedAt: STAMP });
  let bytes = 0;
  for (let i = 0; i < warmups; i++) bytes = (await build()).byteLength;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    bytes = (await build()).byteLength;
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  const medianMs = median(times);
  const medianCpuMs = median(cpuTimes);
  return {
    name: 'Excel export: 100 scenarios × 50 years',
    medianMs,
    minMs: Math.min(...times),
    runs,
    note: `buildScenarioWorkbook (exceljs), ${Math.round(bytes / 1024)} KB .xlsx, CPU ${Math.round(medianCpuMs)} ms, target ≤ 600 ms`,
    bytes,
    medianCpuMs,
  };
}
