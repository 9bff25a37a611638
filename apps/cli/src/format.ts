/** Human-readable output: numbers with sensible precision and plain-text tables. */
import { formatNumber } from "@adclab/analyses/tables";

// The one rule for showing a number (5 significant digits, exponent form outside 1e-3 … 1e6),
// shared with the web page so that both show the same cells.
export { formatNumber };

/** A left-aligned text table with a header rule; cells are converted with String(). */
export function formatTable(headers: string[], rows: unknown[][]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === "number" ? formatNumber(c) : String(c ?? ""))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}
