/**
 * The whole "convert this concentration" request, shared by `adclab convert` and the API's
 * /api/units/convert so that both apply the same rules and say the same things: the target
 * unit must be known; a mass ↔ molar conversion needs a molecular weight, given directly or
 * taken from a known compound (with its source); the result states the weight it used.
 */
import { InputError } from "../errors/input-error.ts";
import {
  CONCENTRATION_UNITS,
  type ConcentrationUnit,
  convertConcentration,
  normalizeConcentrationUnit,
  parseConcentrationValue,
} from "./concentration.ts";
import { type CompoundWithMw, MOLECULAR_WEIGHTS } from "./molecular-weights.ts";

export const COMPOUNDS_WITH_MW = Object.keys(MOLECULAR_WEIGHTS) as CompoundWithMw[];

export interface ConvertQuantityRequest {
  /** A value with its unit, e.g. "10ug/mL". */
  quantity: string;
  /** Target unit as the user typed it. */
  to: string;
  /** A compound of MOLECULAR_WEIGHTS. */
  compound?: string;
  /** Molecular weight in g/mol; overrides `compound`. A string is read as a number (CLI flags). */
  mw_g_per_mol?: number | string;
}

/** How each request field is named where it came from (CLI flags or API fields), for errors. */
export interface ConvertQuantityFields {
  quantity: string;
  to: string;
  compound: string;
  mw_g_per_mol: string;
}

export interface ConvertQuantityResult {
  input: { value: number; unit: ConcentrationUnit };
  output: { value: number; unit: ConcentrationUnit };
  molecularWeight_g_per_mol?: number;
  molecularWeightSource?: string;
}

export function convertQuantity(r: ConvertQuantityRequest, fields: ConvertQuantityFields): ConvertQuantityResult {
  const to = normalizeConcentrationUnit(r.to);
  if (!to)
    throw new InputError(`unknown unit '${r.to}'`, { field: fields.to, expected: CONCENTRATION_UNITS.join(", ") });
  let mw: number | undefined;
  let mwSource: string | undefined;
  if (r.mw_g_per_mol !== undefined) {
    mw = Number(r.mw_g_per_mol);
    if (!(Number.isFinite(mw) && mw > 0)) {
      throw new InputError("not a molecular weight", {
        field: fields.mw_g_per_mol,
        expected: "a positive number of g/mol",
        got: r.mw_g_per_mol,
      });
    }
    mwSource = `given with ${fields.mw_g_per_mol}`;
  } else if (r.compound !== undefined) {
    const known = MOLECULAR_WEIGHTS[r.compound as CompoundWithMw];
    if (!known) {
      throw new InputError(`unknown compound '${r.compound}'`, {
        field: fields.compound,
        expected: COMPOUNDS_WITH_MW.join(", "),
      });
    }
    mw = known.value;
    mwSource = known.source;
  }
  const parsed = parseConcentrationValue(r.quantity, { field: fields.quantity });
  const value = convertConcentration(parsed.value, parsed.unit, to, {
    field: fields.quantity,
    molecularWeight_g_per_mol: mw,
  });
  return {
    input: { value: parsed.value, unit: parsed.unit },
    output: { value, unit: to },
    ...(mw === undefined ? {} : { molecularWeight_g_per_mol: mw, molecularWeightSource: mwSource }),
  };
}
