/**
 * Molecular weights used to convert mass concentrations, each with its source.
 * Small molecules: computed from the molecular formula with IUPAC standard atomic weights
 * (C 12.011, H 1.008, N 14.007, O 15.999, S 32.065, Cl 35.453) — checked in the tests.
 */
export interface MolecularWeight {
  /** g/mol */
  value: number;
  formula?: string;
  source: string;
}

export const MOLECULAR_WEIGHTS = {
  "T-DM1": {
    value: 148_500,
    source:
      "Kadcyla (ado-trastuzumab emtansine) prescribing information, 'approximately 148.5 kDa'; Scheuher et al. 2024 J Pharmacokinet Pharmacodyn Table S2b gives 148,781 g/mol (0.2 % higher)",
  },
  trastuzumab: {
    value: 145_167,
    source: "Scheuher et al. 2024 J Pharmacokinet Pharmacodyn 51:429, Table S2b",
  },
  DM1: {
    value: 738.3,
    formula: "C35H48ClN3O10S",
    source: "computed from the formula (mertansine)",
  },
  "S-methyl-DM1": {
    value: 752.3,
    formula: "C36H50ClN3O10S",
    source: "computed from the formula (DM1 + CH2)",
  },
  "Lys-SMCC-DM1": {
    value: 1103.7,
    formula: "C53H75ClN6O15S",
    source: "computed from the formula; Scheuher et al. 2024 Table S2b rounds to 1,100 g/mol",
  },
  paclitaxel: { value: 853.9, formula: "C47H51NO14", source: "computed from the formula" },
  vinblastine: { value: 811.0, formula: "C46H58N4O9", source: "computed from the formula" },
} as const satisfies Record<string, MolecularWeight>;

export type CompoundWithMw = keyof typeof MOLECULAR_WEIGHTS;

const ATOMIC_WEIGHTS: Record<string, number> = { C: 12.011, H: 1.008, N: 14.007, O: 15.999, S: 32.065, Cl: 35.453 };

/** Molecular weight (g/mol) from a simple formula such as "C35H48ClN3O10S". */
export function molecularWeightOfFormula(formula: string): number {
  let total = 0;
  const re = /([A-Z][a-z]?)(\d*)/g;
  let consumed = 0;
  for (const m of formula.matchAll(re)) {
    const el = m[1] as string;
    const w = ATOMIC_WEIGHTS[el];
    if (w === undefined) throw new Error(`no atomic weight for element ${el}`);
    total += w * (m[2] ? Number(m[2]) : 1);
    consumed += m[0].length;
  }
  if (consumed !== formula.length) throw new Error(`cannot read formula ${formula}`);
  return total;
}
