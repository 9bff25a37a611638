import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "@adclab/core";
import { z } from "zod";
import { doseResponseContract } from "../dose-response/contract.ts";
import { doseResponseWithOneMoreOption as extended, TRIM_OPTION } from "../test-helpers/one-more-option.ts";
import { optionsFromFlags, optionsFromJson, optionsFromValues } from "./check.ts";
import { defineAnalysis, option } from "./define.ts";
import { optionFields } from "./fields.ts";

const throwsInput = (f: () => unknown, message: string) =>
  assert.throws(f, (e: unknown) => e instanceof InputError && e.message === message);

describe("an analysis contract's options, read back from its schema", () => {
  it("gives each option its kind, flag, default and choices, in the schema's order", () => {
    const fields = optionFields(doseResponseContract);
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f]));
    assert.deepEqual(
      fields.map((f) => f.key),
      Object.keys(doseResponseContract.options.shape),
    );
    assert.equal(byKey.model?.kind, "choice");
    assert.deepEqual(byKey.model?.choices, ["ll4", "prism4", "3pl", "5pl", "gr"]);
    assert.equal(byKey.model?.default, "ll4");
    assert.equal(byKey.compare?.kind, "list");
    assert.deepEqual(byKey.compare?.default, []);
    assert.equal(byKey.ec?.kind, "numbers");
    assert.equal(byKey.mw?.kind, "text");
    assert.equal(byKey.mw?.acceptsNumber, true);
    assert.equal(byKey.robust?.kind, "switch");
    assert.equal(byKey.absoluteEc?.cliName, "--absolute-ec");
  });
  it("reads a number's inclusive range", () => {
    const trim = optionFields(extended).find((f) => f.key === TRIM_OPTION.key);
    assert.deepEqual(
      { kind: trim?.kind, minimum: trim?.minimum, maximum: trim?.maximum },
      { kind: "number", minimum: 0, maximum: 0.5 },
    );
  });
});

describe("options checked for each face", () => {
  it("JSON: unknown keys, JSON types named options.KEY, values named by the CLI flag", () => {
    throwsInput(
      () => optionsFromJson(doseResponseContract, { slope: 1 }, ["workers"]),
      "options.slope: unknown option 'slope' (expected model, normalize, unit, mw, routQ, compare, reversal, fix, bounds, share, ec, absoluteEc, compareModels, auc, robust, workers)",
    );
    throwsInput(
      () => optionsFromJson(doseResponseContract, { auc: "yes" }),
      'options.auc: a switch is true or false (got "yes")',
    );
    throwsInput(
      () => optionsFromJson(doseResponseContract, { compare: "A:B" }),
      'options.compare: not a list of text (expected ["A:B", …], got "A:B")',
    );
    throwsInput(
      () => optionsFromJson(doseResponseContract, { model: "ll5" }),
      "--model: unknown model 'll5' (expected ll4, prism4, 3pl, 5pl, gr)",
    );
    throwsInput(
      () => optionsFromJson(doseResponseContract, { normalize: "plate" }),
      "--normalize: unknown normalization 'plate' (expected vehicle or none)",
    );
  });
  it("JSON null is an option not given; a bare number is a list of one", () => {
    const o = optionsFromJson(doseResponseContract, { normalize: null, ec: 50, mw: 148500 });
    assert.equal(o.normalize, undefined);
    assert.deepEqual(o.ec, [50]);
    assert.equal(o.mw, 148500);
  });
  it("the CLI's text and the API's JSON give the same options", () => {
    const cli = optionsFromFlags(doseResponseContract, {
      model: "prism4",
      compare: ["A:B"],
      reversal: [],
      fix: ["bottom=0"],
      bounds: [],
      share: [],
      ec: "50,90",
      mw: "148500",
      layout: "ignored.csv",
      json: true,
    });
    const api = optionsFromJson(doseResponseContract, {
      model: "prism4",
      compare: ["A:B"],
      fix: ["bottom=0"],
      ec: [50, 90],
      mw: 148500,
    });
    assert.deepEqual(cli, api);
    assert.deepEqual(
      optionsFromValues(doseResponseContract, {
        model: "prism4",
        compare: ["A:B"],
        fix: ["bottom=0"],
        ec: [50, 90],
        mw: 148500,
      }),
      api,
    );
  });
});

describe("adding an option is one edit in the schema", () => {
  it("reaches the typed options from the CLI's text and from JSON", () => {
    assert.equal(optionsFromFlags(extended, { [TRIM_OPTION.key]: "0.25" })[TRIM_OPTION.key as never], 0.25);
    assert.equal(optionsFromJson(extended, { [TRIM_OPTION.key]: 0.25 })[TRIM_OPTION.key as never], 0.25);
  });
  it("is checked by its schema: its type, its range, a CLI value that is not a number", () => {
    throwsInput(
      () => optionsFromJson(extended, { trimFraction: "a lot" }),
      'options.trimFraction: not a number (got "a lot")',
    );
    throwsInput(
      () => optionsFromJson(extended, { trimFraction: 0.7 }),
      "--trim-fraction: out of range (expected a number from 0 to 0.5, got 0.7)",
    );
    throwsInput(
      () => optionsFromFlags(extended, { trimFraction: "half" }),
      '--trim-fraction: not a number (expected a number from 0 to 0.5, got "half")',
    );
  });
  it("is unknown to the contract without it", () => {
    assert.throws(() => optionsFromJson(doseResponseContract, { trimFraction: 0.25 }), /unknown option 'trimFraction'/);
  });
});

describe("options the simulate request needed, for any contract", () => {
  // A small contract of its own: each option shows one addition to the contract module.
  const pairs = defineAnalysis({
    id: "pairs",
    command: "pairs",
    summary: "a test contract",
    files: {},
    options: z.object({
      sample: option(z.string(), {
        flag: "--sample <name>",
        description: "required, with its own missing-text",
        missing: "a sample is required",
        expected: "a sample name",
      }),
      pairs: option(z.array(z.strictObject({ id: z.string(), n: z.number() })).default([]), {
        flag: "--pair <id=n>",
        description: "records: JSON objects, the CLI's text",
        repeatable: true,
        separator: ",",
      }),
      labels: option(z.union([z.string(), z.array(z.string())]).optional(), {
        flag: "--labels <list>",
        description: "texts: one text or a list",
        blankIsUnset: true,
      }),
    }),
    parse: (o, name = (k) => k) => {
      const pairs = (o.pairs as readonly (string | { id: string; n: number })[]).map((p) => {
        if (typeof p !== "string") return p;
        const [id, n] = p.split("=");
        if (n === undefined) throw new InputError("a pair is ID=N", { field: name("pairs"), got: p });
        return { id: id!, n: Number(n) };
      });
      return { sample: o.sample, pairs, labels: o.labels };
    },
    result: z.object({}),
    observations: [],
    run: () => ({}),
  });

  it("reads the kinds, whether required, and commander's name of a flag that differs from its key", () => {
    const byKey = Object.fromEntries(optionFields(pairs).map((f) => [f.key, f]));
    assert.deepEqual([byKey.sample?.required, byKey.pairs?.required, byKey.labels?.required], [true, false, false]);
    assert.deepEqual([byKey.pairs?.kind, byKey.labels?.kind], ["records", "texts"]);
    assert.deepEqual([byKey.pairs?.cliName, byKey.pairs?.cliKey], ["--pair", "pair"]);
  });
  it("a required option not given: its own problem text, named as the face names it", () => {
    throwsInput(() => optionsFromFlags(pairs, {}), "--sample: a sample is required (expected a sample name)");
    throwsInput(() => optionsFromJson(pairs, {}), "options.sample: a sample is required (expected a sample name)");
  });
  it("records: JSON objects checked by the schema; the CLI's text reaches parse, which names the flag", () => {
    assert.deepEqual(optionsFromFlags(pairs, { sample: "s", pair: ["a=1", "b=2"] }).pairs, [
      { id: "a", n: 1 },
      { id: "b", n: 2 },
    ]);
    assert.deepEqual(optionsFromJson(pairs, { sample: "s", pairs: [{ id: "a", n: 1 }] }).pairs, [{ id: "a", n: 1 }]);
    throwsInput(() => optionsFromFlags(pairs, { sample: "s", pair: ["a"] }), '--pair: a pair is ID=N (got "a")');
    throwsInput(
      () => optionsFromJson(pairs, { sample: "s", pairs: ["a=1"] }),
      'options.pairs: not a list of objects (got ["a=1"])',
    );
    throwsInput(
      () => optionsFromJson(pairs, { sample: "s", pairs: [{ id: "a", n: "one" }] }),
      "--pair: Invalid input: expected number, received string",
    );
  });
  it("texts: one text or a list of text in JSON; a blank CLI value is not given", () => {
    assert.deepEqual(optionsFromJson(pairs, { sample: "s", labels: ["x", "y"] }).labels, ["x", "y"]);
    assert.equal(optionsFromJson(pairs, { sample: "s", labels: "x,y" }).labels, "x,y");
    throwsInput(
      () => optionsFromJson(pairs, { sample: "s", labels: [1] }),
      "options.labels: not a list of text (got [1])",
    );
    assert.equal(optionsFromFlags(pairs, { sample: "s", labels: "" }).labels, undefined);
  });
});

describe("an option's own words for a refused value (OptionMeta.refused)", () => {
  const shape = {
    speed: option(z.enum(["slow", "fast"]).optional(), {
      flag: "--speed <how>",
      description: "how fast",
      refused: { cli: { problem: "--speed is slow or fast", expected: "slow or fast" } },
    }),
    count: option(z.number().int().min(1).optional(), {
      flag: "--count <n>",
      description: "how many",
      refused: {
        cli: { problem: "--count must be a whole number", expected: "1 or more" },
        api: { problem: "not a count", expected: "an integer of at least 1" },
      },
    }),
  };
  const contract = defineAnalysis({
    id: "probe",
    command: "probe",
    summary: "a probe",
    files: {},
    options: z.object(shape),
    parse: (o: { speed?: string; count?: number }) => o,
    result: z.object({}),
    observations: [],
    run: () => ({}),
  });
  it("replaces the generic message for the type, the range and a choice, on each face", () => {
    throwsInput(
      () => optionsFromFlags(contract, { count: "0.5" }),
      '--count: --count must be a whole number (expected 1 or more, got "0.5")',
    );
    throwsInput(
      () => optionsFromFlags(contract, { count: "many" }),
      '--count: --count must be a whole number (expected 1 or more, got "many")',
    );
    throwsInput(
      () => optionsFromJson(contract, { count: 0 }),
      "options.count: not a count (expected an integer of at least 1, got 0)",
    );
    throwsInput(
      () => optionsFromJson(contract, { count: [2] }),
      "options.count: not a count (expected an integer of at least 1, got [2])",
    );
    throwsInput(
      () => optionsFromValues(contract, { count: -1 }),
      "--count: --count must be a whole number (expected 1 or more, got -1)",
    );
    // Without API words, the API says the CLI's, naming the flag.
    throwsInput(
      () => optionsFromJson(contract, { speed: "warp" }),
      '--speed: --speed is slow or fast (expected slow or fast, got "warp")',
    );
    throwsInput(
      () => optionsFromJson(contract, { speed: 9 }),
      "--speed: --speed is slow or fast (expected slow or fast, got 9)",
    );
    assert.deepEqual(optionsFromFlags(contract, { speed: "fast", count: "3" }), { speed: "fast", count: 3 });
  });
});

describe("an option's API range, narrower than its schema's", () => {
  const bounded = {
    ...doseResponseContract,
    options: doseResponseContract.options.extend({
      repeats: option(z.number().int().min(1).optional(), {
        flag: "--repeats <n>",
        description: "an example option the server bounds",
        apiRange: { minimum: 1, maximum: 10 },
      }),
    }),
  };
  it("is checked for the API only, and named as the API's other messages are", () => {
    throwsInput(
      () => optionsFromJson(bounded, { repeats: 11 }),
      "--repeats: out of range (expected a whole number from 1 to 10, got 11)",
    );
    assert.equal(optionsFromFlags(bounded, { repeats: "11" })["repeats" as never], 11);
    throwsInput(
      () => optionsFromFlags(bounded, { repeats: "0" }),
      "--repeats: out of range (expected a whole number of at least 1, got 0)",
    );
  });
});
