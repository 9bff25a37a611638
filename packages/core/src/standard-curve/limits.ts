/**
 * Limits of detection (LOD) and quantification (LOQ) of a straight-line or quadratic standard
 * curve, each by a named method; a method the calibration cannot support says why instead.
 *
 * - "blank-sd": ICH Q2(R2) (2023) §7.2/7.3 (Q2(R1) §6.1/7.1 "based on the standard deviation of the
 *   blank"): LOD = 3.3·s_blank/S, LOQ = 10·s_blank/S, S the slope at x = 0. Needs ≥ 2 blanks.
 * - "residual-sd": the same, with σ the calibration's residual standard deviation ("based on the
 *   calibration curve"). Unweighted curves only (a weighted σ has no single response scale).
 * - "prediction-interval" (LOD only): Massart et al. (1997) §13.7.8 and chemCal's lod(): the
 *   critical response y_c is the upper (1 − α) prediction bound at x = 0, and the LOD the x whose
 *   lower (1 − β) prediction bound reaches y_c. β = 0.5 gives the decision limit (critical value).
 * - "din-32645": DIN 32645:1994 (ISO 11843). LOD as the norm approximates it: y_D = y_c + the
 *   (1 − β) prediction half-width at x = 0, inverted (chemCal's lod(method = "din")). LOQ: the x with
 *   x = k·(half-width of its (1 − α) inverse-prediction CI from n replicates), k = 3 for a 33 %
 *   relative uncertainty (chemCal's loq()); for weighted curves the sample weight at x follows the
 *   weighting (w_s = w(x, ŷ(x))), which chemCal leaves to the user.
 * The prediction-interval and DIN LODs assume a constant variance: unweighted curves only, as in
 * chemCal. t quantiles use the curve's residual df.
 */
import { studentTQuantile } from "../stats/distributions.ts";
import { type InvertibleCurve, inverseStandardError, solveAmount } from "./inverse-predict.ts";
import { bisect } from "./root.ts";

export type DetectionLimitMethod = "blank-sd" | "residual-sd" | "prediction-interval" | "din-32645";
export type QuantificationLimitMethod = "blank-sd" | "residual-sd" | "din-32645";

export const DETECTION_LIMIT_METHODS: readonly DetectionLimitMethod[] = [
  "blank-sd",
  "residual-sd",
  "prediction-interval",
  "din-32645",
];
export const QUANTIFICATION_LIMIT_METHODS: readonly QuantificationLimitMethod[] = [
  "blank-sd",
  "residual-sd",
  "din-32645",
];

/** One limit: its value by a named method, or why the method does not apply. */
export interface Limit<M extends string> {
  method: M;
  /** How it is defined, with its source. */
  definition: string;
  /** The limit as an amount (x units); null when the method does not apply. */
  amount: number | null;
  /** The response at that amount, where the method defines one. */
  response: number | null;
  /** Why amount is null. */
  unavailable?: string;
}

/** The curve and what the limits need beyond it. */
export interface LimitCurve extends InvertibleCurve {
  /** true when every calibrator weighs the same. */
  unweighted: boolean;
  /** Largest calibrator amount (the search bracket is [0, 10·this], as chemCal's). */
  highest: number;
  /** The sample weight at an amount and response (1 for unweighted); null when unknown. */
  sampleWeightAt(x: number, y: number): number | null;
}

export interface LimitOptions {
  /** Blank responses (for "blank-sd"). */
  blanks?: ArrayLike<number>;
  /** Type I error of the critical value (default 0.05). */
  alpha?: number;
  /** Type II error of the detection limit (default 0.05). */
  beta?: number;
  /** LOQ: the inverse of the relative uncertainty tolerated (default 3, i.e. 33 %). */
  k?: number;
  /** LOQ: replicates a sample is measured in (default 1). */
  replicates?: number;
}

const DEFINITIONS: Record<string, string> = {
  "lod:blank-sd": "3.3·s(blank)/slope (ICH Q2(R2) §7.2, standard deviation of the blank)",
  "lod:residual-sd": "3.3·σ(residual)/slope (ICH Q2(R2) §7.2, residual SD of the calibration)",
  "lod:prediction-interval":
    "x whose lower (1−β) prediction bound equals the upper (1−α) prediction bound at x = 0 (Massart et al. 1997 §13.7.8)",
  "lod:din-32645": "critical response plus the (1−β) prediction half-width at x = 0, inverted (DIN 32645:1994)",
  "loq:blank-sd": "10·s(blank)/slope (ICH Q2(R2) §7.3, standard deviation of the blank)",
  "loq:residual-sd": "10·σ(residual)/slope (ICH Q2(R2) §7.3, residual SD of the calibration)",
  "loq:din-32645": "x = k·(1−α) CI half-width of x from n replicates (DIN 32645:1994, ISO 11843)",
};

/**
 * The ICH Q2(R2) §7.3 limits: a multiple (3.3 for the LOD, 10 for the LOQ) of the blank's or the
 * residual SD over the slope at zero; a string says why it cannot be computed.
 */
function sdMultipleAmount(
  curve: LimitCurve,
  method: "blank-sd" | "residual-sd",
  options: LimitOptions,
  multiple: number,
): number | string {
  const s = method === "blank-sd" ? blankSd(options.blanks) : residualSd(curve);
  return typeof s === "string" ? s : (multiple * s) / curve.derivative(0);
}

/** The LOD by one named method. */
export function detectionLimit(
  curve: LimitCurve,
  method: DetectionLimitMethod,
  options: LimitOptions = {},
): Limit<DetectionLimitMethod> {
  const definition = DEFINITIONS[`lod:${method}`]!;
  const none = (unavailable: string): Limit<DetectionLimitMethod> => ({
    method,
    definition,
    amount: null,
    response: null,
    unavailable,
  });
  if (method === "blank-sd" || method === "residual-sd") {
    const amount = sdMultipleAmount(curve, method, options, 3.3);
    return typeof amount === "string" ? none(amount) : { method, definition, amount, response: null };
  }
  if (!curve.unweighted) return none("assumes a constant response variance: unweighted curves only");
  const alpha = options.alpha ?? 0.05;
  const beta = options.beta ?? 0.05;
  const spread = (x: number) => Math.sqrt(curve.sigma ** 2 + curve.fittedVariance(x));
  const critical = curve.response(0) + studentTQuantile(1 - alpha, curve.df) * spread(0);
  const tBeta = studentTQuantile(1 - beta, curve.df);
  if (method === "din-32645") {
    const y = critical + tBeta * spread(0);
    const x = solveAmount(curve, y, 0, 10 * curve.highest);
    return x === null
      ? none("the curve does not reach the detection response within 10× the highest calibrator")
      : { method, definition, amount: x, response: y };
  }
  const x = bisect((v) => curve.response(v) - tBeta * spread(v) - critical, 0, 10 * curve.highest);
  if (x === null) return none("no amount up to 10× the highest calibrator is detectable at these error rates");
  return { method, definition, amount: x, response: curve.response(x) };
}

/** The LOQ by one named method. */
export function quantificationLimit(
  curve: LimitCurve,
  method: QuantificationLimitMethod,
  options: LimitOptions = {},
): Limit<QuantificationLimitMethod> {
  const definition = DEFINITIONS[`loq:${method}`]!;
  const none = (unavailable: string): Limit<QuantificationLimitMethod> => ({
    method,
    definition,
    amount: null,
    response: null,
    unavailable,
  });
  if (method === "blank-sd" || method === "residual-sd") {
    const amount = sdMultipleAmount(curve, method, options, 10);
    return typeof amount === "string" ? none(amount) : { method, definition, amount, response: null };
  }
  const alpha = options.alpha ?? 0.05;
  const k = options.k ?? 3;
  const m = options.replicates ?? 1;
  const t = studentTQuantile(1 - alpha / 2, curve.df);
  let missingWeight = false;
  const excess = (x: number): number => {
    const w = curve.sampleWeightAt(x, curve.response(x));
    if (w === null) {
      missingWeight = true;
      return Number.NaN;
    }
    return x - k * t * inverseStandardError(curve, x, m, w);
  };
  // The smallest root: start just above 0 (the weight 1/x is infinite at 0) and widen.
  const x = bisect(excess, curve.highest * 1e-9, 10 * curve.highest);
  if (missingWeight) return none("explicit weights give no rule for a sample's weight at the LOQ");
  if (x === null) return none(`no amount up to 10× the highest calibrator is quantified within 1/${k}`);
  return { method, definition, amount: x, response: curve.response(x) };
}

function blankSd(blanks: ArrayLike<number> | undefined): number | string {
  if (!blanks || blanks.length < 2) return "needs 2 or more blank responses";
  let mean = 0;
  for (let i = 0; i < blanks.length; i++) mean += blanks[i]!;
  mean /= blanks.length;
  let ss = 0;
  for (let i = 0; i < blanks.length; i++) ss += (blanks[i]! - mean) ** 2;
  return Math.sqrt(ss / (blanks.length - 1));
}

function residualSd(curve: LimitCurve): number | string {
  return curve.unweighted ? curve.sigma : "a weighted residual SD has no single response scale: unweighted curves only";
}
