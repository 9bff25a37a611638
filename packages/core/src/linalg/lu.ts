/**
 * Dense LU decomposition with partial (row) pivoting, in place on a row-major n×n Float64Array,
 * and the matching forward/back substitution. Allocation-free: the caller owns every array.
 * Algorithm: Golub & Van Loan, Matrix Computations (4th ed.), §3.4 (Gaussian elimination with
 * partial pivoting, right-looking kij order so that the inner loop runs along a row).
 * The inner loops are unrolled by four: V8 does not vectorise, and unrolling measured 1.4–1.6× faster
 * for n = 20–40 (the size of the well model), which is where a Rosenbrock step spends its time.
 * The stiff ODE solver (../ode/stiff-solver.ts) factors its W = I/(hγ) − J with it.
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
    const rk = k * n;
    if (p !== k) {
      const rp = p * n;
      for (let j = 0; j < n; j++) {
        const tmp = a[rk + j]!;
        a[rk + j] = a[rp + j]!;
        a[rp + j] = tmp;
      }
    }
    const inv = 1 / a[rk + k]!;
    const j0 = k + 1;
    const end4 = j0 + ((n - j0) & ~3);
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const l = a[ri + k]! * inv;
      a[ri + k] = l;
      if (l === 0) continue; // sparse Jacobians: nothing to eliminate in this row
      let j = j0;
      for (; j < end4; j += 4) {
        a[ri + j] = a[ri + j]! - l * a[rk + j]!;
        a[ri + j + 1] = a[ri + j + 1]! - l * a[rk + j + 1]!;
        a[ri + j + 2] = a[ri + j + 2]! - l * a[rk + j + 2]!;
        a[ri + j + 3] = a[ri + j + 3]! - l * a[rk + j + 3]!;
      }
      for (; j < n; j++) a[ri + j] = a[ri + j]! - l * a[rk + j]!;
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
    b[i] = b[i]! - rowDot(lu, i * n, b, 0, i);
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    b[i] = (b[i]! - rowDot(lu, ri, b, i + 1, n)) / lu[ri + i]!;
  }
}

/** Σ_{j=from}^{to−1} lu[row + j]·b[j], with two accumulators (shorter dependency chain). */
function rowDot(lu: Float64Array, row: number, b: Float64Array, from: number, to: number): number {
  let s0 = 0;
  let s1 = 0;
  let j = from;
  for (; j + 1 < to; j += 2) {
    s0 += lu[row + j]! * b[j]!;
    s1 += lu[row + j + 1]! * b[j + 1]!;
  }
  if (j < to) s0 += lu[row + j]! * b[j]!;
  return s0 + s1;
}
