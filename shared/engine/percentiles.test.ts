import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnPercentiles, percentilesBySorting } from './percentiles';

const LEVELS = [5, 10, 25, 50, 75, 90, 95];

/** The histogram path starts at 8192 values; every column here is longer so that path is the one tested. */
const LONG = 10_000;

function expectSameAsSorting(column: Float64Array, levels: readonly number[] = LEVELS): void {
  const before = Float64Array.from(column);
  const expected = Array.from(percentilesBySorting(column, levels));
  expect(Array.from(columnPercentiles(column, levels))).toEqual(expected);
  // The column is read, never reordered: the Monte Carlo keeps the trial values for the caller.
  expect(Array.from(column)).toEqual(Array.from(before));
}

/** Park–Miller generator, so the columns are the same on every run without depending on the engine's generator. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

describe('percentiles of long columns by histogram selection', () => {
  it('match percentiles by sorting for the shapes a simulation produces', () => {
    const random = seeded(7);
    const normal = (): number => Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
    const shapes: Record<string, () => number> = {
      'normal around 8000': () => 8000 + 400 * normal(),
      'lognormal, heavy right tail': () => 7565 * Math.exp(1.5 * normal()),
      'negative values (linear model losses)': () => -500 + 300 * normal(),
      'few distinct values (ties)': () => Math.floor(random() * 5),
      'one far outlier bunching the rest into one bucket': () => (random() < 0.0005 ? 1e15 : 1 + random()),
      'two clusters twelve orders apart': () => (random() < 0.5 ? 1e-3 * random() : 1e9 + random()),
    };
    for (const [name, draw] of Object.entries(shapes)) {
      const column = Float64Array.from({ length: 100_000 }, draw);
      expect.soft(Array.from(columnPercentiles(column, LEVELS)), name).toEqual(Array.from(percentilesBySorting(column, LEVELS)));
    }
  });

  it('give the hand-computed order statistics of a shuffled 0…9999', () => {
    const random = seeded(11);
    const column = Float64Array.from({ length: LONG }, (_, index) => index);
    for (let i = column.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [column[i], column[j]] = [column[j] as number, column[i] as number];
    }
    // h = 9999 · p/100: P5 = 499.95, P50 = 4999.5, P95 = 9499.05 (values equal their ranks); P0 and P100 are the ends.
    const [p0, p5, p50, p95, p100] = Array.from(columnPercentiles(column, [0, 5, 50, 95, 100]));
    expect(p0).toBe(0);
    expect(p5).toBeCloseTo(499.95, 9);
    expect(p50).toBe(4999.5);
    expect(p95).toBeCloseTo(9499.05, 9);
    expect(p100).toBe(9999);
  });

  it('handle sorted, reversed and constant columns', () => {
    const ascending = Float64Array.from({ length: LONG }, (_, index) => index * 0.5);
    expectSameAsSorting(ascending);
    expectSameAsSorting(Float64Array.from(ascending).reverse());
    expect(Array.from(columnPercentiles(new Float64Array(LONG).fill(3000), LEVELS))).toEqual(LEVELS.map(() => 3000));
  });

  it('fall back to selection, with the same answer, when a value is infinite or the range overflows', () => {
    const spread = Float64Array.from({ length: LONG }, (_, index) => index);
    spread[17] = Infinity;
    spread[4000] = -Infinity;
    expectSameAsSorting(spread);
    const huge = Float64Array.from({ length: LONG }, (_, index) => (index % 2 === 0 ? -1.7e308 : 1.7e308) * (index / LONG));
    expectSameAsSorting(huge);
  });

  it('place NaN after every number, as sorting does, whether it is sampled or not', () => {
    for (const at of [0, 5, 9_999]) {
      const column = Float64Array.from({ length: LONG }, (_, index) => index);
      column[at] = NaN;
      expectSameAsSorting(column, [0, 50, 99.99, 100]);
    }
    const constantWithNaN = new Float64Array(LONG).fill(2);
    constantWithNaN[123] = NaN;
    expectSameAsSorting(constantWithNaN, [50, 100]);
  });

  it('match percentiles by sorting on random long columns and levels', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -30, max: 30 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 8192, maxLength: 12_000 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 9 }),
        (values, levels) => expectSameAsSorting(Float64Array.from(values), levels),
      ),
      { numRuns: 25 },
    );
  });
});
