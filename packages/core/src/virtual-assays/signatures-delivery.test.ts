/**
 * The source documents' troubleshooting table, first row: "High IC50 for T-DM1, but cells remain
 * sensitive to free DM1" — delivery mechanisms (HER2 loss, impaired internalization/trafficking,
 * raised lysosomal pH, SLC46A3 loss) raise the T-DM1 IC50 while free-DM1 sensitivity stays within
 * 2× of parental.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { MechanismId } from "../knowledge/mechanisms.ts";
import { simulateViability } from "./viability.ts";

const LINE = "SK-BR-3";
const ic50 = (drug: string, mechanisms: { id: string; strength: number }[] = []) =>
  simulateViability({ cellLine: LINE, drug, mechanisms }).ic50_nM;

describe("troubleshooting signature: T-DM1 resistance with free-DM1 sensitivity kept", () => {
  const parentalTdm1 = ic50("T-DM1");
  const parentalDm1 = ic50("free-DM1");

  const cases: [MechanismId, number][] = [
    ["her2-loss", 10],
    ["internalization-impaired", 10],
    ["trafficking-impaired", 20],
    ["lysosome-ph", 30],
    ["slc46a3-loss", 30],
  ];
  for (const [id, strength] of cases) {
    it(`${id} (×${strength}) raises the T-DM1 IC50 at least 2-fold; free DM1 stays within 2×`, () => {
      const m = [{ id, strength }];
      const tdm1 = ic50("T-DM1", m);
      const dm1 = ic50("free-DM1", m);
      assert.ok(tdm1 / parentalTdm1 >= 2, `T-DM1 IC50 ${tdm1} vs parental ${parentalTdm1}`);
      const r = dm1 / parentalDm1;
      assert.ok(r <= 2 && r >= 0.5, `free-DM1 IC50 ratio ${r}`);
    });
  }
});
