/**
 * The long table: one row per well, with sample (cell line), compound, concentration with its
 * unit, response; optionally replicate, plate, well, time and role (sample | vehicle | blank | t0).
 * Every problem is an InputError naming the file, the 1-based line and the column.
 */
import { InputError } from "../../errors/input-error.ts";
import type { ConcentrationUnit } from "../../units/concentration.ts";
import { normalizeTimeUnit, toHours } from "../../units/time.ts";
import { type DelimitedText, parseDelimited, parseNumberCell } from "../delimited.ts";
import { describeField, type Field, mapColumns, REQUIRED_FIELDS } from "./columns.ts";
import { concentrationReader } from "./concentration-column.ts";
import { canonicalWell, type DoseResponseRecord, type DoseResponseTable, WELL_ROLES, type WellRole } from "./types.ts";

export interface DoseResponseReadOptions {
  /** File name as the user gave it, for error messages. */
  file: string;
  /** Unit for bare concentration numbers when neither a unit column nor the header gives one. */
  defaultUnit?: ConcentrationUnit;
  /** Molecular weight (g/mol) for mass concentrations, overriding the compound's known weight. */
  molecularWeight_g_per_mol?: number;
}

const ROLE_ALIASES: Record<string, WellRole> = {
  sample: "sample",
  treated: "sample",
  treatment: "sample",
  drug: "sample",
  vehicle: "vehicle",
  control: "vehicle",
  ctrl: "vehicle",
  untreated: "vehicle",
  dmso: "vehicle",
  pbs: "vehicle",
  blank: "blank",
  background: "blank",
  empty: "blank",
  medium: "blank",
  media: "blank",
  noCells: "blank",
  t0: "t0",
  time0: "t0",
  day0: "t0",
};

export function parseRole(text: string): WellRole | undefined {
  const key = text.trim().replace(/[\s_\-=]/g, "");
  return ROLE_ALIASES[key] ?? ROLE_ALIASES[key.toLowerCase()];
}

/** Read a long table from CSV/TSV text. */
export function readLongTable(text: string, o: DoseResponseReadOptions): DoseResponseTable {
  return readLongTableRows(parseDelimited(text, { file: o.file }), o);
}

export function readLongTableRows(table: DelimitedText, o: DoseResponseReadOptions): DoseResponseTable {
  const { file } = o;
  const [head, ...body] = table.rows;
  if (!head) throw new InputError("the file is empty", { file, expected: "a header row and one row per well" });
  const cols = mapColumns(head.cells);
  for (const f of REQUIRED_FIELDS) {
    if (cols.index[f] === undefined) {
      throw new InputError(`missing column '${f}'`, {
        file,
        row: head.line,
        column: f,
        expected: describeField(f),
        got: head.cells.join(table.delimiter === "\t" ? " | " : ", "),
      });
    }
  }
  if (body.length === 0) throw new InputError("the table has a header but no rows", { file, row: head.line });

  const decimalComma = table.delimiter !== ",";
  const conc = concentrationReader({
    headerUnit: cols.headerUnit.concentration,
    defaultUnit: o.defaultUnit,
    molecularWeight_g_per_mol: o.molecularWeight_g_per_mol,
    decimalComma,
    headerLocation: { file, row: head.line, column: cols.header.concentration },
  });
  let timeUnit = "h";
  if (cols.headerUnit.time !== undefined) {
    const u = normalizeTimeUnit(cols.headerUnit.time);
    if (!u) {
      throw new InputError(`unknown time unit '${cols.headerUnit.time}'`, {
        file,
        row: head.line,
        column: cols.header.time,
        expected: "s, min, h or d",
      });
    }
    timeUnit = u;
  }

  const cell = (cells: string[], f: Field) => {
    const i = cols.index[f];
    return i === undefined ? undefined : (cells[i] ?? "");
  };
  const records: DoseResponseRecord[] = [];
  const seenWells = new Map<string, number>();
  for (const r of body) {
    const at = (f: Field) => ({ file, row: r.line, column: cols.header[f] ?? f });
    const sample = cell(r.cells, "sample") as string;
    const compound = cell(r.cells, "compound") as string;
    const roleText = cell(r.cells, "role");
    let role: WellRole | undefined;
    if (roleText !== undefined && roleText !== "") {
      role = parseRole(roleText);
      if (!role) {
        throw new InputError(`unknown role '${roleText}'`, {
          ...at("role"),
          expected: `one of ${WELL_ROLES.join(", ")} (or control, DMSO, background, empty, time0)`,
        });
      }
    }
    const concentration_nM = conc.read(
      cell(r.cells, "concentration") as string,
      cell(r.cells, "unit"),
      compound,
      at("concentration"),
      at("unit"),
    );
    role ??= concentration_nM === 0 ? "vehicle" : "sample";
    // A blank may serve the whole plate; everything else belongs to a sample.
    if (sample === "" && role !== "blank") {
      throw new InputError("empty sample name", { ...at("sample"), expected: "a cell line or sample" });
    }
    if (role === "sample" && compound === "") {
      throw new InputError("a treated well has no compound", { ...at("compound"), expected: "the compound's name" });
    }
    if (role !== "sample" && concentration_nM !== 0 && roleText) {
      throw new InputError(`a ${role} well must have concentration 0`, {
        ...at("concentration"),
        got: cell(r.cells, "concentration"),
      });
    }
    const responseText = cell(r.cells, "response") as string;
    const response = parseNumberCell(responseText, { decimalComma });
    if (response === undefined) {
      throw new InputError("response is not a number", { ...at("response"), expected: "a number", got: responseText });
    }
    const rec: DoseResponseRecord = { line: r.line, sample, compound, concentration_nM, response, role };
    const replicate = cell(r.cells, "replicate");
    if (replicate) rec.replicate = replicate;
    const plate = cell(r.cells, "plate");
    if (plate) rec.plate = plate;
    const timeText = cell(r.cells, "time");
    if (timeText) {
      const t = parseNumberCell(timeText, { decimalComma });
      if (t === undefined || t < 0) {
        throw new InputError("time is not a number", {
          ...at("time"),
          expected: "a non-negative number",
          got: timeText,
        });
      }
      rec.time_h = toHours(t, timeUnit as "h");
    }
    const wellText = cell(r.cells, "well");
    if (wellText) {
      const well = canonicalWell(wellText);
      if (!well) {
        throw new InputError("not a well name", { ...at("well"), expected: "a well such as A1 or H12", got: wellText });
      }
      rec.well = well;
      // One reading per well per plate (and time point, for kinetic reads).
      const key = `${plate ?? ""}\u0000${well}\u0000${rec.time_h ?? ""}`;
      const first = seenWells.get(key);
      if (first !== undefined) {
        throw new InputError(`duplicated well ${well}${plate ? ` on plate '${plate}'` : ""} (first on row ${first})`, {
          ...at("well"),
          expected: "each well once per plate",
        });
      }
      seenWells.set(key, r.line);
    }
    records.push(rec);
  }
  return {
    file,
    records,
    concentrationUnit: conc.unit() ?? "nM",
    molecularWeights_g_per_mol: conc.molecularWeights(),
    warnings: conc.warnings(),
  };
}
