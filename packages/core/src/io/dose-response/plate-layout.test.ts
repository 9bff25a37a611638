import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../errors/input-error.ts";
import { readPlateLayout } from "./plate-layout.ts";

// A 96-well export trimmed to 3 rows × 6 columns is still a valid grid (header 1…6).
const signals = [
  "Plate 1",
  ",1,2,3,4,5,6",
  "A,1000,900,700,400,200,100",
  "B,1010,880,690,420,210,50",
  "C,60,40,,,,",
].join("\n");

const layoutGrids = [
  "sample",
  ",1,2,3,4,5,6",
  "A,SKBR3,SKBR3,SKBR3,SKBR3,SKBR3,SKBR3",
  "B,SKBR3,SKBR3,SKBR3,SKBR3,SKBR3,SKBR3",
  "C,,",
  "",
  "compound,1,2,3,4,5,6",
  "A,,T-DM1,T-DM1,T-DM1,T-DM1,T-DM1",
  "B,,T-DM1,T-DM1,T-DM1,T-DM1,T-DM1",
  "",
  "concentration (nM),1,2,3,4,5,6",
  "A,0,0.1,1,10,100,1000",
  "B,0,0.1,1,10,100,1000",
  "C,0,0",
  "",
  "role,1,2,3,4,5,6",
  "C,blank,blank",
].join("\n");

describe("readPlateLayout", () => {
  it("joins raw-signal grids with layout grids, well by well", () => {
    const d = readPlateLayout({ file: "plate.csv", text: signals }, { file: "layout.csv", text: layoutGrids });
    assert.equal(d.records.length, 14);
    const a4 = d.records.find((r) => r.well === "A4");
    assert.deepEqual(
      { ...a4 },
      {
        line: 3,
        sample: "SKBR3",
        compound: "T-DM1",
        concentration_nM: 10,
        response: 400,
        role: "sample",
        well: "A4",
        plate: "Plate 1",
      },
    );
    assert.deepEqual(
      d.records.filter((r) => r.role === "blank").map((r) => [r.well, r.response]),
      [
        ["C1", 60],
        ["C2", 40],
      ],
    );
    assert.equal(d.records.filter((r) => r.role === "vehicle").length, 2);
  });
  it("reads a layout table with a well column", () => {
    const table = "well,sample,compound,conc,unit\nA1,SKBR3,,0,nM\nA2,SKBR3,T-DM1,0.1,nM\nA3,SKBR3,T-DM1,1,µM\n";
    const d = readPlateLayout({ file: "plate.csv", text: signals }, { file: "layout.csv", text: table });
    assert.deepEqual(
      d.records.map((r) => [r.well, r.concentration_nM, r.response]),
      [
        ["A1", 0, 1000],
        ["A2", 0.1, 900],
        ["A3", 1000, 700],
      ],
    );
  });
  it("reads several labelled plates (here 384-well) with a layout table that names the plate", () => {
    const header = `,${Array.from({ length: 24 }, (_, i) => i + 1).join(",")}`;
    const plate = (name: string, base: number) =>
      [
        name,
        header,
        ...["A", "B"].map((r, j) => `${r},${Array.from({ length: 24 }, (_, i) => base + 100 * j + i).join(",")}`),
      ].join("\n");
    const text = `${plate("P1", 1000)}\n\n${plate("P2", 5000)}\n`;
    const table = "plate,well,sample,compound,conc (nM)\nP1,A1,S,,0\nP1,B24,S,X,10\nP2,A1,T,,0\nP2,B24,T,X,10\n";
    const d = readPlateLayout({ file: "p384.csv", text }, { file: "layout.csv", text: table });
    assert.deepEqual(
      d.records.map((r) => [r.plate, r.well, r.sample, r.response]),
      [
        ["P1", "A1", "S", 1000],
        ["P1", "B24", "S", 1123],
        ["P2", "A1", "T", 5000],
        ["P2", "B24", "T", 5123],
      ],
    );
  });
  it("rejects a duplicated well in the layout, naming file, row and column", () => {
    const table = "well,sample,compound,conc (nM)\nA1,S,X,1\nA2,S,X,2\na01,S,X,3\n";
    assert.throws(
      () => readPlateLayout({ file: "plate.csv", text: signals }, { file: "layout.csv", text: table }),
      (e: unknown) =>
        e instanceof InputError &&
        /^layout\.csv, row 4, column 'well': duplicated well A1 in the layout \(first on row 2\)/.test(e.message),
    );
  });
  it("rejects a non-numeric signal, naming the grid cell", () => {
    const bad = signals.replace("A,1000,900", "A,1000,OVER");
    assert.throws(
      () => readPlateLayout({ file: "plate.csv", text: bad }, { file: "layout.csv", text: layoutGrids }),
      (e: unknown) =>
        e instanceof InputError && /^plate\.csv, row 3, column 3: signal of well A2 is not a number/.test(e.message),
    );
  });
  it("rejects a layout well with no signal and a file with no grid", () => {
    const table = "well,sample,compound,conc (nM)\nD1,S,X,1\n";
    assert.throws(
      () => readPlateLayout({ file: "plate.csv", text: signals }, { file: "layout.csv", text: table }),
      /well D1 is in the layout but has no signal/,
    );
    assert.throws(
      () => readPlateLayout({ file: "plate.csv", text: "a,b\n1,2\n" }, { file: "layout.csv", text: table }),
      /plate\.csv: no plate grid found/,
    );
  });
});
