import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../errors/input-error.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { convertQuantity } from "./convert-quantity.ts";

const API = { quantity: "quantity", to: "to", compound: "compound", mw_g_per_mol: "mw_g_per_mol" };

/** The error is an InputError whose message (as the CLI and API print it) matches. */
const message = (re: RegExp) => (e: unknown) => e instanceof InputError && re.test(e.message);

describe("convertQuantity (shared by the CLI and the API)", () => {
  it("10 µg/mL of T-DM1 is 67.34 nM (1e4 / 148,500 × 1e3, by hand) and states the weight's source", () => {
    const r = convertQuantity({ quantity: "10ug/mL", to: "nM", compound: "T-DM1" }, API);
    assert.deepEqual(r.input, { value: 10, unit: "µg/mL" });
    assert.equal(r.output.unit, "nM");
    assertClose(r.output.value, 1e4 / 148.5, 1e-12);
    assert.equal(r.molecularWeight_g_per_mol, 148500);
    assert.match(r.molecularWeightSource ?? "", /Kadcyla/);
  });
  it("a given weight overrides the compound, and a string weight is read as a number", () => {
    const r = convertQuantity({ quantity: "1nM", to: "ng/mL", compound: "DM1", mw_g_per_mol: "148781" }, API);
    assertClose(r.output.value, 148.781, 1e-12);
    assert.equal(r.molecularWeightSource, "given with mw_g_per_mol");
  });
  it("molar to molar needs no weight and reports none", () => {
    const r = convertQuantity({ quantity: "250 nM", to: "uM" }, API);
    assert.equal(r.output.unit, "µM");
    assertClose(r.output.value, 0.25, 1e-15);
    assert.equal("molecularWeight_g_per_mol" in r, false);
  });
  it("names the field as the caller calls it", () => {
    const cli = { quantity: "<quantity>", to: "--to", compound: "--compound", mw_g_per_mol: "--mw" };
    assert.throws(
      () => convertQuantity({ quantity: "1nM", to: "furlong" }, cli),
      message(/^--to: unknown unit 'furlong' \(expected M, mM/),
    );
    assert.throws(
      () => convertQuantity({ quantity: "1nM", to: "ng/mL", compound: "aspirin" }, cli),
      message(/^--compound: unknown compound 'aspirin' \(expected T-DM1, trastuzumab/),
    );
    assert.throws(
      () => convertQuantity({ quantity: "1nM", to: "ng/mL", mw_g_per_mol: "abc" }, cli),
      message(/^--mw: not a molecular weight \(expected a positive number of g\/mol, got "abc"\)/),
    );
    assert.throws(() => convertQuantity({ quantity: "1nM", to: "ng/mL", mw_g_per_mol: -1 }, API), InputError);
    assert.throws(
      () => convertQuantity({ quantity: "10ug/mL", to: "nM" }, cli),
      message(/^<quantity>: cannot convert µg\/mL to molar without a molecular weight/),
    );
  });
});
