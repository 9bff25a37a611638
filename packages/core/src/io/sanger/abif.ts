/**
 * ABIF reader: the `.ab1` chromatograms of Applied Biosystems capillary sequencers (310, 3100,
 * 3130, 3500, 3730 and their Sequencing Analysis / KB basecaller), over bytes.
 *
 * Format: Applied Biosystems, "ABIF File Format" (2009, the public specification). A 128-byte
 * header ("ABIF", version, then a 28-byte directory entry whose data is the directory), and a
 * directory of 28-byte big-endian entries: name char[4], number int32, element type int16,
 * element size int16, element count int32, data size int32, data offset int32, handle int32. Data
 * of 4 bytes or fewer is stored in the offset field itself. The tags read here:
 *
 * - PBAS2 / PCON2 / PLOC2: base calls, Phred qualities (one byte each) and peak locations as the
 *   basecaller made them (the "1" versions hold the user's edits; they are read only when the
 *   basecaller's are absent). Biopython's `SeqIO.read(f, "abi")` reads PBAS2 and PCON2 too.
 * - DATA9–DATA12: the analyzed traces, in the filter-wheel order FWO_1 (e.g. "GATC": DATA9 is G).
 * - SMPL1 (sample name), MODL1 (instrument model).
 *
 * Every offset is checked against the file's length before it is read, so a truncated file is an
 * InputError that names the byte offset where it ends, never a read past the end.
 */
import { InputError } from "../../errors/input-error.ts";
import type { Chromatogram, TraceBase } from "./chromatogram.ts";

const HEADER_BYTES = 34; // "ABIF", the version and the root directory entry
const ENTRY_BYTES = 28;
/** Element types of the specification that this reader decodes. */
const ELEMENT_TYPE = { byte: 1, char: 2, word: 3, short: 4, long: 5, pString: 18, cString: 19 } as const;

/** One directory entry, with the position of its data resolved. */
export interface AbifEntry {
  name: string;
  number: number;
  elementType: number;
  elementSize: number;
  count: number;
  dataSize: number;
  /** Where the data starts in the file (inside the entry itself when dataSize ≤ 4). */
  dataStart: number;
  /** Where the entry itself starts, for messages. */
  entryStart: number;
}

export interface ReadAbifOptions {
  /** The file name for messages, as the user gave it. */
  file?: string;
}

/** True when the bytes start with the ABIF magic number (after an optional 128-byte MacBinary header). */
export function looksLikeAbif(bytes: Uint8Array): boolean {
  return abifStart(bytes) >= 0;
}

export function readAbif(bytes: Uint8Array, o: ReadAbifOptions = {}): Chromatogram {
  const directory = readAbifDirectory(bytes, o);
  const file = o.file;
  const tag = (name: string, number: number) => directory.get(`${name}${number}`);
  const required = (names: string[], what: string): AbifEntry => {
    for (const key of names) {
      const entry = directory.get(key);
      if (entry) return entry;
    }
    throw new InputError(`no ${what} in this ABIF file`, {
      file,
      expected: `tag ${names.join(" or ")} (a base-called .ab1 file, not a fragment-analysis .fsa)`,
    });
  };

  const basesEntry = required(["PBAS2", "PBAS1"], "base calls");
  const bases = decodeBases(bytes, basesEntry, file);
  const qualitiesEntry = required(["PCON2", "PCON1"], "quality values");
  const qualities = bytes.slice(qualitiesEntry.dataStart, qualitiesEntry.dataStart + qualitiesEntry.count);
  const peaksEntry = required(["PLOC2", "PLOC1"], "peak locations");
  const peakLocations = decodeUnsigned16(bytes, peaksEntry, file);
  for (const [entry, n] of [
    [qualitiesEntry, qualities.length],
    [peaksEntry, peakLocations.length],
  ] as const) {
    if (n !== bases.length)
      throw new InputError(`tag ${entry.name}${entry.number} has ${n} values for ${bases.length} base calls`, {
        file,
        field: `tag ${entry.name}${entry.number} at byte offset ${entry.entryStart}`,
        expected: "one value per base call",
      });
  }

  const order = filterWheelOrder(bytes, tag("FWO_", 1), file);
  const traces = {} as Record<TraceBase, Int32Array>;
  let traceLength = -1;
  for (let k = 0; k < 4; k++) {
    const entry = required([`DATA${9 + k}`], `analyzed trace for channel ${order[k]}`);
    const trace = decodeSigned16(bytes, entry, file);
    if (traceLength >= 0 && trace.length !== traceLength)
      throw new InputError(`the analyzed traces differ in length (${traceLength} and ${trace.length} points)`, {
        file,
        field: `tag DATA${9 + k} at byte offset ${entry.entryStart}`,
        expected: "four traces of one length",
      });
    traceLength = trace.length;
    traces[order[k] as TraceBase] = trace;
  }
  for (let i = 0; i < peakLocations.length; i++) {
    if (peakLocations[i]! >= traceLength)
      throw new InputError(`peak location ${peakLocations[i]} of base ${i + 1} lies beyond the traces`, {
        file,
        field: `tag ${peaksEntry.name}${peaksEntry.number} at byte offset ${peaksEntry.entryStart}`,
        expected: `a trace index below ${traceLength}`,
      });
  }

  return {
    file,
    format: "abif",
    sampleName: optionalText(bytes, tag("SMPL", 1)),
    instrument: optionalText(bytes, tag("MODL", 1)),
    bases,
    qualities,
    peakLocations,
    traces,
    sources: {
      bases: `${basesEntry.name}${basesEntry.number}`,
      qualities: `${qualitiesEntry.name}${qualitiesEntry.number}`,
      peakLocations: `${peaksEntry.name}${peaksEntry.number}`,
      traces: `DATA9-DATA12 (${order})`,
    },
  };
}

/** The directory by tag name + number ("PBAS2"), every entry's data checked to lie inside the file. */
export function readAbifDirectory(bytes: Uint8Array, o: ReadAbifOptions = {}): Map<string, AbifEntry> {
  const file = o.file;
  const start = abifStart(bytes);
  if (start < 0) {
    if (bytes.length < 4)
      throw new InputError(`the file ends at byte offset ${bytes.length}, inside the ABIF header`, {
        file,
        expected: `at least ${HEADER_BYTES} bytes starting with "ABIF"`,
      });
    throw new InputError("not an ABIF (.ab1) file", {
      file,
      expected: 'a file starting with "ABIF"',
      got: latin1(bytes.subarray(0, 4)),
    });
  }
  // Offsets in the file are relative to the "ABIF" magic (MacBinary wrappers prefix 128 bytes).
  const body = bytes.subarray(start);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const absolute = (offset: number) => offset + start;
  if (body.length < HEADER_BYTES)
    throw new InputError(`the file ends at byte offset ${bytes.length}, inside the ABIF header`, {
      file,
      expected: `at least ${HEADER_BYTES + start} bytes`,
    });
  const root = entryAt(view, 6);
  if (root.elementSize < ENTRY_BYTES)
    throw new InputError(`the ABIF directory declares entries of ${root.elementSize} bytes`, {
      file,
      field: "header at byte offset 6",
      expected: `entries of at least ${ENTRY_BYTES} bytes`,
    });
  const directoryOffset = view.getInt32(6 + 20);
  const directoryEnd = directoryOffset + root.count * root.elementSize;
  if (directoryOffset < HEADER_BYTES || directoryEnd > body.length)
    throw new InputError(
      `the file ends at byte offset ${bytes.length}, but its directory lies at bytes ${absolute(directoryOffset)}–${absolute(directoryEnd)}`,
      { file, field: "ABIF directory", expected: "a complete file (this one looks truncated)" },
    );

  const entries = new Map<string, AbifEntry>();
  for (let i = 0; i < root.count; i++) {
    const at = directoryOffset + i * root.elementSize;
    const raw = entryAt(view, at);
    const dataStart = raw.dataSize <= 4 ? at + 20 : view.getInt32(at + 20);
    const entry: AbifEntry = { ...raw, dataStart: absolute(dataStart), entryStart: absolute(at) };
    if (raw.dataSize < 0 || dataStart < 0 || dataStart + raw.dataSize > body.length)
      throw new InputError(
        `the file ends at byte offset ${bytes.length}, but tag ${raw.name}${raw.number} has data at bytes ${absolute(dataStart)}–${absolute(dataStart + raw.dataSize)}`,
        {
          file,
          field: `tag ${raw.name}${raw.number} at byte offset ${entry.entryStart}`,
          expected: "a complete file (this one looks truncated)",
        },
      );
    // The first entry of a name + number wins, as in the specification's readers.
    const key = `${raw.name}${raw.number}`;
    if (!entries.has(key)) entries.set(key, entry);
  }
  return entries;
}

function abifStart(bytes: Uint8Array): number {
  for (const start of [0, 128]) {
    if (
      bytes.length >= start + 4 &&
      bytes[start] === 0x41 &&
      bytes[start + 1] === 0x42 &&
      bytes[start + 2] === 0x49 &&
      bytes[start + 3] === 0x46
    )
      return start;
  }
  return -1;
}

function entryAt(view: DataView, at: number): Omit<AbifEntry, "dataStart" | "entryStart"> {
  const name = String.fromCharCode(
    view.getUint8(at),
    view.getUint8(at + 1),
    view.getUint8(at + 2),
    view.getUint8(at + 3),
  );
  return {
    name,
    number: view.getInt32(at + 4),
    elementType: view.getInt16(at + 8),
    elementSize: view.getInt16(at + 10),
    count: view.getInt32(at + 12),
    dataSize: view.getInt32(at + 16),
  };
}

function expectType(entry: AbifEntry, types: number[], elementBytes: number, what: string, file: string | undefined) {
  if (!types.includes(entry.elementType) || entry.count * elementBytes > entry.dataSize)
    throw new InputError(`tag ${entry.name}${entry.number} is not ${what}`, {
      file,
      field: `tag ${entry.name}${entry.number} at byte offset ${entry.entryStart}`,
      expected: `${what} (element type ${types.join(" or ")})`,
      got: `element type ${entry.elementType}, ${entry.count} elements in ${entry.dataSize} bytes`,
    });
}

/** IUPAC nucleotide codes a basecaller may write (KB writes A, C, G, T, N and the two-base codes). */
const IUPAC = /^[ACGTNRYKMSWBDHV]*$/;

function decodeBases(bytes: Uint8Array, entry: AbifEntry, file: string | undefined): string {
  expectType(entry, [ELEMENT_TYPE.char, ELEMENT_TYPE.byte], 1, "an array of base calls", file);
  const text = latin1(bytes.subarray(entry.dataStart, entry.dataStart + entry.count)).toUpperCase();
  if (!IUPAC.test(text)) {
    const i = text.search(/[^ACGTNRYKMSWBDHV]/);
    throw new InputError(`base call ${i + 1} is not a nucleotide code`, {
      file,
      field: `tag ${entry.name}${entry.number} at byte offset ${entry.dataStart + i}`,
      expected: "one of A C G T N R Y K M S W B D H V",
      got: text[i],
    });
  }
  return text;
}

function decodeUnsigned16(bytes: Uint8Array, entry: AbifEntry, file: string | undefined): Uint32Array {
  expectType(entry, [ELEMENT_TYPE.short, ELEMENT_TYPE.word], 2, "an array of 16-bit integers", file);
  const out = new Uint32Array(entry.count);
  // Peak locations are declared signed (short) but long runs pass 32767, so they are read unsigned.
  for (let i = 0; i < entry.count; i++)
    out[i] = (bytes[entry.dataStart + 2 * i]! << 8) | bytes[entry.dataStart + 2 * i + 1]!;
  return out;
}

function decodeSigned16(bytes: Uint8Array, entry: AbifEntry, file: string | undefined): Int32Array {
  expectType(entry, [ELEMENT_TYPE.short, ELEMENT_TYPE.word], 2, "an array of 16-bit integers", file);
  const out = new Int32Array(entry.count);
  const signed = entry.elementType === ELEMENT_TYPE.short;
  for (let i = 0; i < entry.count; i++) {
    const v = (bytes[entry.dataStart + 2 * i]! << 8) | bytes[entry.dataStart + 2 * i + 1]!;
    out[i] = signed && v >= 0x8000 ? v - 0x10000 : v;
  }
  return out;
}

function filterWheelOrder(bytes: Uint8Array, entry: AbifEntry | undefined, file: string | undefined): string {
  // Without FWO_1 the specification's default order is GATC.
  if (!entry) return "GATC";
  const order = latin1(bytes.subarray(entry.dataStart, entry.dataStart + Math.min(entry.count, 4))).toUpperCase();
  if ([...order].sort().join("") !== "ACGT")
    throw new InputError("the filter-wheel order is not a permutation of A, C, G, T", {
      file,
      field: `tag FWO_1 at byte offset ${entry.entryStart}`,
      expected: 'four distinct bases, e.g. "GATC"',
      got: order,
    });
  return order;
}

function optionalText(bytes: Uint8Array, entry: AbifEntry | undefined): string | undefined {
  if (!entry || entry.dataSize === 0) return undefined;
  let from = entry.dataStart;
  let to = entry.dataStart + entry.dataSize;
  if (entry.elementType === ELEMENT_TYPE.pString) from += 1; // length byte first
  if (entry.elementType === ELEMENT_TYPE.pString) to = Math.min(to, from + bytes[entry.dataStart]!);
  if (entry.elementType === ELEMENT_TYPE.cString || entry.elementType === ELEMENT_TYPE.char) {
    const nul = bytes.subarray(from, to).indexOf(0);
    if (nul >= 0) to = from + nul;
  }
  const text = decodeText(bytes.subarray(from, to)).trim();
  return text === "" ? undefined : text;
}

/** UTF-8 when the bytes are valid UTF-8, else Latin-1 (older instruments write Windows-1252 names). */
function decodeText(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0 || (need > 0 && i + need >= bytes.length)) return latin1(bytes);
    let code = need === 0 ? b : b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return latin1(bytes);
      code = (code << 6) | (c & 0x3f);
    }
    out += String.fromCodePoint(code);
    i += need + 1;
  }
  return out;
}

function latin1(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}
