/**
 * The job of one worker thread: one item of a batch (one image of a co-localization batch, one
 * file of a batch of fits) → its result, as plain data. The bytes arrive with the item: workers
 * have no database.
 */
import {
  analyzeColocImage,
  type ColocAnalysisOptions,
  type ColocFile,
  type ColocImageResult,
  type DoseResponseOptions,
  type DoseResponseResult,
  type NamedFile,
  runDoseResponse,
} from "@adclab/analyses";
import { API_COLOC_FIELDS } from "../analyses/coloc.ts";

export type JobItem =
  | {
      kind: "coloc";
      image: ColocFile;
      image2?: ColocFile;
      mask?: ColocFile;
      labels?: ColocFile;
      ch1?: string;
      ch2?: string;
      options: ColocAnalysisOptions;
    }
  | { kind: "fit"; file: NamedFile; layout?: NamedFile; options: DoseResponseOptions };

export type JobItemResult = ColocImageResult | DoseResponseResult;

export async function run(item: JobItem): Promise<JobItemResult> {
  if (item.kind === "coloc") {
    const { kind: _kind, options, ...input } = item;
    const { pixels: _pixels, ...result } = await analyzeColocImage(input, options, API_COLOC_FIELDS);
    return result;
  }
  return runDoseResponse({ file: item.file, ...(item.layout ? { layout: item.layout } : {}) }, item.options).result;
}
