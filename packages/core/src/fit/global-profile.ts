/**
 * Profile-likelihood CI of one curve's IC50 within a global fit (--share): the interval R's
 * confint() gives for that curve's LogIC50 in the stacked nls. For each trial LogIC50 = L of the
 * curve, every other parameter of the global fit — the shared ones and the other curves' own —
 * is refitted, giving SSR(L) of all curves together; τ, the cut-off t(df, (1 + level)/2) and df
 * are the global fit's (profile.ts's profileLimits, the same search as for a curve fitted alone).
 * A LogIC50 shared by several curves (shared or tied) is one parameter: its interval is theirs.
 */
import type { DoseResponseData } from "./dose-response.ts";
import { type GlobalFit, type GlobalFitOptions, globalParameterIndex, globalProblem } from "./global-fit.ts";
import { solveLeastSquares } from "./levenberg-marquardt.ts";
import { ic50ProfileInterval, type ProfileInterval, profileLimits } from "./profile.ts";

/**
 * The profile interval of curve `curve`'s LogIC50 in `fit`, which is fitGlobal(curves, options).
 * Each refit starts from the global solution, then from the previous refit on the same side, so a
 * step costs a few Levenberg–Marquardt iterations of the whole group.
 */
export function profileGlobalIc50Interval(
  curves: readonly DoseResponseData[],
  fit: GlobalFit,
  options: GlobalFitOptions,
  curve: number,
  level = 0.95,
): ProfileInterval {
  const g = globalProblem(curves, options);
  if (g.labels.join() !== fit.parameterLabels.join()) {
    throw new RangeError("the global fit was not made from these curves and options");
  }
  const j = globalParameterIndex(fit, curve, "logIC50");
  if (j < 0 || g.fixedMask[j]) throw new RangeError("the IC50 was fixed; there is nothing to profile");
  const fixed = g.fixedMask.slice();
  fixed[j] = true;
  const lmOptions = {
    fixed,
    lower: g.lower,
    upper: g.upper,
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
  };
  const refitter = () => {
    const start = Float64Array.from(fit.lm.params);
    return (logIC50: number): number => {
      start[j] = logIC50;
      const lm = solveLeastSquares(g.problem, start, lmOptions);
      if (!lm.converged) return Number.NaN;
      start.set(lm.params);
      return lm.ssr;
    };
  };
  const limits = profileLimits(fit.lm.params[j]!, fit.lm.standardErrors[j]!, fit.ssr, fit.df, refitter, level);
  return ic50ProfileInterval(limits, level);
}
