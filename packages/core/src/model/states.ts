/**
 * The state vector of one well. Per-cell states are molecules per average live cell (so
 * "per 10⁶ cells" read-outs are direct); medium states are nM in the well's medium; cell states
 * are cells per well.
 */

export interface StateInfo {
  name: string;
  units: "molecules/cell" | "nM" | "cells";
  where: "cell" | "medium" | "population";
  description: string;
}

export const STATES = [
  { name: "her2Surface", units: "molecules/cell", where: "cell", description: "free HER2 on the cell surface" },
  { name: "her2Endosome", units: "molecules/cell", where: "cell", description: "free HER2 in endosomes" },
  { name: "adcSurface", units: "molecules/cell", where: "cell", description: "HER2:T-DM1 complex on the surface" },
  { name: "abSurface", units: "molecules/cell", where: "cell", description: "HER2:trastuzumab (DAR 0) on the surface" },
  { name: "adcEndosome", units: "molecules/cell", where: "cell", description: "HER2:T-DM1 in endosomes" },
  { name: "abEndosome", units: "molecules/cell", where: "cell", description: "HER2:trastuzumab in endosomes" },
  { name: "adcLysosome", units: "molecules/cell", where: "cell", description: "T-DM1 in lysosomes, not yet degraded" },
  {
    name: "catLysosome",
    units: "molecules/cell",
    where: "cell",
    description: "Lys-SMCC-DM1 in lysosomes",
  },
  { name: "catCytosol", units: "molecules/cell", where: "cell", description: "free Lys-SMCC-DM1 in the cytosol" },
  { name: "catBound", units: "molecules/cell", where: "cell", description: "Lys-SMCC-DM1 bound to its target" },
  {
    name: "drugCytosol",
    units: "molecules/cell",
    where: "cell",
    description: "free small-molecule drug in the cytosol",
  },
  { name: "drugBound", units: "molecules/cell", where: "cell", description: "small-molecule drug bound to its target" },
  { name: "adcMedium", units: "nM", where: "medium", description: "T-DM1 in the medium" },
  { name: "abMedium", units: "nM", where: "medium", description: "trastuzumab (DAR 0) in the medium" },
  { name: "ecdMedium", units: "nM", where: "medium", description: "free shed HER2 ECD in the medium" },
  { name: "ecdAdcMedium", units: "nM", where: "medium", description: "ECD:T-DM1 complex in the medium" },
  { name: "ecdAbMedium", units: "nM", where: "medium", description: "ECD:trastuzumab complex in the medium" },
  {
    name: "catMedium",
    units: "nM",
    where: "medium",
    description: "catabolite and MCC-DM1 adducts (charged maytansinoids) in the medium",
  },
  { name: "drugMedium", units: "nM", where: "medium", description: "small-molecule drug in the medium" },
  { name: "cellsCycling", units: "cells", where: "population", description: "proliferating cells" },
  { name: "cellsDamaged1", units: "cells", where: "population", description: "damaged (arrested) cells, stage 1" },
  { name: "cellsDamaged2", units: "cells", where: "population", description: "damaged cells, stage 2" },
  { name: "cellsDamaged3", units: "cells", where: "population", description: "damaged cells, stage 3 (then death)" },
] as const satisfies readonly StateInfo[];

export type StateName = (typeof STATES)[number]["name"];
export const N_STATES = STATES.length;

/** Index of each state in the vector. */
export const S = Object.fromEntries(STATES.map((s, i) => [s.name, i])) as Record<StateName, number>;

/** Avogadro's number per nmol: molecules in 1 nmol. */
export const MOLECULES_PER_NMOL = 6.02214076e14;
