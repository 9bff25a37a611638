import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isInputError } from "../errors/input-error.ts";
import { SEED_TABLE } from "../knowledge/seed-table.ts";
import { simulateViability } from "../virtual-assays/viability.ts";
import { calibrateToCurves, calibrateToIc50s } from "./calibrate.ts";

describe("calibration", () => {
  it("recovers a known mechanism strength from the IC50 it produces", () => {
    // Make an "observation" with her2-loss = 4 in JIMT-1, then fit the strength back from 1.5.
    const truth = simulateViability({
      cellLine: "JIMT-1",
      drug: "T-DM1",
      mechanisms: [{ id: "her2-loss", strength: 4 }],
    });
    const cal = calibrateToIc50s(
      [{ label: "JIMT-1 R", observedIc50_nM: truth.ic50_nM, options: { cellLine: "JIMT-1", drug: "T-DM1" } }],
      [
        {
          name: "her2-loss",
          start: 1.5,
          bounds: [1, 50],
          boundsReason: "test",
          apply: (o, v) => ({ ...o, mechanisms: [{ id: "her2-loss", strength: v }] }),
        },
      ],
    );
    const p = cal.parameters[0]!;
    assert.ok(Math.abs(p.value / 4 - 1) < 0.02, `fitted ${p.value}`);
    assert.ok(cal.converged);
    assert.ok(p.seLog10 > 0 && Number.isFinite(p.seLog10));
    assert.ok(p.ci95[0] < p.value && p.value < p.ci95[1]);
  });

  it("keeps a fitted value inside its bounds", () => {
    const cal = calibrateToIc50s(
      [{ label: "x", observedIc50_nM: 1e6, options: { cellLine: "JIMT-1", drug: "T-DM1" } }],
      [
        {
          name: "her2-loss",
          start: 2,
          bounds: [1, 3],
          boundsReason: "test",
          apply: (o, v) => ({ ...o, mechanisms: [{ id: "her2-loss", strength: v }] }),
        },
      ],
      { maxIterations: 3 },
    );
    assert.ok(cal.parameters[0]!.value <= 3 && cal.parameters[0]!.value >= 1);
  });

  it("rejects unbounded or non-positive bounds and bad observations", () => {
    const apply = (o: never) => o;
    assert.throws(
      () =>
        calibrateToIc50s(
          [{ label: "x", observedIc50_nM: 1, options: { cellLine: "JIMT-1", drug: "T-DM1" } }],
          [{ name: "p", start: 1, bounds: [0, Infinity], boundsReason: "", apply }],
        ),
      isInputError,
    );
    assert.throws(
      () =>
        calibrateToIc50s(
          [{ label: "x", observedIc50_nM: -1, options: { cellLine: "JIMT-1", drug: "T-DM1" } }],
          [{ name: "p", start: 1, bounds: [1, 2], boundsReason: "", apply }],
        ),
      isInputError,
    );
  });

  it("the stored line parameters give each seed-table parental IC50 within 3× of the table", () => {
    for (const row of SEED_TABLE) {
      const m = simulateViability({ cellLine: row.cellLine, drug: "T-DM1" }).ic50_nM;
      const r = Math.max(m / row.parentalIc50_nM, row.parentalIc50_nM / m);
      assert.ok(r <= 3, `${row.cellLine}: model ${m} nM vs table ${row.parentalIc50_nM} nM`);
    }
  });
});

describe("calibration to whole curves", () => {
  it("recovers a survival-signalling strength from a noise-free simulated curve", () => {
    const doses = [0.01, 0.03, 0.1, 0.3, 1, 3];
    const truth = simulateViability({
      cellLine: "SK-BR-3",
      drug: "free-DM1",
      concentrations_nM: doses,
      mechanisms: [{ id: "survival-signalling", strength: 2.5 }],
    });
    const cal = calibrateToCurves(
      [
        {
          label: "SK-BR-3 R",
          options: { cellLine: "SK-BR-3", drug: "free-DM1" },
          concentrations_nM: doses,
          viability: truth.viability,
        },
      ],
      [
        {
          name: "survival-signalling",
          start: 1.2,
          bounds: [1, 10],
          boundsReason: "test",
          apply: (o, v) => ({ ...o, mechanisms: [{ id: "survival-signalling", strength: v }] }),
        },
      ],
    );
    assert.ok(Math.abs(cal.parameters[0]!.value / 2.5 - 1) < 0.01, `fitted ${cal.parameters[0]!.value}`);
    assert.ok(cal.residualSd < 1e-3);
    assert.equal(cal.curves[0]!.model.length, doses.length);
  });
});
