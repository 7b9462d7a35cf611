import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { projectScenario, type ScenarioSpec } from './models';
import { createMonteCarloRun, growthForProbability, runMonteCarlo, simulate, type MonteCarloInput } from './montecarlo';
import { percentilesBySorting, percentilesInPlace } from './percentiles';
import type { DistributionSpec } from './distributions';
import { Xoshiro128 } from './prng';

function bytes(array: Float64Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/**
 * Index of the first differing byte (the shorter length if one is a prefix of the other), −1 when identical.
 * Same check as toEqual on the bytes, but toEqual walks a 480 kB array element by element for seconds.
 */
function firstByteDifference(a: Float64Array, b: Float64Array): number {
  const left = bytes(a);
  const right = bytes(b);
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) if (left[index] !== right[index]) return index;
  return left.length === right.length ? -1 : length;
}

const cagr: ScenarioSpec = {
  model: 'cagr',
  params: { growthRatePercent: 10 },
  base: { year: 2020, value: 100 },
  horizonYear: 2025,
  targets: [{ year: 2025, value: 150 }],
};

describe('Monte Carlo means match analytic means within 4 standard errors', () => {
  it('normal growth shock every year: E[V_n] = B (1 + μ/100)^n', () => {
    const result = simulate({
      scenario: cagr,
      uncertainty: { distributions: { growthRatePercent: { kind: 'normal', mean: 10, sd: 5 } }, shockMode: 'perYear', trials: 40_000, seed: 11 },
    });
    // Independent yearly factors: E = 100 · 1.1⁵ = 161.051
    const standardError = (result.standardDeviation[5] as number) / Math.sqrt(40_000);
    expect(Math.abs((result.mean[5] as number) - 161.051)).toBeLessThan(4 * standardError);
  });

  it('normal growth drawn once per trial, one year: E[V_1] = B (1 + μ/100)', () => {
    const oneYear: ScenarioSpec = { ...cagr, horizonYear: 2021, targets: [] };
    const result = simulate({
      scenario: oneYear,
      uncertainty: { distributions: { growthRatePercent: { kind: 'normal', mean: 12, sd: 6 } }, shockMode: 'perTrial', trials: 30_000, seed: 5 },
    });
    const standardError = (0.06 * 100) / Math.sqrt(30_000);
    expect(Math.abs((result.mean[1] as number) - 112)).toBeLessThan(4 * standardError);
  });

  const linear: ScenarioSpec = { model: 'linear', params: { incrementPerYear: 0 }, base: { year: 2020, value: 1000 }, horizonYear: 2021 };
  const cases: Array<[string, DistributionSpec, number, number]> = [
    // [name, distribution, analytic mean, analytic sd]
    ['lognormal', { kind: 'lognormal', mean: 50, sd: 20 }, 50, 20],
    ['uniform', { kind: 'uniform', min: 0, max: 120 }, 60, 120 / Math.sqrt(12)],
    ['triangular', { kind: 'triangular', min: 0, mode: 30, max: 90 }, 40, Math.sqrt((0 + 8100 + 900 - 0 - 0 - 2700) / 18)],
    // PERT: (0 + 4·30 + 90) / 6 = 35; sd = √((35 − 0)(90 − 35) / 7)
    ['pert', { kind: 'pert', min: 0, mode: 30, max: 90 }, 35, Math.sqrt((35 * 55) / 7)],
  ];
  it.each(cases)('%s increments: E[V_1] = base + mean', (_name, dist, mean, sd) => {
    const result = simulate({ scenario: linear, uncertainty: { distributions: { incrementPerYear: dist }, shockMode: 'perYear', trials: 30_000, seed: 2024 } });
    const standardError = sd / Math.sqrt(30_000);
    expect(Math.abs((result.mean[1] as number) - (1000 + mean))).toBeLessThan(4 * standardError);
    // Sample sd within 5 % of the analytic value.
    expect(Math.abs((result.standardDeviation[1] as number) / sd - 1)).toBeLessThan(0.05);
  });

  it('lognormal base value, drawn once per trial: mean = lognormal mean × growth', () => {
    const result = simulate({
      scenario: { ...cagr, horizonYear: 2022, targets: [] },
      uncertainty: { distributions: { baseValue: { kind: 'lognormal', mean: 100, sd: 30 } }, shockMode: 'perTrial', trials: 30_000, seed: 3 },
    });
    const standardError = (30 * 1.21) / Math.sqrt(30_000);
    expect(Math.abs((result.mean[2] as number) - 121)).toBeLessThan(4 * standardError);
  });

  it('linear, normal increment every year: V_n = B + n·μ + σ·√n·Z', () => {
    const linearShock: ScenarioSpec = { model: 'linear', params: { incrementPerYear: 0 }, base: { year: 2020, value: 1000 }, horizonYear: 2024 };
    const trials = 100_000;
    const result = simulate({
      scenario: linearShock,
      uncertainty: { distributions: { incrementPerYear: { kind: 'normal', mean: 5, sd: 2 } }, shockMode: 'perYear', trials, seed: 99 },
      keepTrialValues: true,
    });
    // Year 4: mean 1000 + 4·5 = 1020, sd 2·√4 = 4 (independent yearly increments add their variances).
    expect(Math.abs((result.mean[4] as number) - 1020)).toBeLessThan((4 * 4) / Math.sqrt(trials));
    expect(Math.abs((result.standardDeviation[4] as number) / 4 - 1)).toBeLessThan(0.02);
    expect(Math.abs((result.standardDeviation[1] as number) / 2 - 1)).toBeLessThan(0.02);
    // Two-sided 5 % tail beyond 1.96 sd, and 0.27 % beyond 3 sd (the ziggurat's wedge and tail draws).
    const values = result.trialValues as Float64Array;
    let beyond196 = 0;
    let beyond3 = 0;
    for (let t = 0; t < trials; t++) {
      const z = ((values[4 * trials + t] as number) - 1020) / 4;
      if (Math.abs(z) > 1.959964) beyond196++;
      if (Math.abs(z) > 3) beyond3++;
    }
    expect(Math.abs(beyond196 / trials - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / trials));
    expect(Math.abs(beyond3 / trials - 0.0027)).toBeLessThan(4 * Math.sqrt((0.0027 * 0.9973) / trials));
  });

  it('rate path with a normal shift every year: E[V_n] = B · Π (1 + (r_y + μ)/100)', () => {
    const ratePath: ScenarioSpec = { model: 'ratePath', params: { ratesPercent: [3, 7.5, -2] }, base: { year: 2020, value: 100 }, horizonYear: 2025 };
    const result = simulate({
      scenario: ratePath,
      uncertainty: { distributions: { rateShiftPercent: { kind: 'normal', mean: 1, sd: 2 } }, shockMode: 'perYear', trials: 50_000, seed: 8 },
    });
    // Rates 3, 7.5, −2, −2, −2 (the last rate repeats) plus 1: 100 · 1.04 · 1.085 · 0.99³ = 100 · 1.1284 · 0.970299 = 109.4885
    const standardError = (result.standardDeviation[5] as number) / Math.sqrt(50_000);
    expect(Math.abs((result.mean[5] as number) - 109.4885)).toBeLessThan(4 * standardError);
  });

  it('the ziggurat gives mean 0, variance 1 and the right tail share', () => {
    const rng = new Xoshiro128(2024);
    const n = 400_000;
    const draws = new Float64Array(n);
    rng.fillNormals(draws, n, 0, 1);
    let sum = 0;
    let squares = 0;
    let beyond196 = 0;
    for (const z of draws) {
      sum += z;
      squares += z * z;
      if (Math.abs(z) > 1.959964) beyond196++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(squares / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(beyond196 / n - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / n));
  });
});

describe('determinism', () => {
  const input = (seed: number): MonteCarloInput => ({
    scenario: cagr,
    uncertainty: {
      distributions: { growthRatePercent: { kind: 'pert', min: 0, mode: 10, max: 25 }, baseValue: { kind: 'normal', mean: 100, sd: 5 } },
      shockMode: 'perYear',
      trials: 10_000,
      seed,
    },
    keepTrialValues: true,
  });

  it('the same seed gives byte-identical output; different seeds differ', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const first = simulate(input(seed));
        const second = simulate(input(seed));
        expect(firstByteDifference(second.trialValues as Float64Array, first.trialValues as Float64Array)).toBe(-1);
        expect(bytes(second.percentiles[3] as Float64Array)).toEqual(bytes(first.percentiles[3] as Float64Array));
        const other = simulate(input((seed + 1) >>> 0));
        expect(firstByteDifference(other.trialValues as Float64Array, first.trialValues as Float64Array)).not.toBe(-1);
      }),
      { numRuns: 5 },
    );
  });

  it('the same numbers come out however the chunks are stepped', () => {
    const runOneByOne = createMonteCarloRun(input(7));
    while (!runOneByOne.step(1)) {
      // one chunk at a time
    }
    const all = simulate(input(7));
    expect(firstByteDifference(runOneByOne.finish().trialValues as Float64Array, all.trialValues as Float64Array)).toBe(-1);
  });

  it('known first outputs of xoshiro128** for a fixed seed do not change between releases', () => {
    const a = new Xoshiro128(1);
    const b = new Xoshiro128(1);
    const c = new Xoshiro128(1, 1);
    const fromA = [a.nextUint32(), a.nextUint32(), a.nextUint32()];
    expect([b.nextUint32(), b.nextUint32(), b.nextUint32()]).toEqual(fromA);
    expect(c.nextUint32()).not.toBe(fromA[0]);
    for (const value of fromA) expect(Number.isInteger(value) && value >= 0 && value < 2 ** 32).toBe(true);
  });

  it('zero variance reproduces the deterministic path bit for bit', () => {
    for (const scenario of [
      cagr,
      { ...cagr, model: 'logistic', params: { growthRatePercent: 30, ceiling: 400 } } as ScenarioSpec,
      { ...cagr, model: 'ratePath', params: { ratesPercent: [3, 7.5, -2] } } as ScenarioSpec,
    ]) {
      const key = scenario.model === 'ratePath' ? 'rateShiftPercent' : 'growthRatePercent';
      const mean = scenario.model === 'ratePath' ? 0 : scenario.model === 'logistic' ? 30 : 10;
      const result = simulate({
        scenario,
        uncertainty: { distributions: { [key]: { kind: 'normal', mean, sd: 0 } }, shockMode: 'perYear', trials: 10, seed: 1 },
      });
      const path = projectScenario(scenario).values;
      expect(bytes(result.percentiles[3] as Float64Array)).toEqual(bytes(path));
    }
  });

  it('zero variance drawn once per trial also reproduces the deterministic path bit for bit', () => {
    for (const scenario of [cagr, { ...cagr, model: 'logistic', params: { growthRatePercent: 30, ceiling: 400 } } as ScenarioSpec]) {
      const mean = scenario.model === 'logistic' ? 30 : 10;
      const result = simulate({
        scenario,
        uncertainty: { distributions: { growthRatePercent: { kind: 'normal', mean, sd: 0 } }, shockMode: 'perTrial', trials: 10, seed: 1 },
      });
      const path = projectScenario(scenario).values;
      expect(bytes(result.percentiles[0] as Float64Array)).toEqual(bytes(path));
      expect(bytes(result.percentiles[6] as Float64Array)).toEqual(bytes(path));
    }
  });
});

describe('Monte Carlo API', () => {
  it('target probability: shocks of sd 0 give 0 or 1', () => {
    const run = (rate: number) =>
      simulate({
        scenario: cagr,
        uncertainty: { distributions: { growthRatePercent: { kind: 'normal', mean: rate, sd: 0 } }, shockMode: 'perTrial', trials: 100, seed: 1 },
      }).targets[0]?.probability;
    // 100 × 1.1⁵ = 161.05 ≥ 150; 100 × 1.05⁵ = 127.6 < 150
    expect(run(10)).toBe(1);
    expect(run(5)).toBe(0);
  });

  it('can be cancelled between chunks', () => {
    let checks = 0;
    const outcome = runMonteCarlo(
      {
        scenario: cagr,
        uncertainty: { distributions: { growthRatePercent: { kind: 'normal', mean: 10, sd: 2 } }, shockMode: 'perYear', trials: 100_000, seed: 1 },
      },
      { shouldCancel: () => ++checks > 2, chunksPerCheck: 1 },
    );
    expect(outcome.status).toBe('cancelled');
    expect(outcome.status === 'cancelled' && outcome.completedChunks).toBe(2);
  });

  it('rejects invalid uncertainty with field paths', () => {
    expect(() =>
      simulate({ scenario: cagr, uncertainty: { distributions: { ceiling: { kind: 'uniform', min: 1, max: 0 } }, shockMode: 'perYear', trials: 0, seed: -1 } }),
    ).toThrowError(/uncertainty\.trials.*uncertainty\.seed.*uncertainty\.distributions\.ceiling/s);
  });

  it('percentiles by quickselect equal percentiles by sorting (with ties)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 500 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 9 }),
        (values, levels) => {
          const column = Float64Array.from(values, (value) => value / 3);
          const expected = percentilesBySorting(column, levels);
          expect(Array.from(percentilesInPlace(Float64Array.from(column), levels))).toEqual(Array.from(expected));
        },
      ),
    );
  });

  it('percentiles by selection equal percentiles by sorting on long columns with many ties', () => {
    // Above 600 values the selection samples its pivots (Floyd–Rivest); ties must not break it.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 601, maxLength: 4000 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 9 }),
        (values, levels) => {
          const column = Float64Array.from(values, (value) => value / 7);
          const expected = percentilesBySorting(column, levels);
          expect(Array.from(percentilesInPlace(Float64Array.from(column), levels))).toEqual(Array.from(expected));
        },
      ),
      { numRuns: 60 },
    );
    const ascending = Float64Array.from({ length: 5000 }, (_, index) => index);
    // Sorted input, n = 5000: h = 4999 · 0.05 = 249.95 → 249 + 0.95 = 249.95; h = 4999 · 0.5 = 2499.5 → 2499.5
    expect(Array.from(percentilesInPlace(Float64Array.from(ascending).reverse(), [5, 50, 100]))).toEqual([249.95, 2499.5, 4999]);
  });

  it('percentile definition: linear interpolation (Excel PERCENTILE.INC)', () => {
    expect(Array.from(percentilesInPlace(Float64Array.from([4, 1, 3, 2]), [0, 25, 50, 100]))).toEqual([1, 1.75, 2.5, 4]);
  });
});

describe('growth rate for a wanted probability', () => {
  // With growth drawn once per trial from N(m, s), P(V_2025 ≥ 10,000) = P(g ≥ g*) with g* = 14.9729 % (required CAGR).
  const highTech: ScenarioSpec = { model: 'cagr', params: { growthRatePercent: 19.2 }, base: { year: 2023, value: 7565 }, horizonYear: 2027 };
  const uncertainty = {
    distributions: { growthRatePercent: { kind: 'normal', mean: 19.2, sd: 4 } as const },
    shockMode: 'perTrial' as const,
    trials: 20_000,
    seed: 17,
  };

  it('50 % needs a mean equal to the required CAGR', () => {
    const result = growthForProbability({ scenario: highTech, uncertainty, target: { year: 2025, value: 10000 }, probability: 0.5 });
    expect(result.status).toBe('found');
    // Sampling error of a median of 20,000 normals with sd 4: 1.2533 · 4 / √20000 ≈ 0.035
    expect(result.status === 'found' && Math.abs(result.assumedMean - 14.9729)).toBeLessThan(0.15);
  });

  it('90 % needs the required CAGR + 1.2816 sd', () => {
    const result = growthForProbability({ scenario: highTech, uncertainty, target: { year: 2025, value: 10000 }, probability: 0.9 });
    expect(result.status === 'found' && Math.abs(result.assumedMean - (14.9729 + 1.2816 * 4))).toBeLessThan(0.2);
    expect(result.status === 'found' && result.achievedProbability).toBeGreaterThanOrEqual(0.9);
  });

  it('is unreachable when a logistic ceiling is below the target', () => {
    const logistic: ScenarioSpec = {
      model: 'logistic',
      params: { growthRatePercent: 20, ceiling: 9000 },
      base: { year: 2023, value: 7565 },
      horizonYear: 2027,
    };
    const result = growthForProbability({
      scenario: logistic,
      uncertainty: { ...uncertainty, trials: 2000 },
      target: { year: 2025, value: 10000 },
      probability: 0.5,
    });
    expect(result.status).toBe('unreachable');
  });
});

describe('Monte Carlo percentiles equal sorting each year of the trial values', () => {
  /** Written out here rather than imported: sort a copy of the column (−0 before +0, NaN last), then R type 7. */
  function sortedPercentile(column: Float64Array, level: number): number {
    const sorted = Float64Array.from(column).sort();
    const h = ((sorted.length - 1) * level) / 100;
    const lower = Math.floor(h);
    const fraction = h - lower;
    const low = sorted[lower] as number;
    return fraction > 0 && lower + 1 < sorted.length ? low + fraction * ((sorted[lower + 1] as number) - low) : low;
  }

  // 20,000 trials: long enough for the histogram path (8,192 and up), every fused kernel and a generic loop, values
  // of both signs (linear), many exact zeros (a logistic path floored at 0) and a constant base year.
  const normal = (sd: number): DistributionSpec => ({ kind: 'normal', mean: 0, sd });
  const cases: Array<[string, MonteCarloInput]> = [
    [
      'cagr',
      {
        scenario: cagr,
        uncertainty: { distributions: { growthRatePercent: { kind: 'normal', mean: 10, sd: 5 } }, shockMode: 'perYear', trials: 20_000, seed: 1 },
        keepTrialValues: true,
      },
    ],
    [
      'ratePath',
      {
        scenario: { model: 'ratePath', params: { ratesPercent: [3, -2] }, base: { year: 2020, value: 100 }, horizonYear: 2026 },
        uncertainty: { distributions: { rateShiftPercent: normal(3) }, shockMode: 'perYear', trials: 20_000, seed: 2 },
        keepTrialValues: true,
      },
    ],
    [
      'linear around 0',
      {
        scenario: { model: 'linear', params: { incrementPerYear: -20 }, base: { year: 2020, value: 50 }, horizonYear: 2026 },
        uncertainty: { distributions: { incrementPerYear: { kind: 'normal', mean: -20, sd: 40 } }, shockMode: 'perYear', trials: 20_000, seed: 3 },
        keepTrialValues: true,
      },
    ],
    [
      'logistic floored at 0',
      {
        scenario: { model: 'logistic', params: { growthRatePercent: -60, ceiling: 1000 }, base: { year: 2020, value: 100 }, horizonYear: 2026 },
        uncertainty: { distributions: { growthRatePercent: { kind: 'normal', mean: -60, sd: 50 } }, shockMode: 'perYear', trials: 20_000, seed: 4 },
        keepTrialValues: true,
      },
    ],
    [
      'lognormal base, per-trial growth',
      {
        scenario: cagr,
        uncertainty: {
          distributions: { baseValue: { kind: 'lognormal', mean: 100, sd: 80 }, growthRatePercent: { kind: 'uniform', min: -5, max: 20 } },
          shockMode: 'perTrial',
          trials: 20_000,
          seed: 5,
        },
        keepTrialValues: true,
      },
    ],
  ];
  it.each(cases)('%s', (_name, input) => {
    const result = simulate(input);
    const values = result.trialValues as Float64Array;
    const { trials, yearCount } = result;
    for (let year = 0; year < yearCount; year++) {
      const column = values.subarray(year * trials, (year + 1) * trials);
      const expected = result.percentileLevels.map((level) => sortedPercentile(column, level));
      expect(
        result.percentiles.map((series) => series[year] as number),
        `year ${year}`,
      ).toEqual(expected);
    }
  });
});
