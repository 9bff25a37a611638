/**
 * Drugs, payload species and efflux inhibitors of the well model, as data.
 *
 * Two payload pools run side by side in every cell: the catabolite pool (Lys-SMCC-DM1 released from
 * T-DM1 in the lysosome, plus the MCC-DM1 adducts of extracellular deconjugation, both charged and
 * poorly permeant) and the free-drug pool (a permeant small molecule given as such: S-methyl-DM1,
 * paclitaxel or vinblastine). Both bind the same target pool and drive the same kill.
 */
import type { SourcedValue } from "./parameters.ts";

export type TransporterId = "mdr1" | "abcc1" | "abcg2";
export const TRANSPORTERS: readonly TransporterId[] = ["mdr1", "abcc1", "abcg2"];
export const TRANSPORTER_GENES: Record<TransporterId, string> = { mdr1: "ABCB1", abcc1: "ABCC1", abcg2: "ABCG2" };

export type PayloadId = "Lys-SMCC-DM1" | "S-methyl-DM1" | "paclitaxel" | "vinblastine";

export interface PayloadSpecies {
  id: PayloadId;
  /** First-order permeation across the plasma membrane, same both ways (per cell volume). */
  membrane_per_h: SourcedValue;
  /** Dissociation constant from the kill-relevant target. */
  targetKd_nM: SourcedValue;
  /**
   * First-order efflux rate of the cytosolic species by each ABC transporter at the reference
   * expression level (relative expression 1); the cell line and mechanisms scale it.
   */
  efflux_per_h: Record<TransporterId, number>;
  effluxSource: string;
}

const SUBSTRATES =
  "substrate classes from Szakács G et al. 2006, Nat Rev Drug Discov 5:219 (MDR1: taxanes, vincas, maytansinoids; MRP1: vincas, not taxanes; BCRP: neither); magnitudes assumed, kept small at expression 1 so that inhibitors barely move parental IC50s";

/**
 * MDR1 and the permeant microtubule agents. Free maytansinoids (DM1, DM1-SMe) are strong MDR1
 * substrates: MDR1-expressing cells resist them and SMCC-linked conjugates alike, and an MDR1
 * inhibitor restores both (Kovtun YV et al. 2010, Cancer Res 70:2528); paclitaxel and vinblastine
 * define the classic MDR1 cross-resistance (Gottesman MM, Fojo T, Bates SE 2002, Nat Rev Cancer 2:48).
 * For a permeant drug, MDR1 lowers the cytosolic level by 1 + k·E/k_membrane, so 0.05/h at
 * expression 1 makes a line whose MDR1 gives it 5–20-fold T-DM1 resistance (E ≈ 100–150 here) about
 * 5–10-fold resistant to free DM1, the taxane and the vinca: cross-resistance of the same order,
 * the MDR phenotype of the troubleshooting table's row 2, and the reason "remains sensitive to free
 * DM1" argues against MDR1 (row 1). The earlier 0.01/h made MDR1 a near-T-DM1-specific pump (2-fold
 * free-DM1 resistance at 100-fold MDR1), which is the pattern of ABCC1 in 361-TM (Loganzo 2015), not
 * of MDR1. Parental lines (E = 1) lose 5% of free drug to it, so inhibitors barely move their IC50s.
 */
const MDR1_FREE_DRUG_EFFLUX_per_h = 0.05;
const MDR1_FREE_DRUG = `Kovtun YV et al. 2010, Cancer Res 70:2528 (MDR1 cells resist free maytansinoid and SMCC-DM1 conjugates alike); magnitude ${MDR1_FREE_DRUG_EFFLUX_per_h} /h assumed (see MDR1_FREE_DRUG_EFFLUX_per_h)`;

export const PAYLOADS: Record<PayloadId, PayloadSpecies> = {
  "Lys-SMCC-DM1": {
    id: "Lys-SMCC-DM1",
    membrane_per_h: {
      value: 0.0122,
      units: "1/h",
      description: "passive plasma-membrane permeation of the catabolite",
      source: "Maass KF et al. 2016, AAPS J 18:635 (payload efflux t½ 44–73 h)",
      solidity: "derived",
    },
    targetKd_nM: {
      value: 6.7e5,
      units: "nM",
      description: "effective catabolite : target dissociation constant",
      source:
        "calibrated: the value at which the fitted apoptotic sensitivities of the five seed-table parental lines have geometric mean 1, i.e. the one catabolite potency at the centre of the panel (cell-lines.ts)",
      solidity: "calibrated",
      note: "An effective constant, 720× Scheuher's 930 nM (Lopus 2010's soluble-tubulin K_D for S-methyl-DM1; the Lys-SMCC-DM1 K_D of Menchon 2018, Nat Commun 9:2106, could not be read). T-DM1 loads HER2-high cells with µM of catabolite while free S-methyl-DM1 kills at sub-nM, so per molecule the catabolite must be far less active at the kill-relevant target; this constant carries that, together with what the model omits (sequestration in other compartments). Literature.md's nM/µM discrepancy: Singh & Shah 2017's 0.95 nM equals Scheuher's 950 numerically and is taken as a unit slip; the µM scale is used.",
    },
    efflux_per_h: { mdr1: 0.002, abcc1: 0.002, abcg2: 0.002 },
    effluxSource: `Lys-SMCC-DM1 is an MDR1 substrate (Kovtun YV et al. 2010, Cancer Res 70:2528), an ABCC1 substrate in 361-TM (Loganzo F et al. 2015, Mol Cancer Ther 14:952) and an ABCG2 substrate in N87 T-DM1R (Takegawa N et al. 2017, Int J Cancer 141:1682); ${SUBSTRATES}`,
  },
  "S-methyl-DM1": {
    id: "S-methyl-DM1",
    membrane_per_h: {
      value: 1,
      units: "1/h",
      description: "passive permeation of the uncharged maytansinoid",
      source: "assumed: lipophilic, uncharged; equilibrates within about an hour",
      solidity: "assumed",
    },
    targetKd_nM: {
      value: 100,
      units: "nM",
      description: "S-methyl-DM1 : high-affinity microtubule sites",
      source: "Lopus M et al. 2010, Mol Cancer Ther 9:2689 (37 sites per microtubule, K_D 0.1 ± 0.05 µM)",
      solidity: "measured",
    },
    efflux_per_h: { mdr1: MDR1_FREE_DRUG_EFFLUX_per_h, abcc1: 0.0005, abcg2: 0.002 },
    effluxSource: `MDR1: ${MDR1_FREE_DRUG}; ABCC1: minimal resistance of the ABCC1-high 361-TM line to free DM1 (Loganzo 2015); ${SUBSTRATES}`,
  },
  paclitaxel: {
    id: "paclitaxel",
    membrane_per_h: {
      value: 1,
      units: "1/h",
      description: "passive permeation",
      source: "assumed: lipophilic small molecule",
      solidity: "assumed",
    },
    targetKd_nM: {
      value: 2500,
      units: "nM",
      description: "effective affinity for the kill-relevant target",
      source:
        "calibrated: gives SK-BR-3 an IC50 of ~3 nM, inside the 2.5–7.5 nM reported for human tumour lines (Liebmann JE et al. 1993, Br J Cancer 68:1104)",
      solidity: "calibrated",
    },
    efflux_per_h: { mdr1: MDR1_FREE_DRUG_EFFLUX_per_h, abcc1: 0.0005, abcg2: 0 },
    effluxSource: `MDR1: ${MDR1_FREE_DRUG}; ${SUBSTRATES}`,
  },
  vinblastine: {
    id: "vinblastine",
    membrane_per_h: {
      value: 1,
      units: "1/h",
      description: "passive permeation",
      source: "assumed: lipophilic small molecule",
      solidity: "assumed",
    },
    targetKd_nM: {
      value: 700,
      units: "nM",
      description: "effective affinity for the kill-relevant target",
      source:
        "calibrated: gives SK-BR-3 an IC50 of ~0.8 nM, as reported for vinblastine in HeLa cells (Jordan MA et al. 1991, Cancer Res 51:2212)",
      solidity: "calibrated",
    },
    efflux_per_h: { mdr1: MDR1_FREE_DRUG_EFFLUX_per_h, abcc1: 0.005, abcg2: 0 },
    effluxSource: `MDR1: ${MDR1_FREE_DRUG}; ${SUBSTRATES}`,
  },
};

export type DrugId = "T-DM1" | "trastuzumab" | "free-DM1" | "paclitaxel" | "vinblastine";

export interface Drug {
  id: DrugId;
  description: string;
  kind: "adc" | "antibody" | "small-molecule";
  /** For small molecules: the payload species it is. */
  payload?: PayloadId;
  molecularWeight_g_per_mol: number;
}

export const DRUGS: Record<DrugId, Drug> = {
  "T-DM1": {
    id: "T-DM1",
    description: "trastuzumab emtansine, DAR ≈ 3.5 (also stands for the TM-ADC analogue of Loganzo 2015)",
    kind: "adc",
    molecularWeight_g_per_mol: 148_500,
  },
  trastuzumab: {
    id: "trastuzumab",
    description: "unconjugated trastuzumab (DAR 0): competes for HER2, no payload",
    kind: "antibody",
    molecularWeight_g_per_mol: 145_167,
  },
  "free-DM1": {
    id: "free-DM1",
    description: "free maytansinoid given as S-methyl-DM1 (the stable, cell-permeant form used in assays)",
    kind: "small-molecule",
    payload: "S-methyl-DM1",
    molecularWeight_g_per_mol: 752.3,
  },
  paclitaxel: {
    id: "paclitaxel",
    description: "taxane (microtubule stabiliser)",
    kind: "small-molecule",
    payload: "paclitaxel",
    molecularWeight_g_per_mol: 853.9,
  },
  vinblastine: {
    id: "vinblastine",
    description: "vinca alkaloid (microtubule destabiliser)",
    kind: "small-molecule",
    payload: "vinblastine",
    molecularWeight_g_per_mol: 811.0,
  },
};

export const DRUG_IDS = Object.keys(DRUGS) as DrugId[];

/** Alternative spellings accepted from users. */
const DRUG_ALIASES: Record<string, DrugId> = {
  "t-dm1": "T-DM1",
  tdm1: "T-DM1",
  kadcyla: "T-DM1",
  "tm-adc": "T-DM1",
  trastuzumab: "trastuzumab",
  "dar-0": "trastuzumab",
  "free-dm1": "free-DM1",
  dm1: "free-DM1",
  "s-methyl-dm1": "free-DM1",
  paclitaxel: "paclitaxel",
  taxol: "paclitaxel",
  taxane: "paclitaxel",
  vinblastine: "vinblastine",
  vinca: "vinblastine",
};

export function findDrug(name: string): Drug | undefined {
  const id = DRUG_ALIASES[name.trim().toLowerCase()];
  return id ? DRUGS[id] : undefined;
}

export type InhibitorId = "verapamil" | "tariquidar" | "MK-571" | "Ko143";

export interface Inhibitor {
  id: InhibitorId;
  target: TransporterId;
  /** Competitive inhibition constant for its transporter. */
  ki_nM: SourcedValue;
  /** A concentration commonly used for reversal assays. */
  typicalConcentration_nM: number;
}

export const INHIBITORS: Record<InhibitorId, Inhibitor> = {
  verapamil: {
    id: "verapamil",
    target: "mdr1",
    ki_nM: {
      value: 2000,
      units: "nM",
      description: "verapamil inhibition of P-gp (MDR1)",
      source:
        "assumed: low-µM potency; reversal assays use 5–10 µM (e.g. Tsuruo T et al. 1981, Cancer Res 41:1967); the source documents name it for MDR1",
      solidity: "assumed",
    },
    typicalConcentration_nM: 10_000,
  },
  tariquidar: {
    id: "tariquidar",
    target: "mdr1",
    ki_nM: {
      value: 5.1,
      units: "nM",
      description: "tariquidar (XR9576) binding to P-gp",
      source: "Martin C et al. 1999, Br J Pharmacol 128:403 (K_D 5.1 nM)",
      solidity: "measured",
    },
    typicalConcentration_nM: 100,
  },
  "MK-571": {
    id: "MK-571",
    target: "abcc1",
    ki_nM: {
      value: 1000,
      units: "nM",
      description: "MK-571 inhibition of MRP1 (ABCC1)",
      source:
        "assumed: low-µM potency; used at 25–50 µM to reverse MRP1-mediated resistance (Gekeler V et al. 1995, Biochem Biophys Res Commun 208:345)",
      solidity: "assumed",
    },
    typicalConcentration_nM: 50_000,
  },
  Ko143: {
    id: "Ko143",
    target: "abcg2",
    ki_nM: {
      value: 10,
      units: "nM",
      description: "Ko143 inhibition of BCRP (ABCG2)",
      source: "Allen JD et al. 2002, Mol Cancer Ther 1:417 (EC90 26 nM; K_i taken as ~10 nM)",
      solidity: "derived",
    },
    typicalConcentration_nM: 1000,
  },
};

export const INHIBITOR_IDS = Object.keys(INHIBITORS) as InhibitorId[];

export function findInhibitor(name: string): Inhibitor | undefined {
  const key = name.trim().toLowerCase();
  return Object.values(INHIBITORS).find((i) => i.id.toLowerCase() === key);
}
