/**
 * Snapshot of the dose–response figure (kept in __fixtures__/ so that Biome leaves it alone) (in the spirit of Observable Plot's own SVG snapshot tests):
 * a fixed two-curve spec must render to the committed SVG byte for byte. After an intended
 * change, regenerate with UPDATE_SNAPSHOTS=1 and review the PNG beside it.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, it } from "node:test";
import { doseResponseSvg, type FigureCurve } from "./figure.ts";
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
    for (const c of spec.curves) assert.ok(svg.includes(`${c.id} ━`), c.id);
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
