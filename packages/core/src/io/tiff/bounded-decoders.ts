/**
 * The strip and tile decoders ADCLab gives geotiff in place of its own (geotiff's `addDecoder`).
 * geotiff's decompress without an end in view: its Deflate inflates the whole stream however
 * far it expands, and its PackBits and LZW grow JavaScript arrays one byte at a time (a 16384²
 * PackBits page aborts V8). Each decoder here writes into a buffer of exactly the block's size
 * (tile width × tile length, or width × rows per strip, × bytes per pixel) and fails the moment
 * the data would run past it: a block can never decode to more than its pixels, so what a file
 * can make us allocate is what its (already limited) header declares. A block that decodes to
 * fewer bytes than its pixels need is refused too, rather than read as zeros.
 */
import { addDecoder, BaseDecoder } from "geotiff";
import { Inflate } from "pako";
import { InputError } from "../../errors/input-error.ts";

/** Thrown inside geotiff's decode; read-tiff.ts adds the file and page. */
export class BlockSizeError extends InputError {}

interface BlockParameters {
  tileWidth: number;
  tileHeight: number;
  planarConfiguration: number;
  bitsPerSample: number[];
  predictor: number;
  /** Bytes a full block decodes to, and the fewest any block (a short last strip) may. */
  blockBytes: number;
  minBytes: number;
}

interface DirectoryLike {
  hasTag(name: string): boolean;
  loadValue(name: string): Promise<unknown>;
}

async function blockParameters(fd: DirectoryLike): Promise<BlockParameters> {
  const num = async (name: string, fallback: number) => {
    const v = await fd.loadValue(name);
    const n = Array.isArray(v) || ArrayBuffer.isView(v) ? Number((v as ArrayLike<number>)[0]) : Number(v ?? fallback);
    return Number.isFinite(n) ? n : fallback;
  };
  const tiled = !fd.hasTag("StripOffsets");
  const bitsValue = await fd.loadValue("BitsPerSample");
  const bitsPerSample =
    Array.isArray(bitsValue) || ArrayBuffer.isView(bitsValue)
      ? Array.from(bitsValue as ArrayLike<number>, Number)
      : [Number(bitsValue ?? 1)];
  const planarConfiguration = await num("PlanarConfiguration", 1);
  const height = await num("ImageLength", 1);
  const tileWidth = tiled ? await num("TileWidth", 1) : await num("ImageWidth", 1);
  // RowsPerStrip is often 2^32 − 1 ("all rows"); the block is never taller than the image.
  const tileHeight = tiled ? await num("TileLength", 1) : Math.min(await num("RowsPerStrip", height), height);
  const pixelBits = planarConfiguration === 2 ? (bitsPerSample[0] as number) : bitsPerSample.reduce((a, b) => a + b, 0);
  const rowBytes = (tileWidth * pixelBits) / 8;
  const lastRows = tiled ? tileHeight : height - (Math.ceil(height / tileHeight) - 1) * tileHeight;
  return {
    tileWidth,
    tileHeight,
    planarConfiguration,
    bitsPerSample,
    predictor: await num("Predictor", 1),
    blockBytes: rowBytes * tileHeight,
    minBytes: rowBytes * lastRows,
  };
}

const overflow = (p: BlockParameters, what: string) =>
  new BlockSizeError(`a ${what} block decodes to more than the ${p.blockBytes} bytes its pixels need`, {
    expected: "blocks that decode to their declared size (possible decompression bomb)",
  });

/** Copies the decoded bytes into a full-size block, refusing one shorter than its pixels. */
function finish(p: BlockParameters, out: Uint8Array, written: number, what: string): ArrayBuffer {
  if (written < p.minBytes) {
    throw new BlockSizeError(`a ${what} block decodes to ${written} bytes, its pixels need ${p.minBytes}`, {
      expected: "a complete, uncorrupted TIFF",
    });
  }
  return out.buffer as ArrayBuffer;
}

class BoundedDecoder extends BaseDecoder {
  declare parameters: BlockParameters;
}

export class RawDecoder extends BoundedDecoder {
  override decodeBlock(buffer: ArrayBufferLike): ArrayBuffer {
    const p = this.parameters;
    const out = new Uint8Array(p.blockBytes);
    const src = new Uint8Array(buffer, 0, Math.min(buffer.byteLength, p.blockBytes));
    out.set(src);
    return finish(p, out, src.length, "raw");
  }
}

export class DeflateDecoder extends BoundedDecoder {
  override decodeBlock(buffer: ArrayBufferLike): ArrayBuffer {
    const p = this.parameters;
    const out = new Uint8Array(p.blockBytes);
    let written = 0;
    const inflate = new Inflate({ chunkSize: 64 * 1024 });
    inflate.onData = (chunk: Uint8Array) => {
      if (written + chunk.length > out.length) throw overflow(p, "Deflate");
      out.set(chunk, written);
      written += chunk.length;
    };
    inflate.push(new Uint8Array(buffer), true);
    if (inflate.err) {
      throw new BlockSizeError(`a Deflate block is corrupt (${inflate.msg})`, {
        expected: "a complete, uncorrupted TIFF",
      });
    }
    return finish(p, out, written, "Deflate");
  }
}

/** PackBits (TIFF 6.0 §9): a header byte n, then n + 1 literal bytes (n ≥ 0) or one byte repeated 1 − n times. */
export function unpackBits(src: Uint8Array, out: Uint8Array, onOverflow: () => Error): number {
  let o = 0;
  let i = 0;
  while (i < src.length) {
    const n = ((src[i++] as number) << 24) >> 24;
    if (n >= 0) {
      const count = n + 1;
      if (o + count > out.length) throw onOverflow();
      // A literal run cut short by the strip's end: the writer stopped early; take what is there.
      const end = Math.min(i + count, src.length);
      out.set(src.subarray(i, end), o);
      o += end - i;
      i = end;
    } else if (n !== -128) {
      const count = 1 - n;
      if (i >= src.length) break;
      if (o + count > out.length) throw onOverflow();
      out.fill(src[i++] as number, o, o + count);
      o += count;
    }
  }
  return o;
}

export class PackBitsDecoder extends BoundedDecoder {
  override decodeBlock(buffer: ArrayBufferLike): ArrayBuffer {
    const p = this.parameters;
    const out = new Uint8Array(p.blockBytes);
    const written = unpackBits(new Uint8Array(buffer), out, () => overflow(p, "PackBits"));
    return finish(p, out, written, "PackBits");
  }
}

const CLEAR = 256;
const EOI = 257;

/**
 * TIFF LZW (TIFF 6.0 §13): MSB-first codes of 9–12 bits, 256 clears the table, 257 ends, and the
 * code width grows one code early (at 511, 1023, 2047), as libtiff and geotiff read it.
 * Strings are written straight into `out`, walking each code's prefix chain backwards.
 */
export function lzwDecode(src: Uint8Array, out: Uint8Array, onOverflow: () => Error): number {
  const prefix = new Int16Array(4096);
  const suffix = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  const first = new Uint8Array(4096);
  for (let c = 0; c < 256; c++) {
    prefix[c] = -1;
    suffix[c] = c;
    length[c] = 1;
    first[c] = c;
  }
  let next = 258;
  let width = 9;
  let bit = 0;
  const totalBits = src.length * 8;
  let prev = -1;
  let o = 0;
  const emit = (code: number) => {
    const n = length[code] as number;
    if (o + n > out.length) throw onOverflow();
    let c = code;
    for (let k = o + n - 1; k >= o; k--) {
      out[k] = suffix[c] as number;
      c = prefix[c] as number;
    }
    o += n;
  };
  while (bit + width <= totalBits) {
    // Up to 12 bits span at most 3 bytes.
    const byte = bit >>> 3;
    const window = ((src[byte] as number) << 16) | ((src[byte + 1] ?? 0) << 8) | (src[byte + 2] ?? 0);
    const code = (window >>> (24 - (bit & 7) - width)) & ((1 << width) - 1);
    bit += width;
    if (code === EOI) break;
    if (code === CLEAR) {
      next = 258;
      width = 9;
      prev = -1;
      continue;
    }
    if (prev < 0) {
      if (code > 255)
        throw new BlockSizeError(`an LZW block starts with code ${code}`, { expected: "a complete, uncorrupted TIFF" });
      emit(code);
      prev = code;
      continue;
    }
    if (code > next || (code === next && next >= 4096)) {
      throw new BlockSizeError(`an LZW block has code ${code} before it is defined`, {
        expected: "a complete, uncorrupted TIFF",
      });
    }
    if (next < 4096) {
      // code === next is the KwKwK case: the new string is prev's plus prev's first byte.
      prefix[next] = prev;
      suffix[next] = code === next ? (first[prev] as number) : (first[code] as number);
      length[next] = (length[prev] as number) + 1;
      first[next] = first[prev] as number;
      next++;
    }
    emit(code);
    prev = code;
    if (next + 1 >= 1 << width && width < 12) width++;
  }
  return o;
}

export class LzwDecoder extends BoundedDecoder {
  override decodeBlock(buffer: ArrayBufferLike): ArrayBuffer {
    const p = this.parameters;
    const out = new Uint8Array(p.blockBytes);
    const written = lzwDecode(new Uint8Array(buffer), out, () => overflow(p, "LZW"));
    return finish(p, out, written, "LZW");
  }
}

let registered = false;

/** Puts these decoders in geotiff's registry (once; the registry is global to the geotiff module). */
export function useBoundedDecoders(): void {
  if (registered) return;
  registered = true;
  const params = blockParameters as unknown as Parameters<typeof addDecoder>[2];
  // Never a geotiff worker: the caller (a compute worker, or the CLI) already runs off the request thread.
  const as = (d: unknown) => async () => d as typeof BaseDecoder;
  addDecoder([undefined, 1], as(RawDecoder), params, false);
  addDecoder(5, as(LzwDecoder), params, false);
  addDecoder([8, 32946], as(DeflateDecoder), params, false);
  addDecoder(32773, as(PackBitsDecoder), params, false);
}
