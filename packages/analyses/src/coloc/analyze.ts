/**
 * One co-localization analysis of one image (whole, masked, per cell, per slice): the procedure
 * behind `adclab coloc IMAGE`, the API's `coloc` analysis and each image of a batch. Bytes and
 * options in; the rows `adclab coloc --json` prints out.
 */
import {
  analyzeCells,
  analyzeColoc,
  type ColocOptions,
  type ColocResult,
  InputError,
  type PixelArray,
  regionFromMask,
  regionsFromLabels,
} from "@adclab/core";
import { CLI_FIELD_NAMES, type ColocAnalysisOptions, type ColocFieldNames, describeColocOptions } from "./options.ts";
import { type ColocChannel, type ColocInput, readColocPixels } from "./read.ts";

export interface ColocRow extends ColocResult {
  /** 1-based slice when analysed per slice; null for a 2-D image or a whole 3-D stack. */
  slice: number | null;
  /** Cell label from the label image; null without one. */
  label: number | null;
}

export interface ColocImageResult {
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
  channels: { ch1: ColocChannel; ch2: ColocChannel };
  rows: ColocRow[];
}

/** The analysed pixels, for the cytofluorogram: both channels and the region's pixel indices. */
export interface ColocAnalysedPixels {
  ch1: PixelArray;
  ch2: PixelArray;
  region: Uint32Array | null;
}

/**
 * Reads and checks everything (files, channels, sizes, the mask or labels) and returns the
 * analysis still to run: a caller that stores results can refuse bad input before it writes
 * anything, and run the metrics afterwards.
 */
export async function prepareColocImage(
  input: ColocInput,
  o: ColocAnalysisOptions,
  fields: ColocFieldNames = CLI_FIELD_NAMES,
): Promise<{ run(): ColocImageResult & { pixels: ColocAnalysedPixels } }> {
  const px = await readColocPixels({ ...input, frame: o.frame ?? input.frame }, fields);
  const a = px.stack;
  const regionName = (input.labels ?? input.mask)?.name;
  const plane = a.width * a.height;
  const parts =
    o.perSlice && a.slices > 1
      ? Array.from({ length: a.slices }, (_, z) => ({ slice: z + 1, from: z * plane, depth: 1 }))
      : [{ slice: null, from: 0, depth: a.slices }];
  const regionOf = (part: { from: number; depth: number }) =>
    px.region ? (px.region.subarray(part.from, part.from + plane * part.depth) as PixelArray) : null;
  if (px.regionKind === "labels" && px.region) regionsFromLabels(px.region, { file: regionName });
  const masks = parts.map((part) => {
    const r = regionOf(part);
    if (px.regionKind !== "mask" || !r) return null;
    const indices = regionFromMask(r);
    if (indices.length < 2) {
      throw new InputError("the mask selects fewer than two pixels", { file: regionName, field: fields.mask });
    }
    return indices;
  });
  const options: ColocOptions = {
    threshold: o.threshold,
    kendall: o.kendall,
    costes: { iterations: o.costesIterations, blockSize: o.blockSize, seed: o.seed },
  };
  const run = () => {
    const rows: ColocRow[] = [];
    parts.forEach((part, k) => {
      const size = plane * part.depth;
      const image = {
        ch1: px.ch1.subarray(part.from, part.from + size) as PixelArray,
        ch2: px.ch2.subarray(part.from, part.from + size) as PixelArray,
        dims: { width: a.width, height: a.height, depth: part.depth },
      };
      const r = regionOf(part);
      if (px.regionKind === "labels" && r) {
        for (const cell of analyzeCells(image, r, { ...options, file: regionName })) {
          const { label, ...result } = cell;
          rows.push({ slice: part.slice, label, ...result });
        }
      } else {
        rows.push({ slice: part.slice, label: null, ...analyzeColoc(image, masks[k] ?? null, options) });
      }
    });
    return {
      image: {
        file: input.image.name,
        file2: input.image2?.name ?? null,
        format: a.format,
        width: a.width,
        height: a.height,
        slices: a.slices,
        sampleType: a.sampleType,
        pixelSize: a.pixelSize ?? null,
      },
      channels: px.channels,
      rows,
      pixels: { ch1: px.ch1, ch2: px.ch2, region: px.region ? regionFromMask(px.region) : null },
    };
  };
  return { run };
}

/** Reads, checks and analyses one image: `prepareColocImage(…).run()`. */
export async function analyzeColocImage(
  input: ColocInput,
  o: ColocAnalysisOptions,
  fields: ColocFieldNames = CLI_FIELD_NAMES,
): Promise<ColocImageResult & { pixels: ColocAnalysedPixels }> {
  return (await prepareColocImage(input, o, fields)).run();
}

/** Exactly the object `adclab coloc --json` prints. */
export function colocJson(
  result: ColocImageResult,
  o: ColocAnalysisOptions,
  regions: { mask?: string; labels?: string },
) {
  return {
    schema: "adclab.coloc/1" as const,
    image: result.image,
    channels: result.channels,
    rows: result.rows,
    options: describeColocOptions(o, regions),
  };
}
