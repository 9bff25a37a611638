/**
 * Cell lines as parameter sets. Lines differ by HER2 per cell, growth, size, baseline transporter
 * expression and — only where the source documents' parental IC50 cannot be reached with the
 * shared payload potency — their own apoptotic sensitivity (said so per line). Resistant lines are
 * a parental line plus mechanisms (mechanisms.ts).
 */
import type { SourcedValue } from "./parameters.ts";

export interface CellLine {
  id: string;
  description: string;
  her2PerCell: SourcedValue;
  doublingTime_h: SourcedValue;
  cellVolume_pL: SourcedValue;
  /** Relative mRNA / protein expression (1 = the model's reference level). */
  expression: { mdr1: number; abcc1: number; abcg2: number; slc46a3: number };
  expressionSource: string;
  /**
   * Multiplier of the shared kill threshold (1 = the shared potency). Values ≠ 1 are fitted and
   * explained in `sensitivity.note`.
   */
  sensitivity: SourcedValue;
  /** Maximal fractional growth inhibition by HER2 blockade with trastuzumab (signalling arm). */
  trastuzumabGrowthInhibition: SourcedValue;
}

const SCHEUHER = "Scheuher B et al. 2024, J Pharmacokinet Pharmacodyn 51:429, Table S2a";
const CELLOSAURUS = "Cellosaurus, as cited in the yuezheli/ADC-archives code (literature.md §1b)";
const HERMARK = "HERmark analytical validation, Pathol Res Int 2010:814176, Table 1 (flow; literature.md §1b)";
const TYPICAL_VOLUME: SourcedValue = {
  value: 2,
  units: "pL",
  description: "cell volume",
  source: `${SCHEUHER} (typical 2e-12 L)`,
  solidity: "assumed",
};
const BASELINE_EXPRESSION = "no line-specific transporter data read; reference level 1 (assumed)";
const SHARED: SourcedValue = {
  value: 1,
  units: "× shared threshold",
  description: "apoptotic sensitivity",
  source: "the shared payload potency (parameters.ts killOccupancy50)",
  solidity: "assumed",
};
const NO_TRASTUZUMAB_EFFECT: SourcedValue = {
  value: 0,
  units: "fraction",
  description: "growth inhibition by trastuzumab",
  source: "none assumed (no in-vitro data read for this line)",
  solidity: "assumed",
};
const TRASTUZUMAB_SENSITIVE: SourcedValue = {
  value: 0.3,
  units: "fraction",
  description: "growth inhibition by trastuzumab",
  source:
    "assumed: trastuzumab partially inhibits proliferation of SK-BR-3 and BT-474 in vitro (Lewis Phillips GD et al. 2008, Cancer Res 68:9280)",
  solidity: "assumed",
};

function unknown(value: number, units: string, description: string, why: string): SourcedValue {
  return { value, units, description, source: `not found (literature.md §1b); ${why}`, solidity: "assumed" };
}

function fittedSensitivity(value: number, why: string): SourcedValue {
  return {
    value,
    units: "× shared threshold",
    description: "apoptotic sensitivity",
    source: "fitted to the source documents' parental IC50 (reproduce seed-table; calibration/)",
    solidity: "fitted",
    note: why,
  };
}

export const CELL_LINES: readonly CellLine[] = [
  {
    id: "SK-BR-3",
    description: "HER2-amplified breast carcinoma (IHC 3+)",
    her2PerCell: {
      value: 1.12e6,
      units: "receptors/cell",
      description: "HER2 per cell",
      source: `${SCHEUHER} (fit to Erickson 2012); 1.6e6 in another fit`,
      solidity: "fitted",
    },
    doublingTime_h: {
      value: 37.4,
      units: "h",
      description: "doubling time",
      source: `${CELLOSAURUS} CVCL_0033`,
      solidity: "2nd-hand",
    },
    cellVolume_pL: { ...TYPICAL_VOLUME, value: 3.82, source: SCHEUHER, solidity: "fitted" },
    expression: { mdr1: 1, abcc1: 1, abcg2: 1, slc46a3: 1 },
    expressionSource: BASELINE_EXPRESSION,
    sensitivity: SHARED,
    trastuzumabGrowthInhibition: TRASTUZUMAB_SENSITIVE,
  },
  {
    id: "BT-474",
    description: "HER2-amplified, ER+ breast carcinoma (IHC 3+)",
    her2PerCell: {
      value: 4.7e5,
      units: "receptors/cell",
      description: "HER2 per cell",
      source: `${SCHEUHER} (BT-474EEI, fitted); ≈5.0e5 by flow, ${HERMARK}`,
      solidity: "fitted",
    },
    doublingTime_h: {
      value: 80,
      units: "h",
      description: "doubling time",
      source: `${CELLOSAURUS} CVCL_0179`,
      solidity: "2nd-hand",
    },
    cellVolume_pL: { ...TYPICAL_VOLUME, value: 3.96, source: SCHEUHER, solidity: "fitted" },
    expression: { mdr1: 1, abcc1: 1, abcg2: 1, slc46a3: 1 },
    expressionSource: BASELINE_EXPRESSION,
    sensitivity: SHARED,
    trastuzumabGrowthInhibition: TRASTUZUMAB_SENSITIVE,
  },
  {
    id: "BT-474M1",
    description: "in vivo-selected BT-474 derivative (Li G et al. 2018 parental line)",
    her2PerCell: {
      value: 4.7e5,
      units: "receptors/cell",
      description: "HER2 per cell",
      source: `assumed equal to BT-474 (${SCHEUHER})`,
      solidity: "assumed",
    },
    doublingTime_h: unknown(80, "h", "doubling time", "assumed equal to BT-474 (80 h)"),
    cellVolume_pL: { ...TYPICAL_VOLUME, value: 3.96, source: `assumed equal to BT-474 (${SCHEUHER})` },
    expression: { mdr1: 1, abcc1: 1, abcg2: 1, slc46a3: 1 },
    expressionSource: BASELINE_EXPRESSION,
    sensitivity: SHARED,
    trastuzumabGrowthInhibition: TRASTUZUMAB_SENSITIVE,
  },
  {
    id: "NCI-N87",
    description: "HER2-amplified gastric carcinoma",
    her2PerCell: {
      value: 1e6,
      units: "receptors/cell",
      description: "HER2 per cell",
      source: "not found (literature.md §1b); IHC 3+ model class value 1e6 (Singh & Shah 2017; Scheuher 2024)",
      solidity: "assumed",
    },
    doublingTime_h: {
      value: 30,
      units: "h",
      description: "doubling time",
      source: `${CELLOSAURUS} CVCL_1603`,
      solidity: "2nd-hand",
    },
    cellVolume_pL: TYPICAL_VOLUME,
    expression: { mdr1: 1, abcc1: 1, abcg2: 1, slc46a3: 1 },
    expressionSource: BASELINE_EXPRESSION,
    sensitivity: fittedSensitivity(
      3.36,
      "needs its own: HER2-high like SK-BR-3, yet the table's parental IC50 is ~10 nM; with the shared potency the model gives ~0.5 nM",
    ),
    trastuzumabGrowthInhibition: NO_TRASTUZUMAB_EFFECT,
  },
  {
    id: "KPL-4",
    description: "HER2-amplified breast carcinoma (Li G et al. 2018 parental line)",
    her2PerCell: {
      value: 1e6,
      units: "receptors/cell",
      description: "HER2 per cell",
      source: "not found (literature.md §1b); IHC 3+ model class value 1e6 (Singh & Shah 2017; Scheuher 2024)",
      solidity: "assumed",
    },
    doublingTime_h: unknown(36, "h", "doubling time", "assumed 36 h, like the other fast HER2+ lines"),
    cellVolume_pL: TYPICAL_VOLUME,
    expression: { mdr1: 1, abcc1: 1, abcg2: 1, slc46a3: 1 },
    expressionSource: BASELINE_EXPRESSION,
    sensitivity: fittedSensitivity(
      3.6,
      "needs its own: HER2-high (assumed 1e6), yet the table's parental IC50 is ~5 nM; with the shared potency the model gives ~0.4 nM",
    ),
    trastuzumabGrowthInhibition: NO_TRASTUZUMAB_EFFECT,
  },
  {
    id: "MDA-MB-361",
    description: "HER2-amplified (IHC 2/3+), ER+ breast carcinoma (Loganzo 2015 parental line)",
    her2PerCell: {
      value: 2.1e5,
      units: "receptors/cell",
      description: "HER2 per cell",
      source: `${HERMARK} (≈212,456; parse caveat)`,
      solidity: "measured",
    },
    doublingTime_h: unknown(72, "h", "doubling time", "assumed 72 h (a slow-growing line)"),
    cellVolume_pL: TYPICAL_VOLUME,
    expression: { mdr1: 1, abcc1: 1, abcg2: 1, slc46a3: 1 },
    expressionSource: BASELINE_EXPRESSION,
    sensitivity: fittedSensitivity(
      0.136,
      "needs its own: the table's parental IC50 (~0.1 nM, Loganzo's TM-ADC assay) is below what 2.1e5 HER2 per cell deliver with the shared potency (the curve plateaus near 50%)",
    ),
    trastuzumabGrowthInhibition: NO_TRASTUZUMAB_EFFECT,
  },
  {
    id: "JIMT-1",
    description: "HER2-amplified, trastuzumab-resistant breast carcinoma (Loganzo 2015 parental line)",
    her2PerCell: unknown(
      2e5,
      "receptors/cell",
      "HER2 per cell",
      "assumed 2e5 (amplified, but low surface levels; between the 2+ and 1+ classes of Singh & Shah 2017)",
    ),
    doublingTime_h: unknown(36, "h", "doubling time", "assumed 36 h"),
    cellVolume_pL: TYPICAL_VOLUME,
    expression: { mdr1: 1, abcc1: 1, abcg2: 1, slc46a3: 1 },
    expressionSource: BASELINE_EXPRESSION,
    sensitivity: fittedSensitivity(
      0.46,
      "needs its own: with the assumed 2e5 HER2 per cell the shared potency leaves a ~50% plateau; the table's parental IC50 is ~1 nM",
    ),
    trastuzumabGrowthInhibition: NO_TRASTUZUMAB_EFFECT,
  },
  {
    id: "MCF-7",
    description: "HER2-low (non-amplified), ER+ breast carcinoma",
    her2PerCell: {
      value: 2e4,
      units: "receptors/cell",
      description: "HER2 per cell",
      source: "Scheuher 2024 (HER2-low / normal-cell value 2e4, citing Onsum 2013); MCF-7 itself not measured here",
      solidity: "assumed",
    },
    doublingTime_h: unknown(38, "h", "doubling time", "assumed 38 h"),
    cellVolume_pL: { ...TYPICAL_VOLUME, value: 3.65, source: `${SCHEUHER} (MCF7-neo/HER2)`, solidity: "fitted" },
    expression: { mdr1: 1, abcc1: 1, abcg2: 1, slc46a3: 1 },
    expressionSource: BASELINE_EXPRESSION,
    sensitivity: SHARED,
    trastuzumabGrowthInhibition: NO_TRASTUZUMAB_EFFECT,
  },
];

export const CELL_LINE_IDS: readonly string[] = CELL_LINES.map((c) => c.id);

/** Case- and punctuation-insensitive lookup ("sk-br-3", "SKBR3", "N87" all work). */
export function findCellLine(name: string): CellLine | undefined {
  const key = squash(name);
  const alias: Record<string, string> = { n87: "NCI-N87", "361": "MDA-MB-361", jimt1: "JIMT-1", mcf7: "MCF-7" };
  const id = alias[key];
  return CELL_LINES.find((c) => squash(c.id) === key || c.id === id);
}

function squash(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[-_\s]/g, "");
}
