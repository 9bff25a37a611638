/**
 * The dose–response analysis as a contract (../contract/): `adclab fit`, the API's
 * `dose-response` kind, the `fit-batch` job and the web page's form all derive from it.
 */
import { z } from "zod";
import { optionsFromValues } from "../contract/check.ts";
import { defineAnalysis } from "../contract/define.ts";
import { runDoseResponse } from "./analysis.ts";
import {
  type DoseResponseOptions,
  type DoseResponseOptionsInput,
  DoseResponseOptionsSchema,
  resolveDoseResponseOptions,
} from "./options.ts";

/** The result document (`adclab fit --json`; docs/cli/fit.md has every field). */
export const DoseResponseResultSchema = z
  .object({
    file: z.string(),
    model: z.string(),
    normalization: z.enum(["vehicle", "none"]).optional(),
    responseUnit: z.enum(["%", "raw"]).optional(),
    concentrationUnit: z.string(),
    curves: z.array(z.record(z.string(), z.unknown())),
    comparisons: z.array(z.record(z.string(), z.unknown())),
    reversals: z.array(z.record(z.string(), z.unknown())),
    warnings: z.array(z.string()),
  })
  .meta({ description: 'results of kind "dose-response": the document `adclab fit --json` prints (docs/cli/fit.md)' });

const fold = (drug: string) => `IC50(resistant) / IC50(parental) of ${drug}, from --compare, with its 95 % CI`;

export const doseResponseContract = defineAnalysis({
  id: "dose-response",
  command: "fit",
  summary: "fit dose–response curves (IC50 with CI, or GR metrics), compare lines, draw the figure",
  files: {
    file: {
      cli: "<file>",
      cliField: "FILE",
      required: true,
      description: "long table (CSV/TSV, one row per well) or plate-reader grid (with --layout)",
    },
    layout: {
      cli: "--layout <file>",
      description: "plate layout for a plate-reader grid: labelled grids or a table with a well column",
    },
    controls: {
      cli: "--controls <file>",
      description: "gr: control counts in a separate table (GRmetrics' separate-table input)",
    },
    time0: { cli: "--time0 <file>", description: "gr: time-zero counts in a separate table" },
  },
  options: DoseResponseOptionsSchema,
  parse: resolveDoseResponseOptions,
  result: DoseResponseResultSchema,
  observations: [
    { id: "tdm1_ic50_fold", from: fold("T-DM1") },
    { id: "free_dm1_ic50_fold", from: fold("free DM1 (or S-methyl-DM1)") },
    { id: "taxane_ic50_fold", from: fold("a taxane") },
    { id: "vinca_ic50_fold", from: fold("a vinca alkaloid") },
    { id: "verapamil_reversal_fold", from: "IC50(T-DM1) / IC50(T-DM1 + verapamil), from --reversal" },
    { id: "tariquidar_reversal_fold", from: "IC50(T-DM1) / IC50(T-DM1 + tariquidar), from --reversal" },
    { id: "mk571_reversal_fold", from: "IC50(T-DM1) / IC50(T-DM1 + MK-571), from --reversal" },
    { id: "ko143_reversal_fold", from: "IC50(T-DM1) / IC50(T-DM1 + Ko143), from --reversal" },
  ],
  run: runDoseResponse,
});

/**
 * Options as a library caller gives them (every field optional) → the checked options that
 * runDoseResponse takes: the schema's checks, then the checks between options.
 */
export function parseDoseResponseOptions(o: DoseResponseOptionsInput): DoseResponseOptions {
  return optionsFromValues(doseResponseContract, o as Record<string, unknown>);
}
