/** Co-localization of two channels (Protocol 1): Coloc 2's metrics, thresholds and significance test. */
export * from "./analyze.ts";
export * from "./compare.ts";
export { type CostesTestOptions, type CostesTestResult, costesSignificanceTest } from "./costes-test.ts";
export { liIcq, type MandersCoefficients, manders, overlapCoefficient } from "./manders.ts";
export { pearsonR, pearsonThresholded, type ThresholdSide } from "./pearson.ts";
export {
  checkSameSize,
  type ImageDims,
  isIntegerPixels,
  type PixelArray,
  regionFromMask,
  regionsFromLabels,
} from "./pixels.ts";
export { kendallTauB, spearmanRho } from "./ranks.ts";
export {
  computeThresholds,
  costesThresholds,
  otsuThreshold,
  type ThresholdSpec,
  type Thresholds,
} from "./thresholds.ts";
