import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../errors/input-error.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { grRowsFromCaseA, grRowsFromStacked, grRowsFromTables, matchingKeys } from "./gr-inputs.ts";
import { grValue, trimmedMean50 } from "./gr-values.ts";

describe("grValue (Hafner et al. 2016, eq. 1)", () => {
  it("is 1 for untreated growth, 0 for cytostasis, −1 when every cell dies", () => {
    assert.equal(grValue(800, 800, 200), 1);
    assertClose(grValue(200, 800, 200), 0, 0, 1e-15);
    assertClose(grValue(1e-12, 800, 200), -1, 0, 1e-6);
  });
  it("equals 2^(k/k_ctrl) − 1 with doubling numbers k = log2(x/x0)", () => {
    // two control doublings (200 → 800), one treated doubling (200 → 400): 2^(1/2) − 1
    assertClose(grValue(400, 800, 200), Math.SQRT2 - 1, 1e-15);
  });
  it("rejects counts that make GR undefined, naming the row", () => {
    assert.throws(
      () => grValue(100, 200, 200, { file: "c.tsv", row: 7 }),
      /c\.tsv, row 7: control and time-zero counts are equal/,
    );
    assert.throws(() => grValue(0, 800, 200), InputError);
  });
});

describe("trimmedMean50 (GRmetrics' .trim_mean(x, 50))", () => {
  it("drops a quarter at each end", () => {
    assert.equal(trimmedMean50([1, 2, 3, 100]), 2.5); // n = 4: k = 1
    assert.equal(trimmedMean50([5, 1, 3]), 3); // n = 3: k = 0.75 → 1
    assert.equal(trimmedMean50([1, 2, 3, 4, 5, 600]), 3.5); // n = 6: k = 1.5 → 1 (half rounds down)
    assert.equal(trimmedMean50([1, 3]), 2); // n = 2: k = 0.5 → 0
  });
});

const row = (
  line: number,
  keys: Record<string, string>,
  concentration_nM: number,
  cellCount: number,
  time_h: number,
) => ({
  line,
  keys: { ...keys, time: String(time_h) },
  concentration_nM,
  cellCount,
  time_h,
});

describe("GR input conventions", () => {
  it("Case A: uses each row's own control and time-zero counts", () => {
    const [r] = grRowsFromCaseA([{ line: 2, keys: {}, concentration_nM: 1, cellCount: 400, control: 800, time0: 200 }]);
    assertClose(r!.gr, Math.SQRT2 - 1, 1e-15);
    assert.equal(r!.relativeCellCount, 0.5);
  });
  it("Case C: time-0 rows are t0 and zero-dose rows are controls, matched on shared keys only", () => {
    const rows = [
      row(2, { cell_line: "A", agent: "-" }, 0, 190, 0),
      row(3, { cell_line: "A", agent: "-" }, 0, 210, 0),
      row(4, { cell_line: "A", agent: "-" }, 0, 780, 72),
      row(5, { cell_line: "A", agent: "-" }, 0, 820, 72),
      row(6, { cell_line: "A", agent: "-" }, 0, 5000, 72), // an outlier control the trimmed mean drops
      row(7, { cell_line: "A", agent: "-" }, 0, 10, 72), // and one at the other end
      row(8, { cell_line: "A", agent: "T-DM1" }, 10, 400, 72),
    ];
    assert.deepEqual(matchingKeys([rows[6]!], rows.slice(2, 6)), ["cell_line", "time"]);
    const [r] = grRowsFromStacked(rows);
    assert.equal(r!.time0, 200);
    assert.equal(r!.control, 800);
    assertClose(r!.gr, Math.SQRT2 - 1, 1e-15);
  });
  it("separate tables: a missing control is an error naming the treated row", () => {
    const treated = [
      row(4, { cell_line: "A", agent: "X" }, 1, 300, 72),
      row(5, { cell_line: "B", agent: "X" }, 1, 300, 72),
    ];
    const controls = [row(2, { cell_line: "A", agent: "-" }, 0, 800, 72)];
    const t0 = [row(2, { cell_line: "A" }, 0, 200, 0), row(3, { cell_line: "B" }, 0, 200, 0)];
    assert.throws(
      () => grRowsFromTables(treated, controls, t0, { file: "data.tsv" }),
      /data\.tsv, row 5: no control count matches this row \(cell_line=B, time=72\)/,
    );
    assert.throws(() => grRowsFromTables(treated, controls, [], { file: "data.tsv" }), /no time-zero counts/);
  });
});
