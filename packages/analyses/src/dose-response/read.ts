/**
 * From the bytes of the user's files to the table of wells: a long table, a plate-reader grid
 * with its layout, or GR counts (GRmetrics' stacked, Case A or separate-table inputs).
 */
import {
  type DoseResponseTable,
  InputError,
  keyColumns,
  looksLikePlateGrid,
  parseDelimited,
  readCountTable,
  readGrCaseA,
  readLongTableRows,
  readPlateLayout,
} from "@adclab/core";
import type { DoseResponseOptions } from "./options.ts";

/** A file as the user gave it: its name (a label for messages) and its bytes or text. */
export interface NamedFile {
  name: string;
  content: Uint8Array | string;
}

export interface DoseResponseFiles {
  /** The long table or the plate-reader grid. */
  file: NamedFile;
  /** The layout of a plate-reader grid. */
  layout?: NamedFile;
  /** GR: the control and time-zero counts as separate tables (GRmetrics' separate-table input). */
  controls?: NamedFile;
  time0?: NamedFile;
}

const utf8 = new TextDecoder("utf-8");

export function textOf(f: NamedFile): string {
  return typeof f.content === "string" ? f.content : utf8.decode(f.content);
}

export interface ReadTable {
  table: DoseResponseTable;
  caseA?: NonNullable<ReturnType<typeof readGrCaseA>>;
  separate?: {
    keys: Record<string, string>[];
    controls: ReturnType<typeof readCountTable>;
    time0: ReturnType<typeof readCountTable>;
    controlFile: string;
    time0File: string;
  };
}

export function readDoseResponseTable(files: DoseResponseFiles, o: DoseResponseOptions): ReadTable {
  const file = files.file.name;
  const text = textOf(files.file);
  const readOptions = { file, defaultUnit: o.unit, molecularWeight_g_per_mol: o.mw };
  if (files.layout !== undefined) {
    return {
      table: readPlateLayout({ file, text }, { file: files.layout.name, text: textOf(files.layout) }, readOptions),
    };
  }
  const parsed = parseDelimited(text, { file });
  if (o.model === "gr" && (files.controls !== undefined || files.time0 !== undefined)) {
    if (files.controls === undefined || files.time0 === undefined) {
      throw new InputError("separate GR tables need both --controls and --time0", {
        field: files.controls === undefined ? "--controls" : "--time0",
      });
    }
    const separate = {
      keys: keyColumns(parsed),
      controls: readCountTable(textOf(files.controls), files.controls.name),
      time0: readCountTable(textOf(files.time0), files.time0.name),
      controlFile: files.controls.name,
      time0File: files.time0.name,
    };
    return { table: readLongTableRows(parsed, readOptions), separate };
  }
  if (o.model === "gr") {
    const caseA = readGrCaseA(text, readOptions);
    if (caseA) return { table: caseA.table, caseA };
  }
  if (looksLikePlateGrid(parsed)) {
    throw new InputError("this is a plate grid; give its layout with --layout", {
      file,
      field: "--layout",
      expected: "a layout file (grids labelled sample, compound, concentration; or a table with a well column)",
    });
  }
  return { table: readLongTableRows(parsed, readOptions) };
}
