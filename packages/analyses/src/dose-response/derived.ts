/**
 * `--ec`, `--absolute-ec` and `--auc`: quantities read off each fitted curve, as GraphPad Prism
 * defines them (core's effectiveConcentration, absoluteEffectiveConcentration, summariseCurve).
 * A concentration beyond the tested range is reported as the tested limit with ">" or "<", never
 * an extrapolated number, as the IC50 is.
 */
import {
  absoluteEffectiveConcentration,
  type ConcentrationEstimate,
  effectiveConcentration,
  summariseCurve,
} from "@adclab/core";
import type { CurveFit } from "./ic50.ts";
import type { ReportUnit } from "./units.ts";

/** One ECanything of one curve. */
export interface EffectiveConcentrationRow {
  /** "relative": F % of the way from the zero-dose plateau to the infinite-dose plateau; "absolute": where the curve crosses a response level. */
  kind: "relative" | "absolute";
  /** F (percent) for relative, the response level for absolute. */
  at: number;
  /** "EC90" (relative) or "absEC50" (absolute). */
  label: string;
  /** In the report unit; the tested limit when beyond the range; null when undefined. */
  value: number | null;
  qualifier: "=" | ">" | "<";
  ci95: [number, number] | null;
  unit: string;
  value_nM: number | null;
  ci95_nM: [number, number] | null;
  /** Delta-method SE of log10 of the concentration. */
  seLog10: number | null;
  /** false when the fitted curve never reaches that effect or level (or the fit did not converge). */
  defined: boolean;
  note?: string;
}

export interface CurveAreaRow {
  /** ∫ fitted response d(log10 concentration) over the tested non-zero doses. */
  value: number;
  /** e.g. "% × log10(conc)": the response unit times decades; the same in any concentration unit. */
  unit: string;
  range_nM: [number, number];
  /** value divided by the decades tested: the mean fitted response over the range. */
  meanResponse: number;
}

/** The relative ECs (percent effects) then the absolute ECs (response levels) of one curve. */
export function effectiveConcentrationRows(
  r: CurveFit,
  percents: readonly number[],
  levels: readonly number[],
  unit: ReportUnit,
): EffectiveConcentrationRow[] {
  const relative = percents.map((f) => row(r, "relative", f, `EC${f}`, unit));
  const absolute = levels.map((level) => row(r, "absolute", level, `absEC${level}`, unit));
  return [...relative, ...absolute];
}

function row(
  r: CurveFit,
  kind: "relative" | "absolute",
  at: number,
  label: string,
  unit: ReportUnit,
): EffectiveConcentrationRow {
  const base = { kind, at, label, unit: unit.label };
  const fit = r.fit;
  if (!fit.converged) {
    return {
      ...base,
      ...undefinedRow(),
      note: "the fit did not converge",
    };
  }
  // With no detectable effect the plateaus are not there to measure from: like the IC50, "> highest dose".
  if (kind === "relative" && fit.flags.includes("no-effect")) {
    const hi = fit.testedRange_nM[1];
    return {
      ...base,
      value: hi * unit.perNanomolar,
      qualifier: ">",
      ci95: null,
      value_nM: hi,
      ci95_nM: null,
      seLog10: null,
      defined: true,
      note: "no effect over the tested doses",
    };
  }
  const e: ConcentrationEstimate =
    kind === "relative" ? effectiveConcentration(fit, at) : absoluteEffectiveConcentration(fit, at);
  if (!e.defined) {
    return { ...base, ...undefinedRow(), note: `the fitted curve never reaches a response of ${at}` };
  }
  const k = unit.perNanomolar;
  return {
    ...base,
    value: e.value_nM * k,
    qualifier: e.qualifier,
    ci95: e.ci95_nM ? [e.ci95_nM[0] * k, e.ci95_nM[1] * k] : null,
    value_nM: e.value_nM,
    ci95_nM: e.ci95_nM,
    seLog10: Number.isFinite(e.seLog10) ? e.seLog10 : null,
    defined: true,
  };
}

function undefinedRow() {
  return {
    value: null,
    qualifier: "=" as const,
    ci95: null,
    value_nM: null,
    ci95_nM: null,
    seLog10: null,
    defined: false,
  };
}

/** AUC over log10 concentration and Emax (the fitted response at the highest tested dose); null when the fit failed. */
export function areaAndEmax(
  r: CurveFit,
  responseUnit: string,
): { auc: CurveAreaRow | null; emax: { value: number; at_nM: number } | null } {
  if (!r.fit.converged) return { auc: null, emax: null };
  const s = summariseCurve(r.fit);
  return {
    auc: {
      value: s.auc,
      unit: `${responseUnit === "%" ? "%" : "response"} × log10(conc)`,
      range_nM: s.range_nM,
      meanResponse: s.meanResponse,
    },
    emax: { value: s.emax, at_nM: s.range_nM[1] },
  };
}
