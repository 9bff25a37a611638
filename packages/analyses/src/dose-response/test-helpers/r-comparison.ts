import assert from "node:assert/strict";
import { assertClose } from "@adclab/core/test-helpers";
import type { ComparisonRow } from "../ic50.ts";

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
