/**
 * The relative standard-curve method (Livak & Schmittgen 2001; Yuan et al., BMC Bioinformatics
 * 7:85, 2006) with the R package pcr's conventions (`pcr_curve`): each Cq is read off its gene's
 * standard curve as an amount 10^((Cq − intercept)/slope); the target's mean amount is divided by
 * the reference's per group (separate tubes) or each row's ratio is averaged (same tube), and
 * calibrated by the calibrator group's ratio. pcr's error is the coefficient of variation
 * (√(cv_target² + cv_reference²), or the CV of the ratios), reported as cv·normalized, and its
 * interval is calibrated ± cv (not scaled by the calibrated value): both are reproduced as pcr has
 * them.
 */
import { InputError } from "../errors/input-error.ts";
import type { TubeMode } from "./comparative-cq.ts";
import { type CqTable, cqOf, groupsOf, requireGroup, valuesIn } from "./cq-table.ts";
import { mean, sd } from "./sample-statistics.ts";

export interface CurveCoefficients {
  intercept_cycles: number;
  slope_cycles: number;
}

export interface RelativeStandardCurveRow {
  group: string;
  gene: string;
  /** Target amount ÷ reference amount (pcr's `normalized`). */
  normalized: number;
  /** normalized ÷ the calibrator group's (pcr's `calibrated`). */
  calibrated: number;
  /** pcr's error: cv × normalized. */
  error: number;
  /** pcr's interval: calibrated ∓ cv. */
  lower: number;
  upper: number;
}

export function relativeStandardCurve(
  t: CqTable,
  o: {
    referenceGene: string;
    referenceGroup: string;
    mode?: TubeMode;
    curves: Readonly<Record<string, CurveCoefficients>>;
  },
): RelativeStandardCurveRow[] {
  requireGroup(t, o.referenceGroup, "referenceGroup");
  const amountOf = (gene: string) => {
    const c = o.curves[gene];
    if (!c)
      throw new InputError(`no standard curve for gene '${gene}'`, {
        field: "curves",
        expected: `a curve for each of ${t.genes.join(", ")}`,
      });
    return cqOf(t, gene, "genes").map((v) => 10 ** ((v - c.intercept_cycles) / c.slope_cycles));
  };
  const ref = amountOf(o.referenceGene);
  const groups = groupsOf(t);
  const rows: RelativeStandardCurveRow[] = [];
  for (const gene of t.genes) {
    if (gene === o.referenceGene) continue;
    const x = amountOf(gene);
    const per = groups.map((g) => {
      if (o.mode === "same-tube") {
        const ratios: number[] = [];
        for (let i = 0; i < x.length; i++) {
          const r = (x[i] as number) / (ref[i] as number);
          if (t.group[i] === g && Number.isFinite(r)) ratios.push(r);
        }
        return { norm: mean(ratios), cv: sd(ratios) / mean(ratios) };
      }
      const xs = valuesIn(t, x, g);
      const rs = valuesIn(t, ref, g);
      const cvx = sd(xs) / mean(xs);
      const cvr = sd(rs) / mean(rs);
      return { norm: mean(xs) / mean(rs), cv: Math.sqrt(cvx * cvx + cvr * cvr) };
    });
    const cal = (per[groups.indexOf(o.referenceGroup)] as { norm: number }).norm;
    groups.forEach((group, i) => {
      const { norm, cv } = per[i] as { norm: number; cv: number };
      const calibrated = norm / cal;
      rows.push({
        group,
        gene,
        normalized: norm,
        calibrated,
        error: cv * norm,
        lower: calibrated - cv,
        upper: calibrated + cv,
      });
    });
  }
  return rows;
}
