/**
 * Profile-likelihood IC50 intervals against R (__fixtures__/dose-response-nls.json, made by
 * scripts/fixtures/fit/dose-response-nls.R). Two R references per dataset where R manages them:
 * `profileCi95Exact`, a root search (uniroot, tol 1e-12) on nls refits with the IC50 held fixed
 * — the same definition as ours, so it must agree to 1e-6 in log10 — and MASS::confint.nls,
 * which interpolates a coarse profile with a spline and is only good to a few 1e-3.
 * Profile intervals are invariant under reparameterisation, so R's interval for drc's e is
 * compared with ours for LogIC50 after log10.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import { type DoseResponseModelName, fitDoseResponse } from "./dose-response.ts";
import { profileIc50Interval } from "./profile.ts";

interface Dataset {
  name: string;
  model: DoseResponseModelName;
  x: number[];
  y: number[];
  r: {
    profileParameter: "e" | "LogIC50" | null;
    profileCi95: [number | null, number | null] | null;
    profileCi95Exact: [number | null, number | null] | null;
  };
}
const fixture = JSON.parse(readFileSync(new URL("./__fixtures__/dose-response-nls.json", import.meta.url), "utf8")) as {
  datasets: Dataset[];
};

const toLog10 = (ds: Dataset, v: number | null) =>
  v === null ? null : ds.r.profileParameter === "e" ? Math.log10(v) : v;

const withReference = fixture.datasets.filter(
  (d) => d.r.profileCi95Exact?.some((v) => v !== null) || d.r.profileCi95?.some((v) => v !== null),
);

test("R gave a profile reference for at least 12 datasets", () => {
  assert.ok(withReference.length >= 12, `${withReference.length}`);
});

for (const ds of withReference) {
  test(`profile CI of the IC50 agrees with R: ${ds.name}`, () => {
    const data = { concentration_nM: ds.x, response: ds.y };
    const fit = fitDoseResponse(data, { model: ds.model });
    const profile = profileIc50Interval(data, fit, { model: ds.model });
    for (let side = 0; side < 2; side++) {
      const exact = toLog10(ds, ds.r.profileCi95Exact?.[side] ?? null);
      if (exact !== null) assertClose(profile.ciLog10[side]!, exact, 0, 1e-6, `exact side ${side}`);
      const spline = toLog10(ds, ds.r.profileCi95?.[side] ?? null);
      if (spline !== null) assertClose(profile.ciLog10[side]!, spline, 0, 3e-3, `confint side ${side}`);
    }
    assertClose(profile.ci_nM[0], 10 ** profile.ciLog10[0], 1e-12);
  });
}

test("an incomplete curve gets an open upper profile limit, not an invented number", () => {
  // Noise-free falling curve whose IC50 (3000 nM) lies beyond the top dose (1000 nM), plus noise.
  const x = [1, 3, 10, 30, 100, 300, 1000];
  const y = x.map((v, i) => 100 / (1 + v / 3000) + (i % 2 ? 2 : -2));
  const data = { concentration_nM: x, response: y };
  const fit = fitDoseResponse(data, { fixed: { bottom: 0, top: 100 } });
  const profile = profileIc50Interval(data, fit, { fixed: { bottom: 0, top: 100 } });
  assert.ok(Number.isFinite(profile.ciLog10[0]));
  assert.ok(profile.ciLog10[1] > Math.log10(1000));
});
