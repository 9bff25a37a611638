import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PREDICTED_QUANTITIES } from "../knowledge/observation-ids.ts";
import { resolveWell } from "../model/rates.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { doseFor, liveCellsAt, resolveDrug } from "../virtual-assays/viability.ts";
import { createSimulatorPredictor, VIRTUAL_ASSAY_DESIGN, virtualIc50 } from "./predict.ts";

describe("the simulator predictor", () => {
  it("virtualIc50 finds the dose that halves live cells (checked by re-simulating at the root)", () => {
    const well = resolveWell({ cellLine: "SK-BR-3", smallMolecule: "S-methyl-DM1" });
    const t = VIRTUAL_ASSAY_DESIGN.viabilityReadout_h;
    for (const drug of ["free-DM1", "T-DM1"] as const) {
      const w = drug === "T-DM1" ? resolveWell({ cellLine: "SK-BR-3" }) : well;
      const ic50 = virtualIc50(w, drug, 1, t);
      const d = resolveDrug(drug);
      const v = liveCellsAt(w, doseFor(d, ic50), t) / liveCellsAt(w, doseFor(d, 0), t);
      assertClose(v, 0.5, 0.02, 0, drug);
    }
  });

  it("the parental line predicts itself: every ratio is 1 and every shift 0", () => {
    const p = createSimulatorPredictor()({}, "SK-BR-3");
    for (const q of PREDICTED_QUANTITIES) {
      if (q === "lysosomal_ph_shift") assert.equal(p[q], 0);
      else assertClose(p[q], 1, 1e-3, 0, q);
    }
  });
});
