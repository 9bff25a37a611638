/**
 * Mann–Whitney U and Welch's t against scipy.stats (fixture made by
 * scripts/fixtures/coloc/stats_reference.py; scipy and numpy versions are recorded in it).
 * Tolerance 1e-9 relative, as the issue asks.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import { mannWhitneyU } from "./mann-whitney.ts";
import { welchTTest } from "./welch.ts";

interface Case {
  name: string;
  x: number[];
  y: number[];
  mannWhitney: { u1: number; pValue: number };
  welch: { t: number; pValue: number; df: number; ciLow: number; ciHigh: number };
}
const fixture = JSON.parse(
  readFileSync(new URL("./__fixtures__/mann-whitney-welch.json", import.meta.url), "utf8"),
) as {
  cases: Case[];
};
const REL = 1e-9;

describe("Mann–Whitney U agrees with scipy.stats.mannwhitneyu (two-sided, method auto)", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const r = mannWhitneyU(c.x, c.y);
      assertClose(r.u1, c.mannWhitney.u1, REL, 0, "U1");
      assertClose(r.pValue, c.mannWhitney.pValue, REL, 1e-300, "P");
      assertClose(r.u1 + r.u2, c.x.length * c.y.length, 1e-15);
    });
  }
  it("uses the exact distribution only for small samples without ties", () => {
    assert.equal(mannWhitneyU([1, 2, 3], [4, 5, 6]).method, "exact");
    assert.equal(mannWhitneyU([1, 2, 2], [4, 5, 6]).method, "asymptotic");
  });
  it("rejects empty samples and non-finite values", () => {
    assert.throws(() => mannWhitneyU([], [1]), /at least one value/);
    assert.throws(() => mannWhitneyU([Number.NaN], [1]), /finite/);
  });
});

describe("Welch's t agrees with scipy.stats.ttest_ind(equal_var=False)", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const r = welchTTest(c.x, c.y);
      assertClose(r.t, c.welch.t, REL, 0, "t");
      assertClose(r.df, c.welch.df, REL, 0, "df");
      assertClose(r.pValue, c.welch.pValue, REL, 1e-300, "P");
      assertClose(r.ciLow, c.welch.ciLow, REL, 0, "CI low");
      assertClose(r.ciHigh, c.welch.ciHigh, REL, 0, "CI high");
    });
  }
  it("needs two values per sample", () => {
    assert.throws(() => welchTTest([1], [1, 2]), /at least two values/);
  });
});
