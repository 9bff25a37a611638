/**
 * Rows of values → CSV text (RFC 4180), the one writer of the project's CSV files and exports.
 * A field that holds a comma, a double quote, a carriage return or a line feed is put in double
 * quotes, with each quote doubled; every other field is written as it is. Every row, the last
 * included, ends with the line end (LF by default, CRLF on request). `parseDelimited` (./delimited.ts)
 * reads the text back, except that it trims the cells and skips rows whose first cell starts with "#".
 */

/** One field's value: text, a number (`String(v)`), a boolean, or nothing (an empty field). */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Written after every row, the last included: "\n" (the default) or RFC 4180's "\r\n". */
  lineEnd?: "\n" | "\r\n";
  /**
   * A NaN or ±Infinity: "empty" (the default) writes an empty field, as for null (JSON has no
   * NaN either); "text" writes JavaScript's spelling ("NaN", "Infinity", "-Infinity").
   */
  nonFinite?: "empty" | "text";
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One field as CSV text: quoted (quotes doubled) when it holds `,` `"` `\r` or `\n`. */
export function csvField(v: CsvValue, o: CsvOptions = {}): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" && !Number.isFinite(v) && o.nonFinite !== "text") return "";
  const s = String(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A header row and the data rows as CSV text, fields separated by commas. */
export function toCsv(header: readonly CsvValue[], rows: readonly (readonly CsvValue[])[], o: CsvOptions = {}): string {
  const end = o.lineEnd ?? "\n";
  let out = "";
  for (const row of [header, ...rows]) out += `${row.map((v) => csvField(v, o)).join(",")}${end}`;
  return out;
}
