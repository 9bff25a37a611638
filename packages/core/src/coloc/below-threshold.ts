/**
 * Pearson's r of the pixels below a threshold pair (ch1 < T1 or ch2 < T2), evaluated many times
 * by the Costes search. The below-threshold set is everything except the bright quadrant
 * {ch1 ≥ T1 and ch2 ≥ T2}, so r follows from the sums over all pixels minus the sums over that
 * quadrant.
 *
 * For 8/16-bit data the quadrant is read from a compact list of candidate pixels — those in a
 * lower quadrant {ch1 ≥ L1 and ch2 ≥ L2} that contains every quadrant asked for so far. The first
 * list comes with the level statistics (levels.ts collects it in its pass, with bounds that about
 * 1/8 of each channel reaches), so the whole bisection usually runs on it. A query below the
 * bounds rebuilds it in one filtering pass, with bounds lowered per channel as far as a budget
 * allows (at most n/8 pixels by that channel's histogram, four times more at each rebuild). Sums are of integers about integer shifts near the means:
 * exact, so the order of summation does not matter.
 */
import type { LevelStats, ShiftedSums } from "./levels.ts";
import { pearsonThresholdedAbout } from "./pearson.ts";
import type { PixelArray } from "./pixels.ts";

export interface BelowThresholdPearson {
  (t1: number, t2: number): number;
  /**
   * Promise that every later call has T1 in [lo1, hi1] and T2 in [lo2, hi2] (the bisection knows
   * this: its remaining steps add up to less than its last one). The 8/16-bit search then folds
   * the pixels that are in every such quadrant into a constant and drops those in none.
   */
  narrow?(lo1: number, hi1: number, lo2: number, hi2: number): void;
}

export function belowThresholdPearson(
  x: PixelArray,
  y: PixelArray,
  mx: number,
  my: number,
  levels?: { stats: LevelStats; totals: ShiftedSums; c1: number; c2: number },
): BelowThresholdPearson {
  if (!levels) return (t1, t2) => pearsonThresholdedAbout(x, y, t1, t2, "below", mx, my);
  const { stats, totals, c1, c2 } = levels;
  const quadrant = quadrantSums(x as Uint8Array | Uint16Array, y as Uint8Array | Uint16Array, stats, c1, c2);
  const below: BelowThresholdPearson = (t1, t2) => {
    const q = quadrant(t1, t2);
    return pearsonFromSums(
      totals.n - q.n,
      totals.sx - q.sx,
      totals.sy - q.sy,
      totals.sxx - q.sxx,
      totals.syy - q.syy,
      totals.sxy - q.sxy,
    );
  };
  below.narrow = quadrant.narrow;
  return below;
}

/**
 * r from sums of shifted integer values over k pixels; NaN for fewer than two pixels or a constant
 * channel. The sums are whole numbers, so k·Σdxdy − ΣdxΣdy and the two variances are formed exactly
 * (BigInt) and rounded once each: an r near zero (below the Costes threshold) is the small
 * difference of two large products and would lose digits in floating point.
 */
export function pearsonFromSums(k: number, sx: number, sy: number, sxx: number, syy: number, sxy: number): number {
  if (k < 2) return Number.NaN;
  const K = BigInt(k);
  const X = BigInt(sx);
  const Y = BigInt(sy);
  const vx = Number(K * BigInt(sxx) - X * X);
  const vy = Number(K * BigInt(syy) - Y * Y);
  if (!(vx > 0 && vy > 0)) return Number.NaN;
  return Number(K * BigInt(sxy) - X * Y) / Math.sqrt(vx * vy);
}

/** Sums of (ch1 − c1, ch2 − c2) over {ch1 ≥ t1 and ch2 ≥ t2}, from a lazily built candidate list. */
export interface QuadrantSums {
  (t1: number, t2: number): ShiftedSums;
  narrow(lo1: number, hi1: number, lo2: number, hi2: number): void;
}

export function quadrantSums(
  x: Uint8Array | Uint16Array,
  y: Uint8Array | Uint16Array,
  stats: LevelStats,
  c1: number,
  c2: number,
): QuadrantSums {
  const n = x.length;
  const levels = stats.hx.length;
  let budget = Math.max(n >> 3, 4096);
  // the list levelStats collected, if it did; otherwise the first query builds one
  let bound1 = stats.bright ? stats.bright.bound1 : Number.POSITIVE_INFINITY;
  let bound2 = stats.bright ? stats.bright.bound2 : Number.POSITIVE_INFINITY;
  let list = stats.bright ? sortByCh1(stats.bright.xs, stats.bright.ys, stats.bright.count, bound1, stats.max1) : null;
  // sums of the pixels folded away by narrow(): in every quadrant still to be asked for
  const base = { n: 0, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 };
  let tailX: Float64Array | null = null; // tailX[k] = #pixels with ch1 ≥ k
  let tailY: Float64Array | null = null;

  const rebuild = (l1: number, l2: number) => {
    tailX ??= tails(stats.hx);
    tailY ??= tails(stats.hy);
    bound1 = lowestWithin(tailX, l1, budget);
    bound2 = lowestWithin(tailY, l2, budget);
    const capacity = Math.min(tailX[bound1] as number, tailY[bound2] as number);
    const xs = new Uint16Array(capacity);
    const ys = new Uint16Array(capacity);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const a = x[i] as number;
      if (a < bound1) continue;
      const b = y[i] as number;
      if (b < bound2) continue;
      xs[count] = a;
      ys[count] = b;
      count++;
    }
    list = sortByCh1(xs, ys, count, bound1, stats.max1);
    base.n = base.sx = base.sy = base.sxx = base.syy = base.sxy = 0;
    budget *= 4;
  };

  const query = (t1: number, t2: number): ShiftedSums => {
    // integer pixels: ch ≥ t ⇔ ch ≥ ⌈t⌉; levels clamped to [0, top + 1] (top + 1: nobody)
    const l1 = clampLevel(Math.ceil(t1), levels);
    const l2 = clampLevel(Math.ceil(t2), stats.hy.length);
    if (Number.isNaN(l1) || Number.isNaN(l2)) return { n: 0, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 }; // no pixel is ≥ NaN
    if (!list || l1 < bound1 || l2 < bound2) rebuild(l1, l2);
    const { xs, ys, count } = list as SortedList;
    // the candidates with ch1 ≥ T1 are a prefix; of those, ch2 ≥ T2 is a 0/1 weight (no branch
    // to mispredict: in the bright quadrant it is close to a coin toss)
    let qn = base.n;
    let qx = base.sx;
    let qy = base.sy;
    let qxx = base.sxx;
    let qyy = base.syy;
    let qxy = base.sxy;
    for (let i = 0; i < count; i++) {
      const a = xs[i] as number;
      if (a < l1) break;
      const b = ys[i] as number;
      const w = +(b >= l2);
      const dx = w * (a - c1);
      const dy = w * (b - c2);
      qn += w;
      qx += dx;
      qy += dy;
      qxx += dx * dx;
      qyy += dy * dy;
      qxy += dx * dy;
    }
    return { n: qn, sx: qx, sy: qy, sxx: qxx, syy: qyy, sxy: qxy };
  };

  const narrow = (lo1: number, hi1: number, lo2: number, hi2: number) => {
    if (!list) return;
    const always1 = Math.ceil(hi1);
    const always2 = Math.ceil(hi2);
    const never1 = Math.ceil(lo1);
    const never2 = Math.ceil(lo2);
    if (Number.isNaN(always1 + always2 + never1 + never2)) return;
    const { xs, ys, count } = list;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const a = xs[i] as number;
      const b = ys[i] as number;
      if (a < never1 || b < never2) continue; // in no quadrant still to come
      if (a >= always1 && b >= always2) {
        const dx = a - c1;
        const dy = b - c2;
        base.n++;
        base.sx += dx;
        base.sy += dy;
        base.sxx += dx * dx;
        base.syy += dy * dy;
        base.sxy += dx * dy;
        continue;
      }
      xs[kept] = a; // order kept: still brightest ch1 first
      ys[kept] = b;
      kept++;
    }
    list.count = kept;
  };

  return Object.assign(query, { narrow });
}

interface SortedList {
  xs: Uint16Array;
  ys: Uint16Array;
  count: number;
}

/**
 * The first `count` entries, ordered by ch1 from the brightest down (a counting sort over the
 * levels lo … hi, which hold every entry).
 */
function sortByCh1(xs: Uint16Array, ys: Uint16Array, count: number, lo: number, hi: number): SortedList {
  const top = Math.max(lo, hi);
  const atLeast = new Int32Array(top + 2);
  for (let i = 0; i < count; i++) {
    const a = xs[i] as number;
    atLeast[a] = (atLeast[a] as number) + 1;
  }
  for (let l = top; l >= lo; l--) atLeast[l] = (atLeast[l] as number) + (atLeast[l + 1] as number);
  const sx = new Uint16Array(count);
  const sy = new Uint16Array(count);
  const next = new Int32Array(top + 1); // where the next entry of level a goes: after all brighter ones
  for (let l = lo; l <= top; l++) next[l] = atLeast[l + 1] as number;
  for (let i = 0; i < count; i++) {
    const a = xs[i] as number;
    const at = next[a] as number;
    sx[at] = a;
    sy[at] = ys[i] as number;
    next[a] = at + 1;
  }
  return { xs: sx, ys: sy, count };
}

function clampLevel(l: number, levels: number): number {
  return l < 0 ? 0 : l > levels ? levels : l;
}

/** tail[k] = Σ_{j ≥ k} h[j], for k = 0 … levels (tail[levels] = 0). */
function tails(h: Int32Array): Float64Array {
  const t = new Float64Array(h.length + 1);
  for (let k = h.length - 1; k >= 0; k--) t[k] = (t[k + 1] as number) + (h[k] as number);
  return t;
}

/** The lowest level ≤ l whose tail count stays within the budget (l itself when it does not). */
function lowestWithin(tail: Float64Array, l: number, budget: number): number {
  let k = l;
  while (k > 0 && (tail[k - 1] as number) <= budget) k--;
  return k;
}
