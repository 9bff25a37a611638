/**
 * Intensity-overlap coefficients with Coloc 2's definitions (https://imagej.net/plugins/coloc-2,
 * its MandersColocalization and LiICQ classes):
 * - Manders' split coefficients (Manders, Verbeek & Aten, J. Microsc. 169:375, 1993):
 *   M1 = Σ ch1 where ch2 > 0 / Σ ch1, M2 vice versa; thresholded tM1 = Σ ch1 where ch2 ≥ T2
 *   (and > 0) / Σ ch1 — a pixel counts for tM1 when the OTHER channel is above its threshold.
 * - Manders' overlap coefficient MOC = Σ ch1·ch2 / √(Σ ch1² · Σ ch2²) (same paper).
 * - Li's intensity correlation quotient (Li et al., J. Neurosci. 24:4070, 2004):
 *   ICQ = (number of pixels with (ch1 − mean1)(ch2 − mean2) ≥ 0) / n − 0.5; Coloc 2 counts a zero
 *   product as positive and so do we.
 */
import { means } from "./pearson.ts";
import type { PixelArray } from "./pixels.ts";

export interface MandersCoefficients {
  /** Fraction of ch1 intensity in pixels where ch2 > 0. */
  m1: number;
  /** Fraction of ch2 intensity in pixels where ch1 > 0. */
  m2: number;
  /** Fraction of ch1 intensity in pixels where ch2 ≥ its threshold (and > 0). */
  tM1: number;
  /** Fraction of ch2 intensity in pixels where ch1 ≥ its threshold (and > 0). */
  tM2: number;
}

export function manders(x: PixelArray, y: PixelArray, t1: number, t2: number): MandersCoefficients {
  let sum1 = 0;
  let sum2 = 0;
  let m1 = 0;
  let m2 = 0;
  let tm1 = 0;
  let tm2 = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
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
  }
  return { m1: m1 / sum1, m2: m2 / sum2, tM1: tm1 / sum1, tM2: tm2 / sum2 };
}

/** Manders' overlap coefficient. */
export function overlapCoefficient(x: PixelArray, y: PixelArray): number {
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Li's ICQ, in [−0.5, 0.5]. */
export function liIcq(x: PixelArray, y: PixelArray): number {
  const n = x.length;
  if (n === 0) return Number.NaN;
  const { mx, my } = means(x, y);
  let positive = 0;
  for (let i = 0; i < n; i++) if (((x[i] as number) - mx) * ((y[i] as number) - my) >= 0) positive++;
  return positive / n - 0.5;
}
