/**
 * Weighted least squares of a straight line, a line through zero or a quadratic: the standard
 * curves of chromatography (y = response or area ratio, x = nominal amount).
 *
 * Solved by the normal equations in a centred and scaled variable t = (x − x̄_w)/s (x̄_w the
 * weighted mean), where the Gram matrix is well conditioned, then mapped back to the coefficients
 * of x; the covariance is σ²·(XᵀWX)⁻¹ mapped the same way, σ² = Σ wᵢ rᵢ² / (n − p), which is what
 * R's lm(weights =) and summary.lm report (agreement to 1e-9, __fixtures__/linear-calibration.json).
 * The line through zero is not centred (its one basis function is x).
 */
import { InputError } from "../errors/input-error.ts";
import { invertSpd } from "../linalg/cholesky.ts";

export type PolynomialModelName = "linear" | "linear-through-zero" | "quadratic";

export interface PolynomialCurve {
  model: PolynomialModelName;
  /** y = intercept + slope·x + curvature·x² (intercept 0 through zero, curvature 0 unless quadratic). */
  intercept: number;
  slope: number;
  curvature: number;
  /** The fitted coefficients in R's order: (Intercept), x, I(x^2), whichever the model has. */
  coefficientNames: readonly string[];
  coefficients: Float64Array;
  standardErrors: Float64Array;
  /** Covariance of the fitted coefficients, row-major p×p. */
  covariance: Float64Array;
  /** Residual standard error √(Σ wᵢ rᵢ² / df) (in response units for unit weights). */
  sigma: number;
  df: number;
  n: number;
  x: Float64Array;
  y: Float64Array;
  weights: Float64Array;
  fitted: Float64Array;
  residuals: Float64Array;
}

const NAMES: Record<PolynomialModelName, readonly string[]> = {
  linear: ["(Intercept)", "x"],
  "linear-through-zero": ["x"],
  quadratic: ["(Intercept)", "x", "I(x^2)"],
};

export function parameterCount(model: PolynomialModelName): number {
  return NAMES[model].length;
}

/**
 * Fits the model. Needs at least p + 1 distinct calibrator levels (p parameters), so that the
 * residuals measure lack of fit and not only replicate scatter; throws an InputError otherwise.
 */
export function fitPolynomialCurve(
  x: Float64Array,
  y: Float64Array,
  model: PolynomialModelName,
  weights: Float64Array,
): PolynomialCurve {
  const n = x.length;
  const p = parameterCount(model);
  const levels = new Set(x).size;
  if (levels < p + 1) {
    throw new InputError(`a ${model} standard curve needs calibrators at ${p + 1} or more levels`, {
      field: "calibrators",
      expected: `${p + 1} or more distinct nominal amounts`,
      got: `${levels}`,
    });
  }
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < n; i++) {
    if (!(weights[i]! > 0) || !Number.isFinite(weights[i]!)) {
      throw new InputError("every calibrator needs a finite positive weight", {
        field: "weights",
        row: i + 1,
        got: weights[i],
      });
    }
    sw += weights[i]!;
    swx += weights[i]! * x[i]!;
  }
  const centre = model === "linear-through-zero" ? 0 : swx / sw;
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(x[i]! - centre));
  const basis = (xi: number, out: Float64Array): void => {
    const t = (xi - centre) / scale;
    if (model === "linear-through-zero") out[0] = t;
    else {
      out[0] = 1;
      out[1] = t;
      if (p === 3) out[2] = t * t;
    }
  };
  const gram = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  const phi = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    basis(x[i]!, phi);
    const w = weights[i]!;
    for (let r = 0; r < p; r++) {
      rhs[r]! += w * phi[r]! * y[i]!;
      for (let c = 0; c < p; c++) gram[r * p + c]! += w * phi[r]! * phi[c]!;
    }
  }
  const inverse = invertSpd(gram, p);
  if (!inverse) {
    throw new InputError("the calibrators do not determine the standard curve (singular design)", {
      field: "calibrators",
    });
  }
  const a = new Float64Array(p);
  for (let r = 0; r < p; r++) for (let c = 0; c < p; c++) a[r]! += inverse[r * p + c]! * rhs[c]!;
  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  let ssr = 0;
  for (let i = 0; i < n; i++) {
    basis(x[i]!, phi);
    let f = 0;
    for (let r = 0; r < p; r++) f += a[r]! * phi[r]!;
    fitted[i] = f;
    residuals[i] = y[i]! - f;
    ssr += weights[i]! * residuals[i]! ** 2;
  }
  const df = n - p;
  const sigma2 = ssr / df;
  // b = T·a maps the centred coefficients to those of x: t = (x − c)/s.
  const transform = coefficientTransform(model, centre, scale);
  const b = new Float64Array(p);
  for (let r = 0; r < p; r++) for (let c = 0; c < p; c++) b[r]! += transform[r * p + c]! * a[c]!;
  const covariance = new Float64Array(p * p);
  for (let r = 0; r < p; r++) {
    for (let c = 0; c < p; c++) {
      let s = 0;
      for (let k = 0; k < p; k++)
        for (let l = 0; l < p; l++) s += transform[r * p + k]! * inverse[k * p + l]! * transform[c * p + l]!;
      covariance[r * p + c] = sigma2 * s;
    }
  }
  const standardErrors = Float64Array.from({ length: p }, (_, k) => Math.sqrt(covariance[k * p + k]!));
  const through = model === "linear-through-zero";
  return {
    model,
    intercept: through ? 0 : b[0]!,
    slope: through ? b[0]! : b[1]!,
    curvature: p === 3 ? b[2]! : 0,
    coefficientNames: NAMES[model],
    coefficients: b,
    standardErrors,
    covariance,
    sigma: Math.sqrt(sigma2),
    df,
    n,
    x: Float64Array.from(x),
    y: Float64Array.from(y),
    weights: Float64Array.from(weights),
    fitted,
    residuals,
  };
}

function coefficientTransform(model: PolynomialModelName, c: number, s: number): Float64Array {
  if (model === "linear-through-zero") return Float64Array.of(1 / s);
  if (model === "linear") return Float64Array.of(1, -c / s, 0, 1 / s);
  return Float64Array.of(1, -c / s, (c * c) / (s * s), 0, 1 / s, (-2 * c) / (s * s), 0, 0, 1 / (s * s));
}

/** ŷ(x) on the curve. */
export function curveResponse(curve: PolynomialCurve, x: number): number {
  return curve.intercept + x * (curve.slope + x * curve.curvature);
}

/** dŷ/dx at x. */
export function curveDerivative(curve: PolynomialCurve, x: number): number {
  return curve.slope + 2 * curve.curvature * x;
}

/** Var(ŷ(x)) = g(x)ᵀ·Cov·g(x), g the gradient of ŷ(x) in the fitted coefficients. */
export function fittedVariance(curve: PolynomialCurve, x: number): number {
  const g = curve.model === "linear-through-zero" ? [x] : curve.model === "linear" ? [1, x] : [1, x, x * x];
  const p = g.length;
  let v = 0;
  for (let r = 0; r < p; r++) for (let c = 0; c < p; c++) v += g[r]! * curve.covariance[r * p + c]! * g[c]!;
  return v;
}

/**
 * The amount whose fitted response is y, wherever it lies (for back-calculating calibrators,
 * which sit inside the range by construction). A quadratic has two roots: the one on the branch
 * that covers the calibrated range (f′ with the sign it has mid-range) is the curve's.
 */
export function backCalculate(curve: PolynomialCurve, y: number): number {
  const { intercept: c, slope: b, curvature: a } = curve;
  if (a === 0) return (y - c) / b;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of curve.x) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const rising = curveDerivative(curve, 0.5 * (lo + hi)) > 0;
  const disc = b * b - 4 * a * (c - y);
  if (disc < 0) return Number.NaN;
  // The stable pair of roots (no cancellation): q = −(b + sign(b)·√disc)/2, roots q/a and (c − y)/q.
  const q = -0.5 * (b + (b >= 0 ? 1 : -1) * Math.sqrt(disc));
  const roots = [q / a, (c - y) / q];
  for (const r of roots) if (curveDerivative(curve, r) > 0 === rising) return r;
  return Number.NaN;
}
