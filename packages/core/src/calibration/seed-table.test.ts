import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SEED_TABLE } from "../knowledge/seed-table.ts";
import { reproduceSeedLine } from "./seed-table.ts";

// The full table (all five lines) runs in `adclab reproduce seed-table`; two lines here keep the
// test fast while exercising the whole path (parental curve, LM fit, checks).
describe("reproduce the documents' resistance table", () => {
  for (const line of ["JIMT-1", "NCI-N87"]) {
    it(`${line}: model fold within 2× of the table, parental within 3×, strengths inside sourced bounds`, () => {
      const r = reproduceSeedLine(SEED_TABLE.find((x) => x.cellLine === line)!);
      assert.ok(r.checks.foldWithin2x, `fold ${r.fold.model} vs ${r.fold.table}`);
      assert.ok(r.checks.parentalWithin3x);
      assert.ok(r.checks.strengthsWithinBounds);
      for (const m of r.mechanisms) {
        assert.ok(Number.isFinite(m.bounds.max) && m.bounds.reason.length > 10);
        if (m.fitted) assert.ok(m.seLog10 !== undefined && m.seLog10 > 0);
      }
    });
  }
});
