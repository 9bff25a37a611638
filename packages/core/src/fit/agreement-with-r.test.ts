/**
 * Agreement with R's nls on the datasets of __fixtures__/dose-response-nls.json (made by
 * scripts/fixtures/fit/dose-response-nls.R: R datasets DNase and Puromycin plus seeded synthetic
 * curves). Each curve is fitted here with fitDoseResponse in the same model and compared, in the
 * parameterisation R fitted, with R's estimates (relative 1e-4, or 1e-4 of a standard error for
 * estimates near zero) and R's summary.nls standard errors (relative 1e-3).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import { type DoseResponseModelName, fitDoseResponse } from "./dose-response.ts";

interface RFit {
  converged: boolean;
  params: Record<string, number>;
  se: Record<string, number>;
  ssr: number;
  df: number;
  aic: number;
  profileCi95: [number | null, number | null] | null;
}
interface Dataset {
  name: string;
  model: DoseResponseModelName;
  x: number[];
  y: number[];
  /** nls weights (weighted SSR), when the dataset is a weighted fit. */
  weights: number[] | null;
  r: RFit;
}
export const nlsFixture = JSON.parse(
  readFileSync(new URL("./__fixtures__/dose-response-nls.json", import.meta.url), "utf8"),
) as {
  tolerances: { params: number; se: number; pValue: number };
  datasets: Dataset[];
  fTests: unknown[];
};

test("at least 20 datasets, R converged on them", () => {
  assert.ok(nlsFixture.datasets.length >= 20);
  assert.ok(nlsFixture.datasets.every((d) => d.r.converged));
});

for (const ds of nlsFixture.datasets) {
  test(`agrees with R nls: ${ds.name} (${ds.model})`, () => {
    const fit = fitDoseResponse(
      { concentration_nM: ds.x, response: ds.y },
      { model: ds.model, weights: ds.weights ?? undefined },
    );
    assert.equal(fit.converged, true, fit.reason);
    const { params: tolP, se: tolSe } = nlsFixture.tolerances;
    for (const [name, expected] of Object.entries(ds.r.params)) {
      const k = fit.native.names.indexOf(name);
      assert.ok(k >= 0, `parameter ${name} missing`);
      const se = ds.r.se[name]!;
      assertClose(fit.native.values[k]!, expected, tolP, tolP * se, `${ds.name}: ${name}`);
      assertClose(fit.native.se[k]!, se, tolSe, 0, `${ds.name}: SE(${name})`);
    }
    assertClose(fit.ssr, ds.r.ssr, 1e-8, 0, `${ds.name}: SSR`);
    assert.equal(fit.df, ds.r.df);
  });
}
