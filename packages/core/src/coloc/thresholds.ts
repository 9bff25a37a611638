/**
 * Channel thresholds for the thresholded metrics (tM1/tM2, Pearson below/above):
 *
 * - Costes' automatic threshold (Costes et al., Biophys. J. 86:3993, 2004) as Fiji's Coloc 2
 *   implements it (https://imagej.net/plugins/coloc-2, class AutoThresholdRegression): an
 *   orthogonal (Deming, λ = 1) regression ch2 = m·ch1 + b, then a walk along that line — by
 *   bisection (Coloc 2's default) or one unit at a time ("costes", the original) — to the highest
 *   threshold pair at which Pearson's r of the pixels BELOW it (ch1 < T1 or ch2 < T2) drops to ≤ 0.
 *   Thresholds are rounded (Java's Math.round) and clamped to the sample type's range, and the
 *   walk runs along the channel with the larger spread (ch1 when −1 < m < 1). As in Coloc 2, a NaN
 *   or exactly zero r ends the bisection (its update leaves the threshold where it is).
 * - Otsu's threshold per channel (Otsu, IEEE Trans. SMC 9:62, 1979) over the region's histogram
 *   (every integer level for 8/16-bit data; 256 bins for float data).
 * - Manual thresholds.
 */
import { belowThresholdPearson } from "./below-threshold.ts";
import { type Moments, moments } from "./fused.ts";
import { isLevelPixels, type LevelStats, levelMoments, levelStats, meanShifts, shiftedTotals } from "./levels.ts";
import { isIntegerPixels, minMax, type PixelArray, typeRange } from "./pixels.ts";

export type ThresholdSpec =
  | { method: "costes"; regression?: "bisection" | "costes" }
  | { method: "otsu" }
  | { method: "manual"; ch1: number; ch2: number };

export interface Thresholds {
  method: "costes" | "otsu" | "manual";
  ch1: number;
  ch2: number;
  /** Costes only: the regression line ch2 = slope·ch1 + intercept. */
  slope?: number;
  intercept?: number;
  /** Costes only: Pearson's r below the final thresholds (≈ 0 when the search converged). */
  pearsonBelow?: number;
  iterations?: number;
  regression?: "bisection" | "costes";
  /** Coloc 2's warnings (intercept far from zero, thresholds above the mean or below the data). */
  warnings: string[];
}

/**
 * `known` and `levels` are what analyzeColoc has already computed over the same pixels (the
 * moments; for 8/16-bit data the level statistics of levels.ts), passed on so as not to recompute them.
 */
export function computeThresholds(
  x: PixelArray,
  y: PixelArray,
  spec: ThresholdSpec,
  known?: Moments,
  levels?: LevelStats,
): Thresholds {
  if (spec.method === "manual") return { method: "manual", ch1: spec.ch1, ch2: spec.ch2, warnings: [] };
  if (spec.method === "otsu") {
    return {
      method: "otsu",
      ch1: levels ? otsuFromHistogram(levels.hx, levels.min1, levels.max1) : otsuThreshold(x),
      ch2: levels ? otsuFromHistogram(levels.hy, levels.min2, levels.max2) : otsuThreshold(y),
      warnings: [],
    };
  }
  return costesThresholds(x, y, spec.regression ?? "bisection", known, levels);
}

/** Coloc 2's AutoThresholdRegression. */
export function costesThresholds(
  x: PixelArray,
  y: PixelArray,
  regression: "bisection" | "costes" = "bisection",
  known?: Moments,
  levels?: LevelStats,
): Thresholds {
  const lev = levels ?? (isLevelPixels(x) && isLevelPixels(y) ? levelStats(x, y) : undefined);
  const mo = known ?? (lev ? levelMoments(lev) : moments(x, y));
  const { n, mx, my } = mo;
  const var1 = mo.sxx / (n - 1);
  const var2 = mo.syy / (n - 1);
  const cov = mo.sxy / (n - 1);
  const m = (var2 - var1 + Math.sqrt((var2 - var1) ** 2 + 4 * cov * cov)) / (2 * cov);
  const b = my - m * mx;
  const r1 = { min: mo.min1, max: mo.max1 };
  const r2 = { min: mo.min2, max: mo.max2 };
  const { min: typeMin, max: typeMax } = typeRange(x);
  const clamp = (v: number) => Math.max(typeMin, Math.min(v, typeMax));

  const alongCh1 = m > -1 && m < 1;
  const map1 = alongCh1 ? (t: number) => t : (t: number) => (t - b) / m;
  const map2 = alongCh1 ? (t: number) => t * m + b : (t: number) => t;
  const range = alongCh1 ? r1 : r2;
  const stepper =
    regression === "bisection"
      ? bisectionStepper(Math.abs(range.max + range.min) * 0.5, range.max)
      : simpleStepper(range.max);

  const shifts = lev ? meanShifts(lev) : undefined;
  const below = belowThresholdPearson(
    x,
    y,
    mx,
    my,
    lev && shifts ? { stats: lev, totals: shiftedTotals(lev, shifts.c1, shifts.c2), ...shifts } : undefined,
  );
  let t1 = r1.max;
  let t2 = r2.max;
  let rBelow = Number.NaN;
  let iterations = 0;
  while (!stepper.finished()) {
    t1 = javaRound(map1(stepper.value()));
    t2 = javaRound(map2(stepper.value()));
    rBelow = below(clamp(t1), clamp(t2));
    stepper.update(rBelow);
    iterations++;
    const spread = stepper.spread();
    if (below.narrow && Number.isFinite(spread)) {
      // every later threshold pair lies on the line between these two
      const ends = [stepper.value() - spread, stepper.value() + spread];
      const e1 = ends.map((t) => clamp(javaRound(map1(t))));
      const e2 = ends.map((t) => clamp(javaRound(map2(t))));
      below.narrow(Math.min(...e1), Math.max(...e1), Math.min(...e2), Math.max(...e2));
    }
  }
  const ch1 = clamp(t1);
  const ch2 = clamp(t2);
  const warnings: string[] = [];
  if (Math.abs(b / my) > 0.01) {
    warnings.push(
      "y-intercept far from zero: the regression suggests an intensity offset (consider background subtraction or a region)",
    );
  }
  if (t1 > mx) warnings.push("threshold of ch1 is above its mean: few pixels enter the above-threshold metrics");
  if (t2 > my) warnings.push("threshold of ch2 is above its mean: few pixels enter the above-threshold metrics");
  if (t1 < r1.min || t2 < r2.min)
    warnings.push("no positive threshold was found: the thresholded results are meaningless");
  return {
    method: "costes",
    ch1,
    ch2,
    slope: m,
    intercept: b,
    pearsonBelow: rBelow,
    iterations,
    regression,
    warnings,
  };
}

/** Java's Math.round: floor(v + 0.5). */
function javaRound(v: number): number {
  return Math.floor(v + 0.5);
}

interface Stepper {
  value(): number;
  update(r: number): void;
  finished(): boolean;
  /** How far from value() any later value can lie (Infinity: unknown). */
  spread(): number;
}

/** Coloc 2's BisectionStepper: halve the step; down while r > 0, up while r < 0; stop when the step < 1. */
function bisectionStepper(start: number, last: number): Stepper {
  let t = start;
  let prev = last;
  let diff = Math.abs(t - prev);
  let iterations = 0;
  return {
    value: () => t,
    update(r) {
      prev = t;
      if (r < 0) t += diff * 0.5;
      else if (r > 0) t -= diff * 0.5;
      diff = Math.abs(t - prev);
      iterations++;
    },
    finished: () => iterations > 100 || diff < 1,
    // the remaining steps are diff/2, diff/4, …: together less than diff
    spread: () => diff,
  };
}

/** Coloc 2's SimpleStepper: one unit down per step until r < 0.0001, r rises, or t < 1. */
function simpleStepper(start: number): Stepper {
  let t = start;
  let current = 1;
  let done = false;
  return {
    value: () => t,
    update(r) {
      if (done) return;
      const last = current;
      current = r;
      t -= 1;
      done = Number.isNaN(r) || t < 1 || r < 0.0001 || r > last;
    },
    finished: () => done,
    spread: () => Number.POSITIVE_INFINITY,
  };
}

/**
 * Otsu's threshold: the lowest foreground level T, where {v < T} and {v ≥ T} maximise the between-class variance.
 * Integer data use one bin per level; float data 256 equal bins (the threshold is a bin's upper edge).
 */
export function otsuThreshold(a: PixelArray): number {
  const { min, max } = minMax(a);
  if (!(max > min)) return min;
  const integer = isIntegerPixels(a) && max - min <= 1 << 20;
  const bins = integer ? max - min + 1 : 256;
  const width = integer ? 1 : (max - min) / bins;
  const hist = new Float64Array(bins);
  for (let i = 0; i < a.length; i++) {
    let k = integer ? (a[i] as number) - min : Math.floor(((a[i] as number) - min) / width);
    if (k >= bins) k = bins - 1;
    hist[k] = (hist[k] as number) + 1;
  }
  const k = otsuBin(bins, (j) => hist[j] as number, a.length);
  return integer ? min + k + 1 : min + (k + 1) * width;
}

/** Otsu's threshold of 8/16-bit data from its histogram (one bin per level, occupied range [min, max]). */
export function otsuFromHistogram(h: ArrayLike<number>, min: number, max: number): number {
  if (!(max > min)) return min;
  let n = 0;
  for (let k = min; k <= max; k++) n += h[k] as number;
  return min + otsuBin(max - min + 1, (k) => h[min + k] as number, n) + 1;
}

/** The last bin of the background class: the split maximising the between-class variance. */
function otsuBin(bins: number, at: (k: number) => number, n: number): number {
  let total = 0;
  for (let k = 0; k < bins; k++) total += k * at(k);
  let w0 = 0;
  let sum0 = 0;
  let best = -1;
  let bestK = 0;
  for (let k = 0; k < bins - 1; k++) {
    w0 += at(k);
    sum0 += k * at(k);
    const w1 = n - w0;
    if (w0 === 0 || w1 === 0) continue;
    const mu0 = sum0 / w0;
    const mu1 = (total - sum0) / w1;
    const between = w0 * w1 * (mu0 - mu1) ** 2;
    if (between > best) {
      best = between;
      bestK = k;
    }
  }
  return bestK;
}
