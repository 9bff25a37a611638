import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { optionFields, simulateContract } from "@adclab/analyses";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { SimulateRequest } from "../analyses/simulate.ts";
import { json } from "../schemas.ts";
import { SimulateResult } from "./simulate.ts";

// biome-ignore lint/suspicious/noExplicitAny: the generated document is read field by field
function components(): Record<string, any> {
  // The request as the route registers it; the result as the route answers with it (this file
  // loads the contract before @hono/zod-openapi, the order in which it is fragile).
  const app = new OpenAPIHono();
  app.openAPIRegistry.register("SimulateRequest", SimulateRequest);
  const route = createRoute({ method: "post", path: "/x", responses: { 200: json(SimulateResult, "the result") } });
  app.openapi(route, (c) => c.json({} as never, 200));
  const doc = app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "t", version: "0" } });
  return doc.components?.schemas ?? {};
}

describe("POST /api/simulate's schemas in OpenAPI, from the simulate contract", () => {
  it("documents every field of the request with the CLI's help line, its default, and no other key", () => {
    const request = components().SimulateRequest;
    const fields = optionFields(simulateContract);
    assert.deepEqual(Object.keys(request.properties), Object.keys(simulateContract.options.shape));
    for (const f of fields) assert.equal(request.properties[f.key].description, f.meta.description, f.key);
    assert.deepEqual(request.required, ["cellLine"]);
    assert.equal(request.additionalProperties, false);
    assert.equal(request.properties.experiment.default, "viability");
    assert.equal(request.properties.time.default, "120h");
    assert.deepEqual(request.properties.mechanisms.items.required, ["id", "strength"]);
    assert.equal(request.properties.mechanisms.items.additionalProperties, false);
  });
  it("documents the result as one schema per experiment", () => {
    const c = components();
    assert.deepEqual(
      c.SimulateResult.anyOf.map((s: { $ref: string }) => s.$ref),
      ["Viability", "PulseChase", "Catabolite", "Her2", "Expression"].map((n) => `#/components/schemas/Simulated${n}`),
    );
    assert.ok(c.SimulatedViability.properties.ic50_nM);
  });
});
