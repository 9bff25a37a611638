/**
 * The Mann–Whitney U test (Wilcoxon rank-sum) of two independent samples, two-sided, computed as
 * scipy.stats.mannwhitneyu does with method "auto": the exact null distribution when one sample
 * has ≤ 8 values and there are no ties; otherwise the normal approximation with the tie-corrected
 * variance σ² = n1·n2/12·((n + 1) − Σ(t³ − t)/(n(n − 1))) and a continuity correction of 0.5
 * (Mann & Whitney, Ann. Math. Stat. 18:50, 1947; the tie correction as in Lehmann, Nonparametrics, 1975).
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";

export interface MannWhitneyResult {
  /** U of the first sample: the number of pairs (x, y) with x > y, ties counting ½. */
  u1: number;
  u2: number;
  n1: number;
  n2: number;
  pValue: number;
  method: "exact" | "asymptotic";
  /** P(X > Y) + ½·P(X = Y) = U1 / (n1·n2) ("common-language" effect size). */
  probabilityXGreater: number;
  /** Rank-biserial correlation 2·U1/(n1·n2) − 1, in [−1, 1]; > 0 when x tends to be larger. */
  rankBiserial: number;
  /** Median of each sample (for tables). */
  median1: number;
  median2: number;
}

export function mannWhitneyU(
  x: readonly number[],
  y: readonly number[],
  o: { method?: "auto" | "exact" | "asymptotic" } = {},
): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new RangeError("both samples need at least one value");
  for (const v of [...x, ...y])
    if (!Number.isFinite(v)) throw new RangeError(`values must be finite numbers, got ${v}`);
  const n = n1 + n2;
  const all = [...x.map((v) => ({ v, first: true })), ...y.map((v) => ({ v, first: false }))].sort((a, b) => a.v - b.v);
  let r1 = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && (all[j + 1] as { v: number }).v === (all[i] as { v: number }).v) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if ((all[k] as { first: boolean }).first) r1 += rank;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const u = Math.max(u1, u2);
  const method =
    o.method && o.method !== "auto" ? o.method : n1 > 8 && n2 > 8 ? "asymptotic" : tieTerm > 0 ? "asymptotic" : "exact";
  let p: number;
  if (method === "exact") {
    p = 2 * exactUpperTail(Math.round(u), n1, n2);
  } else {
    const mu = (n1 * n2) / 2;
    const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
    const z = (u - mu - 0.5) / s;
    p = 2 * (1 - normalCdf(z, 0, 1));
    if (z > 0) p = 2 * normalCdf(-z, 0, 1); // the upper tail without cancellation
  }
  return {
    u1,
    u2,
    n1,
    n2,
    pValue: Math.min(1, Math.max(0, p)),
    method,
    probabilityXGreater: u1 / (n1 * n2),
    rankBiserial: (2 * u1) / (n1 * n2) - 1,
    median1: median(x),
    median2: median(y),
  };
}

/** P(U ≥ k) under H0 with no ties: counts of rank-sum subsets of size m = min(n1, n2) (dynamic programming). */
function exactUpperTail(k: number, n1: number, n2: number): number {
  const m = Math.min(n1, n2);
  const n = n1 + n2;
  const maxU = n1 * n2;
  // ways[j][u]: subsets of size j of the ranks seen so far with U-contribution u. Adding rank i (1-based)
  // to a subset of size j gives U += i − (j + 1): the number of smaller values from the other sample.
  const ways: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(maxU + 1));
  (ways[0] as Float64Array)[0] = 1;
  for (let i = 1; i <= n; i++) {
    for (let j = Math.min(m, i); j >= 1; j--) {
      const shift = i - j;
      if (shift > n - m) continue;
      const from = ways[j - 1] as Float64Array;
      const to = ways[j] as Float64Array;
      const reachable = Math.min(maxU - shift, (j - 1) * (n - m)); // the largest U a (j−1)-subset can have
      for (let u = reachable; u >= 0; u--) {
        const w = from[u] as number;
        if (w !== 0) to[u + shift] = (to[u + shift] as number) + w;
      }
    }
  }
  const dist = ways[m] as Float64Array;
  let total = 0;
  let tail = 0;
  for (let u = 0; u <= maxU; u++) {
    total += dist[u] as number;
    if (u >= k) tail += dist[u] as number;
  }
  return tail / total;
}

function median(v: readonly number[]): number {
  if (v.length === 0) return Number.NaN;
  const s = [...v].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
}
