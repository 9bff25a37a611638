/**
 * The `simulate` analysis: `adclab simulate … --json` stored with an experiment (e.g. the model's
 * prediction beside the measured curve). Inputs are the body of `POST /api/simulate`, checked by
 * the analysis's contract (simulateContract); messages name them as `inputs.<field>`.
 */
import { simulateContract, simulationFields } from "@adclab/analyses";
import { z } from "@hono/zod-openapi";
import { inputErrorFromZod } from "../errors.ts";
import { compute } from "./compute-pool.ts";
import type { AnalysisKind } from "./kinds.ts";

/**
 * The body of `POST /api/simulate` (routes/simulate.ts), and the inputs of this kind: the simulate
 * contract's request schema, made again with this app's zod so that OpenAPI can name it (as
 * ./contract-kind.ts explains); the fields, their checks and zod's messages are the contract's.
 */
export const SimulateRequest = z.strictObject(simulateContract.options.shape).openapi("SimulateRequest", {
  description: "what the flags of `adclab simulate` carry, quantities as text with their units",
});

const inInputs = (key: string) => `inputs.${key}`;
const FIELDS = simulationFields(inInputs);

export const simulateKind: AnalysisKind = {
  cli: "adclab simulate --cell-line LINE [--mechanism ID=STRENGTH …] [--experiment NAME] [--drug NAME] --json",
  prepare(inputs, _options, ctx) {
    const request = SimulateRequest.safeParse(inputs);
    if (!request.success) throw inputErrorFromZod(request.error, "inputs");
    simulateContract.parse(request.data, inInputs); // validates now: bad input stores nothing
    return { run: () => compute(ctx.compute, { kind: "simulate", request: request.data, fields: FIELDS }) };
  },
};
