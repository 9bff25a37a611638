/**
 * Calibration: fit chosen model quantities (mechanism strengths, a line's sensitivity, a shared
 * parameter) to observed IC50s by least squares on the log10 scale, within bounds, with standard
 * errors. Uses the project's Levenberg–Marquardt (fit/levenberg-marquardt.ts) on log10 parameters;
 * each residual is log10(model IC50) − log10(observed IC50), the model IC50 coming from the same
 * 4PL fit as every simulated curve (experiments/viability.ts).
 */
import { InputError } from "../errors/input-error.ts";
import { simulateViability, type ViabilityOptions } from "../experiments/viability.ts";
import { type LeastSquaresProblem, solveLeastSquares } from "../fit/index.ts";

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

export function calibrateToIc50s(
  targets: readonly Ic50Target[],
  parameters: readonly CalibrationParameter[],
  o: { maxIterations?: number } = {},
): CalibrationResult {
  if (targets.length === 0 || parameters.length === 0) throw new InputError("calibration needs targets and parameters");
  for (const t of targets) {
    if (!(Number.isFinite(t.observedIc50_nM) && t.observedIc50_nM > 0)) {
      throw new InputError("observed IC50 must be a positive number of nM", { field: t.label, got: t.observedIc50_nM });
    }
  }
  for (const p of parameters) {
    const [lo, hi] = p.bounds;
    if (!(lo > 0 && hi > lo && Number.isFinite(hi)))
      throw new InputError("bounds must be finite, positive and ordered", { field: p.name });
  }
  const nP = parameters.length;
  const y = Float64Array.from(targets, (t) => Math.log10(t.observedIc50_nM));
  const cache = new Map<string, number[]>();
  let evaluations = 0;
  const modelLogIc50 = (p: Float64Array): number[] => {
    const key = Array.from(p, (v) => v.toPrecision(12)).join(",");
    const hit = cache.get(key);
    if (hit) return hit;
    const out = targets.map((t) => {
      let opts = t.options;
      parameters.forEach((q, k) => {
        opts = q.apply(opts, 10 ** p[k]!);
      });
      evaluations++;
      return Math.log10(simulateViability(opts).ic50_nM);
    });
    cache.set(key, out);
    return out;
  };
  const step = 0.01; // log10 units: forward difference on a 2.3% change
  const shifted = new Float64Array(nP);
  const problem: LeastSquaresProblem = {
    nObservations: targets.length,
    nParameters: nP,
    parameterNames: parameters.map((q) => q.name),
    y,
    value: (i, p) => modelLogIc50(p)[i]!,
    valueAndGradient(i, p, grad) {
      const f0 = modelLogIc50(p)[i]!;
      for (let k = 0; k < nP; k++) {
        shifted.set(p);
        // step inward from the upper bound so the difference stays inside the box
        const h = p[k]! + step > Math.log10(parameters[k]!.bounds[1]) ? -step : step;
        shifted[k] = p[k]! + h;
        grad[k] = (modelLogIc50(shifted)[i]! - f0) / h;
      }
      return f0;
    },
  };
  const lower = parameters.map((q) => Math.log10(q.bounds[0]));
  const upper = parameters.map((q) => Math.log10(q.bounds[1]));
  const p0 = Float64Array.from(parameters, (q) => Math.log10(Math.min(Math.max(q.start, q.bounds[0]), q.bounds[1])));
  const lm = solveLeastSquares(problem, p0, { lower, upper, maxIterations: o.maxIterations ?? 5, tolerance: 1e-3 });

  // Standard errors: σ²(JᵀJ)⁻¹ with σ the residual SD when there are residual degrees of freedom,
  // else the assumed IC50 scatter.
  const sigma = lm.df > 0 ? Math.max(Math.sqrt(lm.ssr / lm.df), ASSUMED_IC50_SD_LOG10) : ASSUMED_IC50_SD_LOG10;
  const se = standardErrors(lm.jacobian, targets.length, nP, sigma);
  const final = modelLogIc50(lm.params);
  return {
    parameters: parameters.map((q, k) => {
      const v = 10 ** lm.params[k]!;
      const s = se[k]!;
      return {
        name: q.name,
        value: v,
        seLog10: s,
        ci95: [v * 10 ** (-1.96 * s), v * 10 ** (1.96 * s)],
        bounds: q.bounds,
        boundsReason: q.boundsReason,
        atBound: lm.atBound[k] ?? false,
      };
    }),
    targets: targets.map((t, i) => ({
      label: t.label,
      observedIc50_nM: t.observedIc50_nM,
      modelIc50_nM: 10 ** final[i]!,
      qualifier: "=",
    })),
    ssr: lm.ssr,
    // With as many parameters as targets the relative-offset test cannot apply; then a fit that
    // reproduces every target to within 1% counts as converged.
    converged: lm.converged || (lm.df === 0 && final.every((f, i) => Math.abs(f - y[i]!) < CLOSE_LOG10)),
    reason: lm.reason,
    assumedSdLog10: ASSUMED_IC50_SD_LOG10,
    evaluations,
  };
}

/** √diag(σ²(JᵀJ)⁻¹) by Gauss–Jordan on the small normal matrix (NaN where singular). */
function standardErrors(J: Float64Array, n: number, p: number, sigma: number): Float64Array {
  const A = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += J[i * p + a]! * J[i * p + b]!;
      A[a * p + b] = s;
    }
  }
  const inv = new Float64Array(p * p);
  for (let i = 0; i < p; i++) inv[i * p + i] = 1;
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(A[r * p + c]!) > Math.abs(A[piv * p + c]!)) piv = r;
    const d = A[piv * p + c]!;
    if (!(Math.abs(d) > 1e-300)) return new Float64Array(p).fill(Number.NaN);
    for (let k = 0; k < p; k++) {
      [A[c * p + k], A[piv * p + k]] = [A[piv * p + k]!, A[c * p + k]!];
      [inv[c * p + k], inv[piv * p + k]] = [inv[piv * p + k]!, inv[c * p + k]!];
    }
    for (let k = 0; k < p; k++) {
      A[c * p + k] = A[c * p + k]! / d;
      inv[c * p + k] = inv[c * p + k]! / d;
    }
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = A[r * p + c]!;
      for (let k = 0; k < p; k++) {
        A[r * p + k] = A[r * p + k]! - f * A[c * p + k]!;
        inv[r * p + k] = inv[r * p + k]! - f * inv[c * p + k]!;
      }
    }
  }
  return Float64Array.from({ length: p }, (_, k) => sigma * Math.sqrt(Math.max(inv[k * p + k]!, 0)));
}
