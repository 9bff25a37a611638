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
  type ParameterSet,
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

/**
 * The profile-likelihood limits of one parameter, whatever the model: `refitter(side)` gives,
 * for one side (−1 below, +1 above the estimate), a function that refits the model with the
 * parameter held at a value and returns the SSR (NaN when the refit failed); each side gets its
 * own refitter, so it can warm-start each refit from the previous one on that side. `center`,
 * `ssr` and `df` are the fit's estimate, SSR and residual df; `step` is the first distance tried
 * (the SE). The cut-off is R's: |τ| = t(df, (1 + level)/2) = √F(level; 1, df). A limit is ±∞ when
 * τ stays below it for MAX_DECADES, NaN when a refit failed.
 */
export function profileLimits(
  center: number,
  step: number,
  ssr: number,
  df: number,
  refitter: (side: -1 | 1) => (value: number) => number,
  level = 0.95,
): { lower: number; upper: number; refits: number } {
  const s2 = ssr / df;
  const target = tCritical(level, df);
  let refits = 0;

  const limit = (side: -1 | 1): number => {
    const refit = refitter(side);
    // |τ| at center + side·d (NaN when the constrained refit fails).
    const tau = (d: number): number => {
      refits++;
      const ssrAt = refit(center + side * d);
      return Number.isNaN(ssrAt) ? Number.NaN : Math.sqrt(Math.max(ssrAt - ssr, 0) / s2);
    };
    let inner = 0;
    let tauInner = 0;
    let d = Math.max(Number.isFinite(step) ? step : 0.05, 1e-3);
    let tauOuter = tau(d);
    while (!(tauOuter >= target)) {
      if (Number.isNaN(tauOuter)) return Number.NaN;
      if (d > MAX_DECADES) return side * Number.POSITIVE_INFINITY;
      inner = d;
      tauInner = tauOuter;
      d *= 2;
      tauOuter = tau(d);
    }
    // Illinois regula falsi on |τ(d)| − t between inner and d.
    let outer = d;
    let fInner = tauInner - target;
    let fOuter = tauOuter - target;
    let keep = 0;
    for (let k = 0; k < 60 && outer - inner > 1e-10 * Math.max(1, outer); k++) {
      const mid = outer - (fOuter * (outer - inner)) / (fOuter - fInner);
      const fm = tau(mid) - target;
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

  const lower = center + limit(-1);
  const upper = center + limit(1);
  return { lower, upper, refits };
}

/** A ProfileInterval of LogIC50 from its limits on the log10 scale. */
export function ic50ProfileInterval(
  limits: { lower: number; upper: number; refits: number },
  level: number,
): ProfileInterval {
  const { lower, upper, refits } = limits;
  return { ci_nM: [10 ** lower, 10 ** upper], ciLog10: [lower, upper], level, refits };
}

export function profileIc50Interval(
  data: DoseResponseData,
  fit: DoseResponseFit,
  options: DoseResponseOptions = {},
  level = 0.95,
): ProfileInterval {
  if (fit.fixed.includes("ic50_nM") || fit.fixed.includes("logIC50") || fit.fixed.includes("e")) {
    throw new RangeError("the IC50 was fixed; there is nothing to profile");
  }
  // The parameters other than LogIC50, where a refit starts.
  const others = (p: ParameterSet) => ({ bottom: p.bottom, top: p.top, hill: p.hill, asymmetry: p.asymmetry });
  // Each side starts from the fit and then from its previous refit.
  const refitter = () => {
    let start = others(fit.params);
    return (logIC50: number): number => {
      const refit = fitDoseResponse(data, {
        ...options,
        model: fit.model,
        fixed: { ...options.fixed, logIC50 },
        start: { ...options.start, ...start },
      });
      if (!refit.converged) return Number.NaN;
      start = others(refit.params);
      return refit.ssr;
    };
  };
  const limits = profileLimits(fit.params.logIC50, fit.se.logIC50, fit.ssr, fit.df, refitter, level);
  return ic50ProfileInterval(limits, level);
}
