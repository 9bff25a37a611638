/**
 * The inverse of a small general square matrix by Gauss–Jordan elimination with partial (row)
 * pivoting, for the few places that need a whole inverse of a matrix that may not be positive
 * definite to working precision (a correlation matrix of fitted parameters, the normal matrix of
 * a calibration). Row-major n×n Float64Arrays; for a symmetric positive-definite matrix that is
 * solved often, ./cholesky.ts is cheaper and checks the conditioning.
 */

/**
 * A⁻¹ of the leading n×n block of `a` (not modified) into `out`, with `work` (n² at least) as
 * scratch. Returns false, leaving `out` undefined, when a pivot is zero, below 1e-300 in
 * magnitude or not a number (A singular to working precision).
 */
export function invertInto(a: Float64Array, n: number, out: Float64Array, work: Float64Array): boolean {
  const w = work;
  const inv = out;
  for (let i = 0; i < n * n; i++) {
    w[i] = a[i]!;
    inv[i] = 0;
  }
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(w[r * n + c]!) > Math.abs(w[piv * n + c]!)) piv = r;
    const d = w[piv * n + c]!;
    if (!(Math.abs(d) > 1e-300)) return false;
    if (piv !== c) {
      for (let k = 0; k < n; k++) {
        const t = w[c * n + k]!;
        w[c * n + k] = w[piv * n + k]!;
        w[piv * n + k] = t;
        const u = inv[c * n + k]!;
        inv[c * n + k] = inv[piv * n + k]!;
        inv[piv * n + k] = u;
      }
    }
    for (let k = 0; k < n; k++) {
      w[c * n + k] = w[c * n + k]! / d;
      inv[c * n + k] = inv[c * n + k]! / d;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = w[r * n + c]!;
      if (f === 0) continue;
      for (let k = 0; k < n; k++) {
        w[r * n + k] = w[r * n + k]! - f * w[c * n + k]!;
        inv[r * n + k] = inv[r * n + k]! - f * inv[c * n + k]!;
      }
    }
  }
  return true;
}
