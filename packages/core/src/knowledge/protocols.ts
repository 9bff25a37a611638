/**
 * Laboratory protocols as numbered steps. Protocol 1 is the source document's ("Technical Support
 * Center: Lys-SMCC-DM1 Resistance Mechanisms", BenchChem 2025), kept step for step; the others are
 * written in the same form from the literature each one cites. They are starting points to adapt,
 * not validated SOPs: concentrations and times are the commonly published ones.
 */
import { MOLECULAR_WEIGHTS } from "../units/molecular-weights.ts";

/** Protocol 1's pulse: 10 µg/mL T-DM1 (MW 148.5 kDa) = 67.34 nM, for 1 h; the chase times, h. */
export const PROTOCOL1_PULSE_nM = (10e-3 / MOLECULAR_WEIGHTS["T-DM1"].value) * 1e9;
export const PROTOCOL1_PULSE_h = 1;
export const PROTOCOL1_CHASE_h: readonly number[] = [2, 6, 24];

export interface Protocol {
  id: string;
  title: string;
  purpose: string;
  materials: readonly string[];
  steps: readonly string[];
  /** How the read-out becomes the observation the troubleshooter takes. */
  analysis: string;
  sources: readonly string[];
}

const SOURCE_DOC = "Source document 1 (BenchChem 2025, Technical Support Center: Lys-SMCC-DM1 Resistance Mechanisms)";
const LI_2018 = "Li G et al. 2018, Mol Cancer Ther 17:1441–1453 (KPL-4 and BT-474M1 T-DM1-resistant lines)";
const LOGANZO_2015 = "Loganzo F et al. 2015, Mol Cancer Ther 14:952–963 (361-TM and JIMT1-TM)";
const LIVAK_2001 = "Livak KJ & Schmittgen TD 2001, Methods 25:402–408 (2^-ΔΔCt)";
const VIABILITY_STEPS = [
  "Seed parental and resistant cells in 96-well plates (e.g. 2,000–5,000 cells per well in 100 µL) and let them adhere overnight.",
  "Prepare a 10-point, 3- to 5-fold dilution series of the drug in complete medium, spanning at least two decades on each side of the expected IC50, plus vehicle-only wells.",
  "Add the dilutions in triplicate; keep the same plate layout for parental and resistant cells.",
  "Incubate 5 days (120 h) at 37 °C, 5% CO2.",
  "Read viability (e.g. CellTiter-Glo luminescence), subtract the cell-free blank and normalize to the vehicle wells.",
];

export const PROTOCOLS: readonly Protocol[] = [
  {
    id: "protocol-1",
    title: "Protocol 1: Immunofluorescence assay for T-DM1 internalization and lysosomal co-localization",
    purpose: "Visualize ADC uptake and its trafficking to the lysosomal compartment.",
    materials: [
      "Parental and suspected resistant cells",
      "Glass coverslips in a 24-well plate",
      "Complete culture medium",
      "T-DM1",
      "Primary antibody against a lysosomal membrane protein (e.g. LAMP1)",
      "Fluorescently-labeled secondary antibodies (e.g. Alexa Fluor 488 anti-human for T-DM1, Alexa Fluor 594 anti-rabbit for LAMP1)",
      "LysoTracker Red DND-99 (alternative to LAMP1 antibody)",
      "4% paraformaldehyde (PFA) in PBS",
      "0.1% Triton X-100 in PBS (for permeabilization)",
      "5% bovine serum albumin (BSA) in PBS (blocking buffer)",
      "DAPI (for nuclear counterstain)",
      "Mounting medium",
      "Fluorescence microscope",
    ],
    steps: [
      "Cell seeding: seed parental and resistant cells onto glass coverslips in a 24-well plate and allow them to adhere overnight.",
      "ADC treatment (pulse): treat the cells with 10 µg/mL T-DM1 in complete medium for 1 hour at 37 °C to allow for internalization.",
      "Chase period: wash the cells three times with cold PBS to remove unbound ADC. Add fresh, pre-warmed complete medium and incubate for various time points (e.g. 2, 6, 24 hours) to follow the intracellular trafficking of the ADC.",
      "Fixation: after the chase period, wash cells with PBS and fix with 4% PFA for 15 minutes at room temperature.",
      "Permeabilization (if using LAMP1 antibody): wash three times with PBS. Permeabilize cells with 0.1% Triton X-100 for 10 minutes.",
      "Blocking: wash three times with PBS. Block non-specific binding with 5% BSA in PBS for 1 hour at room temperature.",
      "Primary antibody incubation (for LAMP1): incubate with anti-LAMP1 antibody diluted in blocking buffer overnight at 4 °C. If using LysoTracker, skip to step 9 and follow the manufacturer's instructions (staining is typically done on live cells before fixation).",
      "Secondary antibody incubation: wash three times with PBS. Incubate with fluorophore-conjugated secondary antibodies (one to detect T-DM1's human IgG backbone, one to detect the LAMP1 primary antibody) for 1 hour at room temperature, protected from light.",
      "Counterstaining: wash three times with PBS. Stain nuclei with DAPI for 5 minutes.",
      "Mounting and imaging: wash a final three times with PBS. Mount the coverslips onto microscope slides using mounting medium. Image using a fluorescence or confocal microscope.",
      "Analysis: assess the green channel (T-DM1) and the red channel (lysosomes). Quantify the degree of overlap (co-localization, appearing as yellow/orange) between the two signals in both parental and resistant cells using image analysis software (e.g. ImageJ with a co-localization plugin). Reduced co-localization in resistant cells suggests a trafficking defect.",
    ],
    analysis:
      "Manders' coefficient of T-DM1 over the lysosomal channel (Costes threshold) per cell, at the 6 h chase; report the mean of the resistant line divided by that of the parental line as lysosomal_colocalization_ratio (`adclab coloc` computes the coefficients from the images).",
    sources: [`${SOURCE_DOC}, Protocol 1 (reproduced step for step)`],
  },
  {
    id: "cytotoxicity",
    title: "Cytotoxicity dose–response (T-DM1, free DM1, a taxane, a vinca alkaloid)",
    purpose:
      "Measure the IC50 of each drug in resistant and parental cells: the fold resistance, and whether resistance extends to the free payload and other microtubule agents.",
    materials: [
      "Parental and resistant cells; 96-well white plates",
      "T-DM1; free DM1 as S-methyl-DM1 (or DM1-SMe); paclitaxel; vinblastine",
      "Viability reagent (e.g. CellTiter-Glo) and a luminescence plate reader",
    ],
    steps: [
      ...VIABILITY_STEPS,
      "Fit a four-parameter log-logistic curve to each line and drug (`adclab fit`) and report IC50 with its confidence interval.",
    ],
    analysis:
      "Fold resistance = IC50(resistant) / IC50(parental) for each drug: tdm1_ic50_fold, free_dm1_ic50_fold, taxane_ic50_fold, vinca_ic50_fold.",
    sources: [`${SOURCE_DOC}, troubleshooting table rows 1–2`, LI_2018, LOGANZO_2015],
  },
  {
    id: "efflux-inhibitor-reversal",
    title: "Efflux-inhibitor reversal of T-DM1 resistance",
    purpose: "Test whether an ABC transporter causes the resistance: a specific inhibitor restores sensitivity.",
    materials: [
      "Parental and resistant cells; 96-well plates; viability reagent",
      "T-DM1",
      "Verapamil (10 µM) or tariquidar (100 nM) for MDR1; MK-571 (50 µM) for ABCC1; Ko143 (1 µM) for ABCG2",
    ],
    steps: [
      "Check first that each inhibitor alone, at the chosen concentration, leaves at least 80% viability in both lines (run it as a vehicle arm).",
      "Seed parental and resistant cells as for the cytotoxicity assay and let them adhere overnight.",
      "Add T-DM1 dilution series with and without each inhibitor (inhibitor added 30 min before T-DM1 and kept throughout).",
      "Incubate 5 days; read viability and normalize each arm to its own inhibitor-only control.",
      "Fit IC50s for every line × inhibitor arm.",
    ],
    analysis:
      "Reversal = [IC50(T-DM1) / IC50(T-DM1 + inhibitor)] in the resistant line ÷ the same ratio in the parental line: verapamil_reversal_fold, tariquidar_reversal_fold, mk571_reversal_fold, ko143_reversal_fold.",
    sources: [
      `${SOURCE_DOC}, Q3 and troubleshooting row 2 step 1`,
      `${LI_2018} (an MDR1 inhibitor overcame KPL-4 T-DM1R resistance)`,
      "Takegawa N et al. 2017, Int J Cancer 141:1682–1689 (ABCC2/ABCG2 in N87-TDMR)",
    ],
  },
  {
    id: "pi3k-combination",
    title: "PI3K-inhibitor combination with T-DM1",
    purpose:
      "Test whether survival signalling (PI3K/AKT, PTEN loss) sustains resistance: a PI3K inhibitor re-sensitizes.",
    materials: [
      "Parental and resistant cells; 96-well plates; viability reagent",
      "T-DM1; a PI3K inhibitor (e.g. a pan-class-I inhibitor such as GDC-0941/pictilisib) at a concentration that alone inhibits growth by < 20%",
    ],
    steps: [
      "Seed parental and resistant cells and let them adhere overnight.",
      "Add a T-DM1 dilution series alone and with the fixed PI3K-inhibitor concentration; include inhibitor-only wells.",
      "Incubate 5 days; read viability; normalize each arm to its own inhibitor-only control.",
      "Fit IC50s; optionally run a full dose matrix and score synergy (Bliss or Chou–Talalay).",
    ],
    analysis:
      "pi3k_inhibitor_reversal_fold = [IC50(T-DM1) / IC50(T-DM1 + PI3K inhibitor)] resistant ÷ the same ratio parental.",
    sources: [
      `${SOURCE_DOC}, troubleshooting row 4 step 3`,
      `${LI_2018} (a PI3K inhibitor rescued PTEN-loss-induced resistance in BT-474M1 T-DM1R)`,
      "Chou TC 2010, Cancer Res 70:440–446 (combination index)",
    ],
  },
  {
    id: "internalization",
    title: "T-DM1 internalization by flow cytometry (acid strip)",
    purpose: "Quantify how much of the cell-bound T-DM1 enters the cell.",
    materials: [
      "Parental and resistant cells",
      "Fluorescently labeled T-DM1 (e.g. DyLight 488 or Alexa Fluor 488)",
      "Acid strip buffer (0.2 M acetic acid, 0.5 M NaCl, pH 2.5, ice-cold) or an anti-fluorophore quenching antibody",
      "Flow cytometer",
    ],
    steps: [
      "Harvest cells with a non-enzymatic dissociation buffer and keep on ice.",
      "Bind labeled T-DM1 (10 µg/mL) for 1 h on ice; wash twice with cold PBS/BSA.",
      "Shift half of each sample to 37 °C for the chase (e.g. 6 h); keep the other half on ice (total bound).",
      "Strip surface-bound antibody with cold acid buffer for 5 min (or quench it), wash, and fix in 2% PFA.",
      "Acquire at least 10,000 live single cells per sample; record median fluorescence.",
    ],
    analysis:
      "Internalized fraction = stripped (internal) signal / total bound signal; report resistant ÷ parental as internalized_fraction_ratio.",
    sources: [
      `${SOURCE_DOC}, troubleshooting row 1 step 1`,
      "Austin CD et al. 2004, Mol Biol Cell 15:5268–5282 (HER2 endocytosis and trastuzumab uptake)",
    ],
  },
  {
    id: "lysosomal-ph",
    title: "Lysosomal pH with ratiometric LysoSensor Yellow/Blue",
    purpose: "Check whether the lysosomes of the resistant line are less acidic.",
    materials: [
      "Parental and resistant cells in black clear-bottom plates or on coverslips",
      "LysoSensor Yellow/Blue DND-160 (or dextran-conjugated LysoSensor for lysosome-specific loading)",
      "Calibration buffers pH 4.0–6.5 with nigericin (10 µM) and monensin (10 µM)",
      "Plate reader or microscope with 340/380 nm excitation and 440/540 nm emission",
    ],
    steps: [
      "Load cells with LysoSensor Yellow/Blue (e.g. 2 µM, 5 min, 37 °C) in medium; wash with warm buffer.",
      "Read emission at 440 nm and 540 nm (excitation ~360 nm) for each well or cell.",
      "In parallel wells, clamp the pH with the calibration buffers containing nigericin/monensin for 10 min and read the same ratios.",
      "Fit the calibration curve (ratio vs pH) and convert each sample's ratio to pH.",
    ],
    analysis: "lysosomal_ph_shift = pH(resistant) − pH(parental), in pH units.",
    sources: [
      `${SOURCE_DOC}, troubleshooting row 1 step 3`,
      "Diwu Z et al. 1999, Chem Biol 6:411–418 (LysoSensor Yellow/Blue)",
      "Ríos-Luci C et al. 2017, Cancer Res 77:4639–4651 (reduced lysosomal proteolytic activity in T-DM1 resistance)",
    ],
  },
  {
    id: "surface-her2-flow",
    title: "Surface HER2 by flow cytometry with a non-competing antibody",
    purpose: "Quantify HER2 on the cell surface of resistant and parental cells.",
    materials: [
      "Parental and resistant cells",
      "Anti-HER2 antibody binding an epitope other than trastuzumab's domain IV (e.g. pertuzumab, domain II), directly labeled, and an isotype control",
      "Quantitative beads (optional, for receptors per cell)",
      "Flow cytometer",
    ],
    steps: [
      "Harvest cells with a non-enzymatic dissociation buffer (trypsin cleaves HER2's ectodomain).",
      "Stain 2×10^5 cells with the labeled antibody at a saturating concentration for 30 min on ice; stain a matched isotype control.",
      "Wash twice, add a viability dye, and acquire at least 10,000 live single cells.",
      "Optionally convert median fluorescence to receptors per cell with quantitative beads.",
    ],
    analysis: "surface_her2_ratio = background-subtracted median fluorescence, resistant ÷ parental.",
    sources: [
      `${SOURCE_DOC}, troubleshooting row 3 step 1`,
      "Franklin MC et al. 2004, Cancer Cell 5:317–328 (pertuzumab binds HER2 domain II, away from trastuzumab's domain IV)",
    ],
  },
  {
    id: "total-her2-western",
    title: "Total HER2 protein by Western blot",
    purpose: "Compare total HER2 protein between resistant and parental cells.",
    materials: [
      "Cell lysates (RIPA with protease inhibitors)",
      "Anti-HER2 (intracellular epitope) and loading-control antibodies",
      "SDS-PAGE and transfer equipment",
    ],
    steps: [
      "Lyse equal numbers of parental and resistant cells; measure protein (BCA).",
      "Load equal protein (20–30 µg) including a 2-fold dilution series of the parental lysate to check linearity.",
      "Run SDS-PAGE, transfer, block, and probe for HER2 (185 kDa) and a loading control.",
      "Image in the linear range and quantify band intensities.",
    ],
    analysis: "total_her2_ratio = HER2/loading control, resistant ÷ parental.",
    sources: [`${SOURCE_DOC}, troubleshooting row 3 step 1`, LOGANZO_2015],
  },
  {
    id: "her2-gene",
    title: "HER2 gene amplification (FISH) or ERBB2 mRNA (qPCR)",
    purpose: "Tell whether a HER2 decrease comes from loss of the amplicon or its expression.",
    materials: [
      "FISH: HER2/CEP17 dual probe kit, fluorescence microscope; or qPCR: RNA extraction kit, reverse transcriptase, ERBB2 and reference-gene primers",
    ],
    steps: [
      "FISH: fix cells on slides, hybridize the HER2/CEP17 probe, counterstain with DAPI, and count signals in at least 20 nuclei per line (ASCO/CAP scoring).",
      "qPCR alternative: extract RNA, reverse transcribe equal amounts, and amplify ERBB2 with two reference genes in triplicate.",
    ],
    analysis: "her2_gene_ratio = HER2/CEP17 ratio (or 2^-ΔΔCt of ERBB2), resistant ÷ parental.",
    sources: [
      `${SOURCE_DOC}, troubleshooting row 3 step 1`,
      "Wolff AC et al. 2018, J Clin Oncol 36:2105–2122 (ASCO/CAP HER2 testing guideline)",
      LIVAK_2001,
    ],
  },
  {
    id: "shed-ecd-elisa",
    title: "Shed HER2 extracellular domain (ECD) by ELISA",
    purpose: "Measure HER2 ectodomain shedding into the medium.",
    materials: ["Parental and resistant cells in 6-well plates", "HER2 ECD ELISA kit", "Cell counter"],
    steps: [
      "Seed equal numbers of cells; the next day replace the medium with a known volume of fresh medium.",
      "Collect the conditioned medium after 48 h; clear it by centrifugation; count the cells in each well.",
      "Run the ELISA with the kit standards in duplicate.",
      "Normalize ECD to cell number.",
    ],
    analysis: "shed_ecd_ratio = ECD per cell, resistant ÷ parental.",
    sources: [
      `${SOURCE_DOC}, troubleshooting row 3 step 2`,
      "Molina MA et al. 2001, Cancer Res 61:4744–4749 (HER2 ectodomain cleavage in breast cancer cells)",
    ],
  },
  {
    id: "catabolite-lcms",
    title: "Intracellular Lys-SMCC-DM1 by LC-MS/MS",
    purpose: "Measure how much active catabolite the cells produce and retain.",
    materials: [
      "Parental and resistant cells in 6-well plates; T-DM1",
      "Lys-SMCC-DM1 reference standard and an internal standard",
      "LC-MS/MS (triple quadrupole) with a C18 column",
    ],
    steps: [
      "Treat cells with T-DM1 (1 µg/mL) for 24 h.",
      "Wash three times with cold PBS, count the cells, and extract the pellet with acetonitrile containing the internal standard.",
      "Precipitate protein, dry and reconstitute the supernatant.",
      "Quantify Lys-SMCC-DM1 by multiple-reaction monitoring against a calibration curve in matrix.",
    ],
    analysis: "intracellular_catabolite_ratio = catabolite per cell, resistant ÷ parental.",
    sources: [
      `${SOURCE_DOC}, troubleshooting row 4 step 1`,
      "Erickson HK et al. 2006, Cancer Res 66:4426–4433 (lysine-Nε-SMCC-DM1 is the catabolite)",
      "Erickson HK et al. 2012, Mol Cancer Ther 11:1133–1142 (T-DM1 catabolism in HER2+ cells)",
    ],
  },
  {
    id: "slc46a3-qpcr",
    title: "SLC46A3 expression by qRT-PCR",
    purpose: "Check for loss of the lysosomal catabolite transporter SLC46A3.",
    materials: [
      "RNA extraction kit",
      "Reverse transcriptase",
      "SLC46A3 and two reference-gene primer/probe sets",
      "Real-time PCR instrument",
    ],
    steps: [
      "Extract RNA from parental and resistant cells (three biological replicates); check purity.",
      "Reverse transcribe equal RNA amounts.",
      "Amplify SLC46A3 and the reference genes in technical triplicate; include no-template and no-RT controls.",
      "Compute ΔΔCt against the reference genes and the parental line.",
    ],
    analysis: "slc46a3_mrna_ratio = 2^-ΔΔCt, resistant ÷ parental.",
    sources: [
      `${SOURCE_DOC}, troubleshooting row 4 step 2`,
      "Hamblett KJ et al. 2015, Cancer Res 75:5329–5340 (SLC46A3 required for maytansine ADC potency)",
      LIVAK_2001,
    ],
  },
  {
    id: "abc-expression",
    title: "ABC-transporter expression (MDR1/ABCB1, ABCC1, ABCG2) by qRT-PCR and Western blot",
    purpose: "Check for efflux-pump overexpression.",
    materials: [
      "RNA extraction and qPCR reagents with ABCB1, ABCC1, ABCG2 primers",
      "Antibodies to P-gp, MRP1, BCRP for Western blot or flow",
    ],
    steps: [
      "Extract RNA and protein from parental and resistant cells (three biological replicates).",
      "qRT-PCR of ABCB1, ABCC1 and ABCG2 against two reference genes (ΔΔCt).",
      "Confirm at the protein level by Western blot (or surface staining by flow).",
    ],
    analysis: "mdr1_mrna_ratio, abcc1_mrna_ratio, abcg2_mrna_ratio = 2^-ΔΔCt (or protein ratio), resistant ÷ parental.",
    sources: [`${SOURCE_DOC}, Q3 and troubleshooting row 2 step 1`, LOGANZO_2015, LI_2018, LIVAK_2001],
  },
  {
    id: "tubulin-sequencing",
    title: "β-tubulin (TUBB) sequencing",
    purpose: "Look for β-tubulin mutations that lower maytansinoid binding.",
    materials: [
      "Resistant clones and parental cells",
      "RNA extraction, RT-PCR primers spanning the TUBB coding sequence",
      "Sanger or amplicon sequencing",
    ],
    steps: [
      "Isolate single-cell clones of the resistant population (at least three).",
      "Extract RNA, reverse transcribe, and amplify the TUBB (class I β-tubulin) coding sequence in overlapping amplicons.",
      "Sequence both strands; align to the parental sequence.",
      "Report coding changes, especially near the maytansine/vinca site at the α/β interface.",
    ],
    analysis: "tubulin_mutation_found = yes if a coding mutation absent from the parental line is found in the clones.",
    sources: [
      `${SOURCE_DOC}, troubleshooting row 2 step 2`,
      "Giannakakou P et al. 1997, J Biol Chem 272:17118–17125 (β-tubulin mutations in paclitaxel-resistant cells)",
    ],
  },
  {
    id: "microtubule-polymerization",
    title: "Microtubule polymerization in cell lysates",
    purpose: "Assess the ability of DM1 to inhibit tubulin polymerization in parental and resistant lysates.",
    materials: [
      "Cytosolic extracts (or purified tubulin) from parental and resistant cells",
      "GTP, glycerol-containing polymerization buffer (PIPES, MgCl2, EGTA)",
      "S-methyl-DM1 dilution series",
      "Plate reader at 37 °C reading absorbance at 340 nm",
    ],
    steps: [
      "Prepare cytosolic extract (or tubulin) on ice; equalize protein concentration between lines.",
      "Mix with polymerization buffer, 1 mM GTP and S-methyl-DM1 at 6–8 concentrations.",
      "Start polymerization by warming to 37 °C and read A340 every 30 s for 60 min.",
      "Take the plateau (or Vmax) for each concentration and fit the inhibition curve.",
    ],
    analysis: "dm1_polymerization_ic50_fold = IC50 of polymerization inhibition, resistant ÷ parental.",
    sources: [
      `${SOURCE_DOC}, troubleshooting row 2 step 3`,
      "Lopus M et al. 2010, Mol Cancer Ther 9:2689–2699 (maytansinoid binding to tubulin and microtubules)",
    ],
  },
  {
    id: "pakt-western",
    title: "p-AKT and pathway proteins by Western blot",
    purpose: "Check for activated survival signalling (PI3K/AKT, PTEN loss).",
    materials: [
      "Lysates with phosphatase inhibitors",
      "Antibodies to p-AKT (Ser473), total AKT, PTEN and a loading control",
    ],
    steps: [
      "Lyse parental and resistant cells in log phase (and after 24 h T-DM1, optionally).",
      "Run equal protein, transfer, and probe for p-AKT(S473), total AKT and PTEN.",
      "Quantify p-AKT/total AKT in the linear range.",
    ],
    analysis: "pakt_ratio = p-AKT/total AKT, resistant ÷ parental.",
    sources: [`${SOURCE_DOC}, troubleshooting row 4 step 3`, `${LI_2018} (PTEN deficiency in BT-474M1 T-DM1R)`],
  },
];

export const PROTOCOL_IDS: readonly string[] = PROTOCOLS.map((p) => p.id);

export function findProtocol(id: string): Protocol | undefined {
  const key = id.trim().toLowerCase();
  return PROTOCOLS.find((p) => p.id === key || p.id.replace("protocol-", "") === key);
}
