/** A curve y = f(x; p) that the Levenberg–Marquardt fitter can fit. */
export interface CurveModel {
  /** Short identifier, e.g. "ll4". */
  name: string;
  /** Names of p[0], p[1], … in order. */
  parameterNames: readonly string[];
  /** f(x; p). x is the concentration (nM) for the dose–response models; x = 0 is allowed. */
  value(x: number, p: Float64Array): number;
  /** ∂f/∂p_k into out[k]. Without it the fitter uses forward differences. */
  gradient?(x: number, p: Float64Array, out: Float64Array): void;
  /** Both at once (faster: shares the exponential); returns f(x; p). */
  valueAndGradient?(x: number, p: Float64Array, out: Float64Array): number;
}
