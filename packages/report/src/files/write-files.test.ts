/** The atomic writer on real files in a fresh temporary folder. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { InputError } from "@adclab/core";
import { writeFilesAtomically } from "./write-files.ts";

const root = mkdtempSync(join(tmpdir(), "adclab-write-files-"));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
/** A fresh folder for one test. */
const folder = () => {
  const d = join(root, `t${n++}`);
  mkdirSync(d);
  return d;
};
/** Every entry below a folder with its content ("<dir>" for folders), sorted by name. */
function snapshot(dir: string, prefix = ""): [string, string][] {
  return readdirSync(dir)
    .sort()
    .flatMap((name): [string, string][] => {
      const p = join(dir, name);
      return statSync(p).isDirectory()
        ? [[`${prefix}${name}/`, "<dir>"], ...snapshot(p, `${prefix}${name}/`)]
        : [[`${prefix}${name}`, readFileSync(p, "latin1")]];
    });
}
/** Runs f, which must throw an InputError; returns it. */
function inputErrorOf(f: () => void): InputError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    return e;
  }
  assert.fail("expected an error");
}

describe("writeFilesAtomically", () => {
  it("writes new files and replaces existing ones, text and bytes, leaving nothing else", () => {
    const d = folder();
    writeFileSync(join(d, "a.csv"), "old a\n");
    writeFilesAtomically([
      { path: join(d, "a.csv"), data: "x,y\n1,2\n" },
      { path: join(d, "b.png"), data: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 255) },
    ]);
    assert.deepEqual(snapshot(d), [
      ["a.csv", "x,y\n1,2\n"],
      ["b.png", "\x89PNG\x00\xff"],
    ]);
    writeFilesAtomically([]);
    assert.equal(snapshot(d).length, 2);
  });

  it("a failure in the middle leaves every target as it was: old bytes back, new files gone, no temporary files", () => {
    const d = folder();
    writeFileSync(join(d, "images.csv"), "old images\n");
    mkdirSync(join(d, "cells.csv")); // a folder where a file should go: its rename fails (EISDIR)
    writeFileSync(join(d, "cells.csv", "keep.txt"), "inside\n");
    const before = snapshot(d);
    const e = inputErrorOf(() =>
      writeFilesAtomically([
        { path: join(d, "images.csv"), data: "new images\n", field: "--out", what: "images.csv" },
        { path: join(d, "comparison.csv"), data: "new comparison\n", field: "--out", what: "comparison.csv" },
        { path: join(d, "cells.csv"), data: "new cells\n", field: "--out", what: "cells.csv" },
        { path: join(d, "last.csv"), data: "never\n", field: "--out", what: "last.csv" },
      ]),
    );
    assert.match(e.problem, /^cannot write cells\.csv \((EISDIR|EPERM|EEXIST|ENOTEMPTY)\)$/);
    assert.equal(e.location.field, "--out");
    assert.equal(e.got, join(d, "cells.csv"));
    assert.deepEqual(snapshot(d), before);
  });

  it("a target whose folder does not exist: an InputError naming it, the earlier targets untouched", () => {
    const d = folder();
    writeFileSync(join(d, "fig.svg"), "<svg>old</svg>");
    const before = snapshot(d);
    const target = join(d, "no-such-folder", "fig.png");
    const e = inputErrorOf(() =>
      writeFilesAtomically([
        { path: join(d, "fig.svg"), data: "<svg>new</svg>" },
        { path: target, data: "png", field: "--plot", what: "the figure" },
      ]),
    );
    assert.equal(e.problem, "cannot write the figure (ENOENT)");
    assert.equal(e.location.field, "--plot");
    assert.equal(e.got, target);
    assert.match(e.message, /--plot/);
    assert.deepEqual(snapshot(d), before);
  });

  it("names the file as 'the file' without a description, and refuses the same target twice", () => {
    const d = folder();
    const target = join(d, "missing", "x.csv");
    const e = inputErrorOf(() => writeFilesAtomically([{ path: target, data: "" }]));
    assert.equal(e.problem, "cannot write the file (ENOENT)");
    assert.equal(e.location.field, undefined);
    assert.throws(
      () =>
        writeFilesAtomically([
          { path: join(d, "x.csv"), data: "1" },
          { path: join(d, ".", "x.csv"), data: "2" },
        ]),
      /is given twice/,
    );
    assert.deepEqual(snapshot(d), []);
  });

  it("rethrows an error that is not the file system's after the same clean-up", () => {
    const d = folder();
    writeFileSync(join(d, "a.csv"), "old\n");
    const before = snapshot(d);
    assert.throws(
      () =>
        writeFilesAtomically([
          { path: join(d, "a.csv"), data: "new\n" },
          { path: join(d, "b.csv"), data: 42 as unknown as string },
        ]),
      (e: unknown) => e instanceof TypeError && !(e instanceof InputError),
    );
    assert.deepEqual(snapshot(d), before);
  });
});
