/**
 * F tests and AIC against R: the fTests of __fixtures__/dose-response-nls.json are R's anova() of
 * nested nls fits (scripts/fixtures/fit/dose-response-nls.R) — a LogIC50 shared across stacked
 * curves (nls with indexed parameters) vs separate ones, for the 4PL and for the 5PL (S per curve),
 * and 3PL/5PL vs 4PL on one curve.
 * p-values must agree to 1e-4 (relative, as the fixture's tolerances say), F and SSR to 1e-6.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { extraSumOfSquaresFTest, leastSquaresAic } from "../stats/model-comparison.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { type DoseResponseModelName, fitDoseResponse } from "./dose-response.ts";
import { testSharedParameter } from "./global-fit.ts";

interface FTestFixture {
  name: string;
  kind: string;
  datasets: number | number[];
  simpler: { ssr: number; df: number; aic?: number; params?: Record<string, number>; se?: Record<string, number> };
  complex: { ssr: number; df: number; aic?: number };
  f: number;
  p: number;
}
const fixture = JSON.parse(readFileSync(new URL("./__fixtures__/dose-response-nls.json", import.meta.url), "utf8")) as {
  tolerances: { pValue: number };
  datasets: { name: string; model: DoseResponseModelName; x: number[]; y: number[] }[];
  fTests: FTestFixture[];
};

for (const ft of fixture.fTests) {
  test(`F test agrees with R anova(): ${ft.name} (${ft.kind})`, () => {
    const idx = ([] as number[]).concat(ft.datasets);
    const data = idx.map((i) => ({ concentration_nM: fixture.datasets[i]!.x, response: fixture.datasets[i]!.y }));
    if (ft.kind === "shared LogIC50" || ft.kind === "shared LogIC50 (5PL)") {
      const model = ft.kind === "shared LogIC50" ? "prism4" : "5pl";
      const result = testSharedParameter(data, "logIC50", { model });
      assert.equal(result.shared.converged, true, result.shared.reason);
      assert.equal(result.separate.converged, true, result.separate.reason);
      assertClose(result.shared.ssr, ft.simpler.ssr, 1e-6);
      assertClose(result.separate.ssr, ft.complex.ssr, 1e-6);
      assert.equal(result.fTest.dfDenominator, ft.complex.df);
      assertClose(result.fTest.f, ft.f, 1e-5);
      assertClose(result.fTest.pValue, ft.p, fixture.tolerances.pValue);
      // The shared LogIC50 itself and its SE from the stacked nls.
      assertClose(result.shared.curves[0]!.params.logIC50, ft.simpler.params!.LogIC50!, 1e-4);
      assertClose(result.shared.curves[0]!.se.logIC50, ft.simpler.se!.LogIC50!, 1e-3);
      if (model === "5pl") {
        // Every curve's S and its SE in the shared fit (nls names them S1, S2, …).
        result.shared.curves.forEach((c, i) => {
          assertClose(c.params.asymmetry!, ft.simpler.params![`S${i + 1}`]!, 1e-4);
          assertClose(c.se.asymmetry!, ft.simpler.se![`S${i + 1}`]!, 1e-3);
        });
      }
    } else {
      const [simplerModel, complexModel] = ft.kind.split(" vs ") as [DoseResponseModelName, DoseResponseModelName];
      const simpler = fitDoseResponse(data[0]!, { model: simplerModel });
      const complex = fitDoseResponse(data[0]!, { model: complexModel });
      assertClose(simpler.ssr, ft.simpler.ssr, 1e-6);
      assertClose(complex.ssr, ft.complex.ssr, 1e-6);
      const f = extraSumOfSquaresFTest(simpler, complex);
      assertClose(f.f, ft.f, 1e-5);
      assertClose(f.pValue, ft.p, fixture.tolerances.pValue);
      assertClose(leastSquaresAic(simpler), ft.simpler.aic!, 1e-7);
      assertClose(leastSquaresAic(complex), ft.complex.aic!, 1e-7);
    }
  });
}
