/**
 * Seeded random numbers that are bit-identical on every machine.
 *
 * The generator (xoshiro128**) uses only 32-bit integer operations (Math.imul, shifts, xor), which
 * JavaScript defines exactly. Normal variates come from the Marsaglia–Tsang ziggurat: ~98.8 % of draws
 * take one integer, one table lookup and one multiply; the rare tail/wedge draws call Math.exp/Math.log.
 * Those (and the ziggurat tables, built with Math.exp/log/sqrt at load) are exact IEEE results under
 * V8's fdlibm port, so Node, Electron and Chromium workers agree bit for bit; a different JS engine
 * could differ in the last bit of those rare draws.
 */

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** splitmix32-style finaliser, used to turn (seed, stream) into well-mixed generator state. */
function mix32(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) | 0;
}

export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** `stream` selects an independent sequence for the same seed (one per Monte Carlo chunk). */
  constructor(seed: number, stream = 0) {
    let counter = (seed | 0) ^ Math.imul(stream | 0, 0x9e3779b9);
    const next = (): number => {
      counter = (counter + 0x9e3779b9) | 0;
      return mix32(counter);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next value as a signed 32-bit integer. */
  nextInt32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  nextUint32(): number {
    return this.nextInt32() >>> 0;
  }

  /** Uniform on the open interval (0, 1): never 0, so it is safe inside Math.log. */
  nextOpenUnit(): number {
    return ((this.nextInt32() >>> 0) + 0.5) * TWO_POW_MINUS_32;
  }

  /** Standard normal via the ziggurat. */
  nextNormal(): number {
    const hz = this.nextInt32();
    const iz = hz & 127;
    if (absInt32(hz) < (ZIGGURAT_FAST_LIMIT[iz] as number)) return hz * (ZIGGURAT_SCALE[iz] as number);
    return this.normalSlowPath(hz);
  }

  /** Copies the generator state into `out[0..4)`, for hot loops that step the generator in local variables. */
  exportState(out: Int32Array): void {
    out[0] = this.s0;
    out[1] = this.s1;
    out[2] = this.s2;
    out[3] = this.s3;
  }

  /** Restores state written by exportState (after the caller advanced it with the same xoshiro128** step). */
  importState(state: Int32Array): void {
    this.s0 = state[0] as number;
    this.s1 = state[1] as number;
    this.s2 = state[2] as number;
    this.s3 = state[3] as number;
  }

  /**
   * Fills out[0..count) with mean + sd·N(0,1). Same numbers as calling nextNormal() count times, but the
   * generator state lives in locals during the loop, which roughly halves the cost per draw.
   */
  fillNormals(out: Float64Array, count: number, mean: number, sd: number): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let i = 0; i < count; i++) {
      const x1 = Math.imul(s1, 5);
      const hz = Math.imul((x1 << 7) | (x1 >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const iz = hz & 127;
      if (absInt32(hz) < (ZIGGURAT_FAST_LIMIT[iz] as number)) {
        out[i] = mean + sd * (hz * (ZIGGURAT_SCALE[iz] as number));
      } else {
        const state = SLOW_PATH_STATE;
        state[0] = s0;
        state[1] = s1;
        state[2] = s2;
        state[3] = s3;
        out[i] = mean + sd * normalAfterFastPathMiss(state, hz);
        s0 = state[0] as number;
        s1 = state[1] as number;
        s2 = state[2] as number;
        s3 = state[3] as number;
      }
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  private normalSlowPath(hz: number): number {
    const state = SLOW_PATH_STATE;
    this.exportState(state);
    const normal = normalAfterFastPathMiss(state, hz);
    this.importState(state);
    return normal;
  }
}

/** Scratch for slow-path draws of Xoshiro128 methods (single-threaded within one worker, never re-entered). */
const SLOW_PATH_STATE = new Int32Array(4);

/** One xoshiro128** step on a state array (the slow path; hot loops inline the same step on locals). */
function nextInt32OfState(state: Int32Array): number {
  const s0 = state[0] as number;
  const s1 = state[1] as number;
  const s2 = (state[2] as number) ^ s0;
  const s3 = (state[3] as number) ^ s1;
  const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
  state[0] = s0 ^ s3;
  state[1] = s1 ^ s2;
  state[2] = s2 ^ (s1 << 9);
  state[3] = rotl(s3, 11);
  return result;
}

function openUnitOfState(state: Int32Array): number {
  return ((nextInt32OfState(state) >>> 0) + 0.5) * TWO_POW_MINUS_32;
}

/**
 * Finishes a normal draw whose first integer `hz` missed the ziggurat fast path
 * (absInt32(hz) ≥ ZIGGURAT_FAST_LIMIT[hz & 127]), drawing any further numbers from `state` (xoshiro128** state as
 * written by Xoshiro128.exportState, advanced in place). With the inlined fast path this gives exactly nextNormal().
 * A free function on a typed array rather than a method: called from a hot loop it keeps V8 from boxing the loop's
 * generator state, which made the fused Monte Carlo loop several times slower.
 */
export function normalAfterFastPathMiss(state: Int32Array, firstHz: number): number {
  let hz = firstHz;
  let iz = hz & 127;
  for (;;) {
    const x = hz * (ZIG_W[iz] as number);
    if (iz === 0) {
      // Tail beyond R: Marsaglia's exponential rejection.
      let tailX: number;
      let tailY: number;
      do {
        tailX = -Math.log(openUnitOfState(state)) / ZIG_R;
        tailY = -Math.log(openUnitOfState(state));
      } while (tailY + tailY < tailX * tailX);
      return hz > 0 ? ZIG_R + tailX : -ZIG_R - tailX;
    }
    const fHigh = ZIG_F[iz] as number;
    const fLow = ZIG_F[iz - 1] as number;
    if (fHigh + openUnitOfState(state) * (fLow - fHigh) < Math.exp(-0.5 * x * x)) return x;
    hz = nextInt32OfState(state);
    iz = hz & 127;
    if (absInt32(hz) < (ZIGGURAT_FAST_LIMIT[iz] as number)) return hz * (ZIGGURAT_SCALE[iz] as number);
  }
}

/**
 * |hz| for a signed 32-bit integer, exact also for −2³¹ (gives 2³¹). Same value as Math.abs, but V8 keeps the
 * comparison with the Int32Array limits in integer registers (faster than Math.abs in a micro-benchmark).
 */
export function absInt32(hz: number): number {
  const sign = hz >> 31;
  return (hz ^ sign) - sign;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

// Ziggurat tables for 128 layers (Marsaglia & Tsang 2000, "The Ziggurat Method for Generating Random Variables").
const ZIG_R = 3.442619855899;
const ZIG_K = new Float64Array(128);
const ZIG_W = new Float64Array(128);
const ZIG_F = new Float64Array(128);
/**
 * Ziggurat fast path for code that inlines the generator: with hz the next int32 and iz = hz & 127, the draw is
 * hz · ZIGGURAT_SCALE[iz] when absInt32(hz) < ZIGGURAT_FAST_LIMIT[iz], else rng.normalAfterFastPathMiss(hz).
 * Read-only by convention (typed arrays cannot be frozen).
 */
export const ZIGGURAT_FAST_LIMIT = new Int32Array(128);
export const ZIGGURAT_SCALE = ZIG_W;
(function buildZigguratTables(): void {
  const m1 = 2147483648.0;
  const layerArea = 9.91256303526217e-3;
  let dn = ZIG_R;
  let tn = dn;
  const q = layerArea / Math.exp(-0.5 * dn * dn);
  ZIG_K[0] = (dn / q) * m1;
  ZIG_K[1] = 0;
  ZIG_W[0] = q / m1;
  ZIG_W[127] = dn / m1;
  ZIG_F[0] = 1.0;
  ZIG_F[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(layerArea / dn + Math.exp(-0.5 * dn * dn)));
    ZIG_K[i + 1] = (dn / tn) * m1;
    tn = dn;
    ZIG_F[i] = Math.exp(-0.5 * dn * dn);
    ZIG_W[i] = dn / m1;
  }
  // For an integer a and a non-integer k, a < k ⇔ a < ⌈k⌉; every k here is below 2³¹, so ⌈k⌉ fits an Int32Array.
  for (let i = 0; i < 128; i++) ZIGGURAT_FAST_LIMIT[i] = Math.ceil(ZIG_K[i] as number);
})();
