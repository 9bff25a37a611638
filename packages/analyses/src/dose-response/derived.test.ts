/**
 * `--ec`, `--absolute-ec` and `--auc` through runDoseResponse, against SciPy
 * (__fixtures__/derived-quantities.json, made by scripts/fixtures/dose-response/derived-quantities.py):
 * curve_fit on the same datasets, Prism's ECanything in closed form, the absolute EC by a root
 * search on the fitted curve, delta-method SEs with a complex-step gradient, AUC by quad.
 * Values to 1e-5 relative (two independent fits of the same data), SE(log10) to 1e-3, AUC to 1e-6.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { assertClose } from "@adclab/core/test-helpers";
import { type Ic50Result, runDoseResponse } from "./analysis.ts";
import { parseDoseResponseOptions } from "./contract.ts";
import type { DoseResponseOptionsInput } from "./options.ts";

interface Estimate {
  value_nM: number;
  qualifier: "=" | ">" | "<";
  seLog10: number;
  ci95_nM: [number, number];
}
const reference = JSON.parse(
  readFileSync(new URL("./__fixtures__/derived-quantities.json", import.meta.url), "utf8"),
) as {
  tolerances: { value: number; seLog10: number; auc: number };
  results: {
    dataset: number;
    name: string;
    model: "prism4" | "5pl";
    relative: (Estimate & { percent: number })[];
    absolute: (Estimate & { level: number; defined: boolean })[];
    auc: number;
    aucRange_nM: [number, number];
    emax: number;
  }[];
};
const data = JSON.parse(
  readFileSync(new URL("../../../core/src/fit/__fixtures__/dose-response-nls.json", import.meta.url), "utf8"),
) as { datasets: { x: number[]; y: number[] }[] };
const tol = reference.tolerances;

function run(dataset: number, options: DoseResponseOptionsInput) {
  const d = data.datasets[dataset]!;
  const csv = `sample,compound,conc (nM),response\n${d.x.map((x, i) => `S,X,${x},${d.y[i]}`).join("\n")}\n`;
  const r = runDoseResponse(
    { file: { name: "d.csv", content: csv } },
    parseDoseResponseOptions({ normalize: "none", ...options }),
  ).result;
  assert.notEqual(r.model, "gr");
  return (r as Ic50Result).curves[0]!;
}

describe("--ec and --absolute-ec agree with SciPy", () => {
  for (const ref of reference.results) {
    it(`${ref.name} (${ref.model})`, () => {
      const c = run(ref.dataset, { model: ref.model, ec: "10,50,90", absoluteEc: "50", auc: true });
      const rows = c.effectiveConcentrations!;
      assert.deepEqual(
        rows.map((e) => e.label),
        ["EC10", "EC50", "EC90", "absEC50"],
      );
      const expected = [...ref.relative, ...ref.absolute];
      rows.forEach((row, i) => {
        const e = expected[i]!;
        assert.equal(row.defined, true);
        assert.equal(row.qualifier, e.qualifier, row.label);
        assertClose(row.seLog10!, e.seLog10, tol.seLog10);
        if (e.qualifier === "=") {
          assertClose(row.value_nM!, e.value_nM, tol.value);
          assertClose(row.ci95_nM![0], e.ci95_nM[0], tol.seLog10);
          assertClose(row.ci95_nM![1], e.ci95_nM[1], tol.seLog10);
        } else {
          // Beyond the tested range: the tested limit, no CI (SciPy's estimate lies beyond it).
          assert.equal(row.value_nM, e.qualifier === ">" ? ref.aucRange_nM[1] : ref.aucRange_nM[0]);
          assert.ok(e.qualifier === ">" ? e.value_nM > row.value_nM! : e.value_nM < row.value_nM!);
          assert.equal(row.ci95_nM, null);
        }
      });
      assertClose(c.auc!.value, ref.auc, tol.auc);
      assert.deepEqual(c.auc!.range_nM, ref.aucRange_nM);
      assertClose(c.auc!.meanResponse, ref.auc / Math.log10(ref.aucRange_nM[1] / ref.aucRange_nM[0]), tol.auc);
      assert.equal(c.auc!.unit, "response × log10(conc)");
      assertClose(c.emax!.value, ref.emax, tol.value);
    });
  }
  it("an absolute level the curve never reaches is undefined, not extrapolated", () => {
    // Parental curve: Bottom ≈ 3.4, so a response of 1 is never reached.
    const e = run(18, { model: "prism4", absoluteEc: "1" }).effectiveConcentrations![0]!;
    assert.equal(e.defined, false);
    assert.equal(e.value, null);
    assert.match(e.note!, /never reaches a response of 1/);
  });
  it("without the flags the curve rows have no new fields", () => {
    const c = run(18, { model: "prism4" });
    assert.equal("effectiveConcentrations" in c || "auc" in c || "emax" in c, false);
  });
});

describe("--ec, --absolute-ec, --auc: bad input names the flag", () => {
  const cases: [DoseResponseOptionsInput, RegExp][] = [
    [{ ec: "0" }, /--ec.*between 0 and 100.*got "?0/],
    [{ ec: "50,abc" }, /--ec.*abc/],
    [{ ec: "100" }, /--ec/],
    [{ ec: "" }, /--ec: no values given/],
    [{ absoluteEc: "fifty" }, /--absolute-ec.*fifty/],
    [{ model: "gr", ec: "50" }, /--ec is for IC50 models, not gr/],
    [{ model: "gr", auc: true }, /--auc is for IC50 models, not gr/],
    [{ auc: "yes" as unknown as boolean }, /--auc: a switch is true or false/],
  ];
  for (const [input, pattern] of cases) {
    it(JSON.stringify(input), () => assert.throws(() => parseDoseResponseOptions(input), pattern));
  }
});
