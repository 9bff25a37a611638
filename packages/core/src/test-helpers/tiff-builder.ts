/**
 * Little-endian classic TIFFs built to order for the reader's tests: any number of pages, any
 * tags (including wrong types and values past the end), strips given as bytes, and the next-IFD
 * pointers open to rewriting, so each malformed file of the hardening issue can be made exactly.
 */

export interface TagSpec {
  tag: number;
  /** TIFF field type: 1 BYTE, 2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL, 12 DOUBLE, … */
  type: number;
  /** Numbers (RATIONAL: numerator, denominator pairs), or the raw value bytes. */
  values: number[] | Uint8Array;
  /** Write this count instead of the real one (a count that runs past the end). */
  count?: number;
  /** Write this value offset instead of the real one. */
  offset?: number;
}

export interface PageSpec {
  width: number;
  height: number;
  /** Bits per sample (default 8). */
  bits?: number;
  /** Compression (default 1). */
  compression?: number;
  /** Rows per strip (default: the height, one strip). */
  rowsPerStrip?: number;
  /** Strip data; one per strip. */
  strips: Uint8Array[];
  description?: string;
  /** Extra tags; one with the tag number of a standard tag replaces it. */
  tags?: TagSpec[];
}

const SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 11: 4, 12: 8, 16: 8 };

export interface BuildOptions {
  /** The next-IFD pointer of page i, given the IFD offsets (default: the next page, 0 after the last). */
  nextIfd?: (page: number, ifdOffsets: number[]) => number;
}

export function buildTiff(pages: PageSpec[], o: BuildOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 8;
  const put = (b: Uint8Array): number => {
    const at = size;
    chunks.push(b);
    size += b.length;
    if (size % 2) {
      chunks.push(new Uint8Array(1)); // word alignment, as writers do
      size++;
    }
    return at;
  };
  const ifdOffsets: number[] = [];
  const pointerAt: number[] = [];
  for (const p of pages) {
    const stripOffsets = p.strips.map((s) => put(s));
    const base: TagSpec[] = [
      { tag: 256, type: 4, values: [p.width] },
      { tag: 257, type: 4, values: [p.height] },
      { tag: 258, type: 3, values: [p.bits ?? 8] },
      { tag: 259, type: 3, values: [p.compression ?? 1] },
      { tag: 262, type: 3, values: [1] },
      ...(p.description === undefined ? [] : [{ tag: 270, type: 2, values: ascii(p.description) }]),
      { tag: 273, type: 4, values: stripOffsets },
      { tag: 277, type: 3, values: [1] },
      { tag: 278, type: 4, values: [p.rowsPerStrip ?? p.height] },
      { tag: 279, type: 4, values: p.strips.map((s) => s.length) },
    ];
    const byTag = new Map(base.map((t) => [t.tag, t]));
    for (const t of p.tags ?? []) byTag.set(t.tag, t);
    const tags = [...byTag.values()].sort((a, b) => a.tag - b.tag);
    const encoded = tags.map((t) => ({ t, bytes: encode(t) }));
    const valueOffsets = encoded.map(({ bytes }) => (bytes.length > 4 ? put(bytes) : -1));
    const ifd = new Uint8Array(2 + tags.length * 12 + 4);
    const v = new DataView(ifd.buffer);
    v.setUint16(0, tags.length, true);
    encoded.forEach(({ t, bytes }, i) => {
      const at = 2 + i * 12;
      v.setUint16(at, t.tag, true);
      v.setUint16(at + 2, t.type, true);
      v.setUint32(at + 4, t.count ?? bytes.length / (SIZES[t.type] ?? 1), true);
      if (t.offset !== undefined) v.setUint32(at + 8, t.offset, true);
      else if (bytes.length > 4) v.setUint32(at + 8, valueOffsets[i] as number, true);
      else ifd.set(bytes, at + 8);
    });
    const at = put(ifd);
    ifdOffsets.push(at);
    pointerAt.push(at + 2 + tags.length * 12);
  }
  const out = new Uint8Array(size);
  let at = 8;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  const v = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  v.setUint32(4, ifdOffsets[0] ?? 0, true);
  pages.forEach((_, i) => {
    const next = o.nextIfd ? o.nextIfd(i, ifdOffsets) : (ifdOffsets[i + 1] ?? 0);
    v.setUint32(pointerAt[i] as number, next, true);
  });
  return out;
}

function ascii(s: string): Uint8Array {
  const b = new Uint8Array(s.length + 1);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}

function encode(t: TagSpec): Uint8Array {
  if (t.values instanceof Uint8Array) return t.values;
  const size = SIZES[t.type] ?? 1;
  const out = new Uint8Array(t.type === 5 ? (t.values.length / 2) * 8 : t.values.length * size);
  const v = new DataView(out.buffer);
  t.values.forEach((x, i) => {
    if (t.type === 1 || t.type === 2 || t.type === 7) v.setUint8(i, x);
    else if (t.type === 3) v.setUint16(i * 2, x, true);
    else if (t.type === 4 || t.type === 5) v.setUint32(i * 4, x, true);
    else if (t.type === 11) v.setFloat32(i * 4, x, true);
    else if (t.type === 12) v.setFloat64(i * 8, x, true);
    else if (t.type === 16) v.setBigUint64(i * 8, BigInt(x), true);
  });
  return out;
}
