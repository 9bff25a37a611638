/**
 * The troubleshooter as an analysis contract (../contract/): `adclab diagnose`, the API's
 * `diagnose` kind and POST /api/analyses/diagnose derive from it. Its input is the observation
 * document (examples/observations/): the CLI reads it from a JSON or YAML file, the API takes it
 * as the request's `inputs`. `--interactive` (one result at a time) is the CLI's own.
 */
import { type DiagnoseOptions, type Diagnosis, diagnose, type ObservationSet, parseObservationSet } from "@adclab/core";
import { z } from "zod";
import { defineAnalysis } from "../contract/define.ts";
import { type DiagnoseAnalysisOptions, DiagnoseOptionsSchema } from "./options.ts";

/**
 * The observation document as the API documents (and POST /api/analyses/diagnose checks) it;
 * core's parseObservationSet checks every observation, and also takes `observations` as an object
 * keyed by id (examples/observations/*.yaml).
 */
export const ObservationDocumentSchema = z
  .object({ cell_line: z.string().optional(), observations: z.array(z.record(z.string(), z.unknown())) })
  .passthrough()
  .meta({ description: "the observation document `adclab diagnose` reads (examples/observations/)" });

/** The result document (`adclab diagnose --json`). */
export const DiagnosisResultSchema = z
  .object({
    cellLine: z.string(),
    modelFingerprint: z.string(),
    observations: z.array(z.record(z.string(), z.unknown())),
    candidates: z.array(z.record(z.string(), z.unknown())),
    mechanisms: z.array(z.record(z.string(), z.unknown())),
    nextExperiments: z.array(z.record(z.string(), z.unknown())),
    nextProtocol: z.record(z.string(), z.unknown()).optional(),
    tableRows: z.array(z.record(z.string(), z.unknown())),
  })
  .meta({ description: "the object `adclab diagnose --json` prints" });

/** The contract's input: the observation document, decoded (from JSON or YAML) but not yet checked. */
export interface DiagnoseFiles {
  observations: unknown;
}

/** The core's options for a checked set: the cell line given, else the document's. */
export function diagnosisOptions(set: ObservationSet, o: DiagnoseAnalysisOptions): DiagnoseOptions {
  const cellLine = o.cellLine ?? set.cellLine;
  return { cellLine, ...(o.draws === undefined ? {} : { draws: o.draws }) };
}

/** A checked set and options → the diagnosis. */
export function diagnoseObservationSet(set: ObservationSet, o: DiagnoseAnalysisOptions): Diagnosis {
  return diagnose(set.observations, diagnosisOptions(set, o));
}

/**
 * The procedure: the document checked (core's parseObservationSet; an InputError names the
 * field), then diagnosed. The faces run the two halves themselves where they check the document
 * before the options (and the server before it stores anything).
 */
export function runDiagnosis(files: DiagnoseFiles, o: DiagnoseAnalysisOptions): Diagnosis {
  return diagnoseObservationSet(parseObservationSet(files.observations), o);
}

export const diagnoseContract = defineAnalysis({
  id: "diagnose",
  command: "diagnose",
  summary: "rank resistance mechanisms from observations, explain why, and suggest the next experiment",
  files: {
    observations: {
      cli: "[observations]",
      cliField: "<observations>",
      description: "observation file, JSON or YAML (see examples/observations/)",
      document: ObservationDocumentSchema,
    },
  },
  options: DiagnoseOptionsSchema,
  parse: (o: DiagnoseAnalysisOptions) => o,
  result: DiagnosisResultSchema,
  // The diagnosis takes observations; it yields none.
  observations: [],
  run: runDiagnosis,
});
