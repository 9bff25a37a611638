/**
 * Snapshot of the dose–response figure (kept in __fixtures__/ so that Biome leaves it alone) (in the spirit of Observable Plot's own SVG snapshot tests):
 * a fixed two-curve spec must render to the committed SVG byte for byte. After an intended
 * change, regenerate with UPDATE_SNAPSHOTS=1 and review the PNG beside it.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, it } from "node:test";
import { Resvg } from "@resvg/resvg-js";
import { doseResponseSvg, type FigureCurve, legendColumn } from "./figure.ts";
import { nodeDocument, svgToPng } from "./node.ts";

const doses = [0.1, 1, 10, 100, 1000];
// Deterministic "replicates": a logistic curve plus a fixed ±3 % pattern.
function curve(id: string, ic50: number): FigureCurve {
  const f = (x: number) => 100 / (1 + x / ic50);
  const xs = [0, 0, 0, ...doses.flatMap((x) => [x, x, x])];
  const grid = Array.from({ length: 40 }, (_, i) => 0.05 * 10 ** ((i * 4.6) / 39));
  return {
    id,
    points: xs.map((x, i) => ({ concentration_nM: x, response: f(x) + (((i * 37) % 7) - 3) })),
    fitted: {
      concentration_nM: grid,
      response: grid.map(f),
      lower: grid.map((x) => f(x) - 5),
      upper: grid.map((x) => f(x) + 5),
    },
    ic50: { value_nM: ic50, qualifier: "=", response: 50 },
  };
}
const spec = {
  curves: [curve("BT-474 · T-DM1", 5), curve("BT-474-TR · T-DM1", 200)],
  unit: { label: "nM", perNanomolar: 1 },
  yLabel: "Viability (% of vehicle)",
};
const snapshot = new URL("./__fixtures__/figure.svg", import.meta.url);

describe("doseResponseSvg", () => {
  const svg = doseResponseSvg(spec, nodeDocument());
  it("is a standalone SVG with the namespace", () => {
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
  it("draws the broken axis: a '0' tick for the zero-dose wells and a break mark", () => {
    assert.match(svg, /aria-label="x-axis tick label"><text[^>]*>0<\/text>/);
    assert.match(svg, />\/\/<\/text>/);
  });
  it("has a band and a line per curve, and a dashed IC50 marker per curve", () => {
    // Each mark is a <g aria-label="…"> group; count its children.
    const group = (label: string, extra = "") => {
      const m = new RegExp(`<g[^>]*aria-label="${label}"[^>]*${extra}[^>]*>(.*?)</g>`).exec(svg);
      return m?.[1] ?? "";
    };
    assert.equal((group("area").match(/<path/g) ?? []).length, 2);
    assert.equal((group("line").match(/<path/g) ?? []).length, 2);
    const dashed = /<g[^>]*stroke-dasharray="4,3"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? "";
    assert.equal((dashed.match(/<line/g) ?? []).length, 2);
    for (const c of spec.curves) assert.ok(svg.includes(`>${c.id}<title>${c.id}</title></text>`), c.id);
  });
  it("matches the committed snapshot", () => {
    if (process.env.UPDATE_SNAPSHOTS || !existsSync(snapshot)) {
      writeFileSync(snapshot, svg);
      writeFileSync(new URL("./__fixtures__/figure.png", import.meta.url), svgToPng(svg));
    }
    assert.equal(svg, readFileSync(snapshot, "utf8"));
  });
  it("renders to PNG", () => {
    const png = svgToPng(svg, 1);
    assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  });
});

/** Width in px of a 12-px label as resvg (the PNG renderer) lays it out, fonts as svgToPng's. */
function renderedTextWidth(text: string): number {
  const esc = text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="40" style="font-size:12px;font-family:DejaVu Sans, Arial, sans-serif"><text x="0" y="20">${esc}</text></svg>`;
  const box = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } }).getBBox();
  assert.ok(box && box.width > 0, "resvg found no font to lay out text (Debian: fonts-dejavu-core)");
  return box.x + box.width;
}

/** Where things are drawn, read back from the SVG (Plot writes plain translate() transforms). */
function layout(svg: string) {
  const num = (s: string | undefined) => Number(s ?? Number.NaN);
  const width = num(/^<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1]);
  // The y-grid lines span the frame: x1 is its left edge, x2 its right edge.
  const grid = /aria-label="y-grid"><line [^>]*x2="([\d.]+)" x1="([\d.]+)"/.exec(svg);
  const frame = { left: num(grid?.[2]), right: num(grid?.[1]) };
  const translate = (t: string | undefined) => {
    const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(t ?? "");
    return m ? [num(m[1]), num(m[2])] : [0, 0];
  };
  const legend = (cls: string) =>
    [
      ...svg.matchAll(
        new RegExp(`<g ([^>]*class="${cls}"[^>]*)><text ([^>]*)>([^<]*)(?:<title>([^<]*)</title>)?</text>`, "g"),
      ),
    ].map((m) => {
      const [gx, gy] = translate(/transform="([^"]*)"/.exec(m[1]!)?.[1]);
      const [tx, ty] = translate(/transform="([^"]*)"/.exec(m[2]!)?.[1]);
      return { x: gx! + tx!, y: gy! + ty!, text: m[3]!, title: m[4] };
    });
  // Every data dot: replicates and means are <circle>s (the IC50 diamonds are paths).
  const dotsX = [...svg.matchAll(/<circle [^>]*cx="([-\d.]+)"/g)].map((m) => num(m[1]));
  return { width, frame, swatches: legend("legend-swatch"), labels: legend("legend-label"), dotsX };
}

describe("the legend never covers data", () => {
  const cases: [string, FigureCurve[]][] = [
    ["one curve", [curve("BT-474 · T-DM1", 5)]],
    [
      "four curves (the reversal example's labels)",
      [
        curve("KPL-4 · T-DM1", 5),
        curve("KPL-4 · T-DM1 + verapamil", 3),
        curve("KPL-4 T-DM1R · T-DM1", 600),
        curve("KPL-4 T-DM1R · T-DM1 + verapamil", 40),
      ],
    ],
    [
      "twelve curves with long names",
      Array.from({ length: 12 }, (_, i) =>
        curve(`line ${i + 1} of a long panel · T-DM1 + a very long inhibitor name (${10 * (i + 1)} nM)`, 2 * (i + 1)),
      ),
    ],
  ];
  for (const [name, curves] of cases) {
    it(`${name}: every legend entry is right of the frame, one per curve, rows apart, on the canvas`, () => {
      const svg = doseResponseSvg({ ...spec, curves }, nodeDocument());
      const l = layout(svg);
      assert.ok(l.frame.right > l.frame.left, `frame ${JSON.stringify(l.frame)}`);
      assert.equal(l.labels.length, curves.length);
      assert.equal(l.swatches.length, curves.length);
      assert.ok(l.dotsX.length > 0);
      // Data inside the frame (lines and bands are clipped to it by Plot).
      for (const x of l.dotsX) assert.ok(x <= l.frame.right + 0.5, `dot at ${x} beyond ${l.frame.right}`);
      const column = legendColumn(curves.map((c) => c.id));
      l.labels.forEach((lab, i) => {
        const sw = l.swatches[i]!;
        assert.ok(sw.x > l.frame.right + 10, `swatch ${i} at ${sw.x}, frame ends at ${l.frame.right}`);
        assert.ok(lab.x > sw.x, "swatch before label");
        assert.equal(lab.y, sw.y);
        if (i > 0) assert.ok(lab.y - l.labels[i - 1]!.y >= 16, "rows do not overlap");
        // The label as the PNG renderer draws it (its own text layout in DejaVu Sans) stays on the
        // canvas; a cut label keeps its full text as a <title>.
        const drawn = renderedTextWidth(lab.text);
        assert.ok(lab.x + drawn <= l.width, `label ${i} (${drawn.toFixed(1)} px) runs off: ${lab.text}`);
        if (lab.text.endsWith("…")) assert.equal(lab.title, curves[i]!.id);
        else assert.equal(lab.text, curves[i]!.id);
      });
      assert.equal(l.width, 640 + column.width);
    });
  }
  it("keeps the plot area of a figure without the legend: the canvas grows by the legend column", () => {
    const one = layout(doseResponseSvg({ ...spec, curves: [curve("A", 5)] }, nodeDocument()));
    const long = layout(
      doseResponseSvg({ ...spec, curves: [curve("A much longer label · T-DM1", 5)] }, nodeDocument()),
    );
    assert.equal(one.frame.right - one.frame.left, long.frame.right - long.frame.left);
    assert.ok(long.width > one.width);
  });
});
