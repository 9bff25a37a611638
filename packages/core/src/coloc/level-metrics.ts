/**
 * The thresholded metrics of 8/16-bit data and Spearman's ρ, with a single light pass over the
 * pixels (ρ's rank products and Li's sign count, which depend on each pixel pair as a whole).
 * Everything that depends on the thresholds comes from sets whose sums are already known:
 * - below = all pixels minus the bright quadrant {ch1 ≥ T1 and ch2 ≥ T2} (as in below-threshold.ts);
 * - above = {ch1 > T1} ∪ {ch2 > T2} = both half-planes minus the quadrant they share; a half-plane's
 *   sums follow from the histograms and the per-level sums of levels.ts;
 * - Manders' sums are half-plane sums of one channel over the other's levels.
 * The quadrants are read from the bright-quadrant list of levels.ts (one pass over the image when
 * the thresholds lie below it). All sums are of integers about integer shifts: exact, so the
 * metrics are those of the pixel-by-pixel definitions (fused.ts) computed without rounding.
 */
import { pearsonFromSums } from "./below-threshold.ts";
import type { Moments, ThresholdedMetrics } from "./fused.ts";
import {
  type LevelPixels,
  type LevelStats,
  meanShifts,
  rawSquares,
  type ShiftedSums,
  shiftedTotals,
} from "./levels.ts";
import { centredRanks } from "./ranks.ts";

export function levelMetrics(
  x: LevelPixels,
  y: LevelPixels,
  s: LevelStats,
  m: Moments,
  t1: number,
  t2: number,
): ThresholdedMetrics & { spearman: number } {
  const { n } = s;
  const { c1, c2 } = meanShifts(s);
  const total = shiftedTotals(s, c1, c2);
  const ranks = centredRanks(s.hx, s.hy, n, { lo: s.min1, hi: s.max1 }, { lo: s.min2, hi: s.max2 });
  const { rankSum, positive } = rankAndSign(x, y, ranks.x, ranks.y, m.mx, m.my);
  // integer pixels: v ≥ t ⇔ v ≥ ⌈t⌉ and v > t ⇔ v ≥ ⌊t⌋ + 1 (NaN: no pixel)
  const atLeast1 = levelAtLeast(Math.ceil(t1), s.hx.length);
  const atLeast2 = levelAtLeast(Math.ceil(t2), s.hy.length);
  const above1 = levelAtLeast(Math.floor(t1) + 1, s.hx.length);
  const above2 = levelAtLeast(Math.floor(t2) + 1, s.hy.length);
  const q = quadrants(x, y, s, c1, c2, atLeast1, atLeast2, above1, above2);
  const h1 = halfPlane(s.hx, s.byX, s.shift2, above1, s.max1, c1, c2);
  const h2 = halfPlane(s.hy, s.byY, s.shift1, above2, s.max2, c2, c1);
  // h2 is in (ch2, ch1) order: its sx is Σ dy
  const an = h1.n + h2.n - q.above.n;
  const ax = h1.sx + h2.sy - q.above.sx;
  const ay = h1.sy + h2.sx - q.above.sy;
  const axx = h1.sxx + h2.syy - q.above.sxx;
  const ayy = h1.syy + h2.sxx - q.above.syy;
  const axy = h1.sxy + h2.sxy - q.above.sxy;
  const { sxx: rxx, syy: ryy } = rawSquares(s);
  const zero1 = s.byY[0] as number; // Σ ch1 where ch2 = 0
  const zero2 = s.byX[0] as number;
  return {
    pearsonBelow: pearsonFromSums(
      n - q.atLeast.n,
      total.sx - q.atLeast.sx,
      total.sy - q.atLeast.sy,
      total.sxx - q.atLeast.sxx,
      total.syy - q.atLeast.syy,
      total.sxy - q.atLeast.sxy,
    ),
    pearsonAbove: pearsonFromSums(an, ax, ay, axx, ayy, axy),
    manders: {
      m1: (s.sumX - zero1) / s.sumX,
      m2: (s.sumY - zero2) / s.sumY,
      // a pixel counts for tM1 when ch2 ≥ T2 and ch2 > 0 (Coloc 2)
      tM1: otherSum(s.byY, Math.max(atLeast2, 1), s.max2) / s.sumX,
      tM2: otherSum(s.byX, Math.max(atLeast1, 1), s.max1) / s.sumY,
    },
    overlapCoefficient: Number(s.sumXY) / Math.sqrt(rxx * ryy),
    liIcq: n === 0 ? Number.NaN : positive / n - 0.5,
    spearman: n < 2 ? Number.NaN : (rankSum + 0) / Math.sqrt(ranks.sxx * ranks.syy),
  };
}

/**
 * Σ rank(ch1)·rank(ch2) (centred) and the number of pixels with (ch1 − mean1)(ch2 − mean2) ≥ 0:
 * the only per-pixel work of the metrics. Branch-free; the sum starts as -0, a double, so that V8
 * compiles the loop for doubles at once (+ 0 at the end turns an empty sum's -0 into 0).
 */
function rankAndSign(
  x: LevelPixels,
  y: LevelPixels,
  rx: Float64Array,
  ry: Float64Array,
  mx: number,
  my: number,
): { rankSum: number; positive: number } {
  let rankSum = -0;
  let positive = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    rankSum += (rx[a] as number) * (ry[b] as number);
    positive += +((a - mx) * (b - my) >= 0);
  }
  return { rankSum: rankSum + 0, positive };
}

/** The lowest level in the set {v ≥ l}, clamped to [0, levels] (levels: no pixel; NaN: none). */
function levelAtLeast(l: number, levels: number): number {
  if (Number.isNaN(l)) return levels;
  return l < 0 ? 0 : l > levels ? levels : l;
}

/** Σ of the other channel over the levels from … top of one channel (per-level sums of levels.ts). */
function otherSum(by: Float64Array, from: number, top: number): number {
  let sum = 0;
  for (let k = from; k <= top; k++) sum += by[2 * k] as number;
  return sum;
}

/**
 * Sums over the half-plane {own ≥ from} (levels up to the top one occupied) of (own − cOwn, other − cOther), from the histogram of
 * one channel and the per-level sums of the other (Σ other, Σ (other − shift)²), in (own, other)
 * order. Σ (other − cOther)² follows from the sums about `shift`: with d = shift − cOther,
 * Σ (v − cOther)² = Σ (v − shift)² + 2d·Σ (v − shift) + k·d².
 */
function halfPlane(
  h: Int32Array,
  by: Float64Array,
  shift: number,
  from: number,
  top: number,
  cOwn: number,
  cOther: number,
): ShiftedSums {
  let k = 0;
  let sx = 0;
  let sxx = 0;
  let sy = 0;
  let sxy = 0;
  let other = 0; // Σ other
  let squares = 0; // Σ (other − shift)²
  for (let level = from; level <= top; level++) {
    const count = h[level] as number;
    if (count === 0) continue;
    const d = level - cOwn;
    const o = by[2 * level] as number;
    const dy = o - cOther * count; // Σ (other − cOther) at this level
    k += count;
    sx += count * d;
    sxx += count * d * d;
    sy += dy;
    sxy += d * dy;
    other += o;
    squares += by[2 * level + 1] as number;
  }
  const d = shift - cOther;
  const syy = squares + 2 * d * (other - shift * k) + k * d * d;
  return { n: k, sx, sy, sxx, syy, sxy };
}

const EMPTY: ShiftedSums = { n: 0, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 };

/**
 * Sums of (ch1 − c1, ch2 − c2) over the quadrants {ch1 ≥ l1 and ch2 ≥ l2} ("at least", for the
 * pixels below the thresholds) and {ch1 ≥ u1 and ch2 ≥ u2} ("above"; u ≥ l), from the bright
 * quadrant list when it holds them both, else from one pass over the pixels.
 */
function quadrants(
  x: LevelPixels,
  y: LevelPixels,
  s: LevelStats,
  c1: number,
  c2: number,
  l1: number,
  l2: number,
  u1: number,
  u2: number,
): { atLeast: ShiftedSums; above: ShiftedSums } {
  if (l1 >= s.hx.length || l2 >= s.hy.length) return { atLeast: EMPTY, above: EMPTY };
  const list = s.bright;
  const fromList = list !== null && l1 >= list.bound1 && l2 >= list.bound2;
  const xs = fromList ? list.xs : x;
  const ys = fromList ? list.ys : y;
  const count = fromList ? list.count : x.length;
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let un = 0;
  let ux = 0;
  let uy = 0;
  let uxx = 0;
  let uyy = 0;
  let uxy = 0;
  for (let i = 0; i < count; i++) {
    const a = xs[i] as number;
    if (a < l1) continue;
    const b = ys[i] as number;
    if (b < l2) continue;
    // in the lower quadrant; in the upper one too with weight 1 (no branch: close to a coin toss)
    const w = +(a >= u1 && b >= u2);
    const dx = a - c1;
    const dy = b - c2;
    n++;
    sx += dx;
    sy += dy;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
    un += w;
    ux += w * dx;
    uy += w * dy;
    uxx += w * dx * dx;
    uyy += w * dy * dy;
    uxy += w * dx * dy;
  }
  return {
    atLeast: { n, sx, sy, sxx, syy, sxy },
    above: { n: un, sx: ux, sy: uy, sxx: uxx, syy: uyy, sxy: uxy },
  };
}
