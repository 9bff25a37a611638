/**
 * The 4PL in Prism's form over log10 doses as a least-squares problem with an unrolled sweep.
 *
 * Every dose–response fit (ll4, prism4, 3pl, and the 4PL stage of 5pl) spends most of its time
 * in the sweep that builds SSR, JᵀWJ and JᵀW·r. The generic sweep calls the model per point
 * through an interface, copies the gradient and runs an n×n loop; here the four partial
 * derivatives stay in registers and the ten distinct entries of the symmetric 4×4 JᵀWJ are
 * scalars. The arithmetic is the same as prism4AtLogDose followed by the generic sweep, term for
 * term and in the same order, so results do not depend on which path ran (levenberg-marquardt.test.ts
 * checks the two against each other).
 */
import type { LeastSquaresProblem } from "./levenberg-marquardt.ts";
import { prism4AtLogDose, prism4LogDoseModel } from "./models.ts";

const LN10 = Math.LN10;

export class Prism4LogDoseProblem implements LeastSquaresProblem {
  readonly nObservations: number;
  readonly nParameters = 4;
  readonly parameterNames = prism4LogDoseModel.parameterNames;

  /** logX: log10 of each dose (−∞ for a zero dose); y: responses (same length). */
  constructor(
    private readonly logX: Float64Array,
    readonly y: Float64Array,
  ) {
    this.nObservations = logX.length;
  }

  value(i: number, p: Float64Array): number {
    return prism4AtLogDose(this.logX[i]!, p, null);
  }

  valueAndGradient(i: number, p: Float64Array, grad: Float64Array): number {
    return prism4AtLogDose(this.logX[i]!, p, grad);
  }

  accumulateNormal(p: Float64Array, w: Float64Array, normal: Float64Array, gradient: Float64Array): number {
    const bottom = p[0]!;
    const top = p[1]!;
    const logIc50 = p[2]!;
    const hill = p[3]!;
    const span = top - bottom;
    // Zero dose (X = −∞): the curve sits at Top for a falling curve, at Bottom for a rising one.
    const atTopForZeroDose = hill < 0 ? 1 : hill > 0 ? 0 : 0.5;
    const logX = this.logX;
    const y = this.y;
    const n = logX.length;
    let s = 0;
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    let g3 = 0;
    let n00 = 0;
    let n10 = 0;
    let n11 = 0;
    let n20 = 0;
    let n21 = 0;
    let n22 = 0;
    let n30 = 0;
    let n31 = 0;
    let n32 = 0;
    let n33 = 0;
    for (let i = 0; i < n; i++) {
      const lx = logX[i]!;
      let h: number;
      let j2 = 0;
      let j3 = 0;
      if (lx === Number.NEGATIVE_INFINITY) {
        h = atTopForZeroDose;
      } else {
        const distance = logIc50 - lx;
        // 1/(1 + e^q) without overflow, as models.ts's logisticTail.
        const q = LN10 * hill * distance;
        if (q > 0) {
          const v = Math.exp(-q);
          h = v / (1 + v);
        } else {
          h = 1 / (1 + Math.exp(q));
        }
        const slope = -span * h * (1 - h) * LN10;
        j2 = slope * hill;
        j3 = slope * distance;
      }
      const j0 = 1 - h;
      const j1 = h;
      const r = y[i]! - (bottom + span * h);
      const wi = w[i]!;
      s += wi * r * r;
      const a0 = wi * j0;
      const a1 = wi * j1;
      const a2 = wi * j2;
      const a3 = wi * j3;
      g0 += a0 * r;
      g1 += a1 * r;
      g2 += a2 * r;
      g3 += a3 * r;
      n00 += a0 * j0;
      n10 += a1 * j0;
      n11 += a1 * j1;
      n20 += a2 * j0;
      n21 += a2 * j1;
      n22 += a2 * j2;
      n30 += a3 * j0;
      n31 += a3 * j1;
      n32 += a3 * j2;
      n33 += a3 * j3;
    }
    gradient[0] = g0;
    gradient[1] = g1;
    gradient[2] = g2;
    gradient[3] = g3;
    normal[0] = n00;
    normal[1] = n10;
    normal[2] = n20;
    normal[3] = n30;
    normal[4] = n10;
    normal[5] = n11;
    normal[6] = n21;
    normal[7] = n31;
    normal[8] = n20;
    normal[9] = n21;
    normal[10] = n22;
    normal[11] = n32;
    normal[12] = n30;
    normal[13] = n31;
    normal[14] = n32;
    normal[15] = n33;
    return s;
  }
}
