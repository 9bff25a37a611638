import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isInputError } from "../errors/input-error.ts";
import { simulateViability } from "./viability.ts";

describe("virtual viability", () => {
  it("unconjugated trastuzumab (DAR 0) competes for HER2 and raises the T-DM1 IC50", () => {
    const alone = simulateViability({ cellLine: "SK-BR-3", drug: "T-DM1" }).ic50_nM;
    const withAb = simulateViability({ cellLine: "SK-BR-3", drug: "T-DM1", trastuzumab_nM: 100 }).ic50_nM;
    assert.ok(withAb > 3 * alone, `${withAb} vs ${alone}`);
  });

  it("trastuzumab alone slows a trastuzumab-sensitive line (SK-BR-3) but not JIMT-1", () => {
    const doses = [0.01, 0.1, 1, 10, 100];
    const sk = simulateViability({ cellLine: "SK-BR-3", drug: "trastuzumab", concentrations_nM: doses });
    const jimt = simulateViability({ cellLine: "JIMT-1", drug: "trastuzumab", concentrations_nM: doses });
    assert.ok(sk.viability.at(-1)! < 0.8 && sk.viability.at(-1)! > 0.3, `SK-BR-3 ${sk.viability}`);
    assert.ok(
      jimt.viability.every((v) => Math.abs(v - 1) < 1e-3),
      `JIMT-1 ${jimt.viability}`,
    );
  });

  it("the IC50 comes from the 4PL fit: the simulated curve crosses the fitted midpoint there", () => {
    const r = simulateViability({ cellLine: "SK-BR-3", drug: "free-DM1" });
    const mid = (1 + r.fit.params.bottom) / 2;
    const at = simulateViability({
      cellLine: "SK-BR-3",
      drug: "free-DM1",
      concentrations_nM: [r.ic50_nM / 10, r.ic50_nM, r.ic50_nM * 10, r.ic50_nM * 100],
    });
    assert.ok(Math.abs(at.viability[1]! - mid) < 0.05, `viability at IC50 ${at.viability[1]} vs midpoint ${mid}`);
    assert.equal(r.ic50.qualifier, "=");
  });

  it("rejects negative doses, too few doses, unknown drugs and non-positive times", () => {
    const base = { cellLine: "SK-BR-3", drug: "T-DM1" };
    assert.throws(() => simulateViability({ ...base, concentrations_nM: [1, -1, 2, 3] }), isInputError);
    assert.throws(() => simulateViability({ ...base, concentrations_nM: [1, 2, 3] }), isInputError);
    assert.throws(
      () => simulateViability({ ...base, drug: "aspirin" }),
      /unknown drug 'aspirin'.*T-DM1, trastuzumab, free-DM1, paclitaxel, vinblastine/,
    );
    assert.throws(() => simulateViability({ ...base, time_h: 0 }), isInputError);
  });
});
