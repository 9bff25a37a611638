/**
 * The comparative Cq (ΔΔCq) method of Livak & Schmittgen (Methods 25:402, 2001) with the R package
 * pcr's conventions (pcr 1.2.2, `pcr_ddct` and `pcr_dct`; Ahmed & Kim, PeerJ 6:e4473, 2018), so
 * that every number agrees with pcr:
 *
 * - **separate tubes** (target and reference in different wells): ΔCq = mean Cq(target) − mean
 *   Cq(reference) per group; its error is √(sd_target² + sd_reference²), the sample SDs of the rows;
 * - **same tube** (both measured in each row): ΔCq = the mean of the per-row differences, its error
 *   their SD;
 * - ΔΔCq = ΔCq − ΔCq(calibrator group); the calibrator's own error is not added (Livak &
 *   Schmittgen's convention: subtracting a constant);
 * - relative expression 2^−ΔΔCq, with pcr's interval 2^−(ΔΔCq ± error): one SD either side in the
 *   exponent, not a confidence interval. ADCLab's 95 % CI of the fold is `relative-quantity.ts`.
 *
 * Missing Cq (NaN) are left out of their gene's mean and SD (pcr would return NA), and, in the
 * same-tube mode, the rows that lack either gene.
 */
import { type CqTable, cqOf, groupsOf, requireGroup, valuesIn } from "./cq-table.ts";
import { mean, sd } from "./sample-statistics.ts";

export type TubeMode = "separate-tube" | "same-tube";

export interface ComparativeOptions {
  referenceGene: string;
  /** The calibrator group (pcr's reference_group). */
  referenceGroup: string;
  mode?: TubeMode;
}

export interface DeltaDeltaCqRow {
  group: string;
  gene: string;
  /** pcr's `normalized`: ΔCq against the reference gene (cycles). */
  deltaCq_cycles: number;
  /** pcr's `calibrated`: ΔΔCq against the calibrator group (cycles). */
  deltaDeltaCq_cycles: number;
  /** 2^−ΔΔCq. */
  relativeExpression: number;
  /** pcr's `error`: the SD of ΔCq (cycles), see the header. */
  error_cycles: number;
  /** pcr's `lower` and `upper`: 2^−(ΔΔCq + error) and 2^−(ΔΔCq − error). */
  lower: number;
  upper: number;
}

/** pcr_ddct: every gene except the reference, in every group. */
export function deltaDeltaCq(t: CqTable, o: ComparativeOptions): DeltaDeltaCqRow[] {
  const ref = cqOf(t, o.referenceGene, "referenceGene");
  requireGroup(t, o.referenceGroup, "referenceGroup");
  const groups = groupsOf(t);
  const rows: DeltaDeltaCqRow[] = [];
  for (const gene of t.genes) {
    if (gene === o.referenceGene) continue;
    const x = cqOf(t, gene, "genes");
    const per = groups.map((g) => {
      if (o.mode === "same-tube") {
        const d = pairedDifferences(t, x, ref, g);
        return { dct: mean(d), error: sd(d) };
      }
      const xs = valuesIn(t, x, g);
      const rs = valuesIn(t, ref, g);
      return { dct: mean(xs) - mean(rs), error: Math.sqrt(sd(xs) ** 2 + sd(rs) ** 2) };
    });
    const calibrator = (per[groups.indexOf(o.referenceGroup)] as { dct: number }).dct;
    groups.forEach((group, i) => {
      const { dct, error } = per[i] as { dct: number; error: number };
      const ddct = dct - calibrator;
      rows.push({
        group,
        gene,
        deltaCq_cycles: dct,
        deltaDeltaCq_cycles: ddct,
        relativeExpression: 2 ** -ddct,
        error_cycles: error,
        lower: 2 ** -(ddct + error),
        upper: 2 ** -(ddct - error),
      });
    });
  }
  return rows;
}

export interface DeltaCqRow {
  group: string;
  gene: string;
  /** pcr's `calibrated`: mean Cq − the calibrator group's mean Cq (cycles). */
  deltaCq_cycles: number;
  /** 2^−ΔCq. */
  foldChange: number;
  /** The SD of the group's Cq (separate tubes) or of the differences (same tube), cycles. */
  error_cycles: number;
  lower: number;
  upper: number;
}

/**
 * pcr_dct: each gene against the calibrator group, without a reference gene (to compare candidate
 * reference genes). In the same-tube mode pcr subtracts the calibrator's rows recycled along the
 * whole table sorted by group (R's vector recycling); ADCLab does the same, so with groups of equal
 * size each row meets the calibrator row in its position within the group.
 */
export function deltaCq(t: CqTable, o: Omit<ComparativeOptions, "referenceGene">): DeltaCqRow[] {
  requireGroup(t, o.referenceGroup, "referenceGroup");
  const groups = groupsOf(t);
  const rows: DeltaCqRow[] = [];
  for (const gene of t.genes) {
    const x = cqOf(t, gene, "genes");
    const cal = valuesIn(t, x, o.referenceGroup);
    const calMean = mean(cal);
    const recycled = o.mode === "same-tube" ? recycledDifferences(t, x, groups, cal) : undefined;
    for (const group of groups) {
      const xs = valuesIn(t, x, group);
      let dct: number;
      let error: number;
      if (recycled) {
        const d = recycled.get(group) ?? [];
        dct = mean(d);
        error = sd(d);
      } else {
        dct = mean(xs) - calMean;
        error = sd(xs);
      }
      rows.push({
        group,
        gene,
        deltaCq_cycles: dct,
        foldChange: 2 ** -dct,
        error_cycles: error,
        lower: 2 ** -(dct + error),
        upper: 2 ** -(dct - error),
      });
    }
  }
  return rows;
}

/** x − cal recycled along the table sorted by group (stable), by group; non-finite results dropped. */
function recycledDifferences(
  t: CqTable,
  x: Float64Array,
  groups: readonly string[],
  cal: readonly number[],
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let k = 0;
  for (const g of groups) {
    const d: number[] = [];
    for (let i = 0; i < x.length; i++) {
      if (t.group[i] !== g) continue;
      const v = (x[i] as number) - (cal[k % cal.length] as number);
      k++;
      if (Number.isFinite(v)) d.push(v);
    }
    out.set(g, d);
  }
  return out;
}

/** Per-row Cq(target) − Cq(reference) in one group, for rows that have both. */
export function pairedDifferences(t: CqTable, x: Float64Array, ref: Float64Array, group: string): number[] {
  const d: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = ref[i] as number;
    if (t.group[i] === group && Number.isFinite(a) && Number.isFinite(b)) d.push(a - b);
  }
  return d;
}
