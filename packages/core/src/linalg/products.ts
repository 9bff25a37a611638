/** Matrix products over row-major Float64Arrays, into caller-supplied buffers. */

/** y = A·x for an m×n matrix A (row-major) and x of length n, into `y` (length m). */
export function matVecInto(a: Float64Array, m: number, n: number, x: Float64Array, y: Float64Array): Float64Array {
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j]! * x[j]!;
    y[i] = s;
  }
  return y;
}

/**
 * The Gram matrix JᵀJ (p×p, row-major) of an m×p matrix J (row-major), into `out`: entry (a, b)
 * is Σᵢ J_ia·J_ib summed in row order i = 0..m−1; both triangles are computed, and since
 * J_ia·J_ib = J_ib·J_ia exactly the result is symmetric to the last bit.
 */
export function gramInto(j: Float64Array, m: number, p: number, out: Float64Array): Float64Array {
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += j[i * p + a]! * j[i * p + b]!;
      out[a * p + b] = s;
    }
  }
  return out;
}
