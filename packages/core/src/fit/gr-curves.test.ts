import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { InputError } from "../errors/input-error.ts";
import { readGrCaseA } from "../io/dose-response/grmetrics-case-a.ts";
import { readLongTable } from "../io/dose-response/long-table.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { grCurvesFromCaseA, grCurvesFromTable } from "./gr-curves.ts";
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
