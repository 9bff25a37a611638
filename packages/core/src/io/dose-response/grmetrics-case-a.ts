/**
 * GRmetrics' "Case A" table: the long table plus, on every row, the control count
 * (`cell_count__ctrl`) and the time-zero count (`cell_count__time0`) that row's GR value uses.
 */
import { InputError } from "../../errors/input-error.ts";
import { parseDelimited, parseNumberCell } from "../delimited.ts";
import { type DoseResponseReadOptions, readLongTableRows } from "./long-table.ts";
import type { DoseResponseTable } from "./types.ts";

export interface GrCaseATable {
  table: DoseResponseTable;
  /** Control and time-zero counts, aligned with table.records. */
  controls: number[];
  time0: number[];
}

const CONTROL = "cell_count__ctrl";
const TIME0 = "cell_count__time0";

/** Reads a Case A table, or returns undefined when the text has no Case A columns. */
export function readGrCaseA(text: string, o: DoseResponseReadOptions): GrCaseATable | undefined {
  const parsed = parseDelimited(text, { file: o.file });
  const head = parsed.rows[0];
  if (!head) return undefined;
  const ci = head.cells.findIndex((c) => c.toLowerCase() === CONTROL);
  const ti = head.cells.findIndex((c) => c.toLowerCase() === TIME0);
  if (ci < 0 && ti < 0) return undefined;
  if (ci < 0 || ti < 0) {
    throw new InputError(`missing column '${ci < 0 ? CONTROL : TIME0}'`, {
      file: o.file,
      row: head.line,
      column: ci < 0 ? CONTROL : TIME0,
      expected: `both ${CONTROL} and ${TIME0} (GRmetrics Case A)`,
    });
  }
  const table = readLongTableRows(parsed, o);
  const read = (i: number, name: string) =>
    parsed.rows.slice(1).map((r) => {
      const v = parseNumberCell(r.cells[i] ?? "");
      if (v === undefined || !(v > 0)) {
        throw new InputError(`${name} is not a positive number`, {
          file: o.file,
          row: r.line,
          column: name,
          expected: "a cell count > 0",
          got: r.cells[i] ?? "",
        });
      }
      return v;
    });
  return { table, controls: read(ci, CONTROL), time0: read(ti, TIME0) };
}
