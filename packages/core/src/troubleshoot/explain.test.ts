/**
 * Evidence sentences follow the likelihood ratio of each result against the alternatives to the
 * candidate: checked by a brute-force recomputation from the definitions, and on concrete cases
 * (the leading candidate's own marker argues for it; a result its competitors predict better argues
 * against it, whatever the candidate's posterior).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import { diagnose } from "./diagnose.ts";
import { EVIDENCE_THRESHOLD_LOG10 } from "./explain.ts";
import { inferenceModel } from "./infer.ts";
import { logLikelihood, observationDefinition } from "./observations.ts";
import type { ObservedValue } from "./parse-observations.ts";

const obs = (o: Record<string, number>): ObservedValue[] =>
  Object.entries(o).map(([id, value]) => ({ id, value }) as ObservedValue);

/** p(o_S | candidate) straight from the definitions: mean over strength cells of Π p(o_i | cell). */
function evidence(ci: number, o: readonly ObservedValue[], skip: number): number {
  const cells = inferenceModel().candidates[ci]!.cells;
  let sum = 0;
  for (const cell of cells) {
    let l = 1;
    o.forEach((x, j) => {
      if (j === skip) return;
      const def = observationDefinition(x.id);
      l *= Math.exp(logLikelihood(def, x.value, cell.predicted[def.predictedBy]));
    });
    sum += l;
  }
  return sum / cells.length;
}

describe("evidence for and against a candidate", () => {
  it("is the likelihood ratio of each result against the other candidates, given the rest (brute force)", () => {
    const model = inferenceModel();
    const o = obs({ tdm1_ic50_fold: 1000, surface_her2_ratio: 0.3, mdr1_mrna_ratio: 10, tariquidar_reversal_fold: 10 });
    const d = diagnose(o, { nextExperiments: false, explain: 3 });
    for (const cand of d.candidates.slice(0, 3)) {
      const c = model.candidates.findIndex((x) => x.candidate.id === cand.id);
      o.forEach((x, i) => {
        const mine = evidence(c, o, -1) / evidence(c, o, i);
        let altAll = 0;
        let altRest = 0;
        model.candidates.forEach((_, k) => {
          if (k === c) return;
          altAll += model.priors[k]! * evidence(k, o, -1);
          altRest += model.priors[k]! * evidence(k, o, i);
        });
        const expected = Math.log10(mine / (altAll / altRest));
        const item = cand.evidence!.find((e) => e.observation === x.id)!;
        assertClose(item.log10BayesFactor, expected, 1e-9, 1e-12);
        const verdict =
          expected > EVIDENCE_THRESHOLD_LOG10 ? "for" : expected < -EVIDENCE_THRESHOLD_LOG10 ? "against" : "neutral";
        assert.equal(item.verdict, verdict, item.sentence);
      });
    }
  });

  it("the leading candidate's own marker argues for it, even when it dominates the posterior", () => {
    const d = diagnose(
      obs({ tdm1_ic50_fold: 10, free_dm1_ic50_fold: 1, slc46a3_mrna_ratio: 0.01, surface_her2_ratio: 1 }),
      { nextExperiments: false },
    );
    const lead = d.candidates[0]!;
    assert.equal(lead.id, "slc46a3-loss");
    // Compared with the mixture of all candidates (the leader included) the leader's own evidence
    // shrinks by up to log10(1/posterior): the leader is a large part of that mixture.
    assert.ok(lead.posterior > 0.3, String(lead.posterior));
    const marker = lead.evidence!.find((e) => e.observation === "slc46a3_mrna_ratio")!;
    assert.equal(marker.verdict, "for", marker.sentence);
    assert.ok(marker.log10BayesFactor > 0.5, String(marker.log10BayesFactor));
    assert.match(
      marker.sentence,
      /^SLC46A3 mRNA lowered \(0\.01× parental; SLC46A3 loss predicts .*\): argues for SLC46A3 loss$/,
    );
  });

  it("a result the alternatives predict better argues against the candidate, and the sentence says so", () => {
    // Internalization falls to a tenth: a processing defect upstream of the lysosome, which raised
    // lysosomal pH does not produce.
    const d = diagnose(obs({ tdm1_ic50_fold: 10, free_dm1_ic50_fold: 1, internalized_fraction_ratio: 0.1 }), {
      nextExperiments: false,
      explain: 80,
    });
    const ph = d.candidates.find((c) => c.id === "lysosome-ph")!;
    const e = ph.evidence!.find((x) => x.observation === "internalized_fraction_ratio")!;
    assert.equal(e.verdict, "against");
    assert.ok(e.log10BayesFactor < -1, String(e.log10BayesFactor));
    assert.match(
      e.sentence,
      /^internalized fraction of T-DM1 lowered \(0\.1× parental; raised lysosomal pH predicts 1(\.\d+)?× parental\): argues against raised lysosomal pH$/,
    );
  });
});
