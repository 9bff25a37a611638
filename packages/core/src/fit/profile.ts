/**
 * Profile-likelihood confidence interval for the IC50 (on LogIC50), the interval R's
 * confint() gives for an nls fit (MASS::confint.nls; Bates & Watts 1988, §6.1):
 * for each trial LogIC50 = L the other parameters are refitted, giving SSR(L), and
 * τ(L) = sign(L − L̂)·√(SSR(L) − SSR(L̂))/s with s² = SSR(L̂)/df. The interval is where
 * |τ(L)| ≤ t(df, (1 + level)/2). Unlike the asymptotic interval it follows the curvature of the
 * SSR surface, so it is asymmetric for incomplete curves, and it may be open on one side when no
 * LogIC50 makes the fit significantly worse (reported as ±∞, never as a made-up bound).
 */
import { tCritical } from "../stats/distributions.ts";
import {
  type DoseResponseData,
  type DoseResponseFit,
  type DoseResponseOptions,
  fitDoseResponse,
} from "./dose-response.ts";

export interface ProfileInterval {
  /** IC50 limits in nM; ±∞ (0 or Infinity) for an open side; NaN when a refit failed. */
  ci_nM: [number, number];
  /** The same limits on the log10 scale. */
  ciLog10: [number, number];
  level: number;
  /** Number of refits done. */
  refits: number;
}

/** How far (decades) to look for a side of the interval before calling it open. */
const MAX_DECADES = 12;

export function profileIc50Interval(
  data: DoseResponseData,
  fit: DoseResponseFit,
  options: DoseResponseOptions = {},
  level = 0.95,
): ProfileInterval {
  if (fit.fixed.includes("ic50_nM") || fit.fixed.includes("logIC50") || fit.fixed.includes("e")) {
    throw new RangeError("the IC50 was fixed; there is nothing to profile");
  }
  const l0 = fit.params.logIC50;
  const s2 = fit.ssr / fit.df;
  const target = tCritical(level, fit.df);
  let refits = 0;
  let start = {
    bottom: fit.params.bottom,
    top: fit.params.top,
    hill: fit.params.hill,
    asymmetry: fit.params.asymmetry,
  };

  // |τ| at L = l0 + side·d (NaN when the constrained refit fails).
  const tau = (d: number, side: number): number => {
    refits++;
    const refit = fitDoseResponse(data, {
      ...options,
      model: fit.model,
      fixed: { ...options.fixed, logIC50: l0 + side * d },
      start: { ...options.start, ...start },
    });
    if (!refit.converged) return Number.NaN;
    start = {
      bottom: refit.params.bottom,
      top: refit.params.top,
      hill: refit.params.hill,
      asymmetry: refit.params.asymmetry,
    };
    return Math.sqrt(Math.max(refit.ssr - fit.ssr, 0) / s2);
  };

  const limit = (side: number): number => {
    start = { bottom: fit.params.bottom, top: fit.params.top, hill: fit.params.hill, asymmetry: fit.params.asymmetry };
    let inner = 0;
    let tauInner = 0;
    let d = Math.max(Number.isFinite(fit.se.logIC50) ? fit.se.logIC50 : 0.05, 1e-3);
    let tauOuter = tau(d, side);
    while (!(tauOuter >= target)) {
      if (Number.isNaN(tauOuter)) return Number.NaN;
      if (d > MAX_DECADES) return side * Number.POSITIVE_INFINITY;
      inner = d;
      tauInner = tauOuter;
      d *= 2;
      tauOuter = tau(d, side);
    }
    // Illinois regula falsi on |τ(d)| − t between inner and d.
    let outer = d;
    let fInner = tauInner - target;
    let fOuter = tauOuter - target;
    let keep = 0;
    for (let k = 0; k < 60 && outer - inner > 1e-10 * Math.max(1, outer); k++) {
      const mid = outer - (fOuter * (outer - inner)) / (fOuter - fInner);
      const fm = tau(mid, side) - target;
      if (Number.isNaN(fm)) return Number.NaN;
      if (fm >= 0) {
        outer = mid;
        fOuter = fm;
        if (keep === -1) fInner /= 2;
        keep = -1;
      } else {
        inner = mid;
        fInner = fm;
        if (keep === 1) fOuter /= 2;
        keep = 1;
      }
      if (Math.abs(fm) < 1e-10) break;
    }
    return side * (Math.abs(fOuter) < Math.abs(fInner) ? outer : inner);
  };

  const lower = l0 + limit(-1);
  const upper = l0 + limit(1);
  return { ci_nM: [10 ** lower, 10 ** upper], ciLog10: [lower, upper], level, refits };
}
