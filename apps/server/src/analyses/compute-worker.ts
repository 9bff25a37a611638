/**
 * The thread side of the compute pool (./compute-pool.ts): the CPU-heavy part of one analysis
 * asked for over HTTP — a troubleshooter run, a dose–response fit, a co-localization, a
 * simulation — with the same procedure the request handler called before, on inputs already
 * checked by the kind's `prepare` on the event-loop thread; and the figures and image work
 * of the routes around stored analyses (a fit's figure, channel previews, a cytofluorogram), whose only checks
 * are the decoding itself. Plain data in, plain data out: the worker has no database, and the
 * files' bytes arrive with the task.
 */
import {
  analyzeColocImage,
  type ColocAnalysisOptions,
  type ColocFieldNames,
  type ColocFile,
  type ColocImageResult,
  type ColocInput,
  colocCytofluorogramSvg,
  colocJson,
  type DoseResponseFiles,
  type DoseResponseOptions,
  doseResponseFigureSvg,
  parseSimulationRequest,
  readColocPixels,
  runDoseResponse,
  runSimulation,
  type SimulationFields,
  type SimulationRequest,
} from "@adclab/analyses";
import { colocCytofluorogramPng, colocImageInfo } from "@adclab/analyses/node";
import { type DiagnoseOptions, diagnose, type ObservedValue, regionFromMask } from "@adclab/core";
import { nodeDocument, svgToPng } from "@adclab/report/node";

export type ComputeTask =
  | { kind: "diagnose"; observations: ObservedValue[]; options: DiagnoseOptions }
  | { kind: "dose-response"; files: DoseResponseFiles; options: DoseResponseOptions }
  /** A stored fit drawn again from its files (deterministic, so it matches the stored results). */
  | { kind: "dose-response-figure"; files: DoseResponseFiles; options: DoseResponseOptions; format: "svg" | "png" }
  | {
      kind: "coloc";
      input: ColocInput;
      options: ColocAnalysisOptions;
      /** The uploaded names of the mask and label image, as `adclab coloc --json` names them. */
      regions: { mask?: string; labels?: string };
      /** How the caller names its inputs in messages. */
      fields: ColocFieldNames;
    }
  /** The request was parsed (and refused if bad) before it was queued; parsing again is cheap and deterministic. */
  | { kind: "simulate"; request: SimulationRequest; fields: SimulationFields }
  /** An uploaded image's sizes, channel names and previews (GET /api/files/{id}/channels). */
  | { kind: "image-info"; file: ColocFile }
  /** The cytofluorogram of a stored co-localization: its pixels read again, drawn with its results. */
  | {
      kind: "cytofluorogram";
      input: ColocInput;
      result: Pick<ColocImageResult, "rows" | "channels">;
      format: "svg" | "png";
      fields: ColocFieldNames;
    };

export async function run(task: ComputeTask): Promise<unknown> {
  switch (task.kind) {
    case "diagnose":
      return diagnose(task.observations, task.options);
    case "dose-response":
      return runDoseResponse(task.files, task.options).result;
    case "dose-response-figure": {
      const svg = doseResponseFigureSvg(runDoseResponse(task.files, task.options), nodeDocument());
      return task.format === "png" ? svgToPng(svg) : svg;
    }
    case "coloc": {
      const { pixels: _pixels, ...result } = await analyzeColocImage(task.input, task.options, task.fields);
      return colocJson(result, task.options, task.regions);
    }
    case "simulate":
      return runSimulation(parseSimulationRequest(task.request, task.fields)).result;
    case "image-info":
      return colocImageInfo(task.file);
    case "cytofluorogram": {
      const px = await readColocPixels(task.input, task.fields);
      const pixels = { ch1: px.ch1, ch2: px.ch2, region: px.region ? regionFromMask(px.region) : null };
      return task.format === "svg"
        ? colocCytofluorogramSvg(task.result, pixels)
        : colocCytofluorogramPng(task.result, pixels);
    }
  }
}
