/**
 * The well model's shared parameters as data: every number with its units, source and how solid it
 * is. Cell-line parameters live in cell-lines.ts, drug and inhibitor parameters in drugs.ts. Each
 * source names its primary reference; "literature.md §…" cites a section of the literature review
 * made for the model, which is not in the repository (docs/design.md §1).
 *
 * Rates are per hour, concentrations nM, amounts molecules per cell unless the name says otherwise.
 */

/** How solid a number is (literature.md's labels). */
export type Solidity = "measured" | "fitted" | "assumed" | "derived" | "2nd-hand" | "calibrated";

export interface SourcedValue {
  value: number;
  units: string;
  description: string;
  source: string;
  solidity: Solidity;
  /** Why this value was chosen when the literature disagrees, or what it stands for. */
  note?: string;
}

const SCHEUHER =
  "Scheuher B et al. 2024, J Pharmacokinet Pharmacodyn 51:429–447 (preprint 2023), Table S2a (literature.md §1a)";
const MAASS = "Maass KF et al. 2016, AAPS J 18:635–646 (abstract; literature.md §1a, §1d)";

export const MODEL_PARAMETERS = {
  kon_her2_per_nM_h: {
    value: 0.36,
    units: "1/nM/h",
    description: "association rate of trastuzumab / T-DM1 with HER2 (surface and shed ECD)",
    source: `${SCHEUHER} (1e-4 /nM/s, typical value citing Schlosshauer & Baker 2004); Singh & Shah 2017 use 0.37 /nM/h`,
    solidity: "assumed",
  },
  kd_her2_nM: {
    value: 0.314,
    units: "nM",
    description: "dissociation constant of trastuzumab / T-DM1 for HER2",
    source: `${SCHEUHER} (95% CI 0.127–0.772 nM, fit to Austin 2004 SK-BR-3 data); Carter 1992 ≈0.1 nM`,
    solidity: "fitted",
  },
  kEndo_per_h: {
    value: 0.154,
    units: "1/h",
    description: "endocytosis of surface HER2 and of HER2:antibody complexes",
    source: `${SCHEUHER} (4.27e-5 /s, CI 6.16e-6–2.96e-4)`,
    solidity: "fitted",
  },
  kRecycle_per_h: {
    value: 0.086,
    units: "1/h",
    description: "recycling from the endosome back to the surface (free and bound HER2)",
    source: `${SCHEUHER} (2.4e-5 /s)`,
    solidity: "fitted",
  },
  kEndosomeToLysosome_per_h: {
    value: 0.457,
    units: "1/h",
    description: "sorting of endosomal HER2 (free or bound) to the lysosome",
    source: `${SCHEUHER} k_deg (1.27e-4 /s): Scheuher lumps lysosomal delivery and degradation; here it is the delivery step`,
    solidity: "fitted",
    note: "84% of internalised complex is degraded rather than recycled per pass (k_el/(k_el+k_rec)).",
  },
  kProteolysisRef_per_h: {
    value: 0.0347,
    units: "1/h",
    description: "lysosomal proteolysis of the antibody backbone at the reference lysosomal pH",
    source: `${MAASS}: TM-ADC degradation half-life 18–25 h; Singh & Shah 2017 k_deg 0.03 /h`,
    solidity: "derived",
    note: "ln2 / 20 h, the middle of Maass's 18–25 h range.",
  },
  lysosomalPhRef: {
    value: 4.7,
    units: "pH",
    description: "lysosomal pH of parental cells",
    source: "textbook range 4.5–5.0 (Mindell JA 2012, Annu Rev Physiol 74:69–86)",
    solidity: "assumed",
  },
  pKaProteolysis: {
    value: 5.5,
    units: "pH",
    description: "pH of half-maximal lysosomal protease activity (activity = 1/(1+10^(pH−pKa)))",
    source:
      "assumed: cathepsin activity falls steeply above pH ~5.5; reduced lysosomal proteolysis causes T-DM1 resistance (Ríos-Luci C et al. 2017, Cancer Res 77:4639)",
    solidity: "assumed",
    note: "No source gives the pH-dependence of T-DM1 proteolysis (literature.md §7); this is a hypothesis.",
  },
  pKaSlc46a3: {
    value: 5.5,
    units: "pH",
    description: "pH of half-maximal proton-coupled SLC46A3 transport (transport ∝ 1/(1+10^(pH−pKa)))",
    source: "Tomabechi R et al. 2022, PNAS Nexus 1:pgac063 (SLC46A3 is proton-coupled); the pKa is assumed",
    solidity: "assumed",
  },
  dar: {
    value: 3.5,
    units: "DM1 per antibody",
    description: "average drug-to-antibody ratio of T-DM1",
    source: "Kadcyla BLA as cited by Scheuher 2024; the source documents (≈3.5)",
    solidity: "measured",
  },
  kDeconjugation_per_h: {
    value: 0.00231,
    units: "1/h",
    description: "deconjugation of T-DM1 outside cells (maleimide exchange; payload leaves as MCC-DM1 adducts)",
    source: `${SCHEUHER} (6.41e-7 /s, fit in vitro medium, t½ ≈ 300 h)`,
    solidity: "fitted",
    note: "The released species is an MCC-DM1 thiol adduct, charged like Lys-SMCC-DM1, so it joins the catabolite pool of the medium.",
  },
  kSlc46a3_per_h: {
    value: 0.214,
    units: "1/h",
    description: "SLC46A3-mediated transport of Lys-SMCC-DM1 from lysosome to cytosol (parental expression)",
    source: `${SCHEUHER} k_in,PL (5.95e-5 /s), the single endosome→cytosol step where SLC46A3 sits (literature.md §2.1.5)`,
    solidity: "2nd-hand",
    note: "Transport requires SLC46A3 (Hamblett 2015; Tomabechi 2022); no Km/Vmax published, so first-order.",
  },
  kLysosomeLeak_per_h: {
    value: 0.00122,
    units: "1/h",
    description: "passive (SLC46A3-independent) leak of catabolite across the lysosomal membrane",
    source:
      "assumed: one tenth of the catabolite's plasma-membrane permeation (Maass 2016) — the zwitterion crosses the glycocalyx-lined lysosomal membrane poorly; SLC46A3 loss traps catabolite (Hamblett 2015)",
    solidity: "assumed",
  },
  kCatabolitePassive_per_h: {
    value: 0.0122,
    units: "1/h",
    description: "passive permeation of Lys-SMCC-DM1 across the plasma membrane (both directions, per cell volume)",
    source: `${MAASS}: payload efflux half-life 44–73 h; ln2/57 h (geometric middle)`,
    solidity: "derived",
    note: "Khera 2018 permeability gives 0.142 /h (Scheuher); Maass measured 6–15× slower in these HER2 lines, used here.",
  },
  targetTotal_nM: {
    value: 65,
    units: "nM (cell volume)",
    description: "maytansine-site target (tubulin) available to payload, per cell volume",
    source:
      "Shah, Haddish-Berhane & Betts 2012, J Pharmacokinet Pharmacodyn 39:643, Table 2 (estimated); reused by Singh 2017 and Scheuher 2024",
    solidity: "assumed",
  },
  konTarget_per_nM_h: {
    value: 3.6,
    units: "1/nM/h",
    description: "association rate of payload with its target",
    source: `${SCHEUHER} k_on,PL (1e-3 /nM/s, typical)`,
    solidity: "assumed",
  },
  killMax_per_h: {
    value: 0.15,
    units: "1/h",
    description: "maximal rate at which payload-occupied cells enter the damage→death chain",
    source:
      "assumed: at saturating drug, cells arrest within a fraction of one cycle (mean 7 h), so in-vitro curves fall well below the seeded number; Scheuher's in vivo k_kill,max 0.15–0.49 /day is slower (tumour)",
    solidity: "assumed",
  },
  killHill: {
    value: 2,
    units: "–",
    description: "Hill coefficient of kill versus target occupancy",
    source: "assumed between Scheuher's fitted in vivo Hill coefficients 1–4 (literature.md §1e)",
    solidity: "assumed",
  },
  killOccupancy50: {
    value: 0.0055,
    units: "fraction of target",
    description: "target occupancy giving half-maximal kill — the one payload potency shared by all cell lines",
    source:
      "calibrated: puts the free S-methyl-DM1 IC50 at ~0.15 nM (S-methyl-DM1 is potent at sub-nM, Lopus 2010; literature.md §6) with S-methyl-DM1's measured K_D of 0.1 µM",
    solidity: "calibrated",
  },
  deathDelay_h: {
    value: 24,
    units: "h",
    description: "mean transit time through the three-stage damage→death chain (G2/M arrest to apoptosis)",
    source: "Scheuher 2024 preprint Table S2c (N87 τ = 1 day; fitted in vivo range 0.001–3.5 day)",
    solidity: "2nd-hand",
  },
  transporterKm_nM: {
    value: 1000,
    units: "nM (cytosol)",
    description: "Michaelis constant of ABC-transporter efflux of payload",
    source: "assumed: ABC substrates typically have µM Km; no kinetics for DM1 species found (literature.md §7)",
    solidity: "assumed",
  },
  pinocytosis_fraction_per_h: {
    value: 0.005,
    units: "cell volumes/h",
    description: "fluid-phase uptake of medium (HER2-independent T-DM1 uptake into lysosomes)",
    source:
      "assumed: fluid-phase endocytosis of non-phagocytic cells is a fraction of a percent to a few percent of cell volume per hour (Swanson & Watts 1995, Trends Cell Biol 5:424)",
    solidity: "assumed",
  },
  kShedding_per_h: {
    value: 0.002,
    units: "1/h",
    description: "shedding of the HER2 ECD from free surface HER2 (antibody-bound HER2 is not shed)",
    source:
      "assumed (gives ng/mL ECD in supernatants of HER2-high cells over days); χ_shed = 0 for bound HER2 per Scheuher 2024 Table S2d (Perrier 2018)",
    solidity: "assumed",
  },
} as const satisfies Record<string, SourcedValue>;

export type ModelParameterName = keyof typeof MODEL_PARAMETERS;

/** The standard well geometries (what the assays use). */
export const WELL_FORMATS = {
  "96-well": {
    medium_L: 1e-4,
    seededCells: 5000,
    carryingCapacityCells: 1e5,
    source:
      "assumed: 100 µL per well and 5,000 cells seeded are common viability-assay settings; confluence ≈1e5 cells in 0.32 cm²",
  },
  "24-well": {
    medium_L: 5e-4,
    seededCells: 5e4,
    carryingCapacityCells: 5e5,
    source: "assumed: Protocol 1 (coverslips in a 24-well plate), 0.5 mL medium, 5e4 cells",
  },
} as const;

export type WellFormat = keyof typeof WELL_FORMATS;
