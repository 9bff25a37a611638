/** The job of one batch worker thread: one image (row of the design table) → its rows, as plain data. */
import { analyzeColocImage, type ColocAnalysisOptions, type ColocImageResult } from "@adclab/analyses";
import { readInputFile } from "./files.ts";

export interface ColocWorkerInput {
  image: string;
  image2?: string;
  mask?: string;
  labels?: string;
  options: ColocAnalysisOptions;
}

export async function run(input: ColocWorkerInput): Promise<ColocImageResult> {
  const { pixels: _pixels, ...result } = await analyzeColocImage(
    {
      image: readInputFile(input.image, "IMAGE"),
      ...(input.image2 ? { image2: readInputFile(input.image2, "IMAGE2") } : {}),
      ...(input.mask ? { mask: readInputFile(input.mask, "--mask") } : {}),
      ...(input.labels ? { labels: readInputFile(input.labels, "--labels") } : {}),
    },
    input.options,
  );
  return result;
}
