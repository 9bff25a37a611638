/**
 * The cytofluorogram of a co-localization analysis, as Fiji's Coloc 2 draws it: the 2-D histogram
 * of (channel 1, channel 2) intensities on a log colour scale, with the Costes regression line
 * ch2 = m·ch1 + b and the two thresholds. Plain SVG text (no DOM), so it renders the same in Node
 * (to PNG with resvg) and in the browser.
 */

export interface CytofluorogramInput {
  ch1: ArrayLike<number>;
  ch2: ArrayLike<number>;
  /** Pixel indices to include (a mask or a cell); all pixels when omitted. */
  region?: ArrayLike<number> | null;
  thresholds?: { ch1: number; ch2: number } | null;
  regression?: { slope: number; intercept: number } | null;
  label1?: string;
  label2?: string;
  title?: string;
  /** Bins per axis (default 128). */
  bins?: number;
}

/** Viridis at five stops (Smith & van der Walt, matplotlib's default colour map). */
const STOPS: [number, number, number][] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

function colour(t: number): string {
  const s = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(s));
  const f = s - i;
  const a = STOPS[i] as [number, number, number];
  const b = STOPS[i + 1] as [number, number, number];
  const c = (k: 0 | 1 | 2) => Math.round(a[k] + (b[k] - a[k]) * f);
  return `rgb(${c(0)},${c(1)},${c(2)})`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function tick(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e6 ? String(Number(v.toPrecision(4))) : v.toExponential(2);
}

export function cytofluorogramSvg(o: CytofluorogramInput): string {
  const bins = o.bins ?? 128;
  const n = o.region ? o.region.length : o.ch1.length;
  const at = (k: number) => (o.region ? (o.region[k] as number) : k);
  let min1 = Number.POSITIVE_INFINITY;
  let max1 = Number.NEGATIVE_INFINITY;
  let min2 = Number.POSITIVE_INFINITY;
  let max2 = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const a = o.ch1[at(k)] as number;
    const b = o.ch2[at(k)] as number;
    if (a < min1) min1 = a;
    if (a > max1) max1 = a;
    if (b < min2) min2 = b;
    if (b > max2) max2 = b;
  }
  if (!(max1 > min1)) max1 = min1 + 1;
  if (!(max2 > min2)) max2 = min2 + 1;
  const counts = new Float64Array(bins * bins);
  for (let k = 0; k < n; k++) {
    const i = Math.min(bins - 1, Math.floor((((o.ch1[at(k)] as number) - min1) / (max1 - min1)) * bins));
    const j = Math.min(bins - 1, Math.floor((((o.ch2[at(k)] as number) - min2) / (max2 - min2)) * bins));
    counts[j * bins + i] = (counts[j * bins + i] as number) + 1;
  }
  let top = 1;
  for (const c of counts) if (c > top) top = c;

  const size = 400;
  const left = 70;
  const topMargin = o.title ? 40 : 20;
  const cell = size / bins;
  const px = (v: number) => left + ((v - min1) / (max1 - min1)) * size;
  const py = (v: number) => topMargin + size - ((v - min2) / (max2 - min2)) * size;
  const parts: string[] = [];
  const width = left + size + 30;
  const height = topMargin + size + 60;
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<rect x="${left}" y="${topMargin}" width="${size}" height="${size}" fill="black"/>`,
  );
  if (o.title)
    parts.push(`<text x="${left + size / 2}" y="24" text-anchor="middle" font-size="14">${escapeXml(o.title)}</text>`);
  for (let j = 0; j < bins; j++) {
    for (let i = 0; i < bins; i++) {
      const c = counts[j * bins + i] as number;
      if (c === 0) continue;
      const x = left + i * cell;
      const y = topMargin + size - (j + 1) * cell;
      parts.push(
        `<rect x="${x.toFixed(2)}" y="${y.toFixed(2)}" width="${cell.toFixed(2)}" height="${cell.toFixed(2)}" fill="${colour(Math.log1p(c) / Math.log1p(top))}"/>`,
      );
    }
  }
  parts.push(`<g clip-path="url(#plot)">`);
  parts.push(`<clipPath id="plot"><rect x="${left}" y="${topMargin}" width="${size}" height="${size}"/></clipPath>`);
  if (o.regression && Number.isFinite(o.regression.slope)) {
    const { slope, intercept } = o.regression;
    parts.push(
      `<line x1="${px(min1).toFixed(2)}" y1="${py(slope * min1 + intercept).toFixed(2)}" x2="${px(max1).toFixed(2)}" y2="${py(slope * max1 + intercept).toFixed(2)}" stroke="white" stroke-width="1.5"/>`,
    );
  }
  if (o.thresholds) {
    const tx = px(o.thresholds.ch1).toFixed(2);
    const ty = py(o.thresholds.ch2).toFixed(2);
    parts.push(
      `<line x1="${tx}" y1="${topMargin}" x2="${tx}" y2="${topMargin + size}" stroke="#ff4040" stroke-width="1.5" stroke-dasharray="6 4"/>`,
      `<line x1="${left}" y1="${ty}" x2="${left + size}" y2="${ty}" stroke="#ff4040" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    );
  }
  parts.push(`</g>`);
  for (const f of [0, 0.5, 1]) {
    const v1 = min1 + f * (max1 - min1);
    const v2 = min2 + f * (max2 - min2);
    parts.push(
      `<text x="${px(v1).toFixed(1)}" y="${topMargin + size + 16}" text-anchor="middle">${tick(v1)}</text>`,
      `<text x="${left - 6}" y="${(py(v2) + 4).toFixed(1)}" text-anchor="end">${tick(v2)}</text>`,
    );
  }
  parts.push(
    `<text x="${left + size / 2}" y="${topMargin + size + 40}" text-anchor="middle">${escapeXml(o.label1 ?? "channel 1")}</text>`,
    `<text transform="translate(18 ${topMargin + size / 2}) rotate(-90)" text-anchor="middle">${escapeXml(o.label2 ?? "channel 2")}</text>`,
    "</svg>",
  );
  return parts.join("\n");
}
