/**
 * The request and result of a unit conversion (`POST /api/units/convert`, routes/units.ts, and the
 * `convert` analysis kind, kinds.ts): `adclab convert` with the API's field names.
 */
import { COMPOUNDS_WITH_MW, CONCENTRATION_UNITS, convertQuantity } from "@adclab/core";
import { z } from "@hono/zod-openapi";

export const ConvertRequest = z
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

export const ConvertResult = z
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
