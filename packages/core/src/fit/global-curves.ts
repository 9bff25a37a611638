/**
 * Each curve of a global fit reported like a fit of its own (fitDoseResponse's DoseResponseFit),
 * so that a fit sharing e.g. the Hill slope across curves prints the same rows, IC50 qualifiers,
 * CIs and flags as separate fits.
 *
 * What each number means for a curve of a global fit:
 * - parameters and SEs are the global fit's (the curve's block of the global covariance, so a
 *   shared parameter's uncertainty is that of the one shared estimate);
 * - df, rse (and the t of the IC50 CI) are the global fit's: s² is estimated from all curves;
 * - ssr and R² are the curve's own (its residuals at the global solution).
 */
import {
  type DoseResponseData,
  type DoseResponseFit,
  type DoseResponseModelName,
  summariseDoseResponseFit,
} from "./dose-response.ts";
import { type GlobalFit, globalParameterIndex } from "./global-fit.ts";
import { curveProblem, LmSolution } from "./levenberg-marquardt.ts";
import { logDoses, prism4LogDoseModel, prism5LogDoseModel } from "./models.ts";

const NAMES = ["bottom", "top", "logIC50", "hill", "asymmetry"] as const;

/**
 * One DoseResponseFit per curve of `global` (fitted by fitGlobal on `curves`, in that order).
 * `model` is the parameterisation to report (ll4 reports drc's b, c, d, e; 3pl is prism4 with a
 * plateau fixed); `fixedNames` the names held fixed (they silence the plateau-undefined flags).
 */
export function curveFitsOfGlobal(
  global: GlobalFit,
  curves: readonly DoseResponseData[],
  model: DoseResponseModelName,
  fixedNames: readonly string[] = [],
  level = 0.95,
): DoseResponseFit[] {
  const K = global.model === "5pl" ? 5 : 4;
  const labels = global.parameterLabels;
  const nAll = labels.length;
  const cov = global.lm.covariance;
  const curveModel = K === 5 ? prism5LogDoseModel : prism4LogDoseModel;
  return curves.map((curve, c) => {
    const x = Float64Array.from(curve.concentration_nM);
    const y = Float64Array.from(curve.response);
    const logX = logDoses(x);
    // Where each of this curve's parameters sits in the global vector.
    const index = NAMES.slice(0, K).map((name) => globalParameterIndex(global, c, name));
    const params = Float64Array.from(index, (j) => global.lm.params[j]!);
    let covariance: Float64Array | null = null;
    const standardErrors = new Float64Array(K);
    if (cov) {
      covariance = new Float64Array(K * K);
      for (let a = 0; a < K; a++) {
        for (let b = 0; b < K; b++) covariance[a * K + b] = cov[index[a]! * nAll + index[b]!]!;
      }
      for (let a = 0; a < K; a++) standardErrors[a] = Math.sqrt(covariance[a * K + a]!);
    } else {
      for (let a = 0; a < K; a++) standardErrors[a] = global.lm.standardErrors[index[a]!]!;
    }
    const problem = curveProblem(curveModel, logX, y);
    let ssr = 0;
    for (let i = 0; i < x.length; i++) ssr += (y[i]! - curveModel.value(logX[i]!, params)) ** 2;
    const lm = new LmSolution(problem, params.slice(), {
      parameterNames: curveModel.parameterNames,
      params,
      standardErrors,
      covariance,
      ssr,
      df: global.df,
      sigma: global.lm.sigma,
      converged: global.converged,
      reason: global.lm.reason,
      relativeOffset: global.lm.relativeOffset,
      iterations: global.iterations,
      evaluations: global.lm.evaluations,
      atBound: index.map((j) => global.lm.atBound[j]!),
    });
    return summariseDoseResponseFit(model, lm, x, logX, y, undefined, [...fixedNames], level);
  });
}
