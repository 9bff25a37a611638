/**
 * How each series is drawn, chosen here (not by Plot's scale defaults) so that the plot and the
 * legend's swatches come from one table. Colours are Observable Plot's "observable10" scheme; a
 * figure with more than ten series also varies the point marker (circle, then square, then
 * triangle), so no two series look alike up to thirty.
 */

/** Plot's symbol interface: draw the marker of area `size` px² centred at (0, 0). */
export interface SeriesSymbol {
  name: "circle" | "square" | "triangle";
  draw(context: PathContext, size: number): void;
}

/** The part of CanvasPath a symbol uses (Plot passes a d3 path). */
export interface PathContext {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  arc(x: number, y: number, r: number, a0: number, a1: number): void;
}

export const SERIES_COLORS = [
  "#4269d0",
  "#efb118",
  "#ff725c",
  "#6cc5b0",
  "#3ca951",
  "#ff8ab7",
  "#a463f2",
  "#97bbf5",
  "#9c6b4e",
  "#9498a0",
] as const;

const circle: SeriesSymbol = {
  name: "circle",
  draw(c, size) {
    const r = Math.sqrt(size / Math.PI);
    c.moveTo(r, 0);
    c.arc(0, 0, r, 0, 2 * Math.PI);
  },
};
const square: SeriesSymbol = {
  name: "square",
  draw(c, size) {
    const h = Math.sqrt(size) / 2;
    c.moveTo(-h, -h);
    c.lineTo(h, -h);
    c.lineTo(h, h);
    c.lineTo(-h, h);
    c.closePath();
  },
};
const triangle: SeriesSymbol = {
  name: "triangle",
  draw(c, size) {
    // Equilateral, pointing up, centred on its centroid: side s has area s²·√3/4.
    const s = Math.sqrt((4 * size) / Math.sqrt(3));
    const h = (s * Math.sqrt(3)) / 2;
    c.moveTo(0, (-2 * h) / 3);
    c.lineTo(s / 2, h / 3);
    c.lineTo(-s / 2, h / 3);
    c.closePath();
  },
};
const SYMBOLS = [circle, square, triangle];

export interface SeriesStyle {
  color: string;
  symbol: SeriesSymbol;
}

/** Style of the `index`-th of `count` series. */
export function seriesStyle(index: number, count: number): SeriesStyle {
  const n = SERIES_COLORS.length;
  const symbol = count > n ? SYMBOLS[Math.floor(index / n) % SYMBOLS.length]! : circle;
  return { color: SERIES_COLORS[index % n]!, symbol };
}

/** A coordinate as written into the SVG: to 0.001 px. */
export const svgNumber = (v: number): string => String(Math.round(v * 1000) / 1000);

/** SVG path data of `symbol` with area `size`, centred at (x, y). */
export function symbolPath(symbol: SeriesSymbol, size: number, x = 0, y = 0): string {
  let d = "";
  const f = svgNumber;
  symbol.draw(
    {
      moveTo: (a, b) => {
        d += `M${f(x + a)},${f(y + b)}`;
      },
      lineTo: (a, b) => {
        d += `L${f(x + a)},${f(y + b)}`;
      },
      closePath: () => {
        d += "Z";
      },
      // A full circle as two half arcs (one arc command cannot draw 360°).
      arc: (cx, cy, r) => {
        d += `M${f(x + cx + r)},${f(y + cy)}A${f(r)},${f(r)},0,1,1,${f(x + cx - r)},${f(y + cy)}A${f(r)},${f(r)},0,1,1,${f(x + cx + r)},${f(y + cy)}`;
      },
    },
    size,
  );
  return d;
}
