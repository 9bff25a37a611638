import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mannWhitneyU } from "../stats/mann-whitney.ts";
import { welchTTest } from "../stats/welch.ts";
import { compareConditions } from "./compare.ts";

describe("comparison of conditions per chase time", () => {
  const parental2 = [0.71, 0.65, 0.8, 0.77, 0.69, 0.74];
  const resistant2 = [0.52, 0.48, 0.61, 0.45, 0.58];
  const parental6 = [0.82, 0.79, 0.85];
  const resistant6 = [0.6];
  const values = [
    ...parental2.map((value) => ({ condition: "parental", time_h: 2, value })),
    ...resistant2.map((value) => ({ condition: "resistant", time_h: 2, value })),
    ...parental6.map((value) => ({ condition: "parental", time_h: 6, value })),
    ...resistant6.map((value) => ({ condition: "resistant", time_h: 6, value })),
    { condition: "resistant", time_h: 2, value: Number.NaN },
  ];
  const rows = compareConditions(values, "parental");

  it("gives one row per time and non-reference condition, cells counted, NaN cells left out", () => {
    assert.deepEqual(
      rows.map((r) => [r.time_h, r.condition, r.nReference, r.nCondition]),
      [
        [2, "resistant", 6, 5],
        [6, "resistant", 3, 1],
      ],
    );
  });
  it("tests condition against reference with Mann–Whitney and Welch (direction: condition − reference)", () => {
    const r = rows[0];
    assert.ok(r);
    const mw = mannWhitneyU(resistant2, parental2);
    const w = welchTTest(resistant2, parental2);
    assert.equal(r.mannWhitneyP, mw.pValue);
    assert.equal(r.rankBiserial, -1); // every resistant cell is below every parental cell
    assert.equal(r.welchP, w.pValue);
    assert.ok((r.meanDifference as number) < 0 && (r.ciHigh as number) < 0);
  });
  it("leaves Welch empty when a group has a single cell", () => {
    assert.equal(rows[1]?.welchP, null);
    assert.equal(rows[1]?.hedgesG, null);
  });
  it("names the missing reference condition", () => {
    assert.throws(
      () => compareConditions(values, "wild-type"),
      /no cells of the reference condition 'wild-type'.*expected parental, resistant/,
    );
  });
});
