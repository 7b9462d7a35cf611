/**
 * Percentiles of typed-array columns. Definition: linear interpolation between order statistics at
 * h = (n − 1)·p/100 (R type 7, Excel PERCENTILE.INC), the order statistics taken in the order
 * Float64Array.prototype.sort gives: −0 before +0, NaN after every number. Every path below returns exactly the
 * values `percentilesBySorting` does.
 *
 * Long columns (`columnPercentiles`) use a radix-style histogram on the bits of the doubles. The high 32-bit word of
 * an IEEE double (sign, exponent, top 20 mantissa bits), with the non-sign bits flipped for negative numbers, is a
 * signed integer whose order is the order of the values (ties only between values that share that word). One pass
 * counts these keys into 4096 buckets of 2^shift consecutive keys over a range guessed from a sample; a walk over the
 * counts finds the bucket and the rank inside it of every wanted order statistic; a second pass gathers only the
 * values of those few buckets (about 1 % of the column), and an exact selection runs inside each. Integer keys need
 * no range arithmetic that could overflow, give buckets evenly spaced in the logarithm (so heavy right tails and
 * ranges such as 1e-9 … 1e15 still split), and place −0 below +0 and NaN above +Infinity as sorting does.
 */

import { percentOf } from '../units/rates';

/**
 * Rearranges a[left..right] so that a[k] is the k-th smallest, smaller-or-equal values before it, larger-or-equal after.
 * Floyd–Rivest SELECT: on large ranges it first selects within a small sample around the expected position of k, so
 * the pivot lands close to the wanted order statistic and one partition pass leaves only a sliver to finish
 * (≈ n + min(k, n − k) comparisons instead of ≈ 3n for median-of-three quickselect). The pivot choice only affects
 * speed: the result is the exact order statistic for any input.
 */
function floydRivestSelect(a: Float64Array, left: number, right: number, k: number): void {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    if (hi - lo > 600) {
      // Sample size and spread from Floyd & Rivest (1975), Algorithm 489.
      const n = hi - lo + 1;
      const m = k - lo + 1;
      const z = Math.log(n);
      const sampleSize = 0.5 * Math.exp((2 * z) / 3);
      const spread = 0.5 * Math.sqrt((z * sampleSize * (n - sampleSize)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const sampleLeft = Math.max(lo, Math.floor(k - (m * sampleSize) / n + spread));
      const sampleRight = Math.min(hi, Math.floor(k + ((n - m) * sampleSize) / n + spread));
      floydRivestSelect(a, sampleLeft, sampleRight, k);
    }
    const pivot = a[k] as number;
    let i = lo;
    let j = hi;
    swap(a, lo, k);
    if ((a[hi] as number) > pivot) swap(a, lo, hi);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
    }
    if ((a[lo] as number) === pivot) {
      swap(a, lo, j);
    } else {
      j++;
      swap(a, j, hi);
    }
    if (j <= k) lo = j + 1;
    if (k <= j) hi = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const value = a[i] as number;
  a[i] = a[j] as number;
  a[j] = value;
}

/** Puts the smallest of a[left..right] at a[left] (one comparison per element, no partitioning). */
function moveMinimumToFront(a: Float64Array, left: number, right: number): void {
  let best = left;
  let bestValue = a[left] as number;
  for (let i = left + 1; i <= right; i++) {
    const value = a[i] as number;
    if (value < bestValue) {
      bestValue = value;
      best = i;
    }
  }
  swap(a, left, best);
}

function moveMaximumToBack(a: Float64Array, left: number, right: number): void {
  let best = right;
  let bestValue = a[right] as number;
  for (let i = left; i < right; i++) {
    const value = a[i] as number;
    if (value > bestValue) {
      bestValue = value;
      best = i;
    }
  }
  swap(a, right, best);
}

/**
 * Places every order statistic ks[first..last] (sorted, within [left, right]). Selecting the middle one first
 * splits the range so each later selection only scans its own part (P50 first, then P5–P25 in the lower part,
 * P75–P95 in the upper). An interpolation pair (k, k + 1) leaves k + 1 at the edge of its part, found by a min scan.
 */
function multiSelect(a: Float64Array, left: number, right: number, ks: readonly number[], first: number, last: number): void {
  if (first > last || left > right) return;
  const middle = (first + last) >>> 1;
  const k = ks[middle] as number;
  if (k === left) moveMinimumToFront(a, left, right);
  else if (k === right) moveMaximumToBack(a, left, right);
  else floydRivestSelect(a, left, right, k);
  multiSelect(a, left, k - 1, ks, first, middle - 1);
  multiSelect(a, k + 1, right, ks, middle + 1, last);
}

/** Index of the high word (sign, exponent, top 20 mantissa bits) of a double in an Int32Array view: 1 on little-endian hosts. */
const HIGH_WORD = new Int32Array(new Float64Array([-0]).buffer)[1] === 0 ? 0 : 1;
const LOW_WORD = 1 - HIGH_WORD;

const BUCKETS = 4096;
/** Below this length the histogram's fixed costs (4096 counters, two passes) outweigh a direct selection. */
const HISTOGRAM_MIN_LENGTH = 8192;
/**
 * A gathered bucket longer than HISTOGRAM_MIN_LENGTH (values bunched by an outlier) gets a histogram of its own,
 * at most this many levels deep; below that, or past it, an exact selection finishes it.
 */
const HISTOGRAM_MAX_DEPTH = 3;
/**
 * The range of keys is guessed from SAMPLE_BLOCKS evenly spaced runs of SAMPLE_BLOCK_LENGTH consecutive values:
 * runs rather than single values because 1,024 values spread over a column not in cache cost 1,024 memory
 * round trips (about 0.1 ms, a quarter of the counting pass), runs of 64 one eighth of that.
 */
const SAMPLE_BLOCKS = 16;
const SAMPLE_BLOCK_LENGTH = 64;
/** Key of +Infinity; every NaN with a clear sign bit has a key at or above it. */
const KEY_POSITIVE_INFINITY = 0x7ff00000;
/** One above the key of −Infinity (−0x7ff00001); a NaN with the sign bit set has a key below that. */
const KEY_NEGATIVE_LIMIT = -0x7ff00000;

/**
 * Counters, two tables of BUCKETS + 2 (underflow, buckets, overflow), and the bucket → gather slot map, kept across
 * columns so a Monte Carlo summary allocates nothing per column. A level has finished with both before it recurses
 * into a gathered bucket, so the levels can share them.
 */
const bucketCounts = new Int32Array(2 * (BUCKETS + 2));
const slotOfBucket = new Int32Array(BUCKETS + 2);

/** Order statistics (0-based ranks) that the requested levels need: ⌊h⌋, and ⌊h⌋ + 1 when interpolating. */
function ranksFor(n: number, levels: readonly number[]): number[] {
  const wanted = new Set<number>();
  for (const level of levels) {
    const h = percentOf(n - 1, level);
    const lower = Math.floor(h);
    wanted.add(lower);
    if (h > lower && lower + 1 < n) wanted.add(lower + 1);
  }
  return [...wanted].sort((a, b) => a - b);
}

/** The levels' percentiles from the order statistics `found[i]` at `ranks[i]`; the same arithmetic as percentilesBySorting. */
function interpolate(n: number, levels: readonly number[], ranks: readonly number[], found: Float64Array, out: Float64Array): Float64Array {
  const valueAtRank = (rank: number): number => found[ranks.indexOf(rank)] as number;
  levels.forEach((level, index) => {
    const h = percentOf(n - 1, level);
    const lower = Math.floor(h);
    const fraction = h - lower;
    const low = valueAtRank(lower);
    out[index] = fraction > 0 && lower + 1 < n ? low + fraction * (valueAtRank(lower + 1) - low) : low;
  });
  return out;
}

/** Order key of the double whose high word is words[i]: the word itself for +, the non-sign bits flipped for −. */
function keyAt(words: Int32Array, i: number): number {
  const h = words[i] as number;
  return h ^ ((h >> 31) & 0x7fffffff);
}

function containsNaN(a: Float64Array): boolean {
  for (let index = 0; index < a.length; index++) {
    const value = a[index] as number;
    if (value !== value) return true;
  }
  return false;
}

/**
 * Selection compares with `<`, for which −0 and +0 are equal, so a zero it places at a rank may carry either sign;
 * sorting puts every −0 before every +0. Gives each zero in `found` the sign it has at its rank in sorted order.
 */
function fixZeroSigns(a: Float64Array, ranks: readonly number[], found: Float64Array): void {
  /** Values that sort before +0 (negative numbers and −0); counted only if a zero was found. */
  let belowPositiveZero = -1;
  for (let index = 0; index < ranks.length; index++) {
    if (found[index] !== 0) continue;
    if (belowPositiveZero < 0) {
      belowPositiveZero = 0;
      for (let i = 0; i < a.length; i++) {
        const value = a[i] as number;
        if (value < 0 || (value === 0 && 1 / value < 0)) belowPositiveZero++;
      }
    }
    found[index] = (ranks[index] as number) < belowPositiveZero ? -0 : 0;
  }
}

/** The order statistics at `ranks` (sorted) of `a`, which is reordered, into `found`. */
function selectInPlace(a: Float64Array, ranks: readonly number[], found: Float64Array): void {
  // Selection needs an order, which NaN breaks; sorting puts NaN last, the definition used throughout.
  if (containsNaN(a)) a.sort();
  else multiSelect(a, 0, a.length - 1, ranks, 0, ranks.length - 1);
  ranks.forEach((rank, index) => (found[index] = a[rank] as number));
  fixZeroSigns(a, ranks, found);
}

/**
 * Writes the requested percentiles (levels in percent, 0–100) of `column` into `out`.
 * `column` is reordered in place; pass a scratch copy when the order matters.
 */
export function percentilesInPlace(column: Float64Array, levels: readonly number[], out: Float64Array = new Float64Array(levels.length)): Float64Array {
  const n = column.length;
  if (n === 0) {
    out.fill(NaN);
    return out;
  }
  const ranks = ranksFor(n, levels);
  const found = new Float64Array(ranks.length);
  selectInPlace(column, ranks, found);
  return interpolate(n, levels, ranks, found, out);
}

/**
 * Counts the keys of a[0..n) (high words at words[2j + HIGH_WORD]) into bucketCounts: 0 below `base`, 1…size for
 * [base, base + size·2^shift), size + 1 above. Two values per iteration go to two separate tables: counting both
 * into one made every increment of a hot bucket wait for the store of the previous one (about 1.6× slower).
 * `((k − base) | 0) >>> shift` is the offset in 32-bit wrap-around arithmetic, read unsigned: a key below the
 * base wraps to at least 2³² − (base + size·2^shift) ≥ size·2^shift, so one unsigned test tells in-range keys from
 * the rest (the range lies inside the int32 keys). shift ≥ 1 keeps the result below 2³¹, so `| 0` does not change it.
 */
function countKeys(words: Int32Array, n: number, base: number, shift: number, size: number): void {
  const counts = bucketCounts;
  const over = size + 1;
  const second = size + 2;
  const end = 2 * n;
  let i = HIGH_WORD;
  for (; i + 2 < end; i += 4) {
    const h0 = words[i] as number;
    const h1 = words[i + 2] as number;
    const k0 = h0 ^ ((h0 >> 31) & 0x7fffffff);
    const k1 = h1 ^ ((h1 >> 31) & 0x7fffffff);
    const d0 = (((k0 - base) | 0) >>> shift) | 0;
    const d1 = (((k1 - base) | 0) >>> shift) | 0;
    const b0 = d0 < size ? d0 + 1 : k0 < base ? 0 : over;
    const b1 = (d1 < size ? d1 + 1 : k1 < base ? 0 : over) + second;
    counts[b0] = (counts[b0] as number) + 1;
    counts[b1] = (counts[b1] as number) + 1;
  }
  if (i < end) {
    const h = words[i] as number;
    const k = h ^ ((h >> 31) & 0x7fffffff);
    const d = (((k - base) | 0) >>> shift) | 0;
    const b = d < size ? d + 1 : k < base ? 0 : over;
    counts[b] = (counts[b] as number) + 1;
  }
}

/**
 * Copies every value of a[0..n) whose bucket (as in countKeys) has a slot into that slot's run of `gathered`
 * (fill[slot] is the next free index of the run). Two values per iteration, tested together: almost every pair
 * has no wanted value, so the loop is one well-predicted branch per two values.
 */
function gatherBuckets(
  a: Float64Array,
  words: Int32Array,
  n: number,
  base: number,
  shift: number,
  size: number,
  fill: Int32Array,
  gathered: Float64Array,
): void {
  const slots = slotOfBucket;
  const over = size + 1;
  let j = 0;
  let i = HIGH_WORD;
  for (; j + 1 < n; j += 2, i += 4) {
    const h0 = words[i] as number;
    const h1 = words[i + 2] as number;
    const k0 = h0 ^ ((h0 >> 31) & 0x7fffffff);
    const k1 = h1 ^ ((h1 >> 31) & 0x7fffffff);
    const d0 = (((k0 - base) | 0) >>> shift) | 0;
    const d1 = (((k1 - base) | 0) >>> shift) | 0;
    const s0 = slots[d0 < size ? d0 + 1 : k0 < base ? 0 : over] as number;
    const s1 = slots[d1 < size ? d1 + 1 : k1 < base ? 0 : over] as number;
    if ((s0 | s1) !== 0) {
      if (s0 !== 0) {
        const at = fill[s0] as number;
        gathered[at] = a[j] as number;
        fill[s0] = at + 1;
      }
      if (s1 !== 0) {
        const at = fill[s1] as number;
        gathered[at] = a[j + 1] as number;
        fill[s1] = at + 1;
      }
    }
  }
  if (j < n) {
    const h = words[i] as number;
    const k = h ^ ((h >> 31) & 0x7fffffff);
    const d = (((k - base) | 0) >>> shift) | 0;
    const s = slots[d < size ? d + 1 : k < base ? 0 : over] as number;
    if (s !== 0) {
      const at = fill[s] as number;
      gathered[at] = a[j] as number;
      fill[s] = at + 1;
    }
  }
}

/**
 * Finds the values at the sorted ranks `ranks` of `a` without reordering `a`, writing them to `found` (same order
 * as `ranks`). Returns false when the histogram cannot split the values (all in one high word, a NaN with the sign
 * bit set, a degenerate range); the caller then selects on a copy. `buffer`, when long enough, holds the gathered
 * values; it must not overlap `a`.
 *
 * The key range is guessed from an evenly spaced sample, widened by half its width on each side, instead of a pass
 * for the exact minimum and maximum: keys outside it are counted in an underflow and an overflow bucket, which are
 * gathered like any other if a wanted rank falls there. The guess only affects speed, never the result.
 */
function histogramSelect(a: Float64Array, ranks: readonly number[], found: Float64Array, depth: number, buffer: Float64Array | undefined): boolean {
  const n = a.length;
  const words = new Int32Array(a.buffer, a.byteOffset, 2 * n);
  const end = 2 * n;
  let lowest = keyAt(words, HIGH_WORD);
  let highest = lowest;
  for (let block = 0; block < SAMPLE_BLOCKS; block++) {
    const first = 2 * Math.floor((block * (n - SAMPLE_BLOCK_LENGTH)) / (SAMPLE_BLOCKS - 1)) + HIGH_WORD;
    for (let i = first; i < first + 2 * SAMPLE_BLOCK_LENGTH; i += 2) {
      const h = words[i] as number;
      const key = h ^ ((h >> 31) & 0x7fffffff);
      if (key < lowest) lowest = key;
      else if (key > highest) highest = key;
    }
  }
  let base: number;
  let top: number;
  if (lowest === highest) {
    // One key in the whole sample (a constant column, like the base year's). Is every value the same double?
    // Compared bit for bit, so −0 is not +0 and NaN is itself.
    const firstHigh = words[HIGH_WORD] as number;
    const firstLow = words[LOW_WORD] as number;
    let i = 0;
    while (i < end && words[i + HIGH_WORD] === firstHigh && words[i + LOW_WORD] === firstLow) i += 2;
    if (i === end) {
      found.fill(a[0] as number, 0, ranks.length);
      return true;
    }
    // Not constant: the exact key range replaces the guess.
    for (i = HIGH_WORD; i < end; i += 2) {
      const h = words[i] as number;
      const key = h ^ ((h >> 31) & 0x7fffffff);
      if (key < lowest) lowest = key;
      else if (key > highest) highest = key;
    }
    if (lowest === highest) return false;
    base = lowest;
    top = highest + 1;
  } else {
    const margin = Math.floor((highest - lowest) / 2);
    base = lowest - margin;
    top = highest + margin + 1;
  }
  // −Infinity and every NaN stay outside the range: −Infinity, and a NaN with the sign bit set, in the underflow;
  // +Infinity and the other NaN in the overflow.
  if (base < KEY_NEGATIVE_LIMIT) base = KEY_NEGATIVE_LIMIT;
  if (top > KEY_POSITIVE_INFINITY) top = KEY_POSITIVE_INFINITY;
  let shift = 1;
  while (top - base > BUCKETS * 2 ** shift) shift++;
  const width = 2 ** shift;
  const size = Math.min(BUCKETS, Math.ceil((top - base) / width), Math.floor((KEY_POSITIVE_INFINITY - base) / width));
  if (!(size >= 2)) return false;

  const stride = size + 2;
  bucketCounts.fill(0, 0, 2 * stride);
  countKeys(words, n, base, shift, size);
  if ((bucketCounts[0] as number) + (bucketCounts[stride] as number) > 0) {
    // A NaN with the sign bit set was counted below everything, but sorting puts it last: select on a copy instead.
    for (let j = 0; j < n; j++) {
      const value = a[j] as number;
      if (value !== value && (words[2 * j + HIGH_WORD] as number) < 0) return false;
    }
  }

  // For each wanted rank: its bucket and its rank inside the bucket. Ranks are sorted, so one walk finds all; the
  // ranks of one bucket are consecutive, so each distinct bucket gets a slot and a run of ranks.
  const rankCount = ranks.length;
  const rankInBucket: number[] = [];
  const slotFirstRank: number[] = [];
  const slotBucket: number[] = [];
  const slotStart: number[] = [0];
  let cumulative = 0;
  let bucket = 0;
  let inBucket = (bucketCounts[0] as number) + (bucketCounts[stride] as number);
  for (let r = 0; r < rankCount; r++) {
    const rank = ranks[r] as number;
    if (cumulative + inBucket <= rank) {
      do {
        cumulative += inBucket;
        bucket++;
        inBucket = (bucketCounts[bucket] as number) + (bucketCounts[bucket + stride] as number);
      } while (cumulative + inBucket <= rank);
    }
    if (slotOfBucket[bucket] === 0) {
      slotFirstRank.push(r);
      slotBucket.push(bucket);
      slotStart.push((slotStart[slotStart.length - 1] as number) + inBucket);
      slotOfBucket[bucket] = slotFirstRank.length;
    }
    rankInBucket.push(rank - cumulative);
  }
  const slotCount = slotFirstRank.length;
  slotFirstRank.push(rankCount);
  const total = slotStart[slotCount] as number;
  const gathered = buffer !== undefined && buffer.length >= total ? buffer : new Float64Array(total);
  const fill = new Int32Array(slotCount + 1);
  for (let slot = 1; slot <= slotCount; slot++) fill[slot] = slotStart[slot - 1] as number;
  gatherBuckets(a, words, n, base, shift, size, fill, gathered);
  for (const used of slotBucket) slotOfBucket[used] = 0;

  for (let slot = 0; slot < slotCount; slot++) {
    const part = gathered.subarray(slotStart[slot] as number, slotStart[slot + 1] as number);
    const first = slotFirstRank[slot] as number;
    const last = slotFirstRank[slot + 1] as number;
    const localRanks = rankInBucket.slice(first, last);
    const localFound = found.subarray(first, last);
    // `part` is our own scratch, so reordering it is fine.
    if (!(part.length > HISTOGRAM_MIN_LENGTH && depth < HISTOGRAM_MAX_DEPTH && histogramSelect(part, localRanks, localFound, depth + 1, undefined))) {
      selectInPlace(part, localRanks, localFound);
    }
  }
  return true;
}

/**
 * Writes the requested percentiles (levels in percent, 0–100) of `column` into `out` without changing `column`.
 * `scratch` (at least column.length long, not overlapping `column`) holds the gathered values, and the copy for short
 * columns and the fallback; pass one to reuse it.
 */
export function columnPercentiles(
  column: Float64Array,
  levels: readonly number[],
  out: Float64Array = new Float64Array(levels.length),
  scratch?: Float64Array,
): Float64Array {
  const n = column.length;
  if (n === 0) {
    out.fill(NaN);
    return out;
  }
  const ranks = ranksFor(n, levels);
  const found = new Float64Array(ranks.length);
  const buffer = scratch !== undefined && scratch.length >= n ? scratch : undefined;
  if (!(n >= HISTOGRAM_MIN_LENGTH && histogramSelect(column, ranks, found, 0, buffer))) {
    const copy = buffer !== undefined ? buffer.subarray(0, n) : new Float64Array(n);
    copy.set(column);
    selectInPlace(copy, ranks, found);
  }
  return interpolate(n, levels, ranks, found, out);
}

/** Same definition via a full sort; kept as the reference the tests and the benchmark compare against. */
export function percentilesBySorting(column: Float64Array, levels: readonly number[]): Float64Array {
  const sorted = Float64Array.from(column).sort();
  const n = sorted.length;
  return Float64Array.from(levels, (level) => {
    const h = percentOf(n - 1, level);
    const lower = Math.floor(h);
    const fraction = h - lower;
    const low = sorted[lower] as number;
    return fraction > 0 && lower + 1 < n ? low + fraction * ((sorted[lower + 1] as number) - low) : low;
  });
}
