/**
 * Dense LU decomposition with partial (row) pivoting, in place on a row-major n×n Float64Array,
 * and the matching forward/back substitution. Allocation-free: the caller owns every array.
 * Algorithm: Golub & Van Loan, Matrix Computations (4th ed.), Alg. 3.4.1 (gaxpy-free, kij form).
 */

/**
 * Factors A = P·L·U in place (L unit lower, U upper, both stored in A). `pivot[k]` is the row swapped
 * with row k at step k. Returns false if a pivot is exactly zero (A singular to working precision).
 */
export function luFactor(a: Float64Array, n: number, pivot: Int32Array): boolean {
  for (let k = 0; k < n; k++) {
    // Choose the row with the largest |a[i][k]| for stability.
    let p = k;
    let maxAbs = Math.abs(a[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]!);
      if (v > maxAbs) {
        maxAbs = v;
        p = i;
      }
    }
    pivot[k] = p;
    if (maxAbs === 0 || !Number.isFinite(maxAbs)) return false;
    if (p !== k) {
      const rk = k * n;
      const rp = p * n;
      for (let j = 0; j < n; j++) {
        const tmp = a[rk + j]!;
        a[rk + j] = a[rp + j]!;
        a[rp + j] = tmp;
      }
    }
    const rk = k * n;
    const inv = 1 / a[rk + k]!;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const l = a[ri + k]! * inv;
      a[ri + k] = l;
      if (l !== 0) {
        for (let j = k + 1; j < n; j++) a[ri + j]! -= l * a[rk + j]!;
      }
    }
  }
  return true;
}

/** Solves A·x = b in place (b becomes x) with the factors from `luFactor`. */
export function luSolve(lu: Float64Array, n: number, pivot: Int32Array, b: Float64Array): void {
  // Apply the row swaps, then L (unit diagonal) forward, then U backward.
  for (let k = 0; k < n; k++) {
    const p = pivot[k]!;
    if (p !== k) {
      const tmp = b[k]!;
      b[k] = b[p]!;
      b[p] = tmp;
    }
  }
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    let s = b[i]!;
    for (let j = 0; j < i; j++) s -= lu[ri + j]! * b[j]!;
    b[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let s = b[i]!;
    for (let j = i + 1; j < n; j++) s -= lu[ri + j]! * b[j]!;
    b[i] = s / lu[ri + i]!;
  }
}
