/**
 * The dose–response figure a paper can use: log-x concentration axis with a broken segment on the
 * left for the zero-dose (vehicle) wells, every replicate as a faint point, the mean ± SD at each
 * concentration, each fitted curve with its pointwise 95 % confidence band, and a dashed marker at
 * each IC50 (or GR50). The legend sits in its own column right of the frame, so it never covers
 * data; it is part of the SVG (no HTML legend), so the result is one standalone file. Works in the
 * browser (pass `document`) and in Node (linkedom).
 */
import * as Plot from "@observablehq/plot";

export interface FigurePoint {
  concentration_nM: number;
  response: number;
}

export interface FigureCurve {
  /** Label drawn at the curve's right end, e.g. "BT-474 · T-DM1". */
  id: string;
  /** Every well, zero-dose wells included (concentration 0). */
  points: FigurePoint[];
  /** The fitted curve on a grid of positive concentrations, with an optional confidence band. */
  fitted?: { concentration_nM: number[]; response: number[]; lower?: number[]; upper?: number[] };
  /** Where to mark the IC50: only drawn when it lies in the tested range (qualifier "="). */
  ic50?: { value_nM: number; qualifier: "=" | ">" | "<"; response: number };
}

export interface DoseResponseFigureSpec {
  curves: FigureCurve[];
  /** Concentration unit of the axis and the factor from nM to it (µM: 1e-3). */
  unit: { label: string; perNanomolar: number };
  /** y-axis label, e.g. "Viability (% of vehicle)" or "GR value". */
  yLabel: string;
  title?: string;
  /** Draw a horizontal reference line (e.g. 0 for GR). */
  yRule?: number;
  width?: number;
  height?: number;
}

interface Row {
  id: string;
  x: number;
  y: number;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** The DOM document Plot renders into (the browser's, or linkedom's in Node). */
export type FigureDocument = NonNullable<Plot.PlotOptions["document"]>;

/** What we use of the rendered root element (no DOM lib needed to type-check). */
export interface FigureElement {
  outerHTML: string;
  setAttribute(name: string, value: string): void;
}

function meanSd(ys: number[]): { mean: number; sd: number } {
  const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
  const sd = ys.length > 1 ? Math.sqrt(ys.reduce((a, y) => a + (y - mean) ** 2, 0) / (ys.length - 1)) : 0;
  return { mean, sd };
}

/** Powers of ten covering [lo, hi]. */
function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

/** "~g"-style tick label without trailing zeros: 0.001, 0.1, 1, 1000, 1e+5 for large. */
function tickLabel(v: number): string {
  if (v >= 1e5 || v < 1e-4) return v.toExponential(0);
  return String(Number(v.toPrecision(6)));
}

const FONT_PX = 12;
/**
 * Average advance of DejaVu Sans (the font the PNG renderer has) for mixed labels, in ems: an upper
 * estimate (measured labels run 0.45–0.5 em a character), used to size the legend column.
 */
const DEJAVU_EM_PER_CHAR = 0.55;
/** Plot's text measure (Helvetica-like widths, which decides where "…" cuts) over DejaVu Sans' advance, with margin: DejaVu runs wider, so cut a little early. */
const PLOT_OVER_DEJAVU = 0.75;
const LEGEND = { gap: 14, swatch: 30, pad: 8, rowPx: 18, maxTextPx: 300 } as const;

/**
 * The legend column: its width in px (the canvas grows by it, so the plot area keeps its size) and,
 * when a label needs more than the column's cap, the line width in Plot's ems beyond which labels
 * end in "…" (the full text stays in the SVG as a <title>).
 */
export function legendColumn(ids: readonly string[]): { width: number; textEms?: number } {
  const longest = Math.max(...ids.map((id) => id.length), 1);
  const wanted = longest * DEJAVU_EM_PER_CHAR * FONT_PX;
  const textPx = Math.min(LEGEND.maxTextPx, wanted);
  const width = LEGEND.gap + LEGEND.swatch + textPx + LEGEND.pad;
  return wanted > LEGEND.maxTextPx ? { width, textEms: (textPx / FONT_PX) * PLOT_OVER_DEJAVU } : { width };
}

/** Build the figure as an SVG element of `document`. */
export function doseResponseFigure(spec: DoseResponseFigureSpec, document: FigureDocument): FigureElement {
  const k = spec.unit.perNanomolar;
  const positive = spec.curves.flatMap((c) =>
    c.points.filter((p) => p.concentration_nM > 0).map((p) => p.concentration_nM * k),
  );
  if (positive.length === 0) throw new RangeError("a dose–response figure needs positive concentrations");
  const minPos = Math.min(...positive);
  const maxPos = Math.max(...positive);
  // The broken segment: zero-dose wells sit on a power of ten 1–2 decades left of the lowest dose
  // (a decade, because Plot labels only decades on a log axis), with the break mark halfway.
  const zeroX = 10 ** (Math.ceil(Math.log10(minPos) - 1e-9) - 2);
  const breakX = Math.sqrt(zeroX * minPos);
  const hasZero = spec.curves.some((c) => c.points.some((p) => p.concentration_nM === 0));
  const xOf = (nM: number) => (nM > 0 ? nM * k : zeroX);

  const replicates: Row[] = [];
  const summaries: (Row & { lo: number; hi: number })[] = [];
  const fitted: (Row & { lo?: number; hi?: number })[] = [];
  const ic50s: (Row & { y0: number })[] = [];
  let yMin = Number.POSITIVE_INFINITY;
  for (const c of spec.curves) {
    const byX = new Map<number, number[]>();
    for (const p of c.points) {
      const x = xOf(p.concentration_nM);
      replicates.push({ id: c.id, x, y: p.response });
      byX.set(x, [...(byX.get(x) ?? []), p.response]);
      yMin = Math.min(yMin, p.response);
    }
    for (const [x, ys] of [...byX].sort((a, b) => a[0] - b[0])) {
      const { mean, sd } = meanSd(ys);
      summaries.push({ id: c.id, x, y: mean, lo: mean - sd, hi: mean + sd });
    }
    if (c.fitted) {
      const f = c.fitted;
      f.concentration_nM.forEach((nM, i) => {
        const row: Row & { lo?: number; hi?: number } = { id: c.id, x: nM * k, y: f.response[i]! };
        if (f.lower && f.upper) {
          row.lo = f.lower[i]!;
          row.hi = f.upper[i]!;
        }
        fitted.push(row);
      });
    }
    if (c.ic50 && c.ic50.qualifier === "=") {
      ic50s.push({ id: c.id, x: c.ic50.value_nM * k, y: c.ic50.response, y0: 0 });
    }
  }
  const yFloor = Math.min(0, yMin, ...fitted.map((r) => r.lo ?? r.y));
  for (const m of ic50s) m.y0 = yFloor;

  const ticks = [
    ...(hasZero ? [zeroX] : []),
    ...decades(minPos, maxPos).filter((t) => t >= minPos / 1.0001 && t <= maxPos * 3.2),
  ];
  const ids = spec.curves.map((c) => c.id);
  const bandRows = fitted.filter((r) => r.lo !== undefined);
  const legend = legendColumn(ids);
  const svg = Plot.plot({
    document,
    width: (spec.width ?? 640) + legend.width,
    height: spec.height ?? 400,
    marginLeft: 56,
    marginRight: 24 + legend.width,
    marginBottom: 44,
    // Room between the y-axis title and the top tick label.
    marginTop: 32,
    style: { fontSize: "12px", fontFamily: "DejaVu Sans, Arial, sans-serif", background: "white" },
    ...(spec.title ? { title: spec.title } : {}),
    x: {
      type: "log",
      domain: [hasZero ? zeroX / 2 : minPos / 2, maxPos * 2],
      ticks,
      tickFormat: (v: number) => (hasZero && Math.abs(Math.log10(v / zeroX)) < 1e-6 ? "0" : tickLabel(v)),
      label: `Concentration (${spec.unit.label})`,
      labelAnchor: "center",
      labelArrow: "none",
    },
    y: { label: spec.yLabel, labelArrow: "none", grid: true, nice: true },
    color: { type: "categorical", domain: ids },
    marks: [
      ...(spec.yRule !== undefined ? [Plot.ruleY([spec.yRule], { stroke: "#888", strokeDasharray: "2,2" })] : []),
      Plot.areaY(bandRows, { x: "x", y1: "lo", y2: "hi", fill: "id", fillOpacity: 0.15, z: "id", clip: true }),
      Plot.line(fitted, { x: "x", y: "y", stroke: "id", strokeWidth: 1.75, z: "id", clip: true }),
      Plot.ruleX(ic50s, { x: "x", y1: "y0", y2: "y", stroke: "id", strokeDasharray: "4,3" }),
      Plot.dot(ic50s, { x: "x", y: "y", stroke: "id", fill: "white", symbol: "diamond", r: 4.5 }),
      Plot.dot(replicates, { x: "x", y: "y", stroke: "id", r: 1.8, strokeOpacity: 0.45 }),
      Plot.ruleX(summaries, { x: "x", y1: "lo", y2: "hi", stroke: "id" }),
      Plot.dot(summaries, { x: "x", y: "y", fill: "id", r: 3.2 }),
      // Legend right of the frame (whose right edge is the anchor): per curve a swatch in its colour
      // (line and mean marker, as drawn) and then its label.
      ...ids.flatMap((id, i) => [
        Plot.text([id], {
          className: "legend-swatch",
          frameAnchor: "top-right",
          textAnchor: "start",
          text: () => "━●━",
          fill: () => id,
          dx: 24 + LEGEND.gap,
          dy: LEGEND.rowPx * i,
        }),
        Plot.text([id], {
          className: "legend-label",
          frameAnchor: "top-right",
          textAnchor: "start",
          text: (d: string) => d,
          title: (d: string) => d,
          fill: "currentColor",
          ...(legend.textEms === undefined ? {} : { lineWidth: legend.textEms, textOverflow: "ellipsis" as const }),
          dx: 24 + LEGEND.gap + LEGEND.swatch,
          dy: LEGEND.rowPx * i,
        }),
      ]),
      ...(hasZero
        ? [Plot.text([breakX], { x: (d: number) => d, frameAnchor: "bottom", text: () => "//", dy: 8, fontSize: 13 })]
        : []),
    ],
  }) as unknown as FigureElement;
  svg.setAttribute("xmlns", SVG_NS);
  return svg;
}

/** The figure as standalone SVG text (with the XML namespace, so it opens in any viewer). */
export function doseResponseSvg(spec: DoseResponseFigureSpec, document: FigureDocument): string {
  return doseResponseFigure(spec, document).outerHTML;
}
