/**
 * Inverse prediction: the amount x̂ of an unknown from the mean ȳ of its m replicate responses,
 * with a confidence interval, and never outside the calibrated range without saying so.
 *
 * x̂ solves f(x̂) = ȳ on the calibrated range. Its variance is the delta method's
 *   Var(x̂) = [σ²/(m·w_s) + gᵀ·Cov·g] / f′(x̂)²,
 * g the gradient of f(x̂) in the curve's parameters and w_s the sample's weight (its response
 * variance is σ²/w_s). For the straight line this is exactly Massart et al. (1997, Handbook of
 * Chemometrics and Qualimetrics A, eq. 8.26/8.28) in the weighted form chemCal's inverse.predict
 * uses (ISO 11843-2's formula for the weighted line), since gᵀ·Cov·g = σ²·(1/Σw + (x̂ − x̄_w)²/S_xx,w);
 * for the line through zero and the quadratic it is investr's Wald interval (Greenwell & Schubert
 * Kabban 2014, R Journal 6:90). The CI is x̂ ± t(1 − α/2; df)·SE with the curve's residual df.
 */
import { tCritical } from "../stats/distributions.ts";
import { bisect } from "./root.ts";

/** What inverse prediction needs from a fitted standard curve. */
export interface InvertibleCurve {
  response(x: number): number;
  derivative(x: number): number;
  /** Var(f(x)) from the parameters' covariance (gᵀ·Cov·g). */
  fittedVariance(x: number): number;
  /** Residual standard error (weighted). */
  sigma: number;
  df: number;
  /** The calibrated range: the lowest and highest calibrator amounts. */
  lowest: number;
  highest: number;
}

/** "=" inside the calibrated range; "<" below the lowest calibrator; ">" above the highest. */
export type RangeQualifier = "=" | "<" | ">";

export interface InversePrediction {
  /** Mean of the m responses. */
  meanResponse: number;
  replicates: number;
  /** x̂ when qualifier is "="; the range limit it lies beyond otherwise (never an extrapolation). */
  value: number;
  qualifier: RangeQualifier;
  /** Delta-method SE of x̂; null when the qualifier is not "=". */
  standardError: number | null;
  /** x̂ ± t·SE at `level`; null when the qualifier is not "=". */
  ci: [number, number] | null;
  level: number;
  /** The weight w_s the sample's response variance σ²/w_s was taken with. */
  sampleWeight: number;
}

export interface InversePredictOptions {
  /** Confidence level of the CI (default 0.95). */
  level?: number;
  /** w_s from the amount and mean response (default 1: the calibrators' unit-weight variance). */
  sampleWeight?: (x: number, meanResponse: number) => number;
}

/** Inverse prediction of one unknown from its replicate responses. See the module comment. */
export function inversePredict(
  curve: InvertibleCurve,
  responses: ArrayLike<number>,
  options: InversePredictOptions = {},
): InversePrediction {
  const level = options.level ?? 0.95;
  const m = responses.length;
  if (m < 1) throw new RangeError("inverse prediction needs at least one response");
  let sum = 0;
  for (let i = 0; i < m; i++) sum += responses[i]!;
  const meanResponse = sum / m;
  const located = locateAmount(curve, meanResponse);
  if (located.qualifier !== "=") {
    const w = options.sampleWeight?.(located.value, meanResponse) ?? 1;
    return {
      meanResponse,
      replicates: m,
      value: located.value,
      qualifier: located.qualifier,
      standardError: null,
      ci: null,
      level,
      sampleWeight: w,
    };
  }
  const xHat = located.value;
  const w = options.sampleWeight?.(xHat, meanResponse) ?? 1;
  const se = inverseStandardError(curve, xHat, m, w);
  const half = tCritical(level, curve.df) * se;
  return {
    meanResponse,
    replicates: m,
    value: xHat,
    qualifier: "=",
    standardError: se,
    ci: [xHat - half, xHat + half],
    level,
    sampleWeight: w,
  };
}

/** √([σ²/(m·w_s) + Var f(x̂)] / f′(x̂)²). */
export function inverseStandardError(curve: InvertibleCurve, xHat: number, m: number, sampleWeight: number): number {
  const slope = curve.derivative(xHat);
  return Math.sqrt((curve.sigma ** 2 / (m * sampleWeight) + curve.fittedVariance(xHat)) / (slope * slope));
}

/**
 * The x in the calibrated range where the curve reaches y, or which end of the range y lies
 * beyond. The curve must be monotone on the range (checked by the caller's fit).
 */
export function locateAmount(curve: InvertibleCurve, y: number): { value: number; qualifier: RangeQualifier } {
  const lo = curve.lowest;
  const hi = curve.highest;
  const yLo = curve.response(lo);
  const yHi = curve.response(hi);
  const rising = yHi >= yLo;
  if (rising ? y < yLo : y > yLo) return { value: lo, qualifier: "<" };
  if (rising ? y > yHi : y < yHi) return { value: hi, qualifier: ">" };
  const root = solveAmount(curve, y, lo, hi);
  return { value: root ?? Number.NaN, qualifier: "=" };
}

/** The x in [lo, hi] with f(x) = y, by bisection (to the last bit for a monotone curve). */
export function solveAmount(curve: InvertibleCurve, y: number, lo: number, hi: number): number | null {
  return bisect((x) => curve.response(x) - y, lo, hi);
}
