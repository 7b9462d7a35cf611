import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Ten scenarios of one indicator over 30 years (2024–2054), each with a Monte Carlo spec: the UI benchmark's and the profiler's workload. */
export function benchWorkspace(): string {
  const starterFile = fileURLToPath(new URL('../../assets/workspace/starter.sdesk', import.meta.url));
  const starter = JSON.parse(readFileSync(starterFile, 'utf8')) as { scenarios: Array<Record<string, unknown> & { id: string }> } & Record<string, unknown>;
  const software = starter.scenarios.find((s) => s.id === 'software-revenue-15pct');
  if (!software) throw new Error('starter workspace has no software-revenue-15pct');
  const scenarios = Array.from({ length: 10 }, (_, index) => ({
    ...software,
    id: `bench-software-${index}`,
    name: `软件营收 基准测试 ${index + 1}`,
    nameEn: `Software revenue bench ${index + 1}`,
    params: { growthRatePercent: 6 + index },
    horizonYear: 2054,
    uncertainty: { distributions: { growthRatePercent: { kind: 'normal', mean: 6 + index, sd: 3 } }, shockMode: 'perYear', trials: 20000, seed: 1000 + index },
  }));
  return JSON.stringify({ ...starter, name: 'UI bench', baselineScenarioId: null, scenarios });
}
