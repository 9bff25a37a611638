/**
 * Pearson's r of the pixels below a threshold pair (ch1 < T1 or ch2 < T2), evaluated many times
 * by the Costes search. For 8/16-bit data the pixels are sorted once by ch1, brightest first
 * (a counting sort, O(n)); the below-threshold set is everything except the bright quadrant
 * {ch1 ≥ T1 and ch2 ≥ T2}, whose pixels form a prefix of that order, so each evaluation only
 * visits the pixels with ch1 ≥ T1 (usually a small share: the threshold lies above the
 * background). Sums are about the channel means, as in pearson.ts.
 */
import { pearsonThresholdedAbout } from "./pearson.ts";
import type { PixelArray } from "./pixels.ts";

export type BelowThresholdPearson = (t1: number, t2: number) => number;

export function belowThresholdPearson(x: PixelArray, y: PixelArray, mx: number, my: number): BelowThresholdPearson {
  if (
    !((x instanceof Uint8Array || x instanceof Uint16Array) && (y instanceof Uint8Array || y instanceof Uint16Array))
  ) {
    return (t1, t2) => pearsonThresholdedAbout(x, y, t1, t2, "below", mx, my);
  }
  const n = x.length;
  const levels = x instanceof Uint8Array ? 256 : 65536;
  const start = new Float64Array(levels + 1);
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i] as number;
    const dx = a - mx;
    const dy = (y[i] as number) - my;
    sx += dx;
    sy += dy;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
    const k = levels - 1 - a; // descending order of ch1
    start[k + 1] = (start[k + 1] as number) + 1;
  }
  for (let k = 1; k <= levels; k++) start[k] = (start[k] as number) + (start[k - 1] as number);
  const xs = new (x.constructor as new (n: number) => Uint8Array | Uint16Array)(n);
  const ys = new (y.constructor as new (n: number) => Uint8Array | Uint16Array)(n);
  const fill = start.slice(0, levels);
  for (let i = 0; i < n; i++) {
    const a = x[i] as number;
    const k = levels - 1 - a;
    const at = fill[k] as number;
    xs[at] = a;
    ys[at] = y[i] as number;
    fill[k] = at + 1;
  }
  return (t1, t2) => {
    // pixels with ch1 ≥ T1 are the prefix [0, end): the levels above T1 in descending order
    const level = Math.ceil(t1);
    const end = level <= 0 ? n : level > levels - 1 ? 0 : (start[levels - level] as number);
    let qn = 0;
    let qx = 0;
    let qy = 0;
    let qxx = 0;
    let qyy = 0;
    let qxy = 0;
    for (let i = 0; i < end; i++) {
      const b = ys[i] as number;
      if (b < t2) continue;
      const dx = (xs[i] as number) - mx;
      const dy = b - my;
      qn++;
      qx += dx;
      qy += dy;
      qxx += dx * dx;
      qyy += dy * dy;
      qxy += dx * dy;
    }
    const m = n - qn;
    if (m < 2) return Number.NaN;
    const bx = sx - qx;
    const by = sy - qy;
    const cxy = sxy - qxy - (bx * by) / m;
    const cxx = sxx - qxx - (bx * bx) / m;
    const cyy = syy - qyy - (by * by) / m;
    if (!(cxx > 0 && cyy > 0)) return Number.NaN;
    return cxy / Math.sqrt(cxx * cyy);
  };
}
