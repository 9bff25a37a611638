import assert from "node:assert/strict";
import { test } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import type { CurveModel } from "./curve-model.ts";
import { levenbergMarquardt } from "./levenberg-marquardt.ts";
import { ll4Model, prism4Model, prism5Model } from "./models.ts";

const line: CurveModel = {
  name: "line",
  parameterNames: ["a", "b"],
  value: (x, p) => p[0]! + p[1]! * x,
  gradient: (_x, _p, out) => {
    out[0] = 1;
    out[1] = _x;
  },
};

test("a straight line gives the closed-form OLS estimates and standard errors", () => {
  const x = new Float64Array([1, 2, 3, 4, 5, 6]);
  const y = new Float64Array([2.1, 3.9, 6.2, 7.8, 10.1, 12.2]);
  const r = levenbergMarquardt(line, x, y, new Float64Array([0, 0]));
  // Analytic: b = Sxy/Sxx, a = ȳ − b·x̄, SE(b) = s/√Sxx, SE(a) = s·√(1/n + x̄²/Sxx).
  const n = x.length;
  const xm = x.reduce((s, v) => s + v, 0) / n;
  const ym = y.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - xm) ** 2;
    sxy += (x[i]! - xm) * (y[i]! - ym);
  }
  const b = sxy / sxx;
  const a = ym - b * xm;
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += (y[i]! - a - b * x[i]!) ** 2;
  const s = Math.sqrt(ssr / (n - 2));
  assert.equal(r.converged, true);
  assertClose(r.params[0]!, a, 1e-8, 1e-8);
  assertClose(r.params[1]!, b, 1e-10);
  assertClose(r.ssr, ssr, 1e-10);
  assertClose(r.standardErrors[1]!, s / Math.sqrt(sxx), 1e-8);
  assertClose(r.standardErrors[0]!, s * Math.sqrt(1 / n + (xm * xm) / sxx), 1e-8);
  assert.equal(r.df, 4);
});

test("analytic gradients of the dose–response models match central differences", () => {
  const cases: [CurveModel, number[]][] = [
    [ll4Model, [1.3, 4, 97, 25]],
    [ll4Model, [-0.7, 4, 97, 25]],
    [prism4Model, [4, 97, 1.4, -1.3]],
    [prism5Model, [4, 97, 1.4, -1.3, 0.6]],
    [prism5Model, [4, 97, 1.4, 2.1, 1.7]],
  ];
  for (const [model, params] of cases) {
    const p = Float64Array.from(params);
    const g = new Float64Array(p.length);
    for (const x of [0.3, 7, 25, 90, 2000]) {
      model.gradient!(x, p, g);
      for (let k = 0; k < p.length; k++) {
        const h = 1e-6 * Math.max(1, Math.abs(p[k]!));
        const up = Float64Array.from(p);
        const down = Float64Array.from(p);
        up[k] = p[k]! + h;
        down[k] = p[k]! - h;
        const numeric = (model.value(x, up) - model.value(x, down)) / (2 * h);
        assertClose(g[k]!, numeric, 1e-6, 1e-7, `${model.name} ∂/∂${model.parameterNames[k]} at x=${x}`);
      }
    }
  }
});

test("x = 0 sits on the low-dose plateau (drc's convention) with finite gradients", () => {
  const g = new Float64Array(4);
  assert.equal(ll4Model.value(0, Float64Array.from([1.2, 5, 100, 30])), 100);
  assert.equal(ll4Model.value(0, Float64Array.from([-1.2, 5, 100, 30])), 5);
  assert.equal(prism4Model.value(0, Float64Array.from([5, 100, 1.5, -1])), 100);
  ll4Model.gradient!(0, Float64Array.from([1.2, 5, 100, 30]), g);
  assert.deepEqual(Array.from(g), [0, 0, 1, 0]);
});

test("noise-free LL.4 data are recovered exactly from a poor start", () => {
  const truth = Float64Array.from([1.7, 3, 98, 42]);
  const x = Float64Array.from([0, 1, 3, 10, 30, 100, 300, 1000, 3000]);
  const y = x.map((v) => ll4Model.value(v, truth));
  const r = levenbergMarquardt(ll4Model, x, y, Float64Array.from([1, 0, 90, 100]));
  assert.equal(r.converged, true, r.reason);
  for (let k = 0; k < 4; k++) assertClose(r.params[k]!, truth[k]!, 1e-7);
});

test("fixed parameters stay put and bounds are respected, with the bound reported", () => {
  const truth = Float64Array.from([4, 97, 1.4, -1.3]);
  const x = Float64Array.from([0.3, 1, 3, 10, 30, 100, 300, 1000]);
  const y = x.map((v, i) => prism4Model.value(v, truth) + (i % 2 ? 1.5 : -1.5));
  const fixed = levenbergMarquardt(prism4Model, x, y, Float64Array.from([0, 100, 1, -1]), {
    fixed: [true, false, false, false],
  });
  assert.equal(fixed.params[0], 0);
  assert.equal(fixed.df, 5);
  assert.equal(fixed.standardErrors[0], 0);
  const bounded = levenbergMarquardt(prism4Model, x, y, Float64Array.from([0, 100, 1, -1]), {
    upper: [Number.POSITIVE_INFINITY, 95, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
  });
  assert.equal(bounded.params[1], 95);
  assert.deepEqual(bounded.atBound, [false, true, false, false]);
  assert.equal(bounded.converged, true, bounded.reason);
});

test("a model that is not finite at the start fails with a reason, not an exception", () => {
  const x = Float64Array.from([1, 2, 3, 4, 5]);
  const y = Float64Array.from([1, 2, 3, 4, 5]);
  const r = levenbergMarquardt(ll4Model, x, y, Float64Array.from([Number.NaN, 0, 1, 1]));
  assert.equal(r.converged, false);
  assert.equal(r.reason, "model not finite at the starting values");
});
