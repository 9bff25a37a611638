/**
 * The `simulate` analysis: `adclab simulate … --json` stored with an experiment (e.g. the model's
 * prediction beside the measured curve). Inputs are the body of `POST /api/simulate`; messages
 * name them as `inputs.<field>`.
 */
import { EXPERIMENTS, JSON_SIMULATION_FIELDS, parseSimulationRequest, type SimulationFields } from "@adclab/analyses";
import { CELL_LINE_IDS, DRUG_IDS, INHIBITOR_IDS, MECHANISM_IDS } from "@adclab/core";
import { z } from "@hono/zod-openapi";
import { inputErrorFromZod } from "../errors.ts";
import { compute } from "./compute-pool.ts";
import type { AnalysisKind } from "./kinds.ts";

const text = (description: string, example?: string) =>
  z.string().openapi(example === undefined ? { description } : { description, example });
const list = (description: string, example: string[]) =>
  z.union([z.string(), z.array(z.string())]).openapi({ description, example });

/** The body of `POST /api/simulate` (routes/simulate.ts), and the inputs of this kind. */
export const SimulateRequest = z
  .strictObject({
    cellLine: text(`one of ${CELL_LINE_IDS.join(", ")}`, "BT-474M1"),
    mechanisms: z
      .array(
        z.strictObject({
          id: text(`one of ${MECHANISM_IDS.join(", ")}`, "slc46a3-loss"),
          strength: z.number().openapi({ description: "fold change > 0 (1 = none)", example: 6 }),
        }),
      )
      .optional(),
    experiment: text(`one of ${EXPERIMENTS.join(", ")} (default viability)`, "viability").optional(),
    drug: text(`viability drug: one of ${DRUG_IDS.join(", ")} (default T-DM1)`, "T-DM1").optional(),
    inhibitors: z
      .array(
        z.strictObject({
          id: text(`one of ${INHIBITOR_IDS.join(", ")}`, "tariquidar"),
          concentration: text("with its unit", "100nM"),
        }),
      )
      .optional(),
    trastuzumab: text("unconjugated trastuzumab added with the drug (viability), with its unit", "10nM").optional(),
    time: text("viability read-out time / end of a time course (default 120h)", "120h").optional(),
    doses: list("viability concentrations (default 10 log-spaced doses); a bare number is nM", [
      "0.01nM",
      "0.1nM",
      "1nM",
      "10nM",
    ]).optional(),
    dose: text("T-DM1 for pulse-chase (10ug/mL), catabolite (10nM), surface-her2/shed-ecd (0)", "10nM").optional(),
    times: list("read-out times of a time course (chase times for pulse-chase)", ["2h", "6h", "24h"]).optional(),
  })
  .openapi("SimulateRequest");

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
