/**
 * Hairer & Wanner's stiff test problems, with analytic Jacobians, for the solver's tests and
 * bench/ode.bench.ts. The reference values (with their sources) live in the tests that use them.
 *
 * - ROBER: Robertson's autocatalytic reaction (Hairer & Wanner, Solving ODEs II, §IV.1;
 *   Test Set for IVP Solvers, problem ROBER), t ∈ [0, 1e11].
 * - HIRES: "High Irradiance RESponse" of photomorphogenesis, 8 states (Schäfer 1975; Hairer & Wanner
 *   II §IV.10; Test Set, problem HIRES), t ∈ [0, 321.8122].
 * - VDPOL: Van der Pol's equation in the scaled form y1' = y2, y2' = ((1 − y1²) y2 − y1)/ε with
 *   ε = 1e-6, i.e. y2' = μ((1 − y1²) y2 − y1) with μ = 1/ε = 1e6 (the "μ = 1e6" of issue 3; it is the
 *   classical y'' − m(1 − y²)y' + y = 0 with m = 1000 after rescaling time by m; Hairer & Wanner II,
 *   §IV.1, eq. (1.5')). As in the Test Set's problem VDPOL of its earlier releases: y(0) = (2, 0),
 *   t ∈ [0, 2].
 */
import type { OdeSystem } from "./types.ts";

export interface StiffTestProblem {
  readonly name: string;
  readonly system: OdeSystem;
  readonly y0: readonly number[];
  readonly t0: number;
  readonly tEnd: number;
}

export const robertson: StiffTestProblem = {
  name: "ROBER",
  system: {
    n: 3,
    autonomous: true,
    rhs(_t, y, out) {
      const y1 = y[0]!;
      const y2 = y[1]!;
      const y3 = y[2]!;
      const r1 = 0.04 * y1;
      const r2 = 1e4 * y2 * y3;
      const r3 = 3e7 * y2 * y2;
      out[0] = -r1 + r2;
      out[1] = r1 - r2 - r3;
      out[2] = r3;
    },
    jacobian(_t, y, J) {
      const y2 = y[1]!;
      const y3 = y[2]!;
      J[0] = -0.04;
      J[1] = 1e4 * y3;
      J[2] = 1e4 * y2;
      J[3] = 0.04;
      J[4] = -1e4 * y3 - 6e7 * y2;
      J[5] = -1e4 * y2;
      J[6] = 0;
      J[7] = 6e7 * y2;
      J[8] = 0;
    },
  },
  y0: [1, 0, 0],
  t0: 0,
  tEnd: 1e11,
};

export const hires: StiffTestProblem = {
  name: "HIRES",
  system: {
    n: 8,
    autonomous: true,
    rhs(_t, y, out) {
      const y1 = y[0]!;
      const y2 = y[1]!;
      const y3 = y[2]!;
      const y4 = y[3]!;
      const y5 = y[4]!;
      const y6 = y[5]!;
      const y7 = y[6]!;
      const y8 = y[7]!;
      out[0] = -1.71 * y1 + 0.43 * y2 + 8.32 * y3 + 0.0007;
      out[1] = 1.71 * y1 - 8.75 * y2;
      out[2] = -10.03 * y3 + 0.43 * y4 + 0.035 * y5;
      out[3] = 8.32 * y2 + 1.71 * y3 - 1.12 * y4;
      out[4] = -1.745 * y5 + 0.43 * y6 + 0.43 * y7;
      out[5] = -280 * y6 * y8 + 0.69 * y4 + 1.71 * y5 - 0.43 * y6 + 0.69 * y7;
      out[6] = 280 * y6 * y8 - 1.81 * y7;
      out[7] = -280 * y6 * y8 + 1.81 * y7;
    },
    jacobian(_t, y, J) {
      // Row-major 8×8, J[8i + j] = ∂f_i/∂y_j (0-based); the zero pattern is rewritten each call.
      const y6 = y[5]!;
      const y8 = y[7]!;
      J.fill(0);
      J[0] = -1.71;
      J[1] = 0.43;
      J[2] = 8.32;
      J[8] = 1.71;
      J[9] = -8.75;
      J[18] = -10.03;
      J[19] = 0.43;
      J[20] = 0.035;
      J[25] = 8.32;
      J[26] = 1.71;
      J[27] = -1.12;
      J[36] = -1.745;
      J[37] = 0.43;
      J[38] = 0.43;
      J[43] = 0.69;
      J[44] = 1.71;
      J[45] = -280 * y8 - 0.43;
      J[46] = 0.69;
      J[47] = -280 * y6;
      J[53] = 280 * y8;
      J[54] = -1.81;
      J[55] = 280 * y6;
      J[61] = -280 * y8;
      J[62] = 1.81;
      J[63] = -280 * y6;
    },
  },
  y0: [1, 0, 0, 0, 0, 0, 0, 0.0057],
  t0: 0,
  tEnd: 321.8122,
};

const VDP_EPS = 1e-6;

export const vanDerPol: StiffTestProblem = {
  name: "VDPOL",
  system: {
    n: 2,
    autonomous: true,
    rhs(_t, y, out) {
      const y1 = y[0]!;
      const y2 = y[1]!;
      out[0] = y2;
      out[1] = ((1 - y1 * y1) * y2 - y1) / VDP_EPS;
    },
    jacobian(_t, y, J) {
      const y1 = y[0]!;
      const y2 = y[1]!;
      J[0] = 0;
      J[1] = 1;
      J[2] = (-2 * y1 * y2 - 1) / VDP_EPS;
      J[3] = (1 - y1 * y1) / VDP_EPS;
    },
  },
  y0: [2, 0],
  t0: 0,
  tEnd: 2,
};
