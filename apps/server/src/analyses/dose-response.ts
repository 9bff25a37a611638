/**
 * The `dose-response` analysis: `adclab fit` on raw files already uploaded to the experiment.
 * Inputs name the files by id ({ "file": id, "layout"?: id, "controls"?: id, "time0"?: id });
 * they are stored with each file's name and SHA-256, so the analysis says exactly which bytes it
 * read. Options are the CLI's flags in camelCase, repeatable flags as lists, as the analysis's
 * contract (doseResponseContract) declares them; the contract checks them, so a bad value is a
 * 400 with the CLI's message.
 * The results are the document `adclab fit --json` prints; the figure is rendered on request
 * (routes/dose-response.ts). The
 * fit and the figure are computed on the compute pool's worker threads (./compute-pool.ts).
 */
import {
  type DoseResponseFiles,
  type DoseResponseOptions,
  doseResponseContract,
  optionsFromJson,
} from "@adclab/analyses";
import type { FileRef } from "./coloc.ts";
import { compute } from "./compute-pool.ts";
import { contractFiles } from "./contract-kind.ts";
import type { AnalysisKind, KindContext } from "./kinds.ts";

/** Checks the options and loads the named files (each must be in the experiment): everything but the fit. */
export async function doseResponseInputs(
  inputs: unknown,
  options: Record<string, unknown>,
  ctx: Pick<KindContext, "store" | "experimentId">,
): Promise<{ parsed: DoseResponseOptions; named: DoseResponseFiles; files: Record<string, FileRef> }> {
  const parsed = optionsFromJson(doseResponseContract, options); // bad options before any read
  const { named, files } = await contractFiles(doseResponseContract, inputs, ctx);
  return { parsed, named: named as unknown as DoseResponseFiles, files };
}

export const doseResponseKind: AnalysisKind = {
  cli: "adclab fit FILE [--layout LAYOUT] [--model …] [--compare A:B] [--reversal S:I[:P]] [--fix P=V] [--bounds P=LO:HI] [--share P] … --json",
  async prepare(inputs, options, ctx) {
    const { parsed, named, files } = await doseResponseInputs(inputs, options, ctx);
    // Reading the files' contents is part of the fit, and a file it cannot read is a 400 with
    // nothing stored: so the fit (on a worker thread) is awaited here, before anything is written.
    const result = await compute(ctx.compute, { kind: "dose-response", files: named, options: parsed });
    return { inputs: files, run: () => result };
  },
};
