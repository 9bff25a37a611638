/**
 * The geometry reader that the figure tests rely on must see overlaps where there are some: hand-
 * written SVGs with a legend entry over a point, across a curve, inside a band, over the frame,
 * over a tick label, and one clear of everything; texts that overlap and texts that do not.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { textWidth } from "../dose-response/text.ts";
import { figureGeometry, legendProblems, markHitsBox, segmentHitsBox, textOverlaps } from "./figure-geometry.ts";

// A 100 × 100 frame at (50, 20); a point at (80, 40); a curve from (60, 100) to (140, 30); a band
// (a closed polygon) over the frame's lower right; a tick label "100" right-aligned at x = 41.
const chart = `<g aria-label="y-grid"><line x1="50" x2="150" y1="20" y2="20" /><line x1="50" x2="150" y1="120" y2="120" /></g>
<clipPath id="c"><rect x="50" y="20" width="100" height="100" /></clipPath>
<g aria-label="dot"><circle cx="80" cy="40" r="3" /></g>
<g clip-path="url(#c)" aria-label="line"><path d="M60,100L100,60L140,30" /></g>
<g clip-path="url(#c)" aria-label="area"><path d="M100,90L150,90L150,120L100,120Z" /></g>
<g transform="translate(-9,0)" text-anchor="end" aria-label="y-axis tick label"><text transform="translate(50,20)" y="0.32em">100</text></g>`;

/** A legend entry: a 20-px swatch line at y and the label after it. */
const entry = (x: number, y: number, label = "A") =>
  `<g aria-label="legend entry"><line x1="${x}" x2="${x + 20}" y1="${y}" y2="${y}" /><circle cx="${x + 10}" cy="${y}" r="3" /><text x="${x + 26}" y="${y + 4}"><tspan x="${x + 26}">${label}</tspan></text></g>`;

const svg = (legend: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 200" style="font-size:12px" text-anchor="middle">${chart}<g aria-label="legend" text-anchor="start">${legend}</g></svg>`;

describe("figureGeometry", () => {
  it("reads the frame, marks and texts, transforms and ems included", () => {
    const g = figureGeometry(svg(entry(170, 30)));
    assert.deepEqual(g.frame, { x: 50, y: 20, width: 100, height: 100 });
    assert.deepEqual(
      g.marks.map((m) => m.mark),
      ["dot", "line", "area"],
    );
    const tick = g.texts.find((t) => t.role === "y-axis tick label")!;
    const w = textWidth("100", 12);
    assert.ok(Math.abs(tick.box.x - (41 - w)) < 1e-9 && Math.abs(tick.box.width - w) < 1e-9);
    // Baseline 20 + 0.32 em.
    assert.ok(Math.abs(tick.box.y + tick.box.height - (20 + 0.32 * 12 + 0.236 * 12)) < 1e-9);
    assert.equal(g.legend.length, 1);
    assert.equal(g.legend[0]!.box.x, 170);
    assert.equal(g.legend[0]!.marker, "circle");
  });
  it("finds nothing wrong with an entry clear of everything", () => {
    assert.deepEqual(legendProblems(figureGeometry(svg(entry(170, 30)))), []);
  });
  it("reports an entry over a point, a curve, inside a band, over the frame or a tick label", () => {
    const over = (x: number, y: number) => legendProblems(figureGeometry(svg(entry(x, y))));
    assert.ok(over(70, 40).some((p) => p.includes("dot")));
    assert.ok(over(85, 75).some((p) => p.includes("line path")));
    const band = over(110, 105);
    assert.ok(band.some((p) => p.includes("area path")));
    assert.ok(!band.some((p) => p.includes("line path")));
    assert.ok(over(110, 105).some((p) => p.includes("plot frame")));
    assert.ok(over(0, 21).some((p) => p.includes('tick label "100"')));
    assert.ok(over(290, 30).some((p) => p.includes("leaves the canvas")));
    const two = legendProblems(figureGeometry(svg(entry(170, 30) + entry(170, 36, "B"))));
    assert.ok(two.some((p) => p.includes('overlaps "B"')));
  });
  it("lets a clip rectangle hide what is drawn beyond it", () => {
    const g = figureGeometry(svg(""));
    const line = g.marks.find((m) => m.mark === "line")!;
    // The curve's segment continued would reach (160, 15), but the clip ends at x = 150.
    assert.equal(
      markHitsBox({ ...line, segments: [[140, 30, 180, 0]] }, { x: 152, y: 0, width: 20, height: 40 }),
      false,
    );
    assert.equal(segmentHitsBox([140, 30, 180, 0], { x: 152, y: 0, width: 20, height: 40 }), true);
  });
  it("reports overlapping texts, a rotated title included", () => {
    const texts = (title: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" style="font-size:12px" text-anchor="middle"><g text-anchor="end" aria-label="y-axis tick label"><text transform="translate(40,100)" y="0.32em">100</text></g><g aria-label="y-axis label">${title}</g></svg>`;
    const clash = textOverlaps(
      figureGeometry(texts(`<text transform="translate(22,100) rotate(-90)">Response</text>`)),
    );
    assert.equal(clash.length, 1);
    assert.match(clash[0]!, /tick label "100" overlaps the y-axis label "Response"/);
    assert.deepEqual(
      textOverlaps(figureGeometry(texts(`<text transform="translate(3,100) rotate(-90)" y="0.71em">Response</text>`))),
      [],
    );
  });
});
