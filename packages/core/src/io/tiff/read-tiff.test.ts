import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { readTiff, resolveChannel } from "./read-tiff.ts";

const fixture = (name: string) => readFileSync(new URL(`../../coloc/__fixtures__/${name}`, import.meta.url));

/** A hand-made little-endian one-strip grayscale TIFF whose header says what we want it to. */
function handMadeTiff(o: {
  width: number;
  height: number;
  compression: number;
  data: Uint8Array;
  bits?: number;
}): Uint8Array {
  const entries: [number, number, number][] = [
    [256, 4, o.width], // ImageWidth (LONG)
    [257, 4, o.height], // ImageLength
    [258, 3, o.bits ?? 16], // BitsPerSample (SHORT)
    [259, 3, o.compression], // Compression
    [262, 3, 1], // Photometric: min-is-black
    [273, 4, 0], // StripOffsets (patched below)
    [277, 3, 1], // SamplesPerPixel
    [278, 4, o.height], // RowsPerStrip
    [279, 4, o.data.length], // StripByteCounts
  ];
  const ifdSize = 2 + entries.length * 12 + 4;
  const dataOffset = 8 + ifdSize;
  const out = new Uint8Array(dataOffset + o.data.length);
  const v = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  v.setUint32(4, 8, true);
  v.setUint16(8, entries.length, true);
  entries.forEach(([tag, type, value], i) => {
    const at = 10 + i * 12;
    v.setUint16(at, tag, true);
    v.setUint16(at + 2, type, true);
    v.setUint32(at + 4, 1, true);
    if (type === 3) v.setUint16(at + 8, value, true);
    else v.setUint32(at + 8, tag === 273 ? dataOffset : value, true);
  });
  out.set(o.data, dataOffset);
  return out;
}

describe("TIFF reader: bad input is a clear InputError", () => {
  it("a hand-made TIFF reads back (the helper below makes valid files)", async () => {
    const data = new Uint8Array(2 * 3 * 2);
    new DataView(data.buffer).setUint16(2, 1234, true);
    const s = await readTiff(handMadeTiff({ width: 3, height: 2, compression: 1, data }));
    assert.deepEqual(Array.from(await s.readPlane(0)), [0, 1234, 0, 0, 0, 0]);
  });
  it("not a TIFF", async () => {
    await assert.rejects(readTiff(new TextEncoder().encode("x,y\n1,2\n"), { file: "table.csv" }), {
      name: "InputError",
      message: /^table\.csv: not a TIFF file \(no TIFF header\)/,
    });
  });
  it("a truncated TIFF", async () => {
    const whole = fixture("pair-ch1-lzw.tif");
    await assert.rejects(readTiff(whole.subarray(0, 5000), { file: "cut.tif" }), {
      name: "InputError",
      message: /^cut\.tif: (truncated TIFF|malformed or truncated TIFF)/,
    });
    await assert.rejects(readTiff(whole.subarray(0, 6), { file: "cut.tif" }), {
      name: "InputError",
      message: /not a TIFF file/,
    });
  });
  it("a decompression bomb: a tiny file that declares 100000 × 100000 pixels is refused before decoding", async () => {
    const bomb = handMadeTiff({ width: 100000, height: 100000, compression: 8, data: new Uint8Array(64) });
    assert.ok(bomb.length < 200);
    await assert.rejects(readTiff(bomb, { file: "bomb.tif" }), {
      name: "InputError",
      message:
        /^bomb\.tif: page 1 declares 100000×100000×1 samples .* more than the limit maxPageBytes = .* refusing to decode/,
    });
  });
  it("a strip with far more compressed bytes than its pixels can need is refused", async () => {
    const odd = handMadeTiff({ width: 4, height: 4, compression: 8, data: new Uint8Array(5000) });
    await assert.rejects(readTiff(odd, { file: "odd.tif" }), {
      name: "InputError",
      message: /holds more bytes than its pixels can need/,
    });
  });
  it("a channel out of range names the flag and the valid range; names resolve case-insensitively", async () => {
    const s = await readTiff(fixture("pair-u16-deflate.ome.tif"), { file: "cells.ome.tif" });
    assert.throws(() => resolveChannel(s, "3", "--ch2"), {
      name: "InputError",
      message:
        /^cells\.ome\.tif, --ch2: channel 3 is out of range: the image has 2 channels \(expected a channel number 1 … 2 or a name \(T-DM1-488, LAMP1-594\)/,
    });
    assert.equal(resolveChannel(s, "lamp1", "--ch2"), 1);
    assert.equal(resolveChannel(s, "2", "--ch2"), 1);
    assert.throws(() => resolveChannel(s, "DAPI", "--ch1"), /no channel named 'DAPI'/);
    await assert.rejects(s.readPlane(2), /channel 3 is out of range/);
  });
});
