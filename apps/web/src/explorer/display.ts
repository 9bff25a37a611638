/** How the explorer writes its numbers: 3 significant digits (the CLI's rules otherwise), units named. */
import { formatNumber } from "../format.ts";
import type { StepId } from "./pathway.ts";
import type { Curve, ExplorerResult } from "./worker-messages.ts";

export const sig = (x: number) => formatNumber(x, 3);
export const percent = (x: number) => `${sig(x * 100)}%`;

/** "1.49 nM", or "> 100000 nM" when the curve never reaches half-kill in the tested range. */
export function ic50Text(c: Curve): string {
  const q = c.ic50.qualifier === "=" ? "" : `${c.ic50.qualifier} `;
  return `${q}${sig(c.ic50.value_nM)} nM`;
}

export function ic50CiText(c: Curve): string {
  const ci = c.ic50.ci95_nM;
  if (ci) return `95% CI ${sig(ci[0])}–${sig(ci[1])} nM`;
  return c.ic50.qualifier === "=" ? "CI not estimable from the fit" : "beyond the tested doses: no CI";
}

/** The live read-out written in a step's box: what an assay at that step would show. */
export function stepReadout(step: StepId, r: ExplorerResult): string | undefined {
  const c = r.current;
  const six = (x: ExplorerResult["current"]) => x.pulseChase.find((q) => q.chase_h === 6);
  const gene = (name: string) => c.expression.find((g) => g.gene === name)?.foldChange;
  switch (step) {
    case "binding":
      return `surface HER2: ${percent(c.surfaceHer2_relative)} (flow)`;
    case "shedding":
      return `ECD ${sig(c.shedEcd_ng_per_mL)} ng/mL at 72 h`;
    case "internalization": {
      const a = six(c);
      return a ? `internalized at 6 h: ${percent(a.fractionInternalized)}` : undefined;
    }
    case "sorting": {
      const a = six(c);
      return a ? `in lysosomes at 6 h: ${percent(a.fractionInLysosomes)}` : undefined;
    }
    case "proteolysis":
      return `in lysosome ${sig(c.catabolite.lysosomal)} pmol/10⁶`;
    case "slc46a3": {
      const f = gene("SLC46A3");
      return f === undefined ? undefined : `mRNA ×${sig(f)} (qPCR)`;
    }
    case "cytosol":
      return `${sig(c.catabolite.cytosolicFree)} pmol/10⁶ cells`;
    case "efflux": {
      // In the order of the switches below: MDR1 (ABCB1), ABCC1, ABCG2.
      const f = ["ABCB1", "ABCC1", "ABCG2"].map((n) => gene(n));
      return f.every((v) => v !== undefined) ? `mRNA ${f.map((v) => `×${sig(v!)}`).join(" / ")} (qPCR)` : undefined;
    }
    case "apoptosis":
      return `T-DM1 IC50 ${ic50Text(c.tdm1)}`;
    case "arrest":
      return `free-DM1 IC50 ${ic50Text(c.freeDm1)}`;
    default:
      return undefined;
  }
}
