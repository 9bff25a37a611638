import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diagnose } from "./diagnose.ts";
import type { ObservedValue } from "./parse-observations.ts";
import { compareWithTable, matchingRows } from "./table-rows.ts";

const obs = (o: Record<string, number>): ObservedValue[] =>
  Object.entries(o).map(([id, value]) => ({ id, value }) as ObservedValue);

describe("matchingRows recognizes the table's observed issues", () => {
  const rows = (o: Record<string, number>) => matchingRows(obs(o)).map((r) => r.row);
  it("row 1: T-DM1 up, free DM1 not", () => {
    assert.deepEqual(rows({ tdm1_ic50_fold: 10, free_dm1_ic50_fold: 1 }), [1]);
    assert.deepEqual(rows({ tdm1_ic50_fold: 10, free_dm1_ic50_fold: 8 }), []);
  });
  it("row 2: T-DM1 and a taxane or a vinca up", () => {
    assert.deepEqual(rows({ tdm1_ic50_fold: 10, vinca_ic50_fold: 10 }), [2]);
    assert.deepEqual(rows({ tdm1_ic50_fold: 10, taxane_ic50_fold: 1.2 }), []);
  });
  it("row 3: T-DM1 up with surface or total HER2 down", () => {
    assert.deepEqual(rows({ tdm1_ic50_fold: 10, total_her2_ratio: 0.3 }), [3]);
    assert.deepEqual(rows({ tdm1_ic50_fold: 1.2, surface_her2_ratio: 0.3 }), []);
  });
  it("row 4: T-DM1 up while internalization and co-localization are not down", () => {
    assert.deepEqual(
      rows({ tdm1_ic50_fold: 10, internalized_fraction_ratio: 1, lysosomal_colocalization_ratio: 1.1 }),
      [4],
    );
    assert.deepEqual(
      rows({ tdm1_ic50_fold: 10, internalized_fraction_ratio: 1, lysosomal_colocalization_ratio: 0.3 }),
      [],
    );
  });
  it("an observation not given does not hold: T-DM1 alone matches no row", () => {
    assert.deepEqual(rows({ tdm1_ic50_fold: 10 }), []);
  });
  it("several rows at once", () => {
    assert.deepEqual(rows({ tdm1_ic50_fold: 10, free_dm1_ic50_fold: 1, surface_her2_ratio: 0.2 }), [1, 3]);
  });
});

describe("compareWithTable places the row's causes and steps in the diagnosis", () => {
  const o = obs({ tdm1_ic50_fold: 10, free_dm1_ic50_fold: 1, surface_her2_ratio: 1 });
  const d = diagnose(o, { draws: 100, explain: 0 });
  it("gives each cause the rank and probability of its most probable mechanism", () => {
    const [row] = d.tableRows;
    assert.equal(row?.row, 1);
    for (const c of row!.causes) {
      const m = d.mechanisms[c.rank - 1]!;
      assert.equal(m.id, c.mechanism);
      assert.equal(m.probability, c.probability);
    }
  });
  it("gives each step the rank and bits of its best-ranked assay", () => {
    for (const s of d.tableRows[0]!.steps) {
      assert.equal(s.done, false);
      const e = d.nextExperiments[s.rank! - 1]!;
      assert.equal(e.assayId, s.assayId);
      assert.equal(e.expectedInformationGain_bits, s.expectedInformationGain_bits);
    }
  });
  it("lists the mechanisms at ≥ 10% the row does not name, in the diagnosis' order", () => {
    const named = new Set(d.tableRows[0]!.causes.map((c) => c.mechanism));
    const expected = d.mechanisms.filter(
      (m) =>
        m.probability >= 0.1 &&
        !["internalization-impaired", "recycling-enhanced", "trafficking-impaired", "lysosome-ph"].includes(m.id),
    );
    assert.deepEqual(
      d.tableRows[0]!.alsoOpen.map((m) => m.id),
      expected.map((m) => m.id),
    );
    assert.ok(d.tableRows[0]!.alsoOpen.every((m) => !named.has(m.id)));
  });
  it("marks a step done once its assay has been reported, and leaves ranks out when experiments were not ranked", () => {
    const more = obs({ tdm1_ic50_fold: 10, free_dm1_ic50_fold: 1, internalized_fraction_ratio: 1 });
    const rows = compareWithTable(more, d.mechanisms, []);
    const internalization = rows[0]!.steps.find((s) => s.text.startsWith("Internalization"))!;
    assert.equal(internalization.done, true);
    const coloc = rows[0]!.steps.find((s) => s.text.startsWith("Lysosomal co-localization"))!;
    assert.deepEqual(coloc, { text: coloc.text, done: false });
  });
});
