/**
 * Cholesky factorisation, solve and inverse of small dense symmetric positive-definite matrices
 * (the normal equations of least squares, n ≲ 30 parameters). Matrices are row-major Float64Arrays
 * of n·n. Everything works in caller-supplied buffers so the Levenberg–Marquardt inner loop
 * allocates nothing.
 */

/**
 * In-place Cholesky factorisation A = L·Lᵀ of the leading n×n block (lower triangle written into
 * `a`, upper triangle left untouched). Returns false when A is not numerically positive definite.
 */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= a[j * n + k]! * a[j * n + k]!;
    if (!(d > 0) || !Number.isFinite(d)) return false;
    const ljj = Math.sqrt(d);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = s / ljj;
    }
  }
  return true;
}

/** Solves L·Lᵀ·x = b with the factor from choleskyInPlace; b is overwritten with x. */
export function choleskySolveInPlace(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
}

/**
 * Inverse of a symmetric positive-definite matrix (row-major n×n) via Cholesky.
 * Columns are equilibrated first (A → D·A·D with D = diag(A)^-½) so that parameters of very
 * different scales (a plateau of 1e5 counts and a Hill slope of 1) do not look singular.
 * Returns null when the matrix is singular to working precision.
 */
export function invertSpd(a: Float64Array, n: number): Float64Array | null {
  const out = new Float64Array(n * n);
  const ok = invertSpdInto(a, n, out, new Float64Array(n), new Float64Array(n * n), new Float64Array(n));
  return ok ? out : null;
}

/** invertSpd into caller buffers (out n², scale n, factor n², column n); false when singular. */
export function invertSpdInto(
  a: Float64Array,
  n: number,
  out: Float64Array,
  scale: Float64Array,
  factor: Float64Array,
  column: Float64Array,
): boolean {
  for (let i = 0; i < n; i++) {
    const d = a[i * n + i]!;
    if (!(d > 0) || !Number.isFinite(d)) return false;
    scale[i] = 1 / Math.sqrt(d);
  }
  const l = factor;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) l[i * n + j] = a[i * n + j]! * scale[i]! * scale[j]!;
  if (!choleskyInPlace(l, n)) return false;
  // Reject near-singular matrices: the condition number of the equilibrated matrix is about
  // (max Lii / min Lii)², and beyond ~1e14 the inverse carries no correct digits.
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    const v = l[i * n + i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if ((hi / lo) ** 2 > 1e14) return false;
  for (let j = 0; j < n; j++) {
    column.fill(0, 0, n);
    column[j] = 1;
    choleskySolveInPlace(l, n, column);
    for (let i = 0; i < n; i++) out[i * n + j] = column[i]! * scale[i]! * scale[j]!;
  }
  return true;
}

/**
 * Solves (A + μ·D)·x = b for a symmetric positive-definite 4×4 A (row-major, lower triangle read),
 * D = diag(max(A_kk, floor)), into x; false when the damped matrix is not positive definite.
 * The 4-parameter dose–response fit's hot path: the same operations in the same order as
 * choleskyInPlace + choleskySolveInPlace on the damped copy (so the same result to the last
 * bit), unrolled into scalars instead of a scratch matrix. μ = 0 gives the Gauss–Newton step.
 */
export function solveDamped4(a: Float64Array, b: Float64Array, mu: number, floor: number, x: Float64Array): boolean {
  const d0 = a[0]!;
  const d1 = a[5]!;
  const d2 = a[10]!;
  const d3 = a[15]!;
  const a00 = d0 + mu * Math.max(d0, floor);
  if (!(a00 > 0) || !Number.isFinite(a00)) return false;
  const l00 = Math.sqrt(a00);
  const l10 = a[4]! / l00;
  const l20 = a[8]! / l00;
  const l30 = a[12]! / l00;
  const a11 = d1 + mu * Math.max(d1, floor) - l10 * l10;
  if (!(a11 > 0) || !Number.isFinite(a11)) return false;
  const l11 = Math.sqrt(a11);
  const l21 = (a[9]! - l20 * l10) / l11;
  const l31 = (a[13]! - l30 * l10) / l11;
  const a22 = d2 + mu * Math.max(d2, floor) - l20 * l20 - l21 * l21;
  if (!(a22 > 0) || !Number.isFinite(a22)) return false;
  const l22 = Math.sqrt(a22);
  const l32 = (a[14]! - l30 * l20 - l31 * l21) / l22;
  const a33 = d3 + mu * Math.max(d3, floor) - l30 * l30 - l31 * l31 - l32 * l32;
  if (!(a33 > 0) || !Number.isFinite(a33)) return false;
  const l33 = Math.sqrt(a33);
  const z0 = b[0]! / l00;
  const z1 = (b[1]! - l10 * z0) / l11;
  const z2 = (b[2]! - l20 * z0 - l21 * z1) / l22;
  const z3 = (b[3]! - l30 * z0 - l31 * z1 - l32 * z2) / l33;
  const x3 = z3 / l33;
  const x2 = (z2 - l32 * x3) / l22;
  const x1 = (z1 - l21 * x2 - l31 * x3) / l11;
  x[0] = (z0 - l10 * x1 - l20 * x2 - l30 * x3) / l00;
  x[1] = x1;
  x[2] = x2;
  x[3] = x3;
  return true;
}
