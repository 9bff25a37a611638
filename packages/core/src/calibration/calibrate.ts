/**
 * Calibration: fit chosen model quantities (mechanism strengths, a line's sensitivity, a shared
 * parameter) to observed IC50s by least squares on the log10 scale, within bounds, with standard
 * errors. Uses the project's Levenberg–Marquardt (fit/levenberg-marquardt.ts) on log10 parameters;
 * each residual is log10(model IC50) − log10(observed IC50), the model IC50 coming from the same
 * 4PL fit as every simulated curve (virtual-assays/viability.ts).
 */
import { InputError } from "../errors/input-error.ts";
import { type LeastSquaresProblem, solveLeastSquares } from "../fit/levenberg-marquardt.ts";
import { invertInto } from "../linalg/inverse.ts";
import { gramInto } from "../linalg/products.ts";
import { simulateViability, type ViabilityOptions, viabilityPoints } from "../virtual-assays/viability.ts";

/** One quantity to fit, always positive, fitted as log10. */
export interface CalibrationParameter {
  name: string;
  start: number;
  bounds: readonly [number, number];
  /** Why these bounds (shown with the result). */
  boundsReason: string;
  /** Put the value into a viability run's options. */
  apply(options: ViabilityOptions, value: number): ViabilityOptions;
}

export interface Ic50Target {
  label: string;
  options: ViabilityOptions;
  observedIc50_nM: number;
}

export interface CalibratedValue {
  name: string;
  value: number;
  /** Standard error of log10(value). */
  seLog10: number;
  /** 95% interval value·10^(±1.96·SE). */
  ci95: [number, number];
  bounds: readonly [number, number];
  boundsReason: string;
  atBound: boolean;
}

export interface CalibrationResult {
  parameters: CalibratedValue[];
  targets: { label: string; observedIc50_nM: number; modelIc50_nM: number; qualifier: string }[];
  /** Sum of squared log10 residuals. */
  ssr: number;
  converged: boolean;
  reason: string;
  /** The log10 SD assumed for an observed IC50 when there are no residual degrees of freedom. */
  assumedSdLog10: number;
  evaluations: number;
}

/**
 * IC50s of the same compound measured in different experiments typically scatter 1.5–2-fold; with
 * as many parameters as observations the residuals cannot estimate that, so this SD is used.
 */
export const ASSUMED_IC50_SD_LOG10 = 0.2;
const CLOSE_LOG10 = Math.log10(1.01);

/** Bounds must be finite and positive: no strength may be unbounded. */
function checkParameters(parameters: readonly CalibrationParameter[]): void {
  if (parameters.length === 0) throw new InputError("calibration needs at least one parameter");
  for (const p of parameters) {
    const [lo, hi] = p.bounds;
    if (!(lo > 0 && hi > lo && Number.isFinite(hi))) {
      throw new InputError("bounds must be finite, positive and ordered", { field: p.name, got: p.bounds });
    }
  }
}

interface Log10Fit {
  params: Float64Array;
  se: Float64Array;
  final: number[];
  ssr: number;
  df: number;
  converged: boolean;
  reason: string;
  atBound: boolean[];
  evaluations: number;
}

/**
 * Least squares over log10 parameters with the project's Levenberg–Marquardt; `predict` maps
 * parameter values to the model's version of the observations `y`. Gradients by forward
 * differences (0.01 in log10). SEs: σ²(JᵀJ)⁻¹, σ = residual SD (at least `sigmaFloor`) or
 * `sigmaFloor` when there are no residual degrees of freedom.
 */
function fitLog10(
  y: Float64Array,
  parameters: readonly CalibrationParameter[],
  predict: (values: number[]) => number[],
  sigmaFloor: number,
  closeEnough: number,
  maxIterations: number,
): Log10Fit {
  const nP = parameters.length;
  const cache = new Map<string, number[]>();
  let evaluations = 0;
  const model = (p: Float64Array): number[] => {
    const key = Array.from(p, (v) => v.toPrecision(12)).join(",");
    const hit = cache.get(key);
    if (hit) return hit;
    evaluations++;
    const out = predict(Array.from(p, (v) => 10 ** v));
    cache.set(key, out);
    return out;
  };
  const step = 0.01; // log10 units: forward difference on a 2.3% change
  const shifted = new Float64Array(nP);
  const problem: LeastSquaresProblem = {
    nObservations: y.length,
    nParameters: nP,
    parameterNames: parameters.map((q) => q.name),
    y,
    value: (i, p) => model(p)[i]!,
    valueAndGradient(i, p, grad) {
      const f0 = model(p)[i]!;
      for (let k = 0; k < nP; k++) {
        shifted.set(p);
        // step inward from the upper bound so the difference stays inside the box
        const h = p[k]! + step > Math.log10(parameters[k]!.bounds[1]) ? -step : step;
        shifted[k] = p[k]! + h;
        grad[k] = (model(shifted)[i]! - f0) / h;
      }
      return f0;
    },
  };
  const lower = parameters.map((q) => Math.log10(q.bounds[0]));
  const upper = parameters.map((q) => Math.log10(q.bounds[1]));
  const p0 = Float64Array.from(parameters, (q) => Math.log10(Math.min(Math.max(q.start, q.bounds[0]), q.bounds[1])));
  const lm = solveLeastSquares(problem, p0, { lower, upper, maxIterations, tolerance: 1e-3 });
  const sigma = lm.df > 0 ? Math.max(Math.sqrt(lm.ssr / lm.df), sigmaFloor) : sigmaFloor;
  const final = model(lm.params);
  return {
    params: lm.params,
    se: standardErrors(lm.jacobian, y.length, nP, sigma),
    final,
    ssr: lm.ssr,
    df: lm.df,
    // With as many parameters as observations the relative-offset test cannot apply; then a fit
    // that reproduces every observation to within `closeEnough` counts as converged.
    converged: lm.converged || (lm.df === 0 && final.every((f, i) => Math.abs(f - y[i]!) < closeEnough)),
    reason: lm.reason,
    atBound: lm.atBound,
    evaluations,
  };
}

function calibratedValues(parameters: readonly CalibrationParameter[], fit: Log10Fit): CalibratedValue[] {
  return parameters.map((q, k) => {
    const v = 10 ** fit.params[k]!;
    const s = fit.se[k]!;
    return {
      name: q.name,
      value: v,
      seLog10: s,
      ci95: [v * 10 ** (-1.96 * s), v * 10 ** (1.96 * s)],
      bounds: q.bounds,
      boundsReason: q.boundsReason,
      atBound: fit.atBound[k] ?? false,
    };
  });
}

function withValues(
  options: ViabilityOptions,
  parameters: readonly CalibrationParameter[],
  values: number[],
): ViabilityOptions {
  let o = options;
  parameters.forEach((q, k) => {
    o = q.apply(o, values[k]!);
  });
  return o;
}

export function calibrateToIc50s(
  targets: readonly Ic50Target[],
  parameters: readonly CalibrationParameter[],
  o: { maxIterations?: number } = {},
): CalibrationResult {
  if (targets.length === 0) throw new InputError("calibration needs at least one observed IC50");
  for (const t of targets) {
    if (!(Number.isFinite(t.observedIc50_nM) && t.observedIc50_nM > 0)) {
      throw new InputError("observed IC50 must be a positive number of nM", { field: t.label, got: t.observedIc50_nM });
    }
  }
  checkParameters(parameters);
  const y = Float64Array.from(targets, (t) => Math.log10(t.observedIc50_nM));
  const fit = fitLog10(
    y,
    parameters,
    (values) => targets.map((t) => Math.log10(simulateViability(withValues(t.options, parameters, values)).ic50_nM)),
    ASSUMED_IC50_SD_LOG10,
    CLOSE_LOG10,
    o.maxIterations ?? 5,
  );
  return {
    parameters: calibratedValues(parameters, fit),
    targets: targets.map((t, i) => ({
      label: t.label,
      observedIc50_nM: t.observedIc50_nM,
      modelIc50_nM: 10 ** fit.final[i]!,
      qualifier: "=",
    })),
    ssr: fit.ssr,
    converged: fit.converged,
    reason: fit.reason,
    assumedSdLog10: ASSUMED_IC50_SD_LOG10,
    evaluations: fit.evaluations * targets.length,
  };
}

export interface CurveTarget {
  label: string;
  /** The run: cell line, drug, mechanisms…; its concentrations are the observed doses. */
  options: ViabilityOptions;
  concentrations_nM: readonly number[];
  /** Observed viability relative to untreated (1 = no effect). */
  viability: readonly number[];
}

export interface CurveCalibrationResult {
  parameters: CalibratedValue[];
  curves: { label: string; concentration_nM: number[]; observed: number[]; model: number[] }[];
  /** Residual SD of viability (fraction of control). */
  residualSd: number;
  df: number;
  converged: boolean;
  reason: string;
  evaluations: number;
}

/** Fit parameters to whole viability curves: least squares on viability (fraction of control). */
export function calibrateToCurves(
  curves: readonly CurveTarget[],
  parameters: readonly CalibrationParameter[],
  o: { maxIterations?: number } = {},
): CurveCalibrationResult {
  if (curves.length === 0) throw new InputError("calibration needs at least one observed curve");
  for (const c of curves) {
    if (c.concentrations_nM.length !== c.viability.length || c.viability.length < 2) {
      throw new InputError("each curve needs as many viabilities as concentrations (at least 2)", { field: c.label });
    }
    c.viability.forEach((v, i) => {
      if (!Number.isFinite(v))
        throw new InputError("viability must be a number", { field: c.label, row: i + 1, got: v });
    });
  }
  checkParameters(parameters);
  const y = Float64Array.from(curves.flatMap((c) => c.viability));
  const predict = (values: number[]) =>
    curves.flatMap((c) => {
      const opts = withValues(c.options, parameters, values);
      return viabilityPoints({ ...opts, concentrations_nM: c.concentrations_nM }).viability;
    });
  const fit = fitLog10(y, parameters, predict, 0, 0, o.maxIterations ?? 10);
  let k = 0;
  return {
    parameters: calibratedValues(parameters, fit),
    curves: curves.map((c) => {
      const n = c.viability.length;
      const model = fit.final.slice(k, k + n);
      k += n;
      return { label: c.label, concentration_nM: [...c.concentrations_nM], observed: [...c.viability], model };
    }),
    residualSd: fit.df > 0 ? Math.sqrt(fit.ssr / fit.df) : Number.NaN,
    df: fit.df,
    converged: fit.converged,
    reason: fit.reason,
    evaluations: fit.evaluations * curves.length,
  };
}

/** √diag(σ²(JᵀJ)⁻¹) by Gauss–Jordan on the small normal matrix (NaN where singular). */
function standardErrors(J: Float64Array, n: number, p: number, sigma: number): Float64Array {
  const normal = gramInto(J, n, p, new Float64Array(p * p));
  const inv = new Float64Array(p * p);
  if (!invertInto(normal, p, inv, new Float64Array(p * p))) return new Float64Array(p).fill(Number.NaN);
  return Float64Array.from({ length: p }, (_, k) => sigma * Math.sqrt(Math.max(inv[k * p + k]!, 0)));
}
