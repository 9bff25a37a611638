/**
 * Comparing nested least-squares fits: the extra-sum-of-squares F test and Akaike's criterion
 * with the small-sample correction (AICc). Definitions as in Motulsky & Christopoulos,
 * "Fitting models to biological data using linear and nonlinear regression" (GraphPad/OUP 2004),
 * chapters 21–22; R's anova() on two nls fits computes the same F and p.
 */
import { fUpperTail } from "./distributions.ts";

/** What a comparison needs from each fit. */
export interface LeastSquaresSummary {
  /** Residual sum of squares (weighted, if the fit was). */
  ssr: number;
  /** Residual degrees of freedom (n − number of fitted parameters). */
  df: number;
  /** Number of observations. */
  n: number;
}

export interface FTestResult {
  f: number;
  /** Numerator df = df(simpler) − df(complex). */
  dfNumerator: number;
  /** Denominator df = df(complex). */
  dfDenominator: number;
  pValue: number;
  /** Extra sum of squares SSR(simpler) − SSR(complex). */
  extraSsr: number;
}

/**
 * Extra-sum-of-squares F test of a simpler model nested in a more complex one (fitted to the same
 * data): F = ((SS₀ − SS₁)/(df₀ − df₁)) / (SS₁/df₁).
 */
export function extraSumOfSquaresFTest(simpler: LeastSquaresSummary, complex: LeastSquaresSummary): FTestResult {
  const dfNumerator = simpler.df - complex.df;
  if (!(dfNumerator > 0)) {
    throw new RangeError(
      `F test needs the simpler model to have more residual df (got ${simpler.df} vs ${complex.df})`,
    );
  }
  if (!(complex.df > 0)) throw new RangeError("F test needs residual degrees of freedom in the complex model");
  const extraSsr = simpler.ssr - complex.ssr;
  const f = extraSsr / dfNumerator / (complex.ssr / complex.df);
  return { f, dfNumerator, dfDenominator: complex.df, pValue: fUpperTail(f, dfNumerator, complex.df), extraSsr };
}

/**
 * Akaike's information criterion of a least-squares fit with Gaussian errors, counting the
 * variance as a parameter: AIC = n·ln(2π·SSR/n) + n + 2K, K = p + 1 — the value R's AIC() gives
 * for an nls fit. (Prism drops the constant n·ln(2π) + n; differences between models are the same.)
 */
export function leastSquaresAic(fit: LeastSquaresSummary): number {
  const k = fit.n - fit.df + 1;
  return fit.n * Math.log((2 * Math.PI * fit.ssr) / fit.n) + fit.n + 2 * k;
}

/** AICc = AIC + 2K(K + 1)/(n − K − 1) (Hurvich & Tsai 1989), K = p + 1. Infinite when n ≤ K + 1. */
export function leastSquaresAicc(fit: LeastSquaresSummary): number {
  const k = fit.n - fit.df + 1;
  const denominator = fit.n - k - 1;
  if (denominator <= 0) return Number.POSITIVE_INFINITY;
  return leastSquaresAic(fit) + (2 * k * (k + 1)) / denominator;
}

export interface AiccComparison {
  aiccSimpler: number;
  aiccComplex: number;
  /** AICc(simpler) − AICc(complex): positive favours the complex model. */
  difference: number;
  /** Akaike weight of the complex model: the probability it is the better of the two. */
  probabilityComplex: number;
  preferred: "simpler" | "complex";
}

/** Compares two fits to the same data by AICc (they need not be nested). */
export function compareByAicc(simpler: LeastSquaresSummary, complex: LeastSquaresSummary): AiccComparison {
  const aiccSimpler = leastSquaresAicc(simpler);
  const aiccComplex = leastSquaresAicc(complex);
  const difference = aiccSimpler - aiccComplex;
  const probabilityComplex = 1 / (1 + Math.exp(-0.5 * difference));
  return {
    aiccSimpler,
    aiccComplex,
    difference,
    probabilityComplex,
    preferred: difference > 0 ? "complex" : "simpler",
  };
}
