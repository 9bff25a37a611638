/**
 * Prior probabilities of the candidates. The literature gives no frequencies of resistance
 * mechanisms, only which areas to investigate. Source document 1 (Q2, citing Hunter FW et al. 2020,
 * Br J Cancer 122:603 and Barok M et al. 2014, Breast Cancer Res 16:209) names impaired ADC
 * processing and trafficking, drug efflux, reduced HER2, lysosomal dysfunction and tubulin
 * alterations; it says HER2 shedding and PI3K/AKT signalling "can sometimes contribute" and that
 * tubulin alterations are "less common". So every mechanism has weight 1 (flat) except those three,
 * which get 1/2. Half of the total prior goes to single mechanisms and half to pairs (two of the
 * documents' five lines carry two mechanisms); a pair's weight is the product of its members'.
 */
import { MECHANISMS, type MechanismId } from "../knowledge/mechanisms.ts";
import type { Candidate } from "./candidates.ts";

export interface PriorWeight {
  weight: number;
  area: string;
  reason: string;
}

const Q2 = "source document 1, Q2";
const PROCESSING = "impaired ADC processing and trafficking";
const EFFLUX = "increased drug efflux";
const HER2 = "reduced HER2 expression or altered signalling";
const LYSOSOME = "lysosomal dysfunction";
const TUBULIN = "alterations in tubulin";

export const MECHANISM_PRIOR_WEIGHTS: Record<MechanismId, PriorWeight> = {
  "internalization-impaired": {
    weight: 1,
    area: PROCESSING,
    reason: `${Q2}: flat`,
  },
  "recycling-enhanced": {
    weight: 1,
    area: PROCESSING,
    reason: `${Q2}: flat`,
  },
  "trafficking-impaired": {
    weight: 1,
    area: PROCESSING,
    reason: `${Q2}: flat`,
  },
  "mdr1-up": {
    weight: 1,
    area: EFFLUX,
    reason: `${Q2}: flat (KPL-4 T-DM1R, Li G et al. 2018)`,
  },
  "abcc1-up": {
    weight: 1,
    area: EFFLUX,
    reason: `${Q2}: flat (361-TM, Loganzo F et al. 2015)`,
  },
  "abcg2-up": {
    weight: 1,
    area: EFFLUX,
    reason: `${Q2}: flat (N87-TDMR, Takegawa N et al. 2017)`,
  },
  "her2-loss": { weight: 1, area: HER2, reason: `${Q2}: flat (KPL-4 T-DM1R, JIMT1-TM)` },
  "her2-shedding": { weight: 0.5, area: HER2, reason: `${Q2}: shedding "can sometimes contribute" (half weight)` },
  "survival-signalling": {
    weight: 0.5,
    area: HER2,
    reason: `${Q2}: PI3K/AKT "can sometimes contribute" (half weight; PTEN loss in BT-474M1 T-DM1R, Li G et al. 2018)`,
  },
  "lysosome-ph": {
    weight: 1,
    area: LYSOSOME,
    reason: `${Q2}: flat (Ríos-Luci C et al. 2017; Wang H et al. 2017)`,
  },
  "slc46a3-loss": {
    weight: 1,
    area: LYSOSOME,
    reason: `${Q2} and troubleshooting row 4: flat (Hamblett KJ et al. 2015; BT-474M1 T-DM1R)`,
  },
  "tubulin-altered": {
    weight: 0.5,
    area: TUBULIN,
    reason: `${Q2}: tubulin alterations are "less common" (half weight)`,
  },
};

export const PAIR_PRIOR_SHARE = 0.5;

/** Normalized prior of each candidate. */
export function candidatePriors(candidates: readonly Candidate[]): Float64Array {
  const w = (id: MechanismId) => MECHANISM_PRIOR_WEIGHTS[id].weight;
  const raw = candidates.map((c) => c.mechanisms.reduce((p, m) => p * w(m), 1));
  let singles = 0;
  let pairs = 0;
  candidates.forEach((c, i) => {
    if (c.mechanisms.length === 1) singles += raw[i]!;
    else pairs += raw[i]!;
  });
  return Float64Array.from(candidates, (c, i) =>
    c.mechanisms.length === 1 ? ((1 - PAIR_PRIOR_SHARE) * raw[i]!) / singles : (PAIR_PRIOR_SHARE * raw[i]!) / pairs,
  );
}

export function mechanismName(id: MechanismId): string {
  return MECHANISMS.find((m) => m.id === id)?.name ?? id;
}
