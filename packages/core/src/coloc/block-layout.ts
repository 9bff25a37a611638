/**
 * The blocks of Costes' significance test (costes-test.ts): the region's bounding box tiled with
 * k×k (k×k×k in a z-stack) blocks, its pixels split into full blocks (wholly inside the region
 * and the image), which move as units when shuffled, and edge pixels, which are shuffled one by one.
 */
import type { ImageDims } from "./pixels.ts";

export interface BlockLayout {
  blockPixels: number;
  /**
   * The first (lowest z, y, x) pixel of each full block, in scan order. A full block is a whole
   * k×k(×k) cube, so its pixels are that index plus `offsets`: one number per block instead of
   * one per pixel (a 2048² image: 1.8 MB instead of 16 MB).
   */
  blockStarts: Uint32Array;
  /** Index offsets of a block's pixels from its first, in z, y, x order (blockPixels of them). */
  offsets: Uint32Array;
  /** Region pixels in blocks that are not wholly inside the region, in the same scan order. */
  edge: Uint32Array;
}

/** Index offsets of the pixels of a k×k(×kz) block from its first pixel, in z, y, x order. */
function blockOffsets(width: number, height: number, k: number, kz: number): Uint32Array {
  const out = new Uint32Array(k * k * kz);
  let j = 0;
  for (let z = 0; z < kz; z++)
    for (let y = 0; y < k; y++) for (let x = 0; x < k; x++) out[j++] = (z * height + y) * width + x;
  return out;
}

/** Tiles the region's bounding box with k×k(×k) blocks and splits its pixels into full blocks and edge pixels. */
export function blockLayout(dims: ImageDims, region: Uint32Array | null, k: number): BlockLayout {
  if (!region) return wholeImageLayout(dims, k);
  const { width, height, depth } = dims;
  const box = boundingBox(dims, region);
  const kz = depth > 1 ? k : 1;
  const blockPixels = k * k * kz;
  const starts: number[] = [];
  const edge: number[] = []; // usually a thin strip: grown as needed rather than sized for the worst case
  const scratch = new Uint32Array(blockPixels);
  const { x0, y0, z0, x1, y1, z1, inBox } = box;
  const boxWidth = x1 - x0 + 1;
  const boxHeight = y1 - y0 + 1;
  for (let bz = z0; bz <= z1; bz += kz) {
    for (let by = y0; by <= y1; by += k) {
      for (let bx = x0; bx <= x1; bx += k) {
        let m = 0;
        let complete = true;
        for (let z = bz; z < bz + kz; z++) {
          for (let y = by; y < by + k; y++) {
            for (let x = bx; x < bx + k; x++) {
              const outside =
                x >= width ||
                y >= height ||
                z >= depth ||
                x > x1 ||
                y > y1 ||
                z > z1 ||
                inBox[((z - z0) * boxHeight + (y - y0)) * boxWidth + (x - x0)] === 0;
              if (outside) complete = false;
              else scratch[m++] = z * width * height + y * width + x;
            }
          }
        }
        if (complete) starts.push(scratch[0] as number);
        else for (let i = 0; i < m; i++) edge.push(scratch[i] as number);
      }
    }
  }
  return {
    blockPixels,
    blockStarts: Uint32Array.from(starts),
    offsets: blockOffsets(width, height, k, kz),
    edge: Uint32Array.from(edge),
  };
}

/**
 * blockLayout of the whole image, in the same order: without a region a block is partial only at
 * the image's far edges, so there is no per-pixel membership test.
 */
function wholeImageLayout(dims: ImageDims, k: number): BlockLayout {
  const { width, height, depth } = dims;
  const kz = depth > 1 ? k : 1;
  const plane = width * height;
  const blocksX = Math.floor(width / k);
  const blocksY = Math.floor(height / k);
  const blocksZ = Math.floor(depth / kz);
  const starts = new Uint32Array(blocksX * blocksY * blocksZ);
  const edge: number[] = [];
  let nFull = 0;
  for (let bz = 0; bz < depth; bz += kz) {
    for (let by = 0; by < height; by += k) {
      for (let bx = 0; bx < width; bx += k) {
        if (bx + k <= width && by + k <= height && bz + kz <= depth) {
          starts[nFull++] = bz * plane + by * width + bx;
          continue;
        }
        const zEnd = Math.min(bz + kz, depth);
        const yEnd = Math.min(by + k, height);
        const xEnd = Math.min(bx + k, width);
        for (let z = bz; z < zEnd; z++) {
          for (let y = by; y < yEnd; y++) for (let x = bx; x < xEnd; x++) edge.push(z * plane + y * width + x);
        }
      }
    }
  }
  return {
    blockPixels: k * k * kz,
    blockStarts: starts,
    offsets: blockOffsets(width, height, k, kz),
    edge: Uint32Array.from(edge),
  };
}

/**
 * The region's bounding box and its membership over the box only (a label image's cells are
 * small, the image is not).
 */
function boundingBox(
  dims: ImageDims,
  region: Uint32Array,
): { x0: number; y0: number; z0: number; x1: number; y1: number; z1: number; inBox: Uint8Array } {
  const { width, height, depth } = dims;
  const plane = width * height;
  const coords = (p: number) => {
    const z = Math.floor(p / plane);
    const rem = p - z * plane;
    const y = Math.floor(rem / width);
    return { x: rem - y * width, y, z };
  };
  let x0 = width;
  let y0 = height;
  let z0 = depth;
  let x1 = -1;
  let y1 = -1;
  let z1 = -1;
  for (let i = 0; i < region.length; i++) {
    const { x, y, z } = coords(region[i] as number);
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
    if (z < z0) z0 = z;
    if (z > z1) z1 = z;
  }
  const inBox = new Uint8Array(Math.max(0, (x1 - x0 + 1) * (y1 - y0 + 1) * (z1 - z0 + 1)));
  for (let i = 0; i < region.length; i++) {
    const { x, y, z } = coords(region[i] as number);
    inBox[((z - z0) * (y1 - y0 + 1) + (y - y0)) * (x1 - x0 + 1) + (x - x0)] = 1;
  }
  return { x0, y0, z0, x1, y1, z1, inBox };
}
