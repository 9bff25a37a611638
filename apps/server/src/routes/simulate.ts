/**
 * `POST /api/simulate`: a virtual experiment on the well model, the API face of `adclab simulate`.
 * The request carries what the flags carry (quantities as text with their units); the answer is
 * the object `adclab simulate --json` prints, from the same procedure (@adclab/analyses, on a
 * worker thread of the compute pool), and bad input is a 400 with the CLI's problem text (field
 * names are the JSON ones).
 */
import { JSON_SIMULATION_FIELDS, parseSimulationRequest } from "@adclab/analyses";
import { createRoute, z } from "@hono/zod-openapi";
import { SimulateRequest } from "../analyses/simulate.ts";
import type { App, ServerOptions } from "../context.ts";
import { errorResponses, json, jsonBody } from "../schemas.ts";

const Settings = z.object({
  cellLine: z.string(),
  mechanisms: z.array(z.object({ id: z.string(), strength: z.number() })),
  inhibitors: z.array(z.object({ id: z.string(), concentration_nM: z.number() })),
});
/** JSON has no NaN: a number the fit could not determine arrives as null. */
const num = z.number().nullable();
const Params = z.object({ bottom: num, top: num, ic50_nM: num, logIC50: num, hill: num, asymmetry: num.optional() });
const common = { settings: Settings, cellLine: z.string() };

const Viability = z
  .object({
    experiment: z.literal("viability"),
    ...common,
    drug: z.string(),
    time_h: z.number(),
    concentration_nM: z.array(z.number()),
    viability: z.array(z.number()).openapi({ description: "live cells relative to the untreated well" }),
    ic50_nM: num,
    ic50: z.object({
      value_nM: num,
      qualifier: z.enum(["=", ">", "<"]),
      ci95_nM: z.tuple([z.number(), z.number()]).nullable(),
      profileCi95_nM: z.tuple([z.number(), z.number()]).nullable().optional(),
      level: z.number(),
    }),
    fit: z.object({ params: Params, se: Params, converged: z.boolean(), flags: z.array(z.string()) }),
    controlCells: z.number(),
  })
  .openapi("SimulatedViability");

const PulseChase = z
  .object({
    experiment: z.literal("pulse-chase"),
    ...common,
    pulse_nM: z.number(),
    pulse_h: z.number(),
    points: z.array(
      z.object({
        chase_h: z.number(),
        fractionInternalized: z.number(),
        fractionInLysosomes: z.number(),
        lysosomalOverlap: z.number(),
        surfaceAdc_perCell: z.number(),
        endosomalAdc_perCell: z.number(),
        lysosomalAdc_perCell: z.number(),
      }),
    ),
  })
  .openapi("SimulatedPulseChase");

const Catabolite = z
  .object({
    experiment: z.literal("catabolite"),
    ...common,
    adc_nM: z.number(),
    points: z.array(
      z.object({
        time_h: z.number(),
        lysosomal_pmol_per_million: z.number(),
        cytosolicFree_pmol_per_million: z.number(),
        targetBound_pmol_per_million: z.number(),
        total_pmol_per_million: z.number(),
        medium_nM: z.number(),
        liveCells: z.number(),
      }),
    ),
  })
  .openapi("SimulatedCatabolite");

const Her2 = z
  .object({
    experiment: z.enum(["surface-her2", "shed-ecd"]),
    ...common,
    adc_nM: z.number(),
    points: z.array(
      z.object({
        time_h: z.number(),
        surfaceHer2_perCell: z.number(),
        surfaceHer2_relative: z.number(),
        shedEcd_nM: z.number(),
        shedEcd_ng_per_mL: z.number(),
      }),
    ),
  })
  .openapi("SimulatedHer2");

const Expression = z
  .object({
    experiment: z.literal("expression"),
    ...common,
    genes: z.array(z.object({ gene: z.string(), foldChange: z.number(), ddCt: z.number() })),
  })
  .openapi("SimulatedExpression");

export const SimulateResult = z
  .union([Viability, PulseChase, Catabolite, Her2, Expression])
  .openapi("SimulateResult", { description: "What `adclab simulate --json` prints for the same request" });

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
      parseSimulationRequest(request, JSON_SIMULATION_FIELDS); // bad input: 400 before anything is queued
      const result = await o.compute.run({ kind: "simulate", request, fields: JSON_SIMULATION_FIELDS });
      return c.json(result as z.infer<typeof SimulateResult>, 200);
    },
  );
}
