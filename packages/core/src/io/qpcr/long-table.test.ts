/**
 * The qPCR readers: column spellings, the named choices for "Undetermined" and above-cut-off Cq
 * (each with a note), and the InputErrors that locate bad input by file, line and column. The
 * expected values are the numbers written in the small tables below.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../errors/input-error.ts";
import { readQpcrLongTable } from "./long-table.ts";
import { readQpcrWideTable } from "./wide-table.ts";

const LONG = [
  "Well Position,Sample Name,Cell line,Target Name,CT,Task,Tm",
  "A1,P1,parental,GAPDH,18.21,UNKNOWN,82.1",
  "A2,P1,parental,GAPDH,18.35,UNKNOWN,82.0",
  "A3,P1,parental,SLC46A3,Undetermined,UNKNOWN,",
  "A4,P1,parental,SLC46A3,36.2,UNKNOWN,79.5",
  "A5,NTC,NTC,GAPDH,,NTC,",
].join("\n");

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  assert.fail("expected an InputError");
}

test("a QuantStudio-style long table is read with wells, roles and melting temperatures", () => {
  const run = readQpcrLongTable(LONG, { file: "run.csv", cqCutoff_cycles: 35 });
  assert.deepEqual(run.genes, ["GAPDH", "SLC46A3"]);
  assert.deepEqual(run.groups, ["parental", "NTC"]);
  const [a1, , a3, a4, a5] = run.reactions;
  assert.equal(a1?.well, "A1");
  assert.equal(a1?.cq, 18.21);
  assert.equal(a1?.tm_C, 82.1);
  assert.equal(a1?.status, "measured");
  assert.equal(a5?.role, "ntc");
  assert.equal(a3?.status, "undetermined");
  assert.ok(Number.isNaN(a3?.cq));
  assert.equal(a4?.status, "above-cutoff");
  assert.ok(Number.isNaN(a4?.cq));
  assert.equal(run.notes.length, 3);
  assert.match(run.notes[0] as string, /line 4 \(well A3\): SLC46A3 in P1 has no Cq \('Undetermined'\): excluded/);
  assert.match(run.notes[1] as string, /Cq 36.2 above the cut-off 35: excluded/);
});

test("'cycle-limit' sets undetermined and above-cut-off Cq to the cycle limit, and says so", () => {
  const run = readQpcrLongTable(LONG, {
    file: "run.csv",
    cycleLimit: 40,
    cqCutoff_cycles: 35,
    undetermined: "cycle-limit",
    aboveCutoff: "cycle-limit",
  });
  assert.equal(run.reactions[2]?.cq, 40);
  assert.equal(run.reactions[3]?.cq, 40);
  assert.match(run.notes[0] as string, /set to the cycle limit 40/);
});

test("without a group column each sample is its own group; efficiencies are read as factors", () => {
  const run = readQpcrLongTable(
    "sample\tgene\tcq\tefficiency\nS1\tACTB\t17,5\t95\nS1\tABCB1\t30.1\t1.92\nS1\tABCG2\t29\t0.98\n",
    { file: "t.tsv" },
  );
  assert.equal(run.reactions[0]?.group, "S1");
  assert.equal(run.reactions[0]?.cq, 17.5); // decimal comma in a tab-delimited file
  assert.equal(run.reactions[0]?.amplification, 1.95);
  assert.equal(run.reactions[1]?.amplification, 1.92);
  assert.equal(run.reactions[2]?.amplification, 1.98);
});

test("bad input names the file, line and column", () => {
  const missing = inputError(() => readQpcrLongTable("sample,target\nA,B\n", { file: "x.csv" }));
  assert.match(missing.message, /missing column 'cq'/);
  assert.equal(missing.location.file, "x.csv");

  const range = inputError(() => readQpcrLongTable("sample,gene,cq\nA,GAPDH,18\nA,GAPDH,45.2\n", { file: "x.csv" }));
  assert.match(range.message, /Cq out of range/);
  assert.equal(range.location.row, 3);
  assert.equal(range.location.column, "cq");

  const negative = inputError(() => readQpcrLongTable("sample,gene,cq\nA,GAPDH,-1\n", { file: "x.csv" }));
  assert.match(negative.message, /Cq out of range/);

  const text = inputError(() => readQpcrLongTable("sample,gene,cq\nA,GAPDH,high\n", { file: "x.csv" }));
  assert.match(text.message, /a Cq must be a number or 'Undetermined'/);

  const well = inputError(() => readQpcrLongTable("well,sample,gene,cq\nQ1,A,GAPDH,18\n", { file: "x.csv" }));
  assert.match(well.message, /unknown well 'Q1'/);
  assert.equal(well.location.column, "well");

  const twice = inputError(() =>
    readQpcrLongTable("well,sample,gene,cq\nA1,A,GAPDH,18\nA01,B,GAPDH,19\n", { file: "x.csv" }),
  );
  assert.match(twice.message, /well A1 has GAPDH twice/);
  assert.equal(twice.location.row, 3);

  const std = inputError(() => readQpcrLongTable("sample,gene,cq,task\nS,GAPDH,18,standard\n", { file: "x.csv" }));
  assert.match(std.message, /a standard without a quantity/);

  const eff = inputError(() => readQpcrLongTable("sample,gene,cq,efficiency\nS,GAPDH,18,1.3\n", { file: "x.csv" }));
  assert.match(eff.message, /bad efficiency/);

  const cutoff = inputError(() =>
    readQpcrLongTable("sample,gene,cq\nS,GAPDH,18\n", { file: "x.csv", cycleLimit: 40, cqCutoff_cycles: 45 }),
  );
  assert.equal(cutoff.location.field, "cqCutoff");
});

test("a wide table (pcr's layout) gives one reaction per row and gene; quantity makes standards", () => {
  const run = readQpcrWideTable("group,c_myc,GAPDH\nbrain,30.72,23.7\nkidney,27.06,N/A\n", { file: "w.csv" });
  assert.equal(run.reactions.length, 4);
  assert.deepEqual(
    run.reactions.map((r) => [r.sample, r.group, r.gene, r.status]),
    [
      ["row 1", "brain", "c_myc", "measured"],
      ["row 1", "brain", "GAPDH", "measured"],
      ["row 2", "kidney", "c_myc", "measured"],
      ["row 2", "kidney", "GAPDH", "undetermined"],
    ],
  );
  const dil = readQpcrWideTable("amount,c_myc,GAPDH\n1,25.6,22.6\n0.5,26.7,23.7\n", { file: "d.csv" });
  assert.equal(dil.reactions[0]?.role, "standard");
  assert.equal(dil.reactions[2]?.quantity, 0.5);
  const noGroup = inputError(() => readQpcrWideTable("c_myc,GAPDH\n30,23\n", { file: "w.csv" }));
  assert.match(noGroup.message, /missing column 'group'/);
});
