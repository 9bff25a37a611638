import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { InputError } from "@adclab/core";
import { optionsFromFlags, optionsFromJson } from "../contract/check.ts";
import { faceNames, optionFields } from "../contract/fields.ts";
import { colocContract } from "./contract.ts";
import { API_COLOC_FIELDS, CLI_FIELD_NAMES } from "./options.ts";

const throwsInput = (f: () => unknown, message: string) =>
  assert.throws(f, (e: unknown) => e instanceof InputError && e.message === message);

const FIXTURES = new URL("../../../core/src/coloc/__fixtures__/", import.meta.url);

describe("the co-localization contract's options", () => {
  it("reads each option's kind, default and flag from the one schema", () => {
    const byKey = Object.fromEntries(optionFields(colocContract).map((f) => [f.key, f]));
    assert.deepEqual(Object.keys(byKey), [
      "ch1",
      "ch2",
      "threshold",
      "costesIterations",
      "psf",
      "seed",
      "perSlice",
      "kendall",
      "frame",
    ]);
    assert.deepEqual(
      {
        kind: byKey.costesIterations?.kind,
        default: byKey.costesIterations?.default,
        min: byKey.costesIterations?.minimum,
      },
      { kind: "number", default: 100, min: 0 },
    );
    assert.equal(byKey.kendall?.cliName, "--no-kendall");
    assert.equal(byKey.kendall?.default, true);
    assert.equal(byKey.ch1?.acceptsNumber, true);
    assert.deepEqual(byKey.psf?.meta.apiRange, { minimum: 1, maximum: 1000 });
  });
  it("the CLI's flags and the API's JSON give the same options, each face's names in them", () => {
    const cli = optionsFromFlags(colocContract, {
      ch1: "2",
      threshold: "manual:400,300",
      costesIterations: "20",
      psf: "4",
      seed: "7",
      kendall: false,
      frame: "1",
      histogram: "ignored.png",
    });
    const api = optionsFromJson(colocContract, {
      ch1: 2,
      threshold: "manual:400,300",
      costesIterations: 20,
      psf: 4,
      seed: 7,
      kendall: false,
    });
    const { fields: cliFields, ...fromCli } = cli;
    const { fields: apiFields, ...fromApi } = api;
    assert.deepEqual(fromCli, fromApi);
    assert.deepEqual(fromCli, {
      threshold: { method: "manual", ch1: 400, ch2: 300 },
      costesIterations: 20,
      blockSize: 4,
      seed: 7,
      perSlice: false,
      kendall: false,
      frame: 1,
      ch1: "2",
    });
    assert.deepEqual(cliFields, CLI_FIELD_NAMES);
    assert.deepEqual(apiFields, API_COLOC_FIELDS);
    assert.equal(API_COLOC_FIELDS.ch2, "options.ch2");
    assert.equal(API_COLOC_FIELDS.mask, "inputs.mask");
    assert.equal(CLI_FIELD_NAMES.image2, "IMAGE2");
    assert.equal(faceNames(colocContract, "cli")("labels"), "--labels");
  });
  it("words each face's messages as that face always has", () => {
    throwsInput(
      () =>
        optionsFromFlags(colocContract, {
          threshold: "costes",
          costesIterations: "-1",
          seed: "1",
          psf: "3",
          frame: "1",
        }),
      '--costes-iterations: must not be negative (expected a whole number ≥ 0, got "-1")',
    );
    throwsInput(
      () => optionsFromFlags(colocContract, { threshold: "costes", seed: "1.5" }),
      '--seed: not a whole number (expected a whole number, got "1.5")',
    );
    throwsInput(
      () => optionsFromJson(colocContract, { costesIterations: -1 }),
      'options.costesIterations: not an allowed whole number (expected a whole number from 0 to 100000, got "-1")',
    );
    throwsInput(
      () => optionsFromJson(colocContract, { psf: 1001 }),
      'options.psf: not an allowed whole number (expected a whole number from 1 to 1000, got "1001")',
    );
    throwsInput(
      () => optionsFromJson(colocContract, { colour: "red" }),
      "options: unknown option 'colour' (expected ch1, ch2, threshold, costesIterations, psf, seed, perSlice, kendall, frame)",
    );
    throwsInput(
      () => optionsFromJson(colocContract, { threshold: "li" }),
      "options.threshold: unknown threshold 'li' (expected costes, costes-classic, otsu or manual:A,B (A for channel 1, B for channel 2))",
    );
    throwsInput(
      () => optionsFromJson(colocContract, { threshold: null }),
      "options.threshold: not a threshold method (expected costes, costes-classic, otsu or manual:A,B)",
    );
    throwsInput(
      () => optionsFromJson(colocContract, { kendall: "no" }),
      'options.kendall: not true or false (got "\\"no\\"")',
    );
    throwsInput(
      () => optionsFromJson(colocContract, { ch1: [1] }),
      "options.ch1: not a channel (expected a 1-based number or a name)",
    );
  });
  it("the CLI takes what the API's range leaves out (the server bounds a request's work)", () => {
    assert.equal(optionsFromFlags(colocContract, { costesIterations: "200000" }).costesIterations, 200_000);
    assert.throws(() => optionsFromJson(colocContract, { costesIterations: 200_000 }), /from 0 to 100000/);
  });
  it("an empty or null channel is a channel not given", () => {
    const o = optionsFromJson(colocContract, { ch1: "", ch2: null });
    assert.equal("ch1" in o, false);
    assert.equal("ch2" in o, false);
  });
});

describe("the co-localization contract's run", () => {
  it("analyses the files with the options, as adclab coloc does", async () => {
    const content = new Uint8Array(readFileSync(new URL("pair-u16-imagej.tif", FIXTURES)));
    const options = optionsFromJson(colocContract, { costesIterations: 0, kendall: false });
    const r = await colocContract.run({ image: { name: "pair.tif", content } }, options);
    assert.equal(r.image.file, "pair.tif");
    assert.deepEqual(r.channels, { ch1: { index: 1, name: null }, ch2: { index: 2, name: null } });
    assert.equal(r.rows.length, 1);
    assert.equal(r.rows[0]?.costes, null);
    assert.equal(r.rows[0]?.kendallTauB, null);
  });
  it("names the API's fields in the procedure's messages when the options came from the API", async () => {
    const content = new Uint8Array(readFileSync(new URL("pair-u16-imagej.tif", FIXTURES)));
    await assert.rejects(
      colocContract.run({ image: { name: "pair.tif", content } }, optionsFromJson(colocContract, { ch2: 3 })),
      (e: unknown) =>
        e instanceof InputError && e.message.startsWith("pair.tif, options.ch2: channel 3 is out of range"),
    );
  });
});
