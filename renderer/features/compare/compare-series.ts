/**
 * Data behind the Compare view: chosen scenarios grouped by indicator and unit (one chart per
 * group), their projected paths on a common year axis, and differences to the baseline. Pure.
 */
import { projectScenario, validateScenarioSpec } from '../../../shared/engine';
import type { WorkspaceScenario } from '../../../shared/workspace';

export interface ScenarioGroup {
  /** `${indicatorId}|${unit}`: scenarios are only overlaid when both match. */
  key: string;
  indicatorId: string;
  unit: string;
  indicatorName: { zh: string; en: string };
  scenarios: WorkspaceScenario[];
}

export function groupScenarios(scenarios: readonly WorkspaceScenario[]): ScenarioGroup[] {
  const groups = new Map<string, ScenarioGroup>();
  for (const scenario of scenarios) {
    const key = `${scenario.indicatorId}|${scenario.unit}`;
    const group = groups.get(key);
    if (group) group.scenarios.push(scenario);
    else groups.set(key, { key, indicatorId: scenario.indicatorId, unit: scenario.unit, indicatorName: scenario.indicatorName, scenarios: [scenario] });
  }
  return [...groups.values()];
}

export interface ProjectedSeries {
  scenario: WorkspaceScenario;
  /** values[i] belongs to years[i] of the group; null outside the scenario's own years or when it is invalid. */
  values: (number | null)[];
  invalidReason: { en: string; zh: string } | null;
}

export interface ProjectedGroup {
  years: number[];
  series: ProjectedSeries[];
}

/** Projects every scenario onto the union of their years (earliest base year to latest horizon). */
export function projectGroup(scenarios: readonly WorkspaceScenario[]): ProjectedGroup {
  const paths = scenarios.map((scenario) => {
    const issues = validateScenarioSpec(scenario);
    if (issues.length > 0) {
      return { scenario, path: null, invalidReason: { en: issues.map((i) => i.message).join('; '), zh: issues.map((i) => i.messageZh).join(';') } };
    }
    return { scenario, path: projectScenario(scenario, scenario.horizonYear), invalidReason: null };
  });
  const valid = paths.filter((entry) => entry.path !== null);
  if (valid.length === 0) return { years: [], series: paths.map((entry) => ({ scenario: entry.scenario, values: [], invalidReason: entry.invalidReason })) };
  const first = Math.min(...valid.map((entry) => entry.path?.startYear ?? Infinity));
  const last = Math.max(...valid.map((entry) => (entry.path ? entry.path.startYear + entry.path.values.length - 1 : -Infinity)));
  const years = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const series = paths.map(({ scenario, path, invalidReason }) => ({
    scenario,
    invalidReason,
    values: years.map((year) => {
      if (!path) return null;
      const value = path.values[year - path.startYear];
      return value === undefined ? null : value;
    }),
  }));
  return { years, series };
}

export interface Difference {
  absolute: number | null;
  /** (scenario − baseline) / baseline × 100. */
  percent: number | null;
}

/** scenario − baseline for each year, null where either has no value (or the baseline is 0 for the percent). */
export function differenceToBaseline(baseline: readonly (number | null)[], values: readonly (number | null)[]): Difference[] {
  return values.map((value, index) => {
    const base = baseline[index] ?? null;
    if (value === null || base === null) return { absolute: null, percent: null };
    const absolute = value - base;
    return { absolute, percent: base === 0 ? null : (absolute / base) * 100 };
  });
}
