/** Public types of the stiff ODE solver (see README.md in this folder). */

/** dy/dt = f(t, y) with n states. Implementations must not allocate in `rhs`/`jacobian`. */
export interface OdeSystem {
  readonly n: number;
  /** Writes dy/dt at (t, y) into `out` (length n). */
  rhs(t: number, y: Float64Array, out: Float64Array): void;
  /** Optional analytic Jacobian, row-major n×n: J[i*n+j] = ∂f_i/∂y_j. Without it a finite-difference one is used. */
  jacobian?(t: number, y: Float64Array, J: Float64Array): void;
  /**
   * True when f does not depend on t explicitly. Rosenbrock methods need ∂f/∂t; for an autonomous
   * system it is zero, which saves one rhs evaluation per step. Default false (∂f/∂t by differences).
   */
  readonly autonomous?: boolean;
  /** Optional analytic ∂f/∂t at (t, y) into `out`; used instead of differences when given. */
  timeDerivative?(t: number, y: Float64Array, out: Float64Array): void;
}

export interface StiffOptions {
  /** Relative tolerance, default 1e-6. */
  rtol?: number;
  /** Absolute tolerance, scalar or one per state, default 1e-10. */
  atol?: number | Float64Array;
  /** First trial step; default chosen from the rhs (Hairer–Wanner's starting-step heuristic). */
  h0?: number;
  /** Largest step, default |tEnd − t0|. */
  hMax?: number;
  /** Most steps (accepted + rejected) over the whole solve, default 100 000. */
  maxSteps?: number;
  /** Ascending output times in [t0, tEnd]; default [t0, tEnd]. */
  tOut?: ArrayLike<number>;
  /** Times to step exactly onto (discontinuities); the integration restarts there. */
  tStops?: ArrayLike<number>;
  /**
   * Called at each stop time (each of `tStops` inside (t0, tEnd)) with the state there; it may change
   * `y` in place (e.g. wash-out of the drug at the end of a pulse). Integration restarts from the new
   * state. Output rows at exactly a stop time hold the state BEFORE the callback (the left limit).
   */
  onStop?: (t: number, y: Float64Array) => void;
}

export interface StiffStats {
  /** Steps attempted (accepted + rejected). */
  steps: number;
  accepted: number;
  rejected: number;
  rhsEvals: number;
  jacEvals: number;
  luDecomps: number;
}

export interface StiffResult {
  /** The output times. */
  t: Float64Array;
  /** Row-major nOut × n. */
  y: Float64Array;
  /** Subarray view of output row i (no copy). */
  at(i: number): Float64Array;
  stats: StiffStats;
}

/** Solver failure (step-size underflow, too many steps, non-finite state), with t and h in the message. */
export class OdeError extends Error {
  readonly t: number;
  readonly h: number;
  constructor(message: string, t = Number.NaN, h = Number.NaN) {
    super(message);
    this.name = "OdeError";
    this.t = t;
    this.h = h;
  }
}
