/**
 * Robust fit with outlier removal in the spirit of GraphPad Prism's ROUT (Motulsky & Brown 2006,
 * "Detecting outliers when fitting data with nonlinear regression — a new method based on robust
 * nonlinear regression and the false discovery rate", BMC Bioinformatics 7:123).
 *
 * What is implemented (and how it differs from Prism's code, which is not public):
 * 1. Robust fit: residuals are assumed Lorentzian (Cauchy); the merit Σ ln(1 + (r/RSDR)²) is
 *    minimised by iteratively reweighted least squares (weights 1/(1 + (r/RSDR)²)) starting from
 *    the least-squares fit. RSDR, the robust SD of the residuals, is the 68.27th percentile of |r|
 *    times N/(N − K) (K fitted parameters), as in the paper; it is updated at each pass.
 * 2. Outliers: each point's t = |r|/RSDR from the robust fit gives a two-sided p from Student's t
 *    with N − K df. With the points ranked by decreasing |r| (i = 1 the largest), the false
 *    discovery rate rule of the paper compares p_i with Q·(N − (i − 1))/N; the least extreme point
 *    that passes, and every point with a larger residual, are outliers (Benjamini–Hochberg step-up).
 * 3. Final fit: ordinary least squares without the outliers (this is what gets reported).
 * Q is the false discovery rate (Prism's default 1 %).
 */
import { studentTTwoSidedP } from "../stats/distributions.ts";
import {
  type DoseResponseData,
  type DoseResponseFit,
  type DoseResponseOptions,
  fitDoseResponse,
} from "./dose-response.ts";

export interface RobustFitOptions extends DoseResponseOptions {
  /** False discovery rate Q for outliers, default 0.01 (Prism's 1 %). */
  q?: number;
  /** IRLS passes of the robust fit (default 50; stops earlier when the weights settle). */
  maxPasses?: number;
}

export interface RobustFit {
  /** Least-squares fit to the points kept (the one to report). */
  fit: DoseResponseFit;
  /** The Lorentzian robust fit to all points. */
  robust: DoseResponseFit;
  /** Indices (into the input) of the points called outliers. */
  outliers: number[];
  /** Robust SD of the residuals of the robust fit. */
  rsdr: number;
  q: number;
}

/** Robust SD of residuals: 68.27th percentile of |r| × N/(N − K). */
export function robustSdOfResiduals(residuals: ArrayLike<number>, nParameters: number): number {
  const abs = Array.from(residuals, Math.abs).sort((a, b) => a - b);
  const n = abs.length;
  // Percentile by linear interpolation between order statistics (R's quantile type 7).
  const h = (n - 1) * 0.6827;
  const lo = Math.floor(h);
  const p68 = abs[lo]! + (h - lo) * ((abs[Math.min(lo + 1, n - 1)] ?? abs[lo]!) - abs[lo]!);
  return (p68 * n) / (n - nParameters);
}

export function fitDoseResponseRobust(data: DoseResponseData, options: RobustFitOptions = {}): RobustFit {
  const q = options.q ?? 0.01;
  if (!(q > 0 && q < 1)) throw new RangeError(`q must be in (0, 1), got ${q}`);
  const { q: _q, maxPasses = 50, ...fitOptions } = options;
  const ls = fitDoseResponse(data, fitOptions);
  const n = ls.n;
  const k = n - ls.df;
  const weights = new Float64Array(n).fill(1);
  let robust = ls;
  let rsdr = robustSdOfResiduals(ls.lm.residuals, k);
  for (let pass = 0; pass < maxPasses && rsdr > 0; pass++) {
    let change = 0;
    for (let i = 0; i < n; i++) {
      const w = 1 / (1 + (robust.lm.residuals[i]! / rsdr) ** 2);
      change = Math.max(change, Math.abs(w - weights[i]!));
      weights[i] = w;
    }
    robust = fitDoseResponse(data, {
      ...fitOptions,
      weights,
      start: {
        bottom: robust.params.bottom,
        top: robust.params.top,
        logIC50: robust.params.logIC50,
        hill: robust.params.hill,
      },
    });
    rsdr = robustSdOfResiduals(robust.lm.residuals, k);
    if (change < 1e-8) break;
  }

  // FDR rule over residuals ranked by decreasing magnitude.
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => Math.abs(robust.lm.residuals[b]!) - Math.abs(robust.lm.residuals[a]!),
  );
  let lastOutlierRank = -1;
  if (rsdr > 0) {
    order.forEach((idx, rank) => {
      const t = Math.abs(robust.lm.residuals[idx]!) / rsdr;
      const p = studentTTwoSidedP(t, n - k);
      if (p < (q * (n - rank)) / n) lastOutlierRank = rank;
    });
  }
  const outliers = order.slice(0, lastOutlierRank + 1).sort((a, b) => a - b);
  if (outliers.length === 0) return { fit: ls, robust, outliers, rsdr, q };
  const keep = (_: unknown, i: number) => !outliers.includes(i);
  const kept = {
    concentration_nM: Array.from(data.concentration_nM).filter(keep),
    response: Array.from(data.response).filter(keep),
  };
  const weightsKept = fitOptions.weights ? Array.from(fitOptions.weights).filter(keep) : undefined;
  const fit = fitDoseResponse(kept, { ...fitOptions, weights: weightsKept });
  fit.flags.push(`outliers-removed:${outliers.length}`);
  return { fit, robust, outliers, rsdr, q };
}
