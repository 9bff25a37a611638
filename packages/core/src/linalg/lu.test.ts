/** Dense LU with partial pivoting: solves checked against a known solution (x chosen, b = A·x). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { createRng } from "../random/rng.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { luFactor, luSolve } from "./lu.ts";
import { matVecInto } from "./products.ts";

const matVec = (a: Float64Array, n: number, x: Float64Array) => matVecInto(a, n, n, x, new Float64Array(n));

test("LU solves random well-conditioned systems of sizes 1–41 to near machine precision", () => {
  const rng = createRng(7);
  for (const n of [1, 2, 3, 5, 8, 17, 40, 41]) {
    const a = new Float64Array(n * n);
    for (let i = 0; i < n * n; i++) a[i] = rng.normal();
    for (let i = 0; i < n; i++) a[i * n + i]! += 2 * Math.sqrt(n); // keep it well conditioned
    const x = Float64Array.from({ length: n }, () => rng.normal());
    const b = matVec(a, n, x);
    const pivot = new Int32Array(n);
    assert.equal(luFactor(a, n, pivot), true);
    luSolve(a, n, pivot, b);
    for (let i = 0; i < n; i++) assertClose(b[i]!, x[i]!, 1e-12, 1e-12, `n=${n} x${i}`);
  }
});

test("LU pivots: a zero leading entry is no problem, an exactly singular matrix is reported", () => {
  // [[0, 1], [1, 0]] needs a row swap; x = (3, −2) → b = (−2, 3).
  const a = Float64Array.of(0, 1, 1, 0);
  const pivot = new Int32Array(2);
  assert.equal(luFactor(a, 2, pivot), true);
  const b = Float64Array.of(-2, 3);
  luSolve(a, 2, pivot, b);
  assert.deepEqual(Array.from(b), [3, -2]);
  assert.equal(luFactor(Float64Array.of(1, 2, 2, 4), 2, pivot), false);
});
