import assert from "node:assert/strict";
import { test } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import { fitDoseResponse } from "./dose-response.ts";
import { fitDoseResponseRobust, robustSdOfResiduals } from "./robust.ts";

const doses = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 300];
const x = doses.flatMap((d) => [d, d, d]);
// Deterministic "noise" of SD ≈ 2 around a 4PL, IC50 2 nM.
const noise = x.map((_, i) => 2 * Math.sin(i * 2.3) * Math.cos(i * 0.7));
const clean = x.map((v, i) => 5 + 95 / (1 + v / 2) + noise[i]!);

test("RSDR is the 68.27th percentile of |r| scaled by N/(N − K)", () => {
  // |r| = 1..10, quantile type 7 at 0.6827: 1 + 9·0.6827 = 7.1443; × 10/(10 − 4).
  const r = [1, -2, 3, -4, 5, -6, 7, -8, 9, -10];
  assertClose(robustSdOfResiduals(r, 4), (7.1443 * 10) / 6, 1e-12);
});

test("clean data: no outliers, the ordinary fit is returned", () => {
  const r = fitDoseResponseRobust({ concentration_nM: x, response: clean });
  assert.deepEqual(r.outliers, []);
  assert.equal(r.fit.ssr, fitDoseResponse({ concentration_nM: x, response: clean }).ssr);
});

test("a gross outlier is found and the reported fit is least squares without it", () => {
  const bad = clean.slice();
  bad[13] = bad[13]! + 60; // a mis-pipetted well at 10 nM
  const r = fitDoseResponseRobust({ concentration_nM: x, response: bad });
  assert.deepEqual(r.outliers, [13]);
  const without = fitDoseResponse({
    concentration_nM: x.filter((_, i) => i !== 13),
    response: bad.filter((_, i) => i !== 13),
  });
  assertClose(r.fit.params.ic50_nM, without.params.ic50_nM, 1e-12);
  assert.ok(r.fit.flags.includes("outliers-removed:1"));
  // The robust fit itself is barely pulled by the outlier, unlike least squares on all points.
  const ls = fitDoseResponse({ concentration_nM: x, response: bad });
  assert.ok(Math.abs(Math.log10(r.robust.params.ic50_nM / 2)) < Math.abs(Math.log10(ls.params.ic50_nM / 2)));
});
