/**
 * The fit tables from real `adclab fit --json` documents (the examples, fitted here and sent
 * through JSON as the web page receives them). Each expected cell is written out from the JSON
 * with plain toPrecision / toExponential, not with the module's own formatter.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { runDoseResponse } from "../dose-response/analysis.ts";
import { parseDoseResponseOptions } from "../dose-response/contract.ts";
import {
  comparisonTable,
  constraintLine,
  curveTable,
  type FitJson,
  type GrJson,
  type Ic50Json,
  reversalTable,
} from "./fit.ts";

const example = (name: string) => {
  const path = new URL(`../../../../examples/dose-response/${name}`, import.meta.url);
  return { name, content: readFileSync(path) };
};
const fitJson = (file: string, flags: Record<string, unknown>): FitJson =>
  JSON.parse(JSON.stringify(runDoseResponse({ file: example(file) }, parseDoseResponseOptions(flags)).result));

// Every number these documents hold lies in [1e-3, 1e6) except the p values checked below.
const sig5 = (x: number) => String(Number(x.toPrecision(5)));
const col = (headers: string[], name: string) => {
  const i = headers.indexOf(name);
  assert.ok(i >= 0, `no column ${name} in ${headers.join(" | ")}`);
  return i;
};

describe("fit tables: an IC50 fit with a comparison and an inhibitor reversal", () => {
  const compare = fitJson("tdm1-long.csv", {
    model: "ll4",
    compare: ["BT-474:BT-474-TR"],
    share: ["hill"],
  }) as Ic50Json;
  const reversal = fitJson("reversal-long.csv", {
    model: "ll4",
    reversal: ["KPL-4 T-DM1R:verapamil:KPL-4"],
  }) as Ic50Json;

  it("curves: IC50 in the file's unit, its CI as lo–hi, the parameters to 5 significant digits", () => {
    const t = curveTable(reversal);
    assert.deepEqual(t.headers.slice(0, 3), ["curve", "IC50 (nM)", "95% CI"]);
    assert.equal(t.rows.length, 4);
    reversal.curves.forEach((c, i) => {
      const row = t.rows[i]!;
      assert.equal(row[0], c.id);
      assert.equal(c.ic50.qualifier, "="); // all four curves reach 50 % within the doses
      assert.equal(row[col(t.headers, "IC50 (nM)")], sig5(c.ic50.value!));
      assert.equal(row[col(t.headers, "95% CI")], `${sig5(c.ic50.ci95![0]!)}–${sig5(c.ic50.ci95![1]!)}`);
      const [plo, phi] = c.ic50_profileCi95_nM!;
      assert.equal(row[col(t.headers, "95% CI (profile)")], `${sig5(plo!)}–${sig5(phi!)}`);
      assert.equal(row[col(t.headers, "hill")], sig5(c.hill.value!));
      assert.equal(row[col(t.headers, "R²")], sig5(c.r2!));
      assert.equal(row[col(t.headers, "n")], String(c.n));
    });
  });

  it("comparison: fold with its Fieller and delta CIs, the F test's p in exponent form", () => {
    const t = comparisonTable(compare);
    const c = compare.comparisons[0]!;
    assert.deepEqual(t.rows[0]!.slice(0, 2), ["BT-474 · T-DM1", "BT-474-TR · T-DM1"]);
    assert.equal(t.rows[0]![2], sig5(c.fold.value!));
    const f = c.fold.ci95!.fieller;
    assert.equal(t.rows[0]![3], `${sig5(f[0]!)}–${sig5(f[1]!)}`);
    const p = c.sharedLogIC50FTest!.pValue!;
    assert.ok(p < 1e-3, "the fixture's lines differ clearly");
    assert.equal(t.rows[0]![5], p.toExponential(4));
  });

  it("reversal: the sample's and the parental line's reversal, and their ratio with its log-scale CI", () => {
    const t = reversalTable(reversal);
    const x = reversal.reversals[0]!;
    const row = t.rows[0]!;
    assert.deepEqual(row.slice(0, 3), ["KPL-4 T-DM1R", "verapamil", "T-DM1"]);
    assert.equal(row[3], sig5(x.reversal.value!));
    assert.equal(row[5], "KPL-4");
    assert.equal(row[6], sig5(x.parental!.reversal.value!));
    assert.equal(row[8], sig5(x.ratioToParental!.value!));
    const [lo, hi] = x.ratioToParental!.ci95!;
    assert.equal(row[9], `${sig5(lo!)}–${sig5(hi!)}`);
    assert.match(t.note ?? "", /IC50\(drug alone\) \/ IC50\(drug \+ inhibitor\)/);
  });

  it("a sample without a parental line: dashes, not numbers", () => {
    const alone = fitJson("reversal-long.csv", { model: "ll4", reversal: ["KPL-4 T-DM1R:verapamil"] });
    assert.deepEqual(reversalTable(alone).rows[0]!.slice(5), ["—", "—", "—", "—", "—"]);
  });

  it("what JSON makes of NaN (null) shows as NaN; an IC50 beyond the doses keeps its qualifier", () => {
    const doc = structuredClone(compare);
    const c = doc.curves[1]!;
    c.hill.value = null;
    c.ic50 = { ...c.ic50, qualifier: ">", value: 100 };
    const row = curveTable(doc).rows[1]!;
    assert.equal(row[col(curveTable(doc).headers, "hill")], "NaN");
    assert.equal(row[1], ">100");
    c.ic50_nM = null;
    assert.equal(curveTable(doc).rows[1]![1], "not converged");
  });

  it("the constraint line names the shared parameter; an unconstrained fit has none", () => {
    assert.equal(constraintLine(compare), "shared by the curves of each compound (one global fit): hill");
    assert.equal(constraintLine(reversal), "");
  });
});

describe("fit tables: GR metrics", () => {
  const gr = fitJson("gr-counts.csv", { model: "gr" }) as GrJson;

  it("GR50 and GEC50 in the file's unit, GRmax and GR_AOC to 5 significant digits", () => {
    const t = curveTable(gr);
    assert.deepEqual(t.headers, [
      "curve",
      "fit",
      "GR50 (nM)",
      "GRmax",
      "GRinf",
      "GEC50 (nM)",
      "h_GR",
      "GR_AOC",
      "r2",
      "n",
    ]);
    gr.curves.forEach((c, i) => {
      const row = t.rows[i]!;
      assert.deepEqual(row.slice(0, 2), [c.id, c.fit]);
      assert.equal(typeof c.GR50.value, "number");
      assert.equal(row[2], `${c.GR50.qualifier === "=" ? "" : c.GR50.qualifier}${sig5(c.GR50.value as number)}`);
      assert.equal(row[3], sig5(c.GRmax!));
      assert.equal(row[5], sig5(c.GEC50.value!));
      assert.equal(row[7], sig5(c.GR_AOC!));
    });
  });

  it('a GR50 the curve never reaches (JSON\'s "Infinity") is ∞, with its qualifier', () => {
    const doc = structuredClone(gr);
    doc.curves[0]!.GR50 = { ...doc.curves[0]!.GR50, value: "Infinity", qualifier: ">" };
    assert.equal(curveTable(doc).rows[0]![2], ">∞");
  });
});
