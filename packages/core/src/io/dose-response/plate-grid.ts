/**
 * Plate grids as plate readers export them: a header row 1…12 (96-well) or 1…24 (384-well),
 * then one row per plate row A…H (or A…P). A file may hold several grids; each grid's label is
 * its corner cell or the one-cell line just above it ("Plate 1", "sample", "concentration (µM)").
 */
import { InputError } from "../../errors/input-error.ts";
import type { DelimitedRow, DelimitedText } from "../delimited.ts";

export interface GridCell {
  text: string;
  /** 1-based line of the file. */
  line: number;
  /** 1-based column of the file. */
  column: number;
}

export interface PlateGrid {
  label: string;
  /** Line of the grid's header row. */
  line: number;
  columns: number;
  rows: number;
  /** Well ("B7") → cell. Empty cells are left out. */
  wells: Map<string, GridCell>;
}

function gridHeaderWidth(r: DelimitedRow): number {
  const nums = r.cells.slice(1);
  let n = 0;
  for (const c of nums) {
    if (c === "") break;
    if (Number(c) !== n + 1) return 0;
    n++;
  }
  if (nums.slice(n).some((c) => c !== "")) return 0;
  return n >= 2 ? n : 0;
}

const ROW_LETTER = /^[A-Pa-p]$/;

/** Whether a table looks like plate grids rather than a long table. */
export function looksLikePlateGrid(t: DelimitedText): boolean {
  return t.rows.slice(0, 5).some((r) => gridHeaderWidth(r) >= 2);
}

export function parsePlateGrids(t: DelimitedText, file: string): PlateGrid[] {
  const grids: PlateGrid[] = [];
  const rows = t.rows;
  for (let i = 0; i < rows.length; i++) {
    const head = rows[i] as DelimitedRow;
    const width = gridHeaderWidth(head);
    if (!width) continue;
    let label = head.cells[0] ?? "";
    const prev = rows[i - 1];
    if (label === "" && prev && prev.cells.filter((c) => c !== "").length === 1 && gridHeaderWidth(prev) === 0) {
      label = prev.cells.find((c) => c !== "") as string;
    }
    const grid: PlateGrid = { label, line: head.line, columns: width, rows: 0, wells: new Map() };
    let j = i + 1;
    let last = -1;
    for (; j < rows.length; j++) {
      const r = rows[j] as DelimitedRow;
      const letter = r.cells[0] ?? "";
      if (!ROW_LETTER.test(letter)) break;
      // Rows go down the plate; a layout grid may leave out rows it does not use.
      const index = letter.toUpperCase().charCodeAt(0) - 65;
      if (index <= last) {
        throw new InputError(`plate row '${letter}' out of order`, {
          file,
          row: r.line,
          column: 1,
          expected: `a row after ${String.fromCharCode(65 + last)}`,
        });
      }
      last = index;
      const expected = letter.toUpperCase();
      grid.rows++;
      for (let c = 1; c <= width; c++) {
        const text = r.cells[c] ?? "";
        if (text !== "") grid.wells.set(`${expected}${c}`, { text, line: r.line, column: c + 1 });
      }
      const extra = r.cells.slice(width + 1).findIndex((c) => c !== "");
      if (extra >= 0) {
        throw new InputError("a value beyond the last plate column", {
          file,
          row: r.line,
          column: width + 2 + extra,
          expected: `${width} columns as in the grid's header`,
        });
      }
    }
    if (grid.rows === 0) {
      throw new InputError("a plate header row with no plate rows under it", {
        file,
        row: head.line,
        expected: "rows A, B, C, … under the column numbers",
      });
    }
    grids.push(grid);
    i = j - 1;
  }
  return grids;
}
