/**
 * The unrolled 4PL sweep and 4×4 solver are fast paths of general code that the R agreement tests
 * check; here they are held to the general code itself: the same numbers, bit for bit, so the
 * R agreement carries over.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { choleskyInPlace, choleskySolveInPlace, solveDamped4 } from "../linalg/cholesky.ts";
import { curveProblem, solveLeastSquares } from "./levenberg-marquardt.ts";
import { logDoses, prism4LogDoseModel } from "./models.ts";
import { Prism4LogDoseProblem } from "./prism4-problem.ts";

const doses = new Float64Array([0, 0, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 100]);
const logX = logDoses(doses);
const y = new Float64Array([101, 98, 99, 97, 93, 80, 55, 31, 18, 12, 9.5, 11]);
const weights = new Float64Array([1, 2, 1, 0.5, 1, 1, 3, 1, 1, 1, 0.25, 1]);

test("accumulateNormal gives the SSR, JᵀWJ and JᵀW·r of the definition, from the model's own gradient", () => {
  const problem = new Prism4LogDoseProblem(logX, y);
  const normal = new Float64Array(16);
  const gradient = new Float64Array(4);
  const grad = new Float64Array(4);
  // Falling, rising and flat (HillSlope 0: the zero-dose point sits half-way) curves.
  for (const p of [
    [10, 100, -0.3, -1.2],
    [5, 90, 0.4, 2.5],
    [0, 100, 0, 0],
    [20, 95, 3, -40],
  ]) {
    const params = Float64Array.from(p);
    const ssr = problem.accumulateNormal(params, weights, normal, gradient);
    let s = 0;
    const n = new Float64Array(16);
    const g = new Float64Array(4);
    for (let i = 0; i < doses.length; i++) {
      const r = y[i]! - prism4LogDoseModel.valueAndGradient!(logX[i]!, params, grad);
      s += weights[i]! * r * r;
      for (let a = 0; a < 4; a++) {
        const ga = weights[i]! * grad[a]!;
        g[a] = g[a]! + ga * r;
        for (let b = 0; b <= a; b++) n[a * 4 + b] = n[a * 4 + b]! + ga * grad[b]!;
      }
    }
    for (let a = 0; a < 4; a++) for (let b = a + 1; b < 4; b++) n[a * 4 + b] = n[b * 4 + a]!;
    assert.equal(ssr, s);
    assert.deepEqual(Array.from(gradient), Array.from(g));
    assert.deepEqual(Array.from(normal), Array.from(n));
  }
});

test("fits through the unrolled 4PL problem equal fits through the generic curve problem", () => {
  const generic = curveProblem(prism4LogDoseModel, logX, y);
  const fast = new Prism4LogDoseProblem(logX, y);
  const cases = [
    {},
    { weights },
    { fixed: [true, false, false, false] }, // 3PL: Bottom held
    { lower: [-Infinity, -Infinity, -Infinity, -1], upper: [Infinity, 100, Infinity, Infinity] }, // bounds that bind
  ];
  for (const options of cases) {
    const a = solveLeastSquares(generic, [8, 100, 0, -1], options);
    const b = solveLeastSquares(fast, [8, 100, 0, -1], options);
    assert.equal(b.reason, a.reason);
    assert.equal(b.iterations, a.iterations);
    assert.equal(b.ssr, a.ssr);
    assert.deepEqual(Array.from(b.params), Array.from(a.params));
    assert.deepEqual(Array.from(b.standardErrors), Array.from(a.standardErrors));
    assert.deepEqual(b.atBound, a.atBound);
  }
});

test("solveDamped4 equals Cholesky factor-and-solve of the damped matrix, and refuses what is not positive definite", () => {
  let seed = 7;
  const next = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647 - 0.5;
  };
  const x = new Float64Array(4);
  for (let trial = 0; trial < 200; trial++) {
    // A = BᵀB with columns of very different scale (plateaus in %, LogIC50 and HillSlope near 1).
    const b = Array.from({ length: 16 }, next);
    const scale = [1, 1, 300, 30];
    const a = new Float64Array(16);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        let s = 0;
        for (let k = 0; k < 4; k++) s += b[k * 4 + i]! * scale[i]! * b[k * 4 + j]! * scale[j]!;
        a[i * 4 + j] = s;
      }
    }
    const rhs = Float64Array.from([next(), next(), next(), next()]);
    const mu = trial % 3 === 0 ? 0 : 10 ** (4 * next() * 2);
    const floor = 1e-12 * Math.max(a[0]!, a[5]!, a[10]!, a[15]!);
    const damped = a.slice();
    for (let k = 0; k < 4; k++) damped[k * 5] = a[k * 5]! + mu * Math.max(a[k * 5]!, floor);
    const expected = rhs.slice();
    const ok = choleskyInPlace(damped, 4);
    if (ok) choleskySolveInPlace(damped, 4, expected);
    assert.equal(solveDamped4(a, rhs, mu, floor, x), ok);
    if (ok) assert.deepEqual(Array.from(x), Array.from(expected));
  }
  // Indefinite: diag(1, −1, 1, 1).
  const indefinite = Float64Array.from([1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  assert.equal(solveDamped4(indefinite, Float64Array.from([1, 1, 1, 1]), 0, 0, x), false);
});
