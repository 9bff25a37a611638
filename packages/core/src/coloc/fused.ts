/**
 * The per-pixel metrics of one analysis in as few passes over the pixels as possible (memory
 * bandwidth, not arithmetic, bounds them on large images): one pass for sums and ranges, one for
 * the centred second moments, one for everything that needs the thresholds. The definitions are
 * those of pearson.ts and manders.ts (Coloc 2's), which stay as the one-metric reference functions.
 */
import { pearsonFromSums } from "./below-threshold.ts";
import { type LevelPixels, type LevelStats, meanShifts, rawSquares, shiftedTotals } from "./levels.ts";
import type { MandersCoefficients } from "./manders.ts";
import type { PixelArray } from "./pixels.ts";
import { centredRanks } from "./ranks.ts";

export interface Moments {
  n: number;
  mx: number;
  my: number;
  min1: number;
  max1: number;
  min2: number;
  max2: number;
  /** Centred sums Σdx², Σdy², Σdxdy. */
  sxx: number;
  syy: number;
  sxy: number;
}

export function moments(x: PixelArray, y: PixelArray): Moments {
  const n = x.length;
  let sx = 0;
  let sy = 0;
  let min1 = Number.POSITIVE_INFINITY;
  let max1 = Number.NEGATIVE_INFINITY;
  let min2 = Number.POSITIVE_INFINITY;
  let max2 = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    sx += a;
    sy += b;
    if (a < min1) min1 = a;
    if (a > max1) max1 = a;
    if (b < min2) min2 = b;
    if (b > max2) max2 = b;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return { n, mx, my, min1, max1, min2, max2, sxx, syy, sxy };
}

export interface ThresholdedMetrics {
  pearsonBelow: number;
  pearsonAbove: number;
  manders: MandersCoefficients;
  overlapCoefficient: number;
  liIcq: number;
}

export function thresholdedMetrics(
  x: PixelArray,
  y: PixelArray,
  m: Moments,
  t1: number,
  t2: number,
): ThresholdedMetrics {
  const { mx, my } = m;
  let bn = 0;
  let bx = 0;
  let by = 0;
  let bxx = 0;
  let byy = 0;
  let bxy = 0;
  let an = 0;
  let ax = 0;
  let ay = 0;
  let axx = 0;
  let ayy = 0;
  let axy = 0;
  let sum1 = 0;
  let sum2 = 0;
  let m1 = 0;
  let m2 = 0;
  let tm1 = 0;
  let tm2 = 0;
  let rxx = 0;
  let ryy = 0;
  let rxy = 0;
  let positive = 0;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    const dx = a - mx;
    const dy = b - my;
    const dxx = dx * dx;
    const dyy = dy * dy;
    const dxy = dx * dy;
    if (a < t1 || b < t2) {
      bn++;
      bx += dx;
      by += dy;
      bxx += dxx;
      byy += dyy;
      bxy += dxy;
    }
    if (a > t1 || b > t2) {
      an++;
      ax += dx;
      ay += dy;
      axx += dxx;
      ayy += dyy;
      axy += dxy;
    }
    sum1 += a;
    sum2 += b;
    if (b > 0) {
      m1 += a;
      if (b >= t2) tm1 += a;
    }
    if (a > 0) {
      m2 += b;
      if (a >= t1) tm2 += b;
    }
    rxx += a * a;
    ryy += b * b;
    rxy += a * b;
    if (dxy >= 0) positive++;
  }
  const r = (k: number, sx: number, sy: number, sxx: number, syy: number, sxy: number) => {
    if (k < 2) return Number.NaN;
    const cxx = sxx - (sx * sx) / k;
    const cyy = syy - (sy * sy) / k;
    if (!(cxx > 0 && cyy > 0)) return Number.NaN;
    return (sxy - (sx * sy) / k) / Math.sqrt(cxx * cyy);
  };
  return {
    pearsonBelow: r(bn, bx, by, bxx, byy, bxy),
    pearsonAbove: r(an, ax, ay, axx, ayy, axy),
    manders: { m1: m1 / sum1, m2: m2 / sum2, tM1: tm1 / sum1, tM2: tm2 / sum2 },
    overlapCoefficient: rxy / Math.sqrt(rxx * ryy),
    liIcq: n === 0 ? Number.NaN : positive / n - 0.5,
  };
}

/**
 * The thresholded metrics of 8/16-bit data together with Spearman's ρ, in one pass that reads
 * each pixel pair once: the rank gather and Li's sign count (branch-free) for every pixel, the
 * threshold sums only for the pixels at or above a threshold (or zero), which are a minority.
 * Sums are of integers about integer shifts (exact); the below-threshold set is all pixels minus
 * {ch1 ≥ T1 and ch2 ≥ T2}, as in below-threshold.ts.
 */
export function levelMetrics(
  x: LevelPixels,
  y: LevelPixels,
  s: LevelStats,
  m: Moments,
  t1: number,
  t2: number,
): ThresholdedMetrics & { spearman: number } {
  const n = x.length;
  const { mx, my } = m;
  const { c1, c2 } = meanShifts(s);
  const total = shiftedTotals(s, c1, c2);
  const ranks = centredRanks(s.hx, s.hy, n);
  const rx = ranks.x;
  const ry = ranks.y;
  // sums start as -0, a double: V8 then compiles the loop for doubles at once instead of for
  // small integers, which it would abandon (deoptimize) at the first overflow
  let rankSum = -0;
  let positive = 0;
  let qn = 0;
  let qx = -0;
  let qy = -0;
  let qxx = -0;
  let qyy = -0;
  let qxy = -0;
  let an = 0;
  let ax = -0;
  let ay = -0;
  let axx = -0;
  let ayy = -0;
  let axy = -0;
  let tm1 = -0;
  let tm2 = -0;
  let zero1 = -0; // Σ ch1 where ch2 = 0
  let zero2 = -0;
  for (let i = 0; i < n; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    rankSum += (rx[a] as number) * (ry[b] as number);
    positive += +((a - mx) * (b - my) >= 0);
    if (a >= t1 || b >= t2 || a === 0 || b === 0) {
      const dx = a - c1;
      const dy = b - c2;
      if (a >= t1 && b >= t2) {
        qn++;
        qx += dx;
        qy += dy;
        qxx += dx * dx;
        qyy += dy * dy;
        qxy += dx * dy;
      }
      if (a > t1 || b > t2) {
        an++;
        ax += dx;
        ay += dy;
        axx += dx * dx;
        ayy += dy * dy;
        axy += dx * dy;
      }
      if (b === 0) zero1 += a;
      else if (b >= t2) tm1 += a;
      if (a === 0) zero2 += b;
      else if (a >= t1) tm2 += b;
    }
  }
  const { sxx: rxx, syy: ryy } = rawSquares(s);
  const rxy = Number(s.sumXY);
  return {
    pearsonBelow: pearsonFromSums(
      n - qn,
      total.sx - qx,
      total.sy - qy,
      total.sxx - qxx,
      total.syy - qyy,
      total.sxy - qxy,
    ),
    pearsonAbove: pearsonFromSums(an, ax, ay, axx, ayy, axy),
    manders: {
      m1: (s.sumX - zero1) / s.sumX,
      m2: (s.sumY - zero2) / s.sumY,
      tM1: (tm1 + 0) / s.sumX, // + 0: no -0 when nothing was summed
      tM2: (tm2 + 0) / s.sumY,
    },
    overlapCoefficient: rxy / Math.sqrt(rxx * ryy),
    liIcq: n === 0 ? Number.NaN : positive / n - 0.5,
    spearman: n < 2 ? Number.NaN : (rankSum + 0) / Math.sqrt(ranks.sxx * ranks.syy),
  };
}
