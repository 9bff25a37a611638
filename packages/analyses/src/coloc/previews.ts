/**
 * What the user needs to pick channels: the image's sizes, sample type, channel names, and one
 * small contrast-stretched preview per channel (maximum projection over the slices of the first
 * time point, shrunk to at most `maxSize` pixels on its long side by averaging blocks, the
 * intensities stretched between the 0.35th and 99.65th percentiles as ImageJ's "Auto" contrast
 * saturates 0.35 % of the pixels).
 */
import { type PixelArray, readTiff } from "@adclab/core";
import { greyPng } from "./png.ts";
import type { ColocFile } from "./read.ts";

export interface ColocChannelPreview {
  index: number;
  name: string | null;
  /** The intensities mapped to black and white in the preview. */
  displayRange: { low: number; high: number };
  png: Uint8Array;
  previewWidth: number;
  previewHeight: number;
}

export interface ColocImageInfo {
  file: string;
  format: string;
  width: number;
  height: number;
  channels: number;
  slices: number;
  frames: number;
  sampleType: string;
  pixelSize: { x: number; y: number; z?: number; unit: string } | null;
  previews: ColocChannelPreview[];
}

const SATURATED = 0.0035;

export async function colocImageInfo(file: ColocFile, o: { maxSize?: number } = {}): Promise<ColocImageInfo> {
  const stack = await readTiff(file.bytes, { file: file.name });
  const maxSize = o.maxSize ?? 256;
  const previews: ColocChannelPreview[] = [];
  for (let c = 0; c < stack.channels; c++) {
    const projection = new Float64Array(stack.width * stack.height).fill(Number.NEGATIVE_INFINITY);
    for (let z = 0; z < stack.slices; z++) maxInto(projection, await stack.readPlane(c, z, 0));
    const shrunk = shrink(projection, stack.width, stack.height, maxSize);
    const { low, high } = percentileRange(shrunk.values, SATURATED);
    const grey = new Uint8Array(shrunk.values.length);
    const span = high - low;
    for (let i = 0; i < grey.length; i++) {
      const t = span > 0 ? ((shrunk.values[i] as number) - low) / span : 0;
      grey[i] = Math.round(255 * Math.min(1, Math.max(0, t)));
    }
    previews.push({
      index: c + 1,
      name: stack.channelNames[c] ?? null,
      displayRange: { low, high },
      png: greyPng(grey, shrunk.width, shrunk.height),
      previewWidth: shrunk.width,
      previewHeight: shrunk.height,
    });
  }
  return {
    file: file.name,
    format: stack.format,
    width: stack.width,
    height: stack.height,
    channels: stack.channels,
    slices: stack.slices,
    frames: stack.frames,
    sampleType: stack.sampleType,
    pixelSize: stack.pixelSize ?? null,
    previews,
  };
}

function maxInto(acc: Float64Array, plane: PixelArray) {
  for (let i = 0; i < acc.length; i++) {
    const v = plane[i] as number;
    if (v > (acc[i] as number)) acc[i] = v;
  }
}

/** Block means with an integer factor, so that the long side is at most maxSize. */
export function shrink(values: Float64Array, width: number, height: number, maxSize: number) {
  const f = Math.max(1, Math.ceil(Math.max(width, height) / maxSize));
  const w = Math.ceil(width / f);
  const h = Math.ceil(height / f);
  const out = new Float64Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      let n = 0;
      for (let yy = y * f; yy < Math.min(height, (y + 1) * f); yy++) {
        for (let xx = x * f; xx < Math.min(width, (x + 1) * f); xx++) {
          s += values[yy * width + xx] as number;
          n++;
        }
      }
      out[y * w + x] = s / n;
    }
  }
  return { values: out, width: w, height: h };
}

/** The values at the `saturated` and 1 − `saturated` quantiles (nearest rank). */
export function percentileRange(values: Float64Array, saturated: number) {
  const s = Float64Array.from(values).sort();
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.floor(q * (s.length - 1) + 0.5)))] as number;
  return { low: at(saturated), high: at(1 - saturated) };
}
