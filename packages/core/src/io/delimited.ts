/**
 * CSV / TSV text → rows of cells, with the 1-based line number of every row kept so that
 * errors can name it. RFC 4180 quoting ("a, b", "say ""hi""") is honoured; the delimiter is
 * detected from the first non-empty line (tab, semicolon or comma — a European Excel export
 * uses ";" with decimal commas). Blank lines and lines starting with "#" are skipped.
 */
import { InputError } from "../errors/input-error.ts";

export type Delimiter = "," | "\t" | ";";

export interface DelimitedRow {
  /** 1-based line number in the file where the row starts. */
  line: number;
  cells: string[];
}

export interface DelimitedText {
  delimiter: Delimiter;
  rows: DelimitedRow[];
}

/** The delimiter of a text: the most frequent of tab, semicolon and comma outside quotes on its first data line. */
export function detectDelimiter(text: string): Delimiter {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== "" && !l.startsWith("#")) ?? "";
  const unquoted = first.replace(/"[^"]*"/g, "");
  const count = (c: string) => unquoted.split(c).length - 1;
  const tabs = count("\t");
  const semis = count(";");
  const commas = count(",");
  if (tabs > 0 && tabs >= semis && tabs >= commas) return "\t";
  if (semis > commas) return ";";
  return ",";
}

/** Parse delimited text. `file` only names the source in error messages. */
export function parseDelimited(text: string, o: { file?: string; delimiter?: Delimiter } = {}): DelimitedText {
  const delimiter = o.delimiter ?? detectDelimiter(text);
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // drop a UTF-8 byte-order mark
  const rows: DelimitedRow[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let cell = "";
    let quoted = false;
    let endOfRow = false;
    while (i < n && !endOfRow) {
      const ch = src[i] as string;
      if (quoted) {
        if (ch === '"') {
          if (src[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        if (ch === "\n") line++;
        cell += ch;
        i++;
        continue;
      }
      if (ch === '"' && cell.trim() === "") {
        quoted = true;
        cell = "";
        i++;
      } else if (ch === delimiter) {
        cells.push(cell);
        cell = "";
        i++;
      } else if (ch === "\r" || ch === "\n") {
        i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
        line++;
        endOfRow = true;
      } else {
        cell += ch;
        i++;
      }
    }
    if (quoted) {
      throw new InputError("a quoted cell is never closed", {
        file: o.file,
        row: startLine,
        expected: 'a closing double quote (")',
      });
    }
    cells.push(cell);
    const blank = cells.every((c) => c.trim() === "");
    if (!blank && !(cells[0] ?? "").startsWith("#")) rows.push({ line: startLine, cells: cells.map((c) => c.trim()) });
  }
  return { delimiter, rows };
}

/**
 * Parse a plain number as users write it in a table cell: "1.5", "-2", "1e-3", "2,5" (decimal
 * comma, only when the file is not comma-delimited). Returns undefined for anything else,
 * including "", "NA", "inf" and thousands separators, so that callers can report the cell.
 */
export function parseNumberCell(text: string, o: { decimalComma?: boolean } = {}): number | undefined {
  let s = text.trim();
  if (s === "") return undefined;
  if (o.decimalComma && /^[-+]?\d*,\d+(?:[eE][-+]?\d+)?$/.test(s)) s = s.replace(",", ".");
  if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}
