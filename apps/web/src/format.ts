/**
 * Number formatting shared with the CLI's output rules (apps/cli/src/format.ts): 5 significant
 * digits, exponent form outside 1e-3 … 1e6, so the page shows what `adclab` prints.
 */
export function formatNumber(x: number, digits = 5): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e6) return Number(x.toPrecision(digits)).toString();
  return x.toExponential(digits - 1);
}

/** The line `adclab convert` prints for the same conversion. */
export function conversionLine(r: {
  input: { value: number; unit: string };
  output: { value: number; unit: string };
  molecularWeight_g_per_mol?: number;
}): string {
  const mw = r.molecularWeight_g_per_mol;
  return `${r.input.value} ${r.input.unit} = ${formatNumber(r.output.value)} ${r.output.unit}${mw ? `  (MW ${mw} g/mol)` : ""}`;
}
