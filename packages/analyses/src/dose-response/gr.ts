/** GR metrics (Hafner et al. 2016) per curve, and the classic relative-cell-count view of the same wells. */
import {
  fitDoseResponse,
  fitGrMetrics,
  type GrCurve,
  type GrMetrics,
  grCurvesFromCaseA,
  grCurvesFromSeparateTables,
  grCurvesFromTable,
  InputError,
} from "@adclab/core";
import { reportedIc50 } from "./ic50.ts";
import type { ReadTable } from "./read.ts";
import type { ReportUnit } from "./units.ts";

/** GR values per curve from whichever GRmetrics input the file is (separate tables, Case A, stacked). */
export function grCurvesOf({ table, separate, caseA }: ReadTable): GrCurve[] {
  if (separate) return grCurvesFromSeparateTables(table, separate.keys, separate.controls, separate.time0, separate);
  if (caseA) return grCurvesFromCaseA(caseA.table, caseA.controls, caseA.time0);
  return grCurvesFromTable(table);
}

export function fitGrCurves(curves: GrCurve[]): GrMetrics[] {
  return curves.map((c) => fitGrMetrics({ concentration_nM: c.concentration_nM, gr: c.gr }));
}

/** "Infinity" / "-Infinity" for a GR50 the curve never reaches (JSON has no infinities). */
export type MaybeInfinite = number | "Infinity" | "-Infinity";

export interface GrCurveRow {
  id: string;
  sample: string;
  compound: string;
  model: "gr";
  fit: GrMetrics["fit"];
  GR50: { value: MaybeInfinite; qualifier: GrMetrics["GR50_qualifier"]; unit: string };
  GR50_nM: MaybeInfinite;
  GRmax: number;
  GRinf: { value: number; se: number | null };
  GEC50: { value: number; se: number | null; unit: string };
  h_GR: { value: number; se: number | null };
  GR_AOC: number;
  r2: number;
  pValue: number;
  n: number;
  converged: boolean;
  flags: string[];
  relativeCellCount: RelativeCellCountRow;
}

export type RelativeCellCountRow =
  | {
      IC50: { value: number; qualifier: string; unit: string };
      IC50_nM: number;
      ic50_ci95_nM: [number, number] | null;
      Emax_percent: number;
      converged: boolean;
      flags: string[];
    }
  | { IC50: null; Emax_percent: number; error: string };

const finite = (v: number): MaybeInfinite => (Number.isFinite(v) ? v : v > 0 ? "Infinity" : "-Infinity");

export function grRow(c: GrCurve, m: GrMetrics, unit: ReportUnit): GrCurveRow {
  const k = unit.perNanomolar;
  return {
    id: c.id,
    sample: c.sample,
    compound: c.compound,
    model: "gr",
    fit: m.fit,
    GR50: { value: finite(m.GR50_nM * k), qualifier: m.GR50_qualifier, unit: unit.label },
    GR50_nM: finite(m.GR50_nM),
    GRmax: m.GRmax,
    GRinf: { value: m.GRinf, se: m.se?.GRinf ?? null },
    GEC50: { value: m.GEC50_nM * k, se: m.se ? m.se.GEC50_nM * k : null, unit: unit.label },
    h_GR: { value: m.h_GR, se: m.se?.h_GR ?? null },
    GR_AOC: m.GR_AOC,
    r2: m.r2,
    pValue: m.pValue,
    n: m.n,
    converged: m.converged,
    flags: m.flags,
    relativeCellCount: relativeCellCountRow(c, unit),
  };
}

/**
 * The classic view of the same wells: relative cell count (x/x_ctrl, in %) fitted with the
 * engine's 4PL, and Emax = the lowest mean relative count at the two highest doses (as GRmetrics).
 */
function relativeCellCountRow(c: GrCurve, unit: ReportUnit): RelativeCellCountRow {
  const x = c.concentration_nM;
  const y = Float64Array.from(c.relativeCellCount, (v) => 100 * v);
  const doses = [...new Set(x)].sort((a, b) => a - b);
  const meanAt = (d: number) => {
    const ys = y.filter((_v, i) => x[i] === d);
    return ys.reduce((a, b) => a + b, 0) / ys.length;
  };
  const Emax_percent = Math.min(...doses.slice(-2).map(meanAt));
  try {
    const f = fitDoseResponse({ concentration_nM: x, response: y });
    const v = reportedIc50(f);
    return {
      IC50: { value: v * unit.perNanomolar, qualifier: f.ic50.qualifier, unit: unit.label },
      IC50_nM: v,
      ic50_ci95_nM: f.ic50.ci95_nM,
      Emax_percent,
      converged: f.converged,
      flags: f.flags,
    };
  } catch (e) {
    if (e instanceof InputError) return { IC50: null, Emax_percent, error: e.problem };
    throw e;
  }
}
