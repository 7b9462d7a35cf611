/** Observation ids, read without the dataset (and without zod, so the Monte Carlo worker can use it). */

/**
 * The kind an observation id names (`cn.diagnostics.market@2028-projection` → 'projection'), or null
 * for an id of another shape (a derived figure such as `…@cagr-2023-2028`). Workspace files and
 * imported data spell observation ids the same way, so a scenario's base or target can say what it
 * rests on without the dataset at hand.
 */
export function observationKindOfId(id: string | undefined): string | null {
  if (id === undefined) return null;
  const match = /@\d{4}-([a-z]+)(?:-\d+)?$/.exec(id);
  return match?.[1] ?? null;
}
