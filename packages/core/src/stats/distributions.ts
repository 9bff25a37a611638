/**
 * t, F and normal distribution functions from the maintained @stdlib packages (~1e-15 against
 * SciPy). Thin wrappers that name the tail explicitly and keep small p-values accurate.
 */
import fCdf from "@stdlib/stats-base-dists-f-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

/** Quantile of Student's t with `df` degrees of freedom (df = ∞ gives the normal quantile). */
export function studentTQuantile(probability: number, df: number): number {
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(probability, 0, 1);
  return tQuantile(probability, df);
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  return tCdf(t, df);
}

/** Two-sided p-value P(|T| ≥ |t|). */
export function studentTTwoSidedP(t: number, df: number): number {
  return 2 * tCdf(-Math.abs(t), df);
}

/**
 * Upper tail P(F ≥ f) of the F(d1, d2) distribution. Uses P(F(d1,d2) ≥ f) = P(F(d2,d1) ≤ 1/f),
 * which keeps full relative precision for tiny p-values where 1 − cdf would cancel.
 */
export function fUpperTail(f: number, d1: number, d2: number): number {
  if (!(f > 0)) return 1;
  return fCdf(1 / f, d2, d1);
}

/** Two-sided critical value t such that P(|T| ≤ t) = level (e.g. 0.95). */
export function tCritical(level: number, df: number): number {
  // Fits ask for the same few (level, df) pairs over and over; the quantile is worth caching.
  // Runs of fits with the same design ask for the same pair in a row: that needs no key at all.
  if (level === lastLevel && df === lastDf) return lastT;
  const key = `${level}:${df}`;
  let t = criticalCache.get(key);
  if (t === undefined) {
    t = studentTQuantile(0.5 + level / 2, df);
    if (criticalCache.size > 1000) criticalCache.clear();
    criticalCache.set(key, t);
  }
  lastLevel = level;
  lastDf = df;
  lastT = t;
  return t;
}

let lastLevel = Number.NaN;
let lastDf = Number.NaN;
let lastT = Number.NaN;

const criticalCache = new Map<string, number>();
