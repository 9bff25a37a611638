/**
 * The co-localization tables from real `adclab coloc --json` documents (the core's TIFF fixtures,
 * analysed here and sent through JSON as the web page receives them). Expected cells are written
 * out from the JSON with plain toPrecision(4), not with the module's formatter.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { analyzeColocImage, colocJson } from "../coloc/analyze.ts";
import type { ColocAnalysisOptions } from "../coloc/options.ts";
import { type ColocJson, colocDisplay } from "./coloc.ts";

const fixtures = new URL("../../../core/src/coloc/__fixtures__/", import.meta.url);
const fx = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, fixtures))) });
const options = (costesIterations: number): ColocAnalysisOptions => ({
  threshold: { method: "manual", ch1: 400, ch2: 300 },
  costesIterations,
  blockSize: 3,
  seed: 1,
  perSlice: false,
  kendall: true,
});
// Metrics of these images lie in [1e-3, 1e6) or are exactly 0 or 1; checked per cell below.
const sig4 = (x: number) => String(Number(x.toPrecision(4)));
const shown = (x: number | null) => (x === null ? "—" : sig4(x));

describe("coloc tables: one region", async () => {
  const o = options(10);
  const { pixels: _, ...result } = await analyzeColocImage(
    { image: fx("pair-u16-deflate.ome.tif"), ch1: "T-DM1", ch2: "LAMP1" },
    o,
  );
  const doc = JSON.parse(JSON.stringify(colocJson(result, o, {}))) as ColocJson;
  const row = doc.rows[0]!;
  const shownDoc = colocDisplay(doc);
  const region = shownDoc.region!;

  it("the head line names the file, size, sample type and both channels", () => {
    const i = doc.image;
    const ch = (c: { index: number | null; name: string | null }) => `${c.index} (${c.name})`;
    assert.equal(shownDoc.rows, null);
    assert.equal(
      shownDoc.head,
      `pair-u16-deflate.ome.tif: ${i.width}×${i.height} ${i.sampleType}, ch1 ${ch(doc.channels.ch1)} vs ch2 ${ch(doc.channels.ch2)}`,
    );
    assert.equal(region.thresholds, `pixels ${row.nPixels}, thresholds (manual) ch1 400, ch2 300`);
  });

  it("the metric table: the eleven metrics to 4 significant digits", () => {
    const t = region.metrics;
    assert.deepEqual(t.headers, ["metric", "value"]);
    const cell = (k: string) => t.rows.find((r) => r[0] === k)?.[1];
    assert.equal(t.rows.length, 11);
    for (const v of [row.pearson.all, row.spearman, row.manders.tM1, row.liIcq]) {
      assert.ok(v !== null && Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6);
    }
    assert.equal(cell("pearson"), sig4(row.pearson.all!));
    assert.equal(cell("spearman"), sig4(row.spearman!));
    assert.equal(cell("kendall"), shown(row.kendallTauB));
    assert.equal(cell("tM1"), sig4(row.manders.tM1!));
    assert.equal(cell("ICQ"), sig4(row.liIcq!));
  });

  it("the Costes sentence; none without the test", () => {
    const c = row.costes!;
    assert.equal(
      region.costes,
      `Costes test (10 shuffles, 3-px blocks): shuffled r ${shown(c.shuffledMean)} ± ${shown(c.shuffledSd)}, Coloc 2 P ${shown(c.costesPValue)} (≥ 0.95 = co-localized), randomization P ${shown(c.pValue)}`,
    );
    assert.equal(colocDisplay({ ...doc, rows: [{ ...row, costes: null }] }).region?.costes, null);
  });

  it("an undefined metric (null) is a dash; a live NaN is NaN", () => {
    const live = { ...row, kendallTauB: null, pearson: { ...row.pearson, all: Number.NaN } };
    const t = colocDisplay({ ...doc, rows: [live] }).region!.metrics;
    assert.equal(t.rows.find((r) => r[0] === "kendall")?.[1], "—");
    assert.equal(t.rows.find((r) => r[0] === "pearson")?.[1], "NaN");
  });
});

describe("coloc tables: per cell with a label image", async () => {
  const o = options(0);
  const { pixels: _, ...result } = await analyzeColocImage(
    { image: fx("pair-u16-imagej.tif"), labels: fx("pair-labels.tif") },
    o,
  );
  const doc = JSON.parse(JSON.stringify(colocJson(result, o, { labels: "pair-labels.tif" }))) as ColocJson;

  it("one row per cell: slice empty, the label, the pixel count, then every metric", () => {
    const shownDoc = colocDisplay(doc);
    assert.equal(shownDoc.region, null);
    const t = shownDoc.rows!;
    assert.deepEqual(t.headers.slice(0, 5), ["slice", "cell", "pixels", "pearson", "pearson<T"]);
    assert.equal(t.headers.length, 18);
    assert.ok(doc.rows.length > 1);
    doc.rows.forEach((r, i) => {
      const cells = t.rows[i]!;
      assert.deepEqual(cells.slice(0, 3), ["", String(r.label), String(r.nPixels)]);
      assert.equal(cells[col(t.headers, "pearson")], shown(r.pearson.all));
      assert.equal(cells[col(t.headers, "M1")], shown(r.manders.m1));
      assert.equal(cells[col(t.headers, "T1")], "400");
      assert.equal(cells[col(t.headers, "costesP")], "—"); // no Costes test was run
    });
  });
});

function col(headers: string[], name: string): number {
  const i = headers.indexOf(name);
  assert.ok(i >= 0, `no column ${name}`);
  return i;
}
