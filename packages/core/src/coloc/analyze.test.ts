import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRng } from "../random/rng.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { analyzeCells, analyzeColoc } from "./analyze.ts";
import { type ImageDims, regionFromMask, regionsFromLabels } from "./pixels.ts";

const dims = (width: number, height: number, depth = 1): ImageDims => ({ width, height, depth });

/** Blurred spots on a dim background, 16-bit: something like a lysosome channel. */
function spots(d: ImageDims, seed: number, n = 40): Uint16Array {
  const rng = createRng(seed);
  const img = new Float64Array(d.width * d.height);
  for (let s = 0; s < n; s++) {
    const cx = rng.uniform() * d.width;
    const cy = rng.uniform() * d.height;
    const amp = 500 + 2000 * rng.uniform();
    for (let y = 0; y < d.height; y++) {
      for (let x = 0; x < d.width; x++) {
        const r2 = (x - cx) ** 2 + (y - cy) ** 2;
        if (r2 < 64) img[y * d.width + x] = (img[y * d.width + x] as number) + amp * Math.exp(-r2 / 4);
      }
    }
  }
  const out = new Uint16Array(img.length);
  for (let i = 0; i < img.length; i++)
    out[i] = Math.min(65535, Math.round((img[i] as number) + 100 + 10 * rng.normal()));
  return out;
}

function noise(n: number, seed: number): Uint16Array {
  const rng = createRng(seed);
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.max(0, Math.round(1000 + 200 * rng.normal()));
  return out;
}

describe("co-localization of synthetic images with known truth", () => {
  it("identical channels give r = ρ = τ = MOC = 1 and M1 = M2 = 1", () => {
    const d = dims(64, 48);
    const a = spots(d, 7);
    const r = analyzeColoc({ ch1: a, ch2: a.slice(), dims: d }, null);
    assertClose(r.pearson.all, 1, 1e-12);
    assertClose(r.spearman, 1, 1e-12);
    assertClose(r.kendallTauB as number, 1, 1e-12);
    assertClose(r.overlapCoefficient, 1, 1e-12);
    assert.equal(r.manders.m1, 1);
    assert.equal(r.manders.m2, 1);
    // With equal thresholds, tM1 = tM2 = the share of intensity at or above the threshold.
    let above = 0;
    let total = 0;
    for (const v of a) {
      total += v;
      if (v >= r.thresholds.ch2 && v > 0) above += v;
    }
    assertClose(r.manders.tM1, above / total, 1e-14);
    assert.equal(r.manders.tM2, r.manders.tM1);
    assertClose(r.liIcq, 0.5, 0, 0.01, "ICQ of identical channels");
    // Costes on a perfect line: slope 1, intercept 0, equal thresholds.
    assertClose(r.thresholds.slope as number, 1, 1e-12);
    assert.equal(r.thresholds.ch1, r.thresholds.ch2);
  });

  it("independent noise gives r ≈ 0 and a Costes test that does not indicate co-localization", () => {
    const d = dims(60, 60);
    const a = noise(3600, 1);
    const b = noise(3600, 2);
    const r = analyzeColoc({ ch1: a, ch2: b, dims: d }, null, { costes: { iterations: 100, seed: 3 } });
    assert.ok(Math.abs(r.pearson.all) < 3 / Math.sqrt(3600), `r = ${r.pearson.all}`);
    assert.ok(Math.abs(r.spearman) < 3 / Math.sqrt(3600));
    const c = r.costes;
    assert.ok(c);
    assert.equal(c.pearsonObserved.toFixed(12), r.pearson.all.toFixed(12));
    assert.ok(c.pValue > 0.05, `randomization P = ${c.pValue}`);
    assert.ok(c.costesPValue < 0.95, `Coloc 2's P = ${c.costesPValue}`);
    assertClose(c.shuffledMean, 0, 0, 0.01);
  });

  it("co-localized spots give a significant Costes test", () => {
    const d = dims(64, 64);
    const a = spots(d, 11);
    const rng = createRng(5);
    const b = Uint16Array.from(a, (v) => Math.max(0, Math.round(0.5 * v + 40 * rng.normal() + 200)));
    const r = analyzeColoc({ ch1: a, ch2: b, dims: d }, null, { costes: { iterations: 50, seed: 1 } });
    assert.ok(r.pearson.all > 0.9);
    assert.equal(r.costes?.pValue, 1 / 51);
    assert.ok((r.costes?.costesPValue as number) > 0.95);
    // Costes' thresholds: r below them is ≤ 0 up to the last bisection step, and they lie on the regression line.
    const t = r.thresholds;
    assert.ok(Math.abs(t.pearsonBelow as number) < 0.2, `r below = ${t.pearsonBelow}`);
    assert.equal(t.ch2, Math.floor((t.slope as number) * t.ch1 + (t.intercept as number) + 0.5));
  });

  it("shifted, partially overlapping objects give the analytic Manders coefficients", () => {
    const d = dims(50, 40);
    const a = new Uint16Array(2000);
    const b = new Uint16Array(2000);
    // ch1: a 20×20 square, x∈[10,30), y∈[10,30), intensity 100 + x; ch2: 20×10 at x∈[20,40), y∈[15,25), intensity 50.
    for (let y = 10; y < 30; y++) for (let x = 10; x < 30; x++) a[y * 50 + x] = 100 + x;
    for (let y = 15; y < 25; y++) for (let x = 20; x < 40; x++) b[y * 50 + x] = 50;
    const r = analyzeColoc({ ch1: a, ch2: b, dims: d }, null, { threshold: { method: "manual", ch1: 1, ch2: 50 } });
    const sumX = (x0: number, x1: number) => ((x1 - x0) * (100 + x0 + 100 + x1 - 1)) / 2; // Σ_{x0 ≤ x < x1} (100 + x)
    const m1 = (10 * sumX(20, 30)) / (20 * sumX(10, 30)); // overlap: x∈[20,30), 10 rows
    assertClose(r.manders.m1, m1, 1e-14);
    assertClose(r.manders.m2, 100 / 200, 1e-14); // half of ch2's area lies on ch1
    assertClose(r.manders.tM1, m1, 1e-14);
    assertClose(r.manders.tM2, 0.5, 1e-14);
    // MOC = Σab / √(Σa² Σb²)
    let sab = 0;
    for (let y = 15; y < 25; y++) for (let x = 20; x < 30; x++) sab += (100 + x) * 50;
    let saa = 0;
    for (let x = 10; x < 30; x++) saa += 20 * (100 + x) ** 2;
    assertClose(r.overlapCoefficient, sab / Math.sqrt(saa * 200 * 2500), 1e-14);
    // Raising ch2's threshold above its only level leaves nothing for tM1.
    const high = analyzeColoc({ ch1: a, ch2: b, dims: d }, null, { threshold: { method: "manual", ch1: 1, ch2: 51 } });
    assert.equal(high.manders.tM1, 0);
  });

  it("a label image gives per-cell values equal to running each cell's mask alone", () => {
    const d = dims(40, 30);
    const a = spots(d, 21, 20);
    const b = spots(d, 22, 20);
    const labels = new Uint16Array(1200);
    for (let y = 0; y < 30; y++) {
      for (let x = 0; x < 40; x++) {
        if ((x - 10) ** 2 + (y - 12) ** 2 < 64) labels[y * 40 + x] = 3;
        else if (x >= 22 && x < 38 && y >= 4 && y < 26) labels[y * 40 + x] = 7;
      }
    }
    const options = { costes: { iterations: 10, seed: 9 } };
    const cells = analyzeCells({ ch1: a, ch2: b, dims: d }, labels, options);
    assert.deepEqual(
      cells.map((c) => c.label),
      [3, 7],
    );
    for (const cell of cells) {
      const mask = Uint8Array.from(labels, (v) => (v === cell.label ? 1 : 0));
      const alone = analyzeColoc({ ch1: a, ch2: b, dims: d }, regionFromMask(mask), options);
      assert.deepEqual({ ...cell, label: undefined }, { ...alone, label: undefined });
    }
  });

  it("regionsFromLabels rejects fractional or negative labels with an InputError", () => {
    assert.throws(
      () => regionsFromLabels([0, 1.5], { file: "cells.tif" }),
      /cells\.tif: a label image must hold whole numbers/,
    );
    assert.throws(() => regionsFromLabels([0, -1]), /whole numbers/);
  });
});
