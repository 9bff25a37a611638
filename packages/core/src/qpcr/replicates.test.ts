/**
 * From a run to the tables: technical replicates averaged with SD, range and the spread flag;
 * a long table of pcr's ct1 read, averaged and analysed gives pcr's numbers (fixture made by
 * scripts/fixtures/qpcr/pcr-reference.R, tolerance 1e-9 relative); and the errors that name a
 * missing reference gene, a gene typo and a group without replicates.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { InputError } from "../errors/input-error.ts";
import { readQpcrLongTable } from "../io/qpcr/long-table.ts";
import { readQpcrWideTable } from "../io/qpcr/wide-table.ts";
import { assertClose } from "../test-helpers/assert.ts";
import { deltaDeltaCq } from "./comparative-cq.ts";
import { testDeltaCq } from "./delta-cq-tests.ts";
import { relativeQuantity } from "./relative-quantity.ts";
import { dilutionSeriesOf, sampleTable, technicalReplicates } from "./replicates.ts";
import { standardCurves } from "./standard-curve.ts";

const fixture = JSON.parse(readFileSync(new URL("./__fixtures__/pcr-reference.json", import.meta.url), "utf8"));

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  assert.fail("expected an InputError");
}

const TRIPLICATES = [
  "well,sample,group,gene,cq",
  "A1,P1,parental,GAPDH,18.0",
  "A2,P1,parental,GAPDH,18.2",
  "A3,P1,parental,GAPDH,18.1",
  "A4,P1,parental,ABCB1,30.0",
  "A5,P1,parental,ABCB1,30.9",
  "A6,P1,parental,ABCB1,Undetermined",
  "B1,R1,resistant,GAPDH,18.3",
  "B2,R1,resistant,ABCB1,26.2",
].join("\n");

test("technical replicates are averaged with SD and range, and a spread above 0.5 cycles is flagged", () => {
  const reps = technicalReplicates(readQpcrLongTable(TRIPLICATES, { file: "t.csv" }));
  const gapdh = reps.find((r) => r.sample === "P1" && r.gene === "GAPDH");
  const abcb1 = reps.find((r) => r.sample === "P1" && r.gene === "ABCB1");
  assert.ok(gapdh && abcb1);
  assertClose(gapdh.mean_cycles, 18.1, 1e-14);
  assertClose(gapdh.sd_cycles, 0.1, 1e-12);
  assertClose(gapdh.range_cycles, 0.2, 1e-12);
  assert.equal(gapdh.spread, false);
  assert.deepEqual(gapdh.wells, ["A1", "A2", "A3"]);
  assert.equal(abcb1.n, 2);
  assert.equal(abcb1.excluded, 1);
  assert.equal(abcb1.spread, true);
  const t = sampleTable(reps);
  assert.deepEqual(t.sample, ["P1", "R1"]);
  assert.deepEqual(t.group, ["parental", "resistant"]);
  assertClose(t.cq.ABCB1?.[0] as number, 30.45, 1e-14);
});

test("pcr's ct1 as a long table, read and averaged, gives pcr_ddct's numbers", () => {
  const set = fixture.relative.find((s: { name: string }) => s.name === "ct1-separate-tube");
  const lines = ["sample,group,gene,cq"];
  (set.group as string[]).forEach((g, i) => {
    for (const gene of Object.keys(set.cq)) lines.push(`s${i + 1},${g},${gene},${set.cq[gene][i]}`);
  });
  const t = sampleTable(technicalReplicates(readQpcrLongTable(lines.join("\n"), { file: "ct1.csv" })));
  const rows = deltaDeltaCq(t, { referenceGene: "GAPDH", referenceGroup: "brain" });
  for (const r of set.ddct) {
    const a = rows.find((x) => x.group === r.group && x.gene === r.gene);
    assert.ok(a);
    assertClose(a.deltaDeltaCq_cycles, r.calibrated, 1e-9, 1e-12);
    assertClose(a.relativeExpression, r.relative_expression, 1e-9);
    assertClose(a.upper, r.upper, 1e-9);
  }
});

test("pcr's ct3 dilution series as a wide table gives pcr_standard's curves", () => {
  const set = fixture.dilution.find((s: { name: string }) => s.name === "ct3-dilution");
  const genes = Object.keys(set.cq);
  const text = [
    `amount,${genes.join(",")}`,
    ...(set.amount as number[]).map((a, i) => [a, ...genes.map((g) => set.cq[g][i])].join(",")),
  ].join("\n");
  const d = dilutionSeriesOf(readQpcrWideTable(text, { file: "ct3.csv" }));
  assert.ok(d);
  const curves = standardCurves(d);
  for (const r of set.standard) {
    const c = curves.find((x) => x.gene === r.gene);
    assert.ok(c);
    assertClose(c.slope_cycles, r.slope, 1e-9);
    assertClose(c.intercept_cycles, r.intercept, 1e-9);
    assertClose(c.rSquared, r.r_squared, 1e-9);
  }
});

test("a missing reference gene, a gene typo and a group without replicates are InputErrors that name them", () => {
  const t = sampleTable(technicalReplicates(readQpcrLongTable(TRIPLICATES, { file: "t.csv" })));
  const missing = inputError(() => relativeQuantity(t, { references: ["ACTB"], calibrator: "parental" }));
  assert.match(missing.message, /no gene 'ACTB'/);
  assert.equal(missing.location.field, "references");
  const typo = inputError(() => relativeQuantity(t, { references: ["GAPHD"], calibrator: "parental" }));
  assert.match(typo.message, /did you mean 'GAPDH'\?/);
  const group = inputError(() => relativeQuantity(t, { references: ["GAPDH"], calibrator: "Parental" }));
  assert.match(group.message, /no group 'Parental'.*did you mean 'parental'\?/);
  const single = inputError(() => testDeltaCq(t, { referenceGene: "GAPDH", referenceGroup: "parental", test: "t" }));
  assert.match(single.message, /group 'parental' has 1 ΔCq value for ABCB1: a test needs replicates/);
});

test("one sample per group gives the fold without an interval, and says why", () => {
  const t = sampleTable(technicalReplicates(readQpcrLongTable(TRIPLICATES, { file: "t.csv" })));
  const rows = relativeQuantity(t, { references: ["GAPDH"], calibrator: "parental" });
  const r = rows.find((x) => x.group === "resistant");
  assert.ok(r);
  // ΔΔCq = (26.2 − 18.3) − (30.45 − 18.1) = −4.45
  assertClose(r.deltaDeltaCq_cycles, -4.45, 1e-12);
  assertClose(r.fold, 2 ** 4.45, 1e-12);
  assert.equal(r.foldCi, null);
  assert.deepEqual(r.flags, ["a group has one sample: no interval"]);
});
