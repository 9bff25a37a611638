/**
 * Unit conversion, the API face of `adclab convert`: same rules (a mass ↔ molar conversion needs
 * a molecular weight, from `mw_g_per_mol` or a known compound), same result object, same messages.
 */
import {
  CONCENTRATION_UNITS,
  type CompoundWithMw,
  type ConcentrationUnit,
  convertConcentration,
  InputError,
  MOLECULAR_WEIGHTS,
  normalizeConcentrationUnit,
  parseConcentrationValue,
} from "@adclab/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../context.ts";
import { errorResponses, json, jsonBody } from "../schemas.ts";

const COMPOUNDS = Object.keys(MOLECULAR_WEIGHTS) as CompoundWithMw[];

const ConvertRequest = z
  .object({
    quantity: z.string().openapi({ example: "10ug/mL", description: "a value with its unit" }),
    to: z.string().openapi({ example: "nM", description: `target unit: ${CONCENTRATION_UNITS.join(", ")}` }),
    compound: z
      .string()
      .optional()
      .openapi({ example: "T-DM1", description: `one of ${COMPOUNDS.join(", ")}` }),
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

export function convertQuantity(r: ConvertRequest): z.infer<typeof ConvertResult> {
  const to = normalizeConcentrationUnit(r.to);
  if (!to) throw new InputError(`unknown unit '${r.to}'`, { field: "to", expected: CONCENTRATION_UNITS.join(", ") });
  let mw: number | undefined;
  let mwSource: string | undefined;
  if (r.mw_g_per_mol !== undefined) {
    if (!(Number.isFinite(r.mw_g_per_mol) && r.mw_g_per_mol > 0)) {
      throw new InputError("not a molecular weight", {
        field: "mw_g_per_mol",
        expected: "a positive number of g/mol",
        got: r.mw_g_per_mol,
      });
    }
    mw = r.mw_g_per_mol;
    mwSource = "given with mw_g_per_mol";
  } else if (r.compound !== undefined) {
    const known = MOLECULAR_WEIGHTS[r.compound as CompoundWithMw];
    if (!known) {
      throw new InputError(`unknown compound '${r.compound}'`, { field: "compound", expected: COMPOUNDS.join(", ") });
    }
    mw = known.value;
    mwSource = known.source;
  }
  const parsed = parseConcentrationValue(r.quantity, { field: "quantity" });
  const value = convertConcentration(parsed.value, parsed.unit, to as ConcentrationUnit, {
    field: "quantity",
    molecularWeight_g_per_mol: mw,
  });
  return {
    input: { value: parsed.value, unit: parsed.unit },
    output: { value, unit: to },
    ...(mw === undefined ? {} : { molecularWeight_g_per_mol: mw, molecularWeightSource: mwSource }),
  };
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
    (c) => c.json(convertQuantity(c.req.valid("json")), 200),
  );
}
