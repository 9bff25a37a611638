/**
 * curveFitsOfGlobal: a global fit of a single curve is that curve's own fit, so its per-curve
 * report must equal fitDoseResponse's (parameters, SEs, IC50 and CI, flags) — in the Prism and
 * the drc parameterisation, free, with a fixed plateau and with an active bound. (Agreement with
 * R for several curves sharing a slope: packages/analyses/src/dose-response/constrained-fits.test.ts.)
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import { type DoseResponseModelName, fitDoseResponse } from "./dose-response.ts";
import { curveFitsOfGlobal } from "./global-curves.ts";
import { fitGlobal, globalParameterIndex, testTiedParameter } from "./global-fit.ts";

// A falling 4PL (IC50 2 nM, Hill −1.4, Bottom 6) with a fixed, deterministic scatter.
const doses = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 300].flatMap((d) => [d, d, d]);
const curve = {
  concentration_nM: doses,
  response: doses.map((d, i) => 6 + 94 / (1 + (d / 2) ** 1.4) + 3 * Math.sin(1.7 * i)),
};

const cases: [string, DoseResponseModelName, Parameters<typeof fitGlobal>[1]][] = [
  ["free (prism4)", "prism4", {}],
  ["free (ll4)", "ll4", {}],
  ["Bottom fixed at 0", "prism4", { fixed: { bottom: 0 } }],
  ["HillSlope bounded at −1 (active)", "prism4", { bounds: { hill: [-1, 0] } }],
];
for (const [name, model, options] of cases) {
  test(`one curve: the global fit's report is the curve's own fit — ${name}`, () => {
    const own = fitDoseResponse(curve, { model, fixed: options?.fixed, bounds: options?.bounds });
    const global = fitGlobal([curve], options);
    const [view] = curveFitsOfGlobal(global, [curve], model, Object.keys(options?.fixed ?? {}));
    for (let k = 0; k < own.native.values.length; k++) {
      assertClose(view!.native.values[k]!, own.native.values[k]!, 1e-6, 1e-9, own.native.names[k]);
      assertClose(view!.native.se[k]!, own.native.se[k]!, 1e-5, 1e-12, `SE ${own.native.names[k]}`);
    }
    assert.equal(view!.df, own.df);
    assertClose(view!.ssr, own.ssr, 1e-10);
    assertClose(view!.r2, own.r2, 1e-10);
    assert.equal(view!.ic50.qualifier, own.ic50.qualifier);
    assertClose(view!.ic50.ci95_nM![0], own.ic50.ci95_nM![0], 1e-5);
    assertClose(view!.ic50.ci95_nM![1], own.ic50.ci95_nM![1], 1e-5);
    assert.deepEqual(view!.flags, own.flags);
  });
}

test("a bound applies to every curve of a global fit and a shared parameter starts inside it", () => {
  const other = { concentration_nM: doses, response: curve.response.map((y, i) => y - 2 * Math.cos(i)) };
  const g = fitGlobal([curve, other], { shared: ["hill"], bounds: { hill: [-1, 0] } });
  assert.equal(g.converged, true, g.reason);
  assert.equal(g.curves[0]!.params.hill, -1);
  assert.equal(g.curves[1]!.params.hill, -1);
  assert.deepEqual(
    g.lm.atBound.map((b, j) => (b ? g.parameterLabels[j] : null)).filter((x) => x !== null),
    ["hill"],
  );
});

// Three curves for the tied-parameter tests: IC50 2, 2.6 and 20 nM (`curve` shifted), one slope.
const shifted = (factor: number, phase: number) => ({
  concentration_nM: doses,
  response: doses.map((d, i) => 6 + 94 / (1 + (d / (2 * factor)) ** 1.4) + 3 * Math.sin(1.7 * i + phase)),
});
const three = [curve, shifted(1.3, 1), shifted(10, 2)];

test("tying a parameter in every curve is sharing it: the same labels' order, fit and report", () => {
  const two = three.slice(0, 2);
  const shared = fitGlobal(two, { shared: ["hill", "logIC50"] });
  const tied = fitGlobal(two, { shared: ["hill"], tied: { logIC50: [1, 0] } });
  assert.deepEqual(
    tied.parameterLabels,
    shared.parameterLabels.map((l) => (l === "logIC50" ? "logIC50[0,1]" : l)),
  );
  assert.deepEqual(Array.from(tied.lm.params), Array.from(shared.lm.params));
  assert.equal(tied.ssr, shared.ssr);
  assert.equal(tied.df, shared.df);
  // (Compared as JSON: the reports hold closures of their own problem.)
  assert.equal(
    JSON.stringify(curveFitsOfGlobal(tied, two, "prism4")),
    JSON.stringify(curveFitsOfGlobal(shared, two, "prism4")),
  );
});

test("a tie of two curves of three: one LogIC50 for them, the third its own, one df more than the full fit", () => {
  const full = fitGlobal(three, { shared: ["hill"] });
  const tied = fitGlobal(three, { shared: ["hill"], tied: { logIC50: [0, 2] } });
  assert.ok(tied.converged, tied.reason);
  assert.deepEqual(
    tied.parameterLabels.filter((l) => l.startsWith("logIC50")),
    ["logIC50[0,2]", "logIC50[1]"],
  );
  assert.equal(tied.curves[0]!.params.logIC50, tied.curves[2]!.params.logIC50);
  assert.notEqual(tied.curves[1]!.params.logIC50, tied.curves[0]!.params.logIC50);
  assert.equal(tied.df, full.df + 1);
  assert.ok(tied.ssr > full.ssr);
  assert.equal(globalParameterIndex(tied, 2, "logIC50"), globalParameterIndex(tied, 0, "logIC50"));
  assert.equal(globalParameterIndex(tied, 1, "hill"), tied.parameterLabels.indexOf("hill"));
  assert.equal(globalParameterIndex(tied, 1, "asymmetry"), -1);
  // Each curve's report reads the tied estimate and its SE.
  const views = curveFitsOfGlobal(tied, three, "prism4");
  assert.equal(views[2]!.params.logIC50, views[0]!.params.logIC50);
  assert.equal(views[2]!.se.logIC50, views[0]!.se.logIC50);

  // The F test within the global fit: F = (SS_tied − SS_full) / (SS_full / df_full) on (1, df_full).
  const t = testTiedParameter(three, full, { shared: ["hill"] }, "logIC50", [0, 2]);
  assert.equal(t.tied.ssr, tied.ssr);
  assert.equal(t.fTest.dfNumerator, 1);
  assert.equal(t.fTest.dfDenominator, full.df);
  assertClose(t.fTest.f, (tied.ssr - full.ssr) / (full.ssr / full.df), 1e-14);
});

test("a tie must name two or more distinct curves of a parameter neither shared nor fixed", () => {
  const bad: [Parameters<typeof fitGlobal>[1], RegExp][] = [
    [{ tied: { logIC50: [0] } }, /tied\.logIC50: expected two or more distinct curve indexes/],
    [{ tied: { logIC50: [0, 0] } }, /two or more distinct/],
    [{ tied: { logIC50: [0, 3] } }, /integers from 0 to 2/],
    [{ tied: { logIC50: [0, 1.5] } }, /two or more distinct/],
    [{ shared: ["logIC50"], tied: { logIC50: [0, 1] } }, /tied\.logIC50: a shared or fixed parameter/],
    [{ fixed: { hill: -1 }, tied: { hill: [0, 1] } }, /tied\.hill: a shared or fixed parameter/],
    [{ tied: { asymmetry: [0, 1] } }, /tied\.asymmetry: cannot tie this parameter/],
  ];
  for (const [options, message] of bad) assert.throws(() => fitGlobal(three, options), message);
});
