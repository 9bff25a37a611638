/**
 * The per-pixel metrics of one analysis in as few passes over the pixels as possible (memory
 * bandwidth, not arithmetic, bounds them on large images): one pass for sums and ranges, one for
 * the centred second moments, one for everything that needs the thresholds. The definitions are
 * those of pearson.ts and manders.ts (Coloc 2's), which stay as the one-metric reference functions.
 * 8/16-bit data take the faster route of levels.ts and level-metrics.ts instead.
 */
import type { MandersCoefficients } from "./manders.ts";
import type { PixelArray } from "./pixels.ts";

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
