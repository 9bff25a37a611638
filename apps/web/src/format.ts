/**
 * Number formatting: the CLI's rule (5 significant digits, exponent form outside 1e-3 … 1e6), from
 * the module both use, so the page shows what `adclab` prints.
 */
import { formatNumber } from "@adclab/analyses/tables";

export { formatNumber };

/** The line `adclab convert` prints for the same conversion. */
export function conversionLine(r: {
  input: { value: number; unit: string };
  output: { value: number; unit: string };
  molecularWeight_g_per_mol?: number;
}): string {
  const mw = r.molecularWeight_g_per_mol;
  return `${r.input.value} ${r.input.unit} = ${formatNumber(r.output.value)} ${r.output.unit}${mw ? `  (MW ${mw} g/mol)` : ""}`;
}
