import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type CsvValue, csvField, toCsv } from "./csv.ts";
import { parseDelimited } from "./delimited.ts";

describe("csvField (RFC 4180 §2)", () => {
  const cases: [string, CsvValue[], string[]][] = [
    [
      "writes plain fields as they are",
      ["aaa", "BT-474 parental", "", "it's", ";\t"],
      ["aaa", "BT-474 parental", "", "it's", ";\t"],
    ],
    [
      "quotes a field with a comma, a quote, CR or LF (rule 6) and doubles its quotes (rule 7)",
      ["a,b", 'say "hi"', '"', "line\nbreak", "carriage\rreturn", "b\r\nbb"],
      ['"a,b"', '"say ""hi"""', '""""', '"line\nbreak"', '"carriage\rreturn"', '"b\r\nbb"'],
    ],
    [
      "writes numbers and booleans with String(), nothing for null and undefined",
      [0.1 + 0.2, -0, 1e-7, true, null, undefined],
      ["0.30000000000000004", "0", "1e-7", "true", "", ""],
    ],
  ];
  for (const [what, values, fields] of cases) {
    it(what, () =>
      assert.deepEqual(
        values.map((v) => csvField(v)),
        fields,
      ),
    );
  }
  it("writes NaN and ±Infinity as empty fields unless asked for their spelling", () => {
    assert.deepEqual(
      [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY].map((v) => csvField(v)),
      ["", "", ""],
    );
    assert.deepEqual(
      [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY].map((v) => csvField(v, { nonFinite: "text" })),
      ["NaN", "Infinity", "-Infinity"],
    );
  });
});

describe("toCsv", () => {
  it("ends every row, the last included, with LF, or CRLF when asked (RFC 4180 rules 1 and 2)", () => {
    assert.equal(
      toCsv(
        ["a", "b"],
        [
          [1, 2],
          ["x", null],
        ],
      ),
      "a,b\n1,2\nx,\n",
    );
    assert.equal(
      toCsv(["field_name", "field_name"], [["aaa", "bbb"]], { lineEnd: "\r\n" }),
      "field_name,field_name\r\naaa,bbb\r\n",
    );
    assert.equal(toCsv(["only"], []), "only\n");
  });
  it("writes the RFC's examples: quoted fields with a comma, a line break and a quote (rules 5–7)", () => {
    assert.equal(
      toCsv(
        ["a", "b", "c"],
        [
          ["aaa", "b\r\nbb", "ccc"],
          ["zzz", 'y"yy', "x,xx"],
        ],
        { lineEnd: "\r\n" },
      ),
      'a,b,c\r\naaa,"b\r\nbb",ccc\r\nzzz,"y""yy","x,xx"\r\n',
    );
  });
  it("reads back through parseDelimited to the same cells, with LF and with CRLF", () => {
    const header = ["sample", "note", "ic50_nM", "converged"];
    const rows = [
      ["BT-474, parental", 'said "resistant"', 1.2345678901234567, true],
      ["KPL-4\nT-DM1R", "two\r\nlines", 1e-12, false],
      ["JIMT-1", "cr\ronly", -0, null],
      ["a;b\tc", '""', Number.NaN, undefined],
    ];
    const expected = [
      header,
      ["BT-474, parental", 'said "resistant"', "1.2345678901234567", "true"],
      ["KPL-4\nT-DM1R", "two\r\nlines", "1e-12", "false"],
      ["JIMT-1", "cr\ronly", "0", ""],
      ["a;b\tc", '""', "", ""],
    ];
    for (const lineEnd of ["\n", "\r\n"] as const) {
      const text = toCsv(header, rows, { lineEnd });
      const back = parseDelimited(text, { delimiter: "," });
      assert.deepEqual(
        back.rows.map((r) => r.cells),
        expected,
      );
      assert.equal(Number(back.rows[1]?.cells[2]), rows[0]?.[2], "numbers keep every digit");
    }
  });
});
