/**
 * Count tables for GR values given as separate files (GRmetrics' separate control and time-zero
 * tables): every column except the count, concentration, unit and role is a key, named as in the
 * header, so that controls and time-zero counts can be matched to treated rows on shared keys.
 */
import { InputError } from "../../errors/input-error.ts";
import { type DelimitedText, parseDelimited, parseNumberCell } from "../delimited.ts";
import { describeField, mapColumns } from "./columns.ts";

export interface CountRow {
  line: number;
  keys: Record<string, string>;
  cellCount: number;
}

const NOT_KEYS = ["response", "concentration", "unit", "role"] as const;

/** Key columns of every body row (header names lower-cased), aligned with the table's rows. */
export function keyColumns(t: DelimitedText): Record<string, string>[] {
  const [head, ...body] = t.rows;
  if (!head) return [];
  const cols = mapColumns(head.cells);
  const skip = new Set(NOT_KEYS.map((f) => cols.index[f]).filter((i) => i !== undefined));
  const names = head.cells.map((h) => h.trim().toLowerCase());
  return body.map((r) => {
    const keys: Record<string, string> = {};
    names.forEach((n, i) => {
      if (!skip.has(i) && n !== "") keys[n] = r.cells[i] ?? "";
    });
    return keys;
  });
}

/** A control or time-zero table: key columns and a count column (cell_count, count, response, …). */
export function readCountTable(text: string, file: string): CountRow[] {
  const t = parseDelimited(text, { file });
  const [head, ...body] = t.rows;
  if (!head) throw new InputError("the file is empty", { file, expected: "a header row and one row per well" });
  const cols = mapColumns(head.cells);
  const ci = cols.index.response;
  if (ci === undefined) {
    throw new InputError("missing column 'cell_count'", {
      file,
      row: head.line,
      column: "cell_count",
      expected: describeField("response"),
    });
  }
  const keys = keyColumns(t);
  return body.map((r, i) => {
    const v = parseNumberCell(r.cells[ci] ?? "", { decimalComma: t.delimiter !== "," });
    if (v === undefined || !(v > 0)) {
      throw new InputError("cell count is not a positive number", {
        file,
        row: r.line,
        column: cols.header.response,
        expected: "a count > 0",
        got: r.cells[ci] ?? "",
      });
    }
    return { line: r.line, keys: keys[i]!, cellCount: v };
  });
}
