/**
 * From a dose–response table of cell counts to GR curves: treated wells (role sample), controls
 * (role vehicle, or concentration 0 at the treated time) and time-zero counts (role t0, or time 0)
 * are matched with GRmetrics' stacked-table rule (gr-inputs.ts), then grouped by sample ×
 * compound (× time when the file has several endpoints).
 */
import { InputError } from "../errors/input-error.ts";
import type { DoseResponseRecord, DoseResponseTable } from "../io/dose-response/types.ts";
import { type GrCountRow, type GrRow, grRowsFromCaseA, grRowsFromTables } from "./gr-inputs.ts";

export interface GrCurve {
  id: string;
  sample: string;
  compound: string;
  time_h?: number;
  concentration_nM: Float64Array;
  gr: Float64Array;
  relativeCellCount: Float64Array;
  lines: number[];
}

function keysOf(r: DoseResponseRecord): Record<string, string> {
  const k: Record<string, string> = { sample: r.sample, compound: r.compound };
  if (r.plate !== undefined) k.plate = r.plate;
  if (r.replicate !== undefined) k.replicate = r.replicate;
  if (r.time_h !== undefined) k.time = String(r.time_h);
  return k;
}

const toRow = (r: DoseResponseRecord): GrCountRow => ({
  line: r.line,
  keys: keysOf(r),
  concentration_nM: r.concentration_nM,
  cellCount: r.response,
});

function group(
  rows: GrRow[],
  records: Map<number, DoseResponseRecord>,
  file: string,
  minConcentrations: number,
): GrCurve[] {
  const times = new Set(rows.map((r) => records.get(r.line)?.time_h));
  const by = new Map<string, GrRow[]>();
  for (const r of rows) {
    const rec = records.get(r.line)!;
    const id = `${rec.sample} · ${rec.compound}${times.size > 1 ? ` · ${rec.time_h ?? "?"} h` : ""}`;
    by.set(id, [...(by.get(id) ?? []), r]);
  }
  return [...by].map(([id, rs]) => {
    rs.sort((a, b) => a.concentration_nM - b.concentration_nM || a.line - b.line);
    const first = records.get(rs[0]!.line)!;
    const distinct = new Set(rs.map((r) => r.concentration_nM)).size;
    if (distinct < minConcentrations) {
      throw new InputError(`curve '${id}' has ${distinct} distinct concentrations`, {
        file,
        row: rs[0]!.line,
        column: "concentration",
        expected: `at least ${minConcentrations} distinct non-zero concentrations to fit a curve`,
      });
    }
    const c: GrCurve = {
      id,
      sample: first.sample,
      compound: first.compound,
      concentration_nM: Float64Array.from(rs, (r) => r.concentration_nM),
      gr: Float64Array.from(rs, (r) => r.gr),
      relativeCellCount: Float64Array.from(rs, (r) => r.relativeCellCount),
      lines: rs.map((r) => r.line),
    };
    if (first.time_h !== undefined) c.time_h = first.time_h;
    return c;
  });
}

/** GR curves from a long table with treated, vehicle and t0 wells (GRmetrics' stacked convention). */
export function grCurvesFromTable(table: DoseResponseTable, o: { minConcentrations?: number } = {}): GrCurve[] {
  const isT0 = (r: DoseResponseRecord) => r.role === "t0" || (r.time_h === 0 && r.role !== "blank");
  const time0 = table.records.filter(isT0);
  const controls = table.records.filter((r) => !isT0(r) && r.role === "vehicle");
  const treated = table.records.filter((r) => !isT0(r) && r.role === "sample");
  if (time0.length === 0) {
    throw new InputError("GR values need time-zero counts, and the file has none", {
      file: table.file,
      column: "role",
      expected: "wells with role 't0' (or time 0): the cell count when the drug was added",
    });
  }
  const rows = grRowsFromTables(treated.map(toRow), controls.map(toRow), time0.map(toRow), { file: table.file });
  const records = new Map(table.records.map((r) => [r.line, r]));
  return group(rows, records, table.file, o.minConcentrations ?? 4);
}

/** GR curves from GRmetrics' Case A: control and time-zero counts given on every row. */
export function grCurvesFromCaseA(
  table: DoseResponseTable,
  controls: readonly number[],
  time0: readonly number[],
  o: { minConcentrations?: number } = {},
): GrCurve[] {
  const treated = table.records.filter((r) => r.role === "sample");
  const index = new Map(table.records.map((r, i) => [r, i]));
  const rows = grRowsFromCaseA(
    treated.map((r) => ({ ...toRow(r), control: controls[index.get(r)!]!, time0: time0[index.get(r)!]! })),
    table.file,
  );
  const records = new Map(table.records.map((r) => [r.line, r]));
  return group(rows, records, table.file, o.minConcentrations ?? 4);
}

/**
 * GR curves from separate tables (GRmetrics' input2 layout): the treated table, with its key
 * columns as written (`treatedKeys`, aligned with table.records), and control and time-zero
 * tables keyed by the same column names.
 */
export function grCurvesFromSeparateTables(
  table: DoseResponseTable,
  treatedKeys: readonly Record<string, string>[],
  controls: readonly { line: number; keys: Record<string, string>; cellCount: number }[],
  time0: readonly { line: number; keys: Record<string, string>; cellCount: number }[],
  o: { controlFile?: string; time0File?: string; minConcentrations?: number } = {},
): GrCurve[] {
  const treated: GrCountRow[] = [];
  table.records.forEach((r, i) => {
    if (r.role === "sample") treated.push({ ...toRow(r), keys: { ...treatedKeys[i] } });
  });
  const asRows = (rs: typeof controls) => rs.map((r) => ({ ...r, concentration_nM: 0 }));
  const rows = grRowsFromTables(treated, asRows(controls), asRows(time0), {
    file: table.file,
    controlFile: o.controlFile,
    time0File: o.time0File,
  });
  const records = new Map(table.records.map((r) => [r.line, r]));
  return group(rows, records, table.file, o.minConcentrations ?? 4);
}
