/** --fix / --bounds / --share: what is accepted, and the InputError (with the flag as field) for what is not. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "@adclab/core";
import { resolveConstraints } from "./constraints.ts";
import { parseDoseResponseOptions } from "./contract.ts";
import type { DoseResponseOptionsInput } from "./options.ts";

function rejects(o: DoseResponseOptionsInput, field: string, message: RegExp): void {
  assert.throws(
    () => parseDoseResponseOptions(o),
    (e: unknown) => e instanceof InputError && e.location.field === field && message.test(e.message),
  );
}

describe("parameter constraints", () => {
  it("maps the model's names, case-insensitive, onto the engine's", () => {
    const o = parseDoseResponseOptions({ fix: ["B=2", "c=0"], bounds: ["e=0.1:10"], share: ["d"] });
    assert.deepEqual(
      o.constraints?.fix.map((f) => [f.parameter, f.value]),
      [
        ["hill", -2],
        ["bottom", 0],
      ],
    );
    assert.deepEqual(resolveConstraints(o.constraints!, 1e-3).bounds, { logIC50: [2, 4] }); // µM → log10 nM
    assert.deepEqual(o.constraints?.share, ["top"]);
    const p = parseDoseResponseOptions({ model: "5pl", fix: ["S=1"], bounds: ["HillSlope=:0", "top=90:"] });
    assert.deepEqual(p.constraints?.fix[0], { parameter: "asymmetry", value: 1, given: "S" });
    assert.deepEqual(
      p.constraints?.bounds.map((b) => [b.parameter, b.lower, b.upper]),
      [
        ["hill", Number.NEGATIVE_INFINITY, 0],
        ["top", 90, Number.POSITIVE_INFINITY],
      ],
    );
    // drc's b = −HillSlope: its bounds flip.
    const b = parseDoseResponseOptions({ bounds: ["b=0.5:3"] });
    assert.deepEqual([b.constraints?.bounds[0]?.lower, b.constraints?.bounds[0]?.upper], [-3, -0.5]);
    assert.equal(parseDoseResponseOptions({}).constraints, undefined);
  });

  it("rejects unknown names with the valid ones listed", () => {
    rejects({ fix: ["slope=1"] }, "--fix", /unknown parameter 'slope' for model ll4/);
    rejects({ model: "prism4", bounds: ["S=0:1"] }, "--bounds", /unknown parameter 'S' for model prism4/);
    rejects({ model: "prism4", share: ["b"] }, "--share", /unknown parameter/);
    try {
      parseDoseResponseOptions({ fix: ["slope=1"] });
    } catch (e) {
      assert.match(String((e as InputError).expected), /b, c, d, e/);
    }
  });

  it("rejects bad values and contradictions", () => {
    rejects({ fix: ["bottom"] }, "--fix", /PARAM=VALUE/);
    rejects({ fix: ["bottom=zero"] }, "--fix", /not a number/);
    rejects({ fix: ["bottom="] }, "--fix", /not a number/);
    rejects({ fix: ["ic50=-1"] }, "--fix", /positive/);
    rejects({ bounds: ["hill=2:1"] }, "--bounds", /lower bound is above/);
    rejects({ bounds: ["hill=:"] }, "--bounds", /at least one side/);
    rejects({ bounds: ["hill=1"] }, "--bounds", /LO:HI/);
    rejects({ bounds: ["top=a:3"] }, "--bounds", /not a number/);
    rejects({ fix: ["hill=-1"], bounds: ["b=0:2"] }, "--bounds", /both fixed and bounded/);
    rejects({ fix: ["hill=-1", "b=1"] }, "--fix", /fixed twice/);
    rejects({ fix: ["top=100"], share: ["top"] }, "--share", /already the same/);
    rejects({ fix: ["b=1", "c=0", "d=100", "e=3"] }, "--fix", /every parameter is fixed/);
    // The 3PL already fixes Bottom (at 0): fixing the other three leaves nothing; with Top fixed
    // instead, Bottom is free.
    rejects({ model: "3pl", fix: ["ic50=3", "hill=-1", "logIC50=0"] }, "--fix", /fixed twice/);
    rejects({ model: "3pl", fix: ["top=100", "bottom=0", "hill=-1", "logIC50=0"] }, "--fix", /every parameter/);
    assert.ok(parseDoseResponseOptions({ model: "3pl", fix: ["top=100", "hill=-1", "logIC50=0"] }).constraints);
    rejects({ model: "3pl", bounds: ["bottom=0:5"] }, "--bounds", /3PL holds Bottom fixed/);
    rejects({ model: "gr", fix: ["bottom=0"] }, "--fix", /not gr/);
    rejects({ fix: "bottom=0" as unknown as string[] }, "--fix", /list of text/);
  });

  it("refuses combinations whose numbers would not mean what they say", () => {
    rejects({ fix: ["bottom=0"], compareModels: true }, "--compare-models", /--fix/);
    rejects({ share: ["hill"], robust: true }, "--robust", /--share/);
    rejects({ share: ["hill"], reversal: ["A:B"] }, "--reversal", /--share/);
    assert.ok(parseDoseResponseOptions({ fix: ["bottom=0"], robust: true }).robust);
  });
});
