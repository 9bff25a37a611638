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
import { fitGlobal } from "./global-fit.ts";

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
