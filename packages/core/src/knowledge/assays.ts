/**
 * The assays of the source documents as data: what each measures, the observations it yields
 * (troubleshoot/observations.ts), how long it takes, what it costs, and its protocol
 * (knowledge/protocols.ts). Durations are bench time to a result for one parental/resistant pair,
 * including cell growth; cost classes are relative (reagents + instrument time).
 */
import type { ObservationId } from "./observation-ids.ts";

export type CostClass = "low" | "medium" | "high";

/** Relative cost units per class, used for information gain per unit cost. */
export const COST_UNITS: Record<CostClass, number> = { low: 1, medium: 3, high: 10 };

export interface Assay {
  id: string;
  name: string;
  measures: string;
  yields: readonly ObservationId[];
  duration_days: number;
  costClass: CostClass;
  protocolId: string;
}

export const ASSAYS: readonly Assay[] = [
  {
    id: "cytotoxicity-tdm1",
    name: "T-DM1 cytotoxicity",
    measures: "IC50 of T-DM1 in resistant vs parental cells (fold resistance)",
    yields: ["tdm1_ic50_fold"],
    duration_days: 6,
    costClass: "low",
    protocolId: "cytotoxicity",
  },
  {
    id: "cytotoxicity-free-dm1",
    name: "free-DM1 cytotoxicity",
    measures: "IC50 of the free payload (S-methyl-DM1): is resistance specific to the conjugate?",
    yields: ["free_dm1_ic50_fold"],
    duration_days: 6,
    costClass: "low",
    protocolId: "cytotoxicity",
  },
  {
    id: "cytotoxicity-microtubule-agents",
    name: "taxane and vinca cytotoxicity",
    measures: "IC50 of paclitaxel and vinblastine: cross-resistance to other microtubule agents",
    yields: ["taxane_ic50_fold", "vinca_ic50_fold"],
    duration_days: 6,
    costClass: "low",
    protocolId: "cytotoxicity",
  },
  {
    id: "efflux-inhibitor-reversal",
    name: "T-DM1 ± efflux inhibitors",
    measures: "restoration of T-DM1 sensitivity by verapamil/tariquidar (MDR1), MK-571 (ABCC1), Ko143 (ABCG2)",
    yields: ["verapamil_reversal_fold", "tariquidar_reversal_fold", "mk571_reversal_fold", "ko143_reversal_fold"],
    duration_days: 6,
    costClass: "medium",
    protocolId: "efflux-inhibitor-reversal",
  },
  {
    id: "pi3k-combination",
    name: "T-DM1 + PI3K inhibitor",
    measures: "re-sensitization to T-DM1 by PI3K inhibition",
    yields: ["pi3k_inhibitor_reversal_fold"],
    duration_days: 6,
    costClass: "medium",
    protocolId: "pi3k-combination",
  },
  {
    id: "internalization",
    name: "internalization assay (labelled T-DM1, flow)",
    measures: "fraction of bound T-DM1 taken into the cell",
    yields: ["internalized_fraction_ratio"],
    duration_days: 1,
    costClass: "medium",
    protocolId: "internalization",
  },
  {
    id: "lysosomal-colocalization",
    name: "lysosomal co-localization (Protocol 1)",
    measures:
      "share of the cell-associated T-DM1 (surface-bound and internal) that overlaps the lysosomal marker (Manders' M1)",
    yields: ["lysosomal_colocalization_ratio"],
    duration_days: 3,
    costClass: "medium",
    protocolId: "protocol-1",
  },
  {
    id: "lysosomal-ph",
    name: "lysosomal pH (LysoSensor)",
    measures: "lysosomal acidity",
    yields: ["lysosomal_ph_shift"],
    duration_days: 1,
    costClass: "low",
    protocolId: "lysosomal-ph",
  },
  {
    id: "surface-her2-flow",
    name: "surface HER2 (flow cytometry)",
    measures: "HER2 on the cell surface",
    yields: ["surface_her2_ratio"],
    duration_days: 1,
    costClass: "low",
    protocolId: "surface-her2-flow",
  },
  {
    id: "total-her2-western",
    name: "total HER2 (Western blot)",
    measures: "total HER2 protein",
    yields: ["total_her2_ratio"],
    duration_days: 2,
    costClass: "low",
    protocolId: "total-her2-western",
  },
  {
    id: "her2-gene",
    name: "HER2 gene (FISH or qPCR)",
    measures: "ERBB2 amplification or mRNA",
    yields: ["her2_gene_ratio"],
    duration_days: 2,
    costClass: "medium",
    protocolId: "her2-gene",
  },
  {
    id: "shed-ecd-elisa",
    name: "shed HER2 ECD (ELISA)",
    measures: "HER2 ectodomain shed into the medium",
    yields: ["shed_ecd_ratio"],
    duration_days: 3,
    costClass: "low",
    protocolId: "shed-ecd-elisa",
  },
  {
    id: "catabolite-lcms",
    name: "intracellular Lys-SMCC-DM1 (LC-MS/MS)",
    measures: "active catabolite per cell after T-DM1",
    yields: ["intracellular_catabolite_ratio"],
    duration_days: 3,
    costClass: "high",
    protocolId: "catabolite-lcms",
  },
  {
    id: "slc46a3-qpcr",
    name: "SLC46A3 expression (qRT-PCR)",
    measures: "mRNA of the lysosomal catabolite transporter",
    yields: ["slc46a3_mrna_ratio"],
    duration_days: 1,
    costClass: "low",
    protocolId: "slc46a3-qpcr",
  },
  {
    id: "abc-expression",
    name: "ABC-transporter expression (qRT-PCR / Western)",
    measures: "MDR1 (ABCB1), ABCC1 and ABCG2 expression",
    yields: ["mdr1_mrna_ratio", "abcc1_mrna_ratio", "abcg2_mrna_ratio"],
    duration_days: 2,
    costClass: "low",
    protocolId: "abc-expression",
  },
  {
    id: "tubulin-sequencing",
    name: "β-tubulin sequencing",
    measures: "coding mutations of β-tubulin in resistant clones",
    yields: ["tubulin_mutation_found"],
    duration_days: 10,
    costClass: "medium",
    protocolId: "tubulin-sequencing",
  },
  {
    id: "microtubule-polymerization",
    name: "microtubule polymerization assay",
    measures: "DM1's inhibition of tubulin polymerization in lysates",
    yields: ["dm1_polymerization_ic50_fold"],
    duration_days: 2,
    costClass: "medium",
    protocolId: "microtubule-polymerization",
  },
  {
    id: "pakt-western",
    name: "p-AKT (Western blot)",
    measures: "activation of PI3K/AKT survival signalling",
    yields: ["pakt_ratio"],
    duration_days: 2,
    costClass: "low",
    protocolId: "pakt-western",
  },
];

export const ASSAY_IDS: readonly string[] = ASSAYS.map((a) => a.id);

export function findAssay(id: string): Assay | undefined {
  const key = id.trim().toLowerCase();
  return ASSAYS.find((a) => a.id === key);
}

/** The assay that yields an observation. */
export function assayYielding(observation: ObservationId): Assay {
  const a = ASSAYS.find((x) => x.yields.includes(observation));
  if (!a) throw new Error(`no assay yields '${observation}'`);
  return a;
}
