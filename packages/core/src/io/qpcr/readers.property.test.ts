/**
 * Property tests of the qPCR readers (issue 24's invariant for every reader of user input): any
 * text, and any table built from the readers' own vocabulary (column spellings, Cq cells such as
 * "Undetermined", "1,5e1", "-3", "NaN", roles, wells), gives a run or an InputError, never
 * another exception. Seeded and bounded, so the run is the same on every machine.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { InputError } from "../../errors/input-error.ts";
import { readQpcrLongTable } from "./long-table.ts";
import type { QpcrReadOptions } from "./types.ts";
import { readQpcrWideTable } from "./wide-table.ts";

const READERS = { long: readQpcrLongTable, wide: readQpcrWideTable } as const;

/** Run the reader; an InputError counts as an answer, anything else fails the property. Returns whether it read a run. */
function resultOrInputError(read: (text: string, o: QpcrReadOptions) => unknown, text: string, o: QpcrReadOptions) {
  try {
    read(text, o);
    return true;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    assert.ok(e.message.length > 0);
    return false;
  }
}

const HEADERS = [
  "Well Position",
  "Well",
  "Sample Name",
  "sample",
  "group",
  "Cell line",
  "Target Name",
  "gene",
  "CT",
  "Cq",
  "replicate",
  "quantity",
  "efficiency",
  "Task",
  "role",
  "Tm",
  "GAPDH",
  "SLC46A3",
  "x",
];
const CELLS = [
  "",
  "Undetermined",
  "18.2",
  "1,5e1",
  "-3",
  "0",
  "40",
  "41",
  "1e308",
  "NaN",
  "Infinity",
  "A1",
  "H12",
  "P99",
  "parental",
  "resistant",
  "GAPDH",
  "UNKNOWN",
  "STANDARD",
  "NTC",
  "NRT",
  "1.9",
  "2.5",
  '"a,b"',
];
const OPTIONS = fc.record(
  {
    file: fc.constant("run.csv"),
    cycleLimit: fc.oneof(fc.constant(40), fc.double({ noNaN: false })),
    cqCutoff_cycles: fc.oneof(fc.constant(35), fc.double({ noNaN: false })),
    undetermined: fc.constantFrom("exclude", "cycle-limit"),
    aboveCutoff: fc.constantFrom("exclude", "cycle-limit"),
  },
  { requiredKeys: ["file"] },
) as fc.Arbitrary<QpcrReadOptions>;

/** A delimited table from the vocabulary: a header row, then rows of cells, one delimiter. */
const TABLE = fc
  .record({
    sep: fc.constantFrom(",", "\t", ";"),
    header: fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 8 }),
    rows: fc.array(fc.array(fc.constantFrom(...CELLS), { maxLength: 9 }), { maxLength: 12 }),
    eol: fc.constantFrom("\n", "\r\n"),
  })
  .map(({ sep, header, rows, eol }) => [header, ...rows].map((r) => r.join(sep)).join(eol));

/** Cq cells a run may hold: numbers, "Undetermined", empty. */
const VALID_CQ = ["18.2", "25.03", "31.5", "40", "Undetermined", ""];

/** A long table with its three required columns and well-formed rows, so that many inputs are read, not refused. */
const LONG_TABLE = fc
  .record({
    extra: fc.uniqueArray(fc.constantFrom("Well Position", "group", "replicate", "Task", "Tm"), { maxLength: 3 }),
    rows: fc.array(
      fc.tuple(fc.constantFrom("P1", "R1"), fc.constantFrom("GAPDH", "SLC46A3"), fc.constantFrom(...VALID_CQ)),
      {
        minLength: 1,
        maxLength: 10,
      },
    ),
    fill: fc.array(fc.constantFrom(...CELLS), { minLength: 3, maxLength: 3 }),
  })
  .map(({ extra, rows, fill }) =>
    [["Sample Name", "Target Name", "CT", ...extra], ...rows.map((r) => [...r, ...fill.slice(0, extra.length)])]
      .map((r) => r.join(","))
      .join("\n"),
  );

test("qPCR long table: well-formed tables with any cells give a run or an InputError, and many are read", () => {
  let read = 0;
  fc.assert(
    fc.property(LONG_TABLE, (text) => {
      if (resultOrInputError(readQpcrLongTable, text, { file: "run.csv" })) read++;
    }),
    { seed: 20261209, numRuns: 600 },
  );
  // Not a vacuous property: a good share of the inputs take the reading path, not the refusal.
  assert.ok(read > 60, `only ${read} of 600 tables were read`);
});

for (const [name, read] of Object.entries(READERS)) {
  test(`qPCR ${name} table: any text gives a run or an InputError`, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), OPTIONS, (text, o) => {
        resultOrInputError(read, text, o);
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });

  test(`qPCR ${name} table: tables of the reader's own words give a run or an InputError`, () => {
    fc.assert(
      fc.property(TABLE, OPTIONS, (text, o) => {
        resultOrInputError(read, text, o);
      }),
      { seed: 20261208, numRuns: 600 },
    );
  });
}
