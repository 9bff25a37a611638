/**
 * Readers and metrics against the NumPy/SciPy reference (fixture made by
 * scripts/fixtures/coloc/coloc_reference.py on the images of make_images.py; tool versions in it).
 * Pixels must match exactly (tifffile/PIL decoded them independently of geotiff); metrics to 1e-9
 * relative at the thresholds given in the fixture; Costes' thresholds exactly.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { readTiff, type TiffStack } from "../io/tiff/read-tiff.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { analyzeColoc } from "./analyze.ts";
import { regionFromMask, regionsFromLabels } from "./pixels.ts";

const dir = new URL("./__fixtures__/", import.meta.url);
const ref = JSON.parse(readFileSync(new URL("reference.json", dir), "utf8"));
const open = (name: string): Promise<TiffStack> => readTiff(readFileSync(new URL(name, dir)), { file: name });
const REL = 1e-9;

describe("TIFF readers agree with tifffile / PIL on every committed encoding", () => {
  for (const [name, f] of Object.entries(ref.files) as [
    string,
    { dtype: string; shape: number[]; channels: number; sums: number[]; firstPixels: number[][] },
  ][]) {
    it(`${name}: ${f.dtype}, ${f.channels} channel(s)`, async () => {
      const s = await open(name);
      // the reference lists planes channel by channel within each frame
      assert.equal(s.channels * s.frames, f.channels);
      assert.equal(s.sampleType, f.dtype);
      const [h, w] = f.shape.slice(-2) as [number, number];
      assert.equal(s.width, w);
      assert.equal(s.height, h);
      for (let c = 0; c < f.channels; c++) {
        const px = await s.readChannel(c % s.channels, Math.floor(c / s.channels));
        let sum = 0;
        for (const v of px) sum += v;
        assertClose(sum, f.sums[c] as number, 1e-12, 0, `sum of channel ${c + 1}`);
        assert.deepEqual(Array.from(px.subarray(0, 4)), f.firstPixels[c]);
      }
    });
  }
  it("OME-TIFF: channel names and physical pixel size from the OME-XML", async () => {
    const s = await open("pair-u16-deflate.ome.tif");
    assert.equal(s.format, "ome");
    assert.deepEqual(s.channelNames, ["T-DM1-488", "LAMP1-594"]);
    assert.deepEqual(s.pixelSize, { x: 0.108, y: 0.108, unit: "µm" });
  });
  it("ImageJ hyperstack: channels, slices and frames from the description, pixel size from the resolution", async () => {
    const z = await open("zstack-u16-imagej.tif");
    assert.equal(z.format, "imagej");
    assert.deepEqual([z.channels, z.slices, z.frames], [2, 4, 1]);
    const t = await open("timeseries-u16-imagej.tif");
    assert.deepEqual([t.channels, t.slices, t.frames], [2, 1, 3]);
    await assert.rejects(t.readPlane(0, 0, 3), /frame 4 is out of range/);
    const p = await open("pair-u16-imagej.tif");
    assert.equal(p.pixelSize?.unit, "micron");
    assertClose(p.pixelSize?.x as number, 0.108, 1e-6);
  });
});

async function caseImage(c: { name: string; files: string[]; slice?: number }) {
  const s = await open(c.files[0] as string);
  if (c.slice !== undefined) {
    return {
      ch1: await s.readPlane(0, c.slice),
      ch2: await s.readPlane(1, c.slice),
      dims: { width: s.width, height: s.height, depth: 1 },
    };
  }
  return {
    ch1: await s.readChannel(0),
    ch2: await s.readChannel(1),
    dims: { width: s.width, height: s.height, depth: s.slices },
  };
}

describe("metrics agree with NumPy/SciPy to 1e-9, and Costes thresholds with Coloc 2's algorithm", () => {
  for (const c of ref.cases) {
    it(c.name, async () => {
      const image = await caseImage(c);
      let region: Uint32Array | null = null;
      if (c.files[1] === "pair-mask.tif") region = regionFromMask(await (await open("pair-mask.tif")).readPlane(0));
      if (c.label !== undefined)
        region = regionsFromLabels(await (await open("pair-labels.tif")).readPlane(0)).get(c.label) as Uint32Array;
      const m = c.metrics;
      const given = analyzeColoc(image, region, {
        threshold: { method: "manual", ch1: c.thresholds.ch1, ch2: c.thresholds.ch2 },
      });
      assert.equal(given.nPixels, m.n);
      assertClose(given.pearson.all, m.pearson, REL, 0, "Pearson");
      assertClose(given.pearson.belowThreshold, m.pearsonBelow, REL, 0, "Pearson below");
      assertClose(given.pearson.aboveThreshold, m.pearsonAbove, REL, 0, "Pearson above");
      assertClose(given.spearman, m.spearman, REL, 0, "Spearman");
      assertClose(given.kendallTauB as number, m.kendallTauB, REL, 0, "Kendall tau-b");
      assertClose(given.manders.m1, m.m1, REL, 0, "M1");
      assertClose(given.manders.m2, m.m2, REL, 0, "M2");
      assertClose(given.manders.tM1, m.tM1, REL, 0, "tM1");
      assertClose(given.manders.tM2, m.tM2, REL, 0, "tM2");
      assertClose(given.overlapCoefficient, m.overlap, REL, 0, "MOC");
      assertClose(given.liIcq, m.icq, REL, 1e-15, "ICQ");
      const costes = analyzeColoc(image, region, { kendall: false }).thresholds;
      assert.equal(costes.ch1, c.costes.ch1, "Costes T1");
      assert.equal(costes.ch2, c.costes.ch2, "Costes T2");
      assertClose(costes.slope as number, c.costes.slope, 1e-9, 0, "regression slope");
      assertClose(costes.intercept as number, c.costes.intercept, 1e-9, 1e-9, "regression intercept");
    });
  }
});
