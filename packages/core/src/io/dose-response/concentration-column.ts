/**
 * Reading concentrations from table cells: the unit comes from a unit column, from the header
 * ("conc (µM)", "concentration_nM") or from the cell itself ("10 µg/mL"), in that order.
 * Mass units need a molecular weight: the one given by the caller, else the compound's known
 * weight (MOLECULAR_WEIGHTS), else T-DM1's — and that last assumption is reported as a warning.
 */
import { InputError, type InputLocation } from "../../errors/input-error.ts";
import {
  CONCENTRATION_UNITS,
  type ConcentrationUnit,
  isMassUnit,
  type MolarUnit,
  normalizeConcentrationUnit,
  parseConcentrationValue,
  toMolar,
} from "../../units/concentration.ts";
import { type CompoundWithMw, MOLECULAR_WEIGHTS } from "../../units/molecular-weights.ts";

/** Split a header such as "conc (µM)", "dose [nM]" or "concentration_uM" into name and unit. */
export function splitHeaderUnit(header: string): { name: string; unit?: string } {
  const bracket = /^(.*?)\s*[([]\s*([^)\]]+?)\s*[)\]]\s*$/.exec(header);
  if (bracket) return { name: (bracket[1] as string).trim(), unit: bracket[2] as string };
  const underscore = /^(.*?)[_\s]+([^_\s]+)$/.exec(header);
  if (underscore) {
    const unit = underscore[2] as string;
    if (normalizeConcentrationUnit(unit) || /^(h|hr|hours?|min|d|days?|s)$/i.test(unit)) {
      return { name: (underscore[1] as string).trim(), unit };
    }
  }
  return { name: header.trim() };
}

/** nM per unit, exact powers of ten so that "3 nM" stays 3 (not 3e-9 · 1e9). */
const NANOMOLAR_PER: Record<MolarUnit, number> = { M: 1e9, mM: 1e6, µM: 1e3, nM: 1, pM: 1e-3, fM: 1e-6 };

const compact = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, "");

/** The compound's known molecular weight, matching names loosely ("t-dm1", "TDM1", "Kadcyla" is not matched). */
export function knownMolecularWeight(compound: string): { name: CompoundWithMw; value: number } | undefined {
  const key = compact(compound);
  for (const name of Object.keys(MOLECULAR_WEIGHTS) as CompoundWithMw[]) {
    if (compact(name) === key) return { name, value: MOLECULAR_WEIGHTS[name].value };
  }
  return undefined;
}

export interface ConcentrationReader {
  /** Concentration in nM of one cell; `unitCell` is the unit column's cell if there is one. */
  read(
    cell: string,
    unitCell: string | undefined,
    compound: string,
    where: InputLocation,
    unitWhere?: InputLocation,
  ): number;
  /** The unit seen first (for reporting results in the user's unit). */
  unit(): ConcentrationUnit | undefined;
  molecularWeights(): Record<string, number>;
  warnings(): string[];
}

export function concentrationReader(o: {
  headerUnit?: string;
  defaultUnit?: ConcentrationUnit;
  molecularWeight_g_per_mol?: number;
  decimalComma?: boolean;
  headerLocation: InputLocation;
}): ConcentrationReader {
  let headerUnit: ConcentrationUnit | undefined;
  if (o.headerUnit !== undefined) {
    headerUnit = normalizeConcentrationUnit(o.headerUnit);
    if (!headerUnit) {
      throw new InputError(`unknown concentration unit '${o.headerUnit}' in the header`, {
        ...o.headerLocation,
        expected: `one of ${CONCENTRATION_UNITS.join(", ")}`,
        got: o.headerUnit,
      });
    }
  }
  let firstUnit: ConcentrationUnit | undefined;
  const mws: Record<string, number> = {};
  const warnings: string[] = [];

  const mwFor = (compound: string, unit: ConcentrationUnit): number => {
    if (o.molecularWeight_g_per_mol !== undefined) {
      mws[compound] = o.molecularWeight_g_per_mol;
      return o.molecularWeight_g_per_mol;
    }
    const known = knownMolecularWeight(compound);
    if (known) {
      mws[compound] = known.value;
      return known.value;
    }
    const tdm1 = MOLECULAR_WEIGHTS["T-DM1"].value;
    if (mws[compound] === undefined) {
      warnings.push(
        `${unit} of '${compound || "(no compound)"}' converted with T-DM1's molecular weight (${tdm1} g/mol); give --mw if it is another compound`,
      );
    }
    mws[compound] = tdm1;
    return tdm1;
  };

  return {
    read(cell, unitCell, compound, where, unitWhere) {
      const text = o.decimalComma ? cell.replace(",", ".") : cell;
      // A bare 0 (vehicle, blank, t0) needs no unit: zero is zero in every unit.
      if (/^\s*\+?0*\.?0*\s*$/.test(text) && /0/.test(text) && !unitCell?.trim()) return 0;
      let unitText: string | undefined;
      if (unitCell !== undefined && unitCell.trim() !== "") unitText = unitCell;
      let parsed: { value: number; unit: ConcentrationUnit };
      try {
        if (unitText !== undefined) {
          const u = normalizeConcentrationUnit(unitText);
          if (!u) {
            throw new InputError(`unknown concentration unit '${unitText}'`, {
              ...unitWhere,
              expected: `one of ${CONCENTRATION_UNITS.join(", ")}`,
              got: unitText,
            });
          }
          parsed = parseConcentrationValue(text, { defaultUnit: u });
        } else {
          parsed = parseConcentrationValue(text, { defaultUnit: headerUnit ?? o.defaultUnit });
        }
      } catch (e) {
        if (e instanceof InputError) throw e.at(where);
        throw e;
      }
      const { value, unit } = parsed;
      if (value !== 0) firstUnit ??= unit;
      if (!isMassUnit(unit)) return value * NANOMOLAR_PER[unit];
      return toMolar(value, unit, { molecularWeight_g_per_mol: mwFor(compound, unit) }) * 1e9;
    },
    unit: () => firstUnit,
    molecularWeights: () => mws,
    warnings: () => warnings,
  };
}
