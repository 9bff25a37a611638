import assert from "node:assert/strict";
import { test } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import { absoluteEffectiveConcentration, effectiveConcentration, predictResponse, summariseCurve } from "./derived.ts";
import { fitDoseResponse } from "./dose-response.ts";

const x = [0, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 300];
const noise = [1.2, -0.8, 0.5, -1.5, 0.9, 0.3, -0.6, 1.1, -0.4, 0.7, -1.0];
const y = x.map((v, i) => 8 + 92 / (1 + (v / 0.8) ** 1.3) + noise[i]!);
const fit = fitDoseResponse({ concentration_nM: x, response: y }, { model: "prism4" });

test("relative EC_F follows Prism's ECanything formula EC_F = EC50·(F/(100 − F))^(1/|HillSlope|)", () => {
  const ec90 = effectiveConcentration(fit, 90);
  const h = Math.abs(fit.params.hill);
  assertClose(ec90.value_nM, fit.params.ic50_nM * 9 ** (1 / h), 1e-10);
  // …and the fitted curve is 90 % of the way from Top to Bottom there.
  const { top, bottom } = fit.params;
  assertClose(predictResponse(fit, ec90.value_nM), top - 0.9 * (top - bottom), 1e-9);
  const ec50 = effectiveConcentration(fit, 50);
  assertClose(ec50.value_nM, fit.params.ic50_nM, 1e-12);
  // EC50's delta-method SE is the SE of LogIC50 itself.
  assertClose(ec50.seLog10, fit.se.logIC50, 1e-5);
  assert.ok(ec90.ci95_nM && ec90.ci95_nM[0] < ec90.value_nM && ec90.value_nM < ec90.ci95_nM[1]);
});

test("absolute IC50 is where the fitted curve crosses 50; undefined when it never does", () => {
  const abs50 = absoluteEffectiveConcentration(fit, 50);
  assert.equal(abs50.defined, true);
  assertClose(predictResponse(fit, abs50.value_nM), 50, 1e-9);
  const never = absoluteEffectiveConcentration(fit, 2); // below Bottom ≈ 8
  assert.equal(never.defined, false);
  assert.ok(Number.isNaN(never.value_nM));
});

test("AUC over log10 dose matches the closed-form integral of the 4PL", () => {
  // ∫ 1/(1 + 10^((L − X)h)) dX = X + log10(1 + 10^((L − X)h))/h  (differentiate to check).
  const { bottom, top, logIC50: L, hill: h } = fit.params;
  const F = (X: number) => bottom * X + (top - bottom) * (X + Math.log10(1 + 10 ** ((L - X) * h)) / h);
  const [lo, hi] = fit.testedRange_nM;
  const s = summariseCurve(fit);
  assertClose(s.auc, F(Math.log10(hi)) - F(Math.log10(lo)), 1e-10);
  assertClose(s.meanResponse, s.auc / (Math.log10(hi) - Math.log10(lo)), 1e-12);
  assertClose(s.emax, predictResponse(fit, 300), 1e-12);
  assert.equal(s.einf, fit.params.bottom);
});

test("5PL: EC50 is the midpoint parameter; EC_F solves the asymmetric curve", () => {
  const y5 = x.map((v, i) => 5 + 95 / (1 + (v / 0.5) ** 1.5) ** 0.6 + noise[i]!);
  const fit5 = fitDoseResponse({ concentration_nM: x, response: y5 }, { model: "5pl" });
  const { top, bottom } = fit5.params;
  assertClose(predictResponse(fit5, fit5.params.ic50_nM), (top + bottom) / 2, 1e-9);
  const ec20 = effectiveConcentration(fit5, 20);
  assertClose(predictResponse(fit5, ec20.value_nM), top - 0.2 * (top - bottom), 1e-9);
});

test("an EC beyond the tested range is reported as a limit with a qualifier", () => {
  const ec999 = effectiveConcentration(fit, 99.99);
  assert.equal(ec999.qualifier, ">");
  assert.equal(ec999.value_nM, 300);
  assert.equal(ec999.ci95_nM, null);
});
