import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { colocContract, doseResponseContract, optionsFromJson } from "@adclab/analyses";
import { doseResponseWithOneMoreOption as extended, TRIM_OPTION } from "@adclab/analyses/test-helpers";
import { formFields, formFromOptions, initialValues, optionsFromForm } from "./option-values.ts";

describe("an analysis's form, from its contract", () => {
  const fields = formFields(doseResponseContract, ["model", "compare"]);
  it("has a control per option, the named ones first, then the schema's order", () => {
    assert.deepEqual(fields.map((f) => f.key).slice(0, 3), ["model", "compare", "normalize"]);
    assert.equal(fields.length, Object.keys(doseResponseContract.options.shape).length);
  });
  it("starts at the schema's defaults and sends only what the user set", () => {
    const v = initialValues(fields);
    assert.equal(v.model, "ll4");
    assert.equal(v.robust, false);
    assert.deepEqual(optionsFromForm(fields, v), { model: "ll4" });
    const set = { ...v, compare: "A:B\n\n KPL-4:KPL-4 T-DM1R ", share: "hill, top", routQ: "2", ec: "50,90" };
    // ROUT's Q only counts with the robust fit ticked (the form disables it until then).
    assert.deepEqual(optionsFromForm(fields, set), {
      model: "ll4",
      compare: ["A:B", "KPL-4:KPL-4 T-DM1R"],
      share: ["hill", "top"],
      ec: "50,90",
    });
    assert.deepEqual(optionsFromForm(fields, { ...set, robust: true }).routQ, "2");
  });
  it("shows a stored analysis's options again", () => {
    const stored = { model: "prism4", compare: ["A:B", "A:C"], share: ["hill"], robust: true, ec: [50, 90] };
    const v = formFromOptions(fields, stored);
    assert.deepEqual(
      { model: v.model, compare: v.compare, share: v.share, robust: v.robust, ec: v.ec },
      { model: "prism4", compare: "A:B\nA:C", share: "hill", robust: true, ec: "50,90" },
    );
    assert.deepEqual(optionsFromForm(fields, v), { ...stored, ec: "50,90" });
  });
  it("an option added to the schema is a control that reaches the request", () => {
    const more = formFields(extended);
    const trim = more.find((f) => f.key === TRIM_OPTION.key);
    assert.equal(trim?.kind, "number");
    assert.equal(trim?.meta.label, "Trim fraction");
    assert.deepEqual(optionsFromForm(more, { ...initialValues(more), [TRIM_OPTION.key]: "0.1" })[TRIM_OPTION.key], 0.1);
  });
});

describe("the co-localization form, from its contract", () => {
  const fields = formFields(colocContract);
  it("sends a switch that is on by default only when it is turned off, and numbers as numbers", () => {
    const v = initialValues(fields);
    assert.equal(v.kendall, true);
    assert.equal(v.costesIterations, "100");
    assert.deepEqual(optionsFromForm(fields, v), {
      threshold: "costes",
      costesIterations: 100,
      psf: 3,
      seed: 1,
      frame: 1,
    });
    const off = optionsFromForm(fields, { ...v, kendall: false, perSlice: true, ch1: "2" });
    assert.deepEqual(
      { kendall: off.kendall, perSlice: off.perSlice, ch1: off.ch1 },
      { kendall: false, perSlice: true, ch1: "2" },
    );
    // what the form sends, the API takes: the same options as the CLI's defaults with --no-kendall
    assert.equal(optionsFromJson(colocContract, off).kendall, false);
    assert.deepEqual(formFromOptions(fields, { kendall: false }).kendall, false);
  });
});
