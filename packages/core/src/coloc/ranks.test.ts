import { describe, it } from "node:test";
import { createRng } from "../random/rng.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { kendallTauB, spearmanRho } from "./ranks.ts";
import { otsuThreshold } from "./thresholds.ts";

/** Kendall's τ-b straight from its definition, O(n²): the independent check of Knight's method. */
function kendallByPairs(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let c = 0;
  let d = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const sx = Math.sign((x[i] as number) - (x[j] as number));
      const sy = Math.sign((y[i] as number) - (y[j] as number));
      if (sx === 0 && sy === 0) continue;
      if (sx === 0) tx++;
      else if (sy === 0) ty++;
      else if (sx === sy) c++;
      else d++;
    }
  }
  return (c - d) / Math.sqrt((c + d + tx) * (c + d + ty));
}

/** Spearman's ρ by sorting with average ranks, written independently of the histogram method. */
function spearmanBySort(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const rank = (v: ArrayLike<number>) => {
    const idx = Array.from(v, (_, i) => i).sort((a, b) => (v[a] as number) - (v[b] as number));
    const r = new Float64Array(v.length);
    for (let i = 0; i < idx.length; ) {
      let j = i;
      while (j + 1 < idx.length && v[idx[j + 1] as number] === v[idx[i] as number]) j++;
      for (let k = i; k <= j; k++) r[idx[k] as number] = (i + j) / 2 + 1;
      i = j + 1;
    }
    return r;
  };
  const rx = rank(x);
  const ry = rank(y);
  const m = (x.length + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += ((rx[i] as number) - m) * ((ry[i] as number) - m);
    sxx += ((rx[i] as number) - m) ** 2;
    syy += ((ry[i] as number) - m) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe("rank correlations", () => {
  const rng = createRng(42);
  const n = 400;
  const xi = Uint16Array.from({ length: n }, () => rng.int(12)); // many ties
  const yi = Uint16Array.from(xi, (v) => Math.max(0, v + rng.int(7) - 3));
  const xf = Float32Array.from({ length: n }, () => Math.round(rng.normal() * 4) / 4);
  const yf = Float32Array.from(xf, (v) => v + Math.round(rng.normal() * 4) / 4);

  it("Kendall's τ-b (Knight, O(n log n)) equals the pair-by-pair definition, with ties, for 16-bit and float data", () => {
    assertClose(kendallTauB(xi, yi), kendallByPairs(xi, yi), 1e-13);
    assertClose(kendallTauB(xf, yf), kendallByPairs(xf, yf), 1e-13);
    assertClose(
      kendallTauB(
        xi,
        Uint16Array.from(xi, (v) => 20 - v),
      ),
      -1,
      1e-13,
    );
  });
  it("Spearman's ρ from histograms equals the sort-based average-rank definition", () => {
    assertClose(spearmanRho(xi, yi), spearmanBySort(xi, yi), 1e-13);
    assertClose(spearmanRho(xf, yf), spearmanBySort(xf, yf), 1e-13);
  });
  it("Otsu's threshold separates two well-separated modes", () => {
    const a = Uint16Array.from({ length: 1000 }, (_, i) => (i < 700 ? 100 + (i % 7) : 900 + (i % 11)));
    const t = otsuThreshold(a);
    assertClose(t, 107, 0, 0, "lowest foreground level just above the low mode"); // v ≥ T is foreground
    const f = Float32Array.from(a, (v) => v / 1000);
    const tf = otsuThreshold(f);
    assertClose(tf > 0.106 && tf <= 0.9 ? 1 : 0, 1);
  });
});
