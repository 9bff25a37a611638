/**
 * Troubleshooting-table signatures for efflux: MDR1 up gives cross-resistance to free DM1, the
 * taxane and the vinca; the matching inhibitor brings an efflux line's T-DM1 IC50 back to within
 * 3× of parental, and moves it less than 1.5× for SLC46A3 loss or HER2 loss.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { INHIBITORS } from "../knowledge/drugs.ts";
import { simulateViability } from "./viability.ts";

const LINE = "SK-BR-3";
type M = { id: string; strength: number }[];
const ic50 = (drug: string, mechanisms: M = [], inhibitors: { id: string; concentration_nM: number }[] = []) =>
  simulateViability({ cellLine: LINE, drug, mechanisms, inhibitors }).ic50_nM;
const typical = (id: keyof typeof INHIBITORS) => [{ id, concentration_nM: INHIBITORS[id].typicalConcentration_nM }];

describe("troubleshooting signature: efflux", () => {
  it("MDR1 up (×300) cross-resists free DM1, paclitaxel and vinblastine (each IC50 ≥ 2× parental)", () => {
    for (const drug of ["free-DM1", "paclitaxel", "vinblastine"]) {
      const parental = ic50(drug);
      const up = ic50(drug, [{ id: "mdr1-up", strength: 300 }]);
      assert.ok(up / parental >= 2, `${drug}: ${up} vs ${parental}`);
    }
  });

  const parental = ic50("T-DM1");
  const reversals: [string, keyof typeof INHIBITORS][] = [
    ["mdr1-up", "tariquidar"],
    ["mdr1-up", "verapamil"],
    ["abcc1-up", "MK-571"],
    ["abcg2-up", "Ko143"],
  ];
  for (const [id, inhibitor] of reversals) {
    it(`${inhibitor} at its usual concentration brings a ${id} (×100) line back to within 3× of parental`, () => {
      const resistant = ic50("T-DM1", [{ id, strength: 100 }]);
      assert.ok(resistant / parental > 3, `${id} must first make the line resistant: ${resistant} vs ${parental}`);
      const reversed = ic50("T-DM1", [{ id, strength: 100 }], typical(inhibitor));
      assert.ok(reversed / parental <= 3, `with ${inhibitor}: ${reversed} vs parental ${parental}`);
    });
  }

  for (const id of ["slc46a3-loss", "her2-loss"]) {
    it(`efflux inhibitors move the T-DM1 IC50 of a ${id} line less than 1.5×`, () => {
      const m = [{ id, strength: 10 }];
      const without = ic50("T-DM1", m);
      for (const inhibitor of ["verapamil", "MK-571", "Ko143"] as const) {
        const r = ic50("T-DM1", m, typical(inhibitor)) / without;
        assert.ok(r > 1 / 1.5 && r < 1.5, `${inhibitor}: ratio ${r}`);
      }
    });
  }
});
