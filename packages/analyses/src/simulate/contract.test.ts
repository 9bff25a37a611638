import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError, simulateCatabolite } from "@adclab/core";
import { optionsFromFlags } from "../contract/check.ts";
import { optionFields } from "../contract/fields.ts";
import {
  CLI_SIMULATION_FIELDS,
  JSON_SIMULATION_FIELDS,
  SimulateRequestSchema,
  SimulateResultSchema,
  simulateContract,
} from "./contract.ts";
import { runSimulation, SIMULATION_DEFAULTS } from "./simulation.ts";

const throwsInput = (f: () => unknown, message: string) =>
  assert.throws(f, (e: unknown) => e instanceof InputError && e.message === message);

/** What commander gives for `adclab simulate` with no flag but the cell line (its defaults). */
const cliDefaults = { mechanism: [], inhibitor: [], experiment: "viability", drug: "T-DM1", time: "120h" };

describe("the simulate contract's request, read back from its schema", () => {
  it("is the request's ten fields in the API's order, with the CLI's flags and the kinds the faces present", () => {
    const fields = optionFields(simulateContract);
    assert.deepEqual(
      fields.map((f) => [f.key, f.cliName, f.cliKey, f.kind, f.required]),
      [
        ["cellLine", "--cell-line", "cellLine", "text", true],
        ["mechanisms", "--mechanism", "mechanism", "records", false],
        ["experiment", "--experiment", "experiment", "text", false],
        ["drug", "--drug", "drug", "text", false],
        ["inhibitors", "--inhibitor", "inhibitor", "records", false],
        ["trastuzumab", "--trastuzumab", "trastuzumab", "text", false],
        ["time", "--time", "time", "text", false],
        ["doses", "--doses", "doses", "texts", false],
        ["dose", "--dose", "dose", "text", false],
        ["times", "--times", "times", "texts", false],
      ],
    );
  });
  it("carries the procedure's defaults, and the field names of each face come from it", () => {
    const byKey = Object.fromEntries(optionFields(simulateContract).map((f) => [f.key, f]));
    assert.equal(byKey.experiment?.default, SIMULATION_DEFAULTS.experiment);
    assert.equal(byKey.drug?.default, "T-DM1");
    assert.equal(byKey.time?.default, "120h");
    assert.deepEqual(byKey.mechanisms?.default, []);
    assert.deepEqual(CLI_SIMULATION_FIELDS, {
      cellLine: "--cell-line",
      mechanisms: "--mechanism",
      experiment: "--experiment",
      drug: "--drug",
      inhibitors: "--inhibitor",
      trastuzumab: "--trastuzumab",
      time: "--time",
      doses: "--doses",
      dose: "--dose",
      times: "--times",
    });
    assert.deepEqual(Object.keys(JSON_SIMULATION_FIELDS), Object.keys(SimulateRequestSchema.shape));
    assert.ok(Object.entries(JSON_SIMULATION_FIELDS).every(([k, v]) => k === v));
  });
});

describe("one request from either face", () => {
  it("the CLI's text and the API's JSON give the same simulation", () => {
    const cli = optionsFromFlags(simulateContract, {
      ...cliDefaults,
      cellLine: "KPL-4",
      mechanism: ["mdr1-up=50", "slc46a3-loss=4"],
      inhibitor: ["tariquidar=100nM"],
      doses: "0.1,1,10,100nM",
      json: true,
    });
    const body = SimulateRequestSchema.parse({
      cellLine: "KPL-4",
      mechanisms: [
        { id: "mdr1-up", strength: 50 },
        { id: "slc46a3-loss", strength: 4 },
      ],
      inhibitors: [{ id: "tariquidar", concentration: "100nM" }],
      doses: ["0.1nM", "1nM", "10nM", "100nM"],
    });
    const api = simulateContract.parse(body, (k) => k);
    assert.deepEqual(cli, api);
    // Units converted through molar (× 1e9): equal to 1e-12 relative.
    const near = (x: number, want: number) => Math.abs(x - want) <= 1e-12 * want;
    assert.equal(cli.config.inhibitors?.[0]?.id, "tariquidar");
    assert.ok(near(cli.config.inhibitors?.[0]?.concentration_nM ?? Number.NaN, 100));
    assert.equal(cli.doses?.length, 4);
    assert.ok(
      cli.doses?.every((d, i) => near(d, [0.1, 1, 10, 100][i]!)),
      String(cli.doses),
    );
  });
  it("names the fields as each face does: the flag on the CLI, the key (or inputs.key) in JSON", () => {
    throwsInput(
      () => optionsFromFlags(simulateContract, { ...cliDefaults, cellLine: "SK-BR-3", mechanism: ["her2-loss"] }),
      "--mechanism: mechanism 'her2-loss' needs a strength (expected her2-loss=<fold change > 0, 1 = none>, got \"her2-loss\")",
    );
    const body = SimulateRequestSchema.parse({ cellLine: "SK-BR-3", time: "0h" });
    throwsInput(() => simulateContract.parse(body, (k) => k), 'time: duration must be positive (got "0h")');
    throwsInput(
      () => simulateContract.parse(body, (k) => `inputs.${k}`),
      'inputs.time: duration must be positive (got "0h")',
    );
  });
  it("keeps the CLI's order of checks: the cell line first, even when a mechanism is wrong too", () => {
    throwsInput(
      () => optionsFromFlags(simulateContract, { ...cliDefaults, mechanism: ["her2-loss"] }),
      "--cell-line: a cell line is required (expected one of SK-BR-3, BT-474, BT-474M1, NCI-N87, KPL-4, MDA-MB-361, JIMT-1, MCF-7)",
    );
    throwsInput(
      () =>
        optionsFromFlags(simulateContract, {
          ...cliDefaults,
          cellLine: "SK-BR-3",
          experiment: "western-blot",
          mechanism: ["bogus=2"],
        }),
      "--experiment: unknown experiment 'western-blot' (expected one of viability, pulse-chase, catabolite, surface-her2, shed-ecd, expression)",
    );
  });
  it("on the CLI an empty --dose, --doses, --times or --trastuzumab is not given", () => {
    const blank = optionsFromFlags(simulateContract, {
      ...cliDefaults,
      cellLine: "SK-BR-3",
      experiment: "catabolite",
      dose: "",
      doses: "",
      times: "",
      trastuzumab: "",
    });
    assert.equal(blank.dose_nM, undefined);
    assert.equal(blank.doses, undefined);
    assert.equal(blank.times_h, undefined);
    assert.equal(blank.trastuzumab_nM, undefined);
  });
});

describe("the procedure's defaults are the contract's", () => {
  it("a catabolite run without a dose reads out under SIMULATION_DEFAULTS' 10 nM", () => {
    const parsed = simulateContract.parse(
      SimulateRequestSchema.parse({ cellLine: "BT-474", experiment: "catabolite", times: ["24h"] }),
    );
    const { result } = runSimulation(parsed);
    assert.equal(SIMULATION_DEFAULTS.dose_nM.catabolite, 10);
    assert.equal(result.adc_nM, 10);
    const direct = simulateCatabolite({ cellLine: "BT-474" }, { adc_nM: 10, times_h: [24] });
    assert.deepEqual(result.points, direct.points);
    assert.equal(SimulateResultSchema.safeParse(JSON.parse(JSON.stringify(result))).success, true);
  });
});
