/**
 * Draws what the layout placed outside Plot's frame — the legend and the title — as plain SVG
 * elements appended to Plot's root, so the figure stays one standalone SVG.
 */
import type { FigureLayout } from "./layout.ts";
import { FONT_SIZE, LINE_HEIGHT, POINT_RADIUS } from "./layout.ts";
import { svgNumber, symbolPath } from "./series-style.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

/** What we use of a DOM element (the browser's or linkedom's; no DOM lib needed to type-check). */
export interface SvgNode {
  setAttribute(name: string, value: string): void;
  appendChild(child: SvgNode): unknown;
  textContent: string | null;
}
export interface SvgDocument {
  createElementNS(ns: string, name: string): SvgNode;
}

function el(doc: SvgDocument, name: string, attrs: Record<string, string | number>, text?: string): SvgNode {
  const e = doc.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, typeof v === "number" ? svgNumber(v) : v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Append the legend (and the title, if any) of `layout` to `root`. */
export function drawLegend(root: SvgNode, doc: SvgDocument, layout: FigureLayout): void {
  if (layout.title) {
    root.appendChild(
      el(
        doc,
        "text",
        { "aria-label": "title", x: layout.title.x, y: layout.title.y, "text-anchor": "middle", "font-size": 15 },
        layout.title.text,
      ),
    );
  }
  const legend = el(doc, "g", { "aria-label": "legend", "font-size": FONT_SIZE, "text-anchor": "start" });
  for (const e of layout.legend.entries) {
    const g = el(doc, "g", { "aria-label": "legend entry" });
    // A wrapped or cut label keeps its full text as the entry's title (tooltip, screen readers,
    // and a search of the SVG text for the series' name).
    if (e.truncated || e.lines.length > 1) g.appendChild(el(doc, "title", {}, e.id));
    const { x1, x2, y } = e.swatch;
    if (e.line) g.appendChild(el(doc, "line", { x1, x2, y1: y, y2: y, stroke: e.color, "stroke-width": 1.75 }));
    const cx = (x1 + x2) / 2;
    g.appendChild(
      e.symbol.name === "circle"
        ? el(doc, "circle", { cx, cy: y, r: POINT_RADIUS, fill: e.color })
        : el(doc, "path", { d: symbolPath(e.symbol, Math.PI * POINT_RADIUS ** 2, cx, y), fill: e.color }),
    );
    const text = el(doc, "text", { x: e.text.x, y: e.text.y, fill: "currentColor" });
    e.lines.forEach((line, i) => {
      text.appendChild(el(doc, "tspan", { x: e.text.x, ...(i > 0 ? { dy: LINE_HEIGHT } : {}) }, line));
    });
    g.appendChild(text);
    legend.appendChild(g);
  }
  root.appendChild(legend);
}
