/**
 * The virtual read-outs besides viability: Protocol 1's pulse–chase (immunofluorescence),
 * intracellular catabolite (LC-MS/MS), surface HER2 (flow cytometry), shed ECD (ELISA) and
 * relative expression (qPCR). Each returns what the real assay measures, with units in the names.
 */
import { InputError } from "../errors/input-error.ts";
import { PROTOCOL1_CHASE_h, PROTOCOL1_PULSE_h, PROTOCOL1_PULSE_nM } from "../knowledge/protocols.ts";
import { type ResolvedWell, resolveWell, type WellConfig } from "../model/rates.ts";
import { initialState, simulateResolved } from "../model/simulate.ts";
import { MOLECULES_PER_NMOL, S } from "../model/states.ts";

/** Molecules per cell → pmol per 10⁶ cells (the LC-MS/MS unit). */
export const PMOL_PER_MILLION_CELLS_PER_MOLECULE = 1e6 / (MOLECULES_PER_NMOL * 1e-3);

function checkTimes(times: readonly number[], field: string, allowZero = true): number[] {
  if (times.length === 0) throw new InputError("at least one time is needed", { field });
  for (const t of times) {
    if (!(Number.isFinite(t) && (allowZero ? t >= 0 : t > 0))) {
      throw new InputError(`times must be ${allowZero ? "zero or positive" : "positive"} hours`, { field, got: t });
    }
  }
  return [...times].sort((a, b) => a - b);
}

function checkDose(c: number, field: string): number {
  if (!(Number.isFinite(c) && c >= 0))
    throw new InputError("dose must be zero or a positive concentration", { field, got: c });
  return c;
}

export interface PulseChasePoint {
  chase_h: number;
  /** Internalised T-DM1 (endosomes + lysosomes) over all cell-associated intact T-DM1. */
  fractionInternalized: number;
  /** Of the internalised intact T-DM1, the part in lysosomes (sorting alone, independent of uptake). */
  fractionInLysosomes: number;
  /**
   * Of all cell-associated intact T-DM1, the part in lysosomes: what Protocol 1's image analysis
   * measures (Manders' M1 of the T-DM1 channel over the LAMP1/LysoTracker channel). The protocol
   * fixes and permeabilizes without an acid strip, and its anti-human secondary stains every
   * T-DM1 molecule, so surface-bound ADC stays in the image and counts as not co-localized: slower
   * internalization, faster recycling and slower sorting all lower it ("not reaching the lysosome",
   * troubleshooting row 1).
   */
  lysosomalOverlap: number;
  surfaceAdc_perCell: number;
  endosomalAdc_perCell: number;
  lysosomalAdc_perCell: number;
}

export interface PulseChaseResult {
  cellLine: string;
  pulse_nM: number;
  pulse_h: number;
  points: PulseChasePoint[];
}

/** Protocol 1: pulse T-DM1 (default 10 µg/mL, 1 h) on coverslips in a 24-well plate, wash, chase. */
export function simulatePulseChase(
  config: WellConfig,
  o: { pulse_nM?: number; pulse_h?: number; chase_h?: readonly number[] } = {},
): PulseChaseResult {
  const well = resolveWell({ well: "24-well", ...config });
  const pulse = checkDose(o.pulse_nM ?? PROTOCOL1_PULSE_nM, "pulse");
  const pulse_h = o.pulse_h ?? PROTOCOL1_PULSE_h;
  if (!(pulse_h > 0)) throw new InputError("pulse duration must be positive", { field: "pulse", got: pulse_h });
  const chase = checkTimes(o.chase_h ?? PROTOCOL1_CHASE_h, "chase");
  const tr = simulateResolved(well, initialState(well, { adc_nM: pulse }), {
    tOut: chase.map((c) => pulse_h + c),
    washAt_h: pulse_h,
  });
  return {
    cellLine: well.cellLine.id,
    pulse_nM: pulse,
    pulse_h,
    points: chase.map((c, i) => {
      const y = tr.at(i);
      const as = y[S.adcSurface]!;
      const ae = y[S.adcEndosome]!;
      const al = y[S.adcLysosome]!;
      return {
        chase_h: c,
        fractionInternalized: (ae + al) / (as + ae + al),
        fractionInLysosomes: al / (ae + al),
        lysosomalOverlap: al / (as + ae + al),
        surfaceAdc_perCell: as,
        endosomalAdc_perCell: ae,
        lysosomalAdc_perCell: al,
      };
    }),
  };
}

export interface CatabolitePoint {
  time_h: number;
  /** Lys-SMCC-DM1 per 10⁶ live cells, by compartment and in total (what LC-MS/MS of lysates gives). */
  lysosomal_pmol_per_million: number;
  cytosolicFree_pmol_per_million: number;
  targetBound_pmol_per_million: number;
  total_pmol_per_million: number;
  /** Charged maytansinoids (catabolite + MCC-DM1 adducts) in the medium. */
  medium_nM: number;
  liveCells: number;
}

export interface CataboliteResult {
  cellLine: string;
  adc_nM: number;
  points: CatabolitePoint[];
}

/** Intracellular Lys-SMCC-DM1 over continuous T-DM1 exposure (96-well geometry unless given). */
export function simulateCatabolite(
  config: WellConfig,
  o: { adc_nM: number; times_h: readonly number[] },
): CataboliteResult {
  const well = resolveWell(config);
  const adc = checkDose(o.adc_nM, "dose");
  const times = checkTimes(o.times_h, "time");
  const tr = simulateResolved(well, initialState(well, { adc_nM: adc }), {
    tOut: times,
    end_h: Math.max(times.at(-1)!, 1e-6),
  });
  const k = PMOL_PER_MILLION_CELLS_PER_MOLECULE;
  return {
    cellLine: well.cellLine.id,
    adc_nM: adc,
    points: times.map((t, i) => {
      const y = tr.at(i);
      const l = y[S.catLysosome]!;
      const c = y[S.catCytosol]!;
      const b = y[S.catBound]!;
      return {
        time_h: t,
        lysosomal_pmol_per_million: l * k,
        cytosolicFree_pmol_per_million: c * k,
        targetBound_pmol_per_million: b * k,
        total_pmol_per_million: (l + c + b) * k,
        medium_nM: y[S.catMedium]!,
        liveCells: y[S.cellsCycling]! + y[S.cellsDamaged1]! + y[S.cellsDamaged2]! + y[S.cellsDamaged3]!,
      };
    }),
  };
}

export interface Her2Point {
  time_h: number;
  /** HER2 on the surface (free + antibody-bound), as a non-competing antibody detects it. */
  surfaceHer2_perCell: number;
  /** Relative to the untreated parental line at t = 0 (flow: ratio of MFI). */
  surfaceHer2_relative: number;
  /** Shed ECD in the supernatant, free and in complex with antibody (ELISA). */
  shedEcd_nM: number;
  shedEcd_ng_per_mL: number;
}

/** HER2 ECD (p105) molecular weight used to express ELISA results in ng/mL. */
export const HER2_ECD_MW_g_per_mol = 105_000;

export interface Her2Result {
  cellLine: string;
  adc_nM: number;
  points: Her2Point[];
}

/** Surface HER2 (flow) and shed ECD (ELISA) over time, optionally under T-DM1. */
export function simulateHer2(config: WellConfig, o: { adc_nM?: number; times_h: readonly number[] }): Her2Result {
  const well = resolveWell(config);
  const parental = resolveWell({ cellLine: well.cellLine, well: config.well ?? "96-well" });
  const adc = checkDose(o.adc_nM ?? 0, "dose");
  const times = checkTimes(o.times_h, "time");
  const tr = simulateResolved(well, initialState(well, { adc_nM: adc }), {
    tOut: times,
    end_h: Math.max(times.at(-1)!, 1e-6),
  });
  return {
    cellLine: well.cellLine.id,
    adc_nM: adc,
    points: times.map((t, i) => {
      const y = tr.at(i);
      const surface = y[S.her2Surface]! + y[S.adcSurface]! + y[S.abSurface]!;
      const ecd = y[S.ecdMedium]! + y[S.ecdAdcMedium]! + y[S.ecdAbMedium]!;
      return {
        time_h: t,
        surfaceHer2_perCell: surface,
        surfaceHer2_relative: surface / parental.her2Surface0,
        shedEcd_nM: ecd,
        shedEcd_ng_per_mL: ecd * HER2_ECD_MW_g_per_mol * 1e-3, // 1 nM of a 105 kDa protein is 105 ng/mL
      };
    }),
  };
}

export interface ExpressionResult {
  cellLine: string;
  /** Fold change vs the parental line (2^−ΔΔCt) and the ΔΔCt itself, per gene. */
  genes: { gene: keyof ResolvedWell["expression"]; foldChange: number; ddCt: number }[];
}

/** qPCR: relative expression of HER2, SLC46A3 and the ABC transporters vs the parental line. */
export function simulateExpression(config: WellConfig): ExpressionResult {
  const well = resolveWell(config);
  const parental = resolveWell({ cellLine: well.cellLine });
  return {
    cellLine: well.cellLine.id,
    genes: (Object.keys(well.expression) as (keyof ResolvedWell["expression"])[]).map((gene) => {
      const fold = well.expression[gene] / parental.expression[gene];
      return { gene, foldChange: fold, ddCt: -Math.log2(fold) };
    }),
  };
}
