/**
 * The library: the source documents' table of resistant lines, the cell lines, resistance
 * mechanisms and model parameters with their sources, the protocols, and the molecular weights.
 */
import {
  CELL_LINES,
  CONCENTRATION_UNITS,
  MECHANISMS,
  MODEL_PARAMETERS,
  MOLECULAR_WEIGHTS,
  PROTOCOLS,
  SEED_TABLE,
  type SourcedValue,
} from "@adclab/core";
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

const Sourced = z
  .object({
    value: z.number(),
    units: z.string(),
    description: z.string(),
    source: z.string(),
    solidity: z.string(),
    note: z.string().optional(),
  })
  .openapi("SourcedValue");

const CellLineSchema = z
  .object({
    id: z.string(),
    description: z.string(),
    her2PerCell: Sourced,
    doublingTime_h: Sourced,
    expression: z.record(z.string(), z.number()),
    expressionSource: z.string(),
  })
  .openapi("CellLine");

const MechanismSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    changes: z.string(),
    literature: z.string(),
    bounds: z.object({ min: z.number(), max: z.number(), reason: z.string() }),
  })
  .openapi("Mechanism");

const ParameterSchema = Sourced.extend({ name: z.string() }).openapi("ModelParameter");

const ProtocolSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    purpose: z.string(),
    materials: z.array(z.string()),
    steps: z.array(z.string()),
    analysis: z.string(),
    sources: z.array(z.string()),
  })
  .openapi("Protocol");

const Library = z
  .object({
    seedTable: z.array(SeedRow),
    cellLines: z.array(CellLineSchema),
    mechanisms: z.array(MechanismSchema),
    parameters: z.array(ParameterSchema),
    protocols: z.array(ProtocolSchema),
    molecularWeights: z.array(Mw),
    concentrationUnits: z.array(z.string()),
  })
  .openapi("Library");

export function libraryData(): z.infer<typeof Library> {
  return {
    seedTable: SEED_TABLE.map((r) => ({ ...r, mechanisms: [...r.mechanisms] })),
    cellLines: CELL_LINES.map((c) => ({
      id: c.id,
      description: c.description,
      her2PerCell: c.her2PerCell,
      doublingTime_h: c.doublingTime_h,
      expression: { ...c.expression },
      expressionSource: c.expressionSource,
    })),
    mechanisms: MECHANISMS.map((m) => ({
      id: m.id,
      name: m.name,
      changes: m.changes,
      literature: m.literature,
      bounds: { ...m.bounds },
    })),
    parameters: Object.entries(MODEL_PARAMETERS as Record<string, SourcedValue>).map(([name, p]) => ({ name, ...p })),
    protocols: PROTOCOLS.map((p) => ({
      ...p,
      materials: [...p.materials],
      steps: [...p.steps],
      sources: [...p.sources],
    })),
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
      summary:
        "Resistant lines, cell lines, mechanisms, model parameters and protocols with sources; molecular weights",
      responses: { 200: json(Library, "The library"), 401: errorResponses[401] },
    }),
    (c) => c.json(libraryData(), 200),
  );
}
