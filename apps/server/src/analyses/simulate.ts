/**
 * The `simulate` analysis: `adclab simulate … --json` stored with an experiment (e.g. the model's
 * prediction beside the measured curve). Inputs are the body of `POST /api/simulate`; messages
 * name them as `inputs.<field>`.
 */
import { JSON_SIMULATION_FIELDS, parseSimulationRequest, type SimulationFields } from "@adclab/analyses";
import { inputErrorFromZod } from "../errors.ts";
import { SimulateRequest } from "../routes/simulate.ts";
import { compute } from "./compute-pool.ts";
import type { AnalysisKind } from "./kinds.ts";

const FIELDS = Object.fromEntries(
  Object.entries(JSON_SIMULATION_FIELDS).map(([k, v]) => [k, `inputs.${v}`]),
) as SimulationFields;

export const simulateKind: AnalysisKind = {
  cli: "adclab simulate --cell-line LINE [--mechanism ID=STRENGTH …] [--experiment NAME] [--drug NAME] --json",
  prepare(inputs, _options, ctx) {
    const request = SimulateRequest.safeParse(inputs);
    if (!request.success) throw inputErrorFromZod(request.error, "inputs");
    parseSimulationRequest(request.data, FIELDS); // validates now: bad input stores nothing
    return { run: () => compute(ctx.compute, { kind: "simulate", request: request.data, fields: FIELDS }) };
  },
};
