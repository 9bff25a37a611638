import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { inflateSync } from "node:zlib";
import { isInputError, readTiff } from "@adclab/core";
import { analyzeColocImage, colocJson } from "./analyze.ts";
import { colocCytofluorogramSvg } from "./cytofluorogram.ts";
import { colocCytofluorogramPng } from "./cytofluorogram-png.ts";
import { CLI_FIELD_NAMES, type ColocAnalysisOptions, type ColocFieldNames, parseColocThreshold } from "./options.ts";
import { colocImageInfo, percentileRange } from "./previews.ts";

const fixtures = new URL("../../../core/src/coloc/__fixtures__/", import.meta.url);
const fx = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, fixtures))) });
// The NumPy/SciPy reference made by scripts/fixtures/coloc/coloc_reference.py.
const ref = JSON.parse(readFileSync(new URL("reference.json", fixtures), "utf8"));
const refCase = (name: string) => ref.cases.find((c: { name: string }) => c.name === name);
const close = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

const manual: ColocAnalysisOptions = {
  threshold: { method: "manual", ch1: 400, ch2: 300 },
  costesIterations: 0,
  blockSize: 3,
  seed: 1,
  perSlice: false,
  kendall: true,
};
const API_FIELDS: ColocFieldNames = {
  ...CLI_FIELD_NAMES,
  image: "inputs.image",
  ch1: "options.ch1",
  ch2: "options.ch2",
  mask: "inputs.mask",
  labels: "inputs.labels",
};

describe("analyzeColocImage: bytes in, the rows of `adclab coloc --json` out", () => {
  it("OME-TIFF by channel name: every metric equals the NumPy/SciPy reference", async () => {
    const r = await analyzeColocImage({ image: fx("pair-u16-deflate.ome.tif"), ch1: "t-dm1", ch2: "LAMP1" }, manual);
    const m = refCase("16-bit pair, whole image").metrics;
    const row = r.rows[0]!;
    assert.equal(row.nPixels, m.n);
    for (const [got, want] of [
      [row.pearson.all, m.pearson],
      [row.pearson.belowThreshold, m.pearsonBelow],
      [row.pearson.aboveThreshold, m.pearsonAbove],
      [row.spearman, m.spearman],
      [row.kendallTauB, m.kendallTauB],
      [row.manders.tM1, m.tM1],
      [row.manders.tM2, m.tM2],
      [row.overlapCoefficient, m.overlap],
      [row.liIcq, m.icq],
    ] as [number, number][]) {
      assert.ok(close(got, want), `${got} vs ${want}`);
    }
    assert.deepEqual(r.channels, { ch1: { index: 1, name: "T-DM1-488" }, ch2: { index: 2, name: "LAMP1-594" } });
    const json = colocJson(r, manual, {});
    assert.equal(json.schema, "adclab.coloc/1");
    assert.deepEqual(json.options.threshold, { method: "manual", ch1: 400, ch2: 300 });
  });

  it("per cell with a label image: one row per label, each the reference for that cell, and Costes thresholds as Coloc 2", async () => {
    const r = await analyzeColocImage(
      { image: fx("pair-u16-imagej.tif"), labels: fx("pair-labels.tif") },
      { ...manual, threshold: parseColocThreshold("costes"), kendall: false },
    );
    assert.deepEqual(
      r.rows.map((x) => x.label),
      [1, 2, 5, 9],
    );
    for (const row of r.rows) {
      const c = refCase(`16-bit pair, cell ${row.label}`);
      assert.ok(close(row.pearson.all, c.metrics.pearson));
      assert.deepEqual([row.thresholds.ch1, row.thresholds.ch2], [c.costes.ch1, c.costes.ch2]);
    }
  });

  it("the cytofluorogram draws the regression and thresholds of a single region, as SVG and PNG", async () => {
    const opts = { ...manual, threshold: parseColocThreshold("costes"), kendall: false };
    const { pixels, ...r } = await analyzeColocImage(
      { image: fx("pair-ch1-lzw.tif"), image2: fx("pair-ch2-lzw.tif") },
      opts,
    );
    const c = refCase("16-bit pair, whole image").costes;
    const svg = colocCytofluorogramSvg(r, pixels);
    assert.match(svg, new RegExp(`thresholds ${c.ch1} / ${c.ch2} \\(costes\\)`));
    assert.match(svg, /stroke="white"/, "regression line");
    assert.equal(pixels.region, null);
    const png = colocCytofluorogramPng(r, pixels);
    assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  });

  it("bad input names the caller's field: channel out of range, mask of another size, one channel", async () => {
    const fails = async (p: Promise<unknown>, re: RegExp) => {
      const e = await p.then(
        () => assert.fail("expected an InputError"),
        (x) => x,
      );
      assert.ok(isInputError(e), String(e));
      assert.match(e.message, re);
    };
    await fails(
      analyzeColocImage({ image: fx("pair-u16-imagej.tif"), ch2: "3" }, manual, API_FIELDS),
      /^pair-u16-imagej\.tif, options\.ch2: channel 3 is out of range: the image has 2 channels/,
    );
    await fails(
      analyzeColocImage({ image: fx("pair-u16-imagej.tif"), mask: fx("zstack-u16-imagej.tif") }, manual, API_FIELDS),
      /zstack-u16-imagej\.tif, inputs\.mask: is 48×40×4 but the image is 128×96/,
    );
    await fails(
      analyzeColocImage({ image: fx("pair-ch1-lzw.tif") }, manual, API_FIELDS),
      /pair-ch1-lzw\.tif: the image has one channel, but co-localization needs two/,
    );
    await fails(
      analyzeColocImage({ image: { name: "notes.tif", bytes: new TextEncoder().encode("hello") } }, manual),
      /notes\.tif: not a TIFF file/,
    );
  });
});

/** Decodes an 8-bit greyscale, non-interlaced PNG with filter 0 rows (what greyPng writes). */
function decodeGreyPng(png: Uint8Array) {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  while (at < png.length) {
    const len = v.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === "IHDR") {
      width = v.getUint32(at + 8);
      height = v.getUint32(at + 12);
      assert.deepEqual([...data.subarray(8, 13)], [8, 0, 0, 0, 0]);
    }
    if (type === "IDAT") idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    assert.equal(raw[y * (width + 1)], 0, "filter type 0");
    grey.set(raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1)), y * width);
  }
  return { width, height, grey };
}

describe("colocImageInfo: channel names, sizes and contrast-stretched previews", () => {
  it("an OME-TIFF: names from the OME-XML, one PNG per channel, the stretch maps the 0.35/99.65 % values to 0/255", async () => {
    const file = fx("pair-u16-deflate.ome.tif");
    const info = await colocImageInfo(file, { maxSize: 256 });
    assert.deepEqual([info.width, info.height, info.channels, info.slices, info.sampleType], [128, 96, 2, 1, "uint16"]);
    assert.deepEqual(
      info.previews.map((p) => p.name),
      ["T-DM1-488", "LAMP1-594"],
    );
    const stack = await readTiff(file.bytes);
    for (const p of info.previews) {
      const raw = await stack.readPlane(p.index - 1, 0, 0);
      const { width, height, grey } = decodeGreyPng(p.png);
      assert.deepEqual([width, height], [128, 96]); // small enough: not shrunk
      const { low, high } = percentileRange(Float64Array.from(raw), 0.0035);
      assert.deepEqual(p.displayRange, { low, high });
      for (let i = 0; i < raw.length; i += 97) {
        const want = Math.round(255 * Math.min(1, Math.max(0, ((raw[i] as number) - low) / (high - low))));
        assert.equal(grey[i], want);
      }
    }
  });
  it("a z-stack is shown as its maximum projection, shrunk by block means to the size asked", async () => {
    const file = fx("zstack-u16-imagej.tif");
    const info = await colocImageInfo(file, { maxSize: 24 });
    const p = info.previews[0]!;
    assert.deepEqual([p.previewWidth, p.previewHeight], [24, 20]);
    const stack = await readTiff(file.bytes);
    const planes = await Promise.all([0, 1, 2, 3].map((z) => stack.readPlane(0, z, 0)));
    // the top-left preview pixel: mean over the 2×2 block of the max over slices
    let s = 0;
    for (const [x, y] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ] as const)
      s += Math.max(...planes.map((q) => q[y * 48 + x] as number));
    const { low, high } = p.displayRange;
    const want = Math.round(255 * Math.min(1, Math.max(0, (s / 4 - low) / (high - low))));
    assert.equal(decodeGreyPng(p.png).grey[0], want);
  });
});
