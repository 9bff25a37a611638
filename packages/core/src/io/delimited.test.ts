import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../errors/input-error.ts";
import { detectDelimiter, parseDelimited, parseNumberCell } from "./delimited.ts";

describe("parseDelimited", () => {
  it("detects comma, tab and semicolon delimiters", () => {
    assert.equal(detectDelimiter("a,b,c\n1,2,3"), ",");
    assert.equal(detectDelimiter("a\tb\tc"), "\t");
    assert.equal(detectDelimiter("a;b;c\n1,5;2,5;3"), ";");
  });
  it("keeps the 1-based line of each row and skips blank and # lines", () => {
    const t = parseDelimited("# exported by plate reader\nx,y\n\n1,2\r\n3,4\n");
    assert.deepEqual(
      t.rows.map((r) => [r.line, r.cells]),
      [
        [2, ["x", "y"]],
        [4, ["1", "2"]],
        [5, ["3", "4"]],
      ],
    );
  });
  it("honours RFC 4180 quotes, doubled quotes and newlines inside quotes", () => {
    const t = parseDelimited('name,note\n"BT-474, parental","say ""hi""\nagain"\nnext,row\n');
    assert.deepEqual(t.rows[1]?.cells, ["BT-474, parental", 'say "hi"\nagain']);
    assert.equal(t.rows[2]?.line, 4);
  });
  it("drops a UTF-8 byte-order mark", () => {
    assert.deepEqual(parseDelimited("\ufeffsample,conc\n").rows[0]?.cells, ["sample", "conc"]);
  });
  it("rejects an unclosed quote, naming file and line", () => {
    assert.throws(
      () => parseDelimited('a,b\n1,"open\n', { file: "x.csv" }),
      (e: unknown) => e instanceof InputError && /^x\.csv, row 2: a quoted cell is never closed/.test(e.message),
    );
  });
});

describe("parseNumberCell", () => {
  it("reads plain, signed and exponent numbers", () => {
    assert.equal(parseNumberCell("1.5"), 1.5);
    assert.equal(parseNumberCell("-2"), -2);
    assert.equal(parseNumberCell("1e-3"), 0.001);
    assert.equal(parseNumberCell(".5"), 0.5);
  });
  it("reads a decimal comma only when asked", () => {
    assert.equal(parseNumberCell("2,5", { decimalComma: true }), 2.5);
    assert.equal(parseNumberCell("2,5"), undefined);
  });
  it("returns undefined for text, NA, infinity and thousands separators", () => {
    for (const s of ["", "abc", "NA", "Infinity", "1,000", "1.2.3", "12 nM"])
      assert.equal(parseNumberCell(s), undefined, s);
  });
});
