/**
 * The dose–response figure. Geometry, read back from the SVG (test-helpers/figure-geometry.ts):
 * every legend entry lies outside the plot frame and clear of every point, curve, band, rule,
 * IC50 marker and text, for one series, two, ten with long names and twelve; no two texts overlap
 * (the y title and the tick labels included). Plus a snapshot (kept in __fixtures__/ so that Biome
 * leaves it alone, in the spirit of Observable Plot's own SVG snapshot tests): a fixed two-curve
 * spec renders to the committed SVG byte for byte. After an intended change, regenerate with
 * UPDATE_SNAPSHOTS=1 and review the PNG beside it.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, it } from "node:test";
import { figureGeometry, legendProblems, textOverlaps } from "../test-helpers/figure-geometry.ts";
import { type DoseResponseFigureSpec, doseResponseSvg, drawFigure, type FigureCurve } from "./figure.ts";
import { figureLayout, LABEL_MAX_WIDTH } from "./layout.ts";
import { nodeDocument, svgToPng } from "./node.ts";
import { textWidth } from "./text.ts";

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

const LONG = [
  "Patient-derived xenograft line 12 (HER2 3+, T-DM1 refractory) · T-DM1 + tariquidar 100 nM",
  "HCC1954 T-DM1R clone 4 · Lys-SMCC-DM1 + verapamil",
  "BT-474M1 SLC46A3-knockdown · T-DM1",
  "SK-BR-3 · T-DM1 after 12 weeks of dose escalation",
  "NCI-N87 T-DM1R · T-DM1 + bafilomycin A1 (1 nM)",
  "JIMT-1 · T-DM1",
  "KPL-4 T-DM1R · free DM1 + tariquidar",
  "MDA-MB-361 · T-DM1 + lapatinib 1 µM",
  "EFM-192A · T-DM1 (2 h pulse, 72 h chase)",
  "ZR-75-30 · T-DM1",
  "HCC1419 · T-DM1 + chloroquine 10 µM",
  "UACC-812 T-DM1R · T-DM1 (4 weeks at 50 nM)",
];
const cases: { name: string; spec: DoseResponseFigureSpec; placement: "right" | "bottom" }[] = [
  { name: "one series", spec: { ...spec, curves: [curve("BT-474 · T-DM1", 5)] }, placement: "right" },
  { name: "two series", spec, placement: "right" },
  // Ten wrapped names still fit in a column beside the frame; twelve do not and go below.
  {
    name: "ten series with long names",
    spec: { ...spec, curves: LONG.slice(0, 10).map((id, i) => curve(id, 0.2 * 2.5 ** i)) },
    placement: "right",
  },
  {
    name: "twelve series with long names",
    spec: { ...spec, curves: LONG.map((id, i) => curve(id, 0.2 * 2.1 ** i)) },
    placement: "bottom",
  },
  {
    name: "twelve series",
    spec: { ...spec, curves: Array.from({ length: 12 }, (_, i) => curve(`line ${i + 1} · T-DM1`, 0.2 * 2.1 ** i)) },
    placement: "right",
  },
  {
    name: "GR values with a reference line and a title",
    spec: {
      ...spec,
      yLabel: "GR value",
      yRule: 0,
      title: "GR curves",
      curves: [curve("A", 5), curve("B", 50)].map((c) => ({
        ...c,
        points: c.points.map((p) => ({ ...p, response: p.response / 50 - 1 })),
        fitted: { concentration_nM: c.fitted!.concentration_nM, response: c.fitted!.response.map((y) => y / 50 - 1) },
        ic50: { ...c.ic50!, response: 0 },
      })),
    },
    placement: "right",
  },
];

describe("dose–response figure geometry", () => {
  for (const c of cases) {
    it(`${c.name}: the legend is outside the frame and covers no data, no text; no texts overlap`, () => {
      const { svg: el, layout } = drawFigure(c.spec, nodeDocument());
      const g = figureGeometry(el.outerHTML);
      // The geometry was really read: every series has its entry, the data their marks.
      assert.equal(g.legend.length, c.spec.curves.length);
      const dots = g.marks.filter((m) => m.mark === "dot").length;
      const wells = c.spec.curves.reduce((a, k) => a + k.points.length, 0);
      assert.ok(dots > wells, `${dots} dots for ${wells} wells`);
      assert.ok(g.marks.some((m) => m.mark === "line" && m.segments.length > 30));
      // The frame Plot drew is the layout's.
      assert.deepEqual(g.frame, layout.frame);
      assert.equal(layout.legend.placement, c.placement);
      assert.deepEqual(legendProblems(g), []);
      assert.deepEqual(textOverlaps(g), []);
      // The canvas only grew: the chart keeps its size.
      assert.ok(g.viewBox.width >= 640 && g.viewBox.height >= 400);
    });
  }

  it("each entry is swatch first (line and marker of the series' colour), then its label", () => {
    const { svg: el, layout } = drawFigure(cases[4]!.spec, nodeDocument());
    const g = figureGeometry(el.outerHTML);
    for (const [i, e] of layout.legend.entries.entries()) {
      assert.ok(e.swatch.x2 < e.text.x, e.id);
      assert.equal(g.legend[i]!.hasLine, true);
      // Past ten series the marker changes shape (circle → square), as on the points.
      assert.equal(g.legend[i]!.marker, i < 10 ? "circle" : "path");
    }
    const svg = el.outerHTML;
    for (const e of layout.legend.entries) assert.ok(svg.includes(`stroke="${e.color}"`), e.color);
    // Same colour, other marker: series 1 and 11.
    assert.equal(layout.legend.entries[0]!.color, layout.legend.entries[10]!.color);
    assert.notEqual(layout.legend.entries[0]!.symbol.name, layout.legend.entries[10]!.symbol.name);
  });

  it("wraps long labels within the width and cuts the longest with '…', keeping it whole in a <title>", () => {
    const { svg: el, layout } = drawFigure(cases[3]!.spec, nodeDocument());
    const g = figureGeometry(el.outerHTML);
    for (const e of layout.legend.entries) {
      assert.ok(e.lines.length <= 2);
      for (const l of e.lines) assert.ok(textWidth(l, 12) <= LABEL_MAX_WIDTH, l);
    }
    // Only the longest name is cut; its entry carries it whole in a <title>, as does every wrapped one.
    const cut = g.legend.filter((e) => e.label.endsWith("…"));
    assert.deepEqual(
      cut.map((e) => e.title),
      [LONG[0]],
    );
    for (const [i, e] of layout.legend.entries.entries()) {
      assert.equal(g.legend[i]!.title, e.lines.length > 1 ? e.id : undefined, e.id);
      // Entries that were wrapped but not cut show every word of their name.
      if (!e.truncated) assert.equal(g.legend[i]!.label.replace(/\s+/g, ""), e.id.replace(/\s+/g, ""));
    }
  });
});

describe("y axis", () => {
  it("runs its ticks from one end of the nice domain to the other, labelled at one precision", () => {
    const gr = drawFigure(cases[5]!.spec, nodeDocument()).layout.y;
    // Extents whose end ticks a hand-rolled ceil/floor over float steps used to lose.
    const small = (yExtent: [number, number]) => figureLayout({ series: [], yExtent, yLabel: "y" }).y;
    for (const y of [gr, small([-0.0007, 0.0003]), small([-0.285, -0.245])]) {
      assert.equal(y.ticks[0], y.domain[0]);
      assert.equal(y.ticks.at(-1), y.domain[1]);
      const decimals = new Set(y.ticks.map((t) => y.tickFormat(t).split(".")[1]?.length ?? 0));
      assert.equal(decimals.size, 1, y.ticks.map(y.tickFormat).join(" "));
    }
  });
});

describe("canvas", () => {
  it("keeps the plot area of the chart: the canvas grows by the legend, the frame does not shrink", () => {
    const frame = (id: string) => drawFigure({ ...spec, curves: [curve(id, 5)] }, nodeDocument()).layout;
    const short = frame("A");
    const long = frame("A much longer label · T-DM1 + verapamil");
    assert.deepEqual(short.frame, long.frame);
    assert.ok(long.width > short.width);
  });
});

describe("IC50 markers", () => {
  it("are drawn only on the axis: an estimate beyond the highest dose's end of the axis is left out", () => {
    const off = { ...curve("off", 5), ic50: { value_nM: 5000, qualifier: "=" as const, response: 50 } };
    const svg = doseResponseSvg({ ...spec, curves: [curve("on", 5), off] }, nodeDocument());
    const dashed = /<g[^>]*stroke-dasharray="4,3"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? "";
    assert.equal((dashed.match(/<line/g) ?? []).length, 1);
  });
});

describe("doseResponseSvg", () => {
  const svg = doseResponseSvg(spec, nodeDocument());
  it("is a standalone SVG with the namespace", () => {
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
  it("draws the broken axis: a '0' tick for the zero-dose wells and a break mark", () => {
    assert.match(svg, /aria-label="x-axis tick label"><text[^>]*>0<\/text>/);
    assert.match(svg, />\/\/<\/text>/);
  });
  it("has a band and a line per curve, a dashed IC50 marker per curve and a legend entry per curve", () => {
    // Each mark is a <g aria-label="…"> group; count its children.
    const group = (label: string, extra = "") => {
      const m = new RegExp(`<g[^>]*aria-label="${label}"[^>]*${extra}[^>]*>(.*?)</g>`).exec(svg);
      return m?.[1] ?? "";
    };
    assert.equal((group("area").match(/<path/g) ?? []).length, 2);
    assert.equal((group("line").match(/<path/g) ?? []).length, 2);
    const dashed = /<g[^>]*stroke-dasharray="4,3"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? "";
    assert.equal((dashed.match(/<line/g) ?? []).length, 2);
    const legend = /<g[^>]*aria-label="legend"[^>]*>(.*)<\/g>/.exec(svg)?.[1] ?? "";
    for (const c of spec.curves) assert.ok(legend.includes(`<tspan x="`) && legend.includes(`>${c.id}</tspan>`), c.id);
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
