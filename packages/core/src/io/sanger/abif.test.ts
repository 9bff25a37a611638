import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { isInputError } from "../../errors/input-error.ts";
import { readAbif, readAbifDirectory } from "./abif.ts";
import { TRACE_BASES } from "./chromatogram.ts";
import { readChromatogram } from "./read-chromatogram.ts";

// Expected values: Biopython's Bio.SeqIO "abi" reader on the same files
// (scripts/fixtures/sanger/biopython_abi.py → __fixtures__/biopython-abi.json); exact equality.
const FIXTURES = new URL("./__fixtures__/", import.meta.url);
const reference = JSON.parse(readFileSync(new URL("biopython-abi.json", FIXTURES), "utf8")) as {
  files: {
    file: string;
    sampleName: string;
    instrument: string | null;
    bases: string;
    qualities: number[];
    peakLocations: number[];
    filterWheelOrder: string;
    traces: Record<string, { length: number; sum: number; sumOfSquares: number; first: number[] }>;
  }[];
};
const bytesOf = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));

function inputErrorMessage(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.ok(isInputError(e), `expected an InputError, got ${e}`);
    return e.message;
  }
  assert.fail("expected an InputError");
}

describe("readAbif on real 310, 3100, 3730 and 3730xl chromatograms", () => {
  it("has four reference files", () => assert.equal(reference.files.length, 4));
  for (const expected of reference.files) {
    it(`reads ${expected.file}'s calls, qualities, peaks and traces as Biopython does`, () => {
      const read = readAbif(bytesOf(expected.file), { file: expected.file });
      assert.equal(read.bases, expected.bases);
      assert.deepEqual([...read.qualities], expected.qualities);
      assert.deepEqual([...read.peakLocations], expected.peakLocations);
      assert.equal(read.sampleName, expected.sampleName);
      assert.equal(read.instrument, expected.instrument?.trim());
      assert.equal(read.sources.traces, `DATA9-DATA12 (${expected.filterWheelOrder})`);
      for (const base of TRACE_BASES) {
        const trace = read.traces[base];
        const want = expected.traces[base]!;
        let sum = 0;
        let sumOfSquares = 0;
        for (const v of trace) {
          sum += v;
          sumOfSquares += v * v;
        }
        assert.equal(trace.length, want.length, `${base} trace length`);
        assert.equal(sum, want.sum, `${base} trace sum`);
        assert.equal(sumOfSquares, want.sumOfSquares, `${base} trace sum of squares`);
        assert.deepEqual([...trace.subarray(0, 25)], want.first, `${base} trace start`);
      }
    });
  }
});

describe("readAbif on bad input", () => {
  const whole = bytesOf("3730.ab1");

  it("names the byte offset where a truncated file ends", () => {
    const cut = whole.subarray(0, 150_000);
    const message = inputErrorMessage(() => readAbif(cut, { file: "clone7.ab1" }));
    assert.match(
      message,
      /^clone7\.ab1, ABIF directory: the file ends at byte offset 150000, but its directory lies at bytes \d+–\d+/,
    );
  });

  it("names the tag whose data a truncated file lost", () => {
    // Keep the directory (at the end of the file) but cut a tag's data: move nothing, just
    // point one entry past the end, as a file cut in the middle and re-assembled would.
    const directory = readAbifDirectory(whole);
    const pbas = directory.get("PBAS2")!;
    const broken = whole.slice();
    new DataView(broken.buffer).setInt32(pbas.entryStart + 20, whole.length - 10);
    const message = inputErrorMessage(() => readAbif(broken, { file: "clone7.ab1" }));
    assert.match(
      message,
      new RegExp(`tag PBAS2 at byte offset ${pbas.entryStart}: the file ends at byte offset ${whole.length}`),
    );
  });

  it("names a file cut inside its header", () => {
    const message = inputErrorMessage(() => readAbif(whole.subarray(0, 20), { file: "clone7.ab1" }));
    assert.match(message, /the file ends at byte offset 20, inside the ABIF header/);
  });

  it("rejects a file that is not ABIF, saying what it starts with", () => {
    const text = new TextEncoder().encode("This is a fake trace file\n");
    const message = inputErrorMessage(() => readAbif(text, { file: "fake.ab1" }));
    assert.equal(message, 'fake.ab1: not an ABIF (.ab1) file (expected a file starting with "ABIF", got "This")');
  });

  it("rejects a fragment-analysis file without base calls", () => {
    const directory = readAbifDirectory(whole);
    const broken = whole.slice();
    // Rename PBAS1 and PBAS2 as a .fsa file would lack them.
    for (const key of ["PBAS1", "PBAS2"]) {
      const entry = directory.get(key);
      if (entry) broken.set([0x58, 0x58, 0x58, 0x58], entry.entryStart);
    }
    const message = inputErrorMessage(() => readAbif(broken, { file: "run.fsa" }));
    assert.match(message, /^run\.fsa: no base calls in this ABIF file \(expected tag PBAS2 or PBAS1/);
  });

  it("readChromatogram tells an empty file from an unknown one", () => {
    assert.match(
      inputErrorMessage(() => readChromatogram(new Uint8Array(0), { file: "x.ab1" })),
      /x\.ab1: the file is empty/,
    );
    assert.match(
      inputErrorMessage(() => readChromatogram(new Uint8Array([1, 2, 3, 4, 5]), { file: "x.ab1" })),
      /x\.ab1: not a Sanger chromatogram/,
    );
  });
});
