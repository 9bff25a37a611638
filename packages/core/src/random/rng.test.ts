import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRng } from "./rng.ts";

describe("seeded RNG (xoshiro128**)", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xa = Array.from({ length: 5 }, () => a.uint32());
    const xb = Array.from({ length: 5 }, () => b.uint32());
    const xc = Array.from({ length: 5 }, () => c.uint32());
    assert.deepEqual(xa, xb);
    assert.notDeepEqual(xa, xc);
  });
  it("resumes exactly from a saved state", () => {
    const a = createRng(7);
    for (let i = 0; i < 10; i++) a.uint32();
    const b = createRng(a.state());
    for (let i = 0; i < 10; i++) assert.equal(a.uint32(), b.uint32());
  });
  it("uniform() is uniform on [0,1): chi-square over 20 bins passes at p > 0.001", () => {
    const rng = createRng(2024);
    const n = 200_000;
    const bins = new Array(20).fill(0);
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      assert.ok(u >= 0 && u < 1);
      bins[Math.floor(u * 20)]++;
    }
    const e = n / 20;
    const chi2 = bins.reduce((s, o) => s + (o - e) ** 2 / e, 0);
    // chi-square 19 d.f.: 0.999 quantile is 43.82 (R: qchisq(0.999, 19))
    assert.ok(chi2 < 43.82, `chi2 = ${chi2}`);
  });
  it("normal() has mean 0 and variance 1 (within 5 standard errors over 1e5 draws)", () => {
    const rng = createRng(99);
    const n = 100_000;
    let s = 0;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      s += z;
      ss += z * z;
    }
    const mean = s / n;
    const variance = ss / n - mean * mean;
    assert.ok(Math.abs(mean) < 5 / Math.sqrt(n), `mean ${mean}`);
    assert.ok(Math.abs(variance - 1) < 5 * Math.sqrt(2 / n), `variance ${variance}`);
  });
  it("int(n) covers 0..n-1 evenly and rejects bad n", () => {
    const rng = createRng(5);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[rng.int(3)]!++;
    for (const c of counts) assert.ok(Math.abs(c - 10_000) < 500, `counts ${counts}`);
    assert.throws(() => rng.int(0), RangeError);
    assert.throws(() => rng.int(1.5), RangeError);
  });
  it("shuffle() permutes (same multiset) and is reproducible", () => {
    const a = createRng(11).shuffle([1, 2, 3, 4, 5, 6, 7, 8]);
    const b = createRng(11).shuffle([1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual(a, b);
    assert.deepEqual([...a].sort(), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.notDeepEqual(a, [1, 2, 3, 4, 5, 6, 7, 8]);
    const f = createRng(3).shuffle(new Float64Array([1, 2, 3, 4]));
    assert.deepEqual([...f].sort(), [1, 2, 3, 4]);
  });
});
