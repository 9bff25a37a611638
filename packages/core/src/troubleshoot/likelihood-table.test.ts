/**
 * The likelihood tables must be the simulator's: this test fails whenever the model changes (a
 * parameter, a mechanism's effect, an equation) until the tables are regenerated with
 *   npx tsx scripts/troubleshoot/regenerate-likelihoods.ts
 * and it recomputes two table cells from the simulator to show the table is what the code makes.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertClose } from "../test-helpers/assert.ts";
import { allCandidates, gradeSettings } from "./candidates.ts";
import { candidatePredictions, LIKELIHOOD_TABLES, REFERENCE_CELL_LINE } from "./likelihood-table.ts";
import { modelFingerprint } from "./model-fingerprint.ts";
import { PREDICTED_QUANTITIES } from "./observations.ts";
import { createSimulatorPredictor } from "./predict.ts";

const REGENERATE =
  "the simulator changed: run `npx tsx scripts/troubleshoot/regenerate-likelihoods.ts --jobs 2` and commit the tables";

describe("likelihood tables", () => {
  it("were generated from the current simulator (model fingerprint)", () => {
    const current = modelFingerprint();
    assert.ok(LIKELIHOOD_TABLES.length > 0, "no likelihood table");
    for (const t of LIKELIHOOD_TABLES) assert.equal(t.modelFingerprint, current, `${t.cellLine}: ${REGENERATE}`);
  });

  it("cover every candidate and strength cell, in the vocabulary's column order", () => {
    for (const t of LIKELIHOOD_TABLES) {
      assert.deepEqual(t.quantities, [...PREDICTED_QUANTITIES]);
      const unpacked = candidatePredictions(t);
      assert.equal(unpacked.length, allCandidates().length);
      for (const c of unpacked) assert.equal(c.cells.length, gradeSettings(c.candidate).length);
    }
  });

  it("hold what the simulator predicts (two cells recomputed)", () => {
    const t = LIKELIHOOD_TABLES.find((x) => x.cellLine === REFERENCE_CELL_LINE)!;
    const predict = createSimulatorPredictor();
    for (const id of ["slc46a3-loss", "her2-loss+mdr1-up"]) {
      const row = t.cells[id]!.at(-1)!;
      const p = predict(row.strengths, t.cellLine);
      PREDICTED_QUANTITIES.forEach((q, i) => {
        // The table keeps 4 significant digits; strengths are stored rounded too.
        assertClose(row.values[i]!, p[q], 2e-3, 1e-9, `${id} ${q}`);
      });
    }
  });
});
