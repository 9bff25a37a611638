/**
 * Exact sufficient statistics of two 8/16-bit channels, from one pass over the pixels: the
 * histogram of each channel and, per level of each channel, the sum and the sum of squares of the
 * other channel over the pixels at that level. Everything the whole-region metrics need (means,
 * ranges, centred second moments, Σ x·y, Σ x² for the overlap coefficient, the rank tables of
 * Spearman's ρ) follows from these in O(levels), and so do the sums over any half-plane
 * {ch1 ≥ T} or {ch2 ≥ T} that the thresholded metrics need (level-metrics.ts), without a second
 * pass or a Float64 copy of a channel.
 *
 * Integer pixels make the sums exact (Σxy is formed level by level and kept as BigInt), so the
 * cross product Σxy − ΣxΣy/n is rounded once, at the end. Sums about an integer shift near the
 * mean (`shiftedTotals`; the per-level sums of squares about the sample's mean) stay exact in
 * ordinary doubles for any realistic image and avoid the cancellation of raw sums when the
 * intensities sit on a large offset.
 */
import type { Moments } from "./fused.ts";
import type { PixelArray } from "./pixels.ts";

/** Pixels whose values index a histogram directly. */
export type LevelPixels = Uint8Array | Uint16Array;

export function isLevelPixels(a: PixelArray): a is LevelPixels {
  return a instanceof Uint8Array || a instanceof Uint16Array;
}

export interface LevelStats {
  n: number;
  /** Pixel count per value of ch1 and of ch2 (256 or 65536 entries). */
  hx: Int32Array;
  hy: Int32Array;
  /** Σ ch1, Σ ch2 (exact integers). */
  sumX: number;
  sumY: number;
  /** Σ ch1·ch2, exact. */
  sumXY: bigint;
  /**
   * Per level k of ch1: [2k] = Σ ch2 and [2k + 1] = Σ (ch2 − shift2)² over the pixels where
   * ch1 = k (exact integers); `byY` the same per level of ch2, about shift1.
   */
  byX: Float64Array;
  byY: Float64Array;
  /** Integer shifts near the channel means (from a sample), for the per-level sums of squares. */
  shift1: number;
  shift2: number;
  min1: number;
  max1: number;
  min2: number;
  max2: number;
  /**
   * The pixels of the bright quadrant {ch1 ≥ bound1 and ch2 ≥ bound2}, collected in the same pass
   * for the Costes search (below-threshold.ts); null when more than expected fell into it.
   */
  bright: BrightQuadrant | null;
}

export interface BrightQuadrant {
  bound1: number;
  bound2: number;
  xs: Uint16Array;
  ys: Uint16Array;
  count: number;
}

/** Up to this many pixels, the "bright quadrant" is simply every pixel. */
const SMALL = 1 << 16;

/** Histograms, per-level sums of the other channel and the bright quadrant, in one pass. */
export function levelStats(x: LevelPixels, y: LevelPixels): LevelStats {
  const n = x.length;
  const hx = new Int32Array(x instanceof Uint8Array ? 256 : 65536);
  const hy = new Int32Array(y instanceof Uint8Array ? 256 : 65536);
  const byX = new Float64Array(2 * hx.length);
  const byY = new Float64Array(2 * hy.length);
  // Bounds at the levels that about 1/8 of each channel reaches, from a sample: the Costes search
  // then usually runs on this list (≤ n/8 pixels) and needs no pass of its own over the image.
  const small = n <= SMALL;
  const sample1 = sampleLevels(x, hx.length, 8);
  const sample2 = sampleLevels(y, hy.length, 8);
  const bound1 = small ? 0 : sample1.tail;
  const bound2 = small ? 0 : sample2.tail;
  const shift1 = sample1.mean;
  const shift2 = sample2.mean;
  const capacity = small ? n : (n >> 3) + (n >> 6); // the sample may be off by a little
  const xs = new Uint16Array(capacity);
  const ys = new Uint16Array(capacity);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    hx[a] = (hx[a] as number) + 1;
    hy[b] = (hy[b] as number) + 1;
    const ka = a << 1;
    const kb = b << 1;
    const da = a - shift1;
    const db = b - shift2;
    byX[ka] = (byX[ka] as number) + b;
    byX[ka + 1] = (byX[ka + 1] as number) + db * db;
    byY[kb] = (byY[kb] as number) + a;
    byY[kb + 1] = (byY[kb + 1] as number) + da * da;
    if (a >= bound1 && b >= bound2) {
      if (count < capacity) {
        xs[count] = a;
        ys[count] = b;
      }
      count++;
    }
  }
  const rx = histogramRange(hx);
  const ry = histogramRange(hy);
  return {
    bright: count <= capacity ? { bound1, bound2, xs, ys, count } : null,
    n,
    hx,
    hy,
    sumX: rx.sum,
    sumY: ry.sum,
    sumXY: crossSum(hx, byX, rx.min, rx.max),
    byX,
    byY,
    shift1,
    shift2,
    min1: rx.min,
    max1: rx.max,
    min2: ry.min,
    max2: ry.max,
  };
}

/**
 * Σ ch1·ch2 = Σ_k k·(Σ ch2 where ch1 = k), exact: each term is exact below 2^53 and is added to a
 * double while that stays below 2^53, the rest goes to a BigInt (rarely, so few BigInt operations).
 */
function crossSum(h: Int32Array, by: Float64Array, lo: number, hi: number): bigint {
  const LIMIT = 2 ** 52;
  let big = 0n;
  let acc = 0;
  for (let k = lo; k <= hi; k++) {
    if (h[k] === 0) continue;
    const other = by[2 * k] as number;
    const t = k * other;
    if (t >= LIMIT) big += BigInt(k) * BigInt(other);
    else {
      acc += t;
      if (acc >= LIMIT) {
        big += BigInt(acc);
        acc = 0;
      }
    }
  }
  return big + BigInt(acc);
}

/**
 * From every k-th pixel (≈ 2^16 of them): the level that a share of about 1/fraction of the pixels
 * reaches, and the rounded mean.
 */
function sampleLevels(a: LevelPixels, levels: number, fraction: number): { tail: number; mean: number } {
  const step = Math.max(1, Math.floor(a.length / SMALL));
  const h = new Int32Array(levels);
  let m = 0;
  let sum = 0;
  let max = 0;
  for (let i = 0; i < a.length; i += step) {
    const v = a[i] as number;
    h[v] = (h[v] as number) + 1;
    sum += v;
    if (v > max) max = v;
    m++;
  }
  let tail = 0;
  let k = max; // the levels above hold no sampled pixel
  while (k > 0 && tail + (h[k] as number) <= m / fraction) tail += h[k--] as number;
  return { tail: k + 1, mean: m === 0 ? 0 : Math.round(sum / m) };
}

/** The occupied range of a histogram (±Infinity when empty) and Σ count·level. */
function histogramRange(h: Int32Array): { min: number; max: number; sum: number } {
  let min = 0;
  while (min < h.length && h[min] === 0) min++;
  if (min === h.length) return { min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY, sum: 0 };
  let max = h.length - 1;
  while (h[max] === 0) max--;
  let sum = 0;
  for (let k = min; k <= max; k++) sum += (h[k] as number) * k;
  return { min, max, sum };
}

/** Σ count·(k − shift)² over the histogram's occupied range. */
function shiftedSquares(h: Int32Array, lo: number, hi: number, shift: number): number {
  let s = 0;
  for (let k = lo; k <= hi; k++) {
    const d = k - shift;
    s += (h[k] as number) * d * d;
  }
  return s;
}

/** Sums of dx = ch1 − c1 and dy = ch2 − c2 over all pixels, for integer shifts c1, c2. */
export interface ShiftedSums {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
}

export function shiftedTotals(s: LevelStats, c1: number, c2: number): ShiftedSums {
  const { n } = s;
  // Σ(x−c1)(y−c2) = Σxy − c1Σy − c2Σx + n·c1·c2, exact in BigInt
  const sxy = s.sumXY - BigInt(c1) * BigInt(s.sumY) - BigInt(c2) * BigInt(s.sumX) + BigInt(n) * BigInt(c1) * BigInt(c2);
  return {
    n,
    sx: s.sumX - n * c1,
    sy: s.sumY - n * c2,
    sxx: shiftedSquares(s.hx, s.min1, s.max1, c1),
    syy: shiftedSquares(s.hy, s.min2, s.max2, c2),
    sxy: Number(sxy),
  };
}

/** Integer shifts near the channel means (exact sums, no cancellation). */
export function meanShifts(s: LevelStats): { c1: number; c2: number } {
  return s.n === 0 ? { c1: 0, c2: 0 } : { c1: Math.round(s.sumX / s.n), c2: Math.round(s.sumY / s.n) };
}

/** The moments of fused.ts (means, ranges, centred Σdx², Σdy², Σdxdy) from the level statistics. */
export function levelMoments(s: LevelStats): Moments {
  const { n } = s;
  const { c1, c2 } = meanShifts(s);
  const t = shiftedTotals(s, c1, c2);
  // centred sums: Σ(x−mx)² = Σ(x−c)² − (Σ(x−c))²/n; the correction is < n/4 (|mx − c| ≤ ½)
  const sxx = t.sxx - (t.sx * t.sx) / n;
  const syy = t.syy - (t.sy * t.sy) / n;
  // Σ(x−mx)(y−my) = (n·Σxy − ΣxΣy)/n, its numerator exact
  const sxy = Number(BigInt(n) * s.sumXY - BigInt(s.sumX) * BigInt(s.sumY)) / n;
  return {
    n,
    mx: s.sumX / n,
    my: s.sumY / n,
    min1: s.min1,
    max1: s.max1,
    min2: s.min2,
    max2: s.max2,
    sxx,
    syy,
    sxy,
  };
}

/** Σ ch1², Σ ch2² from the histograms (exact below 2^53, as the per-pixel sums were). */
export function rawSquares(s: LevelStats): { sxx: number; syy: number } {
  return {
    sxx: shiftedSquares(s.hx, s.min1, s.max1, 0),
    syy: shiftedSquares(s.hy, s.min2, s.max2, 0),
  };
}
