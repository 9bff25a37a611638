/** The dense linear algebra against cases whose answers are known in closed form. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import { choleskyInPlace, choleskySolveInPlace, invertSpd, solveDamped4 } from "./cholesky.ts";
import { invertInto } from "./inverse.ts";
import { luFactor, luSolve } from "./lu.ts";
import { gramInto, matVecInto } from "./products.ts";

const f64 = (...v: number[]) => Float64Array.from(v);
const closeAll = (actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number, abs: number, what: string) => {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) assertClose(actual[i]!, expected[i]!, rel, abs, `${what}[${i}]`);
};
/** The 3×3 Hilbert matrix H_ij = 1/(i+j+1) and its exact inverse. */
const HILBERT3 = f64(1, 1 / 2, 1 / 3, 1 / 2, 1 / 3, 1 / 4, 1 / 3, 1 / 4, 1 / 5);
const HILBERT3_INVERSE = f64(9, -36, 30, -36, 192, -180, 30, -180, 180);

describe("Cholesky", () => {
  it("factors [[4,12,−16],[12,37,−43],[−16,−43,98]] into L = [[2,0,0],[6,1,0],[−8,5,3]] exactly", () => {
    const a = f64(4, 12, -16, 12, 37, -43, -16, -43, 98);
    assert.equal(choleskyInPlace(a, 3), true);
    // lower triangle: L; upper triangle: A's, untouched
    assert.deepEqual(Array.from(a), [2, 12, -16, 6, 1, -43, -8, 5, 3]);
    const b = f64(-20, -43, 192); // A·(1, 2, 3)
    choleskySolveInPlace(a, 3, b);
    closeAll(b, [1, 2, 3], 1e-14, 1e-14, "x");
  });
  it("refuses a matrix that is not positive definite: indefinite, semidefinite, not finite", () => {
    assert.equal(choleskyInPlace(f64(1, 2, 2, 1), 2), false); // eigenvalues 3 and −1
    assert.equal(choleskyInPlace(f64(1, 1, 1, 1), 2), false); // eigenvalues 2 and 0
    assert.equal(choleskyInPlace(f64(0, 0, 0, 0), 2), false);
    assert.equal(choleskyInPlace(f64(Number.NaN, 0, 0, 1), 2), false);
    assert.equal(choleskyInPlace(f64(Number.POSITIVE_INFINITY, 0, 0, 1), 2), false);
  });
  it("inverts the Hilbert matrix (SPD, condition ≈ 524) to its exact integer inverse", () => {
    const inv = invertSpd(HILBERT3, 3);
    assert.ok(inv);
    closeAll(inv, HILBERT3_INVERSE, 1e-11, 0, "H⁻¹");
  });
  it("inverts parameters of very different scales (equilibrated) and rejects the near-singular", () => {
    const inv = invertSpd(f64(1e10, 0, 0, 1e-10), 2);
    assert.ok(inv);
    closeAll(inv, [1e-10, 0, 0, 1e10], 1e-15, 0, "diag⁻¹");
    assert.equal(invertSpd(f64(1, 1, 1, 1 + 1e-15), 2), null, "condition ≈ 4e15");
    assert.equal(invertSpd(f64(1, 2, 2, 1), 2), null, "indefinite");
    assert.equal(invertSpd(f64(0, 0, 0, 1), 2), null, "zero on the diagonal");
  });
  it("solveDamped4 solves (A + μ·diag(max(A_kk, floor)))·x = b", () => {
    const identity = f64(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
    const b = f64(1, -2, 3, -4);
    const x = new Float64Array(4);
    assert.equal(solveDamped4(identity, b, 0, 0, x), true);
    assert.deepEqual(Array.from(x), [1, -2, 3, -4]);
    assert.equal(solveDamped4(identity, b, 1, 0, x), true); // (I + I)·x = b, through √2·√2
    closeAll(x, [0.5, -1, 1.5, -2], 2e-16, 0, "x");
    const small = f64(1e-3, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
    assert.equal(solveDamped4(small, b, 1, 1, x), true); // the floor 1 damps the first entry: 1.001·x₀ = 1
    assertClose(x[0]!, 1 / 1.001, 1e-15, 0, "x0");
    assert.equal(solveDamped4(f64(1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1), b, 0, 0, x), false);
  });
});

describe("invertInto (Gauss–Jordan)", () => {
  it("inverts 2×2 matrices to 1/(ad − bc)·[[d, −b], [−c, a]], symmetric indefinite included", () => {
    const out = new Float64Array(4);
    const work = new Float64Array(4);
    assert.equal(invertInto(f64(4, 7, 2, 6), 2, out, work), true);
    closeAll(out, [0.6, -0.7, -0.2, 0.4], 1e-15, 1e-16, "[[4,7],[2,6]]⁻¹");
    assert.equal(invertInto(f64(1, 2, 2, 1), 2, out, work), true);
    closeAll(out, [-1 / 3, 2 / 3, 2 / 3, -1 / 3], 1e-15, 0, "[[1,2],[2,1]]⁻¹");
    assert.equal(invertInto(f64(0, 1, 1, 0), 2, out, work), true, "a zero leading entry needs a row swap");
    assert.deepEqual(Array.from(out), [0, 1, 1, 0]);
  });
  it("inverts the Hilbert matrix, leaves its input alone, and uses only the leading n×n block", () => {
    const a = Float64Array.from(HILBERT3);
    const out = new Float64Array(25);
    assert.equal(invertInto(a, 3, out, new Float64Array(25)), true);
    closeAll(out.subarray(0, 9), HILBERT3_INVERSE, 1e-12, 0, "H⁻¹");
    assert.deepEqual(Array.from(a), Array.from(HILBERT3));
  });
  it("reports a singular or not-a-number matrix", () => {
    const out = new Float64Array(4);
    const work = new Float64Array(4);
    assert.equal(invertInto(f64(1, 2, 2, 4), 2, out, work), false);
    assert.equal(invertInto(f64(0, 0, 0, 0), 2, out, work), false);
    assert.equal(invertInto(f64(Number.NaN, 0, 0, 1), 2, out, work), false);
  });
});

describe("LU", () => {
  it("solves Strang's [[2,1,1],[4,−6,0],[−2,7,2]]·x = (5,−2,9) to x = (1,1,2), pivoting", () => {
    const a = f64(2, 1, 1, 4, -6, 0, -2, 7, 2);
    const pivot = new Int32Array(3);
    assert.equal(luFactor(a, 3, pivot), true);
    assert.equal(pivot[0], 1, "the 4 is the first pivot");
    const b = f64(5, -2, 9);
    luSolve(a, 3, pivot, b);
    closeAll(b, [1, 1, 2], 1e-15, 1e-15, "x");
  });
});

describe("products", () => {
  it("matVecInto: a 2×3 matrix times a 3-vector", () => {
    const y = matVecInto(f64(1, 2, 3, 4, 5, 6), 2, 3, f64(1, 0, -1), new Float64Array(2));
    assert.deepEqual(Array.from(y), [-2, -2]);
  });
  it("gramInto: JᵀJ of a 3×2 matrix", () => {
    const out = gramInto(f64(1, 0, 0, 1, 1, 1), 3, 2, new Float64Array(4));
    assert.deepEqual(Array.from(out), [2, 1, 1, 2]);
    const g = gramInto(f64(1, 2, 3, 4, 5, 6), 3, 2, new Float64Array(4)); // columns (1,3,5), (2,4,6)
    assert.deepEqual(Array.from(g), [35, 44, 44, 56]);
  });
});
