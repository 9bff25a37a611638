/**
 * One call for a whole co-localization analysis of a region (the whole image, a mask, or one
 * cell of a label image): thresholds, then every metric Coloc 2 reports, then optionally
 * Costes' significance test. Metric definitions and references are in the files they live in.
 */
import { type CostesTestResult, costesSignificanceTest } from "./costes-test.ts";
import { moments, thresholdedMetrics } from "./fused.ts";
import { levelMetrics } from "./level-metrics.ts";
import { isLevelPixels, levelMoments, levelStats } from "./levels.ts";
import type { MandersCoefficients } from "./manders.ts";
import { gather, type ImageDims, type PixelArray, regionsFromLabels } from "./pixels.ts";
import { kendallTauB, spearmanRho } from "./ranks.ts";
import { computeThresholds, type ThresholdSpec, type Thresholds } from "./thresholds.ts";

export interface ColocImage {
  ch1: PixelArray;
  ch2: PixelArray;
  dims: ImageDims;
}

export interface ColocOptions {
  /** Default: Costes' automatic thresholds (bisection, Coloc 2's default). */
  threshold?: ThresholdSpec;
  /** Kendall's τ-b is the slowest metric; default true. */
  kendall?: boolean;
  /** Costes' significance test; omitted or iterations 0 = not run. */
  costes?: { iterations: number; blockSize?: number; seed?: number };
}

export interface ColocResult {
  nPixels: number;
  mean: { ch1: number; ch2: number };
  thresholds: Thresholds;
  pearson: { all: number; belowThreshold: number; aboveThreshold: number };
  spearman: number;
  kendallTauB: number | null;
  manders: MandersCoefficients;
  overlapCoefficient: number;
  liIcq: number;
  costes: CostesTestResult | null;
}

export function analyzeColoc(image: ColocImage, region: Uint32Array | null, o: ColocOptions = {}): ColocResult {
  const x = region ? gather(image.ch1, region) : image.ch1;
  const y = region ? gather(image.ch2, region) : image.ch2;
  // 8/16-bit data: one pass of histograms gives the moments, Otsu and the ranks; the thresholded
  // metrics and Spearman then share one more pass. Other sample types take the general passes.
  const levels = isLevelPixels(x) && isLevelPixels(y) ? levelStats(x, y) : null;
  const m = levels ? levelMoments(levels) : moments(x, y);
  const thresholds = computeThresholds(x, y, o.threshold ?? { method: "costes" }, m, levels ?? undefined);
  const t =
    levels && isLevelPixels(x) && isLevelPixels(y)
      ? levelMetrics(x, y, levels, m, thresholds.ch1, thresholds.ch2)
      : { ...thresholdedMetrics(x, y, m, thresholds.ch1, thresholds.ch2), spearman: spearmanRho(x, y) };
  const costesIterations = o.costes?.iterations ?? 0;
  return {
    nPixels: x.length,
    mean: { ch1: m.mx, ch2: m.my },
    thresholds,
    pearson: {
      all: m.n < 2 ? Number.NaN : m.sxy / Math.sqrt(m.sxx * m.syy),
      belowThreshold: t.pearsonBelow,
      aboveThreshold: t.pearsonAbove,
    },
    spearman: t.spearman,
    kendallTauB: o.kendall === false ? null : kendallTauB(x, y),
    manders: t.manders,
    overlapCoefficient: t.overlapCoefficient,
    liIcq: t.liIcq,
    costes:
      costesIterations > 0
        ? costesSignificanceTest(image.ch1, image.ch2, image.dims, region, {
            iterations: costesIterations,
            blockSize: o.costes?.blockSize,
            seed: o.costes?.seed,
          })
        : null,
  };
}

export interface CellColocResult extends ColocResult {
  label: number;
}

/** One analysis per cell of a label image; each cell is analysed exactly as if its mask were given alone. */
export function analyzeCells(
  image: ColocImage,
  labels: ArrayLike<number>,
  o: ColocOptions & { file?: string; onCell?: (done: number, total: number) => void } = {},
): CellColocResult[] {
  const regions = regionsFromLabels(labels, { file: o.file });
  const out: CellColocResult[] = [];
  let done = 0;
  for (const [label, region] of regions) {
    out.push({ label, ...analyzeColoc(image, region, o) });
    o.onCell?.(++done, regions.size);
  }
  return out;
}
