/**
 * `--compare-models`: for each curve, is a simpler model enough? The 4PL against the 3PL with
 * Bottom fixed at 0 (and, on a % of vehicle scale, with Top fixed at 100), and the 5PL against the
 * 4PL — by the extra-sum-of-squares F test and AICc (Motulsky & Christopoulos 2004, ch. 21–22), as
 * Prism's "Compare" tab and R's anova()/AIC() of the nested nls fits compute them.
 */
import { compareByAicc, type DoseResponseFit, extraSumOfSquaresFTest, fitDoseResponse } from "@adclab/core";
import type { CurveFit } from "./ic50.ts";

/** One nested pair on one curve. */
export interface ModelComparisonRow {
  curve: string;
  /** "3PL (bottom = 0)", "3PL (top = 100)" or "4PL". */
  simpler: string;
  /** "4PL" or "5PL". */
  complex: string;
  simplerSsr: number | null;
  complexSsr: number | null;
  /** Extra-sum-of-squares F test; null when either fit did not converge or has no residual df. */
  fTest: { f: number; df1: number; df2: number; pValue: number } | null;
  /** AICc of each fit, AICc(simpler) − AICc(complex) (> 0 favours the complex model), and its Akaike weight. */
  aicc: {
    simpler: number;
    complex: number;
    difference: number;
    probabilityComplex: number;
    preferred: "simpler" | "complex";
  } | null;
  /** Which model the F test prefers at α = 0.05 (the simpler one unless p < 0.05), or null. */
  preferredByFTest: "simpler" | "complex" | null;
  note?: string;
}

interface Pair {
  simpler: string;
  complex: string;
  simplerFit: () => DoseResponseFit;
  complexFit: () => DoseResponseFit;
}

export function compareModelsRows(fits: readonly CurveFit[], responseUnit: string): ModelComparisonRow[] {
  return fits.flatMap((c) => {
    const data = { concentration_nM: c.x, response: c.y };
    const cache = new Map<string, DoseResponseFit>();
    const once = (key: string, make: () => DoseResponseFit) => () => {
      let f = cache.get(key);
      if (!f) {
        f = make();
        cache.set(key, f);
      }
      return f;
    };
    const fourPl = once("4pl", () => fitDoseResponse(data, { model: "prism4" }));
    const pairs: Pair[] = [
      {
        simpler: "3PL (bottom = 0)",
        complex: "4PL",
        simplerFit: once("3pl-bottom", () => fitDoseResponse(data, { model: "3pl", fixed: { bottom: 0 } })),
        complexFit: fourPl,
      },
    ];
    // Top = 100 is only meaningful when responses are % of vehicle.
    if (responseUnit === "%") {
      pairs.push({
        simpler: "3PL (top = 100)",
        complex: "4PL",
        simplerFit: once("3pl-top", () => fitDoseResponse(data, { model: "3pl", fixed: { top: 100 } })),
        complexFit: fourPl,
      });
    }
    pairs.push({
      simpler: "4PL",
      complex: "5PL",
      simplerFit: fourPl,
      complexFit: once("5pl", () => fitDoseResponse(data, { model: "5pl" })),
    });
    return pairs.map((p) => comparePair(c.id, p));
  });
}

function comparePair(curve: string, p: Pair): ModelComparisonRow {
  const base = { curve, simpler: p.simpler, complex: p.complex };
  const s = p.simplerFit();
  const c = p.complexFit();
  const failed = [s.converged ? null : p.simpler, c.converged ? null : p.complex].filter((m) => m !== null);
  if (failed.length) {
    return {
      ...base,
      simplerSsr: s.converged ? s.ssr : null,
      complexSsr: c.converged ? c.ssr : null,
      fTest: null,
      aicc: null,
      preferredByFTest: null,
      note: `not compared: the ${failed.join(" and the ")} fit did not converge`,
    };
  }
  if (!(c.df > 0) || !(s.df > c.df)) {
    return {
      ...base,
      simplerSsr: s.ssr,
      complexSsr: c.ssr,
      fTest: null,
      aicc: null,
      preferredByFTest: null,
      note: `not compared: too few points (n = ${c.n}) for the ${p.complex}`,
    };
  }
  // With constrained fits, the complex model's SSR can only exceed the simpler's through a local minimum.
  const f = extraSumOfSquaresFTest(s, c);
  const a = compareByAicc(s, c);
  return {
    ...base,
    simplerSsr: s.ssr,
    complexSsr: c.ssr,
    fTest: { f: f.f, df1: f.dfNumerator, df2: f.dfDenominator, pValue: f.pValue },
    aicc: {
      simpler: a.aiccSimpler,
      complex: a.aiccComplex,
      difference: a.difference,
      probabilityComplex: a.probabilityComplex,
      preferred: a.preferred,
    },
    preferredByFTest: f.pValue < 0.05 ? "complex" : "simpler",
  };
}
