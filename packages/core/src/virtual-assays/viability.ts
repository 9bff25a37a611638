/**
 * Virtual viability dose–response (CellTiter-Glo-like): live cells at the read-out time relative to
 * the untreated well with the same background (inhibitor, co-treatment), fitted with the project's
 * dose–response fitter (4PL, R drc's LL.4) to give the IC50.
 */
import { InputError } from "../errors/input-error.ts";
import { type DoseResponseFit, fitDoseResponse, type Ic50Report } from "../fit/dose-response.ts";
import { DRUG_IDS, type Drug, type DrugId, findDrug } from "../knowledge/drugs.ts";
import { type ResolvedWell, resolveWell, type WellConfig } from "../model/rates.ts";
import { initialState, simulateResolved, type WellDose } from "../model/simulate.ts";
import { S } from "../model/states.ts";

export interface ViabilityOptions extends Omit<WellConfig, "smallMolecule"> {
  drug: DrugId | string;
  /** Concentrations of the drug (nM); default 10 log-spaced doses over the drug's usual range. */
  concentrations_nM?: readonly number[];
  /** Read-out time (h), default 120. */
  time_h?: number;
  /** Unconjugated trastuzumab added with the drug (nM), a competitor for HER2. */
  trastuzumab_nM?: number;
  /**
   * Relative tolerance of each simulation; default 1e-4, which moves live-cell ratios (and hence
   * IC50s) by about 1e-4 relative — far below any assay's resolution.
   */
  rtol?: number;
}

export interface ViabilityResult {
  cellLine: string;
  drug: DrugId;
  time_h: number;
  concentration_nM: number[];
  /** Live cells relative to the untreated well (1 = no effect). */
  viability: number[];
  ic50_nM: number;
  ic50: Ic50Report;
  /** The 4PL fit: bottom, top, hill (Prism's HillSlope), with standard errors. */
  fit: Pick<DoseResponseFit, "params" | "se" | "converged" | "flags">;
  controlCells: number;
  well: ResolvedWell;
}

/** Viability above this at every dose counts as no effect. */
const NO_EFFECT = 0.95;

export function resolveDrug(name: string, field = "drug"): Drug {
  const d = findDrug(name);
  if (!d) throw new InputError(`unknown drug '${name}'`, { field, expected: `one of ${DRUG_IDS.join(", ")}` });
  return d;
}

/** 10 log-spaced doses: 1 pM–100 µM for antibodies (resistant lines reach µM), 0.1 pM–1 µM for small molecules. */
export function defaultConcentrations(drug: Drug, n = 10): number[] {
  const [lo, hi] = drug.kind === "small-molecule" ? [-4, 3] : [-3, 5];
  return Array.from({ length: n }, (_, i) => 10 ** (lo + ((hi - lo) * i) / (n - 1)));
}

function liveCells(y: Float64Array): number {
  return y[S.cellsCycling]! + y[S.cellsDamaged1]! + y[S.cellsDamaged2]! + y[S.cellsDamaged3]!;
}

export function doseFor(drug: Drug, c: number, trastuzumab_nM = 0): WellDose {
  const dose: WellDose = { antibody_nM: trastuzumab_nM };
  if (drug.kind === "adc") dose.adc_nM = c;
  else if (drug.kind === "antibody") dose.antibody_nM = trastuzumab_nM + c;
  else dose.drug_nM = c;
  return dose;
}

/** Live cells at `time_h` for one dose (the building block of curves and calibration). */
export function liveCellsAt(well: ResolvedWell, dose: WellDose, time_h: number, rtol = 1e-4): number {
  const tr = simulateResolved(well, initialState(well, dose), { tOut: [time_h], rtol });
  return liveCells(tr.at(0));
}

/** The simulated viabilities alone (no fit): what calibration to whole curves compares. */
export function viabilityPoints(o: ViabilityOptions, minDoses = 1) {
  const drug = resolveDrug(o.drug);
  const time_h = o.time_h ?? 120;
  if (!(Number.isFinite(time_h) && time_h > 0))
    throw new InputError("read-out time must be positive", { field: "time", got: time_h });
  const conc = [...(o.concentrations_nM ?? defaultConcentrations(drug))];
  for (const c of conc) {
    if (!(Number.isFinite(c) && c >= 0))
      throw new InputError("doses must be zero or positive concentrations", { field: "doses", got: c });
  }
  if (conc.length < minDoses) {
    throw new InputError(`a dose–response curve needs at least ${minDoses} doses`, {
      field: "doses",
      got: conc.length,
    });
  }
  const trast = o.trastuzumab_nM ?? 0;
  if (!(Number.isFinite(trast) && trast >= 0))
    throw new InputError("trastuzumab must be zero or positive", { field: "trastuzumab", got: trast });
  const well = resolveWell({ ...o, smallMolecule: drug.payload ?? "S-methyl-DM1" });
  const rtol = o.rtol ?? 1e-4;
  const control = liveCellsAt(well, doseFor(drug, 0, trast), time_h, rtol);
  const viability = conc.map((c) => liveCellsAt(well, doseFor(drug, c, trast), time_h, rtol) / control);
  return { drug, time_h, conc, viability, control, well };
}

export function simulateViability(o: ViabilityOptions): ViabilityResult {
  const { drug, time_h, conc, viability, control, well } = viabilityPoints(o, 4);
  // Viability is normalised to the untreated well, so the top plateau is 1 by construction.
  const fit = fitDoseResponse({ concentration_nM: conc, response: viability }, { model: "ll4", fixed: { top: 1 } });
  // A curve that never falls by 5% has no IC50 in the tested range: report "> highest dose"
  // rather than a midpoint fitted to integration round-off.
  if (Math.min(...viability) > NO_EFFECT) {
    const max = Math.max(...conc);
    fit.ic50 = { ...fit.ic50, value_nM: max, qualifier: ">", ci95_nM: null };
    fit.flags = [...fit.flags.filter((f) => f !== "ic50-above-range"), "no-effect", "ic50-above-range"];
  }
  return {
    cellLine: well.cellLine.id,
    drug: drug.id,
    time_h,
    concentration_nM: conc,
    viability,
    ic50_nM: fit.ic50.value_nM,
    ic50: fit.ic50,
    fit: { params: fit.params, se: fit.se, converged: fit.converged, flags: fit.flags },
    controlCells: control,
    well,
  };
}
