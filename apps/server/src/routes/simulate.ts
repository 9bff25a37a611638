/**
 * `POST /api/simulate`: a virtual experiment on the well model, the API face of `adclab simulate`.
 * The request carries what the flags carry (quantities as text with their units); the answer is
 * the object `adclab simulate --json` prints, from the same procedure (@adclab/analyses, on a
 * worker thread of the compute pool), and bad input is a 400 with the CLI's problem text (field
 * names are the JSON ones).
 */
import { JSON_SIMULATION_FIELDS, simulateContract } from "@adclab/analyses";
import { createRoute, type z } from "@hono/zod-openapi";
import { SimulateRequest } from "../analyses/simulate.ts";
import type { App, ServerOptions } from "../context.ts";
import { errorResponses, json, jsonBody } from "../schemas.ts";

/** The result schema of the simulate contract (component SimulateResult, one Simulated… per experiment). */
export const SimulateResult = simulateContract.result;

export function registerSimulate(app: App, o: ServerOptions) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/simulate",
      tags: ["simulator"],
      summary: "Run a virtual experiment on the T-DM1 well model (as `adclab simulate --json`)",
      request: { body: jsonBody(SimulateRequest) },
      responses: {
        200: json(SimulateResult, "The simulated read-out"),
        400: errorResponses[400],
        401: errorResponses[401],
      },
    }),
    async (c) => {
      const request = c.req.valid("json");
      simulateContract.parse(request, (k) => k); // bad input: 400 before anything is queued
      const result = await o.compute.run({ kind: "simulate", request, fields: JSON_SIMULATION_FIELDS });
      return c.json(result as z.infer<typeof SimulateResult>, 200);
    },
  );
}
