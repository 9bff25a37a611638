/**
 * profileGlobalIc50Interval on a global fit of one curve, which is that curve's ordinary fit: its
 * interval must be R's exact profile limits of __fixtures__/dose-response-nls.json (uniroot on nls
 * refits, scripts/fixtures/fit/dose-response-nls.R) to 1e-6 in log10, the tolerance of
 * profile.test.ts, and the separate fit's profileIc50Interval. Curves of several, with shared
 * parameters, are checked against R's confint() on stacked nls fits through `adclab fit --share`
 * (packages/analyses/src/dose-response/constrained-fits-5pl.test.ts).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import { fitDoseResponse } from "./dose-response.ts";
import { fitGlobal, type GlobalFitOptions } from "./global-fit.ts";
import { profileGlobalIc50Interval } from "./global-profile.ts";
import { profileIc50Interval } from "./profile.ts";

interface Dataset {
  name: string;
  model: "ll4" | "prism4" | "3pl" | "5pl";
  x: number[];
  y: number[];
  weights: number[] | null;
  r: { profileParameter: "e" | "LogIC50" | null; profileCi95Exact: [number | null, number | null] | null };
}
const fixture = JSON.parse(readFileSync(new URL("./__fixtures__/dose-response-nls.json", import.meta.url), "utf8")) as {
  datasets: Dataset[];
};
// Unweighted curves with both of R's limits (the global fit has no weights).
const closed = fixture.datasets.filter((d) => d.weights === null && d.r.profileCi95Exact?.every((v) => v !== null));

test("at least 8 single curves with R's closed profile interval", () => {
  assert.ok(closed.length >= 8, `${closed.length}`);
});

for (const ds of closed) {
  test(`a global fit of one curve gives R's profile interval: ${ds.name}`, () => {
    const data = { concentration_nM: ds.x, response: ds.y };
    // ll4 is the 4PL in drc's parameters; the profile interval does not depend on them.
    const options: GlobalFitOptions = {
      model: ds.model === "5pl" ? "5pl" : "prism4",
      ...(ds.model === "3pl" ? { fixed: { bottom: 0 } } : {}),
    };
    const global = fitGlobal([data], options);
    const profile = profileGlobalIc50Interval([data], global, options, 0);
    const exact = ds.r.profileCi95Exact!.map((v) => (ds.r.profileParameter === "e" ? Math.log10(v!) : v!));
    for (let side = 0; side < 2; side++) assertClose(profile.ciLog10[side]!, exact[side]!, 0, 1e-6, `side ${side}`);
    const model = ds.model === "ll4" ? "prism4" : ds.model;
    const separate = fitDoseResponse(data, { model });
    const own = profileIc50Interval(data, separate, { model });
    for (let side = 0; side < 2; side++) assertClose(profile.ciLog10[side]!, own.ciLog10[side]!, 0, 1e-8);
  });
}

test("a fixed LogIC50 has nothing to profile; a fit of other curves is refused", () => {
  const ds = closed[0]!;
  const data = { concentration_nM: ds.x, response: ds.y };
  const fixed: GlobalFitOptions = { fixed: { logIC50: 0 } };
  assert.throws(() => profileGlobalIc50Interval([data], fitGlobal([data], fixed), fixed, 0), RangeError);
  const two = fitGlobal([data, data], { shared: ["hill"] });
  assert.throws(() => profileGlobalIc50Interval([data], two, { shared: ["hill"] }, 0), RangeError);
});
