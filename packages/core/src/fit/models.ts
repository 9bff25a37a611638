/**
 * The dose–response curves, all as functions of the concentration x (any unit, nM in ADCLab).
 * x = 0 (vehicle / zero-dose wells) is valid data: log x = −∞ and the curve is at its x → 0
 * plateau, exactly as R's drc treats it.
 *
 * - ll4:    drc's LL.4 (Ritz, Baty, Streibig & Gerhard 2015, PLoS ONE 10:e0146021):
 *           f = c + (d − c) / (1 + exp(b·(ln x − ln e))),  p = [b, c, d, e].
 * - prism4: GraphPad Prism's "log(inhibitor) vs. response — Variable slope":
 *           f = Bottom + (Top − Bottom) / (1 + 10^((LogIC50 − log10 x)·HillSlope)),
 *           p = [Bottom, Top, LogIC50, HillSlope]. HillSlope < 0 for a falling curve; b = −HillSlope.
 * - prism5: Prism's "Asymmetric sigmoidal, 5PL" with LogIC50 as the midpoint
 *           f = Bottom + (Top − Bottom) / (1 + 10^((LogXb − log10 x)·HillSlope))^S,
 *           LogXb = LogIC50 + (1/HillSlope)·log10(2^(1/S) − 1);  p = [Bottom, Top, LogIC50, HillSlope, S].
 *           S = 1 is the 4PL. (Prism 5+ curve-fitting guide, "Asymmetrical (five parameter)".)
 */
import type { CurveModel } from "./curve-model.ts";

const LN10 = Math.LN10;

/** 1/(1+e^q) without overflow. */
function logisticTail(q: number): number {
  if (q > 0) {
    const v = Math.exp(-q);
    return v / (1 + v);
  }
  return 1 / (1 + Math.exp(q));
}

/** ln(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function ll4ValueAndGradient(x: number, p: Float64Array, out: Float64Array | null): number {
  const b = p[0]!;
  const c = p[1]!;
  const d = p[2]!;
  const e = p[3]!;
  if (x <= 0) {
    // x → 0: exp(b·(−∞)) is 0 for b > 0 (curve at d) and ∞ for b < 0 (curve at c).
    const atD = b > 0 ? 1 : b < 0 ? 0 : 0.5;
    if (out) {
      out[0] = 0;
      out[1] = 1 - atD;
      out[2] = atD;
      out[3] = 0;
    }
    return c + (d - c) * atD;
  }
  const logRatio = Math.log(x) - Math.log(e);
  const h = logisticTail(b * logRatio);
  if (out) {
    const slope = (d - c) * h * (1 - h);
    out[0] = -slope * logRatio;
    out[1] = 1 - h;
    out[2] = h;
    out[3] = (slope * b) / e;
  }
  return c + (d - c) * h;
}

export const ll4Model: CurveModel = {
  name: "ll4",
  parameterNames: ["b", "c", "d", "e"],
  value: (x, p) => ll4ValueAndGradient(x, p, null),
  gradient: (x, p, out) => {
    ll4ValueAndGradient(x, p, out);
  },
  valueAndGradient: ll4ValueAndGradient,
};

function prism4ValueAndGradient(x: number, p: Float64Array, out: Float64Array | null): number {
  return prism4AtLogDose(x > 0 ? Math.log10(x) : Number.NEGATIVE_INFINITY, p, out);
}

/** Prism 4PL at X = log10 x (X = −∞ for a zero dose). */
export function prism4AtLogDose(logX: number, p: Float64Array, out: Float64Array | null): number {
  const bottom = p[0]!;
  const top = p[1]!;
  const logIc50 = p[2]!;
  const hill = p[3]!;
  if (logX === Number.NEGATIVE_INFINITY) {
    // log10 x = −∞: (LogIC50 − X)·HillSlope is −∞ for HillSlope < 0 (curve at Top).
    const atTop = hill < 0 ? 1 : hill > 0 ? 0 : 0.5;
    if (out) {
      out[0] = 1 - atTop;
      out[1] = atTop;
      out[2] = 0;
      out[3] = 0;
    }
    return bottom + (top - bottom) * atTop;
  }
  const distance = logIc50 - logX;
  const h = logisticTail(LN10 * hill * distance);
  if (out) {
    const slope = -(top - bottom) * h * (1 - h) * LN10;
    out[0] = 1 - h;
    out[1] = h;
    out[2] = slope * hill;
    out[3] = slope * distance;
  }
  return bottom + (top - bottom) * h;
}

export const prism4Model: CurveModel = {
  name: "prism4",
  parameterNames: ["Bottom", "Top", "LogIC50", "HillSlope"],
  value: (x, p) => prism4ValueAndGradient(x, p, null),
  gradient: (x, p, out) => {
    prism4ValueAndGradient(x, p, out);
  },
  valueAndGradient: prism4ValueAndGradient,
};

function prism5ValueAndGradient(x: number, p: Float64Array, out: Float64Array | null): number {
  return prism5AtLogDose(x > 0 ? Math.log10(x) : Number.NEGATIVE_INFINITY, p, out);
}

/** Prism 5PL at X = log10 x (X = −∞ for a zero dose). */
function prism5AtLogDose(logX: number, p: Float64Array, out: Float64Array | null): number {
  const bottom = p[0]!;
  const top = p[1]!;
  const logIc50 = p[2]!;
  const hill = p[3]!;
  const s = p[4]!;
  if (logX === Number.NEGATIVE_INFINITY) {
    const atTop = hill < 0 ? 1 : hill > 0 ? 0 : 2 ** -s;
    if (out) {
      out[0] = 1 - atTop;
      out[1] = atTop;
      out[2] = 0;
      out[3] = 0;
      out[4] = 0;
    }
    return bottom + (top - bottom) * atTop;
  }
  // z = ln 10·HillSlope·(LogIC50 − X) + ln(2^(1/S) − 1); f = Bottom + (Top − Bottom)·(1 + e^z)^−S.
  const distance = logIc50 - logX;
  const twoPow = 2 ** (1 / s);
  const z = LN10 * hill * distance + Math.log(twoPow - 1);
  const sp = softplus(z);
  const g = Math.exp(-s * sp);
  if (out) {
    const sigma = 1 - logisticTail(z); // e^z / (1 + e^z)
    const span = top - bottom;
    const dgdz = -s * g * sigma;
    const dzds = (-twoPow * Math.LN2) / (s * s * (twoPow - 1));
    out[0] = 1 - g;
    out[1] = g;
    out[2] = span * dgdz * LN10 * hill;
    out[3] = span * dgdz * LN10 * distance;
    out[4] = span * (-sp * g + dgdz * dzds);
  }
  return bottom + (top - bottom) * g;
}

export const prism5Model: CurveModel = {
  name: "prism5",
  parameterNames: ["Bottom", "Top", "LogIC50", "HillSlope", "S"],
  value: (x, p) => prism5ValueAndGradient(x, p, null),
  gradient: (x, p, out) => {
    prism5ValueAndGradient(x, p, out);
  },
  valueAndGradient: prism5ValueAndGradient,
};

/**
 * The same Prism curves with x given as X = log10(concentration) (−∞ for zero dose). The fitter
 * uses these so that the logarithm of each dose is taken once, not at every evaluation.
 */
export const prism4LogDoseModel: CurveModel = {
  name: "prism4-logdose",
  parameterNames: prism4Model.parameterNames,
  value: (logX, p) => prism4AtLogDose(logX, p, null),
  gradient: (logX, p, out) => {
    prism4AtLogDose(logX, p, out);
  },
  valueAndGradient: prism4AtLogDose,
};

export const prism5LogDoseModel: CurveModel = {
  name: "prism5-logdose",
  parameterNames: prism5Model.parameterNames,
  value: (logX, p) => prism5AtLogDose(logX, p, null),
  gradient: (logX, p, out) => {
    prism5AtLogDose(logX, p, out);
  },
  valueAndGradient: prism5AtLogDose,
};

/** log10 of each concentration, −∞ for zero doses. */
export function logDoses(x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i]! > 0 ? Math.log10(x[i]!) : Number.NEGATIVE_INFINITY;
  return out;
}
