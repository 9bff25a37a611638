/**
 * Levenberg–Marquardt for (weighted) nonlinear least squares with box bounds and fixed parameters.
 *
 * Step: (JᵀWJ + μ·diag(JᵀWJ))·δ = JᵀW·r (Marquardt 1963 scaling), with Nielsen's damping update
 * (Madsen, Nielsen & Tingleff 2004, "Methods for non-linear least squares problems", §3.2).
 * Bounds: a trial point is projected onto the box; a parameter sitting on a bound whose gradient
 * points outward is held there for that step (a simple active-set rule).
 * Convergence: the relative-offset criterion of Bates & Watts (1981, Technometrics 23:179) that
 * R's nls uses: ‖Q₁ᵀr‖/√p ÷ ‖Q₂ᵀr‖/√(n−p) < tol. It is scale-free and says the Gauss–Newton
 * increment is negligible against the residual noise. Exact-fit data (zero residuals) and a
 * step that no longer changes anything also end the iteration, with the reason spelled out.
 * Covariance: Gauss–Newton, s²·(JᵀWJ)⁻¹ with s² = SSR/(n − p) over the free parameters — the
 * same as R's summary.nls and SciPy's curve_fit(absolute_sigma=False).
 *
 * The inner loop works in preallocated buffers and calls the model's analytic gradient.
 */

import { choleskyInPlace, choleskySolveInPlace, invertSpdInto, solveDamped4 } from "../linalg/cholesky.ts";
import type { CurveModel } from "./curve-model.ts";

/** Least-squares problem over observations i = 0..nObservations−1 (what the fitter needs). */
export interface LeastSquaresProblem {
  nObservations: number;
  nParameters: number;
  parameterNames: readonly string[];
  /** Observed responses. */
  y: Float64Array;
  /** Called before value/valueAndGradient whenever p has changed (e.g. to gather shared parameters). */
  prepare?(p: Float64Array): void;
  value(i: number, p: Float64Array): number;
  /** Prediction for observation i; ∂/∂p into grad (length nParameters). */
  valueAndGradient(i: number, p: Float64Array, grad: Float64Array): number;
  /**
   * Optional fast path for a whole sweep: Σ w_i·r_i² returned, JᵀWJ over ALL parameters into
   * `normal` (nParameters², row-major, both triangles) and JᵀW·r into `gradient`. Must equal what
   * the per-observation valueAndGradient loop would give; a problem with a fixed, small parameter
   * count (the 4PL) implements it unrolled, which is most of the fitter's time saved.
   */
  accumulateNormal?(p: Float64Array, w: Float64Array, normal: Float64Array, gradient: Float64Array): number;
}

export interface LmOptions {
  /** Lower bounds (−∞ where absent). */
  lower?: ArrayLike<number>;
  /** Upper bounds (+∞ where absent). */
  upper?: ArrayLike<number>;
  /** true = held at its starting value. */
  fixed?: ArrayLike<boolean>;
  /** Weights w_i of the weighted SSR Σ w_i·r_i² (e.g. 1/σ_i²). */
  weights?: ArrayLike<number>;
  /** Default 200. */
  maxIterations?: number;
  /** Relative-offset tolerance (R nls calls it `tol`; R's default is 1e-5). Default 1e-8. */
  tolerance?: number;
}

export type LmStopReason =
  | "relative offset below tolerance"
  | "exact fit (zero residuals)"
  | "no further reduction in SSR possible"
  | "maximum iterations reached"
  | "SSR stagnant over 10 iterations"
  | "step size below machine precision"
  | "model not finite at the starting values"
  | "no free parameters"
  | "more free parameters than observations";

export interface LmResult {
  parameterNames: readonly string[];
  params: Float64Array;
  /** Gauss–Newton standard errors; 0 for fixed parameters, NaN when the covariance is singular. */
  standardErrors: Float64Array;
  /** s²·(JᵀWJ)⁻¹, row-major n×n over all parameters (zero rows for fixed ones); null if singular. */
  covariance: Float64Array | null;
  /** Σ w_i·r_i² at the solution. */
  ssr: number;
  /** Residual degrees of freedom n − (number of free parameters). */
  df: number;
  /** Residual standard error √(SSR/df). */
  sigma: number;
  converged: boolean;
  /** Why the iteration stopped (also when it failed). */
  reason: LmStopReason;
  /** Bates–Watts relative offset at the solution (R's "Convergence tolerance achieved"). */
  relativeOffset: number;
  iterations: number;
  /** Number of model sweeps over the data. */
  evaluations: number;
  /** ∂f_i/∂p_k at the solution, row-major n_obs × n_params (unweighted). Computed on first use. */
  readonly jacobian: Float64Array;
  /** Computed on first use (most callers never look). */
  readonly fitted: Float64Array;
  /** y − fitted. Computed on first use. */
  readonly residuals: Float64Array;
  /** Which parameters ended on a bound. */
  atBound: boolean[];
}

const EPS = 2.220446049250313e-16;

/** Wraps a CurveModel and data (x, y) as a LeastSquaresProblem. */
export function curveProblem(model: CurveModel, x: Float64Array, y: Float64Array): LeastSquaresProblem {
  const n = model.parameterNames.length;
  const base = { nObservations: x.length, nParameters: n, parameterNames: model.parameterNames, y };
  if (model.valueAndGradient) return new AnalyticCurveProblem(model, x, y);
  const gr = model.gradient;
  if (gr) {
    return {
      ...base,
      value(i, p) {
        return model.value(x[i]!, p);
      },
      valueAndGradient(i, p, grad) {
        gr(x[i]!, p, grad);
        return model.value(x[i]!, p);
      },
    };
  }
  // Forward differences with a step of √ε relative to the parameter.
  const pStep = new Float64Array(n);
  return {
    ...base,
    value(i, p) {
      return model.value(x[i]!, p);
    },
    valueAndGradient(i, p, grad) {
      const f0 = model.value(x[i]!, p);
      pStep.set(p);
      for (let k = 0; k < n; k++) {
        const h = 1.4901161193847656e-8 * Math.max(Math.abs(p[k]!), 1e-3);
        pStep[k] = p[k]! + h;
        grad[k] = (model.value(x[i]!, pStep) - f0) / h;
        pStep[k] = p[k]!;
      }
      return f0;
    },
  };
}

/**
 * The common case as a class on purpose: its methods live on one prototype, so the fitter's call
 * sites stay monomorphic across fits and V8 inlines the model. Per-fit closures would be new
 * function objects every time and made those calls several times slower.
 */
class AnalyticCurveProblem implements LeastSquaresProblem {
  readonly nObservations: number;
  readonly nParameters: number;
  readonly parameterNames: readonly string[];
  private readonly evaluate: (x: number, p: Float64Array, out: Float64Array | null) => number;

  constructor(
    model: CurveModel,
    private readonly x: Float64Array,
    readonly y: Float64Array,
  ) {
    this.nObservations = x.length;
    this.nParameters = model.parameterNames.length;
    this.parameterNames = model.parameterNames;
    this.evaluate = model.valueAndGradient as (x: number, p: Float64Array, out: Float64Array | null) => number;
    this.value = (i, p) => model.value(x[i]!, p);
  }

  value: (i: number, p: Float64Array) => number;

  valueAndGradient(i: number, p: Float64Array, grad: Float64Array): number {
    return this.evaluate(this.x[i]!, p, grad);
  }
}

/** Fits `model` to (x, y) from p0. See the module comment for the algorithm. */
export function levenbergMarquardt(
  model: CurveModel,
  x: Float64Array,
  y: Float64Array,
  p0: Float64Array,
  options: LmOptions = {},
): LmResult {
  if (x.length !== y.length) throw new RangeError(`x has ${x.length} values but y has ${y.length}`);
  if (p0.length !== model.parameterNames.length) {
    throw new RangeError(`p0 has ${p0.length} values but ${model.name} has ${model.parameterNames.length} parameters`);
  }
  return solveLeastSquares(curveProblem(model, x, y), p0, options);
}

/** The fitter over any LeastSquaresProblem (used directly by global fits with shared parameters). */
export function solveLeastSquares(
  problem: LeastSquaresProblem,
  p0: ArrayLike<number>,
  options: LmOptions = {},
): LmResult {
  const nObs = problem.nObservations;
  const nPar = problem.nParameters;
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-8;
  let m = 0;
  for (let k = 0; k < nPar; k++) if (!options.fixed?.[k]) m++;
  const ws = acquireWorkspace(nObs, nPar, m);
  try {
    return solveInWorkspace(problem, p0, options, ws, maxIterations, tolerance);
  } finally {
    ws.busy = false;
  }
}

/** Scratch buffers of one fit, as views into one allocation (typed-array allocation is costly). */
interface Workspace {
  nObs: number;
  nPar: number;
  m: number;
  busy: boolean;
  lower: Float64Array;
  upper: Float64Array;
  w: Float64Array;
  p: Float64Array;
  trial: Float64Array;
  grad: Float64Array;
  normalA: Float64Array;
  normalB: Float64Array;
  work: Float64Array;
  rhsA: Float64Array;
  rhsB: Float64Array;
  step: Float64Array;
  scale: Float64Array;
  column: Float64Array;
  inverse: Float64Array;
  gradFree: Float64Array;
  /** JᵀWJ and JᵀW·r over all parameters, for problems with accumulateNormal and fixed parameters. */
  fullNormal: Float64Array;
  fullRhs: Float64Array;
  history: Float64Array;
  free: Int32Array;
  activeIdx: Int32Array;
}

let cachedWorkspace: Workspace | null = null;

/** The cached workspace when the sizes match and it is not in use (re-entrant calls get their own). */
function acquireWorkspace(nObs: number, nPar: number, m: number): Workspace {
  const c = cachedWorkspace;
  if (c !== null && !c.busy && c.nObs === nObs && c.nPar === nPar && c.m === m) {
    c.busy = true;
    return c;
  }
  const sizes = [
    nPar,
    nPar,
    nObs,
    nPar,
    nPar,
    nPar,
    m * m,
    m * m,
    m * m,
    m,
    m,
    m,
    m,
    m,
    m * m,
    m,
    nPar * nPar,
    nPar,
    10,
  ];
  const buffer = new Float64Array(sizes.reduce((a, b) => a + b, 0));
  let offset = 0;
  const take = (n: number): Float64Array => {
    const v = buffer.subarray(offset, offset + n);
    offset += n;
    return v;
  };
  const ints = new Int32Array(2 * m);
  const ws: Workspace = {
    nObs,
    nPar,
    m,
    busy: true,
    lower: take(nPar),
    upper: take(nPar),
    w: take(nObs),
    p: take(nPar),
    trial: take(nPar),
    grad: take(nPar),
    normalA: take(m * m),
    normalB: take(m * m),
    work: take(m * m),
    rhsA: take(m),
    rhsB: take(m),
    step: take(m),
    scale: take(m),
    column: take(m),
    inverse: take(m * m),
    gradFree: take(m),
    fullNormal: take(nPar * nPar),
    fullRhs: take(nPar),
    history: take(10),
    free: ints.subarray(0, m),
    activeIdx: ints.subarray(m, 2 * m),
  };
  if (!cachedWorkspace?.busy) cachedWorkspace = ws;
  return ws;
}

function solveInWorkspace(
  problem: LeastSquaresProblem,
  p0: ArrayLike<number>,
  options: LmOptions,
  ws: Workspace,
  maxIterations: number,
  tolerance: number,
): LmResult {
  const nObs = problem.nObservations;
  const nPar = problem.nParameters;
  const y = problem.y;
  const { lower, upper, w, p, trial, work, step, free, activeIdx } = ws;
  // Plain loops: TypedArray.fill on these few elements costs more than the loop.
  const lo = options.lower;
  const hi = options.upper;
  for (let k = 0; k < nPar; k++) {
    lower[k] = lo?.[k] ?? Number.NEGATIVE_INFINITY;
    upper[k] = hi?.[k] ?? Number.POSITIVE_INFINITY;
  }
  const weights = options.weights;
  for (let i = 0; i < nObs; i++) w[i] = weights === undefined ? 1 : weights[i]!;
  let m = 0;
  for (let k = 0; k < nPar; k++) if (!options.fixed?.[k]) free[m++] = k;
  for (let k = 0; k < nPar; k++) p[k] = Math.min(upper[k]!, Math.max(lower[k]!, p0[k]!));
  let normal = ws.normalA; // JᵀWJ over free parameters
  let rhs = ws.rhsA; // JᵀW·r
  let normalTrial = ws.normalB;
  let rhsTrial = ws.rhsB;

  let evaluations = 1;
  let ssr = m > 0 ? sweepNormal(problem, ws, m, p, normal, rhs) : sweepSsr(problem, w, p);
  let reason: LmStopReason | null = null;
  let converged = false;
  let iterations = 0;
  let relativeOffset = Number.NaN;
  const ssrHistory = ws.history;
  for (let h = 0; h < 10; h++) ssrHistory[h] = Number.POSITIVE_INFINITY;
  if (m === 0) reason = "no free parameters";
  else if (nObs < m) reason = "more free parameters than observations";
  else if (!Number.isFinite(ssr) || !allFinite(rhs, m) || !allFinite(normal, m * m)) {
    reason = "model not finite at the starting values";
  }

  let maxDiag = 0;
  for (let a = 0; a < m; a++) maxDiag = Math.max(maxDiag, normal[a * m + a]!);
  // Light initial damping: the data-driven starts are usually close (fewer iterations than τ = 1e-3).
  let mu = 1e-5 * (maxDiag > 0 ? maxDiag : 1);
  let nu = 2;
  let yScale = 0;
  for (let i = 0; i < nObs; i++) yScale += w[i]! * y[i]! * y[i]!;

  while (reason === null) {
    // Active set: free parameters not pinned against a bound by the descent direction.
    let na = 0;
    for (let a = 0; a < m; a++) {
      const k = free[a]!;
      const pinned = (p[k]! <= lower[k]! && rhs[a]! < 0) || (p[k]! >= upper[k]! && rhs[a]! > 0);
      if (!pinned) activeIdx[na++] = a;
    }
    relativeOffset = gaussNewtonOffset(normal, rhs, m, activeIdx, na, work, step, ssr, nObs);
    if (ssr <= 1e-28 * Math.max(yScale, Number.MIN_VALUE)) {
      reason = "exact fit (zero residuals)";
      converged = true;
      break;
    }
    if (relativeOffset < tolerance) {
      reason = "relative offset below tolerance";
      converged = true;
      break;
    }
    // A parameter running off to infinity (e.g. a Hill slope turning the curve into a step
    // between two doses) lowers the SSR ever more slowly; stop instead of burning iterations.
    const ssrBefore = ssrHistory[iterations % 10]!;
    ssrHistory[iterations % 10] = ssr;
    if (iterations >= 20 && ssrBefore - ssr <= 1e-12 * ssr) {
      reason = "SSR stagnant over 10 iterations";
      if (relativeOffset < 1e-5) converged = true;
      break;
    }
    if (iterations >= maxIterations) {
      reason = "maximum iterations reached";
      break;
    }
    iterations++;

    let accepted = false;
    while (!accepted) {
      if (dampedStep(normal, rhs, m, activeIdx, na, mu, 1e-12 * maxDiag, work, step)) {
        for (let k = 0; k < nPar; k++) trial[k] = p[k]!;
        let moved = false;
        for (let a = 0; a < na; a++) {
          const k = free[activeIdx[a]!]!;
          const v = Math.min(upper[k]!, Math.max(lower[k]!, p[k]! + step[a]!));
          trial[k] = v;
          step[a] = v - p[k]!; // the step actually taken after projection
          if (Math.abs(step[a]!) > EPS * (Math.abs(p[k]!) + EPS)) moved = true;
        }
        if (!moved) {
          reason = "step size below machine precision";
          break;
        }
        const ssrTrial = sweepNormal(problem, ws, m, trial, normalTrial, rhsTrial);
        evaluations++;
        // Predicted reduction of the local quadratic model: 2δᵀg − δᵀAδ.
        let predicted = 0;
        if (na === m) {
          // Nothing pinned: the active set is 0..m−1 (same sums, no index lookups).
          for (let a = 0; a < m; a++) {
            let ad = 0;
            for (let b = 0; b < m; b++) ad += normal[a * m + b]! * step[b]!;
            predicted += step[a]! * (2 * rhs[a]! - ad);
          }
        } else {
          for (let a = 0; a < na; a++) {
            const ia = activeIdx[a]!;
            let ad = 0;
            for (let b = 0; b < na; b++) ad += normal[ia * m + activeIdx[b]!]! * step[b]!;
            predicted += step[a]! * (2 * rhs[ia]! - ad);
          }
        }
        const rho = (ssr - ssrTrial) / predicted;
        if (Number.isFinite(ssrTrial) && ssrTrial < ssr && rho > 0) {
          accepted = true;
          for (let k = 0; k < nPar; k++) p[k] = trial[k]!;
          ssr = ssrTrial;
          const swapNormal = normal;
          normal = normalTrial;
          normalTrial = swapNormal;
          const swapRhs = rhs;
          rhs = rhsTrial;
          rhsTrial = swapRhs;
          mu *= Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
          nu = 2;
          break;
        }
      }
      mu *= nu;
      nu *= 2;
      if (!(mu < 1e30 * Math.max(maxDiag, 1))) {
        reason = "no further reduction in SSR possible";
        break;
      }
    }
    if (reason !== null && !accepted) {
      // Stalled at a point no step improves: a minimum to machine precision if the Gauss–Newton
      // increment is already small against the noise (R's default tolerance 1e-5), else a failure.
      if (relativeOffset < 1e-5) converged = true;
    }
  }

  return finish(problem, ws, options.fixed, ssr, m, normal, {
    converged,
    reason: reason ?? "maximum iterations reached",
    iterations,
    evaluations,
    relativeOffset,
  });
}

function allFinite(v: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}

function sweepSsr(problem: LeastSquaresProblem, w: Float64Array, q: Float64Array): number {
  problem.prepare?.(q);
  const y = problem.y;
  let s = 0;
  for (let i = 0; i < problem.nObservations; i++) {
    const r = y[i]! - problem.value(i, q);
    s += w[i]! * r * r;
  }
  return s;
}

/**
 * One pass over the data for SSR, JᵀWJ (into nrm) and JᵀWr (into g). Trial points are swept this
 * way too, so that an accepted step needs no second pass.
 */
function sweepNormal(
  problem: LeastSquaresProblem,
  ws: Workspace,
  m: number,
  q: Float64Array,
  nrm: Float64Array,
  g: Float64Array,
): number {
  const { grad, gradFree, free, w } = ws;
  const y = problem.y;
  problem.prepare?.(q);
  if (problem.accumulateNormal !== undefined) {
    const nPar = problem.nParameters;
    if (m === nPar) return problem.accumulateNormal(q, w, nrm, g);
    // Fixed parameters: accumulate over all, keep the free rows and columns.
    const { fullNormal, fullRhs } = ws;
    const s = problem.accumulateNormal(q, w, fullNormal, fullRhs);
    for (let a = 0; a < m; a++) {
      const ka = free[a]!;
      g[a] = fullRhs[ka]!;
      for (let b = 0; b < m; b++) nrm[a * m + b] = fullNormal[ka * nPar + free[b]!]!;
    }
    return s;
  }
  nrm.fill(0);
  g.fill(0);
  let s = 0;
  for (let i = 0; i < problem.nObservations; i++) {
    const r = y[i]! - problem.valueAndGradient(i, q, grad);
    const wi = w[i]!;
    s += wi * r * r;
    for (let a = 0; a < m; a++) gradFree[a] = grad[free[a]!]!;
    for (let a = 0; a < m; a++) {
      const ga = wi * gradFree[a]!;
      g[a] = g[a]! + ga * r;
      const row = a * m;
      for (let b = 0; b <= a; b++) nrm[row + b] = nrm[row + b]! + ga * gradFree[b]!;
    }
  }
  for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) nrm[b * m + a] = nrm[a * m + b]!;
  return s;
}

/**
 * The step over the active set: (A + μ·diag(max(A_kk, floor)))·δ = g with A, g the active rows
 * and columns of the normal equations; false when not positive definite. Four free parameters,
 * none pinned — every unconstrained 4PL fit — take the unrolled solver (same arithmetic).
 */
function dampedStep(
  normal: Float64Array,
  rhs: Float64Array,
  m: number,
  activeIdx: Int32Array,
  na: number,
  mu: number,
  floor: number,
  work: Float64Array,
  step: Float64Array,
): boolean {
  if (na === 4 && m === 4) return solveDamped4(normal, rhs, mu, floor, step);
  for (let a = 0; a < na; a++) {
    const ia = activeIdx[a]!;
    for (let b = 0; b < na; b++) work[a * na + b] = normal[ia * m + activeIdx[b]!]!;
    const d = normal[ia * m + ia]!;
    work[a * na + a] = mu === 0 ? d : d + mu * Math.max(d, floor);
    step[a] = rhs[ia]!;
  }
  if (!choleskyInPlace(work, na)) return false;
  choleskySolveInPlace(work, na, step);
  return true;
}

/** Bates–Watts relative offset from the normal equations restricted to the active set. */
function gaussNewtonOffset(
  normal: Float64Array,
  rhs: Float64Array,
  m: number,
  activeIdx: Int32Array,
  na: number,
  work: Float64Array,
  step: Float64Array,
  ssr: number,
  nObs: number,
): number {
  if (na === 0) return 0;
  if (!dampedStep(normal, rhs, m, activeIdx, na, 0, 0, work, step)) return Number.POSITIVE_INFINITY;
  // ‖Q₁ᵀr‖² = gᵀ(JᵀJ)⁻¹g: the part of the residual the parameters could still explain.
  let explained = 0;
  for (let a = 0; a < na; a++) explained += rhs[activeIdx[a]!]! * step[a]!;
  const dfResidual = nObs - na;
  if (dfResidual <= 0) return explained > 0 ? Number.POSITIVE_INFINITY : 0;
  const unexplained = Math.max(ssr - explained, 0);
  if (unexplained === 0) return explained === 0 ? 0 : Number.POSITIVE_INFINITY;
  return Math.sqrt(explained / na) / Math.sqrt(unexplained / dfResidual);
}

function finish(
  problem: LeastSquaresProblem,
  ws: Workspace,
  fixed: ArrayLike<boolean> | undefined,
  ssr: number,
  m: number,
  normal: Float64Array,
  status: Pick<LmResult, "converged" | "reason" | "iterations" | "evaluations" | "relativeOffset">,
): LmResult {
  const { p, lower, upper, free } = ws;
  const nObs = problem.nObservations;
  const nPar = problem.nParameters;
  // The result arrays are views into one allocation (each typed-array allocation is costly);
  // `at` is a private copy of the solution for the values computed on first use.
  const buffer = new Float64Array(3 * nPar + nPar * nPar);
  const params = buffer.subarray(0, nPar);
  const standardErrors = buffer.subarray(nPar, 2 * nPar);
  const at = buffer.subarray(2 * nPar, 3 * nPar);
  const covarianceView = buffer.subarray(3 * nPar);
  for (let k = 0; k < nPar; k++) {
    params[k] = p[k]!;
    at[k] = p[k]!;
  }
  const df = nObs - m;
  const s2 = df > 0 ? ssr / df : Number.NaN;
  // `normal` is JᵀWJ over the free parameters at p already: the sweep that accepted p built it.
  const inv = ws.inverse;
  const invertible = m > 0 && df > 0 && invertSpdInto(normal, m, inv, ws.scale, ws.work, ws.column);
  let covariance: Float64Array | null = null;
  if (invertible) {
    covariance = covarianceView;
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) covariance[free[a]! * nPar + free[b]!] = inv[a * m + b]! * s2;
    }
    for (let k = 0; k < nPar; k++) standardErrors[k] = Math.sqrt(covariance[k * nPar + k]!);
  } else {
    for (let a = 0; a < m; a++) standardErrors[free[a]!] = Number.NaN;
  }
  const atBound: boolean[] = [];
  for (let k = 0; k < nPar; k++) atBound.push(!fixed?.[k] && (p[k]! <= lower[k]! || p[k]! >= upper[k]!));
  return new LmSolution(problem, at, {
    parameterNames: problem.parameterNames,
    params,
    standardErrors,
    covariance,
    ssr,
    df,
    sigma: Math.sqrt(s2),
    converged: status.converged,
    reason: status.reason,
    relativeOffset: status.relativeOffset,
    iterations: status.iterations,
    evaluations: status.evaluations,
    atBound,
  });
}

export type LmSummary = Omit<LmResult, "jacobian" | "fitted" | "residuals">;

/**
 * LmResult whose per-observation arrays (Jacobian, fitted values, residuals) are computed from
 * the problem at the solution on first use: a dose–response fit reports none of them, and one
 * more pass over the data with its exponentials was a tenth of such a fit.
 */
export class LmSolution implements LmResult {
  readonly parameterNames: readonly string[];
  readonly params: Float64Array;
  readonly standardErrors: Float64Array;
  readonly covariance: Float64Array | null;
  readonly ssr: number;
  readonly df: number;
  readonly sigma: number;
  readonly converged: boolean;
  readonly reason: LmStopReason;
  readonly relativeOffset: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly atBound: boolean[];
  private perObservation: { jacobian: Float64Array; fitted: Float64Array; residuals: Float64Array } | null = null;

  constructor(
    private readonly problem: LeastSquaresProblem,
    private readonly at: Float64Array,
    summary: LmSummary,
  ) {
    this.parameterNames = summary.parameterNames;
    this.params = summary.params;
    this.standardErrors = summary.standardErrors;
    this.covariance = summary.covariance;
    this.ssr = summary.ssr;
    this.df = summary.df;
    this.sigma = summary.sigma;
    this.converged = summary.converged;
    this.reason = summary.reason;
    this.relativeOffset = summary.relativeOffset;
    this.iterations = summary.iterations;
    this.evaluations = summary.evaluations;
    this.atBound = summary.atBound;
  }

  get jacobian(): Float64Array {
    return this.evaluate().jacobian;
  }

  get fitted(): Float64Array {
    return this.evaluate().fitted;
  }

  get residuals(): Float64Array {
    return this.evaluate().residuals;
  }

  private evaluate(): { jacobian: Float64Array; fitted: Float64Array; residuals: Float64Array } {
    if (this.perObservation !== null) return this.perObservation;
    const problem = this.problem;
    const nObs = problem.nObservations;
    const nPar = problem.nParameters;
    const jacobian = new Float64Array(nObs * nPar);
    const fitted = new Float64Array(nObs);
    const residuals = new Float64Array(nObs);
    const grad = new Float64Array(nPar);
    problem.prepare?.(this.at);
    for (let i = 0; i < nObs; i++) {
      fitted[i] = problem.valueAndGradient(i, this.at, grad);
      residuals[i] = problem.y[i]! - fitted[i]!;
      for (let k = 0; k < nPar; k++) jacobian[i * nPar + k] = grad[k]!;
    }
    this.perObservation = { jacobian, fitted, residuals };
    return this.perObservation;
  }
}
