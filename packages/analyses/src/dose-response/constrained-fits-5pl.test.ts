/**
 * The 5PL with --fix and --share, and the 3PL with --share, through runDoseResponse, against R nls
 * on the data of __fixtures__/constrained-fits-5pl.json (made by
 * scripts/fixtures/dose-response/constrained-fits-5pl.R, which writes the fivepl-*.csv files read
 * here and reads constrained-fits.R's shared-hill.csv for the 3PL). R fits ADCLab's 5PL formula
 * (core's models.ts, prism5) by Gauss–Newton with deriv()'s analytic gradient, the stacked curves
 * with indexed per-curve parameters.
 *
 * Tolerances (the fixture's): 1e-6 relative for parameters (plus 1e-6 of the SE, for values near
 * zero such as a LogIC50 of 5e-5), SEs, the fold and its SE, F and p. Both sides stop at a relative
 * offset near 1e-8 (the fixture's `convergence`; ADCLab's default tolerance is 1e-8), so each sits
 * within about 1e-8 standard errors of the exact minimum. Measured on 2026-11-22 (largest over all
 * cases): parameters 5.1e-8 SEs apart (3.5e-9 relative for those more than 10 SEs from zero), SEs
 * 9.1e-9 relative, the fold 3.6e-9 and its SE 5.5e-9, F 3.3e-15, p 8.0e-14.
 *
 * Three lines sharing a Hill slope (4PL), compared pairwise within their global fit: R's full
 * model is the stacked fit of all three, the reduced one the same with the pair's LogIC50s one
 * value. Same tolerances, for the same reason (R's fits reach relative offsets of 1e-11 to 7e-9).
 * Measured on 2026-11-22: parameters 8.8e-9 SEs apart (4.6e-10 relative), SEs 1.3e-10, the folds
 * and their SEs 5.4e-10, F 4.0e-15, p 1.3e-13 (2.5e-15 and 4.7e-14 for the two-curve contrast).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { testSharedParameter } from "@adclab/core";
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

/** R's profile-likelihood 95 % limits (log10 nM) of one LogIC50 of a stacked fit; null when open. */
interface RProfile {
  parameter: string;
  confint: [number | null, number | null];
  exact: [number | null, number | null];
}
interface RComparison {
  file: string;
  fit: RFit;
  profile: RProfile[];
  sharedLogIC50Profile: RProfile[];
  fold: { value: number; se: number };
  sharedLogIC50: RFit;
  sharedLogIC50FTest: { f: number; df1: number; df2: number; pValue: number };
}
const dir = new URL("./__fixtures__/", import.meta.url);
const fixture = JSON.parse(readFileSync(new URL("constrained-fits-5pl.json", dir), "utf8")) as {
  tolerances: { params: number; se: number; f: number; pValue: number };
  fixed: { file: string; bottom0: RFit; s06: RFit; free: RFit };
  sharedHill: RComparison;
  sharedHillBottom0: RComparison;
  sharedS: RComparison;
  threePlSharedHill: RComparison;
  threeLinesSharedHill: {
    file: string;
    fit: RFit;
    comparisons: Record<"A:B" | "A:C" | "B:C", Omit<RComparison, "file" | "fit" | "profile" | "sharedLogIC50Profile">>;
    twoCurveOnly: { "A:B": Omit<RComparison, "file" | "profile"> };
    profile: RProfile[];
  };
  fourPlSharedHill: { file: string; fit: RFit; profile: RProfile[] };
  profileTolerances: { exact: number; confint: number };
};
const tol = fixture.tolerances;

function run(file: string, options: DoseResponseOptionsInput): Ic50Result {
  const content = readFileSync(new URL(file, dir));
  return runDoseResponse({ file: { name: file, content } }, parseDoseResponseOptions(options)).result as Ic50Result;
}

/** The row converged, and every one of R's parameters agrees with its native one, value and SE. */
function agrees(row: Ic50CurveRow, r: RFit): void {
  assert.equal(row.converged, true, row.reason);
  assertNativeAgreesWithR(row, r, tol);
}

const FIVE = ["Bottom", "Top", "LogIC50", "HillSlope", "S"] as const;

describe("5PL --fix against R nls", () => {
  const f = fixture.fixed;
  it("Bottom held at 0 (true Bottom 4): Top, LogIC50, HillSlope, S and their SEs", () => {
    const c = run(f.file, { model: "5pl", fix: ["bottom=0"] }).curves[0]!;
    assert.equal(c.bottom.value, 0);
    assert.equal(c.bottom.se, 0);
    agrees(c, f.bottom0);
    assertClose(c.rse ** 2 * c.df, f.bottom0.ssr, tol.params);
  });
  it("S held at 0.6 (true 0.45), given by its Prism name", () => {
    const c = run(f.file, { model: "5pl", fix: ["S=0.6"] }).curves[0]!;
    assert.equal(c.asymmetry!.value, 0.6);
    assert.equal(c.native.S!.se, 0);
    agrees(c, f.s06);
  });
  it("the same curve with all five free, for reference", () => {
    agrees(run(f.file, { model: "5pl" }).curves[0]!, f.free);
  });
});

/** A --share run of two curves compared as A:B, against R's stacked fit, fold and anova(). */
function checkShared(r: RComparison, options: DoseResponseOptionsInput, names: readonly string[], shared: string) {
  const result = run(r.file, { ...options, compare: ["A:B"] });
  it(`each curve's parameters and SEs are those of R's stacked fit with one ${shared}`, () => {
    const [a, b] = result.curves;
    assert.equal(a!.native[shared]!.value, b!.native[shared]!.value);
    assert.equal(a!.native[shared]!.se, b!.native[shared]!.se);
    agrees(a!, curveOf(r.fit, 1, names));
    agrees(b!, curveOf(r.fit, 2, names));
    assertClose(a!.rse ** 2 * r.fit.df, r.fit.ssr, tol.params);
  });
  it("the fold uses the covariance of the two LogIC50s; the F test keeps the parameter shared in both fits", () => {
    const cmp = result.comparisons[0]!;
    assert.equal(cmp.note, undefined);
    assertComparisonAgreesWithR(cmp, r, r.fit.df, { ...tol, fold: tol.params });
  });
}

describe("5PL --share hill against one R nls on the stacked curves (S per curve)", () => {
  checkShared(fixture.sharedHill, { model: "5pl", share: ["hill"] }, FIVE, "HillSlope");
});

describe("5PL --fix bottom=0 --share hill against one R nls on the stacked curves", () => {
  checkShared(
    fixture.sharedHillBottom0,
    { model: "5pl", fix: ["bottom=0"], share: ["hill"] },
    ["Top", "LogIC50", "HillSlope", "S"],
    "HillSlope",
  );
});

describe("5PL --share S against one R nls on the stacked curves (HillSlope per curve)", () => {
  checkShared(fixture.sharedS, { model: "5pl", share: ["S"] }, FIVE, "S");
  it("--share asymmetry is the same fit as --share S", () => {
    const viaS = run(fixture.sharedS.file, { model: "5pl", share: ["S"] });
    const viaName = run(fixture.sharedS.file, { model: "5pl", share: ["asymmetry"] });
    assert.deepEqual(
      viaName.curves.map((c) => c.native),
      viaS.curves.map((c) => c.native),
    );
  });
});

describe("3PL --share hill against one R nls on the stacked curves (Bottom 0)", () => {
  checkShared(
    fixture.threePlSharedHill,
    { model: "3pl", share: ["hill"] },
    ["Top", "LogIC50", "HillSlope"],
    "HillSlope",
  );
});

describe("three lines, --share hill, compared pairwise within the global fit of all three", () => {
  const r = fixture.threeLinesSharedHill;
  const pairs = ["A:B", "A:C", "B:C"] as const;
  const result = run(r.file, { model: "prism4", share: ["hill"], compare: [...pairs] });
  it("each curve's parameters and SEs are those of R's stacked fit of the three curves", () => {
    result.curves.forEach((row, k) => {
      agrees(row, curveOf(r.fit, k + 1, ["Bottom", "Top", "LogIC50", "HillSlope"]));
    });
  });
  it("fold and SE from the three-curve fit; the F test's full model is that fit, its reduced one adds LogIC50(REF) = LogIC50(TEST)", () => {
    pairs.forEach((pair, k) => {
      const cmp = result.comparisons[k]!;
      const e = r.comparisons[pair];
      assert.equal(cmp.note, undefined);
      assertComparisonAgreesWithR(cmp, e, r.fit.df, { ...tol, fold: tol.params }, pair);
      // The F test is within the three-curve fit: one constraint, that fit's residual df.
      assert.equal(cmp.sharedLogIC50FTest!.df1, 1);
      assert.equal(cmp.sharedLogIC50FTest!.df2, r.fit.df);
    });
  });
  it("a curve compared with itself is an input error naming --compare", () => {
    for (const share of [[], ["hill"]]) {
      assert.throws(() => run(r.file, { model: "prism4", share, compare: ["B:B"] }), {
        name: "InputError",
        message: /^--compare: 'B · T-DM1' is compared with itself \(expected two different curves\)$/,
      });
    }
  });
  it("drc's LL.4 with b shared (--share b) is the same fit and gives the same comparisons", () => {
    const ll4 = run(r.file, { share: ["b"], compare: [...pairs] });
    assert.deepEqual(ll4.comparisons, result.comparisons);
  });
  it("refitting A and B alone (the test before) is another test: R's two-curve anova(), far from the one reported", () => {
    // The file's rows of one sample (columns sample, compound, concentration, unit nM, response).
    const rows = readFileSync(new URL(r.file, dir), "utf8").trim().split("\n").slice(1);
    const wellsOf = (sample: string) => {
      const mine = rows.map((l) => l.split(",")).filter((f) => f[0] === sample);
      return { concentration_nM: mine.map((f) => Number(f[2])), response: mine.map((f) => Number(f[4])) };
    };
    const alone = testSharedParameter([wellsOf("A"), wellsOf("B")], "logIC50", { shared: ["hill"] });
    const e = r.twoCurveOnly["A:B"];
    assertClose(alone.separate.ssr, e.fit.ssr, tol.params);
    assert.equal(alone.fTest.dfDenominator, e.sharedLogIC50FTest.df2);
    assertClose(alone.fTest.f, e.sharedLogIC50FTest.f, tol.f);
    assertClose(alone.fTest.pValue, e.sharedLogIC50FTest.pValue, tol.pValue);
    const reported = result.comparisons[0]!.sharedLogIC50FTest!;
    assert.ok(Math.abs(reported.f / alone.fTest.f - 1) > 0.5, `${reported.f} vs ${alone.fTest.f}`);
  });
});

/**
 * Each curve's profile-likelihood 95 % CI of the IC50 within the global fit (--share): SSR of all
 * curves profiled over the curve's LogIC50 with every other parameter refitted, cut-off
 * t(df_global). R's references (constrained-fits-5pl.R's profile_json) are per LogIC50 of the
 * stacked nls: `exact`, a uniroot search (tol 1e-12) on nls refits with that LogIC50 held — the
 * same definition — and MASS's confint(), which interpolates a coarse profile with a spline.
 * Tolerances (the fixture's profileTolerances), in log10 nM: 1e-8 against `exact` (both fits sit
 * within ~1e-8 SEs of their minima, so SSR_min is exact to ~1e-16 relative; both root searches
 * stop near 1e-10), 3e-3 against confint() (its spline; the tolerance of the separate fits'
 * profile test, core's profile.test.ts). Measured on 2026-11-22 over the 17 intervals of ten
 * fits: 4.9e-11 from `exact` (1.4e-12 for the two-curve 4PL); from confint() 2.9e-6, except the
 * 3PL forced through one LogIC50 for a 40-fold pair, 6.7e-4 — which is also how far R's confint()
 * is from R's own exact limits there.
 */
function checkProfiles(result: Ic50Result, profiles: readonly RProfile[], curveParameter: (k: number) => string) {
  const ptol = fixture.profileTolerances;
  result.curves.forEach((row, k) => {
    const r = profiles.find((p) => p.parameter === curveParameter(k));
    assert.ok(r, `${row.id}: R has no profile of ${curveParameter(k)}`);
    const ci = row.ic50_profileCi95_nM;
    assert.ok(ci, `${row.id}: no profile CI`);
    for (let side = 0; side < 2; side++) {
      const got = ci[side] === null ? null : Math.log10(ci[side]!);
      const exact = r.exact[side]!;
      assert.notEqual(exact, null, `${row.id}: R's side ${side} is open`);
      assertClose(got!, exact, 0, ptol.exact, `${row.id}: exact side ${side}`);
      assertClose(got!, r.confint[side]!, 0, ptol.confint, `${row.id}: confint side ${side}`);
    }
    // Not the Wald interval: the profile follows the SSR surface.
    assert.notDeepEqual(ci, row.ic50_ci95_nM);
  });
}

describe("--share: each curve's profile CI of the IC50 within the global fit, against R's confint() on the stacked nls", () => {
  const own = (k: number) => `LogIC50${k + 1}`;
  it("4PL, two curves, one Hill slope (shared-hill.csv)", () => {
    checkProfiles(
      run(fixture.fourPlSharedHill.file, { model: "prism4", share: ["hill"] }),
      fixture.fourPlSharedHill.profile,
      own,
    );
  });
  it("4PL, three curves, one Hill slope: each profile refits the other two curves too", () => {
    const r = fixture.threeLinesSharedHill;
    checkProfiles(run(r.file, { model: "prism4", share: ["hill"] }), r.profile, own);
  });
  it("drc's LL.4 with b shared gives the same intervals (the profile does not depend on the parameterisation)", () => {
    const r = fixture.threeLinesSharedHill;
    checkProfiles(run(r.file, { share: ["b"] }), r.profile, own);
  });
  it("3PL (Bottom 0), one Hill slope", () => {
    const r = fixture.threePlSharedHill;
    checkProfiles(run(r.file, { model: "3pl", share: ["hill"] }), r.profile, own);
  });
  it("5PL, one Hill slope, S per curve; with Bottom held at 0 as well", () => {
    checkProfiles(run(fixture.sharedHill.file, { model: "5pl", share: ["hill"] }), fixture.sharedHill.profile, own);
    const b0 = fixture.sharedHillBottom0;
    checkProfiles(run(b0.file, { model: "5pl", fix: ["bottom=0"], share: ["hill"] }), b0.profile, own);
  });
  it("5PL, one S, Hill slope per curve", () => {
    checkProfiles(run(fixture.sharedS.file, { model: "5pl", share: ["S"] }), fixture.sharedS.profile, own);
  });
  it("a shared LogIC50 is one parameter: every curve gets its interval", () => {
    const shared = () => "LogIC50";
    const cases: [RComparison, DoseResponseOptionsInput][] = [
      [fixture.sharedHill, { model: "5pl", share: ["hill", "LogIC50"] }],
      [fixture.sharedHillBottom0, { model: "5pl", fix: ["bottom=0"], share: ["hill", "LogIC50"] }],
      [fixture.sharedS, { model: "5pl", share: ["S", "LogIC50"] }],
      // A poor model (one midpoint for a 40-fold pair): a wide, strongly asymmetric interval.
      [fixture.threePlSharedHill, { model: "3pl", share: ["hill", "LogIC50"] }],
    ];
    for (const [r, options] of cases) {
      const result = run(r.file, options);
      checkProfiles(result, r.sharedLogIC50Profile, shared);
      assert.deepEqual(result.curves[0]!.ic50_profileCi95_nM, result.curves[1]!.ic50_profileCi95_nM);
    }
  });
  it("a fixed LogIC50 has no profile CI", () => {
    const result = run(fixture.threeLinesSharedHill.file, { model: "prism4", share: ["hill"], fix: ["LogIC50=0"] });
    for (const row of result.curves) assert.equal(row.ic50_profileCi95_nM, null);
  });
});
