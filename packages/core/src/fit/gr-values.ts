/**
 * Growth-rate inhibition (GR) values, Hafner, Niepel, Chung & Sorger 2016, Nat Methods 13:521,
 * Online Methods eq. 1:  GR(c) = 2^( log2(x(c)/x0) / log2(x_ctrl/x0) ) − 1,
 * with x(c) the cell count after treatment at concentration c, x_ctrl the untreated (vehicle)
 * count at the same time and x0 the count at the time of treatment. GR = 1: no effect; 0: full
 * cytostasis; < 0: cell death. The relative cell count x(c)/x_ctrl is what an IC50 is fitted on.
 */
import { InputError, type InputLocation } from "../errors/input-error.ts";

/** GR value of one well. Throws an InputError (with `where`) if the counts make it undefined. */
export function grValue(count: number, control: number, time0: number, where: InputLocation = {}): number {
  if (!(count > 0 && control > 0 && time0 > 0)) {
    throw new InputError("GR values need positive cell counts (treated, control and time-zero)", {
      ...where,
      expected: "counts > 0",
      got: { count, control, time0 },
    });
  }
  const controlDoublings = Math.log2(control / time0);
  if (controlDoublings === 0) {
    throw new InputError("control and time-zero counts are equal: the untreated cells did not grow, GR is undefined", {
      ...where,
      expected: "control count different from the time-zero count",
      got: { control, time0 },
    });
  }
  return 2 ** (Math.log2(count / time0) / controlDoublings) - 1;
}

/** Relative cell count x(c)/x_ctrl (the quantity a classic IC50 and Emax are fitted on). */
export function relativeCellCount(count: number, control: number): number {
  return count / control;
}

/**
 * The mean of the middle half of the values, as GRmetrics' `.trim_mean(x, 50)` computes it for
 * control and time-zero replicates: drop k = n/4 values at each end (k rounded to the nearest
 * integer, rounded down when n/4 ends in .5), then average.
 */
export function trimmedMean50(values: readonly number[]): number {
  const x = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const n = x.length;
  if (n === 0) return Number.NaN;
  const k = (n * 0.5) / 2;
  const half = Math.round(k * 2) === k * 2 && Math.round(k) !== k;
  const lo = half ? Math.floor(k) : Math.round(k); // k is never a half here
  const kept = x.slice(lo, n - lo);
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}
