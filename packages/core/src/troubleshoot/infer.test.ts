import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import { diagnose } from "./diagnose.ts";
import { cellLogLikelihoods, inferenceModel, logSumExp, posteriorFrom } from "./infer.ts";
import { logLikelihood, observationDefinition } from "./observations.ts";
import type { ObservedValue } from "./parse-observations.ts";

const obs = (o: Record<string, number>): ObservedValue[] =>
  Object.entries(o).map(([id, value]) => ({ id, value }) as ObservedValue);

describe("inference", () => {
  it("logSumExp is exact on small cases and safe for large magnitudes", () => {
    assertClose(logSumExp([Math.log(1), Math.log(2), Math.log(3)]), Math.log(6), 1e-14);
    assertClose(logSumExp([-1000, -1000]), -1000 + Math.LN2, 1e-14);
    assert.equal(logSumExp([]), Number.NEGATIVE_INFINITY);
  });

  it("the posterior is Bayes' rule on the table: a brute-force recomputation agrees", () => {
    const model = inferenceModel();
    const o = obs({ tdm1_ic50_fold: 12, free_dm1_ic50_fold: 1.1, surface_her2_ratio: 0.4 });
    const post = posteriorFrom(model, cellLogLikelihoods(model, o));
    // Brute force, straight from the definitions.
    const unnormalized = model.candidates.map((c, i) => {
      const mean =
        c.cells.reduce((s, cell) => {
          let l = 1;
          for (const x of o) {
            const def = observationDefinition(x.id);
            l *= Math.exp(logLikelihood(def, x.value, cell.predicted[def.predictedBy]));
          }
          return s + l;
        }, 0) / c.cells.length;
      return model.priors[i]! * mean;
    });
    const z = unnormalized.reduce((a, b) => a + b, 0);
    unnormalized.forEach((u, i) => {
      assertClose(post.posterior[i]!, u / z, 1e-9, 1e-300);
    });
    assertClose(
      post.posterior.reduce((a, b) => a + b, 0),
      1,
      1e-12,
    );
  });

  it("priors sum to one, half on single mechanisms and half on pairs", () => {
    const model = inferenceModel();
    let singles = 0;
    let pairs = 0;
    model.candidates.forEach((c, i) => {
      if (c.candidate.mechanisms.length === 1) singles += model.priors[i]!;
      else pairs += model.priors[i]!;
    });
    assertClose(singles, 0.5, 1e-12);
    assertClose(pairs, 0.5, 1e-12);
  });

  it("an added contradicting observation demotes the leading candidate, and the explanation names it", () => {
    // The direct read-out of each mechanism, at its parental (normal) value: the result that
    // contradicts a candidate built on that mechanism.
    const normalMarker: Record<string, [string, number]> = {
      "her2-loss": ["her2_gene_ratio", 1],
      "her2-shedding": ["shed_ecd_ratio", 1],
      "internalization-impaired": ["internalized_fraction_ratio", 1],
      "recycling-enhanced": ["internalized_fraction_ratio", 1],
      "trafficking-impaired": ["lysosomal_colocalization_ratio", 1],
      "lysosome-ph": ["lysosomal_ph_shift", 0],
      "slc46a3-loss": ["slc46a3_mrna_ratio", 1],
      "mdr1-up": ["mdr1_mrna_ratio", 1],
      "abcc1-up": ["abcc1_mrna_ratio", 1],
      "abcg2-up": ["abcg2_mrna_ratio", 1],
      "tubulin-altered": ["dm1_polymerization_ic50_fold", 1],
      "survival-signalling": ["pakt_ratio", 1],
    };
    const base = { tdm1_ic50_fold: 10, free_dm1_ic50_fold: 1, surface_her2_ratio: 1 };
    const before = diagnose(obs(base), { nextExperiments: false });
    const leader = before.candidates[0]!;
    const [markerId, normal] = normalMarker[leader.mechanisms[0]!]!;
    const after = diagnose(obs({ ...base, [markerId]: normal }), { nextExperiments: false, explain: 80 });
    const demoted = after.candidates.find((c) => c.id === leader.id)!;
    assert.ok(demoted.rank > 3, `${leader.id} should fall out of the top 3, is #${demoted.rank}`);
    assert.ok(demoted.posterior < leader.posterior / 5);
    const against = demoted.evidence!.find((e) => e.observation === markerId)!;
    assert.equal(against.verdict, "against");
    assert.match(against.sentence, new RegExp(`: argues against ${demoted.name.replace(/[+]/g, "\\+")}$`));
    assert.ok(against.sentence.startsWith(`${against.label} unchanged`), against.sentence);
  });

  it("free-DM1 IC50 unchanged argues against a payload-target mechanism (altered tubulin), in a plain sentence", () => {
    const d = diagnose(obs({ tdm1_ic50_fold: 10, free_dm1_ic50_fold: 1 }), { nextExperiments: false, explain: 80 });
    const tubulin = d.candidates.find((c) => c.id === "tubulin-altered")!;
    const e = tubulin.evidence!.find((x) => x.observation === "free_dm1_ic50_fold")!;
    assert.equal(e.verdict, "against");
    assert.match(
      e.sentence,
      /^free-DM1 IC50 unchanged \(1-fold; altered tubulin predicts .*-fold\): argues against altered tubulin$/,
    );
  });
});
