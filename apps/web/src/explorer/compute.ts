/**
 * What the explorer shows for one configuration, computed with the core's virtual experiments —
 * the same functions `adclab simulate` calls, with the same defaults (10 log-spaced doses, 4PL
 * with top fixed at 1; the doses from the simulate contract's SIMULATION_DEFAULTS), so the
 * page's IC50 is the CLI's IC50 for the same inputs.
 */
import { SIMULATION_DEFAULTS } from "@adclab/analyses";
import {
  type MechanismSetting,
  simulateCatabolite,
  simulateExpression,
  simulateHer2,
  simulatePulseChase,
  simulateViability,
  validateMechanisms,
  viabilityPoints,
  type WellConfig,
} from "@adclab/core";
import type { Curve, ExplorerRequest, ExplorerResult, Readouts } from "./worker-messages.ts";

/** LC-MS/MS read-out: 24 h under the CLI's default catabolite dose (10 nM T-DM1). */
export const CATABOLITE_DOSE_nM = SIMULATION_DEFAULTS.dose_nM.catabolite;
export const CATABOLITE_TIME_h = 24;
/** ELISA read-out time for shed ECD. */
export const SHED_ECD_TIME_h = 72;

/** Doses of the drawn model curve: 4 per decade over the span of the 10 fitted doses. */
function denseDoses(fitted: readonly number[]): number[] {
  const lo = Math.log10(fitted[0]!);
  const hi = Math.log10(fitted.at(-1)!);
  const n = Math.round((hi - lo) * 4);
  return Array.from({ length: n + 1 }, (_, i) => 10 ** (lo + ((hi - lo) * i) / n));
}

function curve(config: WellConfig, drug: string, time_h: number): Curve {
  const v = simulateViability({ ...config, drug, time_h });
  const dense = viabilityPoints({ ...config, drug, time_h, concentrations_nM: denseDoses(v.concentration_nM) });
  return {
    drug: v.drug,
    concentration_nM: v.concentration_nM,
    viability: v.viability,
    ic50: v.ic50,
    fit: {
      bottom: v.fit.params.bottom,
      top: v.fit.params.top,
      logIC50: v.fit.params.logIC50,
      hill: v.fit.params.hill,
      flags: v.fit.flags,
    },
    model: { concentration_nM: dense.conc, viability: dense.viability },
  };
}

export function readouts(cellLine: string, mechanisms: MechanismSetting[], time_h: number): Readouts {
  const config: WellConfig = { cellLine, mechanisms };
  const pc = simulatePulseChase(config);
  const cat = simulateCatabolite(config, { adc_nM: CATABOLITE_DOSE_nM, times_h: [CATABOLITE_TIME_h] }).points[0]!;
  const her2 = simulateHer2(config, {
    adc_nM: SIMULATION_DEFAULTS.dose_nM["surface-her2"],
    times_h: [0, SHED_ECD_TIME_h],
  }).points;
  return {
    tdm1: curve(config, "T-DM1", time_h),
    freeDm1: curve(config, "free-DM1", time_h),
    pulseChase: pc.points.map((p) => ({
      chase_h: p.chase_h,
      fractionInternalized: p.fractionInternalized,
      fractionInLysosomes: p.fractionInLysosomes,
      lysosomalOverlap: p.lysosomalOverlap,
    })),
    catabolite: {
      time_h: CATABOLITE_TIME_h,
      adc_nM: CATABOLITE_DOSE_nM,
      lysosomal: cat.lysosomal_pmol_per_million,
      cytosolicFree: cat.cytosolicFree_pmol_per_million,
      total: cat.total_pmol_per_million,
    },
    surfaceHer2_relative: her2[0]!.surfaceHer2_relative,
    shedEcd_ng_per_mL: her2[1]!.shedEcd_ng_per_mL,
    expression: simulateExpression(config).genes.map((g) => ({ gene: g.gene, foldChange: g.foldChange })),
  };
}

/** Parental read-outs change only with the line and the time: keep the last few. */
const parentalCache = new Map<string, Readouts>();

export function computeExplorer(r: ExplorerRequest): ExplorerResult {
  const mechanisms = validateMechanisms(r.mechanisms);
  const key = `${r.cellLine}@${r.time_h}`;
  let parental = parentalCache.get(key);
  if (!parental) {
    parental = readouts(r.cellLine, [], r.time_h);
    if (parentalCache.size > 16) parentalCache.clear();
    parentalCache.set(key, parental);
  }
  const current = mechanisms.length === 0 ? parental : readouts(r.cellLine, mechanisms, r.time_h);
  return { cellLine: r.cellLine, time_h: r.time_h, current, parental };
}
