import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import { cellLogLikelihoods, inferenceModel, posteriorFrom } from "./infer.ts";
import { likelihoodKernel, rankExperiments, remainingAssays } from "./next-experiment.ts";
import { logLikelihood, OBSERVATIONS } from "./observations.ts";
import type { ObservedValue } from "./parse-observations.ts";

const obs = (o: Record<string, number>): ObservedValue[] =>
  Object.entries(o).map(([id, value]) => ({ id, value }) as ObservedValue);

function entropyBits(p: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > 0) h -= p[i]! * Math.log2(p[i]!);
  return h;
}

describe("next experiment by expected information gain", () => {
  const model = inferenceModel();
  const o = obs({ tdm1_ic50_fold: 10, free_dm1_ic50_fold: 1 });
  const post = posteriorFrom(model, cellLogLikelihoods(model, o));
  const ranking = rankExperiments(model, post, o, { draws: 150 });

  it("ranks only assays not yet done", () => {
    const ids = ranking.map((r) => r.assayId);
    assert.ok(!ids.includes("cytotoxicity-tdm1") && !ids.includes("cytotoxicity-free-dm1"));
    assert.deepEqual(new Set(ids), new Set(remainingAssays(o).map((a) => a.id)));
  });

  it("gains lie between 0 and the current entropy (information cannot exceed uncertainty)", () => {
    const h = entropyBits(post.posterior);
    for (const r of ranking) {
      assert.ok(r.expectedInformationGain_bits > -3 * r.standardError_bits, r.assayId);
      assert.ok(r.expectedInformationGain_bits <= h + 1e-9, r.assayId);
    }
    for (let i = 1; i < ranking.length; i++) {
      assert.ok(ranking[i - 1]!.expectedInformationGain_bits >= ranking[i]!.expectedInformationGain_bits);
    }
  });

  it("per-day and per-cost figures are the gain divided by duration and cost units", () => {
    for (const r of ranking) {
      assertClose(r.perDay_bits, r.expectedInformationGain_bits / r.duration_days, 1e-12);
      assert.ok(r.perCostUnit_bits <= r.expectedInformationGain_bits + 1e-12);
    }
  });

  it("an assay no candidate predicts differently carries no information", () => {
    // Once every candidate is excluded but one (here: a posterior put entirely on SLC46A3 loss),
    // nothing is left to learn about the candidate.
    const certain = {
      ...post,
      posterior: post.posterior.map((_, i) => (model.candidates[i]!.candidate.id === "slc46a3-loss" ? 1 : 0)),
    };
    for (const r of rankExperiments(model, certain, o, { draws: 40 }))
      assertClose(r.expectedInformationGain_bits, 0, 0, 1e-12);
  });

  it("the fast likelihood kernel equals the noise model's logLikelihood", () => {
    for (const def of OBSERVATIONS) {
      const predicted = def.kind === "shift" ? [0, 0.4, 1.5] : [0.2, 1, 7, 300];
      const column = Float64Array.from(predicted, (p) => (def.kind === "fold" ? Math.log10(p) : p));
      const out = new Float64Array(predicted.length);
      const observed = def.kind === "binary" ? 1 : def.kind === "shift" ? 0.6 : 3;
      likelihoodKernel(def)(observed, def.kind === "binary" ? Float64Array.from(predicted) : column, out);
      predicted.forEach((p, i) => {
        assertClose(out[i]!, Math.exp(logLikelihood(def, observed, p)), 1e-12, 0, def.id);
      });
    }
  });

  it("is reproducible (seeded draws)", () => {
    const again = rankExperiments(model, post, o, { draws: 150 });
    assert.deepEqual(
      again.map((r) => r.expectedInformationGain_bits),
      ranking.map((r) => r.expectedInformationGain_bits),
    );
  });
});
