/**
 * Significance of ΔΔCq as the R package pcr's `pcr_test` tests it (Yuan et al., BMC
 * Bioinformatics 7:85, 2006): per row ΔCq = Cq(target) − Cq(reference gene), then
 *
 * - `t`: Welch's t test of the other group's ΔCq against the calibrator's (R's t.test default);
 * - `wilcoxon`: the Wilcoxon rank-sum test with the Hodges–Lehmann shift and its interval;
 * - `lm`: the linear model ΔCq ~ group with the calibrator as baseline, one term per other group
 *   (any number of groups), t tests on the pooled residual variance.
 *
 * The estimate is ΔΔCq = mean ΔCq(group) − mean ΔCq(calibrator) (t, lm) or the location shift
 * (Wilcoxon), in cycles; the fold is 2^−estimate. A group with fewer than two values is an
 * InputError naming it: no test can be made from one reaction.
 */
import { InputError } from "../errors/input-error.ts";
import { studentTTwoSidedP, tCritical } from "../stats/distributions.ts";
import { welchTTest } from "../stats/welch.ts";
import { wilcoxonRankSum } from "../stats/wilcoxon-rank-sum.ts";
import { pairedDifferences } from "./comparative-cq.ts";
import { type CqTable, cqOf, groupsOf, requireGroup } from "./cq-table.ts";
import { mean } from "./sample-statistics.ts";

export type DeltaCqTestName = "t" | "wilcoxon" | "lm";

export interface DeltaCqTestOptions {
  referenceGene: string;
  referenceGroup: string;
  test: DeltaCqTestName;
  confidenceLevel?: number;
  /** Tolerance of the Wilcoxon interval's root search (R's tol.root); 1e-12 unless given. */
  rootTolerance?: number;
}

export interface DeltaCqTestRow {
  gene: string;
  /** The group compared with the calibrator. */
  group: string;
  test: DeltaCqTestName;
  /** ΔΔCq (t, lm) or the Hodges–Lehmann shift (Wilcoxon), cycles. */
  estimate_cycles: number;
  /** t (t, lm) or W (Wilcoxon). */
  statistic: number;
  /** Degrees of freedom (Welch's, or the residual df of the model); null for Wilcoxon. */
  df: number | null;
  standardError_cycles: number | null;
  pValue: number;
  confidenceLevel: number;
  ci_cycles: [number, number];
  /** What was computed, e.g. "Welch two-sample t test". */
  method: string;
}

export function testDeltaCq(t: CqTable, o: DeltaCqTestOptions): DeltaCqTestRow[] {
  const ref = cqOf(t, o.referenceGene, "referenceGene");
  requireGroup(t, o.referenceGroup, "referenceGroup");
  const level = o.confidenceLevel ?? 0.95;
  const groups = groupsOf(t);
  const others = groups.filter((g) => g !== o.referenceGroup);
  if (others.length === 0)
    throw new InputError("only the calibrator group is in the data", {
      field: "referenceGroup",
      expected: "at least one other group to compare",
    });
  if (o.test !== "lm" && others.length !== 1) {
    throw new InputError(
      `the ${o.test === "t" ? "t" : "Wilcoxon"} test compares two groups; the data have ${groups.length}`,
      {
        field: "test",
        expected: "two groups, or the linear model (lm) for more",
        got: groups.join(", "),
      },
    );
  }
  const rows: DeltaCqTestRow[] = [];
  for (const gene of t.genes) {
    if (gene === o.referenceGene) continue;
    const x = cqOf(t, gene, "genes");
    const byGroup = new Map(groups.map((g) => [g, pairedDifferences(t, x, ref, g)]));
    for (const [g, v] of byGroup) {
      if (v.length < 2) {
        throw new InputError(
          `group '${g}' has ${v.length} ΔCq value${v.length === 1 ? "" : "s"} for ${gene}: a test needs replicates`,
          {
            field: "group",
            expected: "at least 2 rows with both the gene and the reference gene in every group",
            got: g,
          },
        );
      }
    }
    const cal = byGroup.get(o.referenceGroup) as number[];
    if (o.test === "lm") {
      rows.push(...linearModel(gene, byGroup, o.referenceGroup, others, level));
      continue;
    }
    const group = others[0] as string;
    const y = byGroup.get(group) as number[];
    if (o.test === "t") {
      const w = welchTTest(y, cal, { confidenceLevel: level });
      rows.push({
        gene,
        group,
        test: "t",
        estimate_cycles: w.difference,
        statistic: w.t,
        df: w.df,
        standardError_cycles: w.standardError,
        pValue: w.pValue,
        confidenceLevel: level,
        ci_cycles: [w.ciLow, w.ciHigh],
        method: "Welch two-sample t test",
      });
    } else {
      const w = wilcoxonRankSum(y, cal, { confidenceLevel: level, rootTolerance: o.rootTolerance });
      rows.push({
        gene,
        group,
        test: "wilcoxon",
        estimate_cycles: w.estimate,
        statistic: w.w,
        df: null,
        standardError_cycles: null,
        pValue: w.pValue,
        confidenceLevel: w.confidenceLevel,
        ci_cycles: [w.ciLow, w.ciHigh],
        method:
          w.method === "exact"
            ? "Wilcoxon rank-sum exact test"
            : "Wilcoxon rank-sum test, normal approximation with continuity correction",
      });
    }
  }
  return rows;
}

/** One-way linear model with treatment contrasts against the calibrator (R's lm(ΔCq ~ group)). */
function linearModel(
  gene: string,
  byGroup: ReadonlyMap<string, number[]>,
  calibrator: string,
  others: readonly string[],
  level: number,
): DeltaCqTestRow[] {
  let rss = 0;
  let n = 0;
  const means = new Map<string, number>();
  for (const [g, v] of byGroup) {
    const m = mean(v);
    means.set(g, m);
    for (const y of v) rss += (y - m) ** 2;
    n += v.length;
  }
  const df = n - byGroup.size;
  const s2 = rss / df;
  const nCal = (byGroup.get(calibrator) as number[]).length;
  const q = tCritical(level, df);
  return others.map((group) => {
    const estimate = (means.get(group) as number) - (means.get(calibrator) as number);
    const se = Math.sqrt(s2 * (1 / (byGroup.get(group) as number[]).length + 1 / nCal));
    const tValue = estimate / se;
    return {
      gene,
      group,
      test: "lm" as const,
      estimate_cycles: estimate,
      statistic: tValue,
      df,
      standardError_cycles: se,
      pValue: studentTTwoSidedP(tValue, df),
      confidenceLevel: level,
      ci_cycles: [estimate - q * se, estimate + q * se] as [number, number],
      method: "linear model ΔCq ~ group, calibrator as baseline",
    };
  });
}
