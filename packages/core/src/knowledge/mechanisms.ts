/**
 * The twelve resistance mechanisms (docs/design.md §1) as graded, composable changes to a cell line.
 * Every mechanism has a strength s: a fold change, 1 = none, s > 1 = more resistant. Mechanisms
 * touch different parameters, so they compose by applying each one (the same id twice multiplies).
 * The bounds are the range calibration may use, each with its reason.
 */
import { InputError } from "../errors/input-error.ts";

export type MechanismId =
  | "her2-loss"
  | "her2-shedding"
  | "internalization-impaired"
  | "recycling-enhanced"
  | "trafficking-impaired"
  | "lysosome-ph"
  | "slc46a3-loss"
  | "mdr1-up"
  | "abcc1-up"
  | "abcg2-up"
  | "tubulin-altered"
  | "survival-signalling";

export interface Mechanism {
  id: MechanismId;
  name: string;
  /** The model parameter(s) the strength s changes, and how. */
  changes: string;
  literature: string;
  bounds: { min: number; max: number; reason: string };
}

const ABC_BOUNDS = {
  min: 1,
  max: 1000,
  reason:
    "ABC-transporter overexpression in drug-selected cancer lines reaches 100–1000-fold over parental (Gottesman MM, Fojo T, Bates SE 2002, Nat Rev Cancer 2:48)",
};

export const MECHANISMS: readonly Mechanism[] = [
  {
    id: "her2-loss",
    name: "reduced HER2 expression / surface density",
    changes: "HER2 synthesis ÷ s (surface HER2 and ERBB2 expression fall s-fold)",
    literature:
      "JIMT1-TM (Loganzo F et al. 2015, Mol Cancer Ther 14:952); KPL-4 T-DM1R (Li G et al. 2018, Mol Cancer Ther 17:1441)",
    bounds: {
      min: 1,
      max: 50,
      reason:
        "HER2 per cell spans 1e6 (IHC 3+) to 2e4 (normal cells) (Scheuher 2024 citing Onsum 2013): at most 50-fold",
    },
  },
  {
    id: "her2-shedding",
    name: "shedding of the HER2 extracellular domain",
    changes: "ECD shedding rate × s (free surface HER2 only; the ECD is a decoy for T-DM1 in the medium)",
    literature:
      "source documents' troubleshooting table; χ_shed = 0 for antibody-bound HER2 (Scheuher 2024, Perrier 2018)",
    bounds: { min: 1, max: 100, reason: "assumed: up to 100× the baseline (which is itself assumed)" },
  },
  {
    id: "internalization-impaired",
    name: "slower internalization of the HER2–antibody complex",
    changes: "endocytosis rate of antibody-bound HER2 ÷ s",
    literature:
      "source documents (Q2, troubleshooting table); internalisation half-lives differ 6–14 h between lines (Maass 2016)",
    bounds: { min: 1, max: 20, reason: "assumed: up to 20-fold slower than Scheuher's 4.5 h half-life" },
  },
  {
    id: "recycling-enhanced",
    name: "more internalized complex recycled to the surface",
    changes: "endosome→surface recycling of antibody-bound HER2 × s",
    literature: "source documents (Q2); Austin CD et al. 2004, Mol Biol Cell 15:5268 (HER2 recycles efficiently)",
    bounds: { min: 1, max: 20, reason: "assumed: up to 20× Scheuher's recycling rate" },
  },
  {
    id: "trafficking-impaired",
    name: "less transport from endosome to lysosome",
    changes: "endosome→lysosome sorting rate ÷ s (all endosomal species)",
    literature:
      "source documents' troubleshooting table (reduced lysosomal co-localization); Sung M et al. 2018, Mol Cancer Ther 17:243 (caveolin-1 trafficking in T-DM1 resistance)",
    bounds: { min: 1, max: 20, reason: "assumed: up to 20-fold slower sorting" },
  },
  {
    id: "lysosome-ph",
    name: "raised lysosomal pH",
    changes:
      "lysosomal [H+] ÷ s, i.e. pH + log10(s): proteolysis and proton-coupled SLC46A3 transport slow per their pKa",
    literature:
      "Ríos-Luci C et al. 2017, Cancer Res 77:4639 (reduced lysosomal proteolytic activity); Wang H et al. 2017",
    bounds: { min: 1, max: 100, reason: "pH at most +2 units (4.7 → 6.7), below cytosolic pH 7.2" },
  },
  {
    id: "slc46a3-loss",
    name: "loss of the lysosomal transporter SLC46A3",
    changes: "SLC46A3 expression ÷ s (catabolite export from the lysosome ÷ s; passive leak remains)",
    literature: "Hamblett KJ et al. 2015, Cancer Res 75:5329; Li G et al. 2018 (BT-474M1 T-DM1R); Tomabechi 2022",
    bounds: { min: 1, max: 1000, reason: "1000 ≈ complete loss (knockout); Li 2018 reports loss of expression" },
  },
  {
    id: "mdr1-up",
    name: "MDR1 / P-gp (ABCB1) upregulation",
    changes: "MDR1 expression × s (efflux of DM1 species, taxane and vinca; inhibited by verapamil, tariquidar)",
    literature: "Li G et al. 2018 (KPL-4 T-DM1R); Kovtun YV et al. 2010, Cancer Res 70:2528",
    bounds: ABC_BOUNDS,
  },
  {
    id: "abcc1-up",
    name: "MRP1 (ABCC1) upregulation",
    changes: "ABCC1 expression × s (efflux of the catabolite and vincas; inhibited by MK-571)",
    literature: "Loganzo F et al. 2015 (361-TM, ≈250-fold)",
    bounds: ABC_BOUNDS,
  },
  {
    id: "abcg2-up",
    name: "BCRP (ABCG2) upregulation",
    changes: "ABCG2 expression × s (efflux of maytansinoids; inhibited by Ko143)",
    literature: "Takegawa N et al. 2017, Int J Cancer 141:1682 (N87 T-DM1R); not verified in literature.md",
    bounds: ABC_BOUNDS,
  },
  {
    id: "tubulin-altered",
    name: "β-tubulin mutation / isotype change",
    changes: "target K_D × s for every payload (maytansinoids, taxane, vinca)",
    literature:
      "source documents (cross-resistance to microtubule agents); Giannakakou P et al. 1997, J Biol Chem 272:17118 (β-tubulin mutations, 20–30-fold paclitaxel resistance)",
    bounds: { min: 1, max: 30, reason: "β-tubulin mutants show up to ~30-fold resistance (Giannakakou 1997)" },
  },
  {
    id: "survival-signalling",
    name: "PI3K/AKT activation, PTEN loss",
    changes: "kill threshold (target occupancy for half-maximal kill) × s",
    literature: "Li G et al. 2018 (PTEN deficiency in BT-474M1 T-DM1R, rescued by a PI3K inhibitor)",
    bounds: { min: 1, max: 10, reason: "assumed: survival signalling shifts cytotoxic IC50s by at most ~10-fold" },
  },
];

export const MECHANISM_IDS: readonly MechanismId[] = MECHANISMS.map((m) => m.id);

export function findMechanism(id: string): Mechanism | undefined {
  const key = id.trim().toLowerCase().replace("signaling", "signalling").replace("internalisation", "internalization");
  return MECHANISMS.find((m) => m.id === key);
}

/** A mechanism with its strength, as users and calibration give it. */
export interface MechanismSetting {
  id: MechanismId;
  strength: number;
}

/** Validate user-given mechanisms: known ids, finite strengths > 0. */
export function validateMechanisms(
  settings: readonly { id: string; strength: number }[],
  field = "mechanism",
): MechanismSetting[] {
  return settings.map((s) => {
    const m = findMechanism(s.id);
    if (!m) {
      throw new InputError(`unknown mechanism '${s.id}'`, { field, expected: `one of ${MECHANISM_IDS.join(", ")}` });
    }
    if (!(Number.isFinite(s.strength) && s.strength > 0)) {
      throw new InputError(`strength of '${m.id}' must be a positive fold change (1 = none)`, {
        field,
        expected: "a number > 0",
        got: s.strength,
      });
    }
    return { id: m.id, strength: s.strength };
  });
}

/** Product of the strengths given for one mechanism (1 when absent): the composition rule. */
export function mechanismFold(settings: readonly MechanismSetting[], id: MechanismId): number {
  let f = 1;
  for (const s of settings) if (s.id === id) f *= s.strength;
  return f;
}
