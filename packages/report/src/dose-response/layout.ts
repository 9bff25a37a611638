/**
 * Where everything of the dose–response figure goes, computed from the data alone (no DOM), so
 * that the drawing code only places what this decides and tests can check the geometry:
 *
 * - the y axis: the nice domain, ticks and tick labels that d3 (and so Plot) would choose, so the
 *   left margin fits the widest tick label and the y title, rotated along the axis, clears them;
 * - the legend, outside the plot frame so it never covers data: a column to the right of the
 *   frame when it fits in the frame's height, otherwise rows of columns below the x-axis title.
 *   Each entry is a swatch (the series' line and point marker) and then its label, wrapped to two
 *   lines and cut with "…" beyond that (the full text goes in an SVG <title>).
 * The canvas grows by the legend's size; the chart itself keeps `width` × `height`.
 */
import { ticks as linearTicks, nice, tickStep } from "d3-array";
import { format, precisionFixed } from "d3-format";
import { type SeriesSymbol, seriesStyle } from "./series-style.ts";
import { fitLabel, textWidth } from "./text.ts";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const FONT_SIZE = 12;
/** Line pitch of legend labels, px. */
export const LINE_HEIGHT = 15;
/** DejaVu Sans ascent and descent in em (hhea), for text boxes. */
export const ASCENT = 0.928;
export const DESCENT = 0.236;
/** Legend swatch: a line this long with the point marker in its middle. */
export const SWATCH_WIDTH = 24;
/** Radius of the mean points and of the swatch's marker. */
export const POINT_RADIUS = 3.2;
const SWATCH_GAP = 6;
const ROW_GAP = 5;
const COLUMN_GAP = 20;
/** Widest a legend label may be before it wraps. */
export const LABEL_MAX_WIDTH = 180;
const LABEL_MAX_LINES = 2;
/** Space between the frame (or the x-axis title) and the legend, and around the canvas's edge. */
const LEGEND_PAD = 16;
const EDGE = 10;
const TICK_SIZE = 6;
const TICK_PADDING = 3;
/** Plot places the rotated y title's top edge this far from the canvas's left edge. */
const Y_TITLE_INSET = 3;
const Y_TITLE_GAP = 8;
/** From the frame's bottom to the x title's bottom edge (ticks, tick labels, title). */
export const X_TITLE_OFFSET = 41;
const MARGIN_TOP = 14;
const TITLE_HEIGHT = 26;
const MARGIN_RIGHT = 24;

export interface LegendEntry {
  id: string;
  color: string;
  symbol: SeriesSymbol;
  /** Whether the series has a fitted curve (the swatch then has a line). */
  line: boolean;
  lines: string[];
  truncated: boolean;
  /** The entry's box: swatch and text. */
  box: Rect;
  /** The swatch's line runs from x1 to x2 at y; its marker sits at ((x1 + x2) / 2, y). */
  swatch: { x1: number; x2: number; y: number };
  /** Left edge of the label and the baseline of its first line. */
  text: { x: number; y: number };
}

export interface FigureLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** The plot frame (the area of the data). */
  frame: Rect;
  y: { domain: [number, number]; ticks: number[]; tickFormat: (v: number) => string; label: string };
  title?: { text: string; x: number; y: number };
  legend: { placement: "right" | "bottom"; entries: LegendEntry[] };
}

export interface LayoutInput {
  series: { id: string; line: boolean }[];
  /** Smallest and largest y value drawn (points, error bars, bands, markers, rules). */
  yExtent: [number, number];
  yLabel: string;
  title?: string;
  /** Size of the chart (axes and frame) without the legend. */
  width?: number;
  height?: number;
}

interface Sized {
  id: string;
  line: boolean;
  lines: string[];
  truncated: boolean;
  width: number;
  height: number;
}

function place(s: Sized, index: number, count: number, x: number, y: number): LegendEntry {
  const { color, symbol } = seriesStyle(index, count);
  const lineMid = y + LINE_HEIGHT / 2;
  return {
    id: s.id,
    color,
    symbol,
    line: s.line,
    lines: s.lines,
    truncated: s.truncated,
    box: { x, y, width: s.width, height: s.height },
    swatch: { x1: x, x2: x + SWATCH_WIDTH, y: lineMid },
    // The first line's text box (ascent + descent) centred on the swatch.
    text: { x: x + SWATCH_WIDTH + SWATCH_GAP, y: lineMid + ((ASCENT - DESCENT) / 2) * FONT_SIZE },
  };
}

/** The layout of a figure with these series and this y range. */
export function figureLayout(input: LayoutInput): FigureLayout {
  const chartWidth = input.width ?? 640;
  const chartHeight = input.height ?? 400;
  const [lo, hi] = input.yExtent;
  const domain = lo === hi ? nice(lo - 1, hi + 1, 10) : nice(lo, hi, 10);
  const top = MARGIN_TOP + (input.title ? TITLE_HEIGHT : 0);
  const bottom = X_TITLE_OFFSET + 3;
  const frameHeight = chartHeight - top - bottom;
  // About one tick per 35 px, as Plot; labels as d3's linear tickFormat (",f" at the step's
  // precision, "−" for minus).
  const count = frameHeight / 35;
  const ticks = linearTicks(domain[0], domain[1], count);
  const tickFormat = format(`,.${precisionFixed(tickStep(domain[0], domain[1], count))}f`);
  const tickWidth = Math.max(...ticks.map((t) => textWidth(tickFormat(t), FONT_SIZE)));
  const yTitleWidth = (ASCENT + DESCENT) * FONT_SIZE;
  const left = Math.ceil(Y_TITLE_INSET + yTitleWidth + Y_TITLE_GAP + tickWidth + TICK_PADDING + TICK_SIZE);
  const yLabel = fitLabel(input.yLabel, frameHeight, FONT_SIZE, 1).lines[0]!;

  const sized: Sized[] = input.series.map((s) => {
    const { lines, truncated } = fitLabel(s.id, LABEL_MAX_WIDTH, FONT_SIZE, LABEL_MAX_LINES);
    const text = Math.max(...lines.map((l) => textWidth(l, FONT_SIZE)));
    return { ...s, lines, truncated, width: SWATCH_WIDTH + SWATCH_GAP + text, height: lines.length * LINE_HEIGHT };
  });
  const n = sized.length;
  const columnWidth = Math.max(0, ...sized.map((s) => s.width));
  const columnHeight = sized.reduce((a, s) => a + s.height, 0) + ROW_GAP * Math.max(0, n - 1);

  let width = chartWidth;
  let height = chartHeight;
  let right = MARGIN_RIGHT;
  let entries: LegendEntry[];
  let placement: "right" | "bottom";
  if (columnHeight <= frameHeight) {
    // One column beside the frame, level with its top.
    placement = "right";
    right = LEGEND_PAD + Math.ceil(columnWidth) + EDGE;
    width = chartWidth - MARGIN_RIGHT + right;
    const x = width - right + LEGEND_PAD;
    let y = top;
    entries = sized.map((s, i) => {
      const e = place(s, i, n, x, y);
      y += s.height + ROW_GAP;
      return e;
    });
  } else {
    // Rows below the x title, as many columns as the chart's width holds, rows balanced.
    placement = "bottom";
    const fit = Math.max(1, Math.floor((chartWidth - 2 * EDGE + COLUMN_GAP) / (columnWidth + COLUMN_GAP)));
    const rows = Math.ceil(n / Math.min(fit, n));
    const columns = Math.ceil(n / rows);
    const rowHeights = Array.from({ length: rows }, (_, r) =>
      Math.max(...sized.slice(r * columns, (r + 1) * columns).map((s) => s.height)),
    );
    const blockWidth = columns * columnWidth + (columns - 1) * COLUMN_GAP;
    const x0 = Math.max(EDGE, (chartWidth - blockWidth) / 2);
    const y0 = chartHeight + LEGEND_PAD - 3;
    entries = sized.map((s, i) => {
      const r = Math.floor(i / columns);
      const c = i % columns;
      const y = y0 + rowHeights.slice(0, r).reduce((a, h) => a + h + ROW_GAP, 0);
      return place(s, i, n, x0 + c * (columnWidth + COLUMN_GAP), y);
    });
    const blockHeight = rowHeights.reduce((a, h) => a + h, 0) + ROW_GAP * (rows - 1);
    height = Math.ceil(y0 + blockHeight + EDGE);
    width = Math.max(chartWidth, Math.ceil(blockWidth + 2 * EDGE));
  }
  const marginBottom = height - chartHeight + bottom;
  const frame = { x: left, y: top, width: width - left - right, height: frameHeight };
  return {
    width,
    height,
    margin: { top, right, bottom: marginBottom, left },
    frame,
    y: { domain, ticks, tickFormat, label: yLabel },
    ...(input.title ? { title: { text: input.title, x: frame.x + frame.width / 2, y: MARGIN_TOP + 4 } } : {}),
    legend: { placement, entries },
  };
}
