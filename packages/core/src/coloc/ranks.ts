/**
 * Rank correlations: Spearman's ρ (Pearson's r of average ranks, ties get the mean of the ranks
 * they span — as scipy.stats.spearmanr) and Kendall's τ-b in O(n log n) (Knight, "A computer
 * method for calculating Kendall's tau with ungrouped data", JASA 61:436, 1966).
 *
 * Both work on "dense codes": each value replaced by the index of its distinct value. Integer
 * images (8/16-bit) already are such codes, so no sort is needed; float images are sorted once.
 */
import type { PixelArray } from "./pixels.ts";

interface DenseCodes {
  /** Code of each pixel, 0 … levels−1, ordered like the values. */
  codes: Uint32Array | Uint16Array | Uint8Array;
  levels: number;
  /** Number of pixels with each code. */
  counts: Float64Array;
}

/** Dense codes of a channel (8/16-bit values are used directly; others are sorted). */
export function denseCodes(a: PixelArray): DenseCodes {
  const n = a.length;
  if (a instanceof Uint8Array || a instanceof Uint16Array) {
    // 8/16-bit samples are their own codes: one counting pass, no sort (unused levels are harmless)
    const levels = a instanceof Uint8Array ? 256 : 65536;
    const counts = new Float64Array(levels);
    for (let i = 0; i < n; i++) {
      const v = a[i] as number;
      counts[v] = (counts[v] as number) + 1;
    }
    return { codes: a, levels, counts };
  }
  const sorted = Float64Array.from(a).sort();
  let levels = 0;
  const distinct = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = sorted[i] as number;
    if (i === 0 || v !== sorted[i - 1]) distinct[levels++] = v;
  }
  const codes = new Uint32Array(n);
  const counts = new Float64Array(levels);
  for (let i = 0; i < n; i++) {
    const v = a[i] as number;
    let lo = 0;
    let hi = levels - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((distinct[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    codes[i] = lo;
    counts[lo] = (counts[lo] as number) + 1;
  }
  return { codes, levels, counts };
}

/**
 * Average (1-based) rank of each code in [lo, hi]: ranks cum+1 … cum+c share cum + (c+1)/2. Codes
 * outside the range (none of which may occur) are left at 0.
 */
function averageRankOfCode(counts: ArrayLike<number>, lo: number, hi: number): Float64Array {
  const out = new Float64Array(counts.length);
  let cum = 0;
  for (let k = lo; k <= hi; k++) {
    const c = counts[k] as number;
    out[k] = cum + (c + 1) / 2;
    cum += c;
  }
  return out;
}

/**
 * What Spearman's ρ needs besides the pixels: each code's average rank minus the mean rank
 * (n+1)/2, and the centred sums of squares of the ranks, straight from the histograms. ρ is then
 * Σ centredX[code x]·centredY[code y] / √(sxx·syy), one gather per pixel.
 */
export interface CentredRanks {
  x: Float64Array;
  y: Float64Array;
  sxx: number;
  syy: number;
}

/**
 * `rangeX`/`rangeY`: the codes that occur lie in [lo, hi] (a 16-bit channel uses a few thousand of
 * its 65536 levels): the tables are then filled over that range only, and stay 0 outside it.
 */
export function centredRanks(
  countsX: ArrayLike<number>,
  countsY: ArrayLike<number>,
  n: number,
  rangeX: { lo: number; hi: number } = { lo: 0, hi: countsX.length - 1 },
  rangeY: { lo: number; hi: number } = { lo: 0, hi: countsY.length - 1 },
): CentredRanks {
  const mean = (n + 1) / 2; // the mean of average ranks is always (n+1)/2
  const centred = (counts: ArrayLike<number>, { lo, hi }: { lo: number; hi: number }) => {
    const r = averageRankOfCode(counts, lo, hi);
    let ss = 0;
    for (let k = lo; k <= hi; k++) {
      r[k] = (r[k] as number) - mean;
      ss += (counts[k] as number) * (r[k] as number) ** 2;
    }
    return { r, ss };
  };
  const cx = centred(countsX, rangeX);
  const cy = centred(countsY, rangeY);
  return { x: cx.r, y: cy.r, sxx: cx.ss, syy: cy.ss };
}

/** Spearman's ρ with average ranks for ties. */
export function spearmanRho(x: PixelArray, y: PixelArray): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  const cx = denseCodes(x);
  const cy = denseCodes(y);
  const r = centredRanks(cx.counts, cy.counts, n);
  const rx = r.x;
  const ry = r.y;
  const ax = cx.codes;
  const ay = cy.codes;
  let sxy = 0;
  for (let i = 0; i < n; i++) sxy += (rx[ax[i] as number] as number) * (ry[ay[i] as number] as number);
  return sxy / Math.sqrt(r.sxx * r.syy);
}

/** Pairs tied within groups of the given sizes: Σ t(t−1)/2. */
function tiedPairs(counts: Float64Array): number {
  let s = 0;
  for (let k = 0; k < counts.length; k++) {
    const t = counts[k] as number;
    s += (t * (t - 1)) / 2;
  }
  return s;
}

/** Stable counting sort of `order` by key[order[i]], into `out`. */
function countingSortBy(
  order: Uint32Array,
  key: Uint32Array | Uint16Array | Uint8Array,
  levels: number,
  out: Uint32Array,
): void {
  const start = new Float64Array(levels + 1);
  for (let i = 0; i < order.length; i++) {
    const k = (key[order[i] as number] as number) + 1;
    start[k] = (start[k] as number) + 1;
  }
  for (let k = 1; k <= levels; k++) start[k] = (start[k] as number) + (start[k - 1] as number);
  for (let i = 0; i < order.length; i++) {
    const idx = order[i] as number;
    const k = key[idx] as number;
    out[start[k] as number] = idx;
    start[k] = (start[k] as number) + 1;
  }
}

/**
 * Kendall's τ-b = (C − D) / √((n0 − n1)(n0 − n2)), n0 = n(n−1)/2, n1 and n2 the pairs tied in
 * x and in y. Knight's method: sort by (x, y); then the discordant pairs D are the inversions of
 * the y sequence, counted here with a Fenwick tree over the y codes; C − D follows from the tie
 * counts as n0 − n1 − n2 + n3 − 2D (n3 = pairs tied in both).
 */
export function kendallTauB(x: PixelArray, y: PixelArray): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  const cx = denseCodes(x);
  const cy = denseCodes(y);
  const identity = new Uint32Array(n);
  for (let i = 0; i < n; i++) identity[i] = i;
  const byY = new Uint32Array(n);
  countingSortBy(identity, cy.codes, cy.levels, byY);
  const order = identity; // reuse the buffer: sorted by x, then y (the sort is stable)
  countingSortBy(byY, cx.codes, cx.levels, order);

  const n0 = (n * (n - 1)) / 2;
  const n1 = tiedPairs(cx.counts);
  const n2 = tiedPairs(cy.counts);
  // Pairs tied in both: runs of equal (x, y) in the sorted order.
  let n3 = 0;
  let run = 1;
  for (let i = 1; i <= n; i++) {
    const same =
      i < n &&
      cx.codes[order[i] as number] === cx.codes[order[i - 1] as number] &&
      cy.codes[order[i] as number] === cy.codes[order[i - 1] as number];
    if (same) run++;
    else {
      n3 += (run * (run - 1)) / 2;
      run = 1;
    }
  }
  // Discordant pairs: earlier elements (smaller or equal x) with a strictly larger y. The Fenwick
  // tree runs over the y levels actually present (a 16-bit channel uses a few thousand of its 65536),
  // in 32-bit counts, so that it stays in the fastest cache.
  const remap = new Uint32Array(cy.levels);
  let used = 0;
  for (let k = 0; k < cy.levels; k++) if ((cy.counts[k] as number) > 0) remap[k] = used++;
  const tree = new Uint32Array(used + 1);
  let discordant = 0;
  const yc = cy.codes;
  for (let j = 0; j < n; j++) {
    const v = (remap[yc[order[j] as number] as number] as number) + 1;
    let atMost = 0;
    for (let k = v; k > 0; k -= k & -k) atMost += tree[k] as number;
    discordant += j - atMost;
    for (let k = v; k <= used; k += k & -k) tree[k] = (tree[k] as number) + 1;
  }
  return (n0 - n1 - n2 + n3 - 2 * discordant) / Math.sqrt((n0 - n1) * (n0 - n2));
}
