/**
 * The automatic choice of weights, after Almeida, de Castro Barbosa & Gomes (2002, "Linear
 * regression for calibration lines revisited: weighting schemes for bioanalytical methods",
 * J Chromatogr B 774:215–222):
 *   1. Homoscedasticity test: F = s²(highest level) / s²(lowest level) from the replicates at the
 *      two extreme levels, against F(0.99; n_high − 1, n_low − 1). Not significant → no weights
 *      (the simplest adequate model).
 *   2. Otherwise the scheme with the least sum of |relative errors| of the back-calculated
 *      calibrators, Σ|x̂ᵢ − xᵢ|/xᵢ·100 % (zero calibrators left out), among none, 1/x, 1/x², 1/y,
 *      1/y² (those the data allow); ties go to the simpler scheme.
 * Without replicates at both extreme levels there is no F test, and step 2 alone decides.
 */
import { fUpperTail } from "../stats/distributions.ts";
import { backCalculate, fitPolynomialCurve, type PolynomialModelName } from "./polynomial-fit.ts";
import { calibratorWeights, replicateLevels, type WeightingName, weightingProblem } from "./weighting.ts";

export const AUTO_CANDIDATES: readonly WeightingName[] = ["none", "1/x", "1/x2", "1/y", "1/y2"];
const F_LEVEL = 0.99;

export interface HomoscedasticityTest {
  f: number;
  dfHigh: number;
  dfLow: number;
  /** P(F ≥ f) under equal variances. */
  pValue: number;
  /** Significance level of the test (0.01, as Almeida et al.). */
  alpha: number;
  significant: boolean;
}

export interface WeightingCandidate {
  scheme: WeightingName;
  /** Σ |relative error| of the back-calculated calibrators, in %; null when the scheme cannot apply. */
  relativeErrorSum_percent: number | null;
  unavailable?: string;
}

export interface WeightingChoice {
  chosen: WeightingName;
  /** One sentence saying why, with the numbers. */
  reason: string;
  test: HomoscedasticityTest | null;
  candidates: WeightingCandidate[];
}

export function chooseWeighting(x: Float64Array, y: Float64Array, model: PolynomialModelName): WeightingChoice {
  const levels = replicateLevels(x, y);
  const low = levels[0]!;
  const high = levels[levels.length - 1]!;
  let test: HomoscedasticityTest | null = null;
  if (low.n >= 2 && high.n >= 2 && low.variance > 0) {
    const f = high.variance / low.variance;
    const pValue = fUpperTail(f, high.n - 1, low.n - 1);
    test = { f, dfHigh: high.n - 1, dfLow: low.n - 1, pValue, alpha: 1 - F_LEVEL, significant: pValue < 1 - F_LEVEL };
  }
  const candidates: WeightingCandidate[] = AUTO_CANDIDATES.map((scheme) => {
    const problem = weightingProblem(scheme, x, y);
    if (problem) return { scheme, relativeErrorSum_percent: null, unavailable: problem };
    const curve = fitPolynomialCurve(x, y, model, calibratorWeights({ scheme } as never, x, y));
    let sum = 0;
    for (let i = 0; i < x.length; i++) {
      if (x[i] === 0) continue;
      sum += Math.abs((backCalculate(curve, y[i]!) - x[i]!) / x[i]!);
    }
    return { scheme, relativeErrorSum_percent: sum * 100 };
  });
  const fText = test
    ? `F = s²(${high.x})/s²(${low.x}) = ${fmt(test.f)} on (${test.dfHigh}, ${test.dfLow}) df, p = ${fmt(test.pValue)}`
    : null;
  if (test && !test.significant) {
    return {
      chosen: "none",
      reason: `${fText} ≥ 0.01: the variances at the extreme levels do not differ, so no weights (Almeida et al. 2002)`,
      test,
      candidates,
    };
  }
  let best: WeightingCandidate | null = null;
  for (const c of candidates) {
    if (c.relativeErrorSum_percent === null) continue;
    if (!best || c.relativeErrorSum_percent < best.relativeErrorSum_percent! - 1e-12 * best.relativeErrorSum_percent!)
      best = c;
  }
  const why = test
    ? `${fText} < 0.01: the variance changes over the range`
    : "no replicates at both extreme levels, so no F test of the variances";
  return {
    chosen: best!.scheme,
    reason: `${why}; ${best!.scheme} gives the least sum of |relative errors| of the back-calculated calibrators (${fmt(best!.relativeErrorSum_percent!)} %) (Almeida et al. 2002)`,
    test,
    candidates,
  };
}

function fmt(v: number): string {
  return Math.abs(v) >= 0.001 && Math.abs(v) < 1e5 ? String(Number(v.toPrecision(4))) : v.toExponential(2);
}
