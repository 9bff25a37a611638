/**
 * The source document's troubleshooting table (observed issue → potential causes → suggested
 * steps), with each cause mapped to the mechanisms of knowledge/mechanisms.ts and each step to the
 * assays of knowledge/assays.ts. Tests use it to check that the troubleshooter reproduces the table.
 */

import type { MechanismId } from "./mechanisms.ts";
import type { ObservationId } from "./observation-ids.ts";

/**
 * One clause of a row's observed issue in terms of an observation: "up" / "down" = changed beyond
 * what the assay's replicate noise explains; "not-up" / "not-down" = not changed that way.
 */
export interface ObservedClause {
  id: ObservationId;
  is: "up" | "down" | "not-up" | "not-down";
}

export interface TroubleshootingRow {
  row: number;
  observedIssue: string;
  /**
   * The observed issue as observations: every clause of `all` and, when given, at least one of
   * `any` must hold (an observation not given does not hold).
   */
  recognizedBy: { all: readonly ObservedClause[]; any?: readonly ObservedClause[] };
  causes: readonly { text: string; mechanisms: readonly MechanismId[] }[];
  steps: readonly { text: string; assays: readonly string[] }[];
}

export const TROUBLESHOOTING_TABLE: readonly TroubleshootingRow[] = [
  {
    row: 1,
    observedIssue: "High IC50 for T-DM1, but cells remain sensitive to free DM1.",
    recognizedBy: {
      all: [
        { id: "tdm1_ic50_fold", is: "up" },
        { id: "free_dm1_ic50_fold", is: "not-up" },
      ],
    },
    causes: [
      {
        text: "Impaired ADC internalization/trafficking: the ADC is not reaching the lysosome effectively.",
        mechanisms: ["internalization-impaired", "recycling-enhanced", "trafficking-impaired"],
      },
      {
        text: "Lysosomal dysfunction: the antibody is not being degraded to release Lys-SMCC-DM1.",
        mechanisms: ["lysosome-ph"],
      },
    ],
    steps: [
      { text: "Internalization assay", assays: ["internalization"] },
      { text: "Lysosomal co-localization assay (Protocol 1)", assays: ["lysosomal-colocalization"] },
      { text: "Lysosomal pH measurement", assays: ["lysosomal-ph"] },
    ],
  },
  {
    row: 2,
    observedIssue:
      "Cells show cross-resistance to T-DM1 and other microtubule-targeting agents (e.g. taxanes, vinca alkaloids).",
    recognizedBy: {
      all: [{ id: "tdm1_ic50_fold", is: "up" }],
      any: [
        { id: "taxane_ic50_fold", is: "up" },
        { id: "vinca_ic50_fold", is: "up" },
      ],
    },
    causes: [
      {
        text: "Increased drug efflux: overexpression of broad-spectrum ABC transporters like MDR1.",
        mechanisms: ["mdr1-up", "abcc1-up", "abcg2-up"],
      },
      {
        text: "Tubulin alterations: mutations in tubulin genes or changes in isoform expression.",
        mechanisms: ["tubulin-altered"],
      },
    ],
    steps: [
      { text: "Efflux pump expression/function", assays: ["abc-expression", "efflux-inhibitor-reversal"] },
      { text: "Tubulin sequencing", assays: ["tubulin-sequencing"] },
      { text: "Microtubule polymerization assay", assays: ["microtubule-polymerization"] },
    ],
  },
  {
    row: 3,
    observedIssue: "Reduced T-DM1 efficacy accompanied by decreased HER2 signal in Western blot or flow cytometry.",
    recognizedBy: {
      all: [{ id: "tdm1_ic50_fold", is: "up" }],
      any: [
        { id: "surface_her2_ratio", is: "down" },
        { id: "total_her2_ratio", is: "down" },
      ],
    },
    causes: [{ text: "Loss or downregulation of HER2 antigen.", mechanisms: ["her2-loss"] }],
    steps: [
      {
        text: "Confirm HER2 levels (surface by flow, total by Western, gene by FISH/qPCR)",
        assays: ["surface-her2-flow", "total-her2-western", "her2-gene"],
      },
      { text: "Evaluate HER2 shedding (ECD ELISA)", assays: ["shed-ecd-elisa"] },
    ],
  },
  {
    row: 4,
    observedIssue: "T-DM1 internalizes and co-localizes with lysosomes, but cytotoxicity is still low.",
    recognizedBy: {
      all: [
        { id: "tdm1_ic50_fold", is: "up" },
        { id: "internalized_fraction_ratio", is: "not-down" },
        { id: "lysosomal_colocalization_ratio", is: "not-down" },
      ],
    },
    causes: [
      { text: "Inefficient payload release/escape (loss of SLC46A3).", mechanisms: ["slc46a3-loss"] },
      { text: "Activation of pro-survival pathways (PI3K/AKT).", mechanisms: ["survival-signalling"] },
    ],
    steps: [
      { text: "Quantify intracellular DM1 (LC-MS/MS)", assays: ["catabolite-lcms"] },
      { text: "Assess lysosomal transporters (SLC46A3 qRT-PCR)", assays: ["slc46a3-qpcr"] },
      {
        text: "Pathway analysis (p-AKT Western; PI3K-inhibitor combination)",
        assays: ["pakt-western", "pi3k-combination"],
      },
    ],
  },
];
