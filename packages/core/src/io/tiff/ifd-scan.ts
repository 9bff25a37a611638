/**
 * A structural pass over a TIFF's image file directories (IFDs) before geotiff sees the file.
 * geotiff trusts the file: it follows a next-IFD pointer that points back forever, reads tag
 * values and strip tables wherever their offsets say (a RangeError from a DataView when that is
 * past the end), and fills a 0-byte strip with zeros. This pass reads every IFD once, following
 * the chain with a visited set and a page limit, checks that every entry's values, every strip
 * and tile lie inside the file, and takes from it what the reader needs (sizes, sample type,
 * compression, strip layout, the first page's description and resolution). Any failure is an
 * InputError naming the page, the tag or the byte offset.
 *
 * TIFF 6.0 (https://www.itu.int/itudoc/itu-t/com16/tiff-fx/docs/tiff6.pdf) and BigTIFF
 * (https://www.awaresystems.be/imaging/tiff/bigtiff.html): classic IFDs have 2-byte entry counts,
 * 12-byte entries and 4-byte offsets; BigTIFF 8-byte counts, 20-byte entries and 8-byte offsets.
 */
import type { InputError } from "../../errors/input-error.ts";
import { formatBytes, type TiffLimits } from "./limits.ts";

export interface TiffPage {
  width: number;
  height: number;
  samplesPerPixel: number;
  bitsPerSample: number;
  /** 1 unsigned, 2 signed, 3 float. */
  sampleFormat: number;
  compression: number;
  planarConfiguration: 1 | 2;
  tiled: boolean;
  /** Tile width, or the image width for strips. */
  blockWidth: number;
  /** Tile length, or rows per strip (at most the height). */
  blockHeight: number;
  offsets: number[];
  byteCounts: number[];
}

export interface TiffScan {
  littleEndian: boolean;
  pages: TiffPage[];
  /** The first page's ImageDescription ("" when absent). */
  description: string;
  /** The first page's XResolution and YResolution (pixels per unit), when present. */
  resolution?: { x: number; y: number };
}

/** Compressions whose decoders are bounded (./bounded-decoders.ts). */
export const SUPPORTED_COMPRESSIONS: Record<number, string> = {
  1: "none",
  5: "LZW",
  8: "Deflate",
  32946: "Deflate",
  32773: "PackBits",
};

const TYPE_SIZES: Record<number, number> = {
  1: 1, // BYTE
  2: 1, // ASCII
  3: 2, // SHORT
  4: 4, // LONG
  5: 8, // RATIONAL
  6: 1, // SBYTE
  7: 1, // UNDEFINED
  8: 2, // SSHORT
  9: 4, // SLONG
  10: 8, // SRATIONAL
  11: 4, // FLOAT
  12: 8, // DOUBLE
  13: 4, // IFD
  16: 8, // LONG8
  17: 8, // SLONG8
  18: 8, // IFD8
};
const TYPE_NAMES: Record<number, string> = {
  1: "BYTE",
  2: "ASCII",
  3: "SHORT",
  4: "LONG",
  5: "RATIONAL",
  6: "SBYTE",
  7: "UNDEFINED",
  8: "SSHORT",
  9: "SLONG",
  10: "SRATIONAL",
  11: "FLOAT",
  12: "DOUBLE",
  13: "IFD",
  16: "LONG8",
  17: "SLONG8",
  18: "IFD8",
};

const TAG = {
  ImageWidth: 256,
  ImageLength: 257,
  BitsPerSample: 258,
  Compression: 259,
  ImageDescription: 270,
  StripOffsets: 273,
  SamplesPerPixel: 277,
  RowsPerStrip: 278,
  StripByteCounts: 279,
  XResolution: 282,
  YResolution: 283,
  PlanarConfiguration: 284,
  Predictor: 317,
  TileWidth: 322,
  TileLength: 323,
  TileOffsets: 324,
  TileByteCounts: 325,
  SampleFormat: 339,
} as const;
const TAG_NAMES: Record<number, string> = Object.fromEntries(Object.entries(TAG).map(([k, v]) => [v, k]));

/** Integer tags the reader relies on: the TIFF spec allows SHORT or LONG (LONG8 in BigTIFF). */
const INTEGER_TYPES = new Set([1, 3, 4, 16]);

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** Where the values are: inside the entry or at the offset it holds. */
  valueOffset: number;
  /** Where the entry itself is, for messages. */
  at: number;
}

type Fail = (problem: string, expected?: string) => InputError;

export function scanTiff(bytes: Uint8Array, limits: TiffLimits, fail: Fail): TiffScan {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = bytes.byteLength;
  if (length < 8) throw fail(`not a TIFF file (only ${length} bytes)`, "a TIFF file");
  const ii = bytes[0] === 0x49 && bytes[1] === 0x49;
  const mm = bytes[0] === 0x4d && bytes[1] === 0x4d;
  const le = ii;
  const magic = view.getUint16(2, le);
  if (!(ii || mm) || (magic !== 42 && magic !== 43)) {
    throw fail("not a TIFF file (no TIFF header)", "a TIFF file starting with II*\\0 or MM\\0*");
  }
  const big = magic === 43;
  if (big && length < 16) throw fail(`truncated BigTIFF header (${length} bytes)`, "a complete TIFF file");

  const u64 = (at: number): number => {
    const v = view.getBigUint64(at, le);
    // Offsets past 2^53 cannot be inside any file we hold; say so rather than round.
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(v);
  };
  const offsetAt = (at: number) => (big ? u64(at) : view.getUint32(at, le));
  const inFile = (start: number, size: number) => start >= 0 && size >= 0 && start + size <= length;

  const pages: TiffPage[] = [];
  const visited = new Set<number>();
  let description = "";
  let resolution: TiffScan["resolution"];
  let next = offsetAt(4);
  let pointerAt = 4;
  while (next !== 0) {
    const pageNo = pages.length + 1;
    if (visited.has(next)) {
      throw fail(
        `the IFD chain loops: the next-IFD pointer at byte ${pointerAt} points back to the IFD at byte ${next} (page ${[...visited].indexOf(next) + 1})`,
        "a chain of IFDs that ends with a 0 pointer",
      );
    }
    if (pages.length >= limits.maxPages) {
      throw fail(
        `more than ${limits.maxPages.toLocaleString("en-US")} pages (limit maxPages = ${limits.maxPages})`,
        `at most ${limits.maxPages.toLocaleString("en-US")} pages`,
      );
    }
    visited.add(next);
    const headSize = big ? 8 : 2;
    const entrySize = big ? 20 : 12;
    if (!inFile(next, headSize)) {
      throw fail(
        `truncated TIFF: IFD of page ${pageNo} at byte ${next} is past the end of the file (${length} bytes)`,
        "a complete TIFF file",
      );
    }
    const n = big ? u64(next) : view.getUint16(next, le);
    const tableSize = n * entrySize + (big ? 8 : 4);
    if (!inFile(next + headSize, tableSize)) {
      throw fail(
        `truncated TIFF: IFD of page ${pageNo} at byte ${next} declares ${n} entries, which run past the end of the file (${length} bytes)`,
        "a complete TIFF file",
      );
    }
    const entries = new Map<number, Entry>();
    for (let i = 0; i < n; i++) {
      const at = next + headSize + i * entrySize;
      const tag = view.getUint16(at, le);
      const type = view.getUint16(at + 2, le);
      const count = big ? u64(at + 4) : view.getUint32(at + 4, le);
      const size = TYPE_SIZES[type];
      if (size === undefined) {
        throw fail(
          `malformed TIFF: tag ${tagName(tag)} of page ${pageNo} (entry at byte ${at}) has unknown field type ${type}`,
          "TIFF field types 1–13 or 16–18",
        );
      }
      const bytesNeeded = size * count;
      const inline = big ? 8 : 4;
      const valueOffset = bytesNeeded <= inline ? at + (big ? 12 : 8) : offsetAt(at + (big ? 12 : 8));
      if (!inFile(valueOffset, bytesNeeded)) {
        throw fail(
          `malformed TIFF: the ${count} value${count === 1 ? "" : "s"} of tag ${tagName(tag)} of page ${pageNo} (entry at byte ${at}) lie at bytes ${valueOffset}–${valueOffset + bytesNeeded}, past the end of the file (${length} bytes)`,
          "tag values inside the file",
        );
      }
      entries.set(tag, { tag, type, count, valueOffset, at });
    }
    pointerAt = next + headSize + n * entrySize;
    const page = readPage(entries, pageNo);
    pages.push(page);
    if (pages.length === 1) {
      const d = entries.get(TAG.ImageDescription);
      // As geotiff decoded it before this pass existed: all bytes as UTF-8, terminator included.
      if (d) description = new TextDecoder("utf-8").decode(bytes.subarray(d.valueOffset, d.valueOffset + d.count));
      const xr = rational(entries.get(TAG.XResolution));
      const yr = rational(entries.get(TAG.YResolution));
      if (xr !== undefined && yr !== undefined) resolution = { x: xr, y: yr };
    }
    next = offsetAt(pointerAt);
  }
  if (pages.length === 0) throw fail("the TIFF has no images");
  return { littleEndian: le, pages, description, ...(resolution ? { resolution } : {}) };

  function readPage(entries: Map<number, Entry>, pageNo: number): TiffPage {
    const where = `page ${pageNo}`;
    const ints = (tag: number): number[] | undefined => {
      const e = entries.get(tag);
      if (!e) return undefined;
      if (!INTEGER_TYPES.has(e.type)) {
        throw fail(
          `malformed TIFF: ${TAG_NAMES[tag]} of ${where} is stored as ${TYPE_NAMES[e.type]} (entry at byte ${e.at})`,
          `${TAG_NAMES[tag]} as SHORT or LONG`,
        );
      }
      if (e.count === 0)
        throw fail(`malformed TIFF: ${TAG_NAMES[tag]} of ${where} has no values (entry at byte ${e.at})`);
      const size = TYPE_SIZES[e.type] as number;
      const out = new Array<number>(e.count);
      for (let i = 0; i < e.count; i++) {
        const p = e.valueOffset + i * size;
        out[i] =
          size === 1
            ? view.getUint8(p)
            : size === 2
              ? view.getUint16(p, le)
              : size === 4
                ? view.getUint32(p, le)
                : u64(p);
      }
      return out;
    };
    const one = (tag: number, fallback?: number): number => {
      const v = ints(tag)?.[0] ?? fallback;
      if (v === undefined) throw fail(`malformed TIFF: ${where} has no ${TAG_NAMES[tag]}`, `a ${TAG_NAMES[tag]} tag`);
      return v;
    };
    const positive = (tag: number, v: number) => {
      if (!(v >= 1)) throw fail(`malformed TIFF: ${TAG_NAMES[tag]} of ${where} is ${v}`, "a positive integer");
      return v;
    };
    const width = positive(TAG.ImageWidth, one(TAG.ImageWidth));
    const height = positive(TAG.ImageLength, one(TAG.ImageLength));
    const spp = positive(TAG.SamplesPerPixel, one(TAG.SamplesPerPixel, 1));
    if (spp > limits.maxSamplesPerPixel) {
      throw fail(
        `${where} has ${spp} samples per pixel, more than the limit maxSamplesPerPixel = ${limits.maxSamplesPerPixel}`,
        `at most ${limits.maxSamplesPerPixel} samples per pixel`,
      );
    }
    const bitsList = ints(TAG.BitsPerSample) ?? [1];
    const bits = bitsList[0] as number;
    if (bitsList.some((b) => b !== bits) || ![8, 16, 32, 64].includes(bits)) {
      throw fail(
        `unsupported sample type (${bitsList.join("/")} bits per sample) on ${where}`,
        "8/16/32-bit integer or 32/64-bit float samples",
      );
    }
    const formats = ints(TAG.SampleFormat) ?? [1];
    const sampleFormat = formats[0] as number;
    const compression = one(TAG.Compression, 1);
    if (!(compression in SUPPORTED_COMPRESSIONS)) {
      throw fail(
        `unsupported compression ${compression} on ${where}`,
        "uncompressed, LZW, Deflate or PackBits (re-save as such in Fiji)",
      );
    }
    const planar = one(TAG.PlanarConfiguration, 1);
    if (planar !== 1 && planar !== 2) {
      throw fail(`malformed TIFF: PlanarConfiguration of ${where} is ${planar}`, "1 (chunky) or 2 (planar)");
    }
    const predictor = one(TAG.Predictor, 1);
    if (![1, 2, 3].includes(predictor)) throw fail(`unsupported Predictor ${predictor} on ${where}`, "1, 2 or 3");

    const bytesPerSample = bits / 8;
    const pageBytes = width * height * spp * bytesPerSample;
    if (pageBytes > limits.maxPageBytes) {
      throw fail(
        `${where} declares ${width}×${height}×${spp} samples of ${bits} bits = ${formatBytes(pageBytes)}, more than the limit maxPageBytes = ${formatBytes(limits.maxPageBytes)} — refusing to decode`,
        "an image within the size limit",
      );
    }

    const tiled = entries.has(TAG.TileOffsets) || entries.has(TAG.TileWidth);
    const blockWidth = tiled ? positive(TAG.TileWidth, one(TAG.TileWidth)) : width;
    const blockHeight = tiled
      ? positive(TAG.TileLength, one(TAG.TileLength))
      : Math.min(positive(TAG.RowsPerStrip, one(TAG.RowsPerStrip, height)), height);
    const offsets = ints(tiled ? TAG.TileOffsets : TAG.StripOffsets);
    const byteCounts = ints(tiled ? TAG.TileByteCounts : TAG.StripByteCounts);
    const kind = tiled ? "tile" : "strip";
    if (!offsets || !byteCounts) throw fail(`malformed TIFF: ${kind} offsets or byte counts of ${where} are missing`);
    const across = Math.ceil(width / blockWidth);
    const down = Math.ceil(height / blockHeight);
    const blocks = across * down * (planar === 2 ? spp : 1);
    if (offsets.length < blocks || byteCounts.length < blocks) {
      throw fail(
        `malformed TIFF: ${where} needs ${blocks} ${kind}s but lists ${Math.min(offsets.length, byteCounts.length)} offsets and byte counts`,
        `one offset and one byte count per ${kind}`,
      );
    }
    const samplesPerBlock = planar === 2 ? 1 : spp;
    const fullBlock = blockWidth * blockHeight * samplesPerBlock * bytesPerSample;
    for (let i = 0; i < blocks; i++) {
      const off = offsets[i] as number;
      const count = byteCounts[i] as number;
      if (count === 0) {
        throw fail(
          `${kind} ${i + 1} of ${where} is empty (0 bytes)`,
          `pixel data in every ${kind} (a writer that stopped early leaves them empty)`,
        );
      }
      if (!inFile(off, count)) {
        throw fail(
          `truncated TIFF: data of ${kind} ${i + 1} of ${where} ends at byte ${off + count} but the file has ${length}`,
          "a complete TIFF file",
        );
      }
      // LZW can expand noise ~1.5×; more than twice the pixels' size plus 1 KiB is not a strip of them.
      if (count > fullBlock * 2 + 1024) {
        throw fail(`malformed TIFF: ${kind} ${i + 1} of ${where} holds more bytes than its pixels can need`);
      }
      if (compression === 1) {
        const rows = tiled ? blockHeight : Math.min(blockHeight, height - Math.floor((i % down) * blockHeight));
        const need = (tiled ? blockWidth : width) * rows * samplesPerBlock * bytesPerSample;
        if (count < need) {
          throw fail(
            `truncated TIFF: uncompressed ${kind} ${i + 1} of ${where} has ${count} bytes, its pixels need ${need}`,
            "a complete TIFF file",
          );
        }
      }
    }
    return {
      width,
      height,
      samplesPerPixel: spp,
      bitsPerSample: bits,
      sampleFormat,
      compression,
      planarConfiguration: planar,
      tiled,
      blockWidth,
      blockHeight,
      offsets: offsets.slice(0, blocks),
      byteCounts: byteCounts.slice(0, blocks),
    };
  }

  function rational(e: Entry | undefined): number | undefined {
    if (!e || e.count < 1) return undefined;
    if (e.type === 5) return view.getUint32(e.valueOffset, le) / view.getUint32(e.valueOffset + 4, le);
    return undefined;
  }
}

function tagName(tag: number): string {
  return TAG_NAMES[tag] ? `${TAG_NAMES[tag]} (${tag})` : String(tag);
}

// The core compiles without DOM or Node types; TextDecoder is a global of both.
declare const TextDecoder: new (label: string) => { decode(b: Uint8Array): string };
