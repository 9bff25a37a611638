/**
 * fitDoseResponse: one dose–response curve, from concentrations and responses to a reportable IC50.
 *
 * Every model is fitted internally in Prism's log-scale form [Bottom, Top, LogIC50, HillSlope(, S)]
 * (LogIC50 = log10 of the IC50 in nM), which keeps the IC50 positive and the problem well scaled.
 * Results are then given in the parameterisation the user asked for; for drc's LL.4,
 * b = −HillSlope, c = Bottom, d = Top, e = 10^LogIC50, and the covariance is carried over with the
 * Jacobian of that map (exact for Gauss–Newton covariances, so SEs equal those of fitting LL.4 directly).
 */
import { InputError } from "../errors/input-error.ts";
import { invertInto } from "../linalg/inverse.ts";
import { tCritical } from "../stats/distributions.ts";
import { curveProblem, type LmResult, solveLeastSquares } from "./levenberg-marquardt.ts";
import { logDoses, prism4LogDoseModel, prism5LogDoseModel } from "./models.ts";
import { Prism4LogDoseProblem } from "./prism4-problem.ts";
import { profileIc50Interval } from "./profile.ts";
import { startingValues4 } from "./starting-values.ts";

export type DoseResponseModelName = "ll4" | "prism4" | "3pl" | "5pl";

/** The model-independent parameter names used in options and results. */
export type DoseResponseParameter = "bottom" | "top" | "ic50_nM" | "logIC50" | "hill" | "asymmetry";

export interface DoseResponseData {
  /** Concentrations in nM; 0 (vehicle) is allowed and sits on the x → 0 plateau. */
  concentration_nM: ArrayLike<number>;
  response: ArrayLike<number>;
}

export interface DoseResponseOptions {
  /** Default "ll4". "3pl" is the 4PL with Bottom fixed (default 0) or Top fixed (give `fixed.top`). */
  model?: DoseResponseModelName;
  /**
   * Parameters held constant. Keys: bottom, top, ic50_nM, logIC50, hill (Prism's HillSlope,
   * negative for a falling curve), asymmetry (5PL's S); for "ll4" also drc's b, c, d, e.
   */
  fixed?: Partial<Record<string, number>>;
  /** Box constraints [lower, upper] on the model-independent parameters. */
  bounds?: Partial<Record<DoseResponseParameter, readonly [number, number]>>;
  /** Weights of the weighted SSR (e.g. 1/variance); default all 1. */
  weights?: ArrayLike<number>;
  /** Overrides of the data-driven starting values. */
  start?: Partial<Record<DoseResponseParameter, number>>;
  /** Confidence level of the intervals; default 0.95. */
  level?: number;
  maxIterations?: number;
  /** LM relative-offset tolerance (default 1e-8). */
  tolerance?: number;
  /**
   * Also compute the profile-likelihood CI of the IC50 (ic50.profileCi95_nM); costs about 20–40
   * constrained refits, so it is off by default.
   */
  profile?: boolean;
}

export interface ParameterSet {
  bottom: number;
  top: number;
  ic50_nM: number;
  logIC50: number;
  /** Prism's HillSlope: negative when the response falls with dose (drc's b = −hill). */
  hill: number;
  /** 5PL asymmetry S (1 = symmetric); only for "5pl". */
  asymmetry?: number;
}

export type Ic50Qualifier = "=" | ">" | "<";

export interface Ic50Report {
  /** The IC50 to report: the fitted value, or the tested limit when it lies beyond the tested range. */
  value_nM: number;
  /** "=" fitted inside the tested range; ">" above the highest tested dose; "<" below the lowest. */
  qualifier: Ic50Qualifier;
  /** Asymptotic t-based CI on the log scale, 10^(LogIC50 ± t·SE); null when qualifier ≠ "=" or not converged. */
  ci95_nM: [number, number] | null;
  /**
   * Profile-likelihood CI (only with options.profile): null when qualifier ≠ "=" or the fit failed;
   * a side may be 0 or Infinity when the data cannot bound it.
   */
  profileCi95_nM?: [number, number] | null;
  /** Confidence level of ci95_nM (0.95 unless options.level says otherwise). */
  level: number;
}

export interface DoseResponseFit {
  model: DoseResponseModelName;
  params: ParameterSet;
  /** Gauss–Newton standard errors of the same quantities (0 for fixed parameters). */
  se: ParameterSet;
  /** The user's parameterisation: drc's b, c, d, e for "ll4"; Prism's names otherwise. */
  native: { names: string[]; values: number[]; se: number[] };
  /** Covariance of the internal parameters `covNames` (LogIC50 is log10 nM); null if singular. */
  cov: number[][] | null;
  covNames: string[];
  ic50: Ic50Report;
  converged: boolean;
  /** Why the fitter stopped, in words. */
  reason: string;
  iterations: number;
  ssr: number;
  df: number;
  /** Residual standard error √(SSR/df). */
  rse: number;
  r2: number;
  n: number;
  /** Names of the parameters that were held fixed. */
  fixed: string[];
  /** Smallest positive and largest tested concentration. */
  testedRange_nM: [number, number];
  /**
   * Warnings: not-converged, ic50-above-range, ic50-below-range, top-undefined,
   * bottom-undefined, ambiguous, poor-fit, wide-ci, at-bound:<name>.
   */
  flags: string[];
  /** The raw fitter result (internal parameterisation), for profiles and global fits. */
  lm: LmResult;
}

const INTERNAL_NAMES4 = ["bottom", "top", "logIC50", "hill"] as const;
const INTERNAL_NAMES5 = ["bottom", "top", "logIC50", "hill", "asymmetry"] as const;

/** Checks the data and returns it as Float64Arrays. Throws InputError naming the field. */
export function checkDoseResponseData(data: DoseResponseData, minDistinct = 4): { x: Float64Array; y: Float64Array } {
  const { concentration_nM: c, response: r } = data;
  if (!c || !r) throw new InputError("dose–response data need concentration_nM and response", { field: "data" });
  if (c.length !== r.length) {
    throw new InputError("concentration_nM and response differ in length", {
      field: "response",
      expected: `${c.length} values`,
      got: r.length,
    });
  }
  // Float64Array input is used as is (never modified); anything else is copied once.
  const x = c instanceof Float64Array ? c : Float64Array.from(c);
  const y = r instanceof Float64Array ? r : Float64Array.from(r);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]!) || x[i]! < 0) {
      throw new InputError("concentration is not a non-negative number", {
        field: `concentration_nM[${i}]`,
        expected: "a number ≥ 0",
        got: c[i],
      });
    }
    if (!Number.isFinite(y[i]!)) {
      throw new InputError("response is not a finite number", {
        field: `response[${i}]`,
        expected: "a number",
        got: r[i],
      });
    }
  }
  const distinct = countDistinct(x, minDistinct);
  if (distinct < minDistinct) {
    throw new InputError("too few distinct concentrations to fit the curve", {
      field: "concentration_nM",
      expected: `at least ${minDistinct} distinct concentrations`,
      got: distinct,
    });
  }
  return { x, y };
}

/** Number of distinct values, counting stops once `enough` is reached. */
function countDistinct(x: Float64Array, enough: number): number {
  const seen: number[] = [];
  for (let i = 0; i < x.length && seen.length < enough; i++) if (!seen.includes(x[i]!)) seen.push(x[i]!);
  return seen.length;
}

const LL4_KEYS: Record<string, (v: number) => [number, number]> = {
  b: (v) => [3, -v],
  c: (v) => [0, v],
  d: (v) => [1, v],
  e: (v) => [2, Math.log10(v)],
};
const GENERIC_KEYS: Record<string, (v: number) => [number, number]> = {
  bottom: (v) => [0, v],
  top: (v) => [1, v],
  logIC50: (v) => [2, v],
  ic50_nM: (v) => [2, Math.log10(v)],
  hill: (v) => [3, v],
  asymmetry: (v) => [4, v],
};

/** Fits one dose–response curve. See DoseResponseFit for what comes back. */
export function fitDoseResponse(data: DoseResponseData, options: DoseResponseOptions = {}): DoseResponseFit {
  const model = options.model ?? "ll4";
  if (model !== "ll4" && model !== "prism4" && model !== "3pl" && model !== "5pl") {
    throw new InputError("unknown dose–response model", {
      field: "model",
      expected: "ll4, prism4, 3pl or 5pl",
      got: model,
    });
  }
  const five = model === "5pl";
  const nPar = five ? 5 : 4;
  const { x, y } = checkDoseResponseData(data, model === "3pl" ? 3 : 4);
  const level = options.level ?? 0.95;

  const fixedMask = new Array<boolean>(nPar).fill(false);
  const fixedValues: number[] = new Array(nPar).fill(0);
  const fixedNames: string[] = [];
  const fixed: Partial<Record<string, number>> = options.fixed === undefined ? {} : { ...options.fixed };
  if (
    model === "3pl" &&
    fixed.bottom === undefined &&
    fixed.top === undefined &&
    fixed.c === undefined &&
    fixed.d === undefined
  ) {
    fixed.bottom = 0;
  }
  for (const key in fixed) {
    const value = fixed[key];
    if (value === undefined) continue;
    const map = GENERIC_KEYS[key] ?? (model === "ll4" ? LL4_KEYS[key] : undefined);
    if (!map || (key === "asymmetry" && !five)) {
      throw new InputError("cannot fix this parameter", {
        field: `fixed.${key}`,
        expected: `one of ${Object.keys(GENERIC_KEYS)
          .filter((k) => five || k !== "asymmetry")
          .concat(model === "ll4" ? Object.keys(LL4_KEYS) : [])
          .join(", ")}`,
      });
    }
    if (!Number.isFinite(value) || ((key === "ic50_nM" || key === "e") && !(value > 0))) {
      throw new InputError("fixed value is not a usable number", {
        field: `fixed.${key}`,
        expected: "a finite number",
        got: value,
      });
    }
    const [k, v] = map(value);
    fixedMask[k] = true;
    fixedValues[k] = v;
    fixedNames.push(key);
  }

  const lower: number[] = new Array(nPar).fill(Number.NEGATIVE_INFINITY);
  const upper: number[] = new Array(nPar).fill(Number.POSITIVE_INFINITY);
  if (five) lower[4] = 1e-6; // S must stay positive
  const bounds = options.bounds ?? {};
  for (const key in bounds) {
    const range = bounds[key as DoseResponseParameter];
    if (!range) continue;
    const map = GENERIC_KEYS[key];
    if (!map || (key === "asymmetry" && !five) || !(range[0] <= range[1])) {
      throw new InputError("unusable bound", { field: `bounds.${key}`, expected: "[lower, upper] with lower ≤ upper" });
    }
    const [k, lo] = map(range[0]);
    const [, hi] = map(range[1]);
    lower[k] = Math.max(lower[k]!, lo);
    upper[k] = Math.min(upper[k]!, hi);
  }

  if (options.weights && options.weights.length !== x.length) {
    throw new InputError("weights differ in length from the data", {
      field: "weights",
      expected: `${x.length} values`,
      got: options.weights.length,
    });
  }

  const logX = logDosesOfDesign(x);
  // Start 4PL, then (for 5PL) start S at 1 from the 4PL optimum.
  const start = startingValues4(
    x,
    y,
    {
      bottom: fixedMask[0] ? fixedValues[0] : options.start?.bottom,
      top: fixedMask[1] ? fixedValues[1] : options.start?.top,
      logIc50: fixedMask[2]
        ? fixedValues[2]
        : (options.start?.logIC50 ?? (options.start?.ic50_nM ? Math.log10(options.start.ic50_nM) : undefined)),
      hill: fixedMask[3] ? fixedValues[3] : options.start?.hill,
    },
    logX,
  );
  const p4 = [start.bottom, start.top, start.logIc50, start.hill];
  const lmOptions = {
    lower: five ? lower.slice(0, 4) : lower,
    upper: five ? upper.slice(0, 4) : upper,
    fixed: five ? fixedMask.slice(0, 4) : fixedMask,
    weights: options.weights,
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
  };
  const problem4 = new Prism4LogDoseProblem(logX, y);
  let lm = solveLeastSquares(problem4, p4, lmOptions);
  if (!lm.converged) {
    lm = retryFromAlternativeStarts(lm, p4, fixedMask, (p) => solveLeastSquares(problem4, p, lmOptions), x);
  }
  if (five) {
    const p5 = [...lm.params, fixedMask[4] ? fixedValues[4]! : (options.start?.asymmetry ?? 1)];
    const lm5 = solveLeastSquares(curveProblem(prism5LogDoseModel, logX, y), p5, {
      ...lmOptions,
      lower,
      upper,
      fixed: fixedMask,
    });
    lm = lm5;
  }
  const fit = summariseDoseResponseFit(model, lm, x, logX, y, options.weights, fixedNames, level);
  if (options.profile) {
    const profileable = fit.ic50.qualifier === "=" && fit.converged && fit.df > 0 && !fixedMask[2];
    fit.ic50.profileCi95_nM = profileable
      ? profileIc50Interval({ concentration_nM: x, response: y }, fit, { ...options, profile: false }, level).ci_nM
      : null;
  }
  return fit;
}

// The last design's doses and their log10: a plate or a screen fits curve after curve at the
// same concentrations, and the logarithms need not be taken again for each. Never modified.
let lastDoses: Float64Array = new Float64Array(0);
let lastLogDoses: Float64Array = new Float64Array(0);

/** log10 of each dose (−∞ for zero doses), reused when the doses equal the previous call's. */
function logDosesOfDesign(x: Float64Array): Float64Array {
  let same = x.length === lastDoses.length;
  for (let i = 0; same && i < x.length; i++) same = x[i] === lastDoses[i];
  if (!same) {
    lastDoses = x.slice();
    lastLogDoses = logDoses(x);
  }
  return lastLogDoses;
}

/** A failed first attempt is retried from Hill slopes ±1, ±3 and a mid-range LogIC50; best SSR wins. */
function retryFromAlternativeStarts(
  first: LmResult,
  p0: readonly number[],
  fixedMask: readonly boolean[],
  fit: (p: number[]) => LmResult,
  x: Float64Array,
): LmResult {
  let best = first;
  let minLog = Number.POSITIVE_INFINITY;
  let maxLog = Number.NEGATIVE_INFINITY;
  for (const v of x) {
    if (v > 0) {
      minLog = Math.min(minLog, Math.log10(v));
      maxLog = Math.max(maxLog, Math.log10(v));
    }
  }
  for (const hill of [-1, 1, -3, 3]) {
    const p = p0.slice();
    // Fixed parameters keep their values (a profile refit must stay at its LogIC50).
    if (!fixedMask[2]) p[2] = (minLog + maxLog) / 2;
    if (!fixedMask[3]) p[3] = hill;
    const r = fit(p);
    if ((r.converged && !best.converged) || (r.converged === best.converged && r.ssr < best.ssr)) best = r;
    if (best.converged) break;
  }
  return best;
}

/**
 * The report of a fit from the fitter's result in the internal parameterisation: IC50 with its
 * qualifier and CI, native parameters, R², flags. Exported for the per-curve view of a global
 * fit (global-curves.ts), which hands in that curve's block of the global covariance.
 */
export function summariseDoseResponseFit(
  model: DoseResponseModelName,
  lm: LmResult,
  x: Float64Array,
  logX: Float64Array,
  y: Float64Array,
  weights: ArrayLike<number> | undefined,
  fixedNames: string[],
  level: number,
): DoseResponseFit {
  const five = model === "5pl";
  const n = x.length;
  const p = lm.params;
  const se = lm.standardErrors;
  const bottom = p[0]!;
  const top = p[1]!;
  const logIC50 = p[2]!;
  const hill = p[3]!;
  const ic50 = 10 ** logIC50;
  const params: ParameterSet = { bottom, top, ic50_nM: ic50, logIC50, hill };
  const seSet: ParameterSet = {
    bottom: se[0]!,
    top: se[1]!,
    ic50_nM: ic50 * Math.LN10 * se[2]!,
    logIC50: se[2]!,
    hill: se[3]!,
  };
  if (five) {
    params.asymmetry = p[4]!;
    seSet.asymmetry = se[4]!;
  }
  const internalNames: string[] = [...(five ? INTERNAL_NAMES5 : INTERNAL_NAMES4)];
  const nPar = internalNames.length;
  let cov: number[][] | null = null;
  if (lm.covariance) {
    // Plain loops: Array.from with callbacks was a measurable share of a whole fit.
    cov = [];
    for (let i = 0; i < nPar; i++) {
      const row: number[] = [];
      for (let j = 0; j < nPar; j++) row.push(lm.covariance[i * nPar + j]!);
      cov.push(row);
    }
  }
  const native = nativeParameters(model, lm);

  // R² against the (weighted) mean.
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < n; i++) {
    const wi = weights ? weights[i]! : 1;
    sw += wi;
    swy += wi * y[i]!;
  }
  const mean = swy / sw;
  let sst = 0;
  for (let i = 0; i < n; i++) sst += (weights ? weights[i]! : 1) * (y[i]! - mean) ** 2;
  const r2 = 1 - lm.ssr / sst;

  // Tested range, also as log10 doses (logX holds log10 of each dose, −∞ for zero doses).
  let minPos = Number.POSITIVE_INFINITY;
  let max = 0;
  let logMinPos = Number.POSITIVE_INFINITY;
  let logMax = Number.NEGATIVE_INFINITY;
  let hasZero = false;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (v > 0) {
      if (v < minPos) {
        minPos = v;
        logMinPos = logX[i]!;
      }
    } else hasZero = true;
    if (v > max) {
      max = v;
      logMax = logX[i]!;
    }
  }

  const flags: string[] = [];
  if (!lm.converged) flags.push("not-converged");
  const t = lm.df > 0 ? tCritical(level, lm.df) : Number.NaN;

  // No effect: the fitted response at the highest tested dose does not differ significantly from
  // the response at the lowest (zero dose if tested) — delta-method SE from the covariance — or
  // the data are flat. Then no concentration in the tested range has a 50 % effect: report
  // "> highest dose". (Not applied to an IC50 below the tested range: there the whole range may
  // sit on the low plateau, which is a strong effect, not none.)
  const span = top - bottom;
  const change = responseChangeAcrossRange(lm, hasZero ? Number.NEGATIVE_INFINITY : logMinPos, logMax);
  const noEffect =
    Math.abs(span) <= 1e-6 * Math.max(Math.abs(top), Math.abs(bottom)) ||
    (ic50 >= minPos && Number.isFinite(change.se) && Number.isFinite(t) && Math.abs(change.value) <= t * change.se);
  if (noEffect) flags.push("no-effect");

  let qualifier: Ic50Qualifier = "=";
  let value = ic50;
  if (ic50 > max || noEffect) {
    qualifier = ">";
    value = max;
    flags.push("ic50-above-range");
  } else if (ic50 < minPos) {
    qualifier = "<";
    value = minPos;
    flags.push("ic50-below-range");
  }
  // A transition (10 % → 90 % of the span, log10(81)/|HillSlope| decades) narrower than the
  // largest gap between neighbouring tested doses around it: the IC50 is only known to lie
  // between two doses, whatever the SE says.
  const width = Math.log10(81) / Math.abs(hill);
  const gap = doseGapAround(logX, logIC50);
  const stepLike = qualifier === "=" && width < gap;
  if (stepLike) flags.push("transition-between-doses");
  let ci: [number, number] | null = null;
  if (qualifier === "=" && !stepLike && lm.converged && lm.df > 0 && Number.isFinite(se[2]!)) {
    ci = [10 ** (logIC50 - t * se[2]!), 10 ** (logIC50 + t * se[2]!)];
    if (ci[1] / ci[0] > 100) flags.push("wide-ci");
  }
  // A fitted IC50 from a failed fit is not reported; a tested-range limit still is.
  if (!lm.converged && qualifier === "=") value = Number.NaN;

  // Plateaus the data do not reach: fraction of the transition covered at each end of the tested range.
  // topWeight is the weight of Top in the curve; for a falling curve (hill < 0) Top is the low-dose plateau.
  const lowDoseFraction = hasZero ? (hill < 0 ? 1 : 0) : topWeight(logIC50, logMinPos, hill);
  const highDoseFraction = max <= 0 ? (hill < 0 ? 1 : 0) : topWeight(logIC50, logMax, hill);
  const lowPlateau = hill < 0 ? "top" : "bottom";
  const highPlateau = hill < 0 ? "bottom" : "top";
  const lowCovered = hill < 0 ? 1 - lowDoseFraction : lowDoseFraction; // distance from the low-dose plateau
  const highCovered = hill < 0 ? highDoseFraction : 1 - highDoseFraction; // distance from the high-dose plateau
  if (lowCovered > 0.2 && !isFixed(fixedNames, lowPlateau)) flags.push(`${lowPlateau}-undefined`);
  if (highCovered > 0.2 && !isFixed(fixedNames, highPlateau)) flags.push(`${highPlateau}-undefined`);
  if (!lm.covariance || maxDependency(lm) > 0.9999) flags.push("ambiguous");
  if (r2 < 0.5) flags.push("poor-fit");
  for (let k = 0; k < lm.atBound.length; k++) if (lm.atBound[k]) flags.push(`at-bound:${internalNames[k]}`);

  return {
    model,
    params,
    se: seSet,
    native,
    cov,
    covNames: internalNames,
    ic50: { value_nM: value, qualifier, ci95_nM: ci, level },
    converged: lm.converged,
    reason: lm.reason,
    iterations: lm.iterations,
    ssr: lm.ssr,
    df: lm.df,
    rse: lm.sigma,
    r2,
    n,
    fixed: fixedNames,
    testedRange_nM: [minPos, max],
    flags,
    lm,
  };
}

/** 1/(1 + 10^((LogIC50 − X)·HillSlope)): the weight of Top in the 4PL at X = log10 dose. */
function topWeight(logIC50: number, logDose: number, hill: number): number {
  return 1 / (1 + 10 ** ((logIC50 - logDose) * hill));
}

function isFixed(fixedNames: readonly string[], plateau: "top" | "bottom"): boolean {
  for (const f of fixedNames) if (sameParameter(f, plateau)) return true;
  return false;
}

// Gradient scratch of responseChangeAcrossRange (up to the 5PL's five parameters).
const gradientLow = new Float64Array(5);
const gradientHigh = new Float64Array(5);

/**
 * f(high) − f(low) of the fitted curve with its delta-method SE (NaN without a covariance);
 * doses as log10 (−∞ for zero dose).
 */
function responseChangeAcrossRange(lm: LmResult, logLow: number, logHigh: number): { value: number; se: number } {
  const n = lm.params.length;
  const model = n === 5 ? prism5LogDoseModel : prism4LogDoseModel;
  const gLow = gradientLow;
  const gHigh = gradientHigh;
  const fLow = model.valueAndGradient!(logLow, lm.params, gLow);
  const fHigh = model.valueAndGradient!(logHigh, lm.params, gHigh);
  const cov = lm.covariance;
  if (!cov) return { value: fHigh - fLow, se: Number.NaN };
  let v = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) v += (gHigh[i]! - gLow[i]!) * (gHigh[j]! - gLow[j]!) * cov[i * n + j]!;
  }
  return { value: fHigh - fLow, se: Math.sqrt(Math.max(v, 0)) };
}

/** Gap (log10 units) between the tested positive doses just below and just above logIc50. */
function doseGapAround(logX: Float64Array, logIc50: number): number {
  let below = Number.NEGATIVE_INFINITY;
  let above = Number.POSITIVE_INFINITY;
  for (let i = 0; i < logX.length; i++) {
    const l = logX[i]!;
    if (l === Number.NEGATIVE_INFINITY) continue;
    if (l <= logIc50 && l > below) below = l;
    if (l >= logIc50 && l < above) above = l;
  }
  return above - below;
}

function sameParameter(fixedKey: string, plateau: "top" | "bottom"): boolean {
  return fixedKey === plateau || (plateau === "bottom" && fixedKey === "c") || (plateau === "top" && fixedKey === "d");
}

/**
 * Prism's "dependency" of each parameter, 1 − 1/(C_kk·(C⁻¹)_kk) on the correlation scale;
 * above 0.9999 Prism calls the fit ambiguous. Uses the correlation matrix of the free parameters.
 */
function maxDependency(lm: LmResult): number {
  const cov = lm.covariance!;
  const n = lm.params.length;
  const free = dependencyFree;
  let m = 0;
  for (let k = 0; k < n; k++) if (cov[k * n + k]! > 0) free[m++] = k;
  const corr = dependencyCorr;
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      const i = free[a]!;
      const j = free[b]!;
      corr[a * m + b] = cov[i * n + j]! / Math.sqrt(cov[i * n + i]! * cov[j * n + j]!);
    }
  }
  // Gauss–Jordan inverse of the small correlation matrix.
  const inv = invertOut;
  if (!invertInto(corr, m, inv, invertWork)) return 1;
  let worst = 0;
  for (let a = 0; a < m; a++) worst = Math.max(worst, 1 - 1 / inv[a * m + a]!);
  return worst;
}

// Scratch of maxDependency (at most the 5PL's five parameters).
const dependencyFree = new Int32Array(5);
const dependencyCorr = new Float64Array(25);
const invertWork = new Float64Array(25);
const invertOut = new Float64Array(25);

/** Values and SEs in the user's parameterisation (delta method = exact for GN covariances). */
function nativeParameters(model: DoseResponseModelName, lm: LmResult): DoseResponseFit["native"] {
  const p = lm.params;
  const se = lm.standardErrors;
  if (model === "ll4") {
    const e = 10 ** p[2]!;
    return {
      names: ["b", "c", "d", "e"],
      values: [-p[3]!, p[0]!, p[1]!, e],
      se: [se[3]!, se[0]!, se[1]!, e * Math.LN10 * se[2]!],
    };
  }
  const names =
    model === "5pl" ? ["Bottom", "Top", "LogIC50", "HillSlope", "S"] : ["Bottom", "Top", "LogIC50", "HillSlope"];
  const values: number[] = [];
  const seList: number[] = [];
  for (let k = 0; k < p.length; k++) {
    values.push(p[k]!);
    seList.push(se[k]!);
  }
  return { names, values, se: seList };
}
