/**
 * `--robust`: ROUT outlier removal through runDoseResponse. The reference is R: one gross outlier
 * (a well at 1 nM reading 160 %) is added to a dataset of packages/core/src/fit/__fixtures__/
 * dose-response-nls.json; the robust fit must call exactly that well an outlier and report the
 * least-squares fit of the remaining wells, which is R nls's fit of the original dataset
 * (parameters to 1e-4 relative, SEs to 1e-3, as the fixture's tolerances say).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { assertClose } from "@adclab/core/test-helpers";
import { type Ic50Result, runDoseResponse } from "./analysis.ts";
import { parseDoseResponseOptions } from "./contract.ts";
import type { DoseResponseOptionsInput } from "./options.ts";

const fixture = JSON.parse(
  readFileSync(new URL("../../../core/src/fit/__fixtures__/dose-response-nls.json", import.meta.url), "utf8"),
) as {
  tolerances: { params: number; se: number };
  datasets: {
    name: string;
    x: number[];
    y: number[];
    r: { params: Record<string, number>; se: Record<string, number>; ssr: number };
  }[];
};

function run(dataset: number, extra: string[], options: DoseResponseOptionsInput) {
  const d = fixture.datasets[dataset]!;
  const lines = [...d.x.map((x, i) => `S,X,${x},${d.y[i]}`), ...extra];
  const csv = `sample,compound,conc (nM),response\n${lines.join("\n")}\n`;
  return runDoseResponse(
    { file: { name: "d.csv", content: csv } },
    parseDoseResponseOptions({ normalize: "none", model: "prism4", ...options }),
  ).result as Ic50Result;
}

describe("--robust (ROUT) against R nls", () => {
  for (const dataset of [18, 19]) {
    it(`${fixture.datasets[dataset]!.name}: the added outlier is found; the fit is R's without it`, () => {
      const c = run(dataset, ["S,X,1,160"], { robust: true }).curves[0]!;
      assert.deepEqual(c.outliers, [{ concentration_nM: 1, response: 160 }]);
      assert.deepEqual(c.rout?.q_percent, 1);
      assert.ok(c.flags.includes("outliers-removed:1"), c.flags.join(" "));
      const r = fixture.datasets[dataset]!.r;
      assert.equal(c.n, fixture.datasets[dataset]!.x.length);
      assertClose(c.bottom.value, r.params.Bottom!, fixture.tolerances.params);
      assertClose(c.top.value, r.params.Top!, fixture.tolerances.params);
      assertClose(c.logIC50.value, r.params.LogIC50!, fixture.tolerances.params);
      assertClose(c.hill.value, r.params.HillSlope!, fixture.tolerances.params);
      assertClose(c.logIC50.se, r.se.LogIC50!, fixture.tolerances.se);
      assertClose(c.hill.se, r.se.HillSlope!, fixture.tolerances.se);
    });
  }
  it("without --robust the outlier stays in and the row has no outlier fields", () => {
    const c = run(18, ["S,X,1,160"], {}).curves[0]!;
    assert.equal(c.n, fixture.datasets[18]!.x.length + 1);
    assert.equal("outliers" in c || "rout" in c, false);
  });
});

describe("--robust, --rout-q: bad input names the flag", () => {
  const cases: [DoseResponseOptionsInput, RegExp][] = [
    [{ routQ: "1" }, /--rout-q needs --robust/],
    [{ robust: true, routQ: "0" }, /--rout-q.*Q in percent/],
    [{ robust: true, routQ: "50" }, /--rout-q/],
    [{ robust: true, routQ: "x" }, /--rout-q.*"?x/],
    [{ robust: true, routQ: "1,2" }, /--rout-q/],
    [{ model: "gr", robust: true }, /--robust is for IC50 models, not gr/],
  ];
  for (const [input, pattern] of cases) {
    it(JSON.stringify(input), () => assert.throws(() => parseDoseResponseOptions(input), pattern));
  }
});
