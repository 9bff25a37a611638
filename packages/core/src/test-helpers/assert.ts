/** Shared numeric assertions for tests (in the spirit of d3's inDelta). */
import assert from "node:assert/strict";

/** |actual − expected| ≤ rel·|expected| (+ abs for values near zero). */
export function assertClose(actual: number, expected: number, rel = 1e-12, abs = 0, message?: string): void {
  const tol = rel * Math.abs(expected) + abs;
  if (!(Math.abs(actual - expected) <= tol)) {
    assert.fail(
      `${message ? `${message}: ` : ""}expected ${expected} ± ${tol.toExponential(2)}, got ${actual} (diff ${(actual - expected).toExponential(3)})`,
    );
  }
}
