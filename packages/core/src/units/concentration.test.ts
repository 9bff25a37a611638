import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../errors/input-error.ts";
import { assertClose } from "../test-helpers/assert.ts";
import {
  CONCENTRATION_UNITS,
  convertConcentration,
  fromMolar,
  normalizeConcentrationUnit,
  parseConcentration,
  toMolar,
} from "./concentration.ts";
import { MOLECULAR_WEIGHTS } from "./molecular-weights.ts";

const TDM1 = MOLECULAR_WEIGHTS["T-DM1"].value;

describe("molar units", () => {
  const cases: [string, number][] = [
    ["M", 1],
    ["mM", 1e-3],
    ["µM", 1e-6],
    ["nM", 1e-9],
    ["pM", 1e-12],
    ["fM", 1e-15],
  ];
  for (const [unit, factor] of cases) {
    it(`1 ${unit} is ${factor} M and back`, () => {
      assertClose(toMolar(1, unit as never), factor);
      assertClose(fromMolar(factor, unit as never), 1);
    });
  }
  it("converts 250 nM to 0.25 µM and 250000 pM", () => {
    assertClose(convertConcentration(250, "nM", "µM"), 0.25);
    assertClose(convertConcentration(250, "nM", "pM"), 250000);
  });
});

describe("mass units need a molecular weight", () => {
  it("10 µg/mL of T-DM1 (148,500 g/mol, Kadcyla label) is 67.34 nM — Protocol 1's pulse dose", () => {
    // hand computation: 10 µg/mL = 1e-2 g/L; 1e-2 / 148500 mol/L = 6.7340e-8 M = 67.340 nM
    assertClose(convertConcentration(10, "µg/mL", "nM", { molecularWeight_g_per_mol: TDM1 }), 67.34006734, 1e-9);
  });
  it("1 nM of T-DM1 is 148.5 ng/mL", () => {
    assertClose(convertConcentration(1, "nM", "ng/mL", { molecularWeight_g_per_mol: TDM1 }), 148.5, 1e-12);
  });
  it("Scheuher's 148,781 g/mol gives 67.21 nM for the same pulse (0.2 % apart)", () => {
    assertClose(convertConcentration(10, "µg/mL", "nM", { molecularWeight_g_per_mol: 148781 }), 67.21288, 1e-6);
  });
  it("1 µg/mL of DM1 (738.3 g/mol) is 1354.5 nM", () => {
    assertClose(convertConcentration(1, "µg/mL", "nM", { molecularWeight_g_per_mol: 738.3 }), 1e6 / 738.3, 1e-12);
  });
  const massCases: [string, number][] = [
    ["g/L", 1],
    ["mg/mL", 1],
    ["mg/L", 1e-3],
    ["µg/mL", 1e-3],
    ["µg/L", 1e-6],
    ["ng/mL", 1e-6],
    ["ng/L", 1e-9],
    ["pg/mL", 1e-9],
  ];
  for (const [unit, gPerL] of massCases) {
    it(`1 ${unit} is ${gPerL} g/L, i.e. ${gPerL}/MW M`, () => {
      assertClose(toMolar(1, unit as never, { molecularWeight_g_per_mol: 1000 }), gPerL / 1000);
      assertClose(fromMolar(gPerL / 1000, unit as never, { molecularWeight_g_per_mol: 1000 }), 1);
    });
  }
  it("mass to mass needs no molecular weight", () => {
    assertClose(convertConcentration(1, "µg/mL", "ng/mL"), 1000);
  });
  it("mass to molar without a molecular weight is a clear error", () => {
    assert.throws(
      () => toMolar(1, "µg/mL", { field: "dose" }),
      (e: unknown) => e instanceof InputError && /molecular weight/.test(e.message) && /^dose:/.test(e.message),
    );
  });
  it("a non-positive molecular weight is rejected", () => {
    assert.throws(() => toMolar(1, "ng/mL", { molecularWeight_g_per_mol: 0 }), InputError);
    assert.throws(() => toMolar(1, "ng/mL", { molecularWeight_g_per_mol: -5 }), InputError);
  });
});

describe("parsing", () => {
  it("reads the spellings users type", () => {
    for (const s of ["µM", "uM", "μM", " uM "]) assert.equal(normalizeConcentrationUnit(s), "µM");
    for (const s of ["ug/ml", "µg/mL", "μg/mL", "mcg/mL", "ug/mL"])
      assert.equal(normalizeConcentrationUnit(s), "µg/mL");
    assert.equal(normalizeConcentrationUnit("ng/ml"), "ng/mL");
    assert.equal(normalizeConcentrationUnit("g/l"), "g/L");
    assert.equal(normalizeConcentrationUnit("mM"), "mM");
    assert.equal(normalizeConcentrationUnit("MM"), undefined);
    assert.equal(normalizeConcentrationUnit("furlongs"), undefined);
  });
  it("every listed unit round-trips through its own name", () => {
    for (const u of CONCENTRATION_UNITS) assert.equal(normalizeConcentrationUnit(u), u);
  });
  it("parses value and unit, with or without a space, and decimal commas", () => {
    assert.deepEqual(parseConcentration("2.5nM"), { value: 2.5, unit: "nM", molar: 2.5e-9 });
    assertClose(parseConcentration("1e-9 M").molar, 1e-9);
    assertClose(parseConcentration("2,5 nM").molar, 2.5e-9);
    assertClose(parseConcentration("10 ug/mL", { molecularWeight_g_per_mol: TDM1 }).molar, 6.734006734e-8, 1e-9);
  });
  it("a bare number takes the default unit, or is an error without one", () => {
    assertClose(parseConcentration("3", { defaultUnit: "nM" }).molar, 3e-9);
    assert.throws(() => parseConcentration("3", { field: "conc" }), /conc: concentration has no unit/);
  });
  it("unknown unit lists the valid ones", () => {
    assert.throws(
      () => parseConcentration("5 nanomoles", { field: "dose" }),
      (e: unknown) =>
        e instanceof InputError && /unknown concentration unit 'nanomoles'/.test(e.message) && /nM/.test(e.message),
    );
  });
  it("rejects text, negatives and non-finite numbers", () => {
    assert.throws(() => parseConcentration("abc nM"), /not a concentration/);
    assert.throws(() => parseConcentration("-1 nM"), /cannot be negative/);
    assert.throws(() => toMolar(Number.NaN, "nM"), /not a finite number/);
  });
});
