/** Dose–response files → records → curves. */
export { knownMolecularWeight, splitHeaderUnit } from "./concentration-column.ts";
export { type CountRow, keyColumns, readCountTable } from "./count-table.ts";
export { type GrCaseATable, readGrCaseA } from "./grmetrics-case-a.ts";
export { type DoseResponseReadOptions, parseRole, readLongTable, readLongTableRows } from "./long-table.ts";
export {
  type CurveOptions,
  type CurveSet,
  type DoseResponseCurve,
  type Normalization,
  toCurves,
} from "./normalize.ts";
export { type GridCell, looksLikePlateGrid, type PlateGrid, parsePlateGrids } from "./plate-grid.ts";
export { type PlateReadOptions, readPlateLayout, type TextFile } from "./plate-layout.ts";
export {
  canonicalWell,
  type DoseResponseRecord,
  type DoseResponseTable,
  WELL_ROLES,
  type WellRole,
} from "./types.ts";
