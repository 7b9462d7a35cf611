/** Brent's method (inverse quadratic interpolation + secant + bisection) on a sign-changing bracket. */

export interface RootResult {
  readonly root: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface BrentOptions {
  /** Absolute tolerance on x (a relative 4·ε·|x| is always added). */
  readonly xTolerance?: number;
  readonly maxIterations?: number;
}

/** Requires f(lo) and f(hi) of opposite sign (or one of them zero). */
export function brentRoot(f: (x: number) => number, lo: number, hi: number, options: BrentOptions = {}): RootResult {
  const xTolerance = options.xTolerance ?? 1e-13;
  const maxIterations = options.maxIterations ?? 200;
  let a = lo;
  let b = hi;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return { root: a, iterations: 0, converged: true };
  if (fb === 0) return { root: b, iterations: 0, converged: true };
  if (fa > 0 === fb > 0) throw new RangeError('brentRoot: the bracket does not change sign');
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (fb > 0 === fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 4 * Number.EPSILON * Math.abs(b) + 0.5 * xTolerance;
    const half = 0.5 * (c - b);
    if (Math.abs(half) <= tolerance || fb === 0) return { root: b, iterations: iteration, converged: true };
    if (Math.abs(e) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * half * q - Math.abs(tolerance * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tolerance ? d : half > 0 ? tolerance : -tolerance;
    fb = f(b);
  }
  return { root: b, iterations: maxIterations, converged: false };
}
