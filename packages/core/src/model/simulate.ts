/**
 * Run the well model: initial state (drug-free steady state of the line plus the doses in the
 * medium), optional pulse with wash-out, output at chosen times.
 */
import { InputError } from "../errors/input-error.ts";
import { createStiffSolver, type StiffSolver } from "../ode/stiff-solver.ts";
import { type ResolvedWell, resolveWell, type WellConfig } from "./rates.ts";
import { N_STATES, S, STATES } from "./states.ts";
import { createWellSystem } from "./well-system.ts";

export interface WellDose {
  /** T-DM1 in the medium at t = 0. */
  adc_nM?: number;
  /** Unconjugated trastuzumab (DAR 0) at t = 0. */
  antibody_nM?: number;
  /** The small molecule of the free-drug pool at t = 0. */
  drug_nM?: number;
  /** Lys-SMCC-DM1 added to the medium (the catabolite given as a drug). */
  catabolite_nM?: number;
}

export interface SimulateOptions {
  /** Output times (h), ascending, in [0, end]. */
  tOut: ArrayLike<number>;
  /** End of the run (h); default the last output time. */
  end_h?: number;
  /** Wash the medium (remove every medium species) at this time: the end of a pulse. */
  washAt_h?: number;
  rtol?: number;
  /** Scale of the absolute tolerances (default 1). */
  atolScale?: number;
}

export interface WellTrajectory {
  t: Float64Array;
  /** Row-major nOut × N_STATES. */
  y: Float64Array;
  at(i: number): Float64Array;
  well: ResolvedWell;
  stats: { steps: number; rhsEvals: number; jacEvals: number };
}

const MEDIUM = [S.adcMedium, S.abMedium, S.ecdMedium, S.ecdAdcMedium, S.ecdAbMedium, S.catMedium, S.drugMedium];

/** Drug-free steady state of the line (HER2 pools), seeded cells, and the doses in the medium. */
export function initialState(well: ResolvedWell, dose: WellDose = {}): Float64Array {
  const y = new Float64Array(N_STATES);
  for (const [k, v] of Object.entries(dose)) {
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) {
      throw new InputError("dose must be zero or a positive concentration", { field: k, got: v });
    }
  }
  y[S.her2Surface] = well.her2Surface0;
  y[S.her2Endosome] = well.her2Endosome0;
  y[S.adcMedium] = dose.adc_nM ?? 0;
  y[S.abMedium] = dose.antibody_nM ?? 0;
  y[S.drugMedium] = dose.drug_nM ?? 0;
  y[S.catMedium] = dose.catabolite_nM ?? 0;
  y[S.cellsCycling] = well.geometry.seededCells;
  return y;
}

/** Absolute tolerances per state, scaled to each state's natural size. */
export function wellAtol(scale = 1): Float64Array {
  const a = new Float64Array(N_STATES);
  STATES.forEach((s, i) => {
    a[i] = scale * (s.units === "molecules/cell" ? 1e-4 : s.units === "nM" ? 1e-10 : 1e-6);
  });
  return a;
}

let cachedSolver: StiffSolver | undefined;

export function simulateWell(config: WellConfig, dose: WellDose, options: SimulateOptions): WellTrajectory {
  const well = resolveWell(config);
  return simulateResolved(well, initialState(well, dose), options);
}

export function simulateResolved(well: ResolvedWell, y0: Float64Array, options: SimulateOptions): WellTrajectory {
  const tOut = Float64Array.from(options.tOut);
  const end = options.end_h ?? tOut[tOut.length - 1] ?? 0;
  if (!(end > 0)) throw new InputError("simulation time must be positive", { field: "time", got: end });
  const system = createWellSystem(well.rates);
  cachedSolver ??= createStiffSolver(N_STATES);
  const wash = options.washAt_h;
  const res = cachedSolver.solve({ ...system, autonomous: true }, y0, 0, end, {
    rtol: options.rtol ?? 1e-6,
    atol: wellAtol(options.atolScale ?? 1),
    tOut,
    ...(wash !== undefined && wash > 0 && wash < end
      ? {
          tStops: [wash],
          onStop: (_t: number, y: Float64Array) => {
            for (const i of MEDIUM) y[i] = 0;
          },
        }
      : {}),
  });
  return {
    t: res.t,
    y: res.y,
    at: (i) => res.at(i),
    well,
    stats: { steps: res.stats.steps, rhsEvals: res.stats.rhsEvals, jacEvals: res.stats.jacEvals },
  };
}
