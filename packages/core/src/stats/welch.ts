/**
 * Welch's unequal-variance t test (Welch, Biometrika 34:28, 1947), two-sided, as
 * scipy.stats.ttest_ind(equal_var=False): t = (m1 − m2)/√(s1²/n1 + s2²/n2) with the
 * Welch–Satterthwaite degrees of freedom. Reports the difference of means with its confidence
 * interval, and Cohen's d / Hedges' g (pooled SD; g = d·(1 − 3/(4(n1 + n2) − 9))).
 */
import { studentTTwoSidedP, tCritical } from "./distributions.ts";

export interface WelchResult {
  n1: number;
  n2: number;
  mean1: number;
  mean2: number;
  sd1: number;
  sd2: number;
  /** mean1 − mean2 with its standard error and confidence interval. */
  difference: number;
  standardError: number;
  ciLow: number;
  ciHigh: number;
  confidenceLevel: number;
  t: number;
  df: number;
  pValue: number;
  cohensD: number;
  hedgesG: number;
}

export function welchTTest(
  x: readonly number[],
  y: readonly number[],
  o: { confidenceLevel?: number } = {},
): WelchResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 < 2 || n2 < 2) throw new RangeError("Welch's t test needs at least two values in each sample");
  for (const v of [...x, ...y])
    if (!Number.isFinite(v)) throw new RangeError(`values must be finite numbers, got ${v}`);
  const { mean: m1, variance: v1 } = meanVar(x);
  const { mean: m2, variance: v2 } = meanVar(y);
  const a = v1 / n1;
  const b = v2 / n2;
  const se = Math.sqrt(a + b);
  const t = (m1 - m2) / se;
  const df = (a + b) ** 2 / ((a * a) / (n1 - 1) + (b * b) / (n2 - 1));
  const level = o.confidenceLevel ?? 0.95;
  const half = tCritical(level, df) * se;
  const pooled = Math.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2));
  const d = (m1 - m2) / pooled;
  return {
    n1,
    n2,
    mean1: m1,
    mean2: m2,
    sd1: Math.sqrt(v1),
    sd2: Math.sqrt(v2),
    difference: m1 - m2,
    standardError: se,
    ciLow: m1 - m2 - half,
    ciHigh: m1 - m2 + half,
    confidenceLevel: level,
    t,
    df,
    pValue: studentTTwoSidedP(t, df),
    cohensD: d,
    hedgesG: d * (1 - 3 / (4 * (n1 + n2) - 9)),
  };
}

function meanVar(v: readonly number[]): { mean: number; variance: number } {
  let s = 0;
  for (const x of v) s += x;
  const mean = s / v.length;
  let ss = 0;
  for (const x of v) ss += (x - mean) ** 2;
  return { mean, variance: ss / (v.length - 1) };
}
