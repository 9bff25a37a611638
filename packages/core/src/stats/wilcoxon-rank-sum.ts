/**
 * The Wilcoxon rank-sum test of two independent samples with the Hodges–Lehmann estimate of the
 * location shift and its confidence interval, computed as R's `wilcox.test(x, y, conf.int = TRUE)`
 * (stats 4.2, two-sided, correct = TRUE) computes it, because the R package pcr's `pcr_test(...,
 * test = "wilcox.test")` is the reference ADCLab's qPCR analysis is checked against:
 *
 * - **exact** (both samples < 50 values and no ties): W = Σ ranks(x) − n_x(n_x + 1)/2, the p-value
 *   from the exact null distribution (R's pwilcox), the estimate the median of the n_x·n_y
 *   differences x_i − y_j, and the interval the differences at the qwilcox(α/2) order statistics
 *   (Bauer, JASA 67:687, 1972);
 * - **normal approximation** otherwise: the tie-corrected σ and a continuity correction of ½;
 *   the interval and estimate are the roots of the standardised statistic as a function of the
 *   shift d, found with R's own Brent iteration (`zeroin.ts`). R's `tol.root` is 1e-4 by default,
 *   so its interval ends are only good to about 1e-4; ADCLab solves to `rootTolerance` = 1e-12,
 *   which equals R run with tol.root = 1e-12 (the fixtures are made so), and gives R's default
 *   numbers when asked for tol 1e-4.
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { zeroin } from "./zeroin.ts";

export interface WilcoxonRankSumResult {
  /** R's statistic W: Σ ranks of x − n_x(n_x + 1)/2 (the Mann–Whitney U of x). */
  w: number;
  pValue: number;
  method: "exact" | "normal-approximation";
  /** Hodges–Lehmann estimate of the shift x − y ("difference in location"). */
  estimate: number;
  ciLow: number;
  ciHigh: number;
  /** The level the interval has (the exact one can only reach the attainable levels). */
  confidenceLevel: number;
}

const DBL_EPSILON = 2.220446049250313e-16;

export function wilcoxonRankSum(
  x: readonly number[],
  y: readonly number[],
  o: { confidenceLevel?: number; rootTolerance?: number } = {},
): WilcoxonRankSumResult {
  const nx = x.length;
  const ny = y.length;
  if (nx < 1 || ny < 1) throw new RangeError("the Wilcoxon rank-sum test needs at least one value in each sample");
  for (const v of [...x, ...y])
    if (!Number.isFinite(v)) throw new RangeError(`values must be finite numbers, got ${v}`);
  const level = o.confidenceLevel ?? 0.95;
  const alpha = 1 - level;
  const { rankSumX, tieTerm } = rankSum(x, y, 0);
  const w = rankSumX - (nx * (nx + 1)) / 2;
  const diffs: number[] = [];
  for (const a of x) for (const b of y) diffs.push(a - b);
  diffs.sort((a, b) => a - b);

  if (nx < 50 && ny < 50 && tieTerm === 0) {
    const counts = wilcoxonCounts(nx, ny);
    const p = w > (nx * ny) / 2 ? pwilcoxUpper(w - 1, counts) : pwilcox(w, counts);
    let qu = qwilcox(alpha / 2, counts, nx * ny);
    if (qu === 0) qu = 1;
    const ql = nx * ny - qu;
    const achieved = 2 * pwilcox(qu - 1, counts);
    return {
      w,
      pValue: Math.min(2 * p, 1),
      method: "exact",
      estimate: median(diffs),
      ciLow: diffs[qu - 1] as number,
      ciHigh: diffs[ql] as number,
      confidenceLevel: achieved - alpha > alpha / 2 ? 1 - achieved : level,
    };
  }

  const sigmaOf = (ties: number) => Math.sqrt(((nx * ny) / 12) * (nx + ny + 1 - ties / ((nx + ny) * (nx + ny - 1))));
  const z0 = w - (nx * ny) / 2;
  const z = (z0 - Math.sign(z0) * 0.5) / sigmaOf(tieTerm);
  const pValue = Math.min(1, 2 * Math.min(normalCdf(z, 0, 1), normalCdf(-z, 0, 1)));
  // The standardised statistic of x − d against y; it falls as d grows.
  const standardised = (d: number, correct: boolean) => {
    const r = rankSum(x, y, d);
    const dz = r.rankSumX - (nx * (nx + 1)) / 2 - (nx * ny) / 2;
    return (dz - (correct ? Math.sign(dz) * 0.5 : 0)) / sigmaOf(r.tieTerm);
  };
  const zq = normalQuantile(1 - alpha / 2, 0, 1);
  const tol = o.rootTolerance ?? 1e-12;
  const mumin = diffs[0] as number;
  const mumax = diffs[diffs.length - 1] as number;
  const corrected = (d: number) => standardised(d, true);
  const atMin = corrected(mumin);
  const atMax = corrected(mumax);
  // R's root(): the range's end when the sign does not change inside it, else uniroot.
  const root = (target: number) => {
    const fl = atMin - target;
    if (fl <= 0) return mumin;
    const fu = atMax - target;
    if (fu >= 0) return mumax;
    return zeroin((d) => corrected(d) - target, mumin, mumax, { fa: fl, fb: fu, tol });
  };
  return {
    w,
    pValue,
    method: "normal-approximation",
    // R sets correct = FALSE before it solves for the estimate.
    estimate: zeroin((d) => standardised(d, false), mumin, mumax, { tol }),
    ciLow: root(zq),
    ciHigh: root(-zq),
    confidenceLevel: level,
  };
}

/** Σ ranks of x − d among (x − d, y) with average ranks for ties, and Σ(t³ − t) over tie groups. */
function rankSum(x: readonly number[], y: readonly number[], d: number): { rankSumX: number; tieTerm: number } {
  const all = [...x.map((v) => ({ v: v - d, first: true })), ...y.map((v) => ({ v, first: false }))].sort(
    (a, b) => a.v - b.v,
  );
  const n = all.length;
  let rankSumX = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && (all[j + 1] as { v: number }).v === (all[i] as { v: number }).v) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if ((all[k] as { first: boolean }).first) rankSumX += rank;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  return { rankSumX, tieTerm };
}

/** Counts c(u) of the Mann–Whitney statistic u = 0 … m·n under H0 (R's cwilcox), by dynamic programming. */
function wilcoxonCounts(m: number, n: number): Float64Array {
  // ways over the number of x values among the first k ranks: adding rank k as an x value adds the
  // number of y values already seen to U.
  const maxU = m * n;
  let ways: Float64Array[] = [new Float64Array(maxU + 1)];
  (ways[0] as Float64Array)[0] = 1;
  for (let k = 1; k <= m + n; k++) {
    const next: Float64Array[] = [];
    for (let j = 0; j <= Math.min(k, m); j++) {
      const ys = k - j; // y values among the first k ranks
      if (ys > n) {
        next.push(new Float64Array(maxU + 1));
        continue;
      }
      const row = new Float64Array(maxU + 1);
      const asY = ways[j]; // rank k is a y value
      if (asY && ys >= 1) for (let u = 0; u <= maxU; u++) row[u] = asY[u] as number;
      const asX = ways[j - 1]; // rank k is an x value, preceded by ys y values
      if (asX && j >= 1)
        for (let u = 0; u + ys <= maxU; u++) row[u + ys] = (row[u + ys] as number) + (asX[u] as number);
      next.push(row);
    }
    ways = next;
  }
  return ways[m] as Float64Array;
}

/**
 * P(U ≤ q) (R's pwilcox, which rounds q down after a 1e-7 fuzz), summed over the shorter tail as R
 * does (the null distribution is symmetric about m·n/2), so small p-values keep their precision.
 */
function pwilcox(q: number, counts: Float64Array): number {
  const maxU = counts.length - 1;
  const top = Math.floor(q + 1e-7);
  if (top < 0) return 0;
  if (top >= maxU) return 1;
  if (top <= maxU / 2) return tailSum(counts, top);
  return 1 - tailSum(counts, maxU - top - 1);
}

/** P(U > q), by symmetry P(U < m·n − q). */
function pwilcoxUpper(q: number, counts: Float64Array): number {
  const maxU = counts.length - 1;
  const top = Math.floor(q + 1e-7);
  if (top < 0) return 1;
  if (top >= maxU) return 0;
  if (top >= maxU / 2) return tailSum(counts, maxU - top - 1);
  return 1 - tailSum(counts, top);
}

/** Σ_{u ≤ top} c(u) / C(m + n, n), each term divided as R's pwilcox does. */
function tailSum(counts: Float64Array, top: number): number {
  let total = 0;
  for (let u = 0; u < counts.length; u++) total += counts[u] as number;
  let p = 0;
  for (let u = 0; u <= top; u++) p += (counts[u] as number) / total;
  return p;
}

/** The smallest q with P(U ≤ q) ≥ p (R's qwilcox for p ≤ ½, with its 10·ε fuzz). */
function qwilcox(p: number, counts: Float64Array, maxU: number): number {
  let total = 0;
  for (let u = 0; u <= maxU; u++) total += counts[u] as number;
  const target = p - 10 * DBL_EPSILON;
  let cumulative = 0;
  for (let q = 0; q <= maxU; q++) {
    cumulative += (counts[q] as number) / total;
    if (cumulative >= target) return q;
  }
  return maxU;
}

function median(sorted: readonly number[]): number {
  const h = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[h] as number) : ((sorted[h - 1] as number) + (sorted[h] as number)) / 2;
}
