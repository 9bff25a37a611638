/**
 * GR metrics against the published GRmetrics outputs of its example data (Case A, 67 experiments;
 * see scripts/fixtures/gr/grmetrics_reference.py for the sources and the transcription check).
 * Concentrations there are µM; we fit in nM and compare GR50/GEC50 after dividing by 1000.
 * Tolerance: 1e-3 relative, with an absolute floor of 1e-5 for the GR-scale quantities near 0
 * (GRinf, GRmax); the published fits stopped at drc's relTol 1e-6.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { InputError } from "../errors/input-error.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { fitGrMetrics, grCurveValue } from "./gr-metrics.ts";
import { grValue } from "./gr-values.ts";

const dir = new URL("./__fixtures__/", import.meta.url);
const fixture = JSON.parse(readFileSync(new URL("gr-grmetrics-published.json", dir), "utf8")) as {
  experiments: { experiment: string; published: Record<string, string>; scipy: { ssr: number; pval: number } }[];
};
const tsv = readFileSync(new URL("gr-toy-example-input1.tsv", dir), "utf8").trim().split("\n");
const header = tsv[0]!.split("\t");
const col = (name: string) => header.indexOf(name);
const byExperiment = new Map<string, { c: number[]; gr: number[] }>();
for (const line of tsv.slice(1)) {
  const cells = line.split("\t");
  const key = ["cell_line", "agent", "perturbation", "replicate", "time"].map((k) => cells[col(k)]).join(" ");
  const e = byExperiment.get(key) ?? { c: [], gr: [] };
  e.c.push(Number(cells[col("concentration")]) * 1000);
  e.gr.push(
    grValue(
      Number(cells[col("cell_count")]),
      Number(cells[col("cell_count__ctrl")]),
      Number(cells[col("cell_count__time0")]),
    ),
  );
  byExperiment.set(key, e);
}
const num = (s: string) => (s === "Inf" ? Infinity : s === "-Inf" ? -Infinity : Number(s));

describe("fitGrMetrics agrees with the published GRmetrics outputs", () => {
  const worst: Record<string, number> = {};
  const track = (k: string, a: number, e: number, floor: number) => {
    worst[k] = Math.max(worst[k] ?? 0, Math.abs(a - e) / Math.max(Math.abs(e), floor));
  };
  for (const { experiment, published: p, scipy } of fixture.experiments) {
    it(`${experiment}: ${p.fit} fit, GR50 ${p.GR50}`, () => {
      const d = byExperiment.get(experiment)!;
      const m = fitGrMetrics({ concentration_nM: d.c, gr: d.gr });
      assert.equal(m.fit, p.fit);
      assertClose(m.GRmax, num(p.GRmax!), 1e-12, 1e-14, "GRmax");
      assertClose(m.GR_AOC, num(p.GR_AOC!), 1e-12, 1e-14, "GR_AOC");
      if (p.fit === "flat") {
        assert.equal(m.GR50_nM, num(p.GR50!));
        assert.equal(m.GEC50_nM, 0);
        assert.equal(m.h_GR, 0.01);
        assertClose(m.GRinf, num(p.flat_fit!), 1e-12, 0, "flat GRinf");
        assert.ok(m.pValue >= 0.05);
        // On flat data the discarded sigmoid is barely identified and drc stopped early: its r2 and
        // p are optimiser-dependent. Ours must be at least as good a least-squares fit as drc's
        // (r2 ≥ published) and as SciPy's independent refit (SSR ≤ SciPy's).
        assert.ok(m.r2 >= num(p.r2!) - 1e-9, `r2 ${m.r2} < published ${p.r2}`);
        assert.ok(m.lm.ssr <= scipy.ssr * (1 + 1e-6), `SSR ${m.lm.ssr} > SciPy's ${scipy.ssr}`);
      } else {
        assertClose(m.r2, num(p.r2!), 1e-3, 1e-5, "r2");
        for (const [k, a, floor] of [
          ["GR50", m.GR50_nM / 1000, 0],
          ["GEC50", m.GEC50_nM / 1000, 0],
          ["GRinf", m.GRinf, 1e-2],
          ["Hill", m.h_GR, 0],
        ] as const) {
          assertClose(a, num(p[k]!), 1e-3, floor * 1e-3, k);
          track(k, a, num(p[k]!), floor || 1e-300);
        }
        assert.ok(m.pValue < 0.05);
        // p-values span 1e-4 … 1e-11: compare on the log scale (a relative 1e-3 of −log10 p)
        assertClose(Math.log10(m.pValue), Math.log10(num(p.pval!)), 1e-3, 0, "log10 pval");
      }
    });
  }
  it("reports the largest relative differences", () => {
    for (const [k, v] of Object.entries(worst)) assert.ok(v < 1e-3, `${k}: ${v}`);
    console.log("GR metrics vs GRmetrics, max relative difference:", worst);
  });
});

describe("fitGrMetrics edge cases", () => {
  it("recovers the parameters of an exact sigmoid", () => {
    const c = [1, 3, 10, 30, 100, 300, 1000, 3000, 10000];
    const truth = { fit: "sigmoid" as const, GRinf: -0.3, GEC50_nM: 120, h_GR: 1.3 };
    const m = fitGrMetrics({ concentration_nM: c, gr: c.map((x) => grCurveValue(truth, x)) });
    assertClose(m.GEC50_nM, 120, 1e-6);
    assertClose(m.GRinf, -0.3, 1e-6);
    assertClose(m.h_GR, 1.3, 1e-6);
    // GR50 analytically: GEC50·((1 − GRinf)/(0.5 − GRinf) − 1)^(1/h)
    assertClose(m.GR50_nM, 120 * (1.3 / 0.8 - 1) ** (1 / 1.3), 1e-6);
  });
  it("rejects fewer than 4 concentrations and non-positive ones", () => {
    assert.throws(() => fitGrMetrics({ concentration_nM: [1, 2, 3], gr: [1, 0.5, 0] }), InputError);
    assert.throws(() => fitGrMetrics({ concentration_nM: [0, 1, 2, 3], gr: [1, 1, 0.5, 0] }), InputError);
  });
});
