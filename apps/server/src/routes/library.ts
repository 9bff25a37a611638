/** The library: the source documents' table of resistant lines and the molecular weights we use. */
import { CONCENTRATION_UNITS, MOLECULAR_WEIGHTS, SEED_TABLE } from "@adclab/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../context.ts";
import { errorResponses, json } from "../schemas.ts";

const SeedRow = z
  .object({
    cellLine: z.string(),
    adc: z.string(),
    parentalIc50_nM: z.number(),
    resistantIc50_nM: z.number(),
    resistantIsLowerBound: z.boolean(),
    foldResistance: z.number(),
    mechanisms: z.array(z.string()),
    mechanismText: z.string(),
    primarySource: z.string(),
  })
  .openapi("SeedTableRow");

const Mw = z
  .object({ compound: z.string(), value_g_per_mol: z.number(), formula: z.string().optional(), source: z.string() })
  .openapi("MolecularWeight");

const Library = z
  .object({ seedTable: z.array(SeedRow), molecularWeights: z.array(Mw), concentrationUnits: z.array(z.string()) })
  .openapi("Library");

export function libraryData(): z.infer<typeof Library> {
  return {
    seedTable: SEED_TABLE.map((r) => ({ ...r, mechanisms: [...r.mechanisms] })),
    molecularWeights: Object.entries(MOLECULAR_WEIGHTS).map(([compound, m]) => ({
      compound,
      value_g_per_mol: m.value,
      ...("formula" in m ? { formula: m.formula } : {}),
      source: m.source,
    })),
    concentrationUnits: [...CONCENTRATION_UNITS],
  };
}

export function registerLibrary(app: App) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/library",
      tags: ["library"],
      summary: "Seed table of resistant lines, molecular weights, concentration units",
      responses: { 200: json(Library, "The library"), 401: errorResponses[401] },
    }),
    (c) => c.json(libraryData(), 200),
  );
}
