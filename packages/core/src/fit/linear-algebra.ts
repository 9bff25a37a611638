/**
 * Small dense symmetric positive-definite algebra for least squares (n ≲ 30 parameters).
 * Matrices are row-major Float64Arrays of n·n. Everything works in caller-supplied buffers so
 * the Levenberg–Marquardt inner loop allocates nothing.
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
