import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../errors/input-error.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { fitDoseResponse } from "./dose-response.ts";
import { ll4Model } from "./models.ts";

const doses = [0, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000];

function ll4Data(b: number, c: number, d: number, e: number, x = doses) {
  const p = Float64Array.from([b, c, d, e]);
  return { concentration_nM: x, response: x.map((v) => ll4Model.value(v, p)) };
}

test("noise-free LL.4 data: the generating parameters come back in both parameterisations", () => {
  const fit = fitDoseResponse(ll4Data(1.4, 6, 101, 23));
  assert.equal(fit.converged, true, fit.reason);
  assertClose(fit.params.ic50_nM, 23, 1e-7);
  assertClose(fit.params.hill, -1.4, 1e-7);
  assertClose(fit.params.bottom, 6, 1e-7);
  assertClose(fit.params.top, 101, 1e-7);
  assert.deepEqual(fit.native.names, ["b", "c", "d", "e"]);
  assertClose(fit.native.values[0]!, 1.4, 1e-7);
  assertClose(fit.native.values[3]!, 23, 1e-7);
  assert.equal(fit.ic50.qualifier, "=");
});

test("an IC50 above the highest dose is reported as '> max tested', never extrapolated", () => {
  const x = [0, 1, 3, 10, 30, 100, 300, 1000];
  const data = ll4Data(1, 0, 100, 5000, x);
  const fit = fitDoseResponse(data);
  assert.equal(fit.ic50.qualifier, ">");
  assert.equal(fit.ic50.value_nM, 1000);
  assert.equal(fit.ic50.ci95_nM, null);
  assert.ok(fit.flags.includes("ic50-above-range"));
  assert.ok(fit.flags.includes("bottom-undefined"));
});

test("3PL fixes Bottom at 0 by default; fixed Top is honoured", () => {
  const data = ll4Data(1.1, 0, 100, 40);
  const three = fitDoseResponse(data, { model: "3pl" });
  assert.equal(three.params.bottom, 0);
  assert.equal(three.se.bottom, 0);
  assert.deepEqual(three.fixed, ["bottom"]);
  assert.equal(three.df, data.response.length - 3);
  const topFixed = fitDoseResponse(data, { model: "3pl", fixed: { top: 100 } });
  assert.equal(topFixed.params.top, 100);
  assertClose(topFixed.params.ic50_nM, 40, 1e-6);
});

test("5PL recovers symmetric data with S = 1", () => {
  const fit = fitDoseResponse(ll4Data(1.2, 3, 97, 15), { model: "5pl" });
  assert.equal(fit.converged, true, fit.reason);
  assertClose(fit.params.asymmetry!, 1, 1e-5);
  assertClose(fit.params.ic50_nM, 15, 1e-5);
});

test("bad input is an InputError naming the field", () => {
  assert.throws(
    () => fitDoseResponse({ concentration_nM: [1, 2, 3], response: [1, 2, 3] }),
    (e: unknown) => e instanceof InputError && e.location.field === "concentration_nM",
  );
  assert.throws(
    () => fitDoseResponse({ concentration_nM: [1, 2, -3, 4, 5], response: [1, 2, 3, 4, 5] }),
    (e: unknown) => e instanceof InputError && e.location.field === "concentration_nM[2]",
  );
  assert.throws(
    () => fitDoseResponse({ concentration_nM: [1, 2, 3, 4], response: [1, 2, Number.NaN, 4] }),
    (e: unknown) => e instanceof InputError && e.location.field === "response[2]",
  );
  assert.throws(
    () => fitDoseResponse(ll4Data(1, 0, 100, 10), { fixed: { slope: 1 } }),
    (e: unknown) => e instanceof InputError && e.location.field === "fixed.slope",
  );
});

test("a fixed LogIC50 stays fixed even when the fitter has to retry from other starts", () => {
  // A far-off fixed IC50 makes the first attempt struggle; whatever happens, LogIC50 must not move.
  const data = ll4Data(1.4, 6, 101, 23);
  for (const logIC50 of [-3, 4, 6]) {
    const fit = fitDoseResponse(data, { model: "prism4", fixed: { logIC50 } });
    assert.equal(fit.params.logIC50, logIC50);
    assert.equal(fit.se.logIC50, 0);
  }
});

test("options.profile adds the profile-likelihood CI next to the asymptotic one", () => {
  const x = [0, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000];
  const wiggle = [1.5, -2, 0.8, -1.1, 2.2, -0.4, 1.0, -1.7, 0.3, -0.9];
  const y = x.map((v, i) => 5 + 95 / (1 + (v / 20) ** 1.1) + wiggle[i]!);
  const plain = fitDoseResponse({ concentration_nM: x, response: y });
  assert.equal(plain.ic50.profileCi95_nM, undefined);
  const withProfile = fitDoseResponse({ concentration_nM: x, response: y }, { profile: true });
  const [lo, hi] = withProfile.ic50.profileCi95_nM!;
  assert.ok(lo < withProfile.ic50.value_nM && withProfile.ic50.value_nM < hi);
  // Same order as the asymptotic interval (both are 95 % intervals of the same estimate).
  const [alo, ahi] = withProfile.ic50.ci95_nM!;
  assert.ok(Math.abs(Math.log10(lo / alo)) < 0.2 && Math.abs(Math.log10(hi / ahi)) < 0.2);
});

test("bounds constrain the fit and are reported when active", () => {
  const data = ll4Data(2.5, 6, 101, 23);
  const fit = fitDoseResponse(data, { model: "prism4", bounds: { hill: [-1.5, 0] } });
  assert.equal(fit.params.hill, -1.5);
  assert.ok(fit.flags.includes("at-bound:hill"));
  assert.equal(fit.converged, true, fit.reason);
  assert.throws(
    () => fitDoseResponse(data, { bounds: { hill: [1, -1] } }),
    (e: unknown) => e instanceof InputError && e.location.field === "bounds.hill",
  );
});

test("a flat curve has no IC50 in the tested range: '> highest dose' with the no-effect flag", () => {
  const fit = fitDoseResponse({ concentration_nM: [0, 1, 10, 100, 1000], response: [100, 100, 100, 100, 100] });
  assert.equal(fit.ic50.qualifier, ">");
  assert.equal(fit.ic50.value_nM, 1000);
  assert.equal(fit.ic50.ci95_nM, null);
  assert.ok(fit.flags.includes("no-effect"));
});

test("a step between two doses gives the IC50 without a CI (it is only known to lie between them)", () => {
  const fit = fitDoseResponse({ concentration_nM: [1, 3, 10, 30, 100, 300], response: [100, 100, 100, 0, 0, 0] });
  assert.ok(fit.flags.includes("transition-between-doses"));
  assert.equal(fit.ic50.ci95_nM, null);
  assert.ok(fit.ic50.value_nM > 10 && fit.ic50.value_nM < 30);
});
