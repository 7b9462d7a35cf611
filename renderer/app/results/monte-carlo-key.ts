/**
 * What a Monte Carlo run is keyed by: the inputs the simulation reads, and nothing else. Two
 * scenarios with the same inputs (a duplicate, a renamed copy, the same scenario seen from two
 * views or an export) share one run and one result. Pure, so it is tested in Node.
 */
import type { MonteCarloInput } from '../../../shared/engine';
import type { WorkspaceScenario } from '../../../shared/workspace';

/** The engine input of a scenario, or null when it has no uncertainty. Only what the simulation reads goes in. */
export function monteCarloInputOf(scenario: WorkspaceScenario | null): MonteCarloInput | null {
  if (!scenario?.uncertainty) return null;
  const { base, model, params, horizonYear, targets, uncertainty } = scenario;
  // The workspace scenario is structurally an engine ScenarioSpec (model and params are the same
  // discriminated union, which TypeScript cannot see through the destructuring); copying keeps
  // ids, names, notes and the base's observation id out of the run key.
  const spec = {
    base: { year: base.year, value: base.value },
    model,
    params,
    horizonYear,
    targets: targets.map((t) => ({ year: t.year, value: t.value, label: t.label })),
  } as MonteCarloInput['scenario'];
  return { scenario: spec, uncertainty };
}

/** JSON with object keys in sorted order, so a file that lists `{ sd, mean }` keys the same run as one that lists `{ mean, sd }`. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The store's key of a run: same inputs, same key. */
export function monteCarloKey(input: MonteCarloInput): string {
  return canonicalJson(input);
}
