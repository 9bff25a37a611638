import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { readAbif } from "../io/sanger/abif.ts";
import { mottTrim } from "./trim.ts";

// Expected reads: Biopython's "abi-trim" reader on the same files
// (scripts/fixtures/sanger/biopython_abi.py → io/sanger/__fixtures__/biopython-abi.json); exact.
const FIXTURES = new URL("../io/sanger/__fixtures__/", import.meta.url);
const reference = JSON.parse(readFileSync(new URL("biopython-abi.json", FIXTURES), "utf8")) as {
  files: { file: string; trimmed: { bases: string; qualities: number[] } }[];
};

describe("mottTrim", () => {
  for (const expected of reference.files) {
    it(`keeps the bases Biopython's abi-trim keeps in ${expected.file}`, () => {
      const read = readAbif(new Uint8Array(readFileSync(new URL(expected.file, FIXTURES))));
      const { start, end } = mottTrim(read.qualities);
      assert.equal(read.bases.slice(start, end), expected.trimmed.bases);
      assert.deepEqual([...read.qualities.subarray(start, end)], expected.trimmed.qualities);
    });
  }

  it("cuts low-quality ends, by hand: 3 × Q0, 20 × Q40, 3 × Q0", () => {
    // Q0 scores 0.05 − 1 = −0.95 and Q40 0.05 − 1e-4 > 0: the running score first turns
    // non-negative at index 3 and peaks at index 22, the last Q40 base, which the kept
    // interval [start, end) leaves out (Biopython's slice).
    const q = [0, 0, 0, ...Array(20).fill(40), 0, 0, 0];
    assert.deepEqual({ ...mottTrim(q), method: "" }, { start: 3, end: 22, method: "" });
  });

  it("keeps reads of 20 bases or fewer whole", () => {
    assert.deepEqual({ ...mottTrim(Array(20).fill(0)), method: "" }, { start: 0, end: 20, method: "" });
  });

  it("keeps nothing of a read with no base better than the cutoff", () => {
    const { start, end } = mottTrim(Array(50).fill(5));
    assert.equal(end - start, 0);
  });
});
