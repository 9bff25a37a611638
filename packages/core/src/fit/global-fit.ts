/**
 * Global (simultaneous) fit of several 4PL (or 5PL) curves in Prism's form, with chosen parameters
 * shared across curves — the "share LogIC50" fit of Prism and the stacked nls with indexed
 * parameters in R. It is one least-squares problem: the parameter vector holds each shared
 * parameter once and each unshared one per curve, and every observation maps its curve's four
 * (five) parameters into it.
 */
import { InputError } from "../errors/input-error.ts";
import {
  type AiccComparison,
  compareByAicc,
  extraSumOfSquaresFTest,
  type FTestResult,
} from "../stats/model-comparison.ts";
import { checkDoseResponseData, type DoseResponseData, fitDoseResponse, type ParameterSet } from "./dose-response.ts";
import { type LeastSquaresProblem, type LmResult, solveLeastSquares } from "./levenberg-marquardt.ts";
import { logDoses, prism4LogDoseModel, prism5LogDoseModel } from "./models.ts";

export type Shareable = "bottom" | "top" | "logIC50" | "hill" | "asymmetry";
const ORDER: readonly Shareable[] = ["bottom", "top", "logIC50", "hill", "asymmetry"];

export interface GlobalFitOptions {
  /** "prism4" (default; with `fixed.bottom` or `fixed.top` also the 3PL) or "5pl" (Prism's asymmetric 5PL). */
  model?: "prism4" | "5pl";
  /** Parameters with one value for all curves. */
  shared?: readonly Shareable[];
  /** Parameters held at a value in every curve. */
  fixed?: Partial<Record<Shareable, number>>;
  /** Box constraints [lower, upper] on a parameter, the same in every curve (LogIC50 in log10 nM). */
  bounds?: Partial<Record<Shareable, readonly [number, number]>>;
  /**
   * A parameter with one value for some of the curves only (given by index), e.g. { logIC50: [0, 2] }:
   * the LogIC50s of curves 0 and 2 are one, the others keep their own. Its label lists the curves,
   * "logIC50[0,2]". This is the reduced model of the F test of two curves within a global fit of more.
   */
  tied?: Partial<Record<Shareable, readonly number[]>>;
  maxIterations?: number;
  tolerance?: number;
}

export interface GlobalFit {
  model: "prism4" | "5pl";
  /** Per-curve parameters and Gauss–Newton SEs (shared ones repeat). */
  curves: { params: ParameterSet; se: ParameterSet }[];
  shared: Shareable[];
  /** Names of the fitted vector, e.g. "bottom[0]", "logIC50", "hill[1]". */
  parameterLabels: string[];
  ssr: number;
  df: number;
  n: number;
  converged: boolean;
  reason: string;
  iterations: number;
  lm: LmResult;
}

/** options.tied, checked: each group sorted, of two or more distinct curves, of a parameter neither shared nor fixed. */
function checkTied(
  options: GlobalFitOptions,
  names: readonly Shareable[],
  nCurves: number,
): Partial<Record<Shareable, number[]>> {
  const out: Partial<Record<Shareable, number[]>> = {};
  for (const [name, group] of Object.entries(options.tied ?? {})) {
    const field = `tied.${name}`;
    const p = name as Shareable;
    if (!names.includes(p)) throw new InputError("cannot tie this parameter", { field, expected: names.join(", ") });
    if (options.shared?.includes(p) || options.fixed?.[p] !== undefined) {
      throw new InputError("a shared or fixed parameter is already one value for all curves", { field });
    }
    const sorted = [...(group ?? [])].sort((a, b) => a - b);
    const valid = sorted.every((c, i) => Number.isInteger(c) && c >= 0 && c < nCurves && c !== sorted[i - 1]);
    if (sorted.length < 2 || !valid) {
      throw new InputError("expected two or more distinct curve indexes", {
        field,
        expected: `integers from 0 to ${nCurves - 1}`,
        got: JSON.stringify(group),
      });
    }
    out[p] = sorted;
  }
  return out;
}

/**
 * Where curve `curve`'s `parameter` sits in the fitted vector of `fit` (shared, tied or its own),
 * or −1 when it is not there.
 */
export function globalParameterIndex(fit: GlobalFit, curve: number, parameter: Shareable): number {
  return fit.parameterLabels.findIndex((label) => {
    if (label === parameter) return true;
    const m = /^(\w+)\[([\d,]+)\]$/.exec(label);
    return m !== null && m[1] === parameter && m[2]!.split(",").map(Number).includes(curve);
  });
}

/**
 * The least-squares problem of a global fit: its fitted vector (labels), where each curve's
 * parameters sit in it (map[c·K + k]), the bounds and the fixed mask. Shared by fitGlobal and the
 * profile of one curve's parameter within the fit (global-profile.ts), which re-solves it.
 */
export interface GlobalProblem {
  model: "prism4" | "5pl";
  /** Parameters per curve (4 or 5) and their names in order. */
  K: number;
  names: readonly Shareable[];
  shared: Set<Shareable>;
  labels: string[];
  map: Int32Array;
  problem: LeastSquaresProblem;
  lower: number[];
  upper: number[];
  fixedMask: boolean[];
  /** The curves as checked (x in nM, y). */
  data: { x: Float64Array; y: Float64Array }[];
}

/** Checks the curves and options and builds the global least-squares problem (no fitting). */
export function globalProblem(curves: readonly DoseResponseData[], options: GlobalFitOptions = {}): GlobalProblem {
  if (curves.length < 1) throw new InputError("a global fit needs at least one curve", { field: "curves" });
  const model = options.model ?? "prism4";
  if (model !== "prism4" && model !== "5pl") {
    throw new InputError("a global fit is of the 4PL or the 5PL", {
      field: "model",
      expected: "prism4 or 5pl",
      got: model,
    });
  }
  const K = model === "5pl" ? 5 : 4; // parameters per curve
  const names = ORDER.slice(0, K);
  const shared = new Set(options.shared ?? []);
  for (const s of shared) {
    if (!names.includes(s))
      throw new InputError("cannot share this parameter", { field: "shared", expected: names.join(", "), got: s });
  }
  const data = curves.map((c, i) => {
    try {
      return checkDoseResponseData(c);
    } catch (e) {
      throw e instanceof InputError ? e.at({ field: `curves[${i}].${e.location.field ?? ""}` }) : e;
    }
  });
  const nCurves = curves.length;
  const nObs = data.reduce((s, d) => s + d.x.length, 0);
  const x = new Float64Array(nObs); // log10 doses
  const y = new Float64Array(nObs);
  const curveOf = new Int32Array(nObs);
  let o = 0;
  data.forEach((d, c) => {
    x.set(logDoses(d.x), o);
    y.set(d.y, o);
    curveOf.fill(c, o, o + d.x.length);
    o += d.x.length;
  });

  const tied = checkTied(options, names, nCurves);

  // Map (curve, parameter) → index into the fitted vector.
  const labels: string[] = [];
  const labelNames: Shareable[] = []; // the parameter each label is of
  const map = new Int32Array(nCurves * K);
  for (let k = 0; k < K; k++) {
    const name = names[k]!;
    if (shared.has(name)) {
      for (let c = 0; c < nCurves; c++) map[c * K + k] = labels.length;
      labels.push(name);
      labelNames.push(name);
    } else {
      // A tied group sits where its first curve's parameter would (all curves tied = shared, same order).
      const group = tied[name] ?? [];
      for (let c = 0; c < nCurves; c++) {
        const first = group.indexOf(c) > 0 ? group[0]! : c;
        if (first !== c) {
          map[c * K + k] = map[first * K + k]!;
          continue;
        }
        map[c * K + k] = labels.length;
        labels.push(group.includes(c) ? `${name}[${group.join(",")}]` : `${name}[${c}]`);
        labelNames.push(name);
      }
    }
  }

  const fixedValues = options.fixed ?? {};
  const bounds = options.bounds ?? {};
  for (const [name, range] of Object.entries(bounds)) {
    if (!names.includes(name as Shareable) || !range || !(range[0] <= range[1])) {
      throw new InputError("unusable bound", {
        field: `bounds.${name}`,
        expected: "[lower, upper] with lower ≤ upper",
      });
    }
  }
  const fixedMask = labelNames.map((p) => fixedValues[p] !== undefined);
  // The 5PL's S must stay positive (as in fitDoseResponse).
  const lower = labelNames.map((p) =>
    Math.max(p === "asymmetry" ? 1e-6 : Number.NEGATIVE_INFINITY, bounds[p]?.[0] ?? -Infinity),
  );
  const upper = labelNames.map((p) => bounds[p]?.[1] ?? Number.POSITIVE_INFINITY);

  const curveModel = model === "5pl" ? prism5LogDoseModel : prism4LogDoseModel;
  const local = new Float64Array(nCurves * K);
  const views = Array.from({ length: nCurves }, (_, c) => local.subarray(c * K, c * K + K));
  const localGrad = new Float64Array(K);
  const problem: LeastSquaresProblem = {
    nObservations: nObs,
    nParameters: labels.length,
    parameterNames: labels,
    y,
    prepare: (p) => {
      for (let j = 0; j < local.length; j++) local[j] = p[map[j]!]!;
    },
    value: (i, _p) => curveModel.value(x[i]!, views[curveOf[i]!]!),
    valueAndGradient: (i, _p, grad) => {
      const c = curveOf[i]!;
      const f = curveModel.valueAndGradient!(x[i]!, views[c]!, localGrad);
      grad.fill(0);
      for (let k = 0; k < K; k++) grad[map[c * K + k]!] = grad[map[c * K + k]!]! + localGrad[k]!;
      return f;
    },
  };
  return { model, K, names, shared, labels, map, problem, lower, upper, fixedMask, data };
}

/** Fits all curves at once with the shared parameters in common. */
export function fitGlobal(curves: readonly DoseResponseData[], options: GlobalFitOptions = {}): GlobalFit {
  const g = globalProblem(curves, options);
  const { model, K, names, shared, labels, map, problem, lower, upper, fixedMask, data } = g;
  const nCurves = curves.length;
  const fixedValues = options.fixed ?? {};
  const bounds = options.bounds ?? {};

  // Start from separate fits; a shared parameter starts at the mean of the separate estimates.
  const separate = data.map((d) =>
    fitDoseResponse({ concentration_nM: d.x, response: d.y }, { model, fixed: fixedValues, bounds }),
  );
  const p0 = new Float64Array(labels.length);
  const counts = new Float64Array(labels.length);
  separate.forEach((f, c) => {
    const v = [f.params.bottom, f.params.top, f.params.logIC50, f.params.hill, f.params.asymmetry ?? 1];
    for (let k = 0; k < K; k++) {
      p0[map[c * K + k]!] = p0[map[c * K + k]!]! + v[k]!;
      counts[map[c * K + k]!] = counts[map[c * K + k]!]! + 1;
    }
  });
  for (let j = 0; j < labels.length; j++) p0[j] = p0[j]! / counts[j]!;
  // A shared parameter starts at the mean of the separate fits, which may lie outside its box.
  for (let j = 0; j < labels.length; j++) p0[j] = Math.min(Math.max(p0[j]!, lower[j]!), upper[j]!);

  const lm = solveLeastSquares(problem, p0, {
    fixed: fixedMask,
    lower,
    upper,
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
  });

  const perCurve = Array.from({ length: nCurves }, (_, c) => {
    const v = (k: number) => lm.params[map[c * K + k]!]!;
    const s = (k: number) => lm.standardErrors[map[c * K + k]!]!;
    const ic50 = 10 ** v(2);
    const params: ParameterSet = { bottom: v(0), top: v(1), ic50_nM: ic50, logIC50: v(2), hill: v(3) };
    const se: ParameterSet = { bottom: s(0), top: s(1), ic50_nM: ic50 * Math.LN10 * s(2), logIC50: s(2), hill: s(3) };
    if (K === 5) {
      params.asymmetry = v(4);
      se.asymmetry = s(4);
    }
    return { params, se };
  });
  return {
    model,
    curves: perCurve,
    shared: names.filter((s) => shared.has(s)),
    parameterLabels: labels,
    ssr: lm.ssr,
    df: lm.df,
    n: problem.nObservations,
    converged: lm.converged,
    reason: lm.reason,
    iterations: lm.iterations,
    lm,
  };
}

export interface SharedParameterTest {
  /** All parameters separate (equivalent to fitting each curve alone). */
  separate: GlobalFit;
  /** The parameter shared across curves. */
  shared: GlobalFit;
  /** Extra-sum-of-squares F test; a small p says one shared value does not fit all curves. */
  fTest: FTestResult;
  aicc: AiccComparison;
}

/**
 * Does one value of `parameter` (e.g. LogIC50) fit all curves? Compares the global fit sharing it
 * against separate fits, as Prism's "Do the best-fit values of LogIC50 differ?" and R's
 * anova(nls(shared), nls(separate)). `options.model` "5pl" tests the 5PL (each curve keeps its own
 * S unless S is the parameter tested); `options.fixed` { bottom: 0 } gives the 3PL. Parameters in
 * `options.shared` (e.g. a Hill slope the user shares) are shared in both fits, so the test is of
 * `parameter` alone.
 */
export function testSharedParameter(
  curves: readonly DoseResponseData[],
  parameter: Shareable = "logIC50",
  options: GlobalFitOptions = {},
): SharedParameterTest {
  if (curves.length < 2) throw new InputError("comparing curves needs at least two", { field: "curves" });
  const base = (options.shared ?? []).filter((s) => s !== parameter);
  const separate = fitGlobal(curves, { ...options, shared: base });
  const sharedFit = fitGlobal(curves, { ...options, shared: [...base, parameter] });
  return { separate, shared: sharedFit, ...compareNested(sharedFit, separate) };
}

/** The extra-sum-of-squares F test and the AICc comparison of a global fit against a more constrained one. */
function compareNested(reduced: GlobalFit, full: GlobalFit): { fTest: FTestResult; aicc: AiccComparison } {
  const summary = (g: GlobalFit) => ({ ssr: g.ssr, df: g.df, n: g.n });
  return {
    fTest: extraSumOfSquaresFTest(summary(reduced), summary(full)),
    aicc: compareByAicc(summary(reduced), summary(full)),
  };
}

export interface TiedParameterTest {
  /** The global fit of all curves (the full model). */
  full: GlobalFit;
  /** The same fit with `parameter` of the tied curves one value (the reduced model). */
  tied: GlobalFit;
  /** Extra-sum-of-squares F test, F = ((SS_tied − SS_full)/(df_tied − df_full)) / (SS_full/df_full). */
  fTest: FTestResult;
  aicc: AiccComparison;
}

/**
 * Is `parameter` the same in the curves `tie` (indexes into `curves`), within the global fit of all
 * of them? `full` is fitGlobal(curves, options): the test keeps its model — every curve, the
 * shared parameters, its residual variance and df — and adds one constraint, so it is consistent
 * with a fold taken from `full`'s covariance. (testSharedParameter instead fits only the curves it
 * is given; for two curves the two tests are the same.)
 */
export function testTiedParameter(
  curves: readonly DoseResponseData[],
  full: GlobalFit,
  options: GlobalFitOptions,
  parameter: Shareable,
  tie: readonly number[],
): TiedParameterTest {
  const tied = fitGlobal(curves, { ...options, tied: { ...options.tied, [parameter]: tie } });
  return { full, tied, ...compareNested(tied, full) };
}
