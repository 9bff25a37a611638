/** The job of one batch worker thread: one image (row of the design table) → its results, as plain data. */
import { analyzeFiles, type ColocFileOptions, type ColocFileResult } from "./analyze-files.ts";

export async function run(input: ColocFileOptions): Promise<ColocFileResult> {
  return analyzeFiles({ ...input, keepPixels: false });
}
