/**
 * Unit conversion, the API face of `adclab convert`: same rules (a mass ↔ molar conversion needs
 * a molecular weight, from `mw_g_per_mol` or a known compound), same result object, same messages.
 */
import { COMPOUNDS_WITH_MW, CONCENTRATION_UNITS, convertQuantity } from "@adclab/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../context.ts";
import { errorResponses, json, jsonBody } from "../schemas.ts";

const ConvertRequest = z
  .object({
    quantity: z.string().openapi({ example: "10ug/mL", description: "a value with its unit" }),
    to: z.string().openapi({ example: "nM", description: `target unit: ${CONCENTRATION_UNITS.join(", ")}` }),
    compound: z
      .string()
      .optional()
      .openapi({ example: "T-DM1", description: `one of ${COMPOUNDS_WITH_MW.join(", ")}` }),
    mw_g_per_mol: z.number().optional().openapi({ description: "molecular weight in g/mol (overrides compound)" }),
  })
  .openapi("ConvertRequest");

const ConvertResult = z
  .object({
    input: z.object({ value: z.number(), unit: z.string() }),
    output: z.object({ value: z.number(), unit: z.string() }),
    molecularWeight_g_per_mol: z.number().optional(),
    molecularWeightSource: z.string().optional(),
  })
  .openapi("ConvertResult");

export type ConvertRequest = z.infer<typeof ConvertRequest>;

/** The API face of core's convertQuantity: same rules and messages, with the API's field names. */
export function convertRequest(r: ConvertRequest): z.infer<typeof ConvertResult> {
  return convertQuantity(r, { quantity: "quantity", to: "to", compound: "compound", mw_g_per_mol: "mw_g_per_mol" });
}

export function registerUnits(app: App) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/units/convert",
      tags: ["units"],
      summary: "Convert a concentration between molar and mass units (as `adclab convert`)",
      request: { body: jsonBody(ConvertRequest) },
      responses: { 200: json(ConvertResult, "Converted"), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    (c) => c.json(convertRequest(c.req.valid("json")), 200),
  );
}
