/**
 * The malformed TIFFs of the hardening issue (24), each made exactly, each refused with an
 * InputError that names the limit or the place in the file. Before the reader's structural pass
 * and bounded decoders, each of these looped, aborted Node, ran for minutes or read garbage.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { deflateSync } from "node:zlib";
import { isInputError } from "../../errors/input-error.ts";
import { buildTiff, type PageSpec } from "../../test-helpers/tiff-builder.ts";
import { DEFAULT_TIFF_LIMITS } from "./limits.ts";
import { readTiff } from "./read-tiff.ts";

const gray = (width: number, height: number, fill = 7): PageSpec => ({
  width,
  height,
  strips: [new Uint8Array(width * height).fill(fill)],
});

describe("TIFF reader: files that used to loop, explode or crash", () => {
  it("a valid two-page file made by the builder reads back (the builder makes what the tests say)", async () => {
    const s = await readTiff(buildTiff([gray(3, 2, 5), gray(3, 2, 9)]), { file: "ok.tif" });
    assert.equal(s.channels, 2);
    assert.deepEqual(Array.from(await s.readPlane(1)), [9, 9, 9, 9, 9, 9]);
  });

  it("a next-IFD pointer that points back to its own IFD is refused, not followed forever", async () => {
    const loop = buildTiff([gray(4, 4)], { nextIfd: (_, ifds) => ifds[0] as number });
    await assert.rejects(readTiff(loop, { file: "loop.tif" }), {
      name: "InputError",
      message:
        /^loop\.tif: the IFD chain loops: the next-IFD pointer at byte \d+ points back to the IFD at byte \d+ \(page 1\)/,
    });
    const longer = buildTiff([gray(4, 4), gray(4, 4), gray(4, 4)], {
      nextIfd: (i, ifds) => (i === 2 ? (ifds[1] as number) : (ifds[i + 1] as number)),
    });
    await assert.rejects(readTiff(longer, { file: "loop3.tif" }), /the IFD chain loops.*\(page 2\)/);
  });

  it("a chain longer than maxPages is refused, naming the limit", async () => {
    const pages = Array.from({ length: 6 }, () => gray(2, 2));
    await assert.rejects(readTiff(buildTiff(pages), { file: "many.tif", limits: { maxPages: 5 } }), {
      message: /^many\.tif: more than 5 pages \(limit maxPages = 5\)/,
    });
    assert.equal(DEFAULT_TIFF_LIMITS.maxPages, 65_536);
  });

  it("an ImageJ description with channels=1000000000 is refused before anything is sized by it", async () => {
    const page = { ...gray(4, 4), description: "ImageJ=1.54f\nimages=1\nchannels=1000000000\nhyperstack=true\n" };
    await assert.rejects(readTiff(buildTiff([page]), { file: "billion.tif" }), {
      message: /^billion\.tif: the ImageJ description promises 1000000000 planes but the file has 1 pages/,
    });
  });

  it("OME-XML with SizeC=1000000000 is refused the same way", async () => {
    const xml = `<?xml version="1.0"?><OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06"><Image ID="Image:0"><Pixels ID="Pixels:0" DimensionOrder="XYCZT" Type="uint8" SizeX="4" SizeY="4" SizeC="1000000000" SizeZ="1" SizeT="1"></Pixels></Image></OME>`;
    await assert.rejects(readTiff(buildTiff([{ ...gray(4, 4), description: xml }]), { file: "b.ome.tif" }), {
      message: /^b\.ome\.tif: the OME-XML promises 1000000000 planes but the file has 1 pages/,
    });
  });

  it("two PackBits pages claiming 16384² are refused by maxPageBytes before decoding", async () => {
    // 0x81 0x00 repeats 0 128 times: the densest PackBits run, as in the 4 MiB file of the issue.
    const run = new Uint8Array(4096);
    for (let i = 0; i < run.length; i += 2) run[i] = 0x81;
    const page: PageSpec = { width: 16384, height: 16384, compression: 32773, strips: [run] };
    await assert.rejects(readTiff(buildTiff([page, page]), { file: "pb.tif" }), {
      message:
        /^pb\.tif: page 1 declares 16384×16384×1 samples of 8 bits = 268,435,456 bytes \(256 MiB\), more than the limit maxPageBytes = 134,217,728 bytes \(128 MiB\)/,
    });
  });

  it("a Deflate strip that inflates past its pixels stops at the block's size (a bomb under the declared limit)", async () => {
    // 1024×1024 pixels (1 MiB) in a 64 KiB stream that inflates to 64 MiB: geotiff's inflate made all of it.
    const bomb = deflateSync(new Uint8Array(64 * 2 ** 20), { level: 9 });
    const file = buildTiff([{ width: 1024, height: 1024, compression: 8, strips: [bomb] }]);
    const s = await readTiff(file, { file: "bomb.tif" });
    await assert.rejects(s.readPlane(0), {
      name: "InputError",
      message: /^bomb\.tif: page 1: a Deflate block decodes to more than the 1048576 bytes its pixels need/,
    });
  });

  it("a file that declares more than maxCompressionRatio times its size is refused before decoding", async () => {
    const page: PageSpec = {
      width: 8192,
      height: 8192,
      bits: 16,
      compression: 8,
      strips: [deflateSync(new Uint8Array(1024))],
    };
    await assert.rejects(readTiff(buildTiff([page]), { file: "ratio.tif" }), {
      message:
        /^ratio\.tif: declares 134,217,728 bytes \(128 MiB\) of pixels in a file of .* more than the limit maxCompressionRatio = 1024 times the file/,
    });
  });

  it("RowsPerStrip stored as DOUBLE is refused, naming the tag and its type", async () => {
    const page: PageSpec = { ...gray(8, 8), tags: [{ tag: 278, type: 12, values: [0.5] }] };
    await assert.rejects(readTiff(buildTiff([page]), { file: "labels.tif" }), {
      message:
        /^labels\.tif: malformed TIFF: RowsPerStrip of page 1 is stored as DOUBLE \(entry at byte \d+\) \(expected RowsPerStrip as SHORT or LONG\)/,
    });
  });

  it("a tag whose values lie past the end of the file names the tag and bytes, not a DataView", async () => {
    for (const [tag, name, type] of [
      [270, "ImageDescription", 2],
      [282, "XResolution", 5],
      [273, "StripOffsets", 4],
      [279, "StripByteCounts", 4],
    ] as const) {
      const page: PageSpec = { ...gray(4, 4), tags: [{ tag, type, values: new Uint8Array(16), offset: 1_000_000 }] };
      await assert.rejects(readTiff(buildTiff([page]), { file: "past.tif" }), {
        name: "InputError",
        message: new RegExp(
          `^past\\.tif: malformed TIFF: the \\d+ values? of tag ${name} \\(${tag}\\) of page 1 \\(entry at byte \\d+\\) lie at bytes 1000000–\\d+, past the end of the file`,
        ),
      });
    }
  });

  it("a strip of 0 bytes is refused, not read as an all-zero image", async () => {
    await assert.rejects(
      readTiff(buildTiff([{ width: 4, height: 4, strips: [new Uint8Array(0)] }]), { file: "empty.tif" }),
      {
        message: /^empty\.tif: strip 1 of page 1 is empty \(0 bytes\)/,
      },
    );
    const two: PageSpec = {
      width: 4,
      height: 4,
      rowsPerStrip: 2,
      compression: 8,
      strips: [deflateSync(new Uint8Array(8)), new Uint8Array(0)],
    };
    await assert.rejects(readTiff(buildTiff([two]), { file: "empty2.tif" }), /strip 2 of page 1 is empty/);
  });

  it("fewer strips than the rows need, or a short uncompressed strip, is an InputError", async () => {
    const few: PageSpec = { width: 4, height: 4, rowsPerStrip: 1, strips: [new Uint8Array(4)] };
    await assert.rejects(readTiff(buildTiff([few]), { file: "few.tif" }), /page 1 needs 4 strips but lists 1/);
    await assert.rejects(
      readTiff(buildTiff([{ width: 4, height: 4, strips: [new Uint8Array(10)] }])),
      /has 10 bytes, its pixels need 16/,
    );
  });

  it("a Deflate strip that ends before its pixels is refused rather than padded", async () => {
    const short: PageSpec = { width: 8, height: 8, compression: 8, strips: [deflateSync(new Uint8Array(20))] };
    const s = await readTiff(buildTiff([short]), { file: "short.tif" });
    await assert.rejects(s.readPlane(0), (e) => {
      assert.ok(isInputError(e));
      assert.match(e.message, /^short\.tif: page 1: a Deflate block decodes to 20 bytes, its pixels need 64/);
      return true;
    });
  });
});
