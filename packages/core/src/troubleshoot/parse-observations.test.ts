import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../errors/input-error.ts";
import { parseObservationSet, parseObservedValue } from "./parse-observations.ts";

function inputError(fn: () => unknown, pattern: RegExp): InputError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof InputError, `expected an InputError, got ${e}`);
    assert.match(e.message, pattern);
    return e;
  }
  assert.fail("no error thrown");
}

describe("parsing observations", () => {
  it("takes bare numbers, values with units, percent for ratios and yes/no", () => {
    const set = parseObservationSet({
      cell_line: "BT-474",
      observations: {
        tdm1_ic50_fold: 25,
        surface_her2_ratio: { value: 30, unit: "%" },
        lysosomal_ph_shift: { value: "0.8", unit: "pH" },
        tubulin_mutation_found: "no",
      },
    });
    assert.equal(set.cellLine, "BT-474");
    assert.deepEqual(set.observations, [
      { id: "tdm1_ic50_fold", value: 25 },
      { id: "surface_her2_ratio", value: 0.3 },
      { id: "lysosomal_ph_shift", value: 0.8 },
      { id: "tubulin_mutation_found", value: 0 },
    ]);
  });

  it("takes both lines' raw read-outs and forms the ratio (or the pH difference)", () => {
    const set = parseObservationSet({
      observations: {
        tdm1_ic50_fold: { resistant: 100, parental: 2, unit: "nM" },
        lysosomal_ph_shift: { resistant: 5.5, parental: 4.7 },
      },
    });
    assert.equal(set.observations[0]!.value, 50);
    assert.ok(Math.abs(set.observations[1]!.value - 0.8) < 1e-12);
    inputError(
      () => parseObservationSet({ observations: { tdm1_ic50_fold: { resistant: 100, parental: 0 } } }),
      /must both be positive/,
    );
  });

  it("takes the list form", () => {
    const set = parseObservationSet({ observations: [{ id: "free_dm1_ic50_fold", value: 1.2, unit: "fold" }] });
    assert.deepEqual(set.observations, [{ id: "free_dm1_ic50_fold", value: 1.2 }]);
  });

  it("rejects an unknown observation, naming it and the vocabulary", () => {
    const e = inputError(() => parseObservedValue("tdm1_ic50", 3), /unknown observation 'tdm1_ic50'/);
    assert.equal(e.location.field, "observations.tdm1_ic50");
    assert.match(e.expected ?? "", /tdm1_ic50_fold/);
  });

  it("rejects a value out of range (a likely typo)", () => {
    const e = inputError(() => parseObservedValue("surface_her2_ratio", 250), /out of range/);
    assert.equal(e.location.field, "observations.surface_her2_ratio");
    inputError(() => parseObservedValue("tdm1_ic50_fold", -2), /out of range/);
    inputError(() => parseObservedValue("lysosomal_ph_shift", 7.2), /out of range/);
  });

  it("rejects a wrong unit, saying what the observation is", () => {
    const e = inputError(() => parseObservedValue("tdm1_ic50_fold", 100, "nM"), /wrong unit 'nM' for tdm1_ic50_fold/);
    assert.match(e.expected ?? "", /fold/);
    inputError(() => parseObservedValue("lysosomal_ph_shift", 0.5, "%"), /wrong unit/);
  });

  it("rejects non-numbers and bad yes/no answers", () => {
    inputError(() => parseObservedValue("tdm1_ic50_fold", "high"), /must be a number/);
    inputError(() => parseObservedValue("tubulin_mutation_found", "maybe"), /yes\/no/);
  });

  it("rejects contradictions: the same result twice with different values", () => {
    inputError(
      () =>
        parseObservationSet({
          observations: [
            { id: "tdm1_ic50_fold", value: 20 },
            { id: "tdm1_ic50_fold", value: 3 },
          ],
        }),
      /contradiction: tdm1_ic50_fold is given twice/,
    );
  });

  it("rejects contradictions: an inhibitor restoring more sensitivity than the resistance there is", () => {
    const e = inputError(
      () => parseObservationSet({ observations: { tdm1_ic50_fold: 5, verapamil_reversal_fold: 100 } }),
      /contradiction: verapamil_reversal_fold = 100/,
    );
    assert.equal(e.location.field, "observations.verapamil_reversal_fold");
  });

  it("rejects a malformed document with the path of the problem", () => {
    const e = inputError(() => parseObservationSet({ observation: {} }), /observation file/);
    assert.ok(e.location.field);
    inputError(() => parseObservationSet({ observations: {} }), /no observations/);
  });
});
