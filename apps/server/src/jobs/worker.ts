/**
 * The job of one worker thread: one item of a batch (one image of a co-localization batch, one
 * file of a batch of fits, one simulation of a mechanism-strength sweep) → its result, as plain data. The bytes arrive with the item: workers
 * have no database.
 */
import {
  analyzeColocImage,
  type ColocContractOptions,
  type ColocImageResult,
  type ColocInput,
  type DoseResponseOptions,
  type DoseResponseResult,
  JSON_SIMULATION_FIELDS,
  type NamedFile,
  parseSimulationRequest,
  runDoseResponse,
  runSimulation,
  type SimulationRequest,
} from "@adclab/analyses";

export type JobItem =
  | ({ kind: "coloc"; options: ColocContractOptions } & ColocInput)
  | { kind: "fit"; file: NamedFile; layout?: NamedFile; options: DoseResponseOptions }
  /** The body of POST /api/simulate (checked before the job started), strength already set. */
  | { kind: "simulate"; request: SimulationRequest };

export type JobItemResult = ColocImageResult | DoseResponseResult | Record<string, unknown>;

export async function run(item: JobItem): Promise<JobItemResult> {
  if (item.kind === "coloc") {
    const { kind: _kind, options, ...input } = item;
    const { pixels: _pixels, ...result } = await analyzeColocImage(input, options, options.fields);
    return result;
  }
  if (item.kind === "simulate")
    return runSimulation(parseSimulationRequest(item.request, JSON_SIMULATION_FIELDS)).result;
  return runDoseResponse({ file: item.file, ...(item.layout ? { layout: item.layout } : {}) }, item.options).result;
}
