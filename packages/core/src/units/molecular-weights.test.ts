import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import { MOLECULAR_WEIGHTS, molecularWeightOfFormula } from "./molecular-weights.ts";

describe("molecular weights", () => {
  it("small molecules match their formula to 0.1 g/mol", () => {
    for (const [name, mw] of Object.entries(MOLECULAR_WEIGHTS)) {
      if (!("formula" in mw)) continue;
      assertClose(mw.value, molecularWeightOfFormula(mw.formula), 0, 0.1, name);
    }
  });
  it("water is 18.015 g/mol (formula reader sanity check)", () => {
    const h2o = 2 * 1.008 + 15.999;
    assertClose(molecularWeightOfFormula("H2O"), h2o, 1e-12);
  });
  it("T-DM1 is the label's 148.5 kDa and within 0.5 % of Scheuher's 148,781 g/mol", () => {
    assert.equal(MOLECULAR_WEIGHTS["T-DM1"].value, 148500);
    assert.ok(Math.abs(148781 / MOLECULAR_WEIGHTS["T-DM1"].value - 1) < 0.005);
  });
  it("every entry names its source", () => {
    for (const mw of Object.values(MOLECULAR_WEIGHTS)) assert.ok(mw.source.length > 10);
  });
});
