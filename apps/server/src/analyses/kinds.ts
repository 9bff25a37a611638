/**
 * The analyses the API can run and store, each calling the same core function as its CLI
 * command. `prepare` validates everything (an InputError means a 400 and nothing written);
 * `run` computes the results that are stored with the inputs, options and ADCLab version. The
 * heavy computations run on the server's worker threads (./compute-pool.ts), not in the handler.
 */
import { InputError } from "@adclab/core";
import type { Store } from "@adclab/db";
import { colocKind } from "./coloc.ts";
import type { ComputePool } from "./compute-pool.ts";
import { convertRequest } from "./convert.ts";
import { diagnoseKind } from "./diagnose.ts";
import { doseResponseKind } from "./dose-response.ts";
import { simulateKind } from "./simulate.ts";

/** What a kind may look at while it prepares: the store (for uploaded files) and the experiment. */
export interface KindContext {
  store: Store;
  /** The experiment the analysis belongs to; null when it is run without being stored. */
  experimentId: string | null;
  /** Where the heavy part runs; absent: on this thread (the demo project, made before the server listens). */
  compute?: ComputePool;
}

export interface PreparedAnalysis {
  /** What is stored as the analysis' inputs when it differs from the request (e.g. files with their SHA-256). */
  inputs?: unknown;
  run(): unknown | Promise<unknown>;
}

export interface AnalysisKind {
  /** The CLI command that gives the same result. */
  cli: string;
  prepare(
    inputs: unknown,
    options: Record<string, unknown>,
    ctx: KindContext,
  ): PreparedAnalysis | Promise<PreparedAnalysis>;
}

export const ANALYSIS_KINDS: Record<string, AnalysisKind> = {
  diagnose: diagnoseKind,
  convert: {
    cli: "adclab convert QUANTITY --to UNIT [--compound NAME | --mw G_PER_MOL] --json",
    prepare(inputs) {
      if (typeof inputs !== "object" || inputs === null) {
        throw new InputError("convert needs { quantity, to, compound?, mw_g_per_mol? }", { field: "inputs" });
      }
      const r = inputs as { quantity?: unknown; to?: unknown; compound?: unknown; mw_g_per_mol?: unknown };
      if (typeof r.quantity !== "string" || typeof r.to !== "string") {
        throw new InputError("quantity and to must be text", {
          field: "inputs",
          expected: '{"quantity": "10ug/mL", "to": "nM"}',
        });
      }
      const request = {
        quantity: r.quantity,
        to: r.to,
        ...(typeof r.compound === "string" ? { compound: r.compound } : {}),
        ...(typeof r.mw_g_per_mol === "number" ? { mw_g_per_mol: r.mw_g_per_mol } : {}),
      };
      const result = convertRequest(request); // validates now, so bad input writes nothing
      return { run: () => result };
    },
  },
  coloc: colocKind,
  "dose-response": doseResponseKind,
  simulate: simulateKind,
};

export const ANALYSIS_KIND_NAMES = Object.keys(ANALYSIS_KINDS);

export function analysisKind(kind: string): AnalysisKind {
  const k = ANALYSIS_KINDS[kind];
  if (!k)
    throw new InputError(`unknown analysis '${kind}'`, { field: "kind", expected: ANALYSIS_KIND_NAMES.join(", ") });
  return k;
}
