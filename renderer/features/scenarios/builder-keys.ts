/**
 * The builder's field keys, one string per field so that one stable handler serves them all:
 * a model parameter by name (`growthRatePercent`, `ceiling`…), one year of a rate path
 * (`rate:<index>`), the horizon (`horizonYear`), a field of the Monte Carlo distribution
 * (`dist:<field>`) and the simulation settings (`trials`, `seed`). Written and read here only.
 */

export type DistributionField = 'mean' | 'sd' | 'min' | 'mode' | 'max';

export type BuilderKey =
  | { readonly kind: 'rate'; readonly index: number }
  | { readonly kind: 'distribution'; readonly field: DistributionField }
  | { readonly kind: 'horizon' }
  | { readonly kind: 'simulation'; readonly setting: 'trials' | 'seed' }
  | { readonly kind: 'parameter'; readonly name: string };

const ratePrefix = 'rate:';
const distributionPrefix = 'dist:';
const distributionFields: readonly string[] = ['mean', 'sd', 'min', 'mode', 'max'] satisfies readonly DistributionField[];

function isDistributionField(text: string): text is DistributionField {
  return distributionFields.includes(text);
}

/** The key of one year of a rate path: 0 is the year after the base year. */
export function rateKey(index: number): string {
  return `${ratePrefix}${index}`;
}

export function distributionKey(field: DistributionField): string {
  return `${distributionPrefix}${field}`;
}

/**
 * What a key names. A malformed rate index (`rate:x`, `rate:-1`) reads as index NaN or −1, which no
 * rate path has, so an edit through it changes nothing; an unknown distribution field is a parameter
 * name no model has, with the same effect.
 */
export function parseBuilderKey(key: string): BuilderKey {
  if (key === 'horizonYear') return { kind: 'horizon' };
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
  return `param-${key}`;
}
