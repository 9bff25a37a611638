/**
 * The simulate analysis as a contract (../contract/): `adclab simulate`, `POST /api/simulate`,
 * the API's `simulate` kind and the `simulate-sweep` job all derive from it, and the web
 * explorer takes its defaults from here. Browser-safe: zod and @adclab/core only.
 *
 * The request is ONE schema in its JSON form (the body of `POST /api/simulate`); the CLI spells
 * mechanisms and inhibitors as text (`--mechanism slc46a3-loss=6`), which the contract's `parse`
 * reads too. Unlike fit, each face names the fields its own way in messages (`--mechanism` on the
 * command line, `mechanisms` in JSON, `inputs.mechanisms` for a stored analysis), as before.
 */
import { CELL_LINE_IDS, DRUG_IDS, INHIBITOR_IDS, MECHANISM_IDS } from "@adclab/core";
import { z } from "zod";
import { defineAnalysis, option } from "../contract/define.ts";
import { optionFields } from "../contract/fields.ts";
import {
  EXPERIMENTS,
  parseSimulationRequest,
  runSimulation,
  SIMULATION_DEFAULTS,
  SIMULATION_KEYS,
  SIMULATION_UNITS,
  type SimulationFields,
} from "./simulation.ts";

const described = <T extends z.ZodType>(schema: T, description: string, example: unknown) =>
  schema.meta({ description, example }) as T;

const { concentration: nM, time: h } = SIMULATION_UNITS;
const D = SIMULATION_DEFAULTS;

/** The request: what `adclab simulate`'s flags carry, as JSON (quantities as text with their units). */
export const SimulateRequestSchema = z.strictObject({
  cellLine: option(z.string(), {
    flag: "--cell-line <name>",
    description: `cell line: ${CELL_LINE_IDS.join(", ")}`,
    label: "Cell line",
    missing: "a cell line is required",
    expected: `one of ${CELL_LINE_IDS.join(", ")}`,
    example: "BT-474M1",
  }),
  mechanisms: option(
    z
      .array(
        z.strictObject({
          id: described(z.string(), `one of ${MECHANISM_IDS.join(", ")}`, "slc46a3-loss"),
          strength: described(z.number(), "fold change > 0 (1 = none)", 6),
        }),
      )
      .default([]),
    {
      flag: "--mechanism <id=strength>",
      description: "resistance mechanism and its fold change (repeatable), e.g. slc46a3-loss=10",
      label: "Mechanisms (ID=STRENGTH)",
      repeatable: true,
      separator: ",",
      example: [{ id: "slc46a3-loss", strength: 6 }],
    },
  ),
  experiment: option(z.string().default(D.experiment), {
    flag: "--experiment <name>",
    description: `one of ${EXPERIMENTS.join(", ")}`,
    label: "Experiment",
    example: "viability",
  }),
  drug: option(z.string().default(D.drug), {
    flag: "--drug <name>",
    description: `viability drug: ${DRUG_IDS.join(", ")}`,
    label: "Drug",
    example: "T-DM1",
  }),
  inhibitors: option(
    z
      .array(
        z.strictObject({
          id: described(z.string(), `one of ${INHIBITOR_IDS.join(", ")}`, "tariquidar"),
          concentration: described(z.string(), `with its unit (a bare number is ${nM})`, "100nM"),
        }),
      )
      .default([]),
    {
      flag: "--inhibitor <name=conc>",
      description: `efflux inhibitor (repeatable): ${INHIBITOR_IDS.join(", ")}, e.g. verapamil=10uM`,
      label: "Efflux inhibitors (NAME=CONCENTRATION)",
      repeatable: true,
      separator: ",",
      example: [{ id: "tariquidar", concentration: "100nM" }],
    },
  ),
  trastuzumab: option(z.string().optional(), {
    flag: "--trastuzumab <conc>",
    description: "unconjugated trastuzumab added with the drug (viability)",
    label: "Unconjugated trastuzumab",
    unit: nM,
    blankIsUnset: true,
    example: "10nM",
  }),
  time: option(z.string().default(D.time), {
    flag: "--time <duration>",
    description: "viability read-out time / end of a time course",
    label: "Time",
    unit: h,
    example: "120h",
  }),
  doses: option(z.union([z.string(), z.array(z.string())]).optional(), {
    flag: "--doses <list>",
    description: "viability concentrations, e.g. 0.01,0.1,1,10nM (default 10 log-spaced doses)",
    label: "Doses",
    unit: nM,
    blankIsUnset: true,
    example: ["0.01nM", "0.1nM", "1nM", "10nM"],
  }),
  dose: option(z.string().optional(), {
    flag: "--dose <conc>",
    description: `T-DM1 for pulse-chase (default 10ug/mL), catabolite (${D.dose_nM.catabolite} ${nM}), surface-her2/shed-ecd (${D.dose_nM["surface-her2"]})`,
    label: "Dose",
    unit: nM,
    blankIsUnset: true,
    example: "10nM",
  }),
  times: option(z.union([z.string(), z.array(z.string())]).optional(), {
    flag: "--times <list>",
    description: "read-out times of a time course (chase times for pulse-chase), e.g. 2h,6h,24h",
    label: "Times",
    unit: h,
    blankIsUnset: true,
    example: ["2h", "6h", "24h"],
  }),
});

/** JSON has no NaN: a number the fit could not determine arrives as null. */
const num = z.number().nullable();
const Params = z.object({ bottom: num, top: num, ic50_nM: num, logIC50: num, hill: num, asymmetry: num.optional() });
const common = {
  settings: z.object({
    cellLine: z.string(),
    mechanisms: z.array(z.object({ id: z.string(), strength: z.number() })),
    inhibitors: z.array(z.object({ id: z.string(), concentration_nM: z.number() })),
  }),
  cellLine: z.string(),
};

const Viability = z
  .object({
    experiment: z.literal("viability"),
    ...common,
    drug: z.string(),
    time_h: z.number(),
    concentration_nM: z.array(z.number()),
    viability: z.array(z.number()).meta({ description: "live cells relative to the untreated well" }),
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
  .meta({ id: "SimulatedViability" });

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
  .meta({ id: "SimulatedPulseChase" });

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
  .meta({ id: "SimulatedCatabolite" });

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
  .meta({ id: "SimulatedHer2" });

const Expression = z
  .object({
    experiment: z.literal("expression"),
    ...common,
    genes: z.array(z.object({ gene: z.string(), foldChange: z.number(), ddCt: z.number() })),
  })
  .meta({ id: "SimulatedExpression" });

/** The result: what `adclab simulate --json` prints, one shape per experiment. */
export const SimulateResultSchema = z
  .union([Viability, PulseChase, Catabolite, Her2, Expression])
  .meta({ id: "SimulateResult", description: "What `adclab simulate --json` prints for the same request" });

/** The field names of a face, in the procedure's table form (a worker thread takes it as data). */
export function simulationFields(name: (key: string) => string): SimulationFields {
  return Object.fromEntries(SIMULATION_KEYS.map((k) => [k, name(k)])) as SimulationFields;
}

export const simulateContract = defineAnalysis({
  id: "simulate",
  command: "simulate",
  summary: "run a virtual experiment on the T-DM1 well model",
  files: {},
  options: SimulateRequestSchema,
  parse: (request, name) => parseSimulationRequest(request, name ? simulationFields(name) : undefined),
  result: SimulateResultSchema,
  observations: [],
  run: (_files: Record<string, never>, parsed) => runSimulation(parsed),
});

/** Messages of `adclab simulate`: the flags. */
export const CLI_SIMULATION_FIELDS: SimulationFields = simulationFields(
  (k) => optionFields(simulateContract).find((f) => f.key === k)?.cliName ?? k,
);
/** Messages of `POST /api/simulate`: the JSON keys. */
export const JSON_SIMULATION_FIELDS: SimulationFields = simulationFields((k) => k);
