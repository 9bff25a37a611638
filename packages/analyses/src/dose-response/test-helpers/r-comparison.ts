import assert from "node:assert/strict";
import { assertClose } from "@adclab/core/test-helpers";
import type { ComparisonRow, Ic50CurveRow } from "../ic50.ts";

/** One R nls fit as constrained-fits*.R write it (fit_json): parameters and SEs by R's names. */
export interface RFit {
  params: Record<string, number>;
  se: Record<string, number>;
  ssr: number;
  df: number;
}

/**
 * Every one of R's parameters against the row's native one of the same name (`rename` maps R's
 * name to ADCLab's where they differ), value and SE, and the residual df. The value may also be
 * off by `tol.params` of R's SE (for a parameter near 0).
 */
export function assertNativeAgreesWithR(
  row: Ic50CurveRow,
  r: RFit,
  tol: { params: number; se: number },
  rename: Record<string, string> = {},
): void {
  for (const [rName, expected] of Object.entries(r.params)) {
    const name = rename[rName] ?? rName;
    const got = row.native[name];
    assert.ok(got, `${row.id}: no parameter ${name}`);
    const se = r.se[rName]!;
    assertClose(got.value, expected, tol.params, tol.params * se, `${row.id}: ${name}`);
    assertClose(got.se, se, tol.se, 0, `${row.id}: SE(${name})`);
  }
  assert.equal(row.df, r.df);
}

/** Curve g (1, 2, ...) of a stacked R fit: R's "name<g>" for per-curve parameters, "name" for shared ones. */
export function curveOf(fit: RFit, g: number, names: readonly string[]): RFit {
  const pick = (m: Record<string, number>) => Object.fromEntries(names.map((n) => [n, m[`${n}${g}`] ?? m[n]!]));
  return { params: pick(fit.params), se: pick(fit.se), ssr: Number.NaN, df: fit.df };
}

/** R's delta-method fold and anova() F test of one --compare pair (constrained-fits*.R's JSON). */
export interface RComparisonReference {
  fold: { value: number; se: number };
  sharedLogIC50FTest: { f: number; df1: number; df2: number; pValue: number };
}

/**
 * A comparison's fold (value, SE, df) and shared-LogIC50 F test (df1, df2, F, p) against R's.
 * `df` is the residual df of the fit the fold's covariance comes from; each caller passes its
 * fixture's tolerances (relative) and a label that prefixes the messages.
 */
export function assertComparisonAgreesWithR(
  cmp: ComparisonRow,
  r: RComparisonReference,
  df: number,
  tol: { fold: number; se: number; f: number; pValue: number },
  label = "",
): void {
  const at = (what: string) => (label ? `${label} ${what}` : what);
  assertClose(cmp.fold.value, r.fold.value, tol.fold, 0, at("fold"));
  assertClose(cmp.fold.se!, r.fold.se, tol.se, 0, at("SE(fold)"));
  assert.equal(cmp.fold.df, df, at("df(fold)"));
  const f = cmp.sharedLogIC50FTest;
  assert.ok(f, at("no shared-LogIC50 F test"));
  assert.equal(f.df1, r.sharedLogIC50FTest.df1, at("df1"));
  assert.equal(f.df2, r.sharedLogIC50FTest.df2, at("df2"));
  assertClose(f.f, r.sharedLogIC50FTest.f, tol.f, 0, at("F"));
  assertClose(f.pValue, r.sharedLogIC50FTest.pValue, tol.pValue, 0, at("p"));
}
