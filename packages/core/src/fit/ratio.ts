/**
 * Ratios of IC50s — fold resistance IC50(resistant)/IC50(parental) and inhibitor reversal
 * IC50(alone)/IC50(+inhibitor) — with three confidence intervals:
 *
 * - delta: r ± t·SE(r) on the concentration scale, SE from the delta method,
 *   Var(r) ≈ r²·(V₁/e₁² + V₂/e₂² − 2·C₁₂/(e₁e₂)) — drc's EDcomp(…, interval = "delta")
 *   (Ritz et al. 2015, PLoS ONE 10:e0146021).
 * - fieller: the set of ρ with (e₁ − ρe₂)² ≤ t²·(V₁ − 2ρC₁₂ + ρ²V₂) (Fieller 1954, JRSS B 16:175),
 *   drc's interval = "fieller"; unbounded when e₂ is not significantly different from 0
 *   (g = t²V₂/e₂² ≥ 1).
 * - log: 10^(log10 r ± t·SE), SE² = SE(L₁)² + SE(L₂)² − 2·Cov(L₁, L₂), with L = log10 IC50 —
 *   the natural scale of the fitted parameters, always positive.
 * V and C are variances/covariance of the IC50s on the nM scale: V = (ln10·e·SE(L))².
 * Independent fits have C = 0 and t uses df₁ + df₂ (the pooled residual df); a global fit gives
 * the covariance and its own df.
 */
import { tCritical } from "../stats/distributions.ts";
import type { DoseResponseFit } from "./dose-response.ts";
import type { GlobalFit } from "./global-fit.ts";

/** An IC50 as the fit knows it: log10 value, its SE, and the residual df of its fit. */
export interface LogIc50Estimate {
  logIC50: number;
  seLog10: number;
  df: number;
}

export interface RatioInterval {
  lower: number;
  upper: number;
  /** false when the interval is unbounded (Fieller with g ≥ 1); then upper is +∞. */
  bounded: boolean;
}

export interface Ic50Ratio {
  /** IC50(numerator)/IC50(denominator). */
  ratio: number;
  /** Delta-method SE of the ratio (nM/nM). */
  se: number;
  level: number;
  df: number;
  delta: RatioInterval;
  fieller: RatioInterval;
  log: RatioInterval;
}

export function logIc50Of(fit: DoseResponseFit): LogIc50Estimate {
  return { logIC50: fit.params.logIC50, seLog10: fit.se.logIC50, df: fit.df };
}

/**
 * Ratio of two IC50s with delta, Fieller and log-scale CIs. `covarianceLog10` is
 * Cov(log10 IC50₁, log10 IC50₂) (0 for separate fits); `df` defaults to df₁ + df₂.
 */
export function ic50Ratio(
  numerator: LogIc50Estimate,
  denominator: LogIc50Estimate,
  options: { level?: number; covarianceLog10?: number; df?: number } = {},
): Ic50Ratio {
  const level = options.level ?? 0.95;
  const df = options.df ?? numerator.df + denominator.df;
  const t = tCritical(level, df);
  const cLog = options.covarianceLog10 ?? 0;
  const e1 = 10 ** numerator.logIC50;
  const e2 = 10 ** denominator.logIC50;
  const v1 = (Math.LN10 * e1 * numerator.seLog10) ** 2;
  const v2 = (Math.LN10 * e2 * denominator.seLog10) ** 2;
  const c12 = Math.LN10 * e1 * Math.LN10 * e2 * cLog;
  const ratio = e1 / e2;
  const se = Math.sqrt((1 / e2) ** 2 * v1 + (e1 / (e2 * e2)) ** 2 * v2 - (2 * e1 * c12) / e2 ** 3);
  const seLog = Math.sqrt(numerator.seLog10 ** 2 + denominator.seLog10 ** 2 - 2 * cLog);
  return {
    ratio,
    se,
    level,
    df,
    delta: { lower: ratio - t * se, upper: ratio + t * se, bounded: true },
    fieller: fiellerInterval(e1, e2, v1, v2, c12, t),
    log: {
      lower: 10 ** (Math.log10(ratio) - t * seLog),
      upper: 10 ** (Math.log10(ratio) + t * seLog),
      bounded: true,
    },
  };
}

/** Fieller's interval for a/b: roots of ρ²(b² − t²V_b) − 2ρ(ab − t²C) + (a² − t²V_a) = 0. */
export function fiellerInterval(a: number, b: number, va: number, vb: number, cab: number, t: number): RatioInterval {
  const t2 = t * t;
  const qa = b * b - t2 * vb;
  const qb = a * b - t2 * cab;
  const qc = a * a - t2 * va;
  const disc = qb * qb - qa * qc;
  if (!(qa > 0) || disc < 0)
    return { lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY, bounded: false };
  const root = Math.sqrt(disc);
  return { lower: (qb - root) / qa, upper: (qb + root) / qa, bounded: true };
}

/** Fold resistance (or reversal) between two curves of one global fit, using their covariance. */
export function ic50RatioFromGlobal(
  fit: GlobalFit,
  numeratorCurve: number,
  denominatorCurve: number,
  level = 0.95,
): Ic50Ratio {
  const labels = fit.parameterLabels;
  const i = labels.indexOf(`logIC50[${numeratorCurve}]`);
  const j = labels.indexOf(`logIC50[${denominatorCurve}]`);
  if (i < 0 || j < 0)
    throw new RangeError("the global fit shares LogIC50 (no ratio to estimate) or the curve index is wrong");
  const n = labels.length;
  const cov = fit.lm.covariance;
  const num = fit.curves[numeratorCurve]!;
  const den = fit.curves[denominatorCurve]!;
  return ic50Ratio(
    { logIC50: num.params.logIC50, seLog10: num.se.logIC50, df: fit.df },
    { logIC50: den.params.logIC50, seLog10: den.se.logIC50, df: fit.df },
    { level, covarianceLog10: cov ? cov[i * n + j]! : Number.NaN, df: fit.df },
  );
}

export interface ReversalComparison {
  /** IC50(resistant alone)/IC50(resistant + inhibitor), with delta, Fieller and log CIs. */
  resistant: Ic50Ratio;
  /** IC50(parental alone)/IC50(parental + inhibitor), with delta, Fieller and log CIs. */
  parental: Ic50Ratio;
  /**
   * resistant reversal ÷ parental reversal (four independent fits). `lower`/`upper` are the
   * log-scale CI 10^(log10 value ± t·seLog10), always positive (the natural scale of the fitted
   * LogIC50s); `delta` is value ± t·se with the delta-method se = value·ln10·seLog10.
   * (A Fieller interval needs a ratio of two estimates; this is a ratio of two ratios.)
   */
  ratioOfReversals: {
    value: number;
    seLog10: number;
    lower: number;
    upper: number;
    /** Delta-method SE of the value (natural scale). */
    se: number;
    delta: RatioInterval;
    level: number;
    df: number;
  };
}

/**
 * Inhibitor reversal in a resistant line compared with the parental line: does the inhibitor
 * restore sensitivity more than it sensitises the parental cells? Four independent fits.
 */
export function compareReversal(
  resistantAlone: LogIc50Estimate,
  resistantWithInhibitor: LogIc50Estimate,
  parentalAlone: LogIc50Estimate,
  parentalWithInhibitor: LogIc50Estimate,
  level = 0.95,
): ReversalComparison {
  const resistant = ic50Ratio(resistantAlone, resistantWithInhibitor, { level });
  const parental = ic50Ratio(parentalAlone, parentalWithInhibitor, { level });
  const all = [resistantAlone, resistantWithInhibitor, parentalAlone, parentalWithInhibitor];
  const logValue =
    resistantAlone.logIC50 - resistantWithInhibitor.logIC50 - parentalAlone.logIC50 + parentalWithInhibitor.logIC50;
  const seLog10 = Math.sqrt(all.reduce((s, e) => s + e.seLog10 ** 2, 0));
  const df = all.reduce((s, e) => s + e.df, 0);
  const t = tCritical(level, df);
  const value = 10 ** logValue;
  const se = value * Math.LN10 * seLog10;
  return {
    resistant,
    parental,
    ratioOfReversals: {
      value,
      seLog10,
      lower: 10 ** (logValue - t * seLog10),
      upper: 10 ** (logValue + t * seLog10),
      se,
      delta: { lower: value - t * se, upper: value + t * se, bounded: true },
      level,
      df,
    },
  };
}
