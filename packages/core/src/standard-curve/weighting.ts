/**
 * Weights of a standard curve's calibrators, and the weight a new sample carries.
 *
 * A weighted fit minimises Σ wᵢ·(yᵢ − ŷᵢ)², wᵢ ∝ 1/Var(yᵢ). The schemes are the ones bioanalytical
 * labs use (Almeida, de Castro Barbosa & Gomes 2002, J Chromatogr B 774:215): none, 1/x, 1/x², 1/y,
 * 1/y², plus a power-of-the-mean variance function Var(y) = a·μ^θ fitted to replicate variances
 * (Davidian & Giltinan 1995, Nonlinear Models for Repeated Measurement Data, §2.2), and weights the
 * caller gives ("explicit", e.g. 1/s² per level as in Massart et al. 1997 example 8). Weights are
 * not normalised: the residual standard error and the inverse prediction only use their ratios,
 * so 1/x² means exactly what R's lm(weights = 1/x^2) means.
 */
import { InputError } from "../errors/input-error.ts";

export type WeightingName = "none" | "1/x" | "1/x2" | "1/y" | "1/y2" | "variance-function";

/** The schemes `auto` chooses from, simplest first (the order breaks ties). */
export const WEIGHTING_NAMES: readonly WeightingName[] = ["none", "1/x", "1/x2", "1/y", "1/y2", "variance-function"];

/** Power-of-the-mean variance function Var(y) = a·μ^θ, with μ the level's mean response. */
export interface VarianceFunction {
  a: number;
  theta: number;
  /** Levels with ≥ 2 replicates it was fitted to. */
  levels: number;
}

/** How the calibrators are weighted: a named scheme or weights given one per calibrator. */
export type Weighting =
  | { scheme: Exclude<WeightingName, "variance-function"> }
  | { scheme: "variance-function"; varianceFunction: VarianceFunction }
  | { scheme: "explicit"; weights: Float64Array };

/** Whether a scheme can weight these calibrators (1/x needs every x > 0, 1/y every y > 0), and if not why. */
export function weightingProblem(scheme: WeightingName, x: Float64Array, y: Float64Array): string | null {
  if (scheme === "1/x" || scheme === "1/x2") {
    for (let i = 0; i < x.length; i++) {
      if (!(x[i]! > 0)) return `weights ${scheme} need every calibrator amount > 0 (one is ${x[i]})`;
    }
  }
  if (scheme === "1/y" || scheme === "1/y2" || scheme === "variance-function") {
    for (let i = 0; i < y.length; i++) {
      if (!(y[i]! > 0)) return `weights ${scheme} need every calibrator response > 0 (one is ${y[i]})`;
    }
  }
  if (scheme === "variance-function" && replicateLevels(x, y).filter((l) => l.n >= 2).length < 3) {
    return "weights variance-function need replicate responses (≥ 2) at 3 or more levels";
  }
  return null;
}

/** The weighting for a named scheme (fitting the variance function when that is the scheme). */
export function weightingFor(scheme: WeightingName, x: Float64Array, y: Float64Array): Weighting {
  const problem = weightingProblem(scheme, x, y);
  if (problem) throw new InputError(problem, { field: "weights", expected: "a weighting these calibrators allow" });
  if (scheme === "variance-function") return { scheme, varianceFunction: fitVarianceFunction(x, y) };
  return { scheme };
}

/** The calibrators' weights wᵢ. y-based schemes use the observed response, as lm(weights = 1/y) does. */
export function calibratorWeights(weighting: Weighting, x: Float64Array, y: Float64Array): Float64Array {
  const n = x.length;
  if (weighting.scheme === "explicit") {
    if (weighting.weights.length !== n) {
      throw new RangeError(`${weighting.weights.length} weights for ${n} calibrators`);
    }
    return Float64Array.from(weighting.weights);
  }
  const w = new Float64Array(n);
  if (weighting.scheme === "variance-function") {
    const { a, theta } = weighting.varianceFunction;
    const means = levelMeanOf(x, y);
    for (let i = 0; i < n; i++) w[i] = 1 / (a * means[i]! ** theta);
    return w;
  }
  for (let i = 0; i < n; i++) w[i] = schemeWeight(weighting.scheme, x[i]!, y[i]!);
  return w;
}

/**
 * The weight of a new sample at amount x with mean response y: the same scheme evaluated there
 * (its variance is then σ²/w). Explicit weights have no rule for a new point: the caller must
 * give the sample's weight, so this returns null.
 */
export function sampleWeight(weighting: Weighting, x: number, y: number): number | null {
  switch (weighting.scheme) {
    case "explicit":
      return null;
    case "variance-function":
      return 1 / (weighting.varianceFunction.a * y ** weighting.varianceFunction.theta);
    default:
      return schemeWeight(weighting.scheme, x, y);
  }
}

function schemeWeight(scheme: "none" | "1/x" | "1/x2" | "1/y" | "1/y2", x: number, y: number): number {
  switch (scheme) {
    case "none":
      return 1;
    case "1/x":
      return 1 / x;
    case "1/x2":
      return 1 / (x * x);
    case "1/y":
      return 1 / y;
    case "1/y2":
      return 1 / (y * y);
  }
}

interface ReplicateLevel {
  x: number;
  n: number;
  mean: number;
  variance: number;
}

/** The calibrators grouped by nominal amount, with each level's mean and sample variance. */
export function replicateLevels(x: Float64Array, y: Float64Array): ReplicateLevel[] {
  const byX = new Map<number, number[]>();
  for (let i = 0; i < x.length; i++) {
    const list = byX.get(x[i]!);
    if (list) list.push(y[i]!);
    else byX.set(x[i]!, [y[i]!]);
  }
  return [...byX.entries()]
    .sort((p, q) => p[0] - q[0])
    .map(([level, ys]) => {
      const mean = ys.reduce((s, v) => s + v, 0) / ys.length;
      const variance = ys.length > 1 ? ys.reduce((s, v) => s + (v - mean) ** 2, 0) / (ys.length - 1) : Number.NaN;
      return { x: level, n: ys.length, mean, variance };
    });
}

function levelMeanOf(x: Float64Array, y: Float64Array): Float64Array {
  const means = new Map(replicateLevels(x, y).map((l) => [l.x, l.mean]));
  return Float64Array.from(x, (v) => means.get(v)!);
}

/** log s² = log a + θ·log ȳ by ordinary least squares over the levels with ≥ 2 replicates. */
function fitVarianceFunction(x: Float64Array, y: Float64Array): VarianceFunction {
  const levels = replicateLevels(x, y).filter((l) => l.n >= 2 && l.variance > 0);
  if (levels.length < 3) {
    throw new InputError("weights variance-function need replicate responses that vary at 3 or more levels", {
      field: "weights",
    });
  }
  const u = levels.map((l) => Math.log(l.mean));
  const v = levels.map((l) => Math.log(l.variance));
  const uBar = u.reduce((s, t) => s + t, 0) / u.length;
  const vBar = v.reduce((s, t) => s + t, 0) / v.length;
  let suv = 0;
  let suu = 0;
  for (let k = 0; k < u.length; k++) {
    suv += (u[k]! - uBar) * (v[k]! - vBar);
    suu += (u[k]! - uBar) ** 2;
  }
  const theta = suv / suu;
  return { a: Math.exp(vBar - theta * uBar), theta, levels: levels.length };
}
