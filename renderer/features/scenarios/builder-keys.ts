/**
 * The builder's field keys, one string per field so that one stable handler serves them all:
 * a model parameter by name (`growthRatePercent`, `ceiling`…), one year of a rate path
 * (`rate:<index>`), the horizon (`horizonYear`), the base (`baseYear`, `baseValue`), the year or
 * value of one target (`target:<index>:year`, `target:<index>:value`), a field of the Monte Carlo
 * distribution (`dist:<field>`) and the simulation settings (`trials`, `seed`). Written and read here only.
 */

export type DistributionField = 'mean' | 'sd' | 'min' | 'mode' | 'max';

export type BuilderKey =
  | { readonly kind: 'rate'; readonly index: number }
  | { readonly kind: 'distribution'; readonly field: DistributionField }
  | { readonly kind: 'horizon' }
  | { readonly kind: 'base'; readonly field: 'year' | 'value' }
  | { readonly kind: 'target'; readonly index: number; readonly field: 'year' | 'value' }
  | { readonly kind: 'simulation'; readonly setting: 'trials' | 'seed' }
  | { readonly kind: 'parameter'; readonly name: string };

const ratePrefix = 'rate:';
const distributionPrefix = 'dist:';
const targetPrefix = 'target:';
const distributionFields: readonly string[] = ['mean', 'sd', 'min', 'mode', 'max'] satisfies readonly DistributionField[];

function isDistributionField(text: string): text is DistributionField {
  return distributionFields.includes(text);
}

/** The key of one year of a rate path: 0 is the year after the base year. */
export function rateKey(index: number): string {
  return `${ratePrefix}${index}`;
}

/** The key of the year or the value of one of the scenario's targets (0 is its first target). */
export function targetKey(index: number, field: 'year' | 'value'): string {
  return `${targetPrefix}${index}:${field}`;
}

export function distributionKey(field: DistributionField): string {
  return `${distributionPrefix}${field}`;
}

/**
 * What a key names. A malformed rate or target index (`rate:x`, `rate:-1`, `target:x:year`) reads as
 * index NaN, which no rate path or target list has, so an edit through it changes nothing; an unknown distribution field is a parameter
 * name no model has, with the same effect.
 */
export function parseBuilderKey(key: string): BuilderKey {
  if (key === 'horizonYear') return { kind: 'horizon' };
  if (key === 'baseYear') return { kind: 'base', field: 'year' };
  if (key === 'baseValue') return { kind: 'base', field: 'value' };
  if (key.startsWith(targetPrefix)) {
    const match = /^(\d+):(year|value)$/.exec(key.slice(targetPrefix.length));
    return { kind: 'target', index: match ? Number(match[1]) : Number.NaN, field: match?.[2] === 'value' ? 'value' : 'year' };
  }
  if (key === 'trials' || key === 'seed') return { kind: 'simulation', setting: key };
  if (key.startsWith(ratePrefix)) {
    const digits = key.slice(ratePrefix.length);
    return { kind: 'rate', index: /^\d+$/.test(digits) ? Number(digits) : Number.NaN };
  }
  if (key.startsWith(distributionPrefix)) {
    const field = key.slice(distributionPrefix.length);
    if (isDistributionField(field)) return { kind: 'distribution', field };
  }
  return { kind: 'parameter', name: key };
}

/** The stem of a field's test ids: `rate:2` → `param-rate-2`, `dist:sd` → `dist-sd`, `ceiling` → `param-ceiling`. */
export function builderKeyTestId(key: string): string {
  const parsed = parseBuilderKey(key);
  if (parsed.kind === 'distribution') return `dist-${parsed.field}`;
  if (parsed.kind === 'rate') return `param-rate-${parsed.index}`;
  if (parsed.kind === 'target') return `target-${parsed.index}-${parsed.field}`;
  return `param-${key}`;
}
