import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../errors/input-error.ts";
import { assertClose } from "../../test-helpers/assert.ts";
import { readLongTable } from "./long-table.ts";
import { toCurves } from "./normalize.ts";

const file = "exp.csv";
const header = "sample,compound,conc (nM),response,role,plate\n";
// Vehicle mean on P1 = (1000 + 1100)/2 = 1050, blank on P1 = (40 + 60)/2 = 50 → span 1000.
const rows = [
  "A,,0,1000,vehicle,P1",
  "A,,0,1100,vehicle,P1",
  ",,0,40,blank,P1",
  ",,0,60,blank,P1",
  "A,X,1,950,,P1",
  "A,X,10,800,,P1",
  "A,X,100,300,,P1",
  "A,X,1000,100,,P1",
];

describe("toCurves", () => {
  it("normalises to vehicle (100 %) and blank (0 %) on the same plate: 100·(x − 50)/1000", () => {
    const set = toCurves(readLongTable(header + rows.join("\n"), { file }));
    assert.equal(set.normalization, "vehicle");
    assert.equal(set.responseUnit, "%");
    assert.equal(set.curves.length, 1);
    const c = set.curves[0]!;
    assert.equal(c.id, "A · X");
    assert.deepEqual([...c.concentration_nM], [0, 0, 1, 10, 100, 1000]);
    const expected = [95, 105, 90, 75, 25, 5];
    for (const [i, v] of c.response.entries()) assertClose(v, expected[i]!, 1e-14, 1e-13);
    assert.equal(c.concentrations, 4);
  });
  it("leaves responses raw with normalize 'none', keeping zero-dose wells for the top plateau", () => {
    const c = toCurves(readLongTable(header + rows.join("\n"), { file }), { normalize: "none" }).curves[0]!;
    assert.deepEqual([...c.response], [1000, 1100, 950, 800, 300, 100]);
  });
  it("defaults to no normalization when there is no vehicle", () => {
    const set = toCurves(readLongTable(header + rows.slice(4).join("\n"), { file }));
    assert.equal(set.normalization, "none");
  });
  it("gives a vehicle named after a compound only to that compound's curve", () => {
    const text = `${header}A,X,0,1000,,P1\nA,Y,0,500,,P1\n${["1", "2", "3", "4"].flatMap((c) => [`A,X,${c},1,,P1`, `A,Y,${c},1,,P1`]).join("\n")}`;
    const set = toCurves(readLongTable(text, { file }), { normalize: "none" });
    assert.deepEqual(
      set.curves.map((c) => [c.compound, c.response[0]]),
      [
        ["X", 1000],
        ["Y", 500],
      ],
    );
  });
  it("rejects vehicle normalization without vehicle wells, naming file, row and column", () => {
    assert.throws(
      () => toCurves(readLongTable(header + rows.slice(4).join("\n"), { file }), { normalize: "vehicle" }),
      (e: unknown) =>
        e instanceof InputError && /^exp\.csv, row 2, column 'role': no vehicle wells for sample 'A'/.test(e.message),
    );
  });
  it("rejects a curve with fewer than 4 distinct concentrations, naming its first row", () => {
    const text =
      header + [...rows.slice(0, 4), "A,X,1,950,,P1", "A,X,1,940,,P1", "A,X,10,800,,P1", "A,X,100,300,,P1"].join("\n");
    assert.throws(
      () => toCurves(readLongTable(text, { file })),
      (e: unknown) =>
        e instanceof InputError &&
        /^exp\.csv, row 6, column 'concentration': curve 'A · X' has 3 distinct concentrations \(expected at least 4/.test(
          e.message,
        ),
    );
  });
});
