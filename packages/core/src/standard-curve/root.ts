/**
 * Bisection for the limits and inverse predictions: f continuous on [lo, hi] with a sign change.
 * Slow but sure; the calibrations here need a few dozen roots, each 100-odd evaluations, and
 * bisection cannot step outside the bracket (which a limit of detection must not do).
 */
export function bisect(f: (x: number) => number, lo: number, hi: number): number | null {
  let flo = f(lo);
  const fhi = f(hi);
  if (flo === 0) return lo;
  if (fhi === 0) return hi;
  if (!(Math.sign(flo) !== Math.sign(fhi)) || Number.isNaN(flo) || Number.isNaN(fhi)) return null;
  let a = lo;
  let b = hi;
  for (let k = 0; k < 200; k++) {
    const mid = 0.5 * (a + b);
    if (mid <= a || mid >= b) break;
    const fm = f(mid);
    if (fm === 0) return mid;
    if (Math.sign(fm) === Math.sign(flo)) {
      a = mid;
      flo = fm;
    } else b = mid;
  }
  return 0.5 * (a + b);
}
