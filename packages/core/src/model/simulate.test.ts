import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isInputError } from "../errors/input-error.ts";
import type { WellConfig } from "./rates.ts";
import { simulateWell, type WellDose } from "./simulate.ts";
import { S } from "./states.ts";
import { payloadTotal_nmol } from "./well-system.ts";

function worstDrift(config: WellConfig, dose: WellDose): number {
  const r = simulateWell(config, dose, { tOut: [0, 6, 24, 48, 96, 120], rtol: 1e-8, atolScale: 1e-2 });
  const m0 = payloadTotal_nmol(r.well.rates, r.at(0), r.well.geometry.medium_L);
  let worst = 0;
  for (let i = 0; i < r.t.length; i++) {
    const m = payloadTotal_nmol(r.well.rates, r.at(i), r.well.geometry.medium_L);
    worst = Math.max(worst, Math.abs(m - m0) / m0);
  }
  return worst;
}

describe("simulateWell", () => {
  it("conserves payload to 1e-9 relative over 120 h (the model has no payload sink)", () => {
    const scenarios: [WellConfig, WellDose][] = [
      [{ cellLine: "SK-BR-3" }, { adc_nM: 1 }],
      [
        { cellLine: "KPL-4", mechanisms: [{ id: "mdr1-up", strength: 30 }] },
        { adc_nM: 20, drug_nM: 0.3 },
      ],
      [
        { cellLine: "BT-474M1", mechanisms: [{ id: "slc46a3-loss", strength: 30 }] },
        { adc_nM: 5, antibody_nM: 5 },
      ],
      [{ cellLine: "JIMT-1", smallMolecule: "vinblastine" }, { drug_nM: 2 }],
    ];
    for (const [c, d] of scenarios) {
      const drift = worstDrift(c, d);
      assert.ok(drift < 1e-9, `${c.cellLine}: relative drift ${drift}`);
    }
  });

  it("washing at the end of a pulse removes every medium species and keeps bound T-DM1", () => {
    const r = simulateWell({ cellLine: "SK-BR-3", well: "24-well" }, { adc_nM: 67 }, { tOut: [1, 1.001], washAt_h: 1 });
    const before = r.at(0);
    const after = r.at(1);
    assert.ok(before[S.adcMedium]! > 60);
    assert.equal(after[S.adcMedium]! < 1e-3, true);
    assert.ok(Math.abs(after[S.adcSurface]! - before[S.adcSurface]!) / before[S.adcSurface]! < 1e-2);
  });

  it("untreated cells grow at the line's doubling time while the well is far from confluence", () => {
    const r = simulateWell(
      { cellLine: "SK-BR-3", well: { medium_L: 1e-4, seededCells: 5000, carryingCapacityCells: 1e12 } },
      {},
      { tOut: [37.4] },
    );
    const live = r.at(0)[S.cellsCycling]!;
    assert.ok(Math.abs(live / 10000 - 1) < 1e-4, `live ${live}`);
  });

  it("target-mediated depletion: HER2-high cells strip a sub-nM dose from the medium, not a 100 nM one", () => {
    // Over 72 h, 5,000 SK-BR-3 cells (1.1e6 HER2 each, growing) in 100 µL internalise far more
    // T-DM1 than 0.01 nM × 100 µL (6e8 molecules) holds, but little of 100 nM (6e12).
    const left = (c: number) =>
      simulateWell({ cellLine: "SK-BR-3" }, { adc_nM: c }, { tOut: [72] }).at(0)[S.adcMedium]! / c;
    assert.ok(left(0.01) < 0.2, `0.01 nM: ${left(0.01)} left`);
    assert.ok(left(100) > 0.7, `100 nM: ${left(100)} left`);
  });

  it("unconjugated trastuzumab (DAR 0) delivers no payload", () => {
    const y = simulateWell({ cellLine: "SK-BR-3" }, { antibody_nM: 10 }, { tOut: [48] }).at(0);
    for (const k of ["catLysosome", "catCytosol", "catBound", "catMedium", "adcLysosome"] as const)
      assert.equal(y[S[k]], 0, k);
    assert.ok(y[S.abSurface]! > 1e5);
  });

  it("rejects negative doses and non-positive times", () => {
    assert.throws(() => simulateWell({ cellLine: "SK-BR-3" }, { adc_nM: -1 }, { tOut: [1] }), isInputError);
    assert.throws(() => simulateWell({ cellLine: "SK-BR-3" }, { adc_nM: 1 }, { tOut: [0] }), isInputError);
  });
});
