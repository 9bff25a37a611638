import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../errors/input-error.ts";
import { assertClose } from "../../test-helpers/assert.ts";
import { MOLECULAR_WEIGHTS } from "../../units/molecular-weights.ts";
import { readLongTable } from "./long-table.ts";

const file = "plate1.csv";

function rejects(text: string, pattern: RegExp, o: Record<string, unknown> = {}) {
  assert.throws(
    () => readLongTable(text, { file, ...o }),
    (e: unknown) => {
      assert.ok(e instanceof InputError, String(e));
      assert.match(e.message, pattern);
      return true;
    },
  );
}

describe("readLongTable", () => {
  it("reads one well per row with the unit from a unit column", () => {
    const d = readLongTable(
      "cell_line,drug,conc,unit,signal,replicate,well\nSKBR3,T-DM1,0,nM,1000,1,A1\nSKBR3,T-DM1,2.5,µM,400,1,A2\n",
      { file },
    );
    assert.equal(d.records.length, 2);
    const [v, s] = d.records;
    assert.deepEqual(
      { ...v },
      {
        line: 2,
        sample: "SKBR3",
        compound: "T-DM1",
        concentration_nM: 0,
        response: 1000,
        role: "vehicle",
        replicate: "1",
        well: "A1",
      },
    );
    assert.equal(s?.role, "sample");
    assertClose(s?.concentration_nM ?? NaN, 2500, 1e-15);
    assert.equal(d.concentrationUnit, "µM");
  });
  it("takes the unit from the header: 'concentration (nM)' and 'conc_uM'", () => {
    const a = readLongTable("sample\tcompound\tconcentration (nM)\tresponse\nA\tX\t3\t1\n", { file });
    assert.equal(a.records[0]?.concentration_nM, 3);
    const b = readLongTable("sample,compound,conc_uM,response\nA,X,3,1\n", { file });
    assertClose(b.records[0]?.concentration_nM ?? NaN, 3000, 1e-15);
  });
  it("takes the unit from the cell: '10 µg/mL' of T-DM1 is 67.34 nM with the label's 148.5 kDa", () => {
    const d = readLongTable("sample,compound,concentration,response\nBT474,T-DM1,10 ug/mL,5\n", { file });
    assertClose(d.records[0]?.concentration_nM ?? NaN, (10e-3 / MOLECULAR_WEIGHTS["T-DM1"].value) * 1e9, 1e-12);
    assert.equal(d.warnings.length, 0);
    assert.equal(d.molecularWeights_g_per_mol["T-DM1"], 148_500);
  });
  it("converts a mass unit of an unknown compound with T-DM1's weight and says so", () => {
    const d = readLongTable("sample,compound,concentration,response\nBT474,ADC-7,1 µg/mL,5\n", { file });
    assertClose(d.records[0]?.concentration_nM ?? NaN, 1e6 / 148_500, 1e-12);
    assert.match(d.warnings[0] ?? "", /T-DM1's molecular weight/);
  });
  it("reads roles, including aliases, and time with its header unit", () => {
    const d = readLongTable(
      "sample,compound,conc (nM),response,role,time_d\nA,,0,50,background,3\nA,,0,900,DMSO,3\nA,X,1,500,,3\nA,,0,100,t0,0\n",
      { file },
    );
    assert.deepEqual(
      d.records.map((r) => r.role),
      ["blank", "vehicle", "sample", "t0"],
    );
    assert.equal(d.records[0]?.time_h, 72);
  });
  it("reads a semicolon file with decimal commas", () => {
    const d = readLongTable("sample;compound;conc (nM);response\nA;X;2,5;0,75\n", { file });
    assert.equal(d.records[0]?.concentration_nM, 2.5);
    assert.equal(d.records[0]?.response, 0.75);
  });

  it("rejects a missing column, naming file, header row and the column", () => {
    rejects("sample,compound,conc (nM)\nA,X,1\n", /^plate1\.csv, row 1, column 'response': missing column 'response'/);
  });
  it("rejects a non-numeric concentration, naming file, row and column", () => {
    rejects(
      "sample,compound,conc (nM),response\nA,X,1,5\nA,X,abc,5\n",
      /^plate1\.csv, row 3, column 'conc \(nM\)': not a concentration/,
    );
  });
  it("rejects an unknown unit, naming the unit column", () => {
    rejects(
      "sample,compound,conc,unit,response\nA,X,1,nM,5\nA,X,1,furlong,5\n",
      /^plate1\.csv, row 3, column 'unit': unknown concentration unit 'furlong'/,
    );
    rejects(
      "sample,compound,conc,response\nA,X,1 mg/dL,5\n",
      /^plate1\.csv, row 2, column 'conc': unknown concentration unit 'mg\/dL'/,
    );
    rejects(
      "sample,compound,conc (pints),response\nA,X,1,5\n",
      /^plate1\.csv, row 1, column 'conc \(pints\)': unknown concentration unit 'pints' in the header/,
    );
  });
  it("rejects a bare number without any unit", () => {
    rejects("sample,compound,conc,response\nA,X,1,5\n", /row 2, column 'conc': concentration has no unit/);
  });
  it("accepts a bare number when a default unit is given", () => {
    assert.equal(
      readLongTable("sample,compound,conc,response\nA,X,1,5\n", { file, defaultUnit: "µM" }).records[0]
        ?.concentration_nM,
      1000,
    );
  });
  it("rejects a duplicated well on the same plate, naming both rows", () => {
    rejects(
      "sample,compound,conc (nM),response,plate,well\nA,X,1,5,P1,B07\nA,X,2,5,P2,B7\nA,X,3,5,P1,B7\n",
      /^plate1\.csv, row 4, column 'well': duplicated well B7 on plate 'P1' \(first on row 2\)/,
    );
  });
  it("rejects a non-numeric response and an unknown role", () => {
    rejects("sample,compound,conc (nM),response\nA,X,1,n/a\n", /row 2, column 'response': response is not a number/);
    rejects("sample,compound,conc (nM),response,role\nA,X,1,5,weird\n", /row 2, column 'role': unknown role 'weird'/);
  });
});
