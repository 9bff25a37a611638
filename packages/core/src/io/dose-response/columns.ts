/** Recognising the columns of a dose–response long table from the names labs give them. */
import { splitHeaderUnit } from "./concentration-column.ts";

export type Field =
  | "sample"
  | "compound"
  | "concentration"
  | "unit"
  | "response"
  | "replicate"
  | "plate"
  | "well"
  | "time"
  | "role";

/** Accepted spellings (compared lower-case with spaces, "_", "-" and "." removed). */
const ALIASES: Record<Field, readonly string[]> = {
  sample: ["sample", "cellline", "line", "cells", "cell", "sampleid", "clone"],
  compound: ["compound", "drug", "agent", "treatment", "adc", "perturbagen"],
  concentration: ["concentration", "conc", "dose"],
  unit: ["unit", "units", "concentrationunit", "concunit", "doseunit"],
  response: [
    "response",
    "signal",
    "value",
    "viability",
    "readout",
    "luminescence",
    "absorbance",
    "fluorescence",
    "cellcount",
    "count",
    "od",
  ],
  replicate: ["replicate", "rep", "repl"],
  plate: ["plate", "plateid", "barcode"],
  well: ["well", "wellid", "position"],
  time: ["time", "duration", "hours"],
  role: ["role", "welltype", "type", "kind"],
};

export const REQUIRED_FIELDS: readonly Field[] = ["sample", "compound", "concentration", "response"];

export interface ColumnMap {
  index: Partial<Record<Field, number>>;
  /** The header cell as the user wrote it. */
  header: Partial<Record<Field, string>>;
  /** Unit found in the header, e.g. "µM" from "conc (µM)". */
  headerUnit: Partial<Record<Field, string>>;
}

const compact = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, "");

export function mapColumns(headers: readonly string[]): ColumnMap {
  const map: ColumnMap = { index: {}, header: {}, headerUnit: {} };
  headers.forEach((h, i) => {
    const candidates = [{ name: h, unit: undefined as string | undefined }, splitHeaderUnit(h)];
    for (const c of candidates) {
      const key = compact(c.name);
      const field = (Object.keys(ALIASES) as Field[]).find((f) => ALIASES[f].includes(key));
      if (field && map.index[field] === undefined) {
        map.index[field] = i;
        map.header[field] = h;
        if (c.unit !== undefined) map.headerUnit[field] = c.unit;
        break;
      }
    }
  });
  return map;
}

/** How to name a field in an error when its column is missing. */
export function describeField(f: Field): string {
  return `a '${f}' column (also accepted: ${ALIASES[f]
    .filter((a) => a !== f)
    .slice(0, 4)
    .join(", ")})`;
}
