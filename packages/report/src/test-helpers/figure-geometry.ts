/**
 * The drawn geometry of a figure, read back from its SVG text (not from the layout that made it),
 * for tests: where the legend entries, data marks and texts really are. Understands what
 * Observable Plot and the legend emit: <circle>, <line>, <path> (M/L/H/V/A/Z), <text>/<tspan>,
 * translate/rotate/scale transforms, a clip-path to a rectangle, and font sizes in px or em.
 * Texts are measured with the layout's DejaVu Sans advances (checked against resvg in text.test.ts).
 * Node only (linkedom).
 */
import { DOMParser } from "linkedom";
import { ASCENT, DESCENT } from "../dose-response/layout.ts";
import { textWidth } from "../dose-response/text.ts";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A drawn data mark: a small marker (by its box) or a polyline/polygon (by its segments). */
export interface MarkShape {
  /** The Plot mark (aria-label of its group: "dot", "line", "area", "rule", …) and the element. */
  mark: string;
  element: string;
  box: Box;
  /** Segments in canvas coordinates, for lines, rules, curves and bands. */
  segments: [number, number, number, number][];
  /** For a closed filled path (a band): its polygon, so a box wholly inside it counts. */
  polygon?: [number, number][];
  /** The clip rectangle the mark is drawn through, if any. */
  clip?: Box;
}

export interface TextShape {
  /** aria-label of the nearest labelled group ("y-axis tick label", "legend entry", …). */
  role: string;
  text: string;
  box: Box;
}

export interface LegendEntryShape {
  label: string;
  /** The full label from <title>, if the drawn one was cut. */
  title?: string;
  box: Box;
  hasLine: boolean;
  marker: "circle" | "path" | "none";
}

export interface FigureGeometry {
  viewBox: Box;
  /** The plot frame: where the y grid lines run (they span the frame's width, ticks its height). */
  frame: Box;
  marks: MarkShape[];
  texts: TextShape[];
  legend: LegendEntryShape[];
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function parseTransform(t: string | null): Matrix {
  let m = IDENTITY;
  if (!t) return m;
  for (const [, op, args] of t.matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const a = args!
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (op === "translate") m = multiply(m, [1, 0, 0, 1, a[0] ?? 0, a[1] ?? 0]);
    else if (op === "scale") m = multiply(m, [a[0]!, 0, 0, a[1] ?? a[0]!, 0, 0]);
    else if (op === "rotate") {
      const r = ((a[0] ?? 0) * Math.PI) / 180;
      const [cx, cy] = [a[1] ?? 0, a[2] ?? 0];
      m = multiply(m, [1, 0, 0, 1, cx, cy]);
      m = multiply(m, [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0]);
      m = multiply(m, [1, 0, 0, 1, -cx, -cy]);
    } else throw new Error(`figure-geometry: unsupported transform ${op}`);
  }
  return m;
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

function boxOf(points: [number, number][]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** Box of the local rectangle [x0, x1] × [y0, y1] after `m`. */
function transformedBox(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
  return boxOf([apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)]);
}

interface El {
  tagName: string;
  parentNode: El | null;
  childNodes: El[];
  textContent: string | null;
  getAttribute(name: string): string | null;
}

/** Inherited attribute (SVG presentation attributes and our aria labels cascade from groups). */
function inherited(e: El | null, name: string): string | null {
  for (let n = e; n && typeof n.getAttribute === "function"; n = n.parentNode) {
    const v = n.getAttribute(name);
    if (v !== null) return v;
  }
  return null;
}

/** Font size of `e`: the nearest group's font-size attribute below `root`, else the root's size. */
function fontSize(e: El, root: El, rootSize: number): number {
  // The root's font-size attribute is overridden by its style (font-size:12px), as in a browser.
  for (let n: El | null = e; n && n !== root; n = n.parentNode) {
    const v = n.getAttribute("font-size");
    if (v !== null) return Number.parseFloat(v);
  }
  return rootSize;
}

function ctm(e: El): Matrix {
  const chain: El[] = [];
  for (let n: El | null = e; n && typeof n.getAttribute === "function"; n = n.parentNode) chain.unshift(n);
  return chain.reduce((m, n) => multiply(m, parseTransform(n.getAttribute("transform"))), IDENTITY);
}

function length(v: string | null, size: number): number {
  if (!v) return 0;
  return v.endsWith("em") ? Number.parseFloat(v) * size : Number.parseFloat(v);
}

/** Points of a path's subpaths; arcs contribute their end point and, in `extra`, a box of their radius. */
function pathPoints(d: string): { subpaths: { points: [number, number][]; closed: boolean }[]; radius: number } {
  const tokens = d.match(/[MLHVAZmlhvaz]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  const subpaths: { points: [number, number][]; closed: boolean }[] = [];
  let cur: { points: [number, number][]; closed: boolean } | undefined;
  let x = 0;
  let y = 0;
  let radius = 0;
  let cmd = "";
  let i = 0;
  const num = () => Number(tokens[i++]);
  while (i < tokens.length) {
    if (/[A-Za-z]/.test(tokens[i]!)) cmd = tokens[i++]!;
    if (cmd !== cmd.toUpperCase()) throw new Error(`figure-geometry: relative path command ${cmd}`);
    if (cmd === "Z") {
      if (cur) cur.closed = true;
      continue;
    }
    if (cmd === "M") {
      [x, y] = [num(), num()];
      cur = { points: [[x, y]], closed: false };
      subpaths.push(cur);
      cmd = "L";
      continue;
    }
    if (cmd === "L") [x, y] = [num(), num()];
    else if (cmd === "H") x = num();
    else if (cmd === "V") y = num();
    else if (cmd === "A") {
      const rx = num();
      const ry = num();
      i += 3;
      [x, y] = [num(), num()];
      radius = Math.max(radius, rx, ry);
    } else throw new Error(`figure-geometry: unsupported path command ${cmd}`);
    cur?.points.push([x, y]);
  }
  return { subpaths, radius };
}

/** Read the geometry of a figure's SVG text. */
export function figureGeometry(svgText: string): FigureGeometry {
  const doc = new DOMParser().parseFromString(svgText, "image/svg+xml") as unknown as { documentElement: El };
  const root = doc.documentElement;
  const viewBox = (root.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
  const styleSize = /font-size:\s*([\d.]+)px/.exec(root.getAttribute("style") ?? "")?.[1];
  const rootSize = styleSize ? Number(styleSize) : Number(root.getAttribute("font-size") ?? 16);
  const clips = new Map<string, Box>();
  const all: El[] = [];
  const walk = (e: El) => {
    for (const c of e.childNodes) {
      if (typeof c.getAttribute !== "function") continue;
      all.push(c);
      walk(c);
    }
  };
  walk(root);
  for (const e of all) {
    if (e.tagName.toLowerCase() !== "clippath") continue;
    const r = e.childNodes.find((c) => c.tagName?.toLowerCase() === "rect");
    if (r) {
      const n = (k: string) => Number(r.getAttribute(k));
      clips.set(e.getAttribute("id")!, { x: n("x"), y: n("y"), width: n("width"), height: n("height") });
    }
  }

  /** The shape an element draws: a mark, lines of text, or nothing. */
  const shapeOf = (e: El): { mark?: Omit<MarkShape, "mark" | "element">; texts?: { text: string; box: Box }[] } => {
    const tag = e.tagName.toLowerCase();
    const m = ctm(e);
    const clipRef = /url\(#([^)]+)\)/.exec(inherited(e, "clip-path") ?? "")?.[1];
    const clip = clipRef ? clips.get(clipRef) : undefined;
    const withClip = <T>(shape: T) => (clip ? { ...shape, clip } : shape);
    if (tag === "circle") {
      const [cx, cy, r] = ["cx", "cy", "r"].map((k) => Number(e.getAttribute(k) ?? 0)) as [number, number, number];
      return { mark: withClip({ box: transformedBox(m, cx - r, cy - r, cx + r, cy + r), segments: [] }) };
    }
    if (tag === "line") {
      const [x1, y1, x2, y2] = ["x1", "y1", "x2", "y2"].map((k) => Number(e.getAttribute(k) ?? 0)) as number[];
      const a = apply(m, x1!, y1!);
      const b = apply(m, x2!, y2!);
      return { mark: withClip({ box: boxOf([a, b]), segments: [[a[0], a[1], b[0], b[1]]] }) };
    }
    if (tag === "path") {
      const { subpaths, radius } = pathPoints(e.getAttribute("d") ?? "");
      const pts = subpaths.flatMap((sp) => sp.points);
      if (pts.length === 0) return {};
      const local = boxOf(pts);
      const box = transformedBox(
        m,
        local.x - radius,
        local.y - radius,
        local.x + local.width + radius,
        local.y + local.height + radius,
      );
      const segments: [number, number, number, number][] = [];
      for (const sp of subpaths) {
        const p = sp.points.map(([px, py]) => apply(m, px, py));
        for (let k = 1; k < p.length; k++) segments.push([p[k - 1]![0], p[k - 1]![1], p[k]![0], p[k]![1]]);
        if (sp.closed && p.length > 2) segments.push([p[p.length - 1]![0], p[p.length - 1]![1], p[0]![0], p[0]![1]]);
      }
      // Markers (dots) count by their box; curves and bands by their segments (and area).
      const small = box.width < 20 && box.height < 20;
      const polygon =
        !small && subpaths.length === 1 && subpaths[0]!.closed && radius === 0
          ? subpaths[0]!.points.map(([px, py]) => apply(m, px, py))
          : undefined;
      return { mark: withClip({ box, segments: small ? [] : segments, ...(polygon ? { polygon } : {}) }) };
    }
    if (tag === "text") {
      const size = fontSize(e, root, rootSize);
      const anchor = inherited(e, "text-anchor") ?? "start";
      const spans = e.childNodes.filter((c) => c.tagName?.toLowerCase() === "tspan");
      const lines = spans.length > 0 ? spans : [e];
      let baseline = length(e.getAttribute("y"), size) + length(e.getAttribute("dy"), size);
      const x0 = length(e.getAttribute("x"), size) + length(e.getAttribute("dx"), size);
      return {
        texts: lines.map((line) => {
          if (line !== e) baseline += length(line.getAttribute("dy"), size);
          const x = line !== e && line.getAttribute("x") !== null ? length(line.getAttribute("x"), size) : x0;
          const text = line.textContent ?? "";
          const w = textWidth(text, size);
          const left = anchor === "middle" ? x - w / 2 : anchor === "end" ? x - w : x;
          return { text, box: transformedBox(m, left, baseline - ASCENT * size, left + w, baseline + DESCENT * size) };
        }),
      };
    }
    return {};
  };

  const marks: MarkShape[] = [];
  const texts: TextShape[] = [];
  const gridLines: Box[] = [];
  const inLegend = (e: El) => {
    for (let n: El | null = e; n && n !== root; n = n.parentNode)
      if (n.getAttribute("aria-label") === "legend") return true;
    return false;
  };
  for (const e of all) {
    if (inLegend(e)) continue;
    const role = inherited(e, "aria-label") ?? "";
    const { mark, texts: t } = shapeOf(e);
    if (mark && role === "y-grid") gridLines.push(mark.box);
    else if (mark && !role.includes("axis")) marks.push({ mark: role, element: e.tagName.toLowerCase(), ...mark });
    for (const x of t ?? []) texts.push({ role, ...x });
  }

  // Legend entries: the union of what each entry draws.
  const legend: LegendEntryShape[] = [];
  for (const g of all.filter((e) => e.getAttribute("aria-label") === "legend entry")) {
    const parts: Box[] = [];
    const labels: string[] = [];
    const inside = all.filter((e) => {
      for (let n: El | null = e.parentNode; n && n !== root; n = n.parentNode) if (n === g) return true;
      return false;
    });
    for (const e of inside) {
      const { mark, texts: t } = shapeOf(e);
      if (mark) parts.push(mark.box);
      for (const x of t ?? []) {
        parts.push(x.box);
        labels.push(x.text);
      }
    }
    const tags = g.childNodes.map((c) => c.tagName?.toLowerCase());
    const title = g.childNodes.find((c) => c.tagName?.toLowerCase() === "title")?.textContent ?? undefined;
    legend.push({
      label: labels.join(" "),
      ...(title !== undefined ? { title } : {}),
      box: union(parts),
      hasLine: tags.includes("line"),
      marker: tags.includes("circle") ? "circle" : tags.includes("path") ? "path" : "none",
    });
  }
  const frame = gridLines.length > 0 ? union(gridLines) : { x: 0, y: 0, width: 0, height: 0 };
  return {
    viewBox: { x: viewBox[0] ?? 0, y: viewBox[1] ?? 0, width: viewBox[2] ?? 0, height: viewBox[3] ?? 0 },
    frame,
    marks,
    texts,
    legend,
  };
}

function union(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return {
    x,
    y,
    width: Math.max(...boxes.map((b) => b.x + b.width)) - x,
    height: Math.max(...boxes.map((b) => b.y + b.height)) - y,
  };
}

/** The overlap of two boxes, or undefined if they do not overlap (touching edges do not). */
export function intersect(a: Box, b: Box): Box | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const x2 = Math.min(a.x + a.width, b.x + b.width);
  const y2 = Math.min(a.y + a.height, b.y + b.height);
  return x2 > x && y2 > y ? { x, y, width: x2 - x, height: y2 - y } : undefined;
}

/** Whether the segment crosses the inside of box `r` (Liang–Barsky clipping). */
export function segmentHitsBox(s: [number, number, number, number], r: Box): boolean {
  const [x1, y1, x2, y2] = s;
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x1 - r.x],
    [dx, r.x + r.width - x1],
    [-dy, y1 - r.y],
    [dy, r.y + r.height - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}

function inside(poly: [number, number][], x: number, y: number): boolean {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

/** Whether a drawn mark covers any part of box `r` (through its clip rectangle, if any). */
export function markHitsBox(mark: MarkShape, r: Box): boolean {
  const area = mark.clip ? intersect(r, mark.clip) : r;
  if (!area) return false;
  if (mark.segments.length === 0) return intersect(mark.box, area) !== undefined;
  if (mark.segments.some((s) => segmentHitsBox(s, area))) return true;
  return mark.polygon !== undefined && inside(mark.polygon, area.x + area.width / 2, area.y + area.height / 2);
}

/**
 * Everything wrong with the legend's placement, as sentences (empty when none): an entry outside
 * the canvas, over the plot frame, over a data mark (point, curve, band, rule, IC50 marker), over
 * any text (tick labels, axis titles) or over another entry.
 */
export function legendProblems(g: FigureGeometry): string[] {
  const out: string[] = [];
  const v = g.viewBox;
  for (const [i, e] of g.legend.entries()) {
    const b = e.box;
    const name = `legend entry "${e.title ?? e.label}"`;
    if (b.x < v.x || b.y < v.y || b.x + b.width > v.x + v.width || b.y + b.height > v.y + v.height)
      out.push(`${name} leaves the canvas`);
    if (intersect(b, g.frame)) out.push(`${name} overlaps the plot frame`);
    for (const m of g.marks) if (markHitsBox(m, b)) out.push(`${name} overlaps a ${m.mark} ${m.element}`);
    for (const t of g.texts) if (intersect(b, t.box)) out.push(`${name} overlaps the ${t.role} "${t.text}"`);
    for (const o of g.legend.slice(i + 1)) if (intersect(b, o.box)) out.push(`${name} overlaps "${o.label}"`);
  }
  return out;
}

/** Pairs of texts (tick labels, axis titles, legend labels, …) that overlap, as sentences. */
export function textOverlaps(g: FigureGeometry): string[] {
  const out: string[] = [];
  g.texts.forEach((a, i) => {
    for (const b of g.texts.slice(i + 1))
      if (intersect(a.box, b.box)) out.push(`the ${a.role} "${a.text}" overlaps the ${b.role} "${b.text}"`);
  });
  return out;
}
