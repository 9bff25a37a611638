/**
 * --fix, --bounds and --share through runDoseResponse, against R nls on the datasets of
 * __fixtures__/constrained-fits.json (made by scripts/fixtures/dose-response/constrained-fits.R,
 * which also writes the three CSV files read here). Parameters must agree to 1e-4 relative
 * (plus 1e-4 of a standard error, for values near zero) and SEs to 1e-3, as the fixture says.
 * With an active bound, SEs follow R's summary.nls for the port fit: the parameter on its bound
 * counts as free in the covariance and the df.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { assertClose } from "@adclab/core/test-helpers";
import { type Ic50Result, runDoseResponse } from "./analysis.ts";
import { parseDoseResponseOptions } from "./contract.ts";
import type { Ic50CurveRow } from "./ic50.ts";
import type { DoseResponseOptionsInput } from "./options.ts";
import {
  assertComparisonAgreesWithR,
  assertNativeAgreesWithR,
  curveOf,
  type RFit,
} from "./test-helpers/r-comparison.ts";

const dir = new URL("./__fixtures__/", import.meta.url);
const fixture = JSON.parse(readFileSync(new URL("constrained-fits.json", dir), "utf8")) as {
  tolerances: { params: number; se: number; pValue: number };
  fixedBottom: { file: string; prism4: RFit; ll4: RFit };
  bounded: { file: string; port: RFit; hillFixed: RFit };
  sharedHill: {
    file: string;
    fit: RFit;
    ll4: RFit;
    threePl: RFit;
    fold: { value: number; se: number };
    sharedLogIC50FTest: { f: number; df1: number; df2: number; pValue: number };
  };
};
const tol = fixture.tolerances;

function run(file: string, options: DoseResponseOptionsInput): Ic50Result {
  const content = readFileSync(new URL(file, dir));
  return runDoseResponse({ file: { name: file, content } }, parseDoseResponseOptions(options)).result as Ic50Result;
}

/** Compares a row's native parameters (R's names; `rename` maps R's indexed names) to R's. */
const agrees = (row: Ic50CurveRow, r: RFit, rename: Record<string, string> = {}) =>
  assertNativeAgreesWithR(row, r, tol, rename);

describe("--fix against R nls", () => {
  it("prism4 with Bottom fixed at 0 (true Bottom 8)", () => {
    const c = run(fixture.fixedBottom.file, { model: "prism4", fix: ["bottom=0"] }).curves[0]!;
    assert.equal(c.converged, true, c.reason);
    assert.equal(c.bottom.value, 0);
    assert.equal(c.bottom.se, 0);
    agrees(c, fixture.fixedBottom.prism4);
    assertClose(c.ic50_nM, 10 ** fixture.fixedBottom.prism4.params.LogIC50!, 1e-4);
  });
  it("ll4 with c fixed at 0, named as drc names it (case-insensitive)", () => {
    const c = run(fixture.fixedBottom.file, { fix: ["C=0"] }).curves[0]!;
    agrees(c, fixture.fixedBottom.ll4);
  });
  it("a fixed Hill slope: the same fit whether given as hill or as drc's b = −hill", () => {
    const viaHill = run(fixture.fixedBottom.file, { fix: ["hill=-1"] }).curves[0]!;
    const viaB = run(fixture.fixedBottom.file, { fix: ["b=1"] }).curves[0]!;
    assert.equal(viaHill.hill.value, -1);
    assert.deepEqual(viaHill.native, viaB.native);
  });
});

describe("--bounds against R nls(algorithm = 'port')", () => {
  it("HillSlope ≥ −1.5 is active (true −2.5); Top in [0, 150] is not", () => {
    const c = run(fixture.bounded.file, { model: "prism4", bounds: ["hill=-1.5:", "top=0:150"] }).curves[0]!;
    assert.equal(c.converged, true, c.reason);
    assert.equal(c.hill.value, -1.5);
    assert.ok(c.flags.includes("at-bound:hill"), c.flags.join(" "));
    assert.ok(!c.flags.includes("at-bound:top"));
    agrees(c, fixture.bounded.port);
    // port stops a little short; the constrained optimum is R's fit with the slope held at −1.5.
    for (const [name, v] of Object.entries(fixture.bounded.hillFixed.params)) {
      assertClose(c.native[name]!.value, v, 1e-6, 0, name);
    }
  });
});

describe("--share against one R nls on the stacked curves", () => {
  const result = run(fixture.sharedHill.file, { model: "prism4", share: ["hill"], compare: ["A:B"] });
  const r = fixture.sharedHill;
  it("each curve's parameters and SEs are those of the global fit", () => {
    const [a, b] = result.curves;
    assert.equal(a!.hill.value, b!.hill.value);
    for (const [row, g] of [
      [a!, 1],
      [b!, 2],
    ] as const) {
      agrees(row, curveOf(r.fit, g, ["Bottom", "Top", "LogIC50", "HillSlope"]));
      // The profile CI within the global fit; checked against R's confint() in constrained-fits-5pl.test.ts.
      const [lo, hi] = row.ic50_profileCi95_nM!;
      assert.ok(lo < row.ic50_nM && row.ic50_nM < hi!, `${row.id}: ${lo} < ${row.ic50_nM} < ${hi}`);
    }
    assertClose(a!.rse ** 2 * r.fit.df, r.fit.ssr, 1e-8);
  });
  it("the fold uses the covariance of the two LogIC50s; the F test keeps the slope shared", () => {
    // This fixture has no F tolerance of its own: F is held to the parameters' (1e-4).
    assertComparisonAgreesWithR(result.comparisons[0]!, r, r.fit.df, { ...tol, fold: tol.params, f: tol.params });
  });
  it("in drc's LL.4 with b shared (--share b): b, c, d, e and their SEs", () => {
    const s = run(r.file, { share: ["b"] });
    s.curves.forEach((row, k) => {
      agrees(row, curveOf(r.ll4, k + 1, ["b", "c", "d", "e"]));
    });
  });
  it("as a 3PL with the slope shared (--model 3pl --share hill): Bottom stays 0", () => {
    const s = run(r.file, { model: "3pl", share: ["hill"] });
    s.curves.forEach((row, k) => {
      assert.equal(row.bottom.value, 0);
      agrees(row, curveOf(r.threePl, k + 1, ["Top", "LogIC50", "HillSlope"]));
    });
  });
  it("a shared LogIC50 gives one IC50 and says why there is no fold CI", () => {
    const s = run(fixture.sharedHill.file, { model: "prism4", share: ["LogIC50"], compare: ["A:B"] });
    assert.equal(s.curves[0]!.ic50_nM, s.curves[1]!.ic50_nM);
    assert.equal(s.comparisons[0]!.fold.ci95, null);
    assert.match(s.comparisons[0]!.note ?? "", /shared/);
  });
});
