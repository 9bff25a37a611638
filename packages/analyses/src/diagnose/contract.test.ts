import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diagnose, InputError, OBSERVATION_IDS, parseObservationSet } from "@adclab/core";
import { optionsFromFlags, optionsFromJson, optionsFromValues } from "../contract/check.ts";
import { optionFields } from "../contract/fields.ts";
import { diagnoseContract, diagnoseObservationSet, diagnosisOptions, runDiagnosis } from "./contract.ts";

const throwsInput = (f: () => unknown, message: string) =>
  assert.throws(f, (e: unknown) => e instanceof InputError && e.message === message);

// examples/observations/kpl4-tdm1r.json, cut to two results.
const DOC = {
  cell_line: "SK-BR-3",
  observations: [
    { id: "tdm1_ic50_fold", value: 1000 },
    { id: "mdr1_mrna_ratio", value: 10 },
  ],
};

describe("the diagnose contract's options", () => {
  it("are the parental line (text) and the draws (a whole number from 10 to 100000), with their flags", () => {
    const fields = optionFields(diagnoseContract);
    assert.deepEqual(
      fields.map((f) => [f.key, f.kind, f.cliName]),
      [
        ["cellLine", "text", "--cell-line"],
        ["draws", "number", "--draws"],
      ],
    );
    const draws = fields[1]!;
    assert.deepEqual([draws.minimum, draws.maximum, draws.integer], [10, 100_000, true]);
    assert.equal(draws.default, undefined, "no default: the interactive mode draws fewer until the end");
  });

  it("refuse a bad number of draws in each face's own words", () => {
    // The CLI's words, naming the flag and quoting the text as typed (as before the contract).
    for (const text of ["5", "5.0", "12.5", "abc", "", "200000"]) {
      throwsInput(
        () => optionsFromFlags(diagnoseContract, { draws: text }),
        `--draws: --draws must be a whole number of Monte Carlo draws (expected 10 to 100000, got ${JSON.stringify(text)})`,
      );
    }
    // The API's words, naming options.draws, for a wrong type and a value out of range alike.
    throwsInput(
      () => optionsFromJson(diagnoseContract, { draws: 5 }),
      "options.draws: not a number of draws (expected an integer from 10 to 100000, got 5)",
    );
    throwsInput(
      () => optionsFromJson(diagnoseContract, { draws: "50" }),
      'options.draws: not a number of draws (expected an integer from 10 to 100000, got "50")',
    );
    throwsInput(
      () => optionsFromJson(diagnoseContract, { draws: 50.5 }),
      "options.draws: not a number of draws (expected an integer from 10 to 100000, got 50.5)",
    );
    // A library caller reads the CLI's words.
    throwsInput(
      () => optionsFromValues(diagnoseContract, { draws: 9 }),
      "--draws: --draws must be a whole number of Monte Carlo draws (expected 10 to 100000, got 9)",
    );
  });

  it("the CLI's text and the API's JSON give the same options; the API refuses unknown ones", () => {
    const cli = optionsFromFlags(diagnoseContract, { cellLine: "KPL-4", draws: "50", json: true, interactive: true });
    assert.deepEqual(cli, { cellLine: "KPL-4", draws: 50 });
    assert.deepEqual(optionsFromJson(diagnoseContract, { cellLine: "KPL-4", draws: 50 }), cli);
    assert.deepEqual(optionsFromJson(diagnoseContract, { cellLine: null }), {});
    throwsInput(
      () => optionsFromJson(diagnoseContract, { draw: 50 }),
      "options.draw: unknown option 'draw' (expected cellLine, draws)",
    );
    throwsInput(() => optionsFromJson(diagnoseContract, { cellLine: 4 }), "options.cellLine: not text (got 4)");
  });
});

describe("the diagnose procedure", () => {
  it("takes the parental line from the options, else from the document", () => {
    const set = parseObservationSet(DOC);
    assert.deepEqual(diagnosisOptions(set, {}), { cellLine: "SK-BR-3" });
    assert.deepEqual(diagnosisOptions(set, { cellLine: "KPL-4", draws: 20 }), { cellLine: "KPL-4", draws: 20 });
    assert.deepEqual(diagnosisOptions({ observations: set.observations }, {}), { cellLine: undefined });
  });

  it("is the core's diagnose on the checked document: the same result, and the parser's errors", () => {
    const set = parseObservationSet(DOC);
    const direct = diagnose(set.observations, { cellLine: "KPL-4", draws: 20 });
    assert.deepEqual(runDiagnosis({ observations: DOC }, { cellLine: "KPL-4", draws: 20 }), direct);
    assert.deepEqual(diagnoseObservationSet(set, { cellLine: "KPL-4", draws: 20 }), direct);
    assert.deepEqual(diagnoseContract.run({ observations: DOC }, { draws: 20 }).cellLine, "SK-BR-3");
    throwsInput(
      () => runDiagnosis({ observations: { observations: [{ id: "tdm1", value: 2 }] } }, {}),
      `observations.tdm1: unknown observation 'tdm1' (expected one of ${OBSERVATION_IDS.join(", ")})`,
    );
  });
});
