/**
 * The dose–response figure a paper can use: log-x concentration axis with a broken segment on the
 * left for the zero-dose (vehicle) wells, every replicate as a faint point, the mean ± SD at each
 * concentration, each fitted curve with its pointwise 95 % confidence band, and a dashed marker at
 * each IC50 (or GR50). Plot draws the chart inside margins that `figureLayout` computed from the
 * data; the legend goes outside the frame (layout.ts) and is appended as plain SVG, so the result
 * is one standalone SVG. Works in the browser (pass `document`) and in Node (linkedom).
 */
import * as Plot from "@observablehq/plot";
import { type FigureLayout, FONT_SIZE, figureLayout, POINT_RADIUS, X_TITLE_OFFSET } from "./layout.ts";
import { drawLegend, type SvgDocument, type SvgNode } from "./legend.ts";
import { seriesStyle } from "./series-style.ts";

export interface FigurePoint {
  concentration_nM: number;
  response: number;
}

export interface FigureCurve {
  /** The series' name in the legend, e.g. "BT-474 · T-DM1". */
  id: string;
  /** Every well, zero-dose wells included (concentration 0). */
  points: FigurePoint[];
  /** The fitted curve on a grid of positive concentrations, with an optional confidence band. */
  fitted?: { concentration_nM: number[]; response: number[]; lower?: number[]; upper?: number[] };
  /** Where to mark the IC50: only drawn when it was estimated (qualifier "=") and lies on the axis. */
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
  /** Size of the chart (axes and frame), default 640 × 400; the legend widens or lengthens the canvas. */
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
export interface FigureElement extends SvgNode {
  outerHTML: string;
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

/** Build the figure as an SVG element of `document`. */
export function doseResponseFigure(spec: DoseResponseFigureSpec, document: FigureDocument): FigureElement {
  return drawFigure(spec, document).svg;
}

/** The figure and the layout it was drawn with (for tests that check the geometry). */
export function drawFigure(
  spec: DoseResponseFigureSpec,
  document: FigureDocument,
): { svg: FigureElement; layout: FigureLayout } {
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
    // Only inside the positive doses' axis: a marker beyond it would sit outside the frame.
    const ic50x = (c.ic50?.value_nM ?? Number.NaN) * k;
    if (c.ic50 && c.ic50.qualifier === "=" && ic50x >= minPos / 2 && ic50x <= maxPos * 2) {
      ic50s.push({ id: c.id, x: ic50x, y: c.ic50.response, y0: 0 });
    }
  }
  const yFloor = Math.min(0, yMin, ...fitted.map((r) => r.lo ?? r.y));
  for (const m of ic50s) m.y0 = yFloor;

  const drawnY = [
    ...replicates.map((r) => r.y),
    ...summaries.flatMap((r) => [r.lo, r.hi]),
    ...fitted.flatMap((r) => [r.y, r.lo ?? r.y, r.hi ?? r.y]),
    ...ic50s.flatMap((r) => [r.y, r.y0]),
    ...(spec.yRule !== undefined ? [spec.yRule] : []),
  ].filter(Number.isFinite);
  const layout = figureLayout({
    series: spec.curves.map((c) => ({ id: c.id, line: c.fitted !== undefined })),
    yExtent: [Math.min(...drawnY), Math.max(...drawnY)],
    yLabel: spec.yLabel,
    ...(spec.title ? { title: spec.title } : {}),
    ...(spec.width !== undefined ? { width: spec.width } : {}),
    ...(spec.height !== undefined ? { height: spec.height } : {}),
  });
  const ticks = [
    ...(hasZero ? [zeroX] : []),
    ...decades(minPos, maxPos).filter((t) => t >= minPos / 1.0001 && t <= maxPos * 3.2),
  ];
  const ids = spec.curves.map((c) => c.id);
  const styles = ids.map((_, i) => seriesStyle(i, ids.length));
  // Past ten series the marker tells series of the same colour apart (series-style.ts).
  const symbol = styles.some((s) => s.symbol.name !== "circle")
    ? { symbol: "id", symbolScale: { domain: ids, range: styles.map((s) => s.symbol) } }
    : undefined;
  const bandRows = fitted.filter((r) => r.lo !== undefined);
  const { margin } = layout;
  const svg = Plot.plot({
    document,
    width: layout.width,
    height: layout.height,
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    marginLeft: margin.left,
    style: { fontSize: `${FONT_SIZE}px`, fontFamily: "DejaVu Sans, Arial, sans-serif", background: "white" },
    x: {
      type: "log",
      domain: [hasZero ? zeroX / 2 : minPos / 2, maxPos * 2],
      ticks,
      tickFormat: (v: number) => (hasZero && Math.abs(Math.log10(v / zeroX)) < 1e-6 ? "0" : tickLabel(v)),
      label: `Concentration (${spec.unit.label})`,
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: X_TITLE_OFFSET,
    },
    // The y title runs along the axis, clear of the tick labels (the layout sized the margin).
    y: {
      label: layout.y.label,
      labelAnchor: "center",
      labelArrow: "none",
      grid: true,
      domain: layout.y.domain,
      ticks: layout.y.ticks,
      tickFormat: layout.y.tickFormat,
    },
    color: { type: "categorical", domain: ids, range: styles.map((s) => s.color) },
    ...(symbol ? { symbol: symbol.symbolScale } : {}),
    marks: [
      ...(spec.yRule !== undefined ? [Plot.ruleY([spec.yRule], { stroke: "#888", strokeDasharray: "2,2" })] : []),
      Plot.areaY(bandRows, { x: "x", y1: "lo", y2: "hi", fill: "id", fillOpacity: 0.15, z: "id", clip: true }),
      Plot.line(fitted, { x: "x", y: "y", stroke: "id", strokeWidth: 1.75, z: "id", clip: true }),
      Plot.ruleX(ic50s, { x: "x", y1: "y0", y2: "y", stroke: "id", strokeDasharray: "4,3" }),
      Plot.dot(ic50s, { x: "x", y: "y", stroke: "id", fill: "white", symbol: "diamond", r: 4.5 }),
      Plot.dot(replicates, { x: "x", y: "y", stroke: "id", r: 1.8, strokeOpacity: 0.45 }),
      Plot.ruleX(summaries, { x: "x", y1: "lo", y2: "hi", stroke: "id" }),
      Plot.dot(summaries, {
        x: "x",
        y: "y",
        fill: "id",
        r: POINT_RADIUS,
        ...(symbol ? { symbol: symbol.symbol } : {}),
      }),
      ...(hasZero
        ? [Plot.text([breakX], { x: (d: number) => d, frameAnchor: "bottom", text: () => "//", dy: 8, fontSize: 13 })]
        : []),
    ],
  }) as unknown as FigureElement;
  svg.setAttribute("xmlns", SVG_NS);
  drawLegend(svg, document as unknown as SvgDocument, layout);
  return { svg, layout };
}

/** The figure as standalone SVG text (with the XML namespace, so it opens in any viewer). */
export function doseResponseSvg(spec: DoseResponseFigureSpec, document: FigureDocument): string {
  return doseResponseFigure(spec, document).outerHTML;
}
