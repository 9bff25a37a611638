/**
 * A straight-line, through-zero or quadratic standard curve from calibrators: weights chosen or
 * given, the fit, back-calculated calibrators, and the handles that inverse prediction and the
 * limits need. The methods are described in README.md beside this file.
 */
import { InputError } from "../errors/input-error.ts";
import { chooseWeighting, type WeightingChoice } from "./choose-weighting.ts";
import { type InversePrediction, inversePredict } from "./inverse-predict.ts";
import {
  DETECTION_LIMIT_METHODS,
  type DetectionLimitMethod,
  detectionLimit,
  type Limit,
  type LimitCurve,
  type LimitOptions,
  QUANTIFICATION_LIMIT_METHODS,
  type QuantificationLimitMethod,
  quantificationLimit,
} from "./limits.ts";
import {
  backCalculate,
  curveDerivative,
  curveResponse,
  fitPolynomialCurve,
  fittedVariance,
  type PolynomialCurve,
  type PolynomialModelName,
} from "./polynomial-fit.ts";
import { calibratorWeights, sampleWeight, type Weighting, type WeightingName, weightingFor } from "./weighting.ts";

export interface LinearStandardCurveOptions {
  model: PolynomialModelName;
  /** A scheme, "auto" (chooseWeighting) or a weighting made by the caller (explicit weights). */
  weights: WeightingName | "auto" | Weighting;
}

export interface LinearStandardCurve {
  curve: PolynomialCurve;
  weighting: Weighting;
  /** How "auto" chose; null when the weights were given. */
  weightChoice: WeightingChoice | null;
  /** Lowest and highest calibrator amount: the range unknowns are reported in. */
  lowest: number;
  highest: number;
  /** x̂ of each calibrator from its own response. */
  backCalculated: Float64Array;
  /** (x̂ − x)/x·100 per calibrator; NaN for a zero calibrator. */
  relativeError_percent: Float64Array;
  /** Why the curve should not be trusted as it stands (e.g. a quadratic that turns inside the range). */
  flags: string[];
}

export function fitLinearStandardCurve(
  x: Float64Array,
  y: Float64Array,
  options: LinearStandardCurveOptions,
): LinearStandardCurve {
  if (x.length !== y.length) throw new RangeError(`${x.length} amounts but ${y.length} responses`);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]!) || x[i]! < 0) {
      throw new InputError("a calibrator's nominal amount must be a finite number ≥ 0", {
        row: i + 1,
        field: "nominal",
        got: x[i],
      });
    }
    if (!Number.isFinite(y[i]!))
      throw new InputError("a calibrator's response must be a finite number", {
        row: i + 1,
        field: "response",
        got: y[i],
      });
  }
  let weightChoice: WeightingChoice | null = null;
  let weighting: Weighting;
  if (options.weights === "auto") {
    weightChoice = chooseWeighting(x, y, options.model);
    weighting = weightingFor(weightChoice.chosen, x, y);
  } else if (typeof options.weights === "string") weighting = weightingFor(options.weights, x, y);
  else weighting = options.weights;
  const curve = fitPolynomialCurve(x, y, options.model, calibratorWeights(weighting, x, y));
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (const v of x) {
    lowest = Math.min(lowest, v);
    highest = Math.max(highest, v);
  }
  const flags: string[] = [];
  if (Math.sign(curveDerivative(curve, lowest)) !== Math.sign(curveDerivative(curve, highest))) {
    flags.push("the curve turns inside the calibrated range: amounts near the turn are not determined");
  }
  const backCalculated = Float64Array.from(y, (v) => backCalculate(curve, v));
  const relativeError_percent = Float64Array.from(x, (v, i) =>
    v === 0 ? Number.NaN : ((backCalculated[i]! - v) / v) * 100,
  );
  return { curve, weighting, weightChoice, lowest, highest, backCalculated, relativeError_percent, flags };
}

/** The curve as inverse prediction and the limits see it. */
export function limitCurveOf(sc: LinearStandardCurve): LimitCurve {
  const { curve, weighting } = sc;
  return {
    response: (x) => curveResponse(curve, x),
    derivative: (x) => curveDerivative(curve, x),
    fittedVariance: (x) => fittedVariance(curve, x),
    sigma: curve.sigma,
    df: curve.df,
    lowest: sc.lowest,
    highest: sc.highest,
    unweighted: weighting.scheme === "none",
    sampleWeightAt: (x, y) => sampleWeight(weighting, x, y),
  };
}

export interface PredictAmountOptions {
  level?: number;
  /** The sample's weight; required for explicit weights, else it follows the weighting at x̂ and ȳ. */
  sampleWeight?: number;
}

/** The amount of an unknown from its replicate responses, with its CI (inverse-predict.ts). */
export function predictAmount(
  sc: LinearStandardCurve,
  responses: ArrayLike<number>,
  options: PredictAmountOptions = {},
): InversePrediction {
  const given = options.sampleWeight;
  if (given === undefined && sc.weighting.scheme === "explicit") {
    throw new InputError("explicit calibrator weights need the sample's weight too", { field: "sampleWeight" });
  }
  return inversePredict(limitCurveOf(sc), responses, {
    level: options.level,
    sampleWeight: (x, y) => given ?? sampleWeight(sc.weighting, x, y)!,
  });
}

export interface CurveLimits {
  detection: Limit<DetectionLimitMethod>[];
  quantification: Limit<QuantificationLimitMethod>[];
}

/** Every LOD and LOQ method, each with its value or why it does not apply. */
export function limitsOf(sc: LinearStandardCurve, options: LimitOptions = {}): CurveLimits {
  const lc = limitCurveOf(sc);
  return {
    detection: DETECTION_LIMIT_METHODS.map((m) => detectionLimit(lc, m, options)),
    quantification: QUANTIFICATION_LIMIT_METHODS.map((m) => quantificationLimit(lc, m, options)),
  };
}
