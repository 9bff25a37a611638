/**
 * The source document's "Quantitative Data Summary" (docs/design.md §1): parental vs
 * resistant IC50s of five T-DM1 / TM-ADC resistant lines. The document calls these "example
 * data"; the mechanisms were checked against the primary papers (the model's literature review,
 * §3.3, §5), the IC50 values could not be.
 */
export interface SeedTableRow {
  /** Parental cell line as the document names it. */
  cellLine: string;
  /** The conjugate tested: T-DM1 itself or the trastuzumab-maytansinoid analogue TM-ADC. */
  adc: "T-DM1" | "TM-ADC";
  parentalIc50_nM: number;
  resistantIc50_nM: number;
  /** true where the document gives a lower bound (">5,000 nM"). */
  resistantIsLowerBound: boolean;
  foldResistance: number;
  /** Mechanism ids (knowledge/mechanisms.ts) reported for the resistant line. */
  mechanisms: string[];
  /** The document's own wording. */
  mechanismText: string;
  /** Primary paper, as verified in literature.md. */
  primarySource: string;
}

export const SEED_TABLE: readonly SeedTableRow[] = [
  {
    cellLine: "KPL-4",
    adc: "T-DM1",
    parentalIc50_nM: 5,
    resistantIc50_nM: 5000,
    resistantIsLowerBound: true,
    foldResistance: 1000,
    mechanisms: ["her2-loss", "mdr1-up"],
    mechanismText: "Decreased HER2, Upregulation of MDR1",
    primarySource: "Li G et al. 2018, Mol Cancer Ther 17(7):1441–1453",
  },
  {
    cellLine: "BT-474M1",
    adc: "T-DM1",
    parentalIc50_nM: 2,
    resistantIc50_nM: 100,
    resistantIsLowerBound: false,
    foldResistance: 50,
    mechanisms: ["slc46a3-loss", "survival-signalling"],
    mechanismText: "Loss of SLC46A3, PTEN deficiency",
    primarySource: "Li G et al. 2018, Mol Cancer Ther 17(7):1441–1453",
  },
  {
    cellLine: "NCI-N87",
    adc: "T-DM1",
    parentalIc50_nM: 10,
    resistantIc50_nM: 250,
    resistantIsLowerBound: false,
    foldResistance: 25,
    mechanisms: ["abcg2-up"],
    mechanismText: "Upregulation of ABCG2",
    primarySource: "Takegawa N et al. 2017, Int J Cancer (not verified in literature.md)",
  },
  {
    cellLine: "MDA-MB-361",
    adc: "TM-ADC",
    parentalIc50_nM: 0.1,
    resistantIc50_nM: 25,
    resistantIsLowerBound: false,
    foldResistance: 250,
    mechanisms: ["abcc1-up"],
    mechanismText: "Upregulation of ABCC1",
    primarySource: "Loganzo F et al. 2015, Mol Cancer Ther 14(4):952–963",
  },
  {
    cellLine: "JIMT-1",
    adc: "TM-ADC",
    parentalIc50_nM: 1,
    resistantIc50_nM: 16,
    resistantIsLowerBound: false,
    foldResistance: 16,
    mechanisms: ["her2-loss"],
    mechanismText: "Decreased HER2",
    primarySource: "Loganzo F et al. 2015, Mol Cancer Ther 14(4):952–963",
  },
];
