/**
 * The likelihood tables must be the simulator's: this test fails whenever the model changes (a
 * parameter, a mechanism's effect, an equation) or the strength grid of candidates.ts changes until
 * the tables are regenerated with
 *   npx tsx scripts/troubleshoot/regenerate-likelihoods.ts
 * and it recomputes two table cells from the simulator to show the table is what the code makes.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PREDICTED_QUANTITIES } from "../knowledge/observation-ids.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { allCandidates, gradeSettings, gridFingerprint } from "./candidates.ts";
import { candidatePredictions, LIKELIHOOD_TABLES, REFERENCE_CELL_LINE } from "./likelihood-table.ts";
import { modelFingerprint } from "./model-fingerprint.ts";
import { createSimulatorPredictor } from "./predict.ts";

const RUN = "run `npx tsx scripts/troubleshoot/regenerate-likelihoods.ts --jobs 2` and commit the tables";

const reference = () => LIKELIHOOD_TABLES.find((x) => x.cellLine === REFERENCE_CELL_LINE)!;

describe("likelihood tables", () => {
  it("were generated from the current simulator (model fingerprint)", () => {
    const current = modelFingerprint();
    assert.ok(LIKELIHOOD_TABLES.length > 0, "no likelihood table");
    for (const t of LIKELIHOOD_TABLES)
      assert.equal(t.modelFingerprint, current, `${t.cellLine}: the simulator changed: ${RUN}`);
  });

  it("were computed on the current strength grid (grid fingerprint)", () => {
    const current = gridFingerprint();
    for (const t of LIKELIHOOD_TABLES) {
      assert.equal(t.gridFingerprint, current, `${t.cellLine}: the strength grid (candidates.ts) changed: ${RUN}`);
    }
  });

  it("cover every candidate and strength cell, in the vocabulary's column order", () => {
    for (const t of LIKELIHOOD_TABLES) {
      assert.deepEqual(t.quantities, [...PREDICTED_QUANTITIES]);
      assert.deepEqual(
        Object.keys(t.cells).sort(),
        allCandidates()
          .map((c) => c.id)
          .sort(),
      );
      const unpacked = candidatePredictions(t);
      assert.equal(unpacked.length, allCandidates().length);
      for (const c of unpacked) {
        assert.equal(c.cells.length, gradeSettings(c.candidate).length);
        for (const cell of c.cells) for (const q of PREDICTED_QUANTITIES) assert.ok(Number.isFinite(cell.predicted[q]));
      }
    }
  });

  it("are refused when computed on another strength grid or incomplete", () => {
    const t = reference();
    assert.throws(
      () => candidatePredictions({ ...t, gridFingerprint: "0000000000000000" }),
      /another strength grid.*regenerate/,
    );
    const { "mdr1-up": _dropped, ...fewer } = t.cells;
    assert.throws(() => candidatePredictions({ ...t, cells: fewer }), /lacks candidate mdr1-up.*regenerate/);
    const short = { ...t.cells, "mdr1-up": t.cells["mdr1-up"]!.map((row) => row.slice(1)) };
    assert.throws(() => candidatePredictions({ ...t, cells: short }), /23 values for 24 quantities/);
  });

  it("hold what the simulator predicts at the grid's strengths (two cells recomputed)", () => {
    const t = reference();
    const predict = createSimulatorPredictor();
    const unpacked = candidatePredictions(t);
    for (const id of ["slc46a3-loss", "her2-loss+mdr1-up"]) {
      const c = unpacked.find((x) => x.candidate.id === id)!;
      const cell = c.cells.at(-1)!;
      assert.deepEqual(cell.strengths, gradeSettings(c.candidate).at(-1));
      const p = predict(cell.strengths, t.cellLine);
      for (const q of PREDICTED_QUANTITIES) {
        // The table keeps 4 significant digits (relative error ≤ 5e-4).
        assertClose(cell.predicted[q], p[q], 5e-4, 1e-9, `${id} ${q}`);
      }
    }
  });
});
