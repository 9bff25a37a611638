/**
 * TIFF, ImageJ-hyperstack and OME-TIFF reading over bytes, for the co-localization analysis.
 * Decoding is geotiff's (https://github.com/geotiffjs/geotiff.js: uncompressed, LZW, Deflate,
 * PackBits; 8/16/32-bit integer and 32/64-bit float samples); this file only checks the file
 * before geotiff sees it, works out which page is which channel / slice / frame, and turns every
 * failure into an InputError naming the file.
 *
 * Guards, all applied before any pixel is decoded (./limits.ts has the limits, each named in its
 * refusal):
 * - ./ifd-scan.ts walks the IFD chain itself (a chain that loops or passes maxPages is refused)
 *   and checks every tag value, strip and tile against the file's length, and refuses empty
 *   strips and tags of the wrong type, so geotiff only ever reads inside the file;
 * - the declared size of each page (maxPageBytes) and of all pages (maxDecodedBytes), and of all
 *   pages per byte of file (maxCompressionRatio), and the planes an ImageJ description or the
 *   OME-XML declares (maxPlanes, and no more than the pages hold);
 * - while decoding, ./bounded-decoders.ts stops any strip that would expand past its pixels, and
 *   no strip may hold more than twice its decoded size (+1 KiB; LZW can expand noise ~1.5×):
 *   together these bound what a decompression bomb can make us allocate.
 */
import { fromArrayBuffer, type GeoTIFFImage } from "geotiff";
import type { PixelArray } from "../../coloc/pixels.ts";
import { InputError } from "../../errors/input-error.ts";
import { BlockSizeError, useBoundedDecoders } from "./bounded-decoders.ts";
import { scanTiff, type TiffPage } from "./ifd-scan.ts";
import { DEFAULT_MAX_DECODED_BYTES, DEFAULT_TIFF_LIMITS, formatBytes, type TiffLimits } from "./limits.ts";
import { type PlaneBound, pageIndexer, parseImageJDescription, parseOmeXml, type StackLayout } from "./metadata.ts";

export { DEFAULT_MAX_DECODED_BYTES, DEFAULT_TIFF_LIMITS, type TiffLimits };

export type SampleType = "uint8" | "uint16" | "uint32" | "int8" | "int16" | "int32" | "float32" | "float64";

export interface TiffStack {
  file: string | undefined;
  format: StackLayout["format"];
  width: number;
  height: number;
  channels: number;
  slices: number;
  frames: number;
  sampleType: SampleType;
  channelNames: (string | null)[];
  /** Physical pixel size when the file says it (OME-XML, or ImageJ's unit + resolution). */
  pixelSize?: { x: number; y: number; z?: number; unit: string };
  /** One plane (0-based channel, slice, frame), row-major. NaN or infinite floats are rejected. */
  readPlane(c: number, z?: number, t?: number): Promise<PixelArray>;
  /** A whole channel at one frame: all slices, z outermost (depth = slices). */
  readChannel(c: number, t?: number): Promise<PixelArray>;
}

export interface ReadTiffOptions {
  /** The file name for messages, as the user gave it. */
  file?: string;
  /** Upper bound of the decoded size of all pages together (default 1 GiB). */
  maxDecodedBytes?: number;
  /** Any of the other limits (./limits.ts); the defaults are DEFAULT_TIFF_LIMITS. */
  limits?: Partial<TiffLimits>;
}

export async function readTiff(data: Uint8Array | ArrayBuffer, o: ReadTiffOptions = {}): Promise<TiffStack> {
  const file = o.file;
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const fail = (problem: string, expected?: string) => new InputError(problem, { file, expected });
  const limits: TiffLimits = {
    ...DEFAULT_TIFF_LIMITS,
    ...o.limits,
    ...(o.maxDecodedBytes === undefined ? {} : { maxDecodedBytes: o.maxDecodedBytes }),
  };
  const scan = scanTiff(bytes, limits, fail);
  const pages = scan.pages;
  const first = pages[0] as TiffPage;
  const { width, height, samplesPerPixel: spp } = first;
  const sampleType = sampleTypeOf(first, fail);
  let declared = 0;
  for (const [i, page] of pages.entries()) {
    if (page.width !== width || page.height !== height || page.samplesPerPixel !== spp) {
      throw fail(`page ${i + 1} is ${page.width}×${page.height}, page 1 is ${width}×${height}`, "pages of one size");
    }
    if (sampleTypeOf(page, fail) !== sampleType) throw fail(`page ${i + 1} has another sample type than page 1`);
    declared += width * height * spp * bytesPer(sampleType);
    if (declared > limits.maxDecodedBytes) {
      throw fail(
        `declares ${(declared / 2 ** 20).toFixed(0)}+ MiB of pixels (${width}×${height}×${pages.length} pages), more than the limit of ${(limits.maxDecodedBytes / 2 ** 20).toFixed(0)} MiB — refusing to decode (possible decompression bomb)`,
        "an image within the size limit",
      );
    }
  }
  if (declared > limits.ratioFloorBytes && declared > limits.maxCompressionRatio * bytes.byteLength) {
    throw fail(
      `declares ${formatBytes(declared)} of pixels in a file of ${formatBytes(bytes.byteLength)}, more than the limit maxCompressionRatio = ${limits.maxCompressionRatio} times the file — refusing to decode (possible decompression bomb)`,
      "an image within the size limit",
    );
  }

  const bound: PlaneBound = {
    maxPlanes: Math.min(limits.maxPlanes, pages.length * spp),
    refuse: (dialect, planes) =>
      planes > pages.length * spp
        ? fail(
            `the ${dialect} promises ${planes} planes but the file has ${pages.length} pages`,
            "one page per plane (ImageJ's single-page 'virtual' stacks are not supported; re-save in Fiji)",
          )
        : fail(
            `the ${dialect} declares ${planes} planes, more than the limit maxPlanes = ${limits.maxPlanes}`,
            `at most ${limits.maxPlanes} planes`,
          ),
  };
  const layout = stackLayout(scan.description, pages.length, spp, bound);
  if (layout.format === "imagej" && layout.pixelSize) {
    layout.pixelSize.x = scan.resolution ? 1 / scan.resolution.x : Number.NaN;
    layout.pixelSize.y = scan.resolution ? 1 / scan.resolution.y : Number.NaN;
    if (!(layout.pixelSize.x > 0)) delete layout.pixelSize;
  }

  // Only now does geotiff see the file: every offset it will follow has been checked above.
  useBoundedDecoders();
  // geotiff reads from an ArrayBuffer from offset 0, so a view into a larger buffer (Node pools
  // small files' Buffers) is copied out first.
  let buffer = bytes.buffer as ArrayBuffer;
  if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) {
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    buffer = copy.buffer;
  }
  let tiff: Awaited<ReturnType<typeof fromArrayBuffer>>;
  try {
    tiff = await fromArrayBuffer(buffer);
  } catch (e) {
    throw fail(`malformed or truncated TIFF (${errorText(e)})`, "a complete TIFF file");
  }
  const images: (GeoTIFFImage | undefined)[] = new Array(pages.length);
  // geotiff parses IFDs in order, each after the one before; pages are opened as they are read.
  const image = async (page: number): Promise<GeoTIFFImage> => {
    const cached = images[page];
    if (cached) return cached;
    try {
      const img = await tiff.getImage(page);
      images[page] = img;
      return img;
    } catch (e) {
      throw fail(`malformed or truncated TIFF (${errorText(e)})`, "a complete TIFF file");
    }
  };

  const checkIndex = (name: string, v: number, n: number) => {
    if (!(Number.isInteger(v) && v >= 0 && v < n)) {
      throw new InputError(`${name} ${v + 1} is out of range`, { file, expected: `1 … ${n}`, got: v + 1 });
    }
  };
  const readPlane = async (c: number, z = 0, t = 0): Promise<PixelArray> => {
    checkIndex("channel", c, layout.channels);
    checkIndex("slice", z, layout.slices);
    checkIndex("frame", t, layout.frames);
    const { page, sample } = layout.locate(c, z, t);
    const img = await image(page);
    let rasters: ArrayLike<number>[];
    try {
      rasters = (await img.readRasters({
        interleave: false,
        samples: [sample],
      })) as unknown as ArrayLike<number>[];
    } catch (e) {
      if (e instanceof BlockSizeError) {
        throw new InputError(`page ${page + 1}: ${e.problem}`, { file, expected: e.expected });
      }
      throw fail(`cannot decode page ${page + 1} (${errorText(e)})`, "a complete, uncorrupted TIFF");
    }
    return asPixels(rasters[0] as ArrayLike<number>, sampleType, file);
  };
  return {
    file,
    format: layout.format,
    width,
    height,
    channels: layout.channels,
    slices: layout.slices,
    frames: layout.frames,
    sampleType,
    channelNames: layout.channelNames,
    ...(layout.pixelSize ? { pixelSize: layout.pixelSize } : {}),
    readPlane,
    async readChannel(c, t = 0) {
      if (layout.slices === 1) return readPlane(c, 0, t);
      const plane = width * height;
      let out: PixelArray | undefined;
      for (let z = 0; z < layout.slices; z++) {
        const p = await readPlane(c, z, t);
        if (!out) out = new (p.constructor as new (n: number) => PixelArray)(plane * layout.slices);
        out.set(p, z * plane);
      }
      return out as PixelArray;
    },
  };
}

/**
 * A channel by 1-based number ("2") or by name ("LAMP1", case-insensitive, or a unique prefix).
 * Returns the 0-based index; `field` names the flag in errors (e.g. "--ch2").
 */
export function resolveChannel(
  stack: Pick<TiffStack, "channels" | "channelNames" | "file">,
  spec: string,
  field: string,
): number {
  const names = stack.channelNames.map((n, i) => n ?? `channel ${i + 1}`);
  const expected = `a channel number 1 … ${stack.channels}${stack.channelNames.some((n) => n) ? ` or a name (${names.join(", ")})` : ""}`;
  if (/^\d+$/.test(spec.trim())) {
    const k = Number(spec) - 1;
    if (k < 0 || k >= stack.channels) {
      throw new InputError(
        `channel ${spec} is out of range: the image has ${stack.channels} channel${stack.channels === 1 ? "" : "s"}`,
        { file: stack.file, field, expected, got: spec },
      );
    }
    return k;
  }
  const wanted = spec.trim().toLowerCase();
  const exact = stack.channelNames.findIndex((n) => n?.toLowerCase() === wanted);
  if (exact >= 0) return exact;
  const prefix = stack.channelNames.flatMap((n, i) => (n?.toLowerCase().startsWith(wanted) ? [i] : []));
  if (prefix.length === 1) return prefix[0] as number;
  throw new InputError(prefix.length > 1 ? `channel name '${spec}' is ambiguous` : `no channel named '${spec}'`, {
    file: stack.file,
    field,
    expected,
    got: spec,
  });
}

interface Layout extends StackLayout {
  locate(c: number, z: number, t: number): { page: number; sample: number };
}

function stackLayout(description: string, pages: number, spp: number, bound: PlaneBound): Layout {
  const ome = parseOmeXml(description, bound);
  if (ome) {
    const order = ome.dimensionOrder;
    const index = pageIndexer(order, { C: ome.channels, Z: ome.slices, T: ome.frames });
    if (spp > 1 && ome.channels === spp) {
      return { format: "ome", ...ome, pageOf: () => 0, locate: (c, z, t) => ({ page: index(0, z, t), sample: c }) };
    }
    return { format: "ome", ...ome, pageOf: index, locate: (c, z, t) => ({ page: index(c, z, t), sample: 0 }) };
  }
  const ij = parseImageJDescription(description, bound);
  if (ij) {
    const index = pageIndexer("CZT", { C: ij.channels, Z: ij.slices, T: ij.frames });
    return { format: "imagej", ...ij, pageOf: index, locate: (c, z, t) => ({ page: index(c, z, t), sample: 0 }) };
  }
  // A plain TIFF: the samples of a page (RGB) or else its pages are the channels.
  if (spp > 1) {
    return {
      format: "tiff",
      channels: spp,
      slices: pages,
      frames: 1,
      channelNames: Array.from({ length: spp }, () => null),
      pageOf: (_c, z) => z,
      locate: (c, z) => ({ page: z, sample: c }),
    };
  }
  return {
    format: "tiff",
    channels: pages,
    slices: 1,
    frames: 1,
    channelNames: Array.from({ length: pages }, () => null),
    pageOf: (c) => c,
    locate: (c) => ({ page: c, sample: 0 }),
  };
}

function sampleTypeOf(page: TiffPage, fail: (p: string, e?: string) => InputError): SampleType {
  const bits = page.bitsPerSample;
  const format = page.sampleFormat;
  const key = `${format}:${bits}`;
  const map: Record<string, SampleType> = {
    "1:8": "uint8",
    "1:16": "uint16",
    "1:32": "uint32",
    "2:8": "int8",
    "2:16": "int16",
    "2:32": "int32",
    "3:32": "float32",
    "3:64": "float64",
  };
  const t = map[key];
  if (!t)
    throw fail(
      `unsupported sample type (${bits}-bit, sample format ${format})`,
      "8/16/32-bit integer or 32/64-bit float samples",
    );
  return t;
}

function bytesPer(t: SampleType): number {
  return t === "uint8" || t === "int8" ? 1 : t === "uint16" || t === "int16" ? 2 : t === "float64" ? 8 : 4;
}

function asPixels(a: ArrayLike<number>, type: SampleType, file: string | undefined): PixelArray {
  if (type === "int8") return Int16Array.from(a);
  const out = a as PixelArray;
  if (type === "float32" || type === "float64") {
    for (let i = 0; i < out.length; i++) {
      if (!Number.isFinite(out[i] as number)) {
        throw new InputError(`pixel ${i + 1} is ${out[i]}`, {
          file,
          expected: "finite intensities (no NaN or infinity)",
        });
      }
    }
  }
  return out;
}

function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0] as string;
}
