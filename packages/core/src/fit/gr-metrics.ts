/**
 * GR metrics from GR values (Hafner et al. 2016, Nat Methods 13:521), computed as the GRmetrics
 * R/Bioconductor package (Clark et al.) does, so that the numbers agree with it:
 *
 *   GR(c) = GRinf + (1 − GRinf) / (1 + (c / GEC50)^h_GR)          (drc's LL.3u, top fixed at 1)
 *   bounds h_GR ∈ [0.1, 5], GRinf ∈ [−1, 1], GEC50 ∈ [min c / 100, max c · 100]
 *   GR50  = GEC50 · ((1 − GRinf)/(0.5 − GRinf) − 1)^(1/h_GR)       (±∞ when the curve never crosses 0.5)
 *   GRmax = the lowest GR value at the two highest concentrations (observed, not fitted)
 *   GR_AOC = trapezoid area over the mean GR per concentration, on log10 c, divided by the log range
 *   flat-fit rule: F test of the sigmoid against a constant; if p ≥ 0.05 the curve is reported as a
 *   flat line at the mean GR: GEC50 = 0, h_GR = 0.01, GRinf = mean, GR50 = +∞ if mean > 0.5 else −∞.
 *   The F test uses GRmetrics' degrees of freedom (2, n − 2).
 *
 * These are the definitions of GRmetrics 1.x and of the companion MATLAB/Python tools
 * (datarail/gr_metrics), whose published outputs the tests reproduce. Later GRmetrics releases
 * changed three of them: GRmax is taken from the mean GR at each of the two top doses, GR_AOC is
 * no longer divided by the log range, and the fit uses optim's L-BFGS-B. Compare numbers only with
 * the same definitions.
 *
 * The sigmoid is fitted with the shared Levenberg–Marquardt engine on (h, GRinf, log10 GEC50),
 * from GRmetrics' start (2, 0.1, median c) and data-driven starts across the dose range, keeping the lowest SSR
 * (a bounded sigmoid can have a local minimum on a bound).
 */
import { InputError } from "../errors/input-error.ts";
import { fUpperTail } from "../stats/distributions.ts";
import type { CurveModel } from "./curve-model.ts";
import { type LmResult, levenbergMarquardt } from "./levenberg-marquardt.ts";

export interface GrData {
  /** Concentrations in nM (> 0; GR at zero dose is 1 by definition and is not fitted). */
  concentration_nM: ArrayLike<number>;
  /** GR values, aligned with concentration_nM; replicates are separate points. */
  gr: ArrayLike<number>;
}

export interface GrMetricsOptions {
  /** F-test cutoff for the flat-fit rule (GRmetrics: 0.05). */
  pCutoff?: number;
  /** Keep the sigmoid whatever the F test says (GRmetrics' force = TRUE). */
  force?: boolean;
}

export interface GrMetrics {
  fit: "sigmoid" | "flat";
  /** Concentration at which GR = 0.5; ±Infinity when the curve does not cross 0.5. */
  GR50_nM: number;
  /** "=" inside the tested range, ">" above the highest tested, "<" below the lowest (value as fitted). */
  GR50_qualifier: "=" | ">" | "<";
  /** Lowest observed GR value at the two highest concentrations. */
  GRmax: number;
  /** Fitted GR at infinite concentration (the mean GR for a flat fit). */
  GRinf: number;
  /** Midpoint concentration of the sigmoid (0 for a flat fit). */
  GEC50_nM: number;
  /** Hill coefficient of the GR curve (0.01 for a flat fit). */
  h_GR: number;
  /** Area over the GR curve, normalised by the log10 concentration range. */
  GR_AOC: number;
  /** Gauss–Newton standard errors of the sigmoid's parameters (NaN when singular, null for flat fits). */
  se: { GRinf: number; GEC50_nM: number; h_GR: number } | null;
  /** 1 − SSR(sigmoid)/SSR(constant) of the sigmoid fit. */
  r2: number;
  /** p-value of the F test sigmoid vs constant. */
  pValue: number;
  /** Mean GR value (the flat fit's level). */
  meanGR: number;
  n: number;
  concentrations: number;
  testedRange_nM: [number, number];
  converged: boolean;
  reason: string;
  /** at-bound:h_GR, at-bound:GRinf, at-bound:GEC50, not-converged, gr50-extrapolated. */
  flags: string[];
  /** The sigmoid's fit (log10 GEC50 internally), for plotting and diagnostics. */
  lm: LmResult;
}

/** GR(c) with p = [h, GRinf, log10 GEC50_nM]. */
export const grSigmoidModel: CurveModel = {
  name: "gr-ll3u",
  parameterNames: ["h_GR", "GRinf", "log10GEC50"],
  value(x, p) {
    if (x <= 0) return 1;
    const u = (x / 10 ** p[2]!) ** p[0]!;
    return p[1]! + (1 - p[1]!) / (1 + u);
  },
  valueAndGradient(x, p, out) {
    const h = p[0]!;
    const ginf = p[1]!;
    if (x <= 0) {
      out[0] = 0;
      out[1] = 0;
      out[2] = 0;
      return 1;
    }
    const logRatio = Math.log(x) - p[2]! * Math.LN10;
    const u = Math.exp(h * logRatio);
    const d = 1 + u;
    const s = 1 / d;
    // ∂/∂h of (1−g)/(1+u) = −(1−g)·u·logRatio/(1+u)²; ∂u/∂log10 e = −h·ln10·u
    out[0] = (-(1 - ginf) * u * logRatio) / (d * d);
    out[1] = 1 - s;
    out[2] = ((1 - ginf) * u * h * Math.LN10) / (d * d);
    return ginf + (1 - ginf) * s;
  },
};

/** The GR value of a fitted curve at concentration c (nM). */
export function grCurveValue(m: Pick<GrMetrics, "GRinf" | "GEC50_nM" | "h_GR" | "fit">, c_nM: number): number {
  if (m.fit === "flat" || c_nM <= 0) return m.fit === "flat" ? m.GRinf : 1;
  return m.GRinf + (1 - m.GRinf) / (1 + (c_nM / m.GEC50_nM) ** m.h_GR);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function fitGrMetrics(data: GrData, o: GrMetricsOptions = {}): GrMetrics {
  const n = data.gr.length;
  if (data.concentration_nM.length !== n) {
    throw new InputError(`${data.concentration_nM.length} concentrations but ${n} GR values`, { field: "gr" });
  }
  const x = Float64Array.from(data.concentration_nM);
  const y = Float64Array.from(data.gr);
  for (let i = 0; i < n; i++) {
    if (!(x[i]! > 0 && Number.isFinite(x[i]!))) {
      throw new InputError("GR curves need positive concentrations", { field: "concentration_nM", got: x[i] });
    }
    if (!Number.isFinite(y[i]!)) throw new InputError("GR value is not finite", { field: "gr", got: y[i] });
  }
  const concs = [...new Set(x)].sort((a, b) => a - b);
  if (concs.length < 4) {
    throw new InputError(`a GR curve needs at least 4 distinct concentrations, got ${concs.length}`, {
      field: "concentration_nM",
    });
  }
  const cMin = concs[0]!;
  const cMax = concs[concs.length - 1]!;

  // Observed metrics (no fit): GRmax and GR_AOC from the mean GR at each concentration.
  const means = concs.map((c) => {
    let s = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (x[i] === c) {
        s += y[i]!;
        k++;
      }
    }
    return s / k;
  });
  let GRmax = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) if (x[i]! >= concs[concs.length - 2]!) GRmax = Math.min(GRmax, y[i]!);
  let area = 0;
  for (let j = 1; j < concs.length; j++) {
    area += (1 - (means[j - 1]! + means[j]!) / 2) * (Math.log10(concs[j]!) - Math.log10(concs[j - 1]!));
  }
  const GR_AOC = area / (Math.log10(cMax) - Math.log10(cMin));
  const meanGR = y.reduce((a, b) => a + b, 0) / n;

  // The sigmoid, from several starts.
  const lower = Float64Array.of(0.1, -1, Math.log10(cMin) - 2);
  const upper = Float64Array.of(5, 1, Math.log10(cMax) + 2);
  const clamp = (v: number, i: number) => Math.min(upper[i]!, Math.max(lower[i]!, v));
  const lowest = Math.min(...means);
  const crossing = concs.find((_c, j) => means[j]! < (1 + lowest) / 2) ?? median(concs);
  const starts = [
    [2, 0.1, Math.log10(median([...x]))],
    [1, clamp(lowest, 1), Math.log10(crossing)],
    [0.5, clamp(lowest, 1), Math.log10(median(concs))],
  ];
  // Nearly flat data leave the sigmoid poorly identified, with local minima (often a steep step
  // between two doses): also start a shallow and a steep curve centred between each pair of doses.
  for (let j = 1; j < concs.length; j++) {
    const logE = (Math.log10(concs[j - 1]!) + Math.log10(concs[j]!)) / 2;
    const after = means.slice(j).reduce((a, b) => a + b, 0) / (concs.length - j);
    for (const hs of [1, 5]) starts.push([hs, clamp(after, 1), logE]);
  }
  let best: LmResult | undefined;
  for (const s of starts) {
    const p0 = Float64Array.from(s, clamp);
    const r = levenbergMarquardt(grSigmoidModel, x, y, p0, { lower, upper, maxIterations: 500, tolerance: 1e-10 });
    if (Number.isFinite(r.ssr) && (!best || r.ssr < best.ssr)) best = r;
  }
  const lm = best!;
  const [h, ginf, logE] = lm.params as unknown as [number, number, number];
  const ssrSigmoid = lm.ssr;
  const ssrFlat = y.reduce((a, v) => a + (v - meanGR) ** 2, 0);
  const df2 = n - 3 + 1; // GRmetrics' denominator df (kept for agreement with its p-values)
  const f = (ssrFlat - ssrSigmoid) / 2 / (ssrSigmoid / df2);
  const pValue = ssrSigmoid === 0 ? 0 : fUpperTail(f, 2, df2);
  const r2 = 1 - ssrSigmoid / ssrFlat;
  const flat = !o.force && pValue >= (o.pCutoff ?? 0.05);

  const flags: string[] = [];
  if (!lm.converged) flags.push("not-converged");
  const names = ["h_GR", "GRinf", "GEC50"];
  lm.atBound.forEach((b, i) => {
    if (b && !flat) flags.push(`at-bound:${names[i]}`);
  });

  let GR50_nM: number;
  let GEC50_nM: number;
  let h_GR: number;
  let GRinf: number;
  let se: GrMetrics["se"] = null;
  if (flat) {
    GEC50_nM = 0;
    h_GR = 0.01;
    GRinf = meanGR;
    GR50_nM = meanGR > 0.5 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  } else {
    GEC50_nM = 10 ** logE;
    h_GR = h;
    GRinf = ginf;
    const ratio = (1 - ginf) / (0.5 - ginf) - 1;
    GR50_nM = ratio > 0 && ginf < 0.5 ? GEC50_nM * ratio ** (1 / h) : meanGR > 0.5 ? Infinity : -Infinity;
    const e = lm.standardErrors;
    se = { h_GR: e[0]!, GRinf: e[1]!, GEC50_nM: e[2]! * Math.LN10 * GEC50_nM };
  }
  let GR50_qualifier: GrMetrics["GR50_qualifier"] = "=";
  if (GR50_nM > cMax) GR50_qualifier = ">";
  else if (GR50_nM < cMin) GR50_qualifier = "<";
  if (GR50_qualifier !== "=" && Number.isFinite(GR50_nM)) flags.push("gr50-extrapolated");

  return {
    fit: flat ? "flat" : "sigmoid",
    GR50_nM,
    GR50_qualifier,
    GRmax,
    GRinf,
    GEC50_nM,
    h_GR,
    GR_AOC,
    se,
    r2,
    pValue,
    meanGR,
    n,
    concentrations: concs.length,
    testedRange_nM: [cMin, cMax],
    converged: lm.converged,
    reason: lm.reason,
    flags,
    lm,
  };
}
