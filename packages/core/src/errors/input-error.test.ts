import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError, isInputError } from "./input-error.ts";

describe("InputError", () => {
  it("names file, row and column, and says what was expected and what came", () => {
    const e = new InputError("not a number", {
      file: "plate.csv",
      row: 4,
      column: "conc",
      expected: "a number",
      got: "abc",
    });
    assert.equal(e.message, `plate.csv, row 4, column 'conc': not a number (expected a number, got "abc")`);
    assert.ok(isInputError(e));
    assert.deepEqual(e.location, { file: "plate.csv", row: 4, column: "conc" });
  });
  it("works with a field only, or nothing", () => {
    assert.equal(new InputError("must be > 0", { field: "--time" }).message, "--time: must be > 0");
    assert.equal(new InputError("empty file").message, "empty file");
  });
  it("at() adds location known later (the file) without losing what was known", () => {
    const e = new InputError("bad unit", { row: 3, column: 2 }).at({ file: "x.tsv", row: 99 });
    assert.equal(e.message, "x.tsv, row 3, column 2: bad unit");
  });
  it("serialises to JSON for the API", () => {
    const j = new InputError("unknown mechanism", { field: "mechanism", expected: "one of a, b", got: "c" }).toJSON();
    assert.deepEqual(j, {
      error: "input",
      message: `mechanism: unknown mechanism (expected one of a, b, got "c")`,
      problem: "unknown mechanism",
      field: "mechanism",
      expected: "one of a, b",
      got: `"c"`,
    });
  });
});
