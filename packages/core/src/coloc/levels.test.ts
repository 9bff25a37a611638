/**
 * The 8/16-bit fast path (histograms, exact integer sums, the Costes search over a candidate
 * list) against two independent computations on the same pixels:
 * - exact rational arithmetic: Pearson's r of a pixel set from BigInt sums taken pixel by pixel
 *   (k·Σxy − ΣxΣy over √((k·Σx² − (Σx)²)(k·Σy² − (Σy)²)), each factor rounded once);
 * - the general floating-point path of the same module, run on a Float64Array copy.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRng } from "../random/rng.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { analyzeColoc } from "./analyze.ts";

/** Pearson's r of the pixels where `keep` holds, from exact BigInt sums. */
function exactPearson(x: ArrayLike<number>, y: ArrayLike<number>, keep: (a: number, b: number) => boolean): number {
  let k = 0n;
  let sx = 0n;
  let sy = 0n;
  let sxx = 0n;
  let syy = 0n;
  let sxy = 0n;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (!keep(a, b)) continue;
    const A = BigInt(a);
    const B = BigInt(b);
    k++;
    sx += A;
    sy += B;
    sxx += A * A;
    syy += B * B;
    sxy += A * B;
  }
  const cov = k * sxy - sx * sy;
  return Number(cov) / Math.sqrt(Number(k * sxx - sx * sx) * Number(k * syy - sy * sy));
}

/** Correlated spots on a background that sits on a large offset (the hard case for raw sums). */
function pair(n: number, offset: number, seed: number): { ch1: Uint16Array; ch2: Uint16Array } {
  const rng = createRng(seed);
  const ch1 = new Uint16Array(n);
  const ch2 = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const spot = rng.uniform() < 0.1 ? 200 + rng.int(800) : 0;
    ch1[i] = offset + rng.int(40) + spot;
    ch2[i] = offset + rng.int(30) + (rng.uniform() < 0.5 ? spot : rng.int(50));
  }
  return { ch1, ch2 };
}

describe("8/16-bit fast path", () => {
  for (const offset of [100, 60000]) {
    it(`r (all, below, above) equals exact rational arithmetic to 1e-13 (1e-15 absolute near 0), offset ${offset}`, () => {
      const { ch1, ch2 } = pair(40000, offset, 7);
      const r = analyzeColoc({ ch1, ch2, dims: { width: 200, height: 200, depth: 1 } }, null, { kendall: false });
      const t1 = r.thresholds.ch1;
      const t2 = r.thresholds.ch2;
      assertClose(
        r.pearson.all,
        exactPearson(ch1, ch2, () => true),
        1e-13,
        0,
        "r",
      );
      assertClose(
        r.pearson.belowThreshold,
        exactPearson(ch1, ch2, (a, b) => a < t1 || b < t2),
        1e-13,
        1e-15,
        "below",
      );
      assertClose(
        r.pearson.aboveThreshold,
        exactPearson(ch1, ch2, (a, b) => a > t1 || b > t2),
        1e-13,
        1e-15,
        "above",
      );
      assertClose(r.thresholds.pearsonBelow as number, r.pearson.belowThreshold, 1e-13, 0, "search's last r");
    });
  }

  it("gives the general path's thresholds and metrics (Float64 copy), also when the search walks into the noise", () => {
    // (and its below-threshold r stays exact there too). 384 × 384 pixels: more than the size up
    // to which every pixel is a candidate, so the sampled bright quadrant, its rebuilds when the
    // search walks below it, and a sample fooled by a periodic pattern are all exercised.
    const rng = createRng(3);
    const n = 384 * 384;
    const cases = {
      spots: pair(n, 100, 11),
      // independent noise: no threshold brings r below zero early, the search walks low and rebuilds its list
      noise: {
        ch1: Uint16Array.from({ length: n }, () => 100 + rng.int(400)),
        ch2: Uint16Array.from({ length: n }, () => 100 + rng.int(400)),
      },
      eightBit: {
        ch1: Uint8Array.from({ length: n }, () => rng.int(256)),
        ch2: Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : rng.int(200))),
      },
      // the sample (every second pixel at this size) sees only the dark pixels: its bright quadrant overflows
      periodic: {
        ch1: Uint16Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 10 + rng.int(5) : 1000 + rng.int(500))),
        ch2: Uint16Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 10 + rng.int(5) : 900 + rng.int(700))),
      },
    };
    const dims = { width: 384, height: 384, depth: 1 };
    for (const [name, { ch1, ch2 }] of Object.entries(cases)) {
      for (const threshold of [
        { method: "costes" },
        { method: "otsu" },
        { method: "manual", ch1: 120.5, ch2: 90 },
        // every pixel at or above T1 (Manders' "> 0" rule decides tM2), and a pair far apart
        { method: "manual", ch1: 0, ch2: 150 },
        { method: "manual", ch1: 1200.5, ch2: 3 },
      ] as const) {
        const fast = analyzeColoc({ ch1, ch2, dims }, null, { threshold, kendall: false });
        const slow = analyzeColoc({ ch1: Float64Array.from(ch1), ch2: Float64Array.from(ch2), dims }, null, {
          threshold,
          kendall: false,
        });
        const what = `${name}, ${threshold.method}`;
        if (threshold.method !== "otsu") {
          // Otsu bins float data in 256 bins, integer data per level: not the same definition
          assert.equal(fast.thresholds.ch1, slow.thresholds.ch1, `${what}: T1`);
          assert.equal(fast.thresholds.ch2, slow.thresholds.ch2, `${what}: T2`);
        }
        const again =
          threshold.method === "otsu"
            ? { method: "manual" as const, ch1: fast.thresholds.ch1, ch2: fast.thresholds.ch2 }
            : threshold;
        const ref =
          threshold.method === "otsu"
            ? analyzeColoc({ ch1: Float64Array.from(ch1), ch2: Float64Array.from(ch2), dims }, null, {
                threshold: again,
                kendall: false,
              })
            : slow;
        for (const [k, v] of [
          ["r", [fast.pearson.all, ref.pearson.all]],
          ["Spearman", [fast.spearman, ref.spearman]],
          ["M1", [fast.manders.m1, ref.manders.m1]],
          ["M2", [fast.manders.m2, ref.manders.m2]],
          ["tM1", [fast.manders.tM1, ref.manders.tM1]],
          ["tM2", [fast.manders.tM2, ref.manders.tM2]],
          ["MOC", [fast.overlapCoefficient, ref.overlapCoefficient]],
          ["ICQ", [fast.liIcq, ref.liIcq]],
        ] as const) {
          assertClose(v[0], v[1], 1e-10, 1e-10, `${what}: ${k}`);
        }
        // r below and above the thresholds against exact arithmetic instead: the general path sums
        // floating-point values and loses up to ~1e-7 of an r near zero to cancellation (the
        // periodic image with its large offset between the two populations)
        const { ch1: t1, ch2: t2 } = fast.thresholds;
        const below = exactPearson(ch1, ch2, (a, b) => a < t1 || b < t2);
        const above = exactPearson(ch1, ch2, (a, b) => a > t1 || b > t2);
        assertClose(fast.pearson.belowThreshold, below, 1e-13, 1e-15, `${what}: r below`);
        assertClose(fast.pearson.aboveThreshold, above, 1e-13, 1e-15, `${what}: r above`);
        assertClose(ref.pearson.belowThreshold, below, 1e-6, 1e-6, `${what}: general path's r below`);
      }
    }
  });
});
