import { describe, expect, it } from 'vitest';
import { builderKeyTestId, distributionKey, parseBuilderKey, rateKey, targetKey } from './builder-keys';

describe('builder keys', () => {
  it('reads back the year of a rate path it wrote', () => {
    expect(rateKey(3)).toBe('rate:3');
    expect(parseBuilderKey(rateKey(3))).toEqual({ kind: 'rate', index: 3 });
    expect(parseBuilderKey('rate:12')).toEqual({ kind: 'rate', index: 12 });
  });

  it('reads back a field of the distribution it wrote', () => {
    expect(distributionKey('sd')).toBe('dist:sd');
    expect(parseBuilderKey('dist:mode')).toEqual({ kind: 'distribution', field: 'mode' });
  });

  it('tells the horizon, the simulation settings and the model parameters apart', () => {
    expect(parseBuilderKey('horizonYear')).toEqual({ kind: 'horizon' });
    expect(parseBuilderKey('trials')).toEqual({ kind: 'simulation', setting: 'trials' });
    expect(parseBuilderKey('seed')).toEqual({ kind: 'simulation', setting: 'seed' });
    expect(parseBuilderKey('ceiling')).toEqual({ kind: 'parameter', name: 'ceiling' });
  });

  it('gives a malformed rate key an index no rate path has', () => {
    expect(parseBuilderKey('rate:x')).toEqual({ kind: 'rate', index: Number.NaN });
    expect(parseBuilderKey('rate:-1')).toEqual({ kind: 'rate', index: Number.NaN });
  });

  it('keeps the test ids the end-to-end tests use', () => {
    expect(builderKeyTestId('growthRatePercent')).toBe('param-growthRatePercent');
    expect(builderKeyTestId('rate:0')).toBe('param-rate-0');
    expect(builderKeyTestId('dist:sd')).toBe('dist-sd');
    expect(builderKeyTestId('horizonYear')).toBe('param-horizonYear');
  });
});

describe('#14.4 keys of the base and the targets', () => {
  it('#14.4 reads back the base and target keys it wrote, with the test ids the e2e tests use', () => {
    expect(parseBuilderKey('baseYear')).toEqual({ kind: 'base', field: 'year' });
    expect(parseBuilderKey('baseValue')).toEqual({ kind: 'base', field: 'value' });
    expect(targetKey(2, 'value')).toBe('target:2:value');
    expect(parseBuilderKey(targetKey(2, 'value'))).toEqual({ kind: 'target', index: 2, field: 'value' });
    expect(parseBuilderKey('target:x:year')).toEqual({ kind: 'target', index: Number.NaN, field: 'year' });
    expect(builderKeyTestId(targetKey(0, 'year'))).toBe('target-0-year');
    expect(builderKeyTestId('baseValue')).toBe('param-baseValue');
  });
});
