/**
 * Protocol 1's question — is co-localization reduced in resistant cells? — as a table: for each
 * chase time, the per-cell distribution of a metric in each condition against the reference
 * condition (the parental line), with the Mann–Whitney U test (no assumption of normality; per-cell
 * Manders fractions are bounded and skewed) and Welch's t (means, unequal variances), the effect
 * sizes, and the number of cells. Cells are the experimental units here as Protocol 1 images
 * them; with several coverslips per condition, compare coverslip means instead.
 */
import { InputError } from "../errors/input-error.ts";
import { mannWhitneyU } from "../stats/mann-whitney.ts";
import { welchTTest } from "../stats/welch.ts";

export interface CellValue {
  condition: string;
  time_h: number;
  value: number;
}

export interface ConditionComparison {
  time_h: number;
  reference: string;
  condition: string;
  nReference: number;
  nCondition: number;
  medianReference: number;
  medianCondition: number;
  meanReference: number;
  meanCondition: number;
  /** mean(condition) − mean(reference), with Welch's 95 % confidence interval. */
  meanDifference: number;
  ciLow: number | null;
  ciHigh: number | null;
  mannWhitneyU: number;
  mannWhitneyP: number;
  /** Rank-biserial correlation of condition vs reference: < 0 when the condition's values are lower. */
  rankBiserial: number;
  welchT: number | null;
  welchDf: number | null;
  welchP: number | null;
  /** Hedges' g of condition vs reference. */
  hedgesG: number | null;
}

export function compareConditions(values: readonly CellValue[], reference: string): ConditionComparison[] {
  const groups = new Map<number, Map<string, number[]>>();
  for (const v of values) {
    if (!Number.isFinite(v.value)) continue; // a cell whose metric is undefined (e.g. a constant channel) is left out
    let byCondition = groups.get(v.time_h);
    if (!byCondition) {
      byCondition = new Map();
      groups.set(v.time_h, byCondition);
    }
    const list = byCondition.get(v.condition) ?? [];
    list.push(v.value);
    byCondition.set(v.condition, list);
  }
  if (![...groups.values()].some((g) => g.has(reference))) {
    const known = [...new Set(values.map((v) => v.condition))];
    throw new InputError(`no cells of the reference condition '${reference}'`, {
      field: "reference condition",
      expected: known.join(", ") || "at least one analysed cell",
    });
  }
  const out: ConditionComparison[] = [];
  for (const time_h of [...groups.keys()].sort((a, b) => a - b)) {
    const byCondition = groups.get(time_h) as Map<string, number[]>;
    const ref = byCondition.get(reference);
    if (!ref) continue;
    for (const [condition, vals] of [...byCondition].sort(([a], [b]) => a.localeCompare(b))) {
      if (condition === reference) continue;
      const mw = mannWhitneyU(vals, ref);
      const welch = vals.length >= 2 && ref.length >= 2 ? welchTTest(vals, ref) : null;
      const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
      out.push({
        time_h,
        reference,
        condition,
        nReference: ref.length,
        nCondition: vals.length,
        medianReference: mw.median2,
        medianCondition: mw.median1,
        meanReference: mean(ref),
        meanCondition: mean(vals),
        meanDifference: mean(vals) - mean(ref),
        ciLow: welch?.ciLow ?? null,
        ciHigh: welch?.ciHigh ?? null,
        mannWhitneyU: mw.u1,
        mannWhitneyP: mw.pValue,
        rankBiserial: mw.rankBiserial,
        welchT: welch?.t ?? null,
        welchDf: welch?.df ?? null,
        welchP: welch?.pValue ?? null,
        hedgesG: welch?.hedgesG ?? null,
      });
    }
  }
  return out;
}
