/**
 * Mean and sample standard deviation (n − 1) as R computes them: the mean refined by a second pass
 * over the residuals (R's mean.default), the variance by two passes. pcr's every number is built
 * from these, so matching them keeps the agreement at the last digits.
 */
export function mean(v: ArrayLike<number>): number {
  const n = v.length;
  if (n === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += v[i] as number;
  const m = s / n;
  let r = 0;
  for (let i = 0; i < n; i++) r += (v[i] as number) - m;
  return m + r / n;
}

/** Sample standard deviation; NaN for fewer than two values (R's sd gives NA). */
export function sd(v: ArrayLike<number>): number {
  return Math.sqrt(variance(v));
}

export function variance(v: ArrayLike<number>): number {
  const n = v.length;
  if (n < 2) return Number.NaN;
  const m = mean(v);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((v[i] as number) - m) ** 2;
  return ss / (n - 1);
}
