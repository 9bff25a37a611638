/**
 * The figures of the shipped examples, as `adclab fit --plot` draws them, read back from the SVG
 * (@adclab/report/test-helpers): each curve has a legend entry (swatch, then its whole name) outside
 * the plot frame, over no point, curve, band, IC50 marker or text, and no two texts overlap (the y
 * title clear of the tick labels). reversal-long.csv is the case that used to put
 * "KPL-4 T-DM1R · T-DM1 + verapamil" over its own curve.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { nodeDocument } from "@adclab/report/node";
import { figureGeometry, legendProblems, textOverlaps } from "@adclab/report/test-helpers";
import { doseResponseFigureSvg, runDoseResponse } from "./analysis.ts";
import { parseDoseResponseOptions } from "./contract.ts";

const example = (name: string) => ({
  name,
  content: readFileSync(new URL(`../../../../examples/dose-response/${name}`, import.meta.url), "utf8"),
});

const cases = [
  { file: "reversal-long.csv", options: {} },
  { file: "tdm1-long.csv", options: {} },
  { file: "gr-counts.csv", options: { model: "gr" } },
];

describe("dose–response figures of the examples", () => {
  for (const c of cases) {
    it(`${c.file}${c.options.model ? " (GR)" : ""}: legend outside the frame, clear of data and text`, () => {
      const analysis = runDoseResponse({ file: example(c.file) }, parseDoseResponseOptions(c.options));
      const g = figureGeometry(doseResponseFigureSvg(analysis, nodeDocument()));
      const ids = analysis.figure.curves.map((k) => k.id);
      assert.ok(ids.length >= 2, c.file);
      assert.equal(g.legend.length, ids.length);
      for (const [i, e] of g.legend.entries()) {
        assert.equal(e.label, ids[i], "the whole name is shown");
        assert.equal(e.hasLine, true);
        assert.equal(e.marker, "circle");
      }
      assert.ok(g.marks.filter((m) => m.mark === "dot").length > ids.length * 5);
      assert.deepEqual(legendProblems(g), []);
      assert.deepEqual(textOverlaps(g), []);
    });
  }
});
