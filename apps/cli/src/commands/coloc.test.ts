import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { memoryIo } from "../io.ts";
import { main } from "../main.ts";

const fixtures = new URL("../../../../packages/core/src/coloc/__fixtures__/", import.meta.url).pathname;
const fx = (name: string) => join(fixtures, name);
const ref = JSON.parse(readFileSync(fx("reference.json"), "utf8"));
const refCase = (name: string) => ref.cases.find((c: { name: string }) => c.name === name);

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.abs(b);

describe("adclab coloc, one image", () => {
  it("OME-TIFF with channels by name: Coloc 2 metrics as JSON, equal to the NumPy/SciPy reference", async () => {
    const r = await run(
      "coloc",
      fx("pair-u16-deflate.ome.tif"),
      "--ch1",
      "T-DM1",
      "--ch2",
      "lamp1",
      "--threshold",
      "manual:400,300",
      "--costes-iterations",
      "0",
      "--json",
    );
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.schema, "adclab.coloc/1");
    assert.deepEqual(j.channels, { ch1: { index: 1, name: "T-DM1-488" }, ch2: { index: 2, name: "LAMP1-594" } });
    assert.deepEqual(j.image.pixelSize, { x: 0.108, y: 0.108, unit: "µm" });
    const m = refCase("16-bit pair, whole image").metrics;
    const row = j.rows[0];
    assert.ok(
      close(row.pearson.all, m.pearson) && close(row.manders.tM1, m.tM1) && close(row.kendallTauB, m.kendallTauB),
    );
    assert.equal(row.costes, null);
  });
  it("one single-channel file per channel (LZW), with the cytofluorogram as PNG", async () => {
    const dir = mkdtempSync(join(tmpdir(), "adclab-coloc-"));
    const png = join(dir, "cyto.png");
    const r = await run(
      "coloc",
      fx("pair-ch1-lzw.tif"),
      fx("pair-ch2-lzw.tif"),
      "--costes-iterations",
      "10",
      "--histogram",
      png,
      "--json",
    );
    assert.equal(r.code, 0, r.err);
    const row = JSON.parse(r.out).rows[0];
    const c = refCase("16-bit pair, whole image");
    assert.ok(close(row.pearson.all, c.metrics.pearson));
    assert.deepEqual([row.thresholds.ch1, row.thresholds.ch2], [c.costes.ch1, c.costes.ch2]);
    assert.equal(row.costes.iterations, 10);
    assert.deepEqual([...readFileSync(png).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.deepEqual(readdirSync(dir), ["cyto.png"], "no temporary files left behind");
  });
  it("a label image gives one row per cell, each equal to the reference for that cell", async () => {
    const r = await run(
      "coloc",
      fx("pair-u16-imagej.tif"),
      "--labels",
      fx("pair-labels.tif"),
      "--threshold",
      "manual:400,300",
      "--costes-iterations",
      "0",
      "--no-kendall",
      "--json",
    );
    assert.equal(r.code, 0, r.err);
    const rows = JSON.parse(r.out).rows;
    assert.deepEqual(
      rows.map((x: { label: number }) => x.label),
      [1, 2, 5, 9],
    );
    for (const row of rows)
      assert.ok(close(row.pearson.all, refCase(`16-bit pair, cell ${row.label}`).metrics.pearson));
    const text = await run(
      "coloc",
      fx("pair-u16-imagej.tif"),
      "--labels",
      fx("pair-labels.tif"),
      "--costes-iterations",
      "0",
      "--no-kendall",
    );
    assert.match(text.out, /slice\s+cell\s+pixels\s+pearson/);
  });
  it("a z-stack per slice gives one row per slice", async () => {
    const r = await run(
      "coloc",
      fx("zstack-u16-imagej.tif"),
      "--per-slice",
      "--threshold",
      "manual:400,300",
      "--costes-iterations",
      "0",
      "--json",
    );
    assert.equal(r.code, 0, r.err);
    const rows = JSON.parse(r.out).rows;
    assert.deepEqual(
      rows.map((x: { slice: number }) => x.slice),
      [1, 2, 3, 4],
    );
    assert.ok(close(rows[2].pearson.all, refCase("z-stack, slice 3").metrics.pearson));
  });
});

/** A tiny TIFF header that declares a 100000 × 100000 Deflate image. */
function bombTiff(): Uint8Array {
  const entries: [number, number, number][] = [
    [256, 4, 100000],
    [257, 4, 100000],
    [258, 3, 16],
    [259, 3, 8],
    [262, 3, 1],
    [273, 4, 130],
    [277, 3, 1],
    [278, 4, 100000],
    [279, 4, 16],
  ];
  const out = new Uint8Array(146);
  const v = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  v.setUint32(4, 8, true);
  v.setUint16(8, entries.length, true);
  entries.forEach(([tag, type, value], i) => {
    v.setUint16(10 + i * 12, tag, true);
    v.setUint16(12 + i * 12, type, true);
    v.setUint32(14 + i * 12, 1, true);
    if (type === 3) v.setUint16(18 + i * 12, value, true);
    else v.setUint32(18 + i * 12, value, true);
  });
  return out;
}

describe("adclab coloc, bad input: one clear line, exit code 2, nothing written", () => {
  const dir = mkdtempSync(join(tmpdir(), "adclab-coloc-bad-"));
  const notTiff = join(dir, "table.tif");
  writeFileSync(notTiff, "image,condition\na.tif,parental\n");
  const truncated = join(dir, "cut.tif");
  writeFileSync(truncated, readFileSync(fx("pair-u16-imagej.tif")).subarray(0, 20000));
  const bomb = join(dir, "bomb.tif");
  writeFileSync(bomb, bombTiff());
  const png = join(dir, "out.png");
  const cases: [string, string[], RegExp][] = [
    ["not a TIFF", [notTiff], /table\.tif: not a TIFF file/],
    ["a truncated TIFF", [truncated], /cut\.tif: (malformed or )?truncated TIFF/],
    [
      "a channel out of range",
      [fx("pair-u16-imagej.tif"), "--ch2", "3"],
      /--ch2: channel 3 is out of range: the image has 2 channels/,
    ],
    [
      "a mask of another size",
      [fx("pair-u16-imagej.tif"), "--mask", fx("zstack-u16-imagej.tif")],
      /--mask: is 48×40×4 but the image is 128×96/,
    ],
    [
      "one channel where two are needed",
      [fx("pair-ch1-lzw.tif")],
      /pair-ch1-lzw\.tif: the image has one channel, but co-localization needs two/,
    ],
    [
      "a decompression bomb",
      [bomb],
      /bomb\.tif: page 1 declares .* more than the limit maxPageBytes .*refusing to decode/,
    ],
    [
      "an unknown threshold method",
      [fx("pair-u16-imagej.tif"), "--threshold", "li"],
      /--threshold: unknown threshold 'li'/,
    ],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const r = await run("coloc", ...args, "--histogram", png, "--costes-iterations", "0");
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, message);
      assert.equal(r.err.trim().split("\n").length, 1, "one line, no stack trace");
      assert.equal(r.out, "");
      assert.equal(existsSync(png), false, "no output file");
    });
  }
});

describe("adclab coloc --batch", () => {
  const folder = mkdtempSync(join(tmpdir(), "adclab-coloc-batch-"));
  for (const f of ["pair-u16-imagej.tif", "pair-u16-deflate.ome.tif", "pair-labels.tif"])
    copyFileSync(fx(f), join(folder, f));
  writeFileSync(join(folder, "broken.tif"), "not an image");
  const design = join(folder, "design.csv");
  writeFileSync(
    design,
    [
      "image,condition,time_h,labels",
      "pair-u16-imagej.tif,parental,2,pair-labels.tif",
      "pair-u16-deflate.ome.tif,resistant,2,pair-labels.tif",
    ].join("\n"),
  );
  it("analyses every image on worker threads and writes per-image, per-cell and comparison tables", async () => {
    const r = await run(
      "coloc",
      "--batch",
      folder,
      "--design",
      design,
      "--workers",
      "2",
      "--costes-iterations",
      "0",
      "--no-kendall",
      "--threshold",
      "manual:400,300",
      "--json",
    );
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.workers, 2);
    assert.equal(j.cells, 8);
    const cells = readFileSync(join(folder, "coloc-cells.csv"), "utf8").trim().split("\n");
    assert.equal(cells.length, 1 + 8);
    const header = (cells[0] as string).split(",");
    const pearson = header.indexOf("pearson");
    const first = (cells[1] as string).split(",");
    assert.ok(close(Number(first[pearson]), refCase("16-bit pair, cell 1").metrics.pearson));
    // the same pixels in both conditions: no difference, P = 1
    const cmp = readFileSync(join(folder, "coloc-comparison.csv"), "utf8").trim().split("\n");
    assert.equal(cmp.length, 2);
    assert.match(cmp[1] as string, /^pearson,cells,2,parental,resistant,4,4,/);
    assert.equal(j.comparison[0].mannWhitneyP, 1);
    assert.ok(existsSync(join(folder, "coloc-images.csv")));
  });
  it("a bad image stops the batch with its design row, exit 2, and writes nothing", async () => {
    const out = mkdtempSync(join(tmpdir(), "adclab-coloc-batch-out-"));
    const bad = join(folder, "design-bad.csv");
    writeFileSync(
      bad,
      ["image,condition,time_h", "pair-u16-imagej.tif,parental,2", "broken.tif,resistant,2"].join("\n"),
    );
    const r = await run(
      "coloc",
      "--batch",
      folder,
      "--design",
      bad,
      "--out",
      out,
      "--workers",
      "1",
      "--costes-iterations",
      "0",
    );
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /design-bad\.csv, row 3: .*broken\.tif: not a TIFF file/);
    assert.deepEqual(readdirSync(out), []);
  });
});
