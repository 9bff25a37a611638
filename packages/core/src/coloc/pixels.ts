/**
 * Pixel data as the co-localization code sees it: one typed array per channel, the image's
 * dimensions, and regions as lists of pixel indices. Metrics run over two equal-length arrays
 * (a region gathered from both channels); the Costes test also needs the positions.
 */
import { InputError } from "../errors/input-error.ts";

/** Intensities of one channel, row-major (x fastest, then y, then z). */
export type PixelArray = Uint8Array | Uint16Array | Uint32Array | Int16Array | Int32Array | Float32Array | Float64Array;

/** Size of an image or stack in pixels; depth 1 for a single plane. */
export interface ImageDims {
  width: number;
  height: number;
  depth: number;
}

/** True for integer sample types, whose values can index a histogram directly. */
export function isIntegerPixels(a: PixelArray): boolean {
  return !(a instanceof Float32Array || a instanceof Float64Array);
}

/** The value range of the sample type (Coloc 2 clamps thresholds to it). */
export function typeRange(a: PixelArray): { min: number; max: number } {
  if (a instanceof Uint8Array) return { min: 0, max: 255 };
  if (a instanceof Uint16Array) return { min: 0, max: 65535 };
  if (a instanceof Uint32Array) return { min: 0, max: 4294967295 };
  if (a instanceof Int16Array) return { min: -32768, max: 32767 };
  if (a instanceof Int32Array) return { min: -2147483648, max: 2147483647 };
  if (a instanceof Float32Array) return { min: -3.4028234663852886e38, max: 3.4028234663852886e38 };
  return { min: -Number.MAX_VALUE, max: Number.MAX_VALUE };
}

/** A new zero-filled array of the same sample type. */
export function similarPixels<T extends PixelArray>(a: T, length: number): T {
  const Ctor = a.constructor as new (n: number) => T;
  return new Ctor(length);
}

/** The values of `a` at `indices`, in the same sample type (so a 16-bit region stays 16-bit). */
export function gather<T extends PixelArray>(a: T, indices: Uint32Array): T {
  const out = similarPixels(a, indices.length);
  for (let k = 0; k < indices.length; k++) out[k] = a[indices[k] as number] as number;
  return out;
}

/** Minimum and maximum of an array (NaN-free input assumed; the readers reject NaN). */
export function minMax(a: ArrayLike<number>): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** Indices of the non-zero pixels of a binary mask or ROI image. */
export function regionFromMask(mask: ArrayLike<number>): Uint32Array {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) n++;
  const out = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) out[k++] = i;
  return out;
}

/**
 * One region per label of a label image (one integer per cell, 0 = background), as CellProfiler
 * or Cellpose write them. Returned in ascending label order; each list is in raster order, so a
 * cell's region is exactly what `regionFromMask(labels === id)` gives.
 */
export function regionsFromLabels(labels: ArrayLike<number>, o: { file?: string } = {}): Map<number, Uint32Array> {
  let maxLabel = 0;
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i] as number;
    if (v === 0) continue;
    if (!(Number.isInteger(v) && v > 0 && v <= MAX_LABEL)) {
      throw new InputError("a label image must hold whole numbers from 0 (background) to 16777215", {
        file: o.file,
        expected: "integer labels ≥ 0",
        got: v,
      });
    }
    if (v > maxLabel) maxLabel = v;
  }
  const counts = new Uint32Array(maxLabel + 1);
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i] as number;
    counts[v] = (counts[v] as number) + 1;
  }
  const lists = new Map<number, Uint32Array>();
  for (let id = 1; id <= maxLabel; id++) if (counts[id]) lists.set(id, new Uint32Array(counts[id] as number));
  const fill = new Uint32Array(maxLabel + 1);
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i] as number;
    if (v === 0) continue;
    (lists.get(v) as Uint32Array)[fill[v] as number] = i;
    fill[v] = (fill[v] as number) + 1;
  }
  return lists;
}

const MAX_LABEL = 16777215;

/** Throws an InputError unless both channels (and a mask, if given) have the image's pixel count. */
export function checkSameSize(
  dims: ImageDims,
  arrays: { name: string; data: ArrayLike<number>; file?: string }[],
): void {
  const n = dims.width * dims.height * dims.depth;
  for (const a of arrays) {
    if (a.data.length !== n) {
      throw new InputError(`${a.name} has ${a.data.length} pixels but the image has ${n}`, {
        file: a.file,
        expected: `${dims.width}×${dims.height}${dims.depth > 1 ? `×${dims.depth}` : ""} pixels`,
      });
    }
  }
}
