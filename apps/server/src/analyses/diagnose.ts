/**
 * The `diagnose` analysis: `adclab diagnose --json` on the observation document the request
 * carries as its `inputs` (examples/observations/), with the options of the analysis's contract
 * (diagnoseContract: cellLine, draws), checked by it. The document is checked first, then the
 * options, as the CLI does; the diagnosis itself runs on the compute pool's worker threads.
 */
import { diagnoseContract, diagnosisOptions, optionsFromJson } from "@adclab/analyses";
import { parseObservationSet } from "@adclab/core";
import { compute } from "./compute-pool.ts";
import type { AnalysisKind } from "./kinds.ts";

export const diagnoseKind: AnalysisKind = {
  cli: "adclab diagnose OBSERVATIONS.json --json",
  prepare(inputs, options, ctx) {
    const set = parseObservationSet(inputs);
    const parsed = optionsFromJson(diagnoseContract, options);
    const coreOptions = diagnosisOptions(set, parsed);
    return {
      run: () => compute(ctx.compute, { kind: "diagnose", observations: set.observations, options: coreOptions }),
    };
  },
};
