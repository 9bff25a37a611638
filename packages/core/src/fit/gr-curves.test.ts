import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { InputError } from "../errors/input-error.ts";
import { parseDelimited } from "../io/delimited.ts";
import { keyColumns, readCountTable } from "../io/dose-response/count-table.ts";
import { readGrCaseA } from "../io/dose-response/grmetrics-case-a.ts";
import { readLongTable, readLongTableRows } from "../io/dose-response/long-table.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { grCurvesFromCaseA, grCurvesFromSeparateTables, grCurvesFromTable } from "./gr-curves.ts";
import { fitGrMetrics } from "./gr-metrics.ts";
import { grValue } from "./gr-values.ts";

describe("grCurvesFromCaseA: a GRmetrics Case A file end to end", () => {
  it("reproduces the published metrics of MCF10A drugA 0 1 48 (GRmetrics example)", () => {
    const lines = readFileSync(new URL("./__fixtures__/gr-toy-example-input1.tsv", import.meta.url), "utf8").split(
      "\n",
    );
    const text = [lines[0], ...lines.filter((l) => l.startsWith("MCF10A\tdrugA\t0\t1\t48\t"))].join("\n");
    const a = readGrCaseA(text, { file: "toy.tsv", defaultUnit: "µM" })!;
    const [curve, ...rest] = grCurvesFromCaseA(a.table, a.controls, a.time0);
    assert.equal(rest.length, 0);
    assert.equal(curve!.id, "MCF10A · drugA");
    const m = fitGrMetrics({ concentration_nM: curve!.concentration_nM, gr: curve!.gr });
    // published (R_input1_GRmetrics.tsv): GR50 0.0401590540510592 µM, GRinf −0.0656685389606291, h 1.16389429109656
    assertClose(m.GR50_nM / 1000, 0.0401590540510592, 1e-3);
    assertClose(m.GRinf, -0.0656685389606291, 1e-3);
    assertClose(m.h_GR, 1.16389429109656, 1e-3);
  });
  it("returns undefined for a table without Case A columns", () => {
    assert.equal(readGrCaseA("sample,compound,conc (nM),response\nA,X,1,2\n", { file: "x.csv" }), undefined);
  });
});

describe("grCurvesFromTable: stacked treated / vehicle / t0 wells", () => {
  const text = [
    "sample,compound,conc (nM),response,role,time_h",
    "A,,0,200,t0,0",
    "A,,0,800,vehicle,72",
    ...[1, 10, 100, 1000].map((c, i) => `A,T-DM1,${c},${[700, 400, 250, 150][i]},,72`),
  ].join("\n");
  it("matches controls and time-zero counts to each well and computes GR", () => {
    const [c] = grCurvesFromTable(readLongTable(text, { file: "s.csv" }));
    assert.deepEqual([...c!.concentration_nM], [1, 10, 100, 1000]);
    [700, 400, 250, 150].forEach((n, i) => {
      assertClose(c!.gr[i]!, grValue(n, 800, 200), 1e-15);
    });
  });
  it("says so when there are no time-zero wells", () => {
    const noT0 = text
      .split("\n")
      .filter((l) => !l.includes(",t0,"))
      .join("\n");
    assert.throws(
      () => grCurvesFromTable(readLongTable(noT0, { file: "s.csv" })),
      (e: unknown) =>
        e instanceof InputError && /^s\.csv, column 'role': GR values need time-zero counts/.test(e.message),
    );
  });
});

describe("grCurvesFromSeparateTables: GRmetrics' separate control and time-zero tables", () => {
  it("matches on the key columns the tables share, with 50 % trimmed means of replicates", () => {
    const data = parseDelimited(
      [
        "cell_line\tagent\treplicate\ttime\tconcentration\tcell_count",
        ...[0.01, 0.1, 1, 10].map((c, i) => `MCF7\tdrugA\t1\t72\t${c}\t${[900, 700, 400, 300][i]}`),
        ...[0.01, 0.1, 1, 10].map((c, i) => `BT20\tdrugA\t1\t72\t${c}\t${[1500, 1200, 800, 600][i]}`),
      ].join("\n"),
    );
    const table = readLongTableRows(data, { file: "data.tsv", defaultUnit: "µM" });
    const ctrl = readCountTable(
      "cell_line\ttime\tcell_count\nMCF7\t72\t1000\nMCF7\t72\t1100\nMCF7\t72\t90\nMCF7\t72\t5000\nBT20\t72\t1600\n",
      "ctrl.tsv",
    );
    const t0 = readCountTable("cell_line\ttime\tcell_count\nMCF7\t0\t250\nBT20\t0\t500\n", "t0.tsv");
    const curves = grCurvesFromSeparateTables(table, keyColumns(data), ctrl, t0);
    assert.deepEqual(
      curves.map((c) => c.id),
      ["MCF7 · drugA", "BT20 · drugA"],
    );
    // MCF7 control: trimmed mean of {90, 1000, 1100, 5000} drops one at each end → 1050.
    [900, 700, 400, 300].forEach((n, i) => {
      assertClose(curves[0]!.gr[i]!, grValue(n, 1050, 250), 1e-15);
    });
    assertClose(curves[1]!.gr[0]!, grValue(1500, 1600, 500), 1e-15);
  });
});
