/**
 * Quantities derived from a fitted curve, as GraphPad Prism defines them (Prism 10 curve-fitting
 * guide, "ECanything" and "Absolute IC50"), with delta-method uncertainty from the fit's covariance.
 *
 * - Relative EC_F ("ECanything"): the concentration giving F % of the way from the response at
 *   zero dose to the response at infinite dose — for a falling viability curve, F % inhibition of
 *   the span. EC50 is the fitted IC50 parameter itself (for the 5PL by its construction).
 * - Absolute IC at a response level (e.g. 50 on a % of vehicle scale): the concentration at which
 *   the fitted curve crosses that level; undefined when the curve never reaches it.
 * - AUC: area under the fitted curve over log10 concentration across the tested range
 *   (response × log10 nM), and the mean response over that range (AUC / decades), as in
 *   Fallahi-Sichani et al. 2013 (Nat Chem Biol 9:708).
 * - Emax: fitted response at the highest tested concentration (Fallahi-Sichani et al. 2013);
 *   Einf: the fitted high-dose plateau.
 * Uncertainty: SE of log10 of the concentration by the delta method with a central-difference
 * gradient over the internal parameters and fit.cov; CI = 10^(log ± t·SE), t with the fit's df.
 */
import { tCritical } from "../stats/distributions.ts";
import type { DoseResponseFit, Ic50Qualifier } from "./dose-response.ts";
import { prism4LogDoseModel, prism5LogDoseModel } from "./models.ts";

export interface ConcentrationEstimate {
  /** Reportable value: the estimate, or the tested limit when beyond the tested range; NaN if undefined. */
  value_nM: number;
  qualifier: Ic50Qualifier;
  /** t-based CI on the log scale; null unless qualifier is "=". */
  ci95_nM: [number, number] | null;
  /** Delta-method SE of log10(concentration). */
  seLog10: number;
  /** false when the curve never reaches the requested effect or level. */
  defined: boolean;
}

function internalParams(fit: DoseResponseFit): number[] {
  const p = fit.params;
  return fit.model === "5pl"
    ? [p.bottom, p.top, p.logIC50, p.hill, p.asymmetry!]
    : [p.bottom, p.top, p.logIC50, p.hill];
}

/** Fitted response at concentration x (nM; 0 allowed). */
export function predictResponse(fit: DoseResponseFit, concentration_nM: number): number {
  const model = fit.model === "5pl" ? prism5LogDoseModel : prism4LogDoseModel;
  const logX = concentration_nM > 0 ? Math.log10(concentration_nM) : Number.NEGATIVE_INFINITY;
  return model.value(logX, Float64Array.from(internalParams(fit)));
}

/** log10 x where the weight g of Top in the curve equals `g` (0 < g < 1). */
function logDoseAtTopWeight(p: number[], g: number): number {
  const [, , logIc50, hill, s] = p as [number, number, number, number, number | undefined];
  if (s === undefined) {
    // 1/(1 + 10^((L − X)·h)) = g  ⇒  X = L − log10(1/g − 1)/h
    return logIc50! - Math.log10(1 / g - 1) / hill!;
  }
  // (1 + e^z)^−S = g  ⇒  z = ln(g^(−1/S) − 1);  z = ln10·h·(L − X) + ln(2^(1/S) − 1)
  const z = Math.log(g ** (-1 / s) - 1);
  return logIc50! - (z - Math.log(2 ** (1 / s) - 1)) / (Math.LN10 * hill!);
}

function estimate(fit: DoseResponseFit, f: (p: number[]) => number, level: number): ConcentrationEstimate {
  const p = internalParams(fit);
  const logX = f(p);
  const [lo, hi] = fit.testedRange_nM;
  if (!Number.isFinite(logX)) {
    return { value_nM: Number.NaN, qualifier: "=", ci95_nM: null, seLog10: Number.NaN, defined: false };
  }
  let se = Number.NaN;
  if (fit.cov) {
    const g = p.map((v, k) => {
      const h = 1e-6 * Math.max(1, Math.abs(v));
      const up = p.slice();
      const down = p.slice();
      up[k] = v + h;
      down[k] = v - h;
      const d = (f(up) - f(down)) / (2 * h);
      return Number.isFinite(d) ? d : 0;
    });
    let v = 0;
    for (let a = 0; a < p.length; a++) for (let b = 0; b < p.length; b++) v += g[a]! * g[b]! * fit.cov[a]![b]!;
    se = Math.sqrt(v);
  }
  const x = 10 ** logX;
  if (x > hi) return { value_nM: hi, qualifier: ">", ci95_nM: null, seLog10: se, defined: true };
  if (x < lo) return { value_nM: lo, qualifier: "<", ci95_nM: null, seLog10: se, defined: true };
  const t = fit.df > 0 ? tCritical(level, fit.df) : Number.NaN;
  const ci: [number, number] | null =
    Number.isFinite(se) && fit.converged ? [10 ** (logX - t * se), 10 ** (logX + t * se)] : null;
  return { value_nM: x, qualifier: "=", ci95_nM: ci, seLog10: se, defined: true };
}

/**
 * Prism's relative ECanything: F % of the way from the zero-dose response to the infinite-dose
 * response (F = 50 gives the IC50 parameter; for a falling curve F = 90 is the IC90).
 */
export function effectiveConcentration(fit: DoseResponseFit, percent: number, level = 0.95): ConcentrationEstimate {
  if (!(percent > 0 && percent < 100)) throw new RangeError(`percent must be in (0, 100), got ${percent}`);
  // Weight of Top at the requested effect: a falling curve (h < 0) starts at Top.
  const f = (p: number[]) => logDoseAtTopWeight(p, p[3]! < 0 ? 1 - percent / 100 : percent / 100);
  return estimate(fit, f, level);
}

/**
 * Absolute IC/EC: the concentration where the fitted curve crosses `response` (Prism's "absolute
 * IC50" with response = 50 on a normalized scale). Not defined when the curve never reaches it;
 * then value_nM is NaN and defined is false, so nobody reports an extrapolated number.
 */
export function absoluteEffectiveConcentration(
  fit: DoseResponseFit,
  response: number,
  level = 0.95,
): ConcentrationEstimate {
  const f = (p: number[]) => {
    const g = (response - p[0]!) / (p[1]! - p[0]!);
    return g > 0 && g < 1 ? logDoseAtTopWeight(p, g) : Number.NaN;
  };
  return estimate(fit, f, level);
}

export interface CurveSummary {
  /** ∫ response d(log10 x) over the tested positive concentrations (response × log10 nM). */
  auc: number;
  /** auc divided by the number of decades tested: the mean fitted response over the range. */
  meanResponse: number;
  /** Fitted response at the highest tested concentration. */
  emax: number;
  /** Fitted plateau at infinite dose. */
  einf: number;
  /** Tested range integrated over (nM). */
  range_nM: [number, number];
}

/** AUC over log10 dose (composite Simpson, 512 panels), Emax and Einf of a fitted curve. */
export function summariseCurve(fit: DoseResponseFit, range_nM: [number, number] = fit.testedRange_nM): CurveSummary {
  const model = fit.model === "5pl" ? prism5LogDoseModel : prism4LogDoseModel;
  const p = Float64Array.from(internalParams(fit));
  const a = Math.log10(range_nM[0]);
  const b = Math.log10(range_nM[1]);
  const panels = 512;
  const h = (b - a) / panels;
  let sum = model.value(a, p) + model.value(b, p);
  for (let i = 1; i < panels; i++) sum += (i % 2 ? 4 : 2) * model.value(a + i * h, p);
  const auc = (sum * h) / 3;
  const einf = fit.params.hill < 0 ? fit.params.bottom : fit.params.top;
  return {
    auc,
    meanResponse: b > a ? auc / (b - a) : Number.NaN,
    emax: model.value(b, p),
    einf,
    range_nM,
  };
}
