/**
 * What each assay of the troubleshooter would read out for a cell line carrying given mechanisms,
 * computed by the simulator (model/ and virtual-assays/): the virtual version of every assay in
 * knowledge/assays.ts. Everything is reported relative to the parental line in the same virtual
 * experiment (fold IC50, ratio, pH shift), because that is how the documents and the papers report
 * resistant lines and because ratios cancel most line-specific unknowns.
 *
 * This is the one place where the troubleshooter touches the simulator. The likelihood tables are
 * generated from it (scripts/troubleshoot/regenerate-likelihoods.ts); inference itself only reads
 * the tables, so a diagnosis needs no ODE solves.
 */

import { type DrugId, INHIBITORS, type InhibitorId } from "../knowledge/drugs.ts";
import type { MechanismId } from "../knowledge/mechanisms.ts";
import type { PredictedQuantity } from "../knowledge/observation-ids.ts";
import { PROTOCOL1_PULSE_nM } from "../knowledge/protocols.ts";
import { type ResolvedWell, resolveWell } from "../model/rates.ts";
import {
  simulateCatabolite,
  simulateExpression,
  simulateHer2,
  simulatePulseChase,
} from "../virtual-assays/read-outs.ts";
import { doseFor, liveCellsAt, resolveDrug } from "../virtual-assays/viability.ts";

/** Mechanism strengths (fold changes, 1 = none) of a resistant line. */
export type MechanismStrengths = Partial<Record<MechanismId, number>>;

export type Prediction = Record<PredictedQuantity, number>;

/** The fixed design of the virtual assays: the documents' conditions where they give them. */
export const VIRTUAL_ASSAY_DESIGN = {
  /** Viability read-out of the cytotoxicity assays (5 days, as in Li 2018 and Loganzo 2015). */
  viabilityReadout_h: 120,
  /** Protocol 1: 10 µg/mL T-DM1 (67.3 nM at 148.5 kDa) for 1 h, then a 6 h chase. */
  pulse_nM: PROTOCOL1_PULSE_nM,
  pulse_h: 1,
  chase_h: 6,
  /** LC-MS/MS of cell lysates after 24 h in 1 µg/mL T-DM1. */
  cataboliteDose_nM: 6.734,
  catabolite_h: 24,
  /** Shed ECD accumulated in drug-free medium over 48 h (ELISA of the supernatant). */
  ecd_h: 48,
  /** IC50 search range and precision (log10 nM). */
  ic50Log10Range: [-6, 5] as const,
  ic50Log10Tolerance: 0.005,
} as const;

const INHIBITOR_QUANTITY: Record<InhibitorId, PredictedQuantity> = {
  verapamil: "verapamil_reversal_fold",
  tariquidar: "tariquidar_reversal_fold",
  "MK-571": "mk571_reversal_fold",
  Ko143: "ko143_reversal_fold",
};

interface LineReadouts {
  ic50: Record<"T-DM1" | "free-DM1" | "paclitaxel" | "vinblastine", number>;
  /** IC50 of T-DM1 with each inhibitor at its typical concentration. */
  ic50WithInhibitor: Record<InhibitorId, number>;
  /** IC50 of T-DM1 with the survival arm switched off (what a PI3K inhibitor does in the model). */
  ic50WithoutSurvival: number;
  /** Protocol 1 pulse–chase (virtual-assays/read-outs.ts simulatePulseChase). */
  internalizedFraction: number;
  /** Manders' M1 of T-DM1 over the lysosomal marker (PulseChasePoint.lysosomalOverlap). */
  lysosomalOverlap: number;
  /** LC-MS/MS (simulateCatabolite): pmol per 10⁶ cells. */
  catabolitePerCell: number;
  /** Flow and ELISA (simulateHer2). */
  surfaceHer2: number;
  shedEcd_nM: number;
  /** qPCR fold change vs the parental line (simulateExpression). */
  expression: Record<string, number>;
  well: ResolvedWell;
}

function toSettings(m: MechanismStrengths): { id: MechanismId; strength: number }[] {
  return Object.entries(m)
    .filter(([, s]) => s !== undefined && s !== 1)
    .map(([id, s]) => ({ id: id as MechanismId, strength: s as number }));
}

/**
 * IC50 (nM) of a drug in a resolved well: the concentration where live cells at the read-out are
 * half of the untreated well with the same background. Found by bracketing from `guess_nM` in
 * decades and then Illinois false position on (log10 c, logit viability). A line the drug cannot
 * bring below 50% within the range gets the upper end of the range (reported as censored).
 */
export function virtualIc50(well: ResolvedWell, drug: DrugId, guess_nM: number, time_h: number): number {
  const d = resolveDrug(drug);
  const control = liveCellsAt(well, doseFor(d, 0), time_h);
  const [lo, hi] = VIRTUAL_ASSAY_DESIGN.ic50Log10Range;
  const f = (x: number) => {
    const v = Math.min(Math.max(liveCellsAt(well, doseFor(d, 10 ** x), time_h) / control, 1e-12), 1 - 1e-12);
    return Math.log(v / (1 - v));
  };
  let a = Math.min(Math.max(Math.log10(guess_nM), lo), hi);
  let fa = f(a);
  let b = a;
  let fb = fa;
  const step = fa > 0 ? 1 : -1; // viability above half: go up in dose
  while (Math.sign(fb) === Math.sign(fa)) {
    a = b;
    fa = fb;
    b += step;
    if (b > hi) return 10 ** hi;
    if (b < lo) return 10 ** lo;
    fb = f(b);
  }
  let side = 0;
  for (let iter = 0; iter < 40; iter++) {
    const x = (a * fb - b * fa) / (fb - fa);
    const fx = f(x);
    if (Math.abs(b - a) < VIRTUAL_ASSAY_DESIGN.ic50Log10Tolerance || fx === 0) return 10 ** x;
    if (Math.sign(fx) === Math.sign(fb)) {
      b = x;
      fb = fx;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = x;
      fa = fx;
      if (side === 1) fb /= 2;
      side = 1;
    }
  }
  return 10 ** ((a + b) / 2);
}

function readLine(cellLine: string, mechanisms: MechanismStrengths, guesses?: LineReadouts): LineReadouts {
  const D = VIRTUAL_ASSAY_DESIGN;
  const t = D.viabilityReadout_h;
  const settings = toSettings(mechanisms);
  const base = { cellLine, mechanisms: settings };
  const wellFor = (drug: DrugId) =>
    resolveWell({ ...base, smallMolecule: resolveDrug(drug).payload ?? "S-methyl-DM1" });
  const g = (drug: keyof LineReadouts["ic50"]) => guesses?.ic50[drug] ?? 1;
  const ic50 = {
    "T-DM1": virtualIc50(wellFor("T-DM1"), "T-DM1", g("T-DM1"), t),
    "free-DM1": virtualIc50(wellFor("free-DM1"), "free-DM1", g("free-DM1"), t),
    paclitaxel: virtualIc50(wellFor("paclitaxel"), "paclitaxel", g("paclitaxel"), t),
    vinblastine: virtualIc50(wellFor("vinblastine"), "vinblastine", g("vinblastine"), t),
  };
  const ic50WithInhibitor = {} as Record<InhibitorId, number>;
  for (const inh of Object.values(INHIBITORS)) {
    const well = resolveWell({ ...base, inhibitors: [{ id: inh.id, concentration_nM: inh.typicalConcentration_nM }] });
    ic50WithInhibitor[inh.id] = virtualIc50(well, "T-DM1", ic50["T-DM1"], t);
  }
  const withoutSurvival = settings.filter((s) => s.id !== "survival-signalling");
  const ic50WithoutSurvival =
    withoutSurvival.length === settings.length
      ? ic50["T-DM1"] // the same well: nothing for the inhibitor to switch off
      : virtualIc50(resolveWell({ cellLine, mechanisms: withoutSurvival }), "T-DM1", ic50["T-DM1"], t);

  const chase = simulatePulseChase(base, {
    pulse_nM: D.pulse_nM,
    pulse_h: D.pulse_h,
    chase_h: [D.chase_h],
  }).points[0]!;
  const catabolite = simulateCatabolite(base, { adc_nM: D.cataboliteDose_nM, times_h: [D.catabolite_h] }).points[0]!;
  const her2 = simulateHer2(base, { times_h: [D.ecd_h] }).points[0]!;
  const expression = Object.fromEntries(simulateExpression(base).genes.map((g) => [g.gene, g.foldChange]));
  return {
    ic50,
    ic50WithInhibitor,
    ic50WithoutSurvival,
    internalizedFraction: chase.fractionInternalized,
    lysosomalOverlap: chase.lysosomalOverlap,
    catabolitePerCell: catabolite.total_pmol_per_million,
    surfaceHer2: her2.surfaceHer2_perCell,
    shedEcd_nM: her2.shedEcd_nM,
    expression,
    well: resolveWell(base),
  };
}

/** A predictor: the interface inference is designed against. */
export type ObservationPredictor = (mechanisms: MechanismStrengths, cellLine: string) => Prediction;

/**
 * The simulator's prediction of every observation for `cellLine` carrying `mechanisms`,
 * relative to the parental line. The parental read-outs are computed once per line and cached.
 */
export function createSimulatorPredictor(): ObservationPredictor {
  const parents = new Map<string, LineReadouts>();
  return (mechanisms, cellLine) => {
    let p = parents.get(cellLine);
    if (!p) {
      p = readLine(cellLine, {});
      parents.set(cellLine, p);
    }
    return compare(p, readLine(cellLine, mechanisms, p));
  };
}

function compare(p: LineReadouts, r: LineReadouts): Prediction {
  const reversal = (x: LineReadouts, inh: InhibitorId) => x.ic50["T-DM1"] / x.ic50WithInhibitor[inh];
  const out = {
    tdm1_ic50_fold: r.ic50["T-DM1"] / p.ic50["T-DM1"],
    free_dm1_ic50_fold: r.ic50["free-DM1"] / p.ic50["free-DM1"],
    taxane_ic50_fold: r.ic50.paclitaxel / p.ic50.paclitaxel,
    vinca_ic50_fold: r.ic50.vinblastine / p.ic50.vinblastine,
    pi3k_inhibitor_reversal_fold: r.ic50["T-DM1"] / r.ic50WithoutSurvival / (p.ic50["T-DM1"] / p.ic50WithoutSurvival),
    internalized_fraction_ratio: r.internalizedFraction / p.internalizedFraction,
    lysosomal_colocalization_ratio: r.lysosomalOverlap / p.lysosomalOverlap,
    lysosomal_ph_shift: r.well.lysosomalPh - p.well.lysosomalPh,
    surface_her2_ratio: r.surfaceHer2 / p.surfaceHer2,
    total_her2_ratio: (r.well.her2Surface0 + r.well.her2Endosome0) / (p.well.her2Surface0 + p.well.her2Endosome0),
    her2_gene_ratio: r.expression.ERBB2! / p.expression.ERBB2!,
    shed_ecd_ratio: r.shedEcd_nM / p.shedEcd_nM,
    intracellular_catabolite_ratio: r.catabolitePerCell / p.catabolitePerCell,
    slc46a3_mrna_ratio: r.expression.SLC46A3! / p.expression.SLC46A3!,
    mdr1_mrna_ratio: r.expression.ABCB1! / p.expression.ABCB1!,
    abcc1_mrna_ratio: r.expression.ABCC1! / p.expression.ABCC1!,
    abcg2_mrna_ratio: r.expression.ABCG2! / p.expression.ABCG2!,
    // The model has no phosphorylation states: its survival arm is the kill threshold, so p-AKT is
    // read as that threshold's fold change (an assumption of the read-out, stated in observations.ts).
    pakt_ratio: r.well.rates.killOccupancy50 / p.well.rates.killOccupancy50,
    tubulin_kd_fold: r.well.rates.koffCat / p.well.rates.koffCat,
    dm1_polymerization_ic50_fold: r.well.rates.koffDrug / p.well.rates.koffDrug,
  } as Prediction;
  for (const [inh, q] of Object.entries(INHIBITOR_QUANTITY) as [InhibitorId, PredictedQuantity][]) {
    out[q] = reversal(r, inh) / reversal(p, inh);
  }
  return out;
}
