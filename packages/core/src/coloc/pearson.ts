/**
 * Pearson's correlation coefficient of two channels, over all pixels and — as Coloc 2 reports
 * it — below and above the channel thresholds (Fiji Coloc 2 documentation,
 * https://imagej.net/plugins/coloc-2; its PearsonsCorrelation class):
 *   below: pixels where ch1 < T1 OR ch2 < T2;   above: pixels where ch1 > T1 OR ch2 > T2.
 * Sums are taken about the overall means (two passes) so that 16-bit images with large offsets
 * keep their precision; NaN when a channel is constant or fewer than two pixels are selected.
 */
import type { PixelArray } from "./pixels.ts";

export type ThresholdSide = "below" | "above";

/** Pearson's r over all pixels of two equal-length arrays. */
export function pearsonR(x: PixelArray, y: PixelArray): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  const { mx, my } = means(x, y);
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
  return sxy / Math.sqrt(sxx * syy);
}

/** Pearson's r over the pixels below (or above) the thresholds, with Coloc 2's OR rule. */
export function pearsonThresholded(x: PixelArray, y: PixelArray, t1: number, t2: number, side: ThresholdSide): number {
  const { mx, my } = means(x, y);
  return pearsonThresholdedAbout(x, y, t1, t2, side, mx, my);
}

/**
 * The same, with the shift (any value near the data, e.g. the channel means) given, so that the
 * Costes search can reuse it across iterations. One pass: sums of shifted values, then
 * cov = Σdxdy − ΣdxΣdy/n.
 */
export function pearsonThresholdedAbout(
  x: PixelArray,
  y: PixelArray,
  t1: number,
  t2: number,
  side: ThresholdSide,
  shift1: number,
  shift2: number,
): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  const below = side === "below";
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    const inside = below ? a < t1 || b < t2 : a > t1 || b > t2;
    if (!inside) continue;
    const dx = a - shift1;
    const dy = b - shift2;
    n++;
    sx += dx;
    sy += dy;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (n < 2) return Number.NaN;
  const cxy = sxy - (sx * sy) / n;
  const cxx = sxx - (sx * sx) / n;
  const cyy = syy - (sy * sy) / n;
  if (!(cxx > 0 && cyy > 0)) return Number.NaN;
  return cxy / Math.sqrt(cxx * cyy);
}

export function means(x: ArrayLike<number>, y: ArrayLike<number>): { mx: number; my: number } {
  let sx = 0;
  let sy = 0;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    sx += x[i] as number;
    sy += y[i] as number;
  }
  return { mx: sx / n, my: sy / n };
}
