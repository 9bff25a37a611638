/**
 * From file names and options to co-localization results: reads the TIFF(s), picks the channels,
 * reads a mask or label image, and runs the core analysis per 3-D stack or per slice. Used by the
 * `adclab coloc` command and by its batch workers (so it is plain data in, plain data out).
 */
import { readFileSync } from "node:fs";
import {
  analyzeCells,
  analyzeColoc,
  type ColocResult,
  InputError,
  type PixelArray,
  readTiff,
  regionFromMask,
  resolveChannel,
  type ThresholdSpec,
  type TiffStack,
} from "@adclab/core";

export interface ColocFileOptions {
  image: string;
  image2?: string;
  ch1?: string;
  ch2?: string;
  mask?: string;
  labels?: string;
  threshold: ThresholdSpec;
  costesIterations: number;
  blockSize: number;
  seed: number;
  perSlice: boolean;
  kendall: boolean;
  frame?: number;
  /** Keep the analysed pixels in the result (for the cytofluorogram); not for workers. */
  keepPixels?: boolean;
}

export interface ColocRow extends ColocResult {
  /** 1-based slice when analysed per slice; null for a 2-D image or a whole 3-D stack. */
  slice: number | null;
  /** Cell label from the label image; null without one. */
  label: number | null;
}

export interface ColocFileResult {
  image: {
    file: string;
    file2: string | null;
    format: string;
    width: number;
    height: number;
    slices: number;
    sampleType: string;
    pixelSize: { x: number; y: number; z?: number; unit: string } | null;
  };
  channels: { ch1: { index: number; name: string | null }; ch2: { index: number; name: string | null } };
  rows: ColocRow[];
  pixels?: { ch1: PixelArray; ch2: PixelArray; region: Uint32Array | null };
}

/** The threshold flag: costes | costes-classic | otsu | manual:A,B. */
export function parseThreshold(spec: string): ThresholdSpec {
  const s = spec.trim().toLowerCase();
  if (s === "costes") return { method: "costes", regression: "bisection" };
  if (s === "costes-classic") return { method: "costes", regression: "costes" };
  if (s === "otsu") return { method: "otsu" };
  const m = /^manual:\s*([-+0-9.eE]+)\s*,\s*([-+0-9.eE]+)$/.exec(spec.trim());
  if (m && Number.isFinite(Number(m[1])) && Number.isFinite(Number(m[2]))) {
    return { method: "manual", ch1: Number(m[1]), ch2: Number(m[2]) };
  }
  throw new InputError(`unknown threshold '${spec}'`, {
    field: "--threshold",
    expected: "costes, costes-classic, otsu or manual:A,B (A for channel 1, B for channel 2)",
  });
}

async function open(path: string, field: string): Promise<TiffStack> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? e})`, {
      file: path,
      field,
    });
  }
  return readTiff(bytes, { file: path });
}

export async function analyzeFiles(o: ColocFileOptions): Promise<ColocFileResult> {
  const a = await open(o.image, "IMAGE");
  const b = o.image2 ? await open(o.image2, "IMAGE2") : a;
  const t = (o.frame ?? 1) - 1;
  let c1: number;
  let c2: number;
  if (o.image2) {
    c1 = resolveChannel(a, o.ch1 ?? "1", "--ch1");
    c2 = resolveChannel(b, o.ch2 ?? "1", "--ch2");
  } else {
    if (a.channels < 2) {
      throw new InputError(`the image has one channel, but co-localization needs two`, {
        file: o.image,
        expected: "a multi-channel image, or a second single-channel file: adclab coloc CH1.tif CH2.tif",
      });
    }
    c1 = resolveChannel(a, o.ch1 ?? "1", "--ch1");
    c2 = resolveChannel(a, o.ch2 ?? "2", "--ch2");
    if (c1 === c2) throw new InputError("--ch1 and --ch2 name the same channel", { file: o.image, field: "--ch2" });
  }
  if (b.width !== a.width || b.height !== a.height || b.slices !== a.slices) {
    throw new InputError(`is ${b.width}×${b.height}×${b.slices} but ${o.image} is ${a.width}×${a.height}×${a.slices}`, {
      file: o.image2,
      expected: "both channels of the same size",
    });
  }
  const ch1 = await a.readChannel(c1, t);
  const ch2 = await b.readChannel(c2, t); // may differ in sample type from ch1 (8- vs 16-bit files): fine

  const regionImage = o.labels ?? o.mask;
  let region: PixelArray | null = null;
  if (regionImage) {
    const field = o.labels ? "--labels" : "--mask";
    const r = await open(regionImage, field);
    if (r.width !== a.width || r.height !== a.height || (r.slices !== a.slices && r.slices !== 1)) {
      throw new InputError(
        `is ${r.width}×${r.height}${r.slices > 1 ? `×${r.slices}` : ""} but the image is ${a.width}×${a.height}${a.slices > 1 ? `×${a.slices}` : ""}`,
        {
          file: regionImage,
          field,
          expected: "a mask or label image of the image's size",
        },
      );
    }
    region = r.slices === a.slices ? await r.readChannel(0) : tile(await r.readPlane(0), a.slices);
  }

  const options = {
    threshold: o.threshold,
    kendall: o.kendall,
    costes: { iterations: o.costesIterations, blockSize: o.blockSize, seed: o.seed },
  };
  const plane = a.width * a.height;
  const rows: ColocRow[] = [];
  const parts =
    o.perSlice && a.slices > 1
      ? Array.from({ length: a.slices }, (_, z) => ({ slice: z + 1, from: z * plane, depth: 1 }))
      : [{ slice: null, from: 0, depth: a.slices }];
  for (const part of parts) {
    const size = plane * part.depth;
    const image = {
      ch1: ch1.subarray(part.from, part.from + size) as PixelArray,
      ch2: ch2.subarray(part.from, part.from + size) as PixelArray,
      dims: { width: a.width, height: a.height, depth: part.depth },
    };
    const r = region ? (region.subarray(part.from, part.from + size) as PixelArray) : null;
    if (o.labels && r) {
      for (const cell of analyzeCells(image, r, { ...options, file: regionImage })) {
        const { label, ...result } = cell;
        rows.push({ slice: part.slice, label, ...result });
      }
    } else {
      const indices = r ? regionFromMask(r) : null;
      if (indices && indices.length < 2) {
        throw new InputError("the mask selects fewer than two pixels", { file: regionImage, field: "--mask" });
      }
      rows.push({ slice: part.slice, label: null, ...analyzeColoc(image, indices, options) });
    }
  }
  return {
    image: {
      file: o.image,
      file2: o.image2 ?? null,
      format: a.format,
      width: a.width,
      height: a.height,
      slices: a.slices,
      sampleType: a.sampleType,
      pixelSize: a.pixelSize ?? null,
    },
    channels: {
      ch1: { index: c1 + 1, name: a.channelNames[c1] ?? null },
      ch2: { index: c2 + 1, name: b.channelNames[c2] ?? null },
    },
    rows,
    ...(o.keepPixels ? { pixels: { ch1, ch2, region: region ? regionFromMask(region) : null } } : {}),
  };
}

function tile(p: PixelArray, times: number): PixelArray {
  const out = new (p.constructor as new (n: number) => PixelArray)(p.length * times);
  for (let z = 0; z < times; z++) out.set(p, z * p.length);
  return out;
}
