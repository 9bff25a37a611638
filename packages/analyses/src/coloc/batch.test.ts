import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { isInputError } from "@adclab/core";
import { analyzeColocImage } from "./analyze.ts";
import { parseColocDesign, summarizeColocBatch } from "./batch.ts";

const fixtures = new URL("../../../core/src/coloc/__fixtures__/", import.meta.url);
const fx = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, fixtures))) });
const ref = JSON.parse(readFileSync(new URL("reference.json", fixtures), "utf8"));
const refCase = (name: string) => ref.cases.find((c: { name: string }) => c.name === name);

const known = new Map([
  ["a.tif", "id-a"],
  ["b.tif", "id-b"],
  ["cells.tif", "id-cells"],
]);
const src = { file: "design.csv", where: "the experiment", resolve: (n: string) => known.get(n) };

describe("the design table", () => {
  it("resolves every file through the caller (paths for the CLI, uploaded files for the API)", () => {
    const rows = parseColocDesign("image,condition,time_h,labels\na.tif,parental,2,cells.tif\nb.tif,T-DM1R,2,\n", src);
    assert.deepEqual(rows, [
      { row: 2, image: "id-a", labels: "id-cells", condition: "parental", time_h: 2 },
      { row: 3, image: "id-b", condition: "T-DM1R", time_h: 2 },
    ]);
  });
  for (const [what, text, re] of [
    ["a missing column", "image,condition\na.tif,p\n", /design\.csv, row 1: no column 'time_h'/],
    [
      "an unknown file",
      "image,condition,time_h\nc.tif,p,2\n",
      /design\.csv, row 2, column 'image': file 'c\.tif' not found in the experiment/,
    ],
    ["a negative time", "image,condition,time_h\na.tif,p,-1\n", /row 2, column 'time_h': not a chase time in hours/],
    ["no rows", "image,condition,time_h\n", /design\.csv: the design table lists no images/],
  ] as const) {
    it(`refuses ${what}`, () => {
      assert.throws(
        () => parseColocDesign(text, src),
        (e) => isInputError(e) && re.test(e.message),
      );
    });
  }
});

describe("summarizeColocBatch", () => {
  it("per-cell tables with the reference values, and a comparison of identical conditions at P = 1", async () => {
    const opts = {
      threshold: { method: "manual" as const, ch1: 400, ch2: 300 },
      costesIterations: 0,
      blockSize: 3,
      seed: 1,
      perSlice: false,
      kendall: false,
    };
    const r = await analyzeColocImage({ image: fx("pair-u16-imagej.tif"), labels: fx("pair-labels.tif") }, opts);
    const s = summarizeColocBatch(
      [
        { name: "a.tif", condition: "parental", time_h: 2, labels: true, result: r },
        { name: "b.tif", condition: "resistant", time_h: 2, labels: true, result: r },
      ],
      { reference: "parental", metric: "pearson" },
    );
    assert.equal(s.cells, 8);
    assert.equal(s.units, "cells");
    assert.deepEqual(Object.keys(s.tables), ["coloc-images.csv", "coloc-cells.csv", "coloc-comparison.csv"]);
    const cells = s.tables["coloc-cells.csv"]!.trim().split("\n");
    const header = cells[0]!.split(",");
    for (const line of cells.slice(1)) {
      const f = line.split(",");
      const c = refCase(`16-bit pair, cell ${f[header.indexOf("cell")]}`).metrics;
      assert.ok(Math.abs(Number(f[header.indexOf("pearson")]) - c.pearson) < 1e-9);
      assert.ok(Math.abs(Number(f[header.indexOf("tm1")]) - c.tM1) < 1e-9);
    }
    assert.equal(s.comparison[0]?.mannWhitneyP, 1);
    assert.match(s.tables["coloc-comparison.csv"]!.split("\n")[1]!, /^pearson,cells,2,parental,resistant,4,4,/);
    assert.throws(() => summarizeColocBatch([], { reference: "p", metric: "colour" }), /unknown metric 'colour'/);
  });
});
