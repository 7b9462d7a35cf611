import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnPercentiles, percentilesBySorting, percentilesInPlace } from './percentiles';

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

/**
 * The reference for the tests below, written out here rather than imported: sort a copy (Float64Array sort puts
 * −0 before +0 and NaN after every number), then R type 7 between the order statistics at h = (n − 1)·p/100.
 */
function bySorting(column: Float64Array, levels: readonly number[]): number[] {
  const sorted = Float64Array.from(column).sort();
  const n = sorted.length;
  return levels.map((level) => {
    const h = ((n - 1) * level) / 100;
    const lower = Math.floor(h);
    const fraction = h - lower;
    const low = sorted[lower] as number;
    return fraction > 0 && lower + 1 < n ? low + fraction * ((sorted[lower + 1] as number) - low) : low;
  });
}

/** Levels that hit the ends, both sides of every default level, and ranks with and without interpolation. */
const PROBE_LEVELS = [0, 0.01, 1, 5, 10, 25, 33.3, 50, 66.7, 75, 90, 95, 99, 99.99, 100];

/** toEqual tells −0 from +0 and takes NaN as equal to NaN, which is the comparison wanted here. */
function expectAsSorting(column: Float64Array, levels: readonly number[] = PROBE_LEVELS, scratch?: Float64Array): void {
  const before = Float64Array.from(column);
  const expected = bySorting(column, levels);
  expect(Array.from(columnPercentiles(column, levels, undefined, scratch))).toEqual(expected);
  // Bit for bit (NaN payloads included), by a loop: toEqual on 80 kB of bytes takes seconds.
  const now = new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
  const then = new Uint8Array(before.buffer);
  let changed = -1;
  for (let index = 0; index < now.length && changed < 0; index++) if (now[index] !== then[index]) changed = index;
  expect(changed).toBe(-1);
}

function shuffle(column: Float64Array, random: () => number): Float64Array {
  for (let i = column.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [column[i], column[j]] = [column[j] as number, column[i] as number];
  }
  return column;
}

const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** Writes a double by its two 32-bit words (a NaN with the sign bit set cannot be written as a number literal). */
function setBits(column: Float64Array, index: number, high: number, low: number): void {
  const view = new DataView(column.buffer, column.byteOffset + 8 * index, 8);
  view.setUint32(LITTLE_ENDIAN ? 4 : 0, high, LITTLE_ENDIAN);
  view.setUint32(LITTLE_ENDIAN ? 0 : 4, low, LITTLE_ENDIAN);
}

function highWord(column: Float64Array, index: number): number {
  return new DataView(column.buffer, column.byteOffset + 8 * index, 8).getUint32(LITTLE_ENDIAN ? 4 : 0, LITTLE_ENDIAN);
}

describe('percentiles by the bit histogram equal sorting on adversarial columns', () => {
  it('constant columns, whatever the constant', () => {
    for (const value of [3000, -7.5, 0, -0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e-300, NaN]) {
      const column = new Float64Array(LONG).fill(value);
      // Every order statistic is the constant itself, with its sign. With n = 10,000 only P0 and P100 land on a rank
      // (h = 0, 9999); the others interpolate, c + f·(c − c) = c + 0, which is c except for −0 (−0 + 0 = +0).
      const expected = PROBE_LEVELS.map((level) => (level === 0 || level === 100 ? value : value + 0));
      expect.soft(Array.from(columnPercentiles(column, PROBE_LEVELS)), Object.is(value, -0) ? '-0' : String(value)).toEqual(expected);
    }
    // Interpolating between two infinities gives NaN (Infinity − Infinity), by definition as much as by sorting.
    for (const value of [Infinity, -Infinity]) expectAsSorting(new Float64Array(LONG).fill(value));
    expect(Array.from(columnPercentiles(new Float64Array(LONG).fill(-Infinity), [0, 50, 100]))).toEqual([-Infinity, NaN, -Infinity]);
  });

  it('two distinct values, the boundary exactly at a wanted rank', () => {
    // 9,500 ones, then 500 twos, shuffled; n = 10,000: P95 has h = 9999 · 0.95 = 9499.05, between the last 1 (rank 9499) and
    // the first 2 (rank 9500), so P95 = 1 + 0.05 · (2 − 1); P94 is a one, P96 a two.
    const column = shuffle(
      Float64Array.from({ length: LONG }, (_, index) => (index < 9500 ? 1 : 2)),
      seeded(3),
    );
    const [p94, p95, p96] = Array.from(columnPercentiles(column, [94, 95, 96]));
    expect(p94).toBe(1);
    expect(p95).toBeCloseTo(1.05, 10);
    expect(p96).toBe(2);
    expectAsSorting(column);
    // A single value different from all the others, at the top and at the bottom.
    const one = new Float64Array(LONG).fill(5);
    one[1234] = 6;
    expectAsSorting(one);
    one[1234] = 4;
    expectAsSorting(one);
    expect(columnPercentiles(one, [0])[0]).toBe(4);
  });

  it('heavy ties at the wanted ranks', () => {
    const random = seeded(5);
    // 10 % ones, 80 % fives, 10 % nines: P5 … P95 all fall inside runs of equal values or on their edges.
    const column = Float64Array.from({ length: 100_000 }, () => {
      const u = random();
      return u < 0.1 ? 1 : u < 0.9 ? 5 : 9;
    });
    expectAsSorting(column, LEVELS);
    expectAsSorting(column);
    // Ranks landing exactly on the edges of the runs: 1,000 ones and 9,001 fives, n = 10,001, h = 10000 · p/100.
    const edges = shuffle(
      Float64Array.from({ length: 10_001 }, (_, index) => (index < 1000 ? 1 : 5)),
      random,
    );
    // h = 1000 · (9.99 … 10.01) → ranks 999 (last one), 1000 (first five), 1001.
    expect(Array.from(columnPercentiles(edges, [0, 10, 100]))).toEqual([1, 5, 5]);
    expectAsSorting(edges, [9.99, 9.995, 10, 10.005, 10.01]);
  });

  it('a range of 24 orders of magnitude, 1e-9 to 1e15, and one of 600', () => {
    const random = seeded(9);
    expectAsSorting(Float64Array.from({ length: 100_000 }, () => 10 ** (-9 + 24 * random())));
    expectAsSorting(Float64Array.from({ length: LONG }, () => 10 ** (-300 + 600 * random())));
    expectAsSorting(Float64Array.from({ length: LONG }, () => -(10 ** (-9 + 24 * random()))));
  });

  it('negative values, −0 and +0: each zero found with the sign it has in sorted order', () => {
    const random = seeded(13);
    // n = 10,001 so h = 10000 · p/100 is a whole rank for P0, P25, P50, P75, P100 (no interpolation to hide a sign).
    // 5,001 × −0 then 5,000 × +0: ranks 0…5000 are −0, so P50 = −0 and P75 = +0.
    const zeros = shuffle(
      Float64Array.from({ length: 10_001 }, (_, index) => (index <= 5000 ? -0 : 0)),
      random,
    );
    expect(Array.from(columnPercentiles(zeros, [0, 25, 50, 75, 100]))).toEqual([-0, -0, -0, 0, 0]);
    // One −0 fewer: rank 5000 is now the first +0.
    zeros[zeros.indexOf(0) === -1 ? 0 : Array.from(zeros).findIndex((value) => Object.is(value, -0))] = 0;
    expect(Array.from(columnPercentiles(zeros, [0, 25, 50, 75, 100]))).toEqual([-0, -0, 0, 0, 0]);
    // 2,000 negatives (ranks 0…1999), 3,001 × −0 (2000…5000), 3,000 × +0 (5001…8000), 2,000 positives (8001…10000).
    const mixed = shuffle(
      Float64Array.from({ length: 10_001 }, (_, index) => (index < 2000 ? -1 - index : index < 5001 ? -0 : index < 8001 ? 0 : index)),
      random,
    );
    const [p0, p20, p25, p50, p50next, p75, p80, p100] = Array.from(columnPercentiles(mixed, [0, 20, 25, 50, 50.01, 75, 80, 100]));
    expect(p0).toBe(-2000);
    expect(p20).toBe(-0);
    expect(p25).toBe(-0);
    expect(p50).toBe(-0);
    expect(p50next).toBe(0);
    expect(p75).toBe(0);
    expect(p80).toBe(0);
    expect(p100).toBe(10_000);
    expectAsSorting(mixed);
    // Normal values around 0 (losses and gains), and tiny values of both signs.
    expectAsSorting(
      Float64Array.from({ length: 100_000 }, () => -500 + 300 * Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random())),
      LEVELS,
    );
    expectAsSorting(Float64Array.from({ length: LONG }, () => (random() - 0.5) * 1e-300));
  });

  it('NaN, with and without the sign bit, sorts after every number', () => {
    const random = seeded(17);
    const base = (): Float64Array => Float64Array.from({ length: LONG }, () => 100 * random());
    const plain = base();
    for (let i = 0; i < 700; i++) plain[Math.floor(random() * LONG)] = NaN;
    expectAsSorting(plain);
    // NaN with the sign bit set (and a payload): its bits order it below −Infinity, sorting puts it last.
    const negative = base();
    for (let i = 0; i < 600; i++) setBits(negative, Math.floor(random() * LONG), 0xfff80000, 12345);
    expect(highWord(negative, negative.findIndex(Number.isNaN)) >>> 31).toBe(1);
    expectAsSorting(negative);
    // A NaN whose high word equals +Infinity's (only the low word tells them apart), with +Infinity itself.
    const edge = base();
    for (let i = 0; i < 300; i++) setBits(edge, Math.floor(random() * LONG), 0x7ff00000, 1 + i);
    for (let i = 0; i < 300; i++) setBits(edge, Math.floor(random() * LONG), 0xfff00000, 1 + i);
    edge[10] = Infinity;
    edge[11] = -Infinity;
    expectAsSorting(edge);
    // A column that is mostly NaN: P25 and above are NaN.
    const mostly = base();
    for (let i = 0; i < LONG; i++) if (i % 4 !== 0) mostly[i] = NaN;
    expectAsSorting(mostly);
  });

  it('infinities at both ends', () => {
    const random = seeded(19);
    const column = Float64Array.from({ length: LONG }, () => random());
    for (let i = 0; i < 800; i++) column[Math.floor(random() * LONG)] = random() < 0.5 ? Infinity : -Infinity;
    expectAsSorting(column);
  });

  it('lengths 1 and 2, and both sides of the histogram threshold', () => {
    expect(Array.from(columnPercentiles(Float64Array.of(7), [0, 50, 100]))).toEqual([7, 7, 7]);
    expect(Array.from(columnPercentiles(Float64Array.of(-0), [0, 100]))).toEqual([-0, -0]);
    // n = 2: h = p/100, P50 = 1 + 0.5 · (3 − 1) = 2.
    expect(Array.from(columnPercentiles(Float64Array.of(3, 1), [0, 50, 100]))).toEqual([1, 2, 3]);
    expect(Array.from(columnPercentiles(Float64Array.of(0, -0), [0, 100]))).toEqual([-0, 0]);
    expect(Array.from(columnPercentiles(Float64Array.of(NaN, 1), [0, 100]))).toEqual([1, NaN]);
    const random = seeded(23);
    for (const n of [8191, 8192, 8193, 10_001, 10_002]) expectAsSorting(Float64Array.from({ length: n }, () => Math.floor(random() * 50) - 25.5));
  });

  it('all values in one bucket: one shared high word, or bunched by a far outlier', () => {
    // 1e9 + k·1e-6: the high 32 bits of every value are the same, so only an exact selection can order them.
    const shared = shuffle(
      Float64Array.from({ length: LONG }, (_, index) => 1e9 + (index % 977) * 1e-6),
      seeded(29),
    );
    expect(new Set(Array.from({ length: LONG }, (_, index) => highWord(shared, index))).size).toBe(1);
    expectAsSorting(shared);
    // Everything but one value inside a relative width of 1e-6, the outlier 300 orders of magnitude away.
    const random = seeded(31);
    const bunched = Float64Array.from({ length: 100_000 }, () => 1 + 1e-6 * random());
    bunched[50_000] = 1e300;
    expectAsSorting(bunched);
    bunched[50_000] = -1e300;
    expectAsSorting(bunched);
  });

  it('ranks that fall below and above the range guessed from the sample', () => {
    const random = seeded(37);
    // Outliers only at positions i mod 331 in [100, 153), away from the runs the range is guessed from, so the
    // guess covers [0, 1) and P5 and P95 fall among values counted as below or above it.
    const column = Float64Array.from({ length: LONG }, (_, index) => {
      const offset = index % 331;
      if (offset < 100 || offset >= 153) return random();
      return offset < 126 ? -1e12 * (1 + random()) : 1e12 * (1 + random());
    });
    expectAsSorting(column);
    expectAsSorting(column, [1, 2, 3, 4, 5, 6, 7, 8, 92, 93, 94, 95, 96, 97, 98, 99]);
  });

  it('read a column through a view with an offset, and reuse one scratch array across columns', () => {
    const random = seeded(41);
    const matrix = Float64Array.from({ length: 3 * LONG + 3 }, () => 1000 * random() - 100);
    const scratch = new Float64Array(LONG);
    for (const start of [3, LONG + 3, 2 * LONG + 3]) expectAsSorting(matrix.subarray(start, start + LONG), LEVELS, scratch);
    // An odd length at an odd offset.
    expectAsSorting(matrix.subarray(1, 1 + 10_001), PROBE_LEVELS, new Float64Array(10_001));
  });

  it('random long columns of any doubles (NaN, ±Infinity, −0, subnormals) with many repeats', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double(), fc.constantFrom(0, -0, 1, -1, NaN, 5e-324), fc.integer({ min: -3, max: 3 })), { minLength: 8192, maxLength: 11_000 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 9 }),
        (values, levels) => expectAsSorting(Float64Array.from(values), levels),
      ),
      { numRuns: 20 },
    );
  });

  it('random short columns (the selection path) of any doubles', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double(), fc.constantFrom(0, -0, NaN)), { minLength: 1, maxLength: 60 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 9 }),
        (values, levels) => {
          expectAsSorting(Float64Array.from(values), levels);
          expect(Array.from(percentilesInPlace(Float64Array.from(values), levels))).toEqual(bySorting(Float64Array.from(values), levels));
        },
      ),
      { numRuns: 300 },
    );
  });
});
