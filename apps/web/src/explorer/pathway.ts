/**
 * The pathway of the source documents as a diagram: each step a box on a grid inside the cell,
 * each resistance mechanism on the step it changes (as in packages/core's mechanisms.ts), and the
 * arrows of the route T-DM1 → Lys-SMCC-DM1 → tubulin → death, with the HER2-signalling branch.
 * The layout is fixed by hand: the pathway is one known shape, and a hand layout keeps the
 * reading order of the documents (left to right into the cell, then down to the cell's fate).
 */

export type StepId =
  | "binding"
  | "recycling"
  | "shedding"
  | "internalization"
  | "sorting"
  | "proteolysis"
  | "slc46a3"
  | "cytosol"
  | "efflux"
  | "tubulin"
  | "arrest"
  | "apoptosis"
  | "signalling";

export interface Step {
  id: StepId;
  title: string;
  subtitle: string;
  col: number;
  row: number;
  mechanisms: string[];
}

export const STEPS: Step[] = [
  {
    id: "binding",
    title: "Binding",
    subtitle: "T-DM1 binds HER2 (domain IV)",
    col: 0,
    row: 0,
    mechanisms: ["her2-loss"],
  },
  {
    id: "recycling",
    title: "Recycling",
    subtitle: "complex returns to the surface",
    col: 1,
    row: 0,
    mechanisms: ["recycling-enhanced"],
  },
  {
    id: "shedding",
    title: "ECD shedding",
    subtitle: "shed HER2 ECD: a decoy in the medium",
    col: 2,
    row: 0,
    mechanisms: ["her2-shedding"],
  },
  {
    id: "efflux",
    title: "Efflux pumps",
    subtitle: "ABC transporters export DM1",
    col: 4,
    row: 0,
    mechanisms: ["mdr1-up", "abcc1-up", "abcg2-up"],
  },
  {
    id: "internalization",
    title: "Internalization",
    subtitle: "receptor-mediated endocytosis",
    col: 0,
    row: 1,
    mechanisms: ["internalization-impaired"],
  },
  {
    id: "sorting",
    title: "Endosome → lysosome",
    subtitle: "maturation and fusion",
    col: 1,
    row: 1,
    mechanisms: ["trafficking-impaired"],
  },
  {
    id: "proteolysis",
    title: "Degradation",
    subtitle: "proteolysis → Lys-SMCC-DM1",
    col: 2,
    row: 1,
    mechanisms: ["lysosome-ph"],
  },
  {
    id: "slc46a3",
    title: "SLC46A3",
    subtitle: "exports the catabolite",
    col: 3,
    row: 1,
    mechanisms: ["slc46a3-loss"],
  },
  { id: "cytosol", title: "Cytosol", subtitle: "free Lys-SMCC-DM1", col: 4, row: 1, mechanisms: [] },
  {
    id: "tubulin",
    title: "Tubulin",
    subtitle: "DM1 blocks polymerization",
    col: 4,
    row: 2,
    mechanisms: ["tubulin-altered"],
  },
  { id: "arrest", title: "G2/M arrest", subtitle: "mitosis blocked", col: 3, row: 2, mechanisms: [] },
  { id: "apoptosis", title: "Apoptosis", subtitle: "the cell dies", col: 2, row: 2, mechanisms: [] },
  {
    id: "signalling",
    title: "HER2 signalling",
    subtitle: "PI3K / AKT survival",
    col: 0,
    row: 2,
    mechanisms: ["survival-signalling"],
  },
];

/** Geometry of the drawing, in SVG user units. */
export const LAYOUT = {
  width: 1200,
  medium: 70,
  left: 44,
  colWidth: 212,
  gap: 20,
  rowTop: [104, 378, 546] as const,
  height: 700,
  titleHeight: 44,
  readoutHeight: 18,
  mechanismHeight: 58,
};

export function stepBox(s: Step): { x: number; y: number; w: number; h: number } {
  const x = LAYOUT.left + s.col * (LAYOUT.colWidth + LAYOUT.gap);
  const y = LAYOUT.rowTop[s.row as 0 | 1 | 2];
  const h = LAYOUT.titleHeight + LAYOUT.readoutHeight + s.mechanisms.length * LAYOUT.mechanismHeight + 10;
  return { x, y, w: LAYOUT.colWidth, h };
}

/** Where each mechanism is drawn; a mechanism the model adds later without a step goes to "other". */
export function stepOfMechanism(id: string): StepId | undefined {
  return STEPS.find((s) => s.mechanisms.includes(id))?.id;
}

/** Short labels that fit a step's box; the full name and the literature are in the tooltip. */
export const SHORT_NAMES: Record<string, string> = {
  "her2-loss": "HER2 loss",
  "her2-shedding": "more ECD shedding",
  "internalization-impaired": "slower internalization",
  "recycling-enhanced": "more recycling",
  "trafficking-impaired": "impaired trafficking",
  "lysosome-ph": "raised lysosomal pH",
  "slc46a3-loss": "SLC46A3 loss",
  "mdr1-up": "MDR1 (P-gp) up",
  "abcc1-up": "ABCC1 (MRP1) up",
  "abcg2-up": "ABCG2 (BCRP) up",
  "tubulin-altered": "altered β-tubulin",
  "survival-signalling": "PI3K/AKT activation",
};
