/**
 * The names of what can be measured: each quantity the simulator predicts for a resistant line
 * relative to its parental line (PredictedQuantity), and each observation a researcher can report
 * (ObservationId: the same, with the β-tubulin sequencing result in place of the tubulin Kd). The
 * assays (assays.ts) and the troubleshooting table name their observations with these ids; what
 * each observation means, its unit, range and noise is the troubleshooter's vocabulary
 * (troubleshoot/observations.ts).
 */

export type PredictedQuantity =
  | "tdm1_ic50_fold"
  | "free_dm1_ic50_fold"
  | "taxane_ic50_fold"
  | "vinca_ic50_fold"
  | "verapamil_reversal_fold"
  | "tariquidar_reversal_fold"
  | "mk571_reversal_fold"
  | "ko143_reversal_fold"
  | "pi3k_inhibitor_reversal_fold"
  | "internalized_fraction_ratio"
  | "lysosomal_colocalization_ratio"
  | "lysosomal_ph_shift"
  | "surface_her2_ratio"
  | "total_her2_ratio"
  | "her2_gene_ratio"
  | "shed_ecd_ratio"
  | "intracellular_catabolite_ratio"
  | "slc46a3_mrna_ratio"
  | "mdr1_mrna_ratio"
  | "abcc1_mrna_ratio"
  | "abcg2_mrna_ratio"
  | "pakt_ratio"
  | "tubulin_kd_fold"
  | "dm1_polymerization_ic50_fold";

export const PREDICTED_QUANTITIES: readonly PredictedQuantity[] = [
  "tdm1_ic50_fold",
  "free_dm1_ic50_fold",
  "taxane_ic50_fold",
  "vinca_ic50_fold",
  "verapamil_reversal_fold",
  "tariquidar_reversal_fold",
  "mk571_reversal_fold",
  "ko143_reversal_fold",
  "pi3k_inhibitor_reversal_fold",
  "internalized_fraction_ratio",
  "lysosomal_colocalization_ratio",
  "lysosomal_ph_shift",
  "surface_her2_ratio",
  "total_her2_ratio",
  "her2_gene_ratio",
  "shed_ecd_ratio",
  "intracellular_catabolite_ratio",
  "slc46a3_mrna_ratio",
  "mdr1_mrna_ratio",
  "abcc1_mrna_ratio",
  "abcg2_mrna_ratio",
  "pakt_ratio",
  "tubulin_kd_fold",
  "dm1_polymerization_ic50_fold",
];

export type ObservationId = Exclude<PredictedQuantity, "tubulin_kd_fold"> | "tubulin_mutation_found";
