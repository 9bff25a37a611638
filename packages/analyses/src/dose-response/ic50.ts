/**
 * IC50 models (ll4, prism4, 3pl, 5pl): one fit per curve with its profile-likelihood CI, the
 * comparison rows (fold resistance with delta, Fieller and log CIs as drc's EDcomp, and the
 * shared-LogIC50 F test) and the inhibitor-reversal rows.
 */
import {
  type CurveSet,
  type DoseResponseData,
  type DoseResponseFit,
  type DoseResponseModelName,
  type DoseResponseOptions,
  type FTestResult,
  fitDoseResponse,
  fitDoseResponseRobust,
  type GlobalFit,
  type GlobalFitOptions,
  InputError,
  ic50Ratio,
  ic50RatioFromGlobal,
  logIc50Of,
  type ProfileInterval,
  profileIc50Interval,
  type RatioInterval,
  testSharedParameter,
  testTiedParameter,
} from "@adclab/core";
import type { CurveAreaRow, EffectiveConcentrationRow } from "./derived.ts";
import { globalFitOptions } from "./shared-fit.ts";
import type { ReportUnit } from "./units.ts";

export interface CurveFit {
  id: string;
  sample: string;
  compound: string;
  time_h?: number;
  fit: DoseResponseFit;
  /**
   * With --share: the global fit of the curve's compound, the curve's index in it, and the data
   * and options it was fitted with (the F test refits them with one more constraint).
   */
  global?: { fit: GlobalFit; index: number; curves: DoseResponseData[]; options: GlobalFitOptions };
  /** Profile-likelihood 95 % CI of the IC50 in nM (upper null when open), or null. */
  profile: [number, number | null] | null;
  /** The wells the reported fit used (with --robust, without the outliers). */
  x: Float64Array;
  y: Float64Array;
  /** With --robust: the ROUT outliers (left out of x, y and the fit) and the robust SD of residuals. */
  robust?: { outliers: { concentration_nM: number; response: number }[]; rsdr: number; q_percent: number };
}

export interface Estimate {
  value: number;
  se: number;
}

export interface Ic50CurveRow {
  id: string;
  sample: string;
  compound: string;
  model: DoseResponseModelName;
  ic50: { value: number; qualifier: "=" | ">" | "<"; ci95: [number, number] | null; unit: string };
  ic50_nM: number;
  ic50_ci95_nM: [number, number] | null;
  ic50_profileCi95_nM: [number, number | null] | null;
  logIC50: Estimate;
  hill: Estimate;
  top: Estimate;
  bottom: Estimate;
  asymmetry?: Estimate;
  native: Record<string, Estimate>;
  responseUnit: string;
  r2: number;
  rse: number;
  n: number;
  df: number;
  converged: boolean;
  reason: string;
  flags: string[];
  /** With --ec / --absolute-ec: one entry per requested ECanything. */
  effectiveConcentrations?: EffectiveConcentrationRow[];
  /** With --auc: AUC over log10 concentration (null when the fit did not converge). */
  auc?: CurveAreaRow | null;
  /** With --robust: the wells called outliers by ROUT (left out of the reported fit). */
  outliers?: { concentration_nM: number; response: number }[];
  /** With --robust: Q (%) and the robust SD of the residuals of the robust fit, in responseUnit. */
  rout?: { q_percent: number; rsdr: number };
  /** With --auc: the fitted response at the highest tested dose, in responseUnit. */
  emax?: { value: number; at_nM: number } | null;
}

export type Qualifier = "=" | ">" | "<" | "?";

/** A ratio of two IC50s: the value, how it is bounded, and its CIs when both IC50s are in range. */
export interface RatioRow {
  value: number;
  qualifier: Qualifier;
  se: number | null;
  df: number | null;
  ci95: { delta: [number, number | null]; fieller: [number, number | null]; log: [number, number | null] } | null;
}

export interface ComparisonRow {
  reference: string;
  test: string;
  fold: RatioRow;
  sharedLogIC50FTest: { f: number; df1: number; df2: number; pValue: number } | null;
  note?: string;
}

export interface ReversalRow {
  sample: string;
  inhibitor: string;
  /** The drug whose IC50 is compared alone and with the inhibitor. */
  compound: string;
  /** Curve ids. */
  alone: string;
  withInhibitor: string;
  /** IC50(alone)/IC50(+ inhibitor): > 1 means the inhibitor restores sensitivity. */
  reversal: RatioRow;
  parental?: { sample: string; alone: string; withInhibitor: string; reversal: RatioRow };
  /**
   * The sample's reversal ÷ the parental line's, with a log-scale CI (four independent fits;
   * core's compareReversal): > 1 means the inhibitor acts on what makes the line resistant.
   */
  ratioToParental?: {
    value: number;
    qualifier: Qualifier;
    seLog10: number | null;
    /** Delta-method SE of the value: value·ln10·seLog10. */
    se: number | null;
    df: number | null;
    /** Log-scale CI, 10^(log10 value ± t·seLog10). */
    ci95: [number, number] | null;
    /** value ± t·se. */
    ci95Delta: [number, number] | null;
  };
}

/**
 * The IC50 to report. The engine gives no number for a fit that did not converge; when it also
 * says the IC50 lies beyond the tested range, the tested limit is still a true bound ("> 1000 nM").
 */
export function reportedIc50(f: DoseResponseFit): number {
  const v = f.ic50.value_nM;
  if (Number.isFinite(v) || f.ic50.qualifier === "=") return v;
  return f.ic50.qualifier === ">" ? f.testedRange_nM[1] : f.testedRange_nM[0];
}

/** A profile interval as a row reports it: null when a refit failed, the upper limit null when open. */
export function reportedProfile(interval: ProfileInterval): [number, number | null] | null {
  const [lo, hi] = interval.ci_nM;
  return Number.isFinite(lo) && !Number.isNaN(hi) ? [lo, Number.isFinite(hi) ? hi : null] : null;
}

/** Fixed parameters and bounds for the engine (constraints.ts resolveConstraints); none by default. */
export type CurveConstraints = Pick<DoseResponseOptions, "fixed" | "bounds">;

/**
 * One fit per curve; with `robustQ_percent`, ROUT's robust fit and the least-squares fit without
 * its outliers; `constraints` (--fix, --bounds) apply to every curve.
 */
export function fitIc50Curves(
  set: CurveSet,
  model: DoseResponseModelName,
  robustQ_percent?: number,
  constraints: CurveConstraints = {},
): CurveFit[] {
  return set.curves.map((c) => {
    let data = { concentration_nM: c.concentration_nM, response: c.response };
    let fit: DoseResponseFit;
    let robust: CurveFit["robust"];
    if (robustQ_percent === undefined) {
      fit = fitDoseResponse(data, { model, ...constraints });
    } else {
      const r = fitDoseResponseRobust(data, { model, ...constraints, q: robustQ_percent / 100 });
      fit = r.fit;
      const out = new Set(r.outliers);
      const keep = (_: number, i: number) => !out.has(i);
      robust = {
        outliers: r.outliers.map((i) => ({ concentration_nM: data.concentration_nM[i]!, response: data.response[i]! })),
        rsdr: r.rsdr,
        q_percent: robustQ_percent,
      };
      data = { concentration_nM: data.concentration_nM.filter(keep), response: data.response.filter(keep) };
    }
    // The profile-likelihood interval (R's confint.nls) follows the SSR surface; only for IC50s in range.
    // A fixed IC50 has no interval; the profile's refits keep the other constraints.
    let profile: [number, number | null] | null = null;
    if (fit.ic50.qualifier === "=" && fit.converged && fit.df > 0 && constraints.fixed?.logIC50 === undefined) {
      profile = reportedProfile(profileIc50Interval(data, fit, { model, ...constraints }));
    }
    return {
      id: c.id,
      sample: c.sample,
      compound: c.compound,
      ...(c.time_h !== undefined ? { time_h: c.time_h } : {}),
      fit,
      profile,
      x: data.concentration_nM,
      y: data.response,
      ...(robust ? { robust } : {}),
    };
  });
}

export function ic50Row(r: CurveFit, unit: ReportUnit, responseUnit: string): Ic50CurveRow {
  const f = r.fit;
  const k = unit.perNanomolar;
  return {
    id: r.id,
    sample: r.sample,
    compound: r.compound,
    model: f.model,
    ic50: {
      value: reportedIc50(f) * k,
      qualifier: f.ic50.qualifier,
      ci95: f.ic50.ci95_nM ? [f.ic50.ci95_nM[0] * k, f.ic50.ci95_nM[1] * k] : null,
      unit: unit.label,
    },
    ic50_nM: reportedIc50(f),
    ic50_ci95_nM: f.ic50.ci95_nM,
    ic50_profileCi95_nM: r.profile,
    logIC50: { value: f.params.logIC50, se: f.se.logIC50 },
    hill: { value: f.params.hill, se: f.se.hill },
    top: { value: f.params.top, se: f.se.top },
    bottom: { value: f.params.bottom, se: f.se.bottom },
    ...(f.params.asymmetry !== undefined
      ? { asymmetry: { value: f.params.asymmetry, se: f.se.asymmetry as number } }
      : {}),
    native: Object.fromEntries(
      f.native.names.map((name, i) => [name, { value: f.native.values[i]!, se: f.native.se[i]! }]),
    ),
    responseUnit,
    r2: f.r2,
    rse: f.rse,
    n: f.n,
    df: f.df,
    converged: f.converged,
    reason: f.reason,
    flags: f.flags,
    ...(r.robust ? { outliers: r.robust.outliers, rout: { q_percent: r.robust.q_percent, rsdr: r.robust.rsdr } } : {}),
  };
}

export function findCurve<T extends { id: string; sample: string }>(curves: T[], name: string, field = "--compare"): T {
  const exact = curves.find((c) => c.id === name);
  if (exact) return exact;
  const bySample = curves.filter((c) => c.sample === name);
  if (bySample.length === 1) return bySample[0]!;
  throw new InputError(
    bySample.length > 1
      ? `'${name}' names ${bySample.length} curves; give the full curve name`
      : `no curve named '${name}'`,
    { field, expected: curves.map((c) => `'${c.id}'`).join(", ") },
  );
}

/** How a ratio num/den is bounded when either IC50 is only a bound (beyond the tested range). */
export function ratioQualifier(num: Qualifier, den: Qualifier): Qualifier {
  if (num === "=" && den === "=") return "=";
  const up = (num === ">" || num === "=") && (den === "<" || den === "=");
  const down = (num === "<" || num === "=") && (den === ">" || den === "=");
  return up ? ">" : down ? "<" : "?";
}

/**
 * IC50(numerator)/IC50(denominator) from two independent fits, with the engine's delta-method,
 * Fieller and log-scale 95 % CIs (drc's EDcomp intervals). Beyond the tested range the ratio is a
 * bound from the reported IC50s, never an extrapolation, and has no CI.
 */
export function ic50RatioRow(numerator: DoseResponseFit, denominator: DoseResponseFit): RatioRow {
  const qualifier = ratioQualifier(numerator.ic50.qualifier, denominator.ic50.qualifier);
  const value = reportedIc50(numerator) / reportedIc50(denominator);
  if (qualifier === "=" && numerator.converged && denominator.converged) {
    return withIntervals(value, qualifier, ic50Ratio(logIc50Of(numerator), logIc50Of(denominator)));
  }
  return { value, qualifier, se: null, df: null, ci95: null };
}

/** A ratio row from core's ratio estimate: its SE, df and the three 95 % intervals (open above when unbounded). */
function withIntervals(
  value: number,
  qualifier: RatioRow["qualifier"],
  r: { se: number; df: number; delta: RatioInterval; fieller: RatioInterval; log: RatioInterval },
): RatioRow {
  const interval = (i: RatioInterval): [number, number | null] => (i.bounded ? [i.lower, i.upper] : [i.lower, null]);
  return {
    value,
    qualifier,
    se: r.se,
    df: r.df,
    ci95: { delta: interval(r.delta), fieller: interval(r.fieller), log: interval(r.log) },
  };
}

/**
 * The fold of two curves of one global fit (--share): the delta, Fieller and log CIs use the
 * covariance of their LogIC50s and the global df (core's ic50RatioFromGlobal).
 */
function globalRatioRow(numerator: CurveFit, denominator: CurveFit): RatioRow {
  const g = numerator.global!;
  const qualifier = ratioQualifier(numerator.fit.ic50.qualifier, denominator.fit.ic50.qualifier);
  const value = reportedIc50(numerator.fit) / reportedIc50(denominator.fit);
  const shared = g.fit.shared.includes("logIC50");
  if (qualifier !== "=" || !g.fit.converged || shared) return { value, qualifier, se: null, df: null, ci95: null };
  return withIntervals(value, qualifier, ic50RatioFromGlobal(g.fit, g.index, denominator.global!.index));
}

/**
 * Fold = IC50(test)/IC50(reference), with CIs and the shared-LogIC50 F test. `constraints` are
 * the --fix/--bounds/--share of the run: the F test's two fits keep them (a shared Hill slope
 * stays shared in both), so it tests LogIC50 alone.
 *
 * Two curves of one global fit (--share): the F test is of the model the fold comes from. The
 * full model is that global fit of all the compound's curves; the reduced one is the same fit with
 * the LogIC50s of REF and TEST also one value; F = (SS_reduced − SS_full) / (SS_full/df_full) on
 * (1, df_full). So the shared slope, the residual variance and the df are those of all curves, as
 * in the fold's SE and CIs. (Refitting only the two curves would test a different model whose
 * slope and variance come from those two alone; with two curves the two are the same.)
 * Otherwise — separate fits, or curves of different global fits — the test is of the two curves:
 * their joint fit with one LogIC50 against the joint fit with two (Prism's and R's anova() test).
 */
export function compareRow(
  ref: CurveFit,
  test: CurveFit,
  model: DoseResponseModelName,
  constraints: Pick<GlobalFitOptions, "fixed" | "bounds" | "shared"> = {},
): ComparisonRow {
  if (ref.id === test.id) {
    throw new InputError(`'${ref.id}' is compared with itself`, {
      field: "--compare",
      expected: "two different curves",
    });
  }
  const sameGlobal = ref.global !== undefined && ref.global.fit === test.global?.fit;
  const fold = sameGlobal ? globalRatioRow(test, ref) : ic50RatioRow(test.fit, ref.fit);
  let fTest: ComparisonRow["sharedLogIC50FTest"] = null;
  let note: string | undefined;
  if (constraints.shared?.includes("logIC50") || constraints.fixed?.logIC50 !== undefined) {
    const why = constraints.shared?.includes("logIC50") ? "shared (--share)" : "fixed (--fix)";
    note = `LogIC50 is ${why}, so the curves have one IC50: no fold CI or F test`;
    return {
      reference: ref.id,
      test: test.id,
      fold: { ...fold, se: null, df: null, ci95: null },
      sharedLogIC50FTest: null,
      note,
    };
  }
  let t: { full: GlobalFit; reduced: GlobalFit; f: FTestResult };
  if (sameGlobal) {
    const g = ref.global!;
    const r = testTiedParameter(g.curves, g.fit, g.options, "logIC50", [g.index, test.global!.index]);
    t = { full: r.full, reduced: r.tied, f: r.fTest };
  } else {
    // The 5PL keeps each curve's own asymmetry S; only LogIC50 is shared (R: stacked nls with S1, S2).
    const r = testSharedParameter(
      [
        { concentration_nM: ref.x, response: ref.y },
        { concentration_nM: test.x, response: test.y },
      ],
      "logIC50",
      globalFitOptions(model, constraints),
    );
    t = { full: r.separate, reduced: r.shared, f: r.fTest };
  }
  // 4PL global fits are reported as before; a 5PL global fit that fails (S is often poorly
  // determined) gives no p-value rather than one from a fit that stopped short.
  if (model === "5pl" && !(t.full.converged && t.reduced.converged)) {
    note = "the shared-LogIC50 F test was not run: the 5PL global fit did not converge";
  } else {
    fTest = { f: t.f.f, df1: t.f.dfNumerator, df2: t.f.dfDenominator, pValue: t.f.pValue };
  }
  return { reference: ref.id, test: test.id, fold, sharedLogIC50FTest: fTest, ...(note ? { note } : {}) };
}
