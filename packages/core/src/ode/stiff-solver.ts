/**
 * Adaptive Rodas5 Rosenbrock solver for stiff systems (10–100 states), pure TypeScript over
 * Float64Array. One Jacobian and one LU decomposition of W = I/(hγ) − J per step attempt, no Newton
 * iterations; after a rejected step only W is refactored (J and ∂f/∂t at the same point are reused).
 * Every work array is allocated once in `createStiffSolver(n)`; the step loop allocates nothing.
 *
 * Error control: the embedded 4th-order solution gives err = ‖k₈ / (atol + rtol·max(|y₀|,|y₁|))‖_RMS.
 * Step size: Gustafsson's predictive controller as in Hairer & Wanner's RODAS code (Solving ODEs II,
 * §IV.8, eq. (8.21)), with exponent 1/5, safety 0.9 and 0.2 ≤ h_new/h ≤ 6.
 */
import { InputError } from "../errors/input-error.ts";
import { luFactor, luSolve } from "../linalg/lu.ts";
import { RODAS5_A, RODAS5_C, RODAS5_CT, RODAS5_D, RODAS5_GAMMA, RODAS5_H, RODAS5_STAGES } from "./rodas5-tableau.ts";
import { OdeError, type OdeSystem, type StiffOptions, type StiffResult, type StiffStats } from "./types.ts";

// Local copies: hot loops then read module constants, not (transpiled) live import bindings.
const A = RODAS5_A;
const C = RODAS5_C;
const CT = RODAS5_CT;
const D = RODAS5_D;
const GAMMA = RODAS5_GAMMA;
const H = RODAS5_H;
const S = RODAS5_STAGES;
const factorLU = luFactor;
const solveLU = luSolve;

const SAFETY = 0.9;
const FAC_MIN = 0.2;
const FAC_MAX = 6;
const ERR_EXPONENT = 1 / 5; // 1/(q+1) with q = 4, the order of the embedded solution
const UROUND = 2.220446049250313e-16;
const SQRT_UROUND = Math.sqrt(UROUND);
/** Consecutive failed attempts (non-finite stages or singular W) before giving up at one point. */
const MAX_CONSECUTIVE_FAILURES = 40;

export interface StiffSolver {
  readonly n: number;
  /** Same contract as `solveStiff`; reuses this solver's work arrays (only the result is allocated). */
  solve(sys: OdeSystem, y0: ArrayLike<number>, t0: number, tEnd: number, opts?: StiffOptions): StiffResult;
}

/** Solves a stiff system dy/dt = f(t, y) from t0 to tEnd with Rodas5 (see README.md). */
export function solveStiff(
  sys: OdeSystem,
  y0: ArrayLike<number>,
  t0: number,
  tEnd: number,
  opts: StiffOptions = {},
): StiffResult {
  return createStiffSolver(sys.n).solve(sys, y0, t0, tEnd, opts);
}

/** A solver for systems of size n whose work arrays are reused across `solve` calls. */
export function createStiffSolver(n: number): StiffSolver {
  if (!Number.isInteger(n) || n < 1) {
    throw new InputError("the ODE system size must be a positive integer", { field: "n", got: n });
  }
  const y = new Float64Array(n); // state at the current time t
  const yNew = new Float64Array(n);
  const f0 = new Float64Array(n); // f(t, y)
  const f1 = new Float64Array(n); // f(t + h, y₁), checked before a step is accepted
  const dfdt = new Float64Array(n); // ∂f/∂t at (t, y)
  const u = new Float64Array(n); // stage argument
  const fu = new Float64Array(n); // stage rhs / FD Jacobian column
  const k = Array.from({ length: S }, () => new Float64Array(n));
  const jac = new Float64Array(n * n);
  const w = new Float64Array(n * n);
  const pivot = new Int32Array(n);
  const atolV = new Float64Array(n);
  const dense = [new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;

  function solve(
    sys: OdeSystem,
    y0In: ArrayLike<number>,
    t0: number,
    tEnd: number,
    opts: StiffOptions = {},
  ): StiffResult {
    if (sys.n !== n) {
      throw new InputError(`this solver was created for ${n} states but the system has ${sys.n}`, { field: "n" });
    }
    const rtol = opts.rtol ?? 1e-6;
    const atolOpt = opts.atol ?? 1e-10;
    validateScalars(y0In, n, t0, tEnd, rtol, atolOpt, opts);
    if (typeof atolOpt === "number") atolV.fill(atolOpt);
    else atolV.set(atolOpt);

    const tOut = opts.tOut === undefined ? Float64Array.of(t0, tEnd) : Float64Array.from(opts.tOut);
    validateTimes(tOut, t0, tEnd, "tOut");
    const stops = collectStops(opts.tStops, t0, tEnd);
    const nOut = tOut.length;
    const yOut = new Float64Array(nOut * n);
    const stats: StiffStats = { steps: 0, accepted: 0, rejected: 0, rhsEvals: 0, jacEvals: 0, luDecomps: 0 };
    const maxSteps = opts.maxSteps ?? 100_000;
    const span = tEnd - t0;
    const hMax = Math.min(opts.hMax ?? span, span);
    if (!(hMax > 0) && span > 0) throw new InputError("hMax must be positive", { field: "hMax", got: opts.hMax });
    const autonomous = sys.autonomous === true;

    for (let i = 0; i < n; i++) y[i] = y0In[i]!;
    let t = t0;
    let iOut = 0;
    while (iOut < nOut && tOut[iOut]! <= t0) yOut.set(y, n * iOut++);

    let h = opts.h0 ?? Number.NaN;
    let hPrevAcc = 0; // size of the previous accepted step (Gustafsson controller)
    let errPrevAcc = 0;

    for (let seg = 0; seg < stops.length && span > 0; seg++) {
      const tSegEnd = stops[seg]!;
      // A (re)start: f at the segment's first point; the controller history is cleared.
      evalRhs(sys, t, y, f0, stats);
      assertFinite(f0, t, h, "the right-hand side at the start of the integration segment");
      if (!(h > 0)) h = initialStep(sys, t, tSegEnd, rtol, stats);
      h = Math.min(h, hMax);
      hPrevAcc = 0;
      let firstStep = true;
      let needJacobian = true;
      let lastRejected = false;
      let failures = 0;

      while (t < tSegEnd) {
        if (stats.steps >= maxSteps) {
          throw new OdeError(
            `ODE solver: maximum number of steps (${maxSteps}) reached at t=${fmt(t)} with h=${fmt(h)} before tEnd=${fmt(tEnd)}; raise maxSteps or loosen rtol/atol`,
            t,
            h,
          );
        }
        // Land exactly on the segment end; avoid a sliver of a last step.
        let landing = false;
        if (t + 1.0001 * h >= tSegEnd) {
          h = tSegEnd - t;
          landing = true;
        }
        if (h < 16 * UROUND * Math.max(Math.abs(t), 1e-300) || h <= 0) {
          throw new OdeError(
            `ODE solver: step size underflow at t=${fmt(t)} (h=${fmt(h)})${failures > 0 ? "; the last attempts gave non-finite values (NaN or Infinity) or a singular iteration matrix" : ""}`,
            t,
            h,
          );
        }
        if (needJacobian) {
          computeJacobian(sys, t, stats);
          if (!autonomous) computeTimeDerivative(sys, t, tSegEnd, stats);
          needJacobian = false;
        }
        stats.steps++;
        // Stages at t + h of a step that lands on a stop are evaluated just before it (the largest
        // double below the stop), so a right-continuous piecewise rhs (`t < tStop ? a : b`) is seen
        // from the left in this segment and from the right in the next.
        const ok = attemptStep(sys, t, h, autonomous, stats, landing ? prevDouble(tSegEnd) : Number.POSITIVE_INFINITY);
        let err = Number.NaN;
        if (ok) err = errorNorm(rtol);
        // The step's end point must also have a finite rhs (it is the next step's f0); landing steps
        // are exempt because the next segment re-evaluates f after onStop.
        const tNew = landing ? tSegEnd : t + h;
        if (Number.isFinite(err) && err <= 1 && !landing) {
          evalRhs(sys, tNew, yNew, f1, stats);
          if (!allFinite(f1)) err = Number.NaN;
        }
        if (!Number.isFinite(err)) {
          // Non-finite stage values, a non-finite rhs at the end point or a singular W: shrink hard
          // and retry from the same point.
          stats.rejected++;
          failures++;
          if (failures > MAX_CONSECUTIVE_FAILURES) {
            throw new OdeError(
              `ODE solver: ${failures} consecutive step attempts gave non-finite values (NaN or Infinity) at t=${fmt(t)} (last h=${fmt(h)}); check the right-hand side`,
              t,
              h,
            );
          }
          h *= 0.25;
          lastRejected = true;
          continue;
        }
        failures = 0;
        let ratio = err === 0 ? FAC_MAX : SAFETY * err ** -ERR_EXPONENT;
        if (err <= 1) {
          // Accept.
          if (hPrevAcc > 0) {
            const predictive = SAFETY * (h / hPrevAcc) * (errPrevAcc / (err * err)) ** ERR_EXPONENT;
            if (predictive < ratio) ratio = predictive;
          }
          ratio = Math.min(FAC_MAX, Math.max(FAC_MIN, ratio));
          if (lastRejected && ratio > 1) ratio = 1;
          hPrevAcc = h;
          errPrevAcc = Math.max(1e-2, err);
          // Outputs inside (t, tNew]: the method's dense output, or y₁ itself at tNew.
          if (iOut < nOut && tOut[iOut]! <= tNew) {
            let denseReady = false;
            while (iOut < nOut && tOut[iOut]! <= tNew) {
              const to = tOut[iOut]!;
              if (to === tNew) yOut.set(yNew, n * iOut);
              else {
                if (!denseReady) {
                  prepareDense();
                  denseReady = true;
                }
                writeDense((to - t) / h, yOut, n * iOut);
              }
              iOut++;
            }
          }
          y.set(yNew);
          t = tNew;
          stats.accepted++;
          firstStep = false;
          lastRejected = false;
          h = Math.min(hMax, h * ratio);
          if (landing && t >= tSegEnd) {
            // Keep the controller's proposal from the truncated step as the next segment's first try.
            break;
          }
          f0.set(f1);
          needJacobian = true;
        } else {
          stats.rejected++;
          ratio = firstStep ? 0.1 : Math.max(FAC_MIN, ratio);
          h *= ratio;
          lastRejected = true;
        }
      }
      if (seg < stops.length - 1 && opts.onStop) {
        opts.onStop(t, y);
        for (let i = 0; i < n; i++) {
          if (!Number.isFinite(y[i]!)) {
            throw new OdeError(`ODE solver: onStop set state ${i} to ${y[i]} at t=${fmt(t)}`, t, h);
          }
        }
      }
    }
    // Outputs at tEnd when span is zero (t0 === tEnd) were written above; anything left is at tEnd.
    while (iOut < nOut) yOut.set(y, n * iOut++);

    return {
      t: tOut,
      y: yOut,
      at: (i: number) => {
        if (!Number.isInteger(i) || i < 0 || i >= nOut) {
          throw new RangeError(`output row ${i} out of range 0..${nOut - 1}`);
        }
        return yOut.subarray(i * n, (i + 1) * n);
      },
      stats,
    };
  }

  /** One Rodas5 step from (t, y) with size h into yNew and k; false if W is singular or a stage is non-finite. */
  function attemptStep(
    sys: OdeSystem,
    t: number,
    h: number,
    autonomous: boolean,
    stats: StiffStats,
    tStageMax: number,
  ): boolean {
    const diag = 1 / (h * GAMMA);
    for (let i = 0; i < n * n; i++) w[i] = -jac[i]!;
    for (let i = 0; i < n; i++) w[i * n + i]! += diag;
    stats.luDecomps++;
    if (!factorLU(w, n, pivot)) return false;
    const invH = 1 / h;
    for (let s = 0; s < S; s++) {
      const ks = k[s]!;
      const row = s * S;
      if (s === 0) {
        ks.set(f0);
      } else {
        if (s < 6) {
          // u = y + Σ_{j<s} a_sj k_j (j outer: contiguous inner loops).
          u.set(y);
          for (let j = 0; j < s; j++) {
            const a = A[row + j]!;
            const kj = k[j]!;
            for (let i = 0; i < n; i++) u[i]! += a * kj[i]!;
          }
        } else {
          // Stiffly accurate tail: u_7 = u_6 + k_6, u_8 = u_7 + k_7 (u still holds the previous argument).
          const kPrev = k[s - 1]!;
          for (let i = 0; i < n; i++) u[i]! += kPrev[i]!;
        }
        evalRhs(sys, Math.min(t + CT[s]! * h, tStageMax), u, ks, stats);
      }
      // ks = f(u) + Σ (C_sj/h) k_j + h d_s ∂f/∂t, then solve W ks = that.
      for (let j = 0; j < s; j++) {
        const c = C[row + j]! * invH;
        const kj = k[j]!;
        for (let i = 0; i < n; i++) ks[i]! += c * kj[i]!;
      }
      const d = D[s]!;
      if (!autonomous && d !== 0) {
        const hd = h * d;
        for (let i = 0; i < n; i++) ks[i]! += hd * dfdt[i]!;
      }
      solveLU(w, n, pivot, ks);
    }
    // y₁ = ŷ + k₈ with ŷ = u₈ (the embedded solution, still in u).
    const k8 = k[S - 1]!;
    for (let i = 0; i < n; i++) yNew[i] = u[i]! + k8[i]!;
    return true;
  }

  /** RMS norm of the error estimate k₈ scaled by atol + rtol·max(|y|, |yNew|); NaN if anything is non-finite. */
  function errorNorm(rtol: number): number {
    const e = k[S - 1]!;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const yi = yNew[i]!;
      if (!Number.isFinite(yi)) return Number.NaN;
      const sc = atolV[i]! + rtol * Math.max(Math.abs(y[i]!), Math.abs(yi));
      const r = e[i]! / sc;
      sum += r * r;
    }
    return Math.sqrt(sum / n);
  }

  function computeJacobian(sys: OdeSystem, t: number, stats: StiffStats): void {
    stats.jacEvals++;
    if (sys.jacobian) {
      sys.jacobian(t, y, jac);
      return;
    }
    // Forward differences, one column at a time, with the increment √u·max(|y_j|, atol_j): relative to
    // the state, floored at the size the user still cares about. RADAU5's √(u·max(1e-5, |y_j|)) is far
    // too large for tiny components (ROBER's y2 ≈ 1e-13); a Rosenbrock method needs J accurately, and
    // with that increment ROBER took 50× more steps and lost 5 digits (measured; see README.md).
    for (let j = 0; j < n; j++) {
      const yj = y[j]!;
      const scale = Math.max(Math.abs(yj), atolV[j]!);
      const delta = SQRT_UROUND * (scale > 0 ? scale : 1e-5);
      y[j] = yj + delta;
      const dj = y[j]! - yj; // the increment actually representable
      evalRhs(sys, t, y, fu, stats);
      y[j] = yj;
      const inv = 1 / dj;
      for (let i = 0; i < n; i++) jac[i * n + j] = (fu[i]! - f0[i]!) * inv;
    }
  }

  function computeTimeDerivative(sys: OdeSystem, t: number, tSegEnd: number, stats: StiffStats): void {
    if (sys.timeDerivative) {
      sys.timeDerivative(t, y, dfdt);
      return;
    }
    const delta = SQRT_UROUND * Math.max(1e-5, Math.abs(t));
    // Forward difference, backward when the forward probe would cross the segment's stop.
    const tt = t + delta < tSegEnd ? t + delta : t - delta;
    evalRhs(sys, tt, y, fu, stats);
    const inv = 1 / (tt - t);
    for (let i = 0; i < n; i++) dfdt[i] = (fu[i]! - f0[i]!) * inv;
  }

  function prepareDense(): void {
    for (let r = 0; r < 3; r++) {
      const out = dense[r]!;
      out.fill(0);
      for (let j = 0; j < S; j++) {
        const c = H[r * S + j]!;
        const kj = k[j]!;
        for (let i = 0; i < n; i++) out[i]! += c * kj[i]!;
      }
    }
  }

  function writeDense(theta: number, out: Float64Array, offset: number): void {
    const t1 = 1 - theta;
    const [d0, d1, d2] = dense;
    for (let i = 0; i < n; i++) {
      out[offset + i] = t1 * y[i]! + theta * (yNew[i]! + t1 * (d0[i]! + theta * (d1[i]! + theta * d2[i]!)));
    }
  }

  /** Hairer & Wanner's starting step (Solving ODEs I, §II.4): an explicit Euler probe of the curvature. */
  function initialStep(sys: OdeSystem, t: number, tSegEnd: number, rtol: number, stats: StiffStats): number {
    let d0 = 0;
    let d1 = 0;
    for (let i = 0; i < n; i++) {
      const sc = atolV[i]! + rtol * Math.abs(y[i]!);
      d0 += (y[i]! / sc) ** 2;
      d1 += (f0[i]! / sc) ** 2;
    }
    d0 = Math.sqrt(d0 / n);
    d1 = Math.sqrt(d1 / n);
    const span = tSegEnd - t;
    let h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : (0.01 * d0) / d1;
    h0 = Math.min(h0, span);
    for (let i = 0; i < n; i++) u[i] = y[i]! + h0 * f0[i]!;
    evalRhs(sys, t + h0, u, fu, stats);
    let d2 = 0;
    for (let i = 0; i < n; i++) {
      const sc = atolV[i]! + rtol * Math.abs(y[i]!);
      d2 += ((fu[i]! - f0[i]!) / sc) ** 2;
    }
    d2 = Math.sqrt(d2 / n) / h0;
    const dm = Math.max(d1, d2);
    const h1 = dm <= 1e-15 || !Number.isFinite(dm) ? Math.max(1e-6, h0 * 1e-3) : (0.01 / dm) ** (1 / 5);
    const h = Math.min(100 * h0, h1, span);
    return h > 0 ? h : span;
  }

  return { n, solve };
}

function evalRhs(sys: OdeSystem, t: number, y: Float64Array, out: Float64Array, stats: StiffStats): void {
  stats.rhsEvals++;
  sys.rhs(t, y, out);
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}

function assertFinite(v: Float64Array, t: number, h: number, what: string): void {
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i]!)) {
      const step = Number.isFinite(h) ? `h=${fmt(h)}` : "h not yet chosen";
      throw new OdeError(`ODE solver: ${what} is non-finite (component ${i} = ${v[i]}) at t=${fmt(t)} (${step})`, t, h);
    }
  }
}

const scratchDouble = new Float64Array(1);
const scratchBits = new BigInt64Array(scratchDouble.buffer);

/** The largest double below a finite x (through its bit pattern; allocation-free). */
function prevDouble(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  scratchDouble[0] = x;
  scratchBits[0] = scratchBits[0]! + (x > 0 ? -1n : 1n);
  return scratchDouble[0]!;
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(6) : String(x);
}

function validateScalars(
  y0: ArrayLike<number>,
  n: number,
  t0: number,
  tEnd: number,
  rtol: number,
  atol: number | Float64Array,
  opts: StiffOptions,
): void {
  if (y0.length !== n) {
    throw new InputError(`y0 has ${y0.length} values but the system has ${n} states`, { field: "y0" });
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y0[i]!)) {
      throw new InputError(`y0[${i}] is not a finite number`, { field: "y0", expected: "finite numbers", got: y0[i] });
    }
  }
  if (!Number.isFinite(t0) || !Number.isFinite(tEnd) || tEnd < t0) {
    throw new InputError("the time span must be finite with tEnd ≥ t0", {
      field: "tEnd",
      expected: `a finite number ≥ t0 = ${t0}`,
      got: tEnd,
    });
  }
  if (!(rtol > 0) || !Number.isFinite(rtol)) {
    throw new InputError("rtol must be a positive number", { field: "rtol", got: rtol });
  }
  if (typeof atol === "number") {
    if (!(atol >= 0) || !Number.isFinite(atol)) {
      throw new InputError("atol must be a non-negative number", { field: "atol", got: atol });
    }
  } else {
    if (atol.length !== n) {
      throw new InputError(`atol has ${atol.length} values but the system has ${n} states`, { field: "atol" });
    }
    for (let i = 0; i < n; i++) {
      if (!(atol[i]! >= 0) || !Number.isFinite(atol[i]!)) {
        throw new InputError(`atol[${i}] must be a non-negative number`, { field: "atol", got: atol[i] });
      }
    }
  }
  if (opts.h0 !== undefined && !(opts.h0 > 0))
    throw new InputError("h0 must be positive", { field: "h0", got: opts.h0 });
  if (opts.maxSteps !== undefined && !(opts.maxSteps >= 1)) {
    throw new InputError("maxSteps must be at least 1", { field: "maxSteps", got: opts.maxSteps });
  }
}

function validateTimes(times: Float64Array, t0: number, tEnd: number, field: string): void {
  for (let i = 0; i < times.length; i++) {
    const ti = times[i]!;
    if (!(ti >= t0 && ti <= tEnd)) {
      throw new InputError(`${field}[${i}] = ${ti} is outside [t0, tEnd] = [${t0}, ${tEnd}]`, {
        field,
        expected: `times in [${t0}, ${tEnd}]`,
        got: ti,
      });
    }
    if (i > 0 && ti < times[i - 1]!) {
      throw new InputError(`${field} must be ascending: ${field}[${i}] = ${ti} < ${times[i - 1]}`, { field });
    }
  }
}

/** Segment ends: the distinct stop times strictly inside (t0, tEnd), ascending, then tEnd. */
function collectStops(tStops: ArrayLike<number> | undefined, t0: number, tEnd: number): Float64Array {
  const inside: number[] = [];
  if (tStops !== undefined) {
    for (let i = 0; i < tStops.length; i++) {
      const s = tStops[i]!;
      if (!Number.isFinite(s)) throw new InputError(`tStops[${i}] is not a finite number`, { field: "tStops", got: s });
      if (s > t0 && s < tEnd) inside.push(s);
    }
  }
  inside.sort((a, b) => a - b);
  const out: number[] = [];
  for (const s of inside) if (out.length === 0 || s > out[out.length - 1]!) out.push(s);
  out.push(tEnd);
  return Float64Array.from(out);
}
