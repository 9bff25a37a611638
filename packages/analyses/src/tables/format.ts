/**
 * How ADCLab shows a number, and what a result looks like after a trip through JSON: the pieces
 * the CLI's text tables and the web page's HTML tables share, so that both show the same cells.
 */

/** 5 significant digits; exponent form outside 1e-3 … 1e6. */
export function formatNumber(x: number, digits = 5): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e6) return Number(x.toPrecision(digits)).toString();
  return x.toExponential(digits - 1);
}

/**
 * A result as `--json` prints it and the API returns it: JSON.stringify turns NaN into null, so
 * any number may come back null. The table builders take this type, so that they accept both the
 * live result (the CLI) and the parsed document (the web page).
 */
export type Json<T> = T extends number
  ? number | null
  : T extends string | boolean | null | undefined
    ? T
    : { [K in keyof T]: Json<T[K]> };

/** A table as both front ends show it: a title, the column names and the cells as display strings. */
export interface DisplayTable {
  title: string;
  headers: string[];
  rows: string[][];
  /** A line that explains the table, printed under it. */
  note?: string;
}
