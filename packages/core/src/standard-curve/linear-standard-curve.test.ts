/**
 * Behaviour of the straight-line standard curve beyond the reference numbers (those are in
 * agreement-with-chemcal.test.ts): range flags, refused inputs and methods that do not apply.
 * Data: Massart et al. (1997) example 7 (x 0–50, y = 4.0 … 105.2), exact lines built here.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../errors/input-error.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { fitLinearStandardCurve, limitsOf, predictAmount } from "./linear-standard-curve.ts";

const x = Float64Array.of(0, 10, 20, 30, 40, 50);
const y = Float64Array.of(4.0, 21.2, 44.6, 61.8, 78.0, 105.2);

test("an unknown below the lowest or above the highest calibrator is reported as < or > that limit, with no CI", () => {
  const sc = fitLinearStandardCurve(x, y, { model: "linear", weights: "none" });
  const below = predictAmount(sc, [0.5]);
  assert.equal(below.qualifier, "<");
  assert.equal(below.value, 0);
  assert.equal(below.ci, null);
  assert.equal(below.standardError, null);
  const above = predictAmount(sc, [130]);
  assert.equal(above.qualifier, ">");
  assert.equal(above.value, 50);
  assert.equal(above.ci, null);
  const inside = predictAmount(sc, [60]);
  assert.equal(inside.qualifier, "=");
  assertClose(inside.value, (60 - sc.curve.intercept) / sc.curve.slope, 1e-14);
});

test("back-calculated calibrators of an exact line are their nominal amounts; a zero calibrator has no relative error", () => {
  const exact = Float64Array.from(x, (v) => 2 + 3 * v);
  const sc = fitLinearStandardCurve(x, exact, { model: "linear", weights: "none" });
  for (let i = 0; i < x.length; i++) assertClose(sc.backCalculated[i]!, x[i]!, 1e-12, 1e-12);
  assert.ok(Number.isNaN(sc.relativeError_percent[0]!));
  for (let i = 1; i < x.length; i++) assert.ok(Math.abs(sc.relativeError_percent[i]!) < 1e-10);
});

test("fewer levels than the model needs is an InputError naming the number of levels", () => {
  assert.throws(
    () =>
      fitLinearStandardCurve(Float64Array.of(1, 1, 2, 2), Float64Array.of(1, 1.1, 2, 2.1), {
        model: "linear",
        weights: "none",
      }),
    (e: unknown) => e instanceof InputError && /3 or more levels/.test(e.message) && /got: 2|2/.test(e.message),
  );
  assert.throws(
    () =>
      fitLinearStandardCurve(Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3.2), {
        model: "quadratic",
        weights: "none",
      }),
    /4 or more levels/,
  );
});

test("weights 1/x with a zero calibrator, a negative amount and a missing sample weight are InputErrors", () => {
  assert.throws(
    () => fitLinearStandardCurve(x, y, { model: "linear", weights: "1/x" }),
    (e: unknown) => e instanceof InputError && /amount > 0/.test(e.message),
  );
  assert.throws(
    () =>
      fitLinearStandardCurve(Float64Array.of(-1, 10, 20), Float64Array.of(1, 2, 3), {
        model: "linear",
        weights: "none",
      }),
    (e: unknown) => e instanceof InputError && /row 1/.test(e.message),
  );
  const sc = fitLinearStandardCurve(x, y, {
    model: "linear",
    weights: { scheme: "explicit", weights: Float64Array.of(1, 1, 2, 2, 3, 3) },
  });
  assert.throws(
    () => predictAmount(sc, [50]),
    (e: unknown) => e instanceof InputError && /sample's weight/.test(e.message),
  );
});

test("a quadratic that turns inside the range is flagged", () => {
  const xs = Float64Array.of(1, 2, 3, 4, 5, 6);
  const ys = Float64Array.from(xs, (v) => 10 * v - v * v + (v % 2) * 0.01);
  const sc = fitLinearStandardCurve(xs, ys, { model: "quadratic", weights: "none" });
  assert.equal(sc.flags.length, 1);
  assert.match(sc.flags[0]!, /turns inside the calibrated range/);
});

test("limits that the calibration cannot support say why, by method", () => {
  const xs = Float64Array.of(1, 2, 5, 10, 20, 50);
  const ys = Float64Array.of(1.1, 2.0, 5.2, 9.7, 20.5, 49.0);
  const weighted = limitsOf(fitLinearStandardCurve(xs, ys, { model: "linear", weights: "1/x2" }));
  const byMethod = Object.fromEntries(weighted.detection.map((l) => [l.method, l]));
  assert.equal(byMethod["blank-sd"]!.amount, null);
  assert.match(byMethod["blank-sd"]!.unavailable!, /2 or more blank/);
  assert.match(byMethod["residual-sd"]!.unavailable!, /unweighted curves only/);
  assert.match(byMethod["din-32645"]!.unavailable!, /constant response variance/);
  const loqDin = weighted.quantification.find((l) => l.method === "din-32645")!;
  assert.ok(loqDin.amount! > 0, "the DIN LOQ of a weighted curve uses the weighting at the LOQ");
  const unweighted = limitsOf(fitLinearStandardCurve(xs, ys, { model: "linear", weights: "none" }), {
    blanks: [0.1, -0.2, 0.05],
  });
  for (const l of [...unweighted.detection, ...unweighted.quantification]) {
    assert.ok(l.amount !== null && l.amount > 0, `${l.method}: ${l.unavailable}`);
    assert.ok(l.definition.length > 20);
  }
});
