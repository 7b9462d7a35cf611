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
    if (Math.abs(hz) < (ZIG_K[iz] as number)) return hz * (ZIG_W[iz] as number);
    return this.normalSlowPath(hz, iz);
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
      if (Math.abs(hz) < (ZIG_K[iz] as number)) {
        out[i] = mean + sd * (hz * (ZIG_W[iz] as number));
      } else {
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
        out[i] = mean + sd * this.normalSlowPath(hz, iz);
        s0 = this.s0;
        s1 = this.s1;
        s2 = this.s2;
        s3 = this.s3;
      }
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  private normalSlowPath(firstHz: number, firstIz: number): number {
    let hz = firstHz;
    let iz = firstIz;
    for (;;) {
      const x = hz * (ZIG_W[iz] as number);
      if (iz === 0) {
        // Tail beyond R: Marsaglia's exponential rejection.
        let tailX: number;
        let tailY: number;
        do {
          tailX = -Math.log(this.nextOpenUnit()) / ZIG_R;
          tailY = -Math.log(this.nextOpenUnit());
        } while (tailY + tailY < tailX * tailX);
        return hz > 0 ? ZIG_R + tailX : -ZIG_R - tailX;
      }
      const fHigh = ZIG_F[iz] as number;
      const fLow = ZIG_F[iz - 1] as number;
      if (fHigh + this.nextOpenUnit() * (fLow - fHigh) < Math.exp(-0.5 * x * x)) return x;
      hz = this.nextInt32();
      iz = hz & 127;
      if (Math.abs(hz) < (ZIG_K[iz] as number)) return hz * (ZIG_W[iz] as number);
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

// Ziggurat tables for 128 layers (Marsaglia & Tsang 2000, "The Ziggurat Method for Generating Random Variables").
const ZIG_R = 3.442619855899;
const ZIG_K = new Float64Array(128);
const ZIG_W = new Float64Array(128);
const ZIG_F = new Float64Array(128);
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
})();
