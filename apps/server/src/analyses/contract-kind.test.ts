import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type AnalysisContract,
  colocContract,
  diagnoseContract,
  doseResponseContract,
  simulateContract,
} from "@adclab/analyses";
import { doseResponseWithOneMoreOption as extended, TRIM_OPTION } from "@adclab/analyses/test-helpers";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { App } from "../context.ts";
import { contractDocumentSchema, registerContractSchemas } from "./contract-kind.ts";

// biome-ignore lint/suspicious/noExplicitAny: the generated document is read field by field
function components(contract: AnalysisContract): Record<string, any> {
  const app = new OpenAPIHono() as unknown as App;
  registerContractSchemas(app, contract);
  const doc = app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "t", version: "0" } });
  return doc.components?.schemas ?? {};
}

describe("the OpenAPI components of an analysis kind, from its contract", () => {
  it("documents inputs, every option with its description and default, and the result", () => {
    const c = components(doseResponseContract);
    assert.deepEqual(Object.keys(c).sort(), ["DoseResponseInputs", "DoseResponseOptions", "DoseResponseResult"]);
    assert.deepEqual(c.DoseResponseInputs.required, ["file"]);
    const model = c.DoseResponseOptions.properties.model;
    assert.deepEqual(model.enum, ["ll4", "prism4", "3pl", "5pl", "gr"]);
    assert.equal(model.default, "ll4");
    assert.match(model.description, /^curve model/);
    assert.deepEqual(Object.keys(c.DoseResponseOptions.properties), Object.keys(doseResponseContract.options.shape));
  });
  it("an option added to the schema is in the document with its range", () => {
    const trim = components(extended).DoseResponseOptions.properties[TRIM_OPTION.key];
    assert.equal(trim.type, "number");
    assert.equal(trim.minimum, 0);
    assert.equal(trim.maximum, 0.5);
    assert.equal(trim.description, TRIM_OPTION.description);
  });
  it("a document slot: the kind's inputs are the document itself, checked as the contract's schema checks it", () => {
    const c = components(diagnoseContract);
    assert.deepEqual(Object.keys(c).sort(), ["DiagnoseInputs", "DiagnoseOptions", "DiagnoseResult"]);
    assert.deepEqual(c.DiagnoseInputs.required, ["observations"]);
    assert.equal(c.DiagnoseInputs.properties.observations.type, "array");
    assert.deepEqual(c.DiagnoseInputs.additionalProperties, {}, "other keys pass, as before");
    assert.match(c.DiagnoseInputs.description, /the observation document `adclab diagnose` reads/);
    assert.deepEqual(Object.keys(c.DiagnoseOptions.properties), ["cellLine", "draws"]);
    assert.deepEqual(
      [c.DiagnoseOptions.properties.draws.minimum, c.DiagnoseOptions.properties.draws.maximum],
      [10, 100_000],
    );
    const doc = contractDocumentSchema(diagnoseContract);
    const original = diagnoseContract.files.observations!.document!;
    for (const body of [
      { observations: [{ id: "tdm1_ic50_fold", value: 2 }], note: "kept" },
      { cell_line: "KPL-4", observations: [] },
      { observations: { tdm1_ic50_fold: 2 } },
      { cell_line: 4, observations: [] },
      {},
    ]) {
      const [a, b] = [doc.safeParse(body), original.safeParse(body)];
      assert.equal(a.success, b.success, JSON.stringify(body));
      assert.deepEqual(a.success ? a.data : a.error.issues, b.success ? b.data : b.error.issues);
    }
    assert.throws(() => contractDocumentSchema(doseResponseContract), /no document slot/);
  });
});

describe("a result that is a union of documents, one per shape", () => {
  it("is registered as the union, its members as their own components", () => {
    const c = components(simulateContract);
    assert.deepEqual(
      c.SimulateResult.anyOf.map((s: { $ref: string }) => s.$ref),
      ["Viability", "PulseChase", "Catabolite", "Her2", "Expression"].map((n) => `#/components/schemas/Simulated${n}`),
    );
    assert.equal(c.SimulateResult.description, "What `adclab simulate --json` prints for the same request");
  });
});

describe("the coloc kind's OpenAPI components", () => {
  it("document the image as required, the options with their defaults and the API's ranges", () => {
    const c = components(colocContract);
    assert.deepEqual(c.ColocInputs.required, ["image"]);
    assert.match(c.ColocInputs.description, /`adclab coloc IMAGE \[IMAGE2\] \[--mask\] \[--labels\]`/);
    const psf = c.ColocOptions.properties.psf;
    assert.deepEqual([psf.type, psf.minimum, psf.maximum, psf.default], ["integer", 1, 1000, 3]);
    assert.equal(c.ColocOptions.properties.kendall.default, true);
    assert.deepEqual(Object.keys(c.ColocOptions.properties), Object.keys(colocContract.options.shape));
  });
});
