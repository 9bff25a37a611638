/**
 * `--compare-models` and the 5PL shared-LogIC50 F test, through runDoseResponse, against R: the
 * expected F, p and AIC are R's anova() and AIC() of the nested nls fits in
 * packages/core/src/fit/__fixtures__/dose-response-nls.json (scripts/fixtures/fit/dose-response-nls.R).
 * AICc is by hand from R's AIC: AICc = AIC + 2K(K + 1)/(n − K − 1), K = free parameters + 1 (σ).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { assertClose } from "@adclab/core/test-helpers";
import { type Ic50Result, runDoseResponse } from "./analysis.ts";
import { parseDoseResponseOptions } from "./contract.ts";

interface Fixture {
  tolerances: { pValue: number };
  datasets: { name: string; x: number[]; y: number[] }[];
  fTests: {
    name: string;
    datasets: number | number[];
    simpler: { ssr: number; df: number; aic?: number };
    complex: { ssr: number; df: number; aic?: number };
    f: number;
    p: number;
  }[];
}
const fixture = JSON.parse(
  readFileSync(new URL("../../../core/src/fit/__fixtures__/dose-response-nls.json", import.meta.url), "utf8"),
) as Fixture;
const fTest = (name: string) => fixture.fTests.find((t) => t.name === name)!;

/** A long table with the fixture's datasets as curves "d<i> · X", raw responses. */
function table(indices: number[]): string {
  const rows = indices.flatMap((i) =>
    fixture.datasets[i]!.x.map((x, k) => `d${i},X,${x},${fixture.datasets[i]!.y[k]}`),
  );
  return `sample,compound,conc (nM),response\n${rows.join("\n")}\n`;
}

function run(indices: number[], options: Parameters<typeof parseDoseResponseOptions>[0]) {
  const files = { file: { name: "fixture.csv", content: table(indices) } };
  const r = runDoseResponse(files, parseDoseResponseOptions({ normalize: "none", ...options })).result;
  assert.notEqual(r.model, "gr");
  return r as Extract<typeof r, { model: "ll4" | "prism4" | "3pl" | "5pl" }>;
}

const aicc = (aic: number, df: number, n: number) => {
  const k = n - df + 1;
  return aic + (2 * k * (k + 1)) / (n - k - 1);
};

function checkRow(
  row: NonNullable<ReturnType<typeof run>["modelComparisons"]>[number] | undefined,
  ref: Fixture["fTests"][number],
  n: number,
) {
  assert.ok(row?.fTest && row.aicc, row?.note);
  assertClose(row.simplerSsr!, ref.simpler.ssr, 1e-6);
  assertClose(row.complexSsr!, ref.complex.ssr, 1e-6);
  assert.equal(row.fTest.df1, ref.simpler.df - ref.complex.df);
  assert.equal(row.fTest.df2, ref.complex.df);
  assertClose(row.fTest.f, ref.f, 1e-5);
  assertClose(row.fTest.pValue, ref.p, fixture.tolerances.pValue);
  const simpler = aicc(ref.simpler.aic!, ref.simpler.df, n);
  const complex = aicc(ref.complex.aic!, ref.complex.df, n);
  assertClose(row.aicc.simpler, simpler, 1e-7);
  assertClose(row.aicc.complex, complex, 1e-7);
  assertClose(row.aicc.difference, simpler - complex, 1e-6);
  assert.equal(row.preferredByFTest, ref.p < 0.05 ? "complex" : "simpler");
  assert.equal(row.aicc.preferred, simpler > complex ? "complex" : "simpler");
}

describe("--compare-models agrees with R anova() and AIC()", () => {
  it("3PL (bottom = 0) vs 4PL on the 3PL dataset", () => {
    const r = run([22], { compareModels: true });
    const rows = r.modelComparisons!;
    // Raw responses: no Top = 100 pair; the 3PL (bottom) pair and the 4PL vs 5PL pair.
    assert.deepEqual(
      rows.map((m) => `${m.simpler} vs ${m.complex}`),
      ["3PL (bottom = 0) vs 4PL", "4PL vs 5PL"],
    );
    checkRow(rows[0], fTest("3PL vs 4PL on the 3PL dataset"), fixture.datasets[22]!.x.length);
  });
  it("4PL vs 5PL on the asymmetric and on the resistant dataset (zero-dose wells included)", () => {
    const r = run([21, 19], { compareModels: true, model: "prism4" });
    assert.equal(r.curves[0]!.n, fixture.datasets[21]!.x.length);
    const fivePl = r.modelComparisons!.filter((m) => m.complex === "5PL");
    checkRow(fivePl[0], fTest("4PL vs 5PL on the asymmetric dataset"), fixture.datasets[21]!.x.length);
    checkRow(fivePl[1], fTest("4PL vs 5PL on the resistant dataset"), fixture.datasets[19]!.x.length);
  });
  it("without the switch the document has no modelComparisons field", () => {
    assert.equal("modelComparisons" in run([22], {}), false);
  });
});

describe("--model 5pl --compare: the shared-LogIC50 F test of the 5PL (each curve keeps its S)", () => {
  for (const [name, idx] of [
    ["DNase runs 1 and 2 (5PL)", [0, 1]],
    ["noisy replicates vs zero-dose LL.4 (5PL)", [16, 17]],
  ] as const) {
    it(name, () => {
      const r = run([...idx], { model: "5pl", compare: [`d${idx[0]}:d${idx[1]}`] });
      const t = r.comparisons[0]!.sharedLogIC50FTest;
      const ref = fTest(name);
      assert.ok(t, r.comparisons[0]!.note);
      assert.equal(t.df2, ref.complex.df);
      assertClose(t.f, ref.f, 1e-5);
      assertClose(t.pValue, ref.p, fixture.tolerances.pValue);
    });
  }
});

describe("--compare-models: bad input", () => {
  it("is not for gr", () => {
    assert.throws(() => parseDoseResponseOptions({ model: "gr", compareModels: true }), /--compare-models/);
  });
  it("is a switch", () => {
    assert.throws(
      () => parseDoseResponseOptions({ compareModels: "yes" as unknown as boolean }),
      /--compare-models.*switch/,
    );
  });
});

describe("--compare-models on a normalized plate (% of vehicle) agrees with SciPy", () => {
  // __fixtures__/model-comparison-tdm1.json: scripts/fixtures/dose-response/model-comparison-tdm1.py
  // normalizes examples/dose-response/tdm1-long.csv itself and fits each model with curve_fit.
  it("3PL (bottom = 0), 3PL (top = 100) vs 4PL and 4PL vs 5PL on both lines", () => {
    const ref = JSON.parse(
      readFileSync(new URL("./__fixtures__/model-comparison-tdm1.json", import.meta.url), "utf8"),
    ) as {
      tolerances: { ssr: number; pValue: number; aicc: number };
      comparisons: {
        curve: string;
        simpler: string;
        complex: string;
        simplerSsr: number;
        complexSsr: number;
        f: number;
        df1: number;
        df2: number;
        p: number;
        aiccSimpler: number;
        aiccComplex: number;
      }[];
    };
    const csv = readFileSync(new URL("../../../../examples/dose-response/tdm1-long.csv", import.meta.url));
    const r = runDoseResponse(
      { file: { name: "tdm1-long.csv", content: csv } },
      parseDoseResponseOptions({ compareModels: true }),
    ).result as Ic50Result;
    const rows = r.modelComparisons!;
    assert.equal(rows.length, ref.comparisons.length);
    ref.comparisons.forEach((e, i) => {
      const m = rows[i]!;
      assert.deepEqual([m.curve, m.simpler, m.complex], [e.curve, e.simpler, e.complex]);
      assert.ok(m.fTest && m.aicc, m.note);
      assertClose(m.simplerSsr!, e.simplerSsr, ref.tolerances.ssr);
      assertClose(m.complexSsr!, e.complexSsr, ref.tolerances.ssr);
      assert.deepEqual([m.fTest.df1, m.fTest.df2], [e.df1, e.df2]);
      assertClose(m.fTest.pValue, e.p, ref.tolerances.pValue);
      assertClose(m.aicc.simpler, e.aiccSimpler, ref.tolerances.aicc);
      assertClose(m.aicc.complex, e.aiccComplex, ref.tolerances.aicc);
    });
  });
});
