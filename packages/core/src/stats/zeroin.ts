/**
 * Brent's root finder as R's `uniroot` runs it: a line-for-line transcription of R_zeroin2
 * (R 4.2, src/library/stats/src/zeroin.c; Brent, "Algorithms for Minimization without
 * Derivatives", 1973, ch. 4). ADCLab needs R's very iterates, not just any root, where the
 * function is a step function with a flat zero (the Hodges–Lehmann estimate of
 * `wilcox.test` with ties): there any point of the flat part is a root, and R returns the first
 * one its iterates land on.
 */
const EPSILON = 2.220446049250313e-16;

/**
 * A root of f in [a, b] given f(a) and f(b) of opposite signs (or one of them 0), to `tol`
 * (R's `tol`; the actual tolerance is 2ε|x| + tol/2), in at most `maxIterations` steps.
 */
export function zeroin(
  f: (x: number) => number,
  ax: number,
  bx: number,
  o: { fa?: number; fb?: number; tol?: number; maxIterations?: number } = {},
): number {
  let a = ax;
  let b = bx;
  let fa = o.fa ?? f(a);
  let fb = o.fb ?? f(b);
  const tol = o.tol ?? 1e-4;
  if (fa * fb > 0) throw new RangeError("f(a) and f(b) must not have the same sign");
  let c = a;
  let fc = fa;
  if (fa === 0) return a;
  if (fb === 0) return b;
  let maxit = (o.maxIterations ?? 1000) + 1;
  while (maxit-- > 0) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      // Swap so that b is the best approximation.
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return b;
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      // Interpolation may be tried: linear with two distinct points, inverse quadratic with three.
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        q = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1));
        q = (q - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return b;
}
