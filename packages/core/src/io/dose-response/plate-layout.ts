/**
 * Plate-reader files: one or more 96/384-well grids of raw signals (one grid per plate), plus a
 * layout that says what is in each well — either grids labelled sample / compound /
 * concentration (+ optional role, replicate), or a table with a well column (+ optional plate).
 * Wells with a signal but no layout entry are unused wells and are left out.
 */
import { InputError } from "../../errors/input-error.ts";
import type { ConcentrationUnit } from "../../units/concentration.ts";
import { type DelimitedText, parseDelimited, parseNumberCell } from "../delimited.ts";
import { describeField, type Field, mapColumns } from "./columns.ts";
import { concentrationReader, splitHeaderUnit } from "./concentration-column.ts";
import { parseRole } from "./long-table.ts";
import { looksLikePlateGrid, parsePlateGrids } from "./plate-grid.ts";
import { canonicalWell, type DoseResponseRecord, type DoseResponseTable, WELL_ROLES, type WellRole } from "./types.ts";

export interface TextFile {
  /** File name as the user gave it. */
  file: string;
  text: string;
}

export interface PlateReadOptions {
  defaultUnit?: ConcentrationUnit;
  molecularWeight_g_per_mol?: number;
}

interface LayoutEntry {
  plate?: string;
  well: string;
  sample: string;
  compound: string;
  concentration: string;
  unit?: string;
  role?: string;
  replicate?: string;
  /** Where the concentration came from, for errors. */
  at: { file: string; row: number; column: string | number };
  unitAt?: { file: string; row: number; column: string | number };
  roleAt?: { file: string; row: number; column: string | number };
}

const LAYOUT_FIELDS = ["sample", "compound", "concentration", "role", "replicate"] as const;

function layoutFromGrids(t: DelimitedText, file: string): { entries: LayoutEntry[]; concUnit?: string } {
  const grids = parsePlateGrids(t, file);
  const byField = new Map<string, (typeof grids)[number]>();
  let concUnit: string | undefined;
  for (const g of grids) {
    const { name, unit } = splitHeaderUnit(g.label);
    const cols = mapColumns([name]);
    const field = (Object.keys(cols.index) as Field[])[0];
    if (!field || !(LAYOUT_FIELDS as readonly string[]).includes(field)) {
      throw new InputError(`layout grid '${g.label}' is not a layout field`, {
        file,
        row: g.line,
        column: 1,
        expected: `a grid labelled ${LAYOUT_FIELDS.join(", ")}`,
      });
    }
    if (byField.has(field)) {
      throw new InputError(`two layout grids for '${field}'`, { file, row: g.line, column: 1 });
    }
    if (field === "concentration") concUnit = unit;
    byField.set(field, g);
  }
  for (const f of ["sample", "compound", "concentration"] as const) {
    if (!byField.has(f)) {
      throw new InputError(`the layout has no '${f}' grid`, {
        file,
        column: f,
        expected: `grids labelled sample, compound and concentration (optionally role, replicate); found ${[...byField.keys()].join(", ") || "none"}`,
      });
    }
  }
  const conc = byField.get("concentration")!;
  const entries: LayoutEntry[] = [];
  for (const [well, c] of conc.wells) {
    const get = (f: string) => byField.get(f)?.wells.get(well);
    const role = get("role");
    entries.push({
      well,
      sample: get("sample")?.text ?? "",
      compound: get("compound")?.text ?? "",
      concentration: c.text,
      ...(role ? { role: role.text, roleAt: { file, row: role.line, column: role.column } } : {}),
      ...(get("replicate") ? { replicate: get("replicate")!.text } : {}),
      at: { file, row: c.line, column: c.column },
    });
  }
  return { entries, concUnit };
}

function layoutFromTable(t: DelimitedText, file: string): { entries: LayoutEntry[]; concUnit?: string } {
  const [head, ...body] = t.rows;
  if (!head) throw new InputError("the layout file is empty", { file });
  const cols = mapColumns(head.cells);
  for (const f of ["well", "sample", "compound", "concentration"] as const) {
    if (cols.index[f] === undefined) {
      throw new InputError(`missing column '${f}'`, { file, row: head.line, column: f, expected: describeField(f) });
    }
  }
  const get = (cells: string[], f: Field) => (cols.index[f] === undefined ? undefined : (cells[cols.index[f]!] ?? ""));
  const entries: LayoutEntry[] = body.map((r) => {
    const at = (f: Field) => ({ file, row: r.line, column: cols.header[f] ?? f });
    const plate = get(r.cells, "plate");
    const unit = get(r.cells, "unit");
    const role = get(r.cells, "role");
    const replicate = get(r.cells, "replicate");
    return {
      ...(plate ? { plate } : {}),
      well: get(r.cells, "well") as string,
      sample: get(r.cells, "sample") as string,
      compound: get(r.cells, "compound") as string,
      concentration: get(r.cells, "concentration") as string,
      ...(unit !== undefined ? { unit, unitAt: at("unit") } : {}),
      ...(role ? { role, roleAt: at("role") } : {}),
      ...(replicate ? { replicate } : {}),
      at: at("concentration"),
    };
  });
  return { entries, concUnit: cols.headerUnit.concentration };
}

/** Read raw-signal grids and a layout into dose–response records. */
export function readPlateLayout(signals: TextFile, layout: TextFile, o: PlateReadOptions = {}): DoseResponseTable {
  const sigTable = parseDelimited(signals.text, { file: signals.file });
  const grids = parsePlateGrids(sigTable, signals.file);
  if (grids.length === 0) {
    throw new InputError("no plate grid found", {
      file: signals.file,
      expected: "a header row of column numbers 1…12 (or 1…24) followed by rows A…H (or A…P)",
    });
  }
  const layTable = parseDelimited(layout.text, { file: layout.file });
  const { entries, concUnit } = looksLikePlateGrid(layTable)
    ? layoutFromGrids(layTable, layout.file)
    : layoutFromTable(layTable, layout.file);

  // A well may be described once per plate (or once for all plates).
  const seen = new Map<string, number>();
  for (const e of entries) {
    const well = canonicalWell(e.well);
    if (!well) {
      throw new InputError("not a well name", {
        ...e.at,
        column: "well",
        expected: "a well such as A1 or H12",
        got: e.well,
      });
    }
    e.well = well;
    const key = `${e.plate ?? ""}\u0000${well}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError(`duplicated well ${well} in the layout (first on row ${first})`, {
        ...e.at,
        column: "well",
        expected: "each well once per plate",
      });
    }
    seen.set(key, e.at.row);
  }

  const conc = concentrationReader({
    headerUnit: concUnit,
    defaultUnit: o.defaultUnit,
    molecularWeight_g_per_mol: o.molecularWeight_g_per_mol,
    decimalComma: sigTable.delimiter !== ",",
    headerLocation: { file: layout.file, column: "concentration" },
  });
  const records: DoseResponseRecord[] = [];
  grids.forEach((g, gi) => {
    const plate = g.label || (grids.length > 1 ? String(gi + 1) : "");
    for (const e of entries) {
      if (e.plate !== undefined && e.plate !== plate) continue;
      let role: WellRole | undefined;
      if (e.role) {
        role = parseRole(e.role);
        if (!role) {
          throw new InputError(`unknown role '${e.role}'`, {
            ...e.roleAt,
            expected: `one of ${WELL_ROLES.join(", ")}`,
          });
        }
      }
      const concentration_nM = conc.read(e.concentration, e.unit, e.compound, e.at, e.unitAt);
      role ??= concentration_nM === 0 ? "vehicle" : "sample";
      if (role !== "blank" && e.sample === "") {
        throw new InputError(`well ${e.well} has no sample`, {
          ...e.at,
          column: "sample",
          expected: "a cell line or sample",
        });
      }
      if (role === "sample" && e.compound === "") {
        throw new InputError(`well ${e.well} has no compound`, { ...e.at, column: "compound", expected: "a compound" });
      }
      const cell = g.wells.get(e.well);
      if (!cell) {
        throw new InputError(
          `well ${e.well} is in the layout but has no signal${plate ? ` on plate '${plate}'` : ""}`,
          {
            file: signals.file,
            row: g.line,
            column: e.well,
            expected: "a number in every well the layout uses",
          },
        );
      }
      const response = parseNumberCell(cell.text, { decimalComma: sigTable.delimiter !== "," });
      if (response === undefined) {
        throw new InputError(`signal of well ${e.well} is not a number`, {
          file: signals.file,
          row: cell.line,
          column: cell.column,
          expected: "a number",
          got: cell.text,
        });
      }
      const rec: DoseResponseRecord = {
        line: cell.line,
        sample: e.sample,
        compound: e.compound,
        concentration_nM,
        response,
        role,
        well: e.well,
      };
      if (plate) rec.plate = plate;
      if (e.replicate) rec.replicate = e.replicate;
      records.push(rec);
    }
  });
  if (records.length === 0) {
    throw new InputError("the layout matches no plate", {
      file: layout.file,
      expected: `plate names ${grids.map((g) => `'${g.label}'`).join(", ")}`,
    });
  }
  return {
    file: signals.file,
    records,
    concentrationUnit: conc.unit() ?? "nM",
    molecularWeights_g_per_mol: conc.molecularWeights(),
    warnings: conc.warnings(),
  };
}
