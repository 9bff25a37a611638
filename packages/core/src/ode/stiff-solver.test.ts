/**
 * Rodas5 solver on problems with analytic solutions (the reference is the closed form), plus its
 * contracts: dense output between steps, tStops / onStop, Jacobian choice, errors and reuse.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../errors/input-error.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { createStiffSolver, solveStiff } from "./stiff-solver.ts";
import { hires } from "./stiff-test-problems.ts";
import { OdeError, type OdeSystem } from "./types.ts";

const linspace = (a: number, b: number, m: number) => Array.from({ length: m }, (_, i) => a + ((b - a) * i) / (m - 1));

test("exponential decay y' = −3y matches e^(−3t) at rtol 1e-8, including dense-output times", () => {
  const sys: OdeSystem = {
    n: 1,
    autonomous: true,
    rhs: (_t, y, out) => {
      out[0] = -3 * y[0]!;
    },
  };
  const tOut = linspace(0, 2, 201);
  const r = solveStiff(sys, [1], 0, 2, { rtol: 1e-8, atol: 1e-14, tOut });
  // Far more output times than steps: most outputs come from the continuous extension.
  assert.ok(r.stats.accepted < tOut.length / 2, `accepted ${r.stats.accepted}`);
  for (let i = 0; i < tOut.length; i++) assertClose(r.at(i)[0]!, Math.exp(-3 * tOut[i]!), 2e-8, 0, `t=${tOut[i]}`);
  assert.deepEqual(Array.from(r.t), tOut);
});

/**
 * y' = A y with A = [[−2, 1], [998, −999]]: eigenvalues −1 and −1000 (stiffness ratio 1000),
 * eigenvectors (1, 1) and (1, −998). With y(0) = (2, 1): y = c1 (1,1) e^(−t) + c2 (1,−998) e^(−1000t),
 * c2 = 1/999, c1 = 2 − 1/999.
 */
const stiffLinear: OdeSystem = {
  n: 2,
  autonomous: true,
  rhs: (_t, y, out) => {
    out[0] = -2 * y[0]! + y[1]!;
    out[1] = 998 * y[0]! - 999 * y[1]!;
  },
};
function stiffLinearExact(t: number): [number, number] {
  const c2 = 1 / 999;
  const c1 = 2 - c2;
  return [c1 * Math.exp(-t) + c2 * Math.exp(-1000 * t), c1 * Math.exp(-t) - 998 * c2 * Math.exp(-1000 * t)];
}

test("stiff linear system (eigenvalues −1, −1000) matches its closed form at all output times", () => {
  const tOut = [...linspace(0, 0.01, 21), ...linspace(0.05, 10, 200)];
  for (const rtol of [1e-6, 1e-9]) {
    const r = solveStiff(stiffLinear, [2, 1], 0, 10, { rtol, atol: rtol * 1e-3, tOut });
    for (let i = 0; i < tOut.length; i++) {
      const [e1, e2] = stiffLinearExact(tOut[i]!);
      assertClose(r.at(i)[0]!, e1, 20 * rtol, 0, `y1 t=${tOut[i]} rtol=${rtol}`);
      assertClose(r.at(i)[1]!, e2, 20 * rtol, 0, `y2 t=${tOut[i]} rtol=${rtol}`);
    }
    // An explicit method's stability limit (h ≲ 3/1000) would force > 3000 steps over [0, 10].
    assert.ok(r.stats.accepted < 400, `rtol=${rtol}: ${r.stats.accepted} steps`);
  }
});

test("the step is 5th order and the dense output converges at the same rate (fixed steps)", () => {
  // Harmonic oscillator, exact (cos t, −sin t); loose tolerances + h0 = hMax force constant steps.
  const osc: OdeSystem = {
    n: 2,
    autonomous: true,
    rhs: (_t, y, out) => {
      out[0] = y[1]!;
      out[1] = -y[0]!;
    },
  };
  const errors = (h: number) => {
    const m = Math.round(1 / h);
    const tOut = Array.from({ length: m }, (_, i) => (i + 0.37) * h);
    tOut.push(1);
    const r = solveStiff(osc, [1, 0], 0, 1, { rtol: 1e3, atol: 1e3, h0: h, hMax: h, tOut });
    assert.equal(r.stats.accepted, m);
    let dense = 0;
    for (let i = 0; i < m; i++) dense = Math.max(dense, Math.abs(r.at(i)[0]! - Math.cos(tOut[i]!)));
    return { end: Math.abs(r.at(m)[0]! - Math.cos(1)), dense };
  };
  const coarse = errors(0.1);
  const fine = errors(0.05);
  const orderEnd = Math.log2(coarse.end / fine.end);
  const orderDense = Math.log2(coarse.dense / fine.dense);
  assert.ok(orderEnd > 4.7 && orderEnd < 5.5, `observed order ${orderEnd}`);
  assert.ok(orderDense > 3.8, `observed dense-output order ${orderDense}`);
  assert.ok(fine.dense < 1e-10, `dense error ${fine.dense}`);
});

test("analytic and finite-difference Jacobians give the same HIRES trajectory", () => {
  const tOut = linspace(0, hires.tEnd, 11);
  const opts = { rtol: 1e-9, atol: 1e-13, tOut };
  const analytic = solveStiff(hires.system, hires.y0, 0, hires.tEnd, opts);
  const fd = solveStiff({ n: 8, autonomous: true, rhs: hires.system.rhs }, hires.y0, 0, hires.tEnd, opts);
  for (let i = 0; i < tOut.length; i++) {
    for (let j = 0; j < 8; j++) assertClose(fd.at(i)[j]!, analytic.at(i)[j]!, 1e-7, 1e-15, `t=${tOut[i]} y${j + 1}`);
  }
  // With an analytic Jacobian no rhs evaluations are spent on columns of J.
  assert.ok(analytic.stats.rhsEvals < fd.stats.rhsEvals);
  assert.equal(analytic.stats.jacEvals, analytic.stats.accepted);
});

/**
 * A 1-h drug pulse into a cell compartment: medium D' = −k1 D + infusion, cell C' = k1 D − k2 C.
 * Here: constant infusion u = 1 for t < 1, then 0; D(0) = C(0) = 0 and, for t ≥ 1, wash-out (D = 0).
 */
const k1 = 2;
const k2 = 0.5;
const pulse: OdeSystem = {
  n: 2,
  rhs: (t, y, out) => {
    const infusion = t < 1 ? 1 : 0;
    out[0] = -k1 * y[0]! + infusion;
    out[1] = k1 * y[0]! - k2 * y[1]!;
  },
};
/** Closed form during the pulse (D(0) = C(0) = 0, constant infusion 1). */
function pulseExact(t: number): [number, number] {
  const d = (1 - Math.exp(-k1 * t)) / k1;
  // C solves C' = 1 − e^(−k1 t) − k2 C: C = (1 − e^(−k2 t))/k2 − (e^(−k1 t) − e^(−k2 t))/(k2 − k1).
  const c = (1 - Math.exp(-k2 * t)) / k2 - (Math.exp(-k1 * t) - Math.exp(-k2 * t)) / (k2 - k1);
  return [d, c];
}

test("tStops: the solver steps exactly onto a discontinuity and onStop applies a wash-out", () => {
  const tOut = [0, 0.5, 1, 2, 5];
  const r = solveStiff(pulse, [0, 0], 0, 5, {
    rtol: 1e-9,
    atol: 1e-12,
    tOut,
    tStops: [1],
    onStop: (t, y) => {
      assert.equal(t, 1); // exactly on the stop
      y[0] = 0; // wash-out: the medium is replaced
    },
  });
  const [d1, c1] = pulseExact(1);
  for (const [i, t] of tOut.entries()) {
    const [d, c] = t <= 1 ? pulseExact(t) : [0, c1 * Math.exp(-k2 * (t - 1))]; // after wash-out C decays alone
    // Row at t = 1 is the left limit (before onStop), so D(1) there is the pulse value.
    assertClose(r.at(i)[0]!, d, 1e-8, 1e-13, `D t=${t}`);
    assertClose(r.at(i)[1]!, c, 1e-8, 1e-13, `C t=${t}`);
  }
  assertClose(r.at(2)[0]!, d1, 1e-8);
});

test("tStops keeps a step from straddling the discontinuity (fewer rejections, better accuracy)", () => {
  const opts = { rtol: 1e-8, atol: 1e-12, tOut: [0, 1, 3] };
  const withStop = solveStiff(pulse, [0, 0], 0, 3, { ...opts, tStops: [1] });
  const without = solveStiff(pulse, [0, 0], 0, 3, opts);
  assert.ok(withStop.stats.rejected <= without.stats.rejected);
  const [, c1] = pulseExact(1);
  assertClose(withStop.at(1)[1]!, c1, 1e-8);
});

test("a non-finite right-hand side raises an OdeError naming t and h", () => {
  const blowsUp: OdeSystem = {
    n: 1,
    rhs: (t, y, out) => {
      out[0] = t > 0.5 ? Number.NaN : -y[0]!;
    },
  };
  assert.throws(
    () => solveStiff(blowsUp, [1], 0, 1),
    (e: unknown) =>
      e instanceof OdeError && /non-finite/.test(e.message) && /t=0\.5/.test(e.message) && /h=/.test(e.message),
  );
  const nanAtStart: OdeSystem = { n: 2, rhs: (_t, _y, out) => out.fill(Number.NaN) };
  assert.throws(
    () => solveStiff(nanAtStart, [1, 1], 0, 1),
    (e: unknown) => e instanceof OdeError && /non-finite \(component 0 = NaN\) at t=0/.test(e.message),
  );
});

test("a rhs that is NaN outside its domain makes the solver shrink the step, not fail", () => {
  // y' = −√y, y(0) = 1: y = (1 − t/2)² until t = 2. Near t = 2 trial stages overshoot into y < 0,
  // where √y is NaN; those attempts are retried with smaller steps (counted below, not assumed).
  let nanEvaluations = 0;
  const sqrtDecay: OdeSystem = {
    n: 1,
    autonomous: true,
    rhs: (_t, y, out) => {
      out[0] = -Math.sqrt(y[0]!);
      if (Number.isNaN(out[0])) nanEvaluations++;
    },
  };
  const r = solveStiff(sqrtDecay, [1], 0, 1.99, { rtol: 1e-3, atol: 1e-9 });
  assert.ok(nanEvaluations > 0, "the test should provoke NaN stages");
  assertClose(r.at(1)[0]!, (1 - 1.99 / 2) ** 2, 1e-2); // rtol 1e-3 → measured 8e-4 relative
  // Past t = 2 the solution stops at y = 0, where the equation is not Lipschitz: a clear OdeError.
  assert.throws(
    () => solveStiff(sqrtDecay, [1], 0, 2.5, { rtol: 1e-3, atol: 1e-9 }),
    (e: unknown) =>
      e instanceof OdeError && /step size underflow at t=2\.0/.test(e.message) && /non-finite/.test(e.message),
  );
});

test("maxSteps raises an OdeError that says so, with t and h", () => {
  assert.throws(
    () => solveStiff(stiffLinear, [2, 1], 0, 10, { rtol: 1e-10, maxSteps: 10 }),
    (e: unknown) =>
      e instanceof OdeError && /maximum number of steps \(10\) reached at t=/.test(e.message) && e.t > 0 && e.h > 0,
  );
});

test("hMax caps the step and a per-state atol is honoured", () => {
  const r = solveStiff(stiffLinear, [2, 1], 0, 10, { hMax: 0.25, atol: Float64Array.of(1e-12, 1e-12) });
  assert.ok(r.stats.accepted >= 40, `${r.stats.accepted} steps for a span of 10 with hMax 0.25`);
  const [e1, e2] = stiffLinearExact(10);
  assertClose(r.at(1)[0]!, e1, 1e-5);
  assertClose(r.at(1)[1]!, e2, 1e-5);
  assert.throws(
    () => solveStiff(stiffLinear, [2, 1], 0, 1, { atol: Float64Array.of(1e-9) }),
    (e: unknown) => e instanceof InputError && /atol has 1 values but the system has 2 states/.test(e.message),
  );
});

test("bad arguments are InputErrors naming the field", () => {
  const bad: [unknown[], RegExp][] = [
    [[[1], 0, 1, { rtol: 0 }], /rtol/],
    [[[1, 2], 0, 1, {}], /y0 has 2 values/],
    [[[Number.NaN], 0, 1, {}], /y0\[0\]/],
    [[[1], 1, 0, {}], /tEnd/],
    [[[1], 0, 1, { tOut: [0, 2] }], /tOut\[1\] = 2 is outside/],
    [[[1], 0, 1, { tOut: [0.5, 0.2] }], /ascending/],
  ];
  const sys: OdeSystem = {
    n: 1,
    rhs: (_t, y, out) => {
      out[0] = -y[0]!;
    },
  };
  for (const [args, re] of bad) {
    assert.throws(
      () => (solveStiff as (...a: unknown[]) => unknown)(sys, ...args),
      (e: unknown) => e instanceof InputError && re.test(e.message),
    );
  }
});

test("a reused solver gives bit-identical results and t0 = tEnd returns y0", () => {
  const solver = createStiffSolver(2);
  const a = solver.solve(stiffLinear, [2, 1], 0, 3, { tOut: linspace(0, 3, 7) });
  solver.solve(pulse, [0, 0], 0, 2, { tStops: [1] }); // different system in between
  const b = solver.solve(stiffLinear, [2, 1], 0, 3, { tOut: linspace(0, 3, 7) });
  assert.deepEqual(Array.from(b.y), Array.from(a.y));
  assert.deepEqual(b.stats, a.stats);
  const same = solver.solve(stiffLinear, [2, 1], 4, 4);
  assert.deepEqual(Array.from(same.y), [2, 1, 2, 1]);
});
