import assert from "node:assert/strict";
import { test } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import { compareByAicc, extraSumOfSquaresFTest, leastSquaresAic, leastSquaresAicc } from "./model-comparison.ts";

// Hand computation: n = 12 points; 3-parameter fit SSR 50 (df 9), 4-parameter fit SSR 30 (df 8).
// AIC = n·ln(2π·SSR/n) + n + 2K with K = p + 1; AICc adds 2K(K+1)/(n − K − 1) (Hurvich & Tsai 1989).
const simpler = { n: 12, df: 9, ssr: 50 };
const complex = { n: 12, df: 8, ssr: 30 };

test("AIC and AICc of a least-squares fit by the textbook formulas", () => {
  const aic3 = 12 * Math.log((2 * Math.PI * 50) / 12) + 12 + 2 * 4;
  assertClose(leastSquaresAic(simpler), aic3, 1e-14);
  assertClose(leastSquaresAicc(simpler), aic3 + (2 * 4 * 5) / (12 - 4 - 1), 1e-14);
  assert.equal(leastSquaresAicc({ n: 5, df: 1, ssr: 1 }), Number.POSITIVE_INFINITY);
});

test("AICc comparison: difference, Akaike weight and preference", () => {
  const c = compareByAicc(simpler, complex);
  const d = leastSquaresAicc(simpler) - leastSquaresAicc(complex);
  assertClose(c.difference, d, 1e-14);
  assertClose(
    c.probabilityComplex,
    Math.exp(-leastSquaresAicc(complex) / 2) /
      (Math.exp(-leastSquaresAicc(simpler) / 2) + Math.exp(-leastSquaresAicc(complex) / 2)),
    1e-12,
  );
  assert.equal(c.preferred, d > 0 ? "complex" : "simpler");
});

test("extra-sum-of-squares F and its errors", () => {
  const f = extraSumOfSquaresFTest(simpler, complex);
  assertClose(f.f, (50 - 30) / 1 / (30 / 8), 1e-14);
  assert.equal(f.dfNumerator, 1);
  assert.equal(f.dfDenominator, 8);
  assert.throws(() => extraSumOfSquaresFTest(complex, simpler), RangeError);
});
