/**
 * The observation vocabulary: what a researcher can report, in which unit, over which range, and
 * how noisy it is. Every observation is reported for the resistant line relative to its parental
 * line (fold IC50, ratio, pH difference), the way the documents and the papers report them.
 *
 * Noise model. A ratio-type observation o with simulator prediction p is log-normal:
 *   log10 o ~ Normal(log10 p, σ² = σ_assay² + σ_model²),
 * mixed with a small probability ε of a gross error (uniform over the plausible log range), so that
 * one odd result lowers a candidate without ever excluding it outright. σ_assay is the typical
 * replicate spread of the assay (cited below); σ_model (0.2 log10, ≈ 1.6-fold) is our allowance for
 * the simulator being a model: its predicted fold changes are not exact for any real line.
 * pH shifts are normal in pH units. β-tubulin sequencing is a yes/no result with a stated
 * sensitivity and false-positive rate.
 */

import type { ObservationId, PredictedQuantity } from "../knowledge/observation-ids.ts";

export type ObservationKind = "fold" | "shift" | "binary";

export interface ObservationDefinition {
  id: ObservationId;
  /** Short label used in sentences ("free-DM1 IC50"). */
  label: string;
  description: string;
  kind: ObservationKind;
  /** The unit users give; "fold" and "ratio" are dimensionless resistant/parental. */
  unit: "fold" | "ratio" | "pH units" | "yes/no";
  /** Plausible range (in the unit); outside it the value is rejected as a likely typo. */
  min: number;
  max: number;
  /** Replicate spread of the assay: log10 units for fold/ratio, pH units for shifts. */
  sigmaAssay: number;
  noiseSource: string;
  /** Which simulator quantity predicts it. */
  predictedBy: PredictedQuantity;
  /** The assay that yields it (knowledge/assays.ts). */
  assay: string;
}

/** Allowance for model error (log10 units) added in quadrature to every fold/ratio observation. */
export const SIGMA_MODEL_LOG10 = 0.2;
/** Allowance for model error in pH units. */
export const SIGMA_MODEL_PH = 0.15;
/** Probability that a single reported value is a gross error (the robust tail of the noise model). */
export const GROSS_ERROR_PROBABILITY = 0.03;

const IC50_NOISE =
  "fold IC50 between a resistant and its parental line in the same run: ≈0.15 log10 (≈1.4-fold) replicate spread, typical of 4PL IC50s (Sebaugh JL 2011, Pharm Stat 10:128)";
const QPCR_NOISE = "2^-ΔΔCt with ≈0.5-cycle replicate SD ≈ 0.15 log10 (Livak KJ & Schmittgen TD 2001, Methods 25:402)";
const FLOW_NOISE = "median fluorescence ratio between two stained lines: ≈0.1 log10 (≈25% CV, assumed)";
const WESTERN_NOISE = "densitometry ratio on a Western blot: ≈0.15 log10 (≈40% CV, assumed)";

function fold(
  id: ObservationId,
  label: string,
  description: string,
  assay: string,
  sigmaAssay: number,
  noiseSource: string,
  unit: "fold" | "ratio" = "fold",
  range: [number, number] = [0.01, 1e5],
): ObservationDefinition {
  return {
    id,
    label,
    description,
    kind: "fold",
    unit,
    min: range[0],
    max: range[1],
    sigmaAssay,
    noiseSource,
    predictedBy: id as PredictedQuantity,
    assay,
  };
}

const reversal = (id: ObservationId, inhibitor: string, transporter: string): ObservationDefinition =>
  fold(
    id,
    `${inhibitor} reversal`,
    `IC50(T-DM1) / IC50(T-DM1 + ${inhibitor}) in the resistant line, divided by the same ratio in the parental line (1 = no reversal; ${transporter})`,
    "efflux-inhibitor-reversal",
    0.2,
    `${IC50_NOISE}; a ratio of two IC50s, so √2 × that`,
    "fold",
    [0.05, 1e4],
  );

export const OBSERVATIONS: readonly ObservationDefinition[] = [
  fold("tdm1_ic50_fold", "T-DM1 IC50", "IC50 of T-DM1, resistant / parental", "cytotoxicity-tdm1", 0.15, IC50_NOISE),
  fold(
    "free_dm1_ic50_fold",
    "free-DM1 IC50",
    "IC50 of free DM1 (S-methyl-DM1), resistant / parental",
    "cytotoxicity-free-dm1",
    0.15,
    IC50_NOISE,
  ),
  fold(
    "taxane_ic50_fold",
    "taxane IC50",
    "IC50 of a taxane (paclitaxel), resistant / parental",
    "cytotoxicity-microtubule-agents",
    0.15,
    IC50_NOISE,
  ),
  fold(
    "vinca_ic50_fold",
    "vinca-alkaloid IC50",
    "IC50 of a vinca alkaloid (vinblastine), resistant / parental",
    "cytotoxicity-microtubule-agents",
    0.15,
    IC50_NOISE,
  ),
  reversal("verapamil_reversal_fold", "verapamil", "MDR1 inhibitor"),
  reversal("tariquidar_reversal_fold", "tariquidar", "MDR1 inhibitor"),
  reversal("mk571_reversal_fold", "MK-571", "ABCC1 inhibitor"),
  reversal("ko143_reversal_fold", "Ko143", "ABCG2 inhibitor"),
  {
    ...reversal("pi3k_inhibitor_reversal_fold", "a PI3K inhibitor", "survival signalling"),
    label: "PI3K-inhibitor sensitization",
    assay: "pi3k-combination",
  },
  fold(
    "internalized_fraction_ratio",
    "internalized fraction of T-DM1",
    "fraction of cell-associated labelled T-DM1 that is inside the cell after a 1 h pulse and 6 h chase, resistant / parental",
    "internalization",
    0.1,
    FLOW_NOISE,
    "ratio",
    [0.01, 100],
  ),
  fold(
    "lysosomal_colocalization_ratio",
    "lysosomal co-localization",
    "fraction of cell-associated labelled T-DM1 that overlaps the lysosomal marker (Manders' M1; surface-bound ADC stays in the image, as Protocol 1 has no acid strip) after a 1 h pulse and 6 h chase, resistant / parental (Protocol 1)",
    "lysosomal-colocalization",
    0.1,
    "Manders' M1 between cells of one line: ≈0.1 log10 (assumed from typical per-image spread)",
    "ratio",
    [0.01, 100],
  ),
  {
    id: "lysosomal_ph_shift",
    label: "lysosomal pH",
    description: "lysosomal pH, resistant − parental (LysoSensor Yellow/Blue ratio against a pH calibration)",
    kind: "shift",
    unit: "pH units",
    min: -2,
    max: 3,
    sigmaAssay: 0.15,
    noiseSource: "ratiometric LysoSensor calibration: ≈0.1–0.2 pH units (Diwu Z et al. 1999, Chem Biol 6:411)",
    predictedBy: "lysosomal_ph_shift",
    assay: "lysosomal-ph",
  },
  fold(
    "surface_her2_ratio",
    "surface HER2",
    "surface HER2 by flow cytometry (non-competing antibody), resistant / parental",
    "surface-her2-flow",
    0.1,
    FLOW_NOISE,
    "ratio",
    [0.001, 100],
  ),
  fold(
    "total_her2_ratio",
    "total HER2 protein",
    "total HER2 by Western blot, resistant / parental",
    "total-her2-western",
    0.15,
    WESTERN_NOISE,
    "ratio",
    [0.001, 100],
  ),
  fold(
    "her2_gene_ratio",
    "HER2 gene / mRNA",
    "ERBB2 copy number (FISH) or mRNA (qPCR), resistant / parental",
    "her2-gene",
    0.15,
    QPCR_NOISE,
    "ratio",
    [0.001, 100],
  ),
  fold(
    "shed_ecd_ratio",
    "shed HER2 ECD",
    "HER2 extracellular domain in 48 h conditioned medium by ELISA, resistant / parental",
    "shed-ecd-elisa",
    0.1,
    "ELISA intra-assay CV ≈ 10–20% (assumed, typical kit specification)",
    "ratio",
    [0.01, 1000],
  ),
  fold(
    "intracellular_catabolite_ratio",
    "intracellular Lys-SMCC-DM1",
    "Lys-SMCC-DM1 per cell in lysates after 24 h with 1 µg/mL T-DM1 (LC-MS/MS), resistant / parental",
    "catabolite-lcms",
    0.1,
    "LC-MS/MS with a calibration curve: ≈15% CV (FDA Bioanalytical Method Validation guidance 2018 accepts ≤15%)",
    "ratio",
    [0.001, 1000],
  ),
  fold(
    "slc46a3_mrna_ratio",
    "SLC46A3 mRNA",
    "SLC46A3 mRNA (qRT-PCR), resistant / parental",
    "slc46a3-qpcr",
    0.15,
    QPCR_NOISE,
    "ratio",
    [1e-4, 1e4],
  ),
  fold(
    "mdr1_mrna_ratio",
    "MDR1 (ABCB1) expression",
    "ABCB1 mRNA or protein, resistant / parental",
    "abc-expression",
    0.15,
    QPCR_NOISE,
    "ratio",
    [1e-3, 1e5],
  ),
  fold(
    "abcc1_mrna_ratio",
    "ABCC1 expression",
    "ABCC1 mRNA or protein, resistant / parental",
    "abc-expression",
    0.15,
    QPCR_NOISE,
    "ratio",
    [1e-3, 1e5],
  ),
  fold(
    "abcg2_mrna_ratio",
    "ABCG2 expression",
    "ABCG2 mRNA or protein, resistant / parental",
    "abc-expression",
    0.15,
    QPCR_NOISE,
    "ratio",
    [1e-3, 1e5],
  ),
  fold(
    "pakt_ratio",
    "p-AKT",
    "p-AKT(S473)/total AKT by Western blot, resistant / parental. The model has no phosphorylation states; its survival arm raises the kill threshold, and p-AKT is read as that threshold's fold change (assumed proportional)",
    "pakt-western",
    0.15,
    WESTERN_NOISE,
    "ratio",
    [0.01, 100],
  ),
  {
    id: "tubulin_mutation_found",
    label: "β-tubulin mutation",
    description: "a coding mutation found by sequencing β-tubulin (TUBB) in resistant clones: yes or no",
    kind: "binary",
    unit: "yes/no",
    min: 0,
    max: 1,
    sigmaAssay: 0,
    noiseSource:
      "sequencing finds mutations but not isotype switches: sensitivity taken as 0.6 for altered tubulin; 0.02 chance of a passenger variant otherwise (assumed)",
    predictedBy: "tubulin_kd_fold",
    assay: "tubulin-sequencing",
  },
  fold(
    "dm1_polymerization_ic50_fold",
    "DM1 inhibition of polymerization",
    "concentration of DM1 that halves tubulin polymerization in lysates, resistant / parental",
    "microtubule-polymerization",
    0.15,
    "turbidimetric polymerization IC50: ≈0.15 log10 (assumed)",
  ),
];

const BY_ID = new Map(OBSERVATIONS.map((o) => [o.id, o]));
export const OBSERVATION_IDS: readonly ObservationId[] = OBSERVATIONS.map((o) => o.id);

export function findObservation(id: string): ObservationDefinition | undefined {
  return BY_ID.get(id as ObservationId);
}

/** Two-sided 95 % normal quantile. */
const Z_95 = 1.959964;

export type Change = "up" | "down" | "unchanged";

/**
 * Whether a resistant/parental value is changed beyond the assay's own replicate noise, and which
 * way: |log10 ratio| (or |pH shift|) above 1.96 σ_assay, outside the 95 % range of two identical
 * lines — ≈2-fold for an IC50 fold (σ 0.15 log10), ≈1.6-fold for a flow or co-localization ratio
 * (σ 0.1), 0.29 pH units for a lysosomal pH shift (σ 0.15). Undefined for a yes/no result. The evidence
 * sentences and the troubleshooting-table rows both read results this way.
 */
export function changeOf(def: ObservationDefinition, value: number): Change | undefined {
  if (def.kind === "binary") return undefined;
  const x = def.kind === "shift" ? value : Math.log10(value);
  const limit = Z_95 * def.sigmaAssay;
  return x > limit ? "up" : x < -limit ? "down" : "unchanged";
}

export function observationDefinition(id: ObservationId): ObservationDefinition {
  const d = BY_ID.get(id);
  if (!d) throw new Error(`no observation '${id}'`);
  return d;
}

/** Sensitivity and false-positive rate of β-tubulin sequencing (see its noiseSource). */
export const TUBULIN_SEQUENCING = { sensitivity: 0.6, falsePositive: 0.02, alteredAboveKdFold: 1.5 } as const;

/**
 * log p(observed | predicted) under the noise model, with the gross-error tail. Densities are in
 * log10 units for fold/ratio observations (so they are comparable across candidates).
 */
export function logLikelihood(def: ObservationDefinition, observed: number, predicted: number): number {
  if (def.kind === "binary") {
    const altered = predicted > TUBULIN_SEQUENCING.alteredAboveKdFold;
    const pYes = altered ? TUBULIN_SEQUENCING.sensitivity : TUBULIN_SEQUENCING.falsePositive;
    return Math.log(observed >= 0.5 ? pYes : 1 - pYes);
  }
  let z: number;
  let sigma: number;
  let width: number;
  if (def.kind === "shift") {
    sigma = Math.hypot(def.sigmaAssay, SIGMA_MODEL_PH);
    z = (observed - predicted) / sigma;
    width = def.max - def.min;
  } else {
    sigma = Math.hypot(def.sigmaAssay, SIGMA_MODEL_LOG10);
    z = (Math.log10(observed) - Math.log10(Math.max(predicted, 1e-300))) / sigma;
    width = Math.log10(def.max) - Math.log10(def.min);
  }
  const normal = Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
  return Math.log((1 - GROSS_ERROR_PROBABILITY) * normal + GROSS_ERROR_PROBABILITY / width);
}

/** Draw an observed value given a prediction (for expected information gain); `u` are N(0,1)/U(0,1) draws. */
export function sampleObservation(
  def: ObservationDefinition,
  predicted: number,
  normal: number,
  uniform: number,
): number {
  if (def.kind === "binary") {
    const altered = predicted > TUBULIN_SEQUENCING.alteredAboveKdFold;
    const pYes = altered ? TUBULIN_SEQUENCING.sensitivity : TUBULIN_SEQUENCING.falsePositive;
    return uniform < pYes ? 1 : 0;
  }
  if (def.kind === "shift") return predicted + normal * Math.hypot(def.sigmaAssay, SIGMA_MODEL_PH);
  return predicted * 10 ** (normal * Math.hypot(def.sigmaAssay, SIGMA_MODEL_LOG10));
}
