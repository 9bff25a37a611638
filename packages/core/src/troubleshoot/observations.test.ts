import assert from "node:assert/strict";
import { describe, it } from "node:test";
import cdf from "@stdlib/stats-base-dists-normal-cdf";
import { ASSAYS } from "../knowledge/assays.ts";
import { PREDICTED_QUANTITIES } from "../knowledge/observation-ids.ts";
import { assertClose } from "../test-helpers/assert.ts";
import {
  changeOf,
  GROSS_ERROR_PROBABILITY,
  logLikelihood,
  OBSERVATIONS,
  observationDefinition,
  SIGMA_MODEL_LOG10,
  TUBULIN_SEQUENCING,
} from "./observations.ts";

/** Trapezoid integral of the likelihood density over x in [a, b] (log10 units for folds). */
function integrate(f: (x: number) => number, a: number, b: number, n = 4000): number {
  const h = (b - a) / n;
  let s = 0.5 * (f(a) + f(b));
  for (let i = 1; i < n; i++) s += f(a + i * h);
  return s * h;
}

describe("observation vocabulary", () => {
  it("every observation is yielded by exactly one assay, the one it names", () => {
    for (const o of OBSERVATIONS) {
      const yielding = ASSAYS.filter((a) => a.yields.includes(o.id));
      assert.equal(yielding.length, 1, o.id);
      assert.equal(yielding[0]!.id, o.assay, o.id);
    }
  });

  it("every observation is predicted by a quantity the simulator tables carry", () => {
    for (const o of OBSERVATIONS) assert.ok(PREDICTED_QUANTITIES.includes(o.predictedBy), o.id);
  });

  it("the fold-change density matches the normal CDF (stdlib) mass over an interval, plus the gross-error tail", () => {
    const def = observationDefinition("tdm1_ic50_fold");
    const sigma = Math.hypot(def.sigmaAssay, SIGMA_MODEL_LOG10);
    const width = Math.log10(def.max) - Math.log10(def.min);
    const predicted = 20;
    const [a, b] = [Math.log10(5), Math.log10(40)];
    const numeric = integrate((x) => Math.exp(logLikelihood(def, 10 ** x, predicted)), a, b);
    const mu = Math.log10(predicted);
    const expected =
      (1 - GROSS_ERROR_PROBABILITY) * (cdf(b, mu, sigma) - cdf(a, mu, sigma)) +
      (GROSS_ERROR_PROBABILITY * (b - a)) / width;
    assertClose(numeric, expected, 1e-6);
  });

  it("the density integrates to about 1 over the plausible range (a proper likelihood)", () => {
    const def = observationDefinition("surface_her2_ratio");
    const total = integrate(
      (x) => Math.exp(logLikelihood(def, 10 ** x, 0.5)),
      Math.log10(def.min),
      Math.log10(def.max),
    );
    assertClose(total, 1, 1e-3);
  });

  it("pH shifts are normal in pH units", () => {
    const def = observationDefinition("lysosomal_ph_shift");
    const total = integrate((x) => Math.exp(logLikelihood(def, x, 0.8)), def.min, def.max);
    assertClose(total, 1, 1e-3);
    assert.ok(logLikelihood(def, 0.8, 0.8) > logLikelihood(def, 0.3, 0.8));
  });

  it("β-tubulin sequencing has the stated sensitivity and false-positive rate", () => {
    const def = observationDefinition("tubulin_mutation_found");
    assertClose(Math.exp(logLikelihood(def, 1, 30)), TUBULIN_SEQUENCING.sensitivity, 1e-12);
    assertClose(Math.exp(logLikelihood(def, 1, 1)), TUBULIN_SEQUENCING.falsePositive, 1e-12);
    assertClose(Math.exp(logLikelihood(def, 0, 1)), 1 - TUBULIN_SEQUENCING.falsePositive, 1e-12);
  });
});

describe("changeOf reads a ratio against the assay's replicate noise", () => {
  it("calls a T-DM1 IC50 fold up only beyond 1.96 σ (σ = 0.15 log10: 10^0.294 ≈ 1.97-fold)", () => {
    const sigma = observationDefinition("tdm1_ic50_fold").sigmaAssay;
    const edge = 10 ** (1.959964 * sigma);
    assert.ok(Math.abs(edge - 1.97) < 0.01, `edge ${edge}`);
    assert.equal(changeOf(observationDefinition("tdm1_ic50_fold"), edge * 0.99), "unchanged");
    assert.equal(changeOf(observationDefinition("tdm1_ic50_fold"), edge * 1.01), "up");
    assert.equal(changeOf(observationDefinition("tdm1_ic50_fold"), 1 / (edge * 1.01)), "down");
  });
  it("reads a pH shift in pH units", () => {
    const sigma = observationDefinition("lysosomal_ph_shift").sigmaAssay;
    assert.equal(changeOf(observationDefinition("lysosomal_ph_shift"), 2 * sigma), "up");
    assert.equal(changeOf(observationDefinition("lysosomal_ph_shift"), sigma), "unchanged");
  });
  it("has no direction for a yes/no result", () => {
    assert.equal(changeOf(observationDefinition("tubulin_mutation_found"), 1), undefined);
  });
});
