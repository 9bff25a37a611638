/**
 * Concentrations. Internally every concentration is molar (mol/L, "M"); inputs and
 * outputs carry their unit explicitly. Mass concentrations (ng/mL, µg/mL, …) convert to
 * molar only with a molecular weight, because a µg/mL of T-DM1 (~148.5 kDa) and a µg/mL of
 * free DM1 (~738 Da) differ 200-fold in molecules.
 */
import { InputError } from "../errors/input-error.ts";

export type MolarUnit = "M" | "mM" | "µM" | "nM" | "pM" | "fM";
export type MassUnit = "g/L" | "mg/mL" | "mg/L" | "µg/mL" | "µg/L" | "ng/mL" | "ng/L" | "pg/mL";
export type ConcentrationUnit = MolarUnit | MassUnit;

/** Factor from the unit to M. */
const MOLAR_FACTORS: Record<MolarUnit, number> = {
  M: 1,
  mM: 1e-3,
  µM: 1e-6,
  nM: 1e-9,
  pM: 1e-12,
  fM: 1e-15,
};

/** Factor from the unit to g/L. */
const MASS_FACTORS: Record<MassUnit, number> = {
  "g/L": 1,
  "mg/mL": 1,
  "mg/L": 1e-3,
  "µg/mL": 1e-3,
  "µg/L": 1e-6,
  "ng/mL": 1e-6,
  "ng/L": 1e-9,
  "pg/mL": 1e-9,
};

export const CONCENTRATION_UNITS: readonly ConcentrationUnit[] = [
  ...(Object.keys(MOLAR_FACTORS) as MolarUnit[]),
  ...(Object.keys(MASS_FACTORS) as MassUnit[]),
];

export function isMassUnit(u: ConcentrationUnit): u is MassUnit {
  return u in MASS_FACTORS;
}

/**
 * Canonical spelling of a unit as users type it: "uM", "μM" (Greek mu), "µM" (micro sign),
 * "ug/ml", "mcg/mL" all become "µM" / "µg/mL". The molar prefix is case-sensitive
 * (mM is millimolar, MM is not a unit); the litre may be "l" or "L".
 * Returns undefined for anything else.
 */
export function normalizeConcentrationUnit(raw: string): ConcentrationUnit | undefined {
  let s = raw.trim().replace(/\s+/g, "");
  s = s.replace(/[μu]/g, "µ").replace(/^mcg/, "µg");
  // litre: accept l or L after the slash
  s = s.replace(/\/(m|µ)?l$/i, (_m, p: string | undefined) => `/${p ? p.replace("M", "m") : ""}L`);
  if (s in MOLAR_FACTORS || s in MASS_FACTORS) return s as ConcentrationUnit;
  return undefined;
}

export interface MolarOptions {
  /** Molecular weight in g/mol; required for mass units. */
  molecularWeight_g_per_mol?: number;
  /** Where the value came from, for error messages. */
  field?: string;
}

function requireMw(unit: ConcentrationUnit, o: MolarOptions): number {
  const mw = o.molecularWeight_g_per_mol;
  if (mw === undefined) {
    throw new InputError(`cannot convert ${unit} to molar without a molecular weight`, {
      field: o.field,
      expected: "a molecular weight in g/mol (e.g. T-DM1 148,500 g/mol), or a molar unit (M, mM, µM, nM, pM)",
    });
  }
  if (!(Number.isFinite(mw) && mw > 0)) {
    throw new InputError("molecular weight must be a positive number of g/mol", { field: o.field, got: mw });
  }
  return mw;
}

/** Value in `unit` → M. */
export function toMolar(value: number, unit: ConcentrationUnit, o: MolarOptions = {}): number {
  if (!Number.isFinite(value)) {
    throw new InputError("concentration is not a finite number", { field: o.field, got: value });
  }
  if (isMassUnit(unit)) return (value * MASS_FACTORS[unit]) / requireMw(unit, o);
  return value * MOLAR_FACTORS[unit];
}

/** M → value in `unit`. */
export function fromMolar(molar: number, unit: ConcentrationUnit, o: MolarOptions = {}): number {
  if (isMassUnit(unit)) return (molar * requireMw(unit, o)) / MASS_FACTORS[unit];
  return molar / MOLAR_FACTORS[unit];
}

export interface ParsedConcentration {
  value: number;
  unit: ConcentrationUnit;
  molar: number;
}

const NUMBER = String.raw`[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?`;
const QUANTITY = new RegExp(`^\\s*(${NUMBER})\\s*(.*?)\\s*$`);

/**
 * Parse "10 µg/mL", "2.5nM", "1e-9 M". A bare number needs `defaultUnit`.
 * Decimal commas ("2,5 nM") are accepted; thousands separators are not.
 */
export function parseConcentration(
  text: string,
  o: MolarOptions & { defaultUnit?: ConcentrationUnit } = {},
): ParsedConcentration {
  const { value, unit } = parseConcentrationValue(text, o);
  return { value, unit, molar: toMolar(value, unit, o) };
}

/** The number and unit of a concentration, without converting (mass units need no MW here). */
export function parseConcentrationValue(
  text: string,
  o: { field?: string; defaultUnit?: ConcentrationUnit } = {},
): { value: number; unit: ConcentrationUnit } {
  const m = QUANTITY.exec(text);
  if (!m) {
    throw new InputError("not a concentration", {
      field: o.field,
      expected: `a number with a unit (${CONCENTRATION_UNITS.join(", ")})`,
      got: text,
    });
  }
  const value = Number((m[1] as string).replace(",", "."));
  const unitText = m[2] ?? "";
  let unit: ConcentrationUnit | undefined;
  if (unitText === "") {
    unit = o.defaultUnit;
    if (!unit) {
      throw new InputError("concentration has no unit", {
        field: o.field,
        expected: `a unit: ${CONCENTRATION_UNITS.join(", ")}`,
        got: text,
      });
    }
  } else {
    unit = normalizeConcentrationUnit(unitText);
    if (!unit) {
      throw new InputError(`unknown concentration unit '${unitText}'`, {
        field: o.field,
        expected: `one of ${CONCENTRATION_UNITS.join(", ")}`,
        got: text,
      });
    }
  }
  if (value < 0) {
    throw new InputError("concentration cannot be negative", { field: o.field, got: text });
  }
  return { value, unit };
}

/** Convert between any two units (mass ↔ molar needs the molecular weight). */
export function convertConcentration(
  value: number,
  from: ConcentrationUnit,
  to: ConcentrationUnit,
  o: MolarOptions = {},
): number {
  if (isMassUnit(from) && isMassUnit(to)) return (value * MASS_FACTORS[from]) / MASS_FACTORS[to];
  return fromMolar(toMolar(value, from, o), to, o);
}
