/** The in-memory form of a dose–response experiment, whatever file it came from. */

/** What a well is: a treated sample, the vehicle control (100 %), a blank (0 %), or a count at time zero (GR). */
export type WellRole = "sample" | "vehicle" | "blank" | "t0";

export const WELL_ROLES: readonly WellRole[] = ["sample", "vehicle", "blank", "t0"];

export interface DoseResponseRecord {
  /** 1-based line (long table) or grid row (plate) in the source file, for error messages. */
  line: number;
  /** Cell line or sample name. */
  sample: string;
  /** Compound (drug) name; "" for a vehicle or blank well that serves every compound of its sample. */
  compound: string;
  /** Concentration in nM (0 for vehicle, blank and t0 wells). */
  concentration_nM: number;
  /** The raw response (signal, count, % viability), as read. */
  response: number;
  role: WellRole;
  replicate?: string;
  plate?: string;
  /** Well name as written, upper-cased: "B07" and "B7" are both "B7". */
  well?: string;
  time_h?: number;
}

export interface DoseResponseTable {
  /** File name as the user gave it. */
  file: string;
  records: DoseResponseRecord[];
  /** The concentration unit of the file, used to report IC50s in the user's unit. */
  concentrationUnit: string;
  /** Molecular weight used to convert mass concentrations, per compound (g/mol). */
  molecularWeights_g_per_mol: Record<string, number>;
  /** Assumptions the reader made that the user should see (e.g. a default molecular weight). */
  warnings: string[];
}

/** Canonical well name: "b07" → "B7". Returns undefined if it is not a plate well name. */
export function canonicalWell(text: string): string | undefined {
  const m = /^\s*([A-Pa-p])\s*0*(\d{1,2})\s*$/.exec(text);
  if (!m) return undefined;
  const col = Number(m[2]);
  if (col < 1 || col > 24) return undefined;
  return `${(m[1] as string).toUpperCase()}${col}`;
}
