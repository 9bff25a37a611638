import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultStrength, nearestIndex, strengthLadder } from "./strength.ts";

describe("strength ladder", () => {
  it("steps 1, 1.5, 2, 3, 5, 7 per decade and ends on both bounds", () => {
    assert.deepEqual(strengthLadder(1, 20), [1, 1.5, 2, 3, 5, 7, 10, 15, 20]);
    assert.deepEqual(strengthLadder(1, 1000).slice(-4), [300, 500, 700, 1000]);
    assert.deepEqual(strengthLadder(1, 12), [1, 1.5, 2, 3, 5, 7, 10, 12]);
  });

  it("a switch turns on at 10-fold, or at the upper bound when that is lower", () => {
    assert.equal(defaultStrength(strengthLadder(1, 1000)), 10);
    assert.equal(defaultStrength(strengthLadder(1, 5)), 5);
  });

  it("finds the nearest step on the log scale", () => {
    const l = strengthLadder(1, 100);
    assert.equal(l[nearestIndex(l, 40)], 50);
    assert.equal(l[nearestIndex(l, 1.2)], 1);
  });
});
