import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cytofluorogramSvg } from "./cytofluorogram.ts";

describe("cytofluorogram", () => {
  const ch1 = Uint16Array.from({ length: 400 }, (_, i) => i % 20);
  const ch2 = Uint16Array.from(ch1, (v) => 2 * v + 1);
  const svg = cytofluorogramSvg({
    ch1,
    ch2,
    thresholds: { ch1: 10, ch2: 21 },
    regression: { slope: 2, intercept: 1 },
    label1: "T-DM1 <488>",
    label2: "LAMP1",
    bins: 20,
  });
  it("draws one cell per occupied bin: a perfect line occupies 20 bins", () => {
    assert.equal((svg.match(/<rect x="[\d.]+" y="[\d.]+" width="20.00"/g) ?? []).length, 20);
  });
  it("draws the regression line from corner to corner when it fits the data exactly", () => {
    // x from 0 to 19 maps to 70 … 470; y = 2x + 1 from 1 to 39 maps to the full height
    assert.match(svg, /<line x1="70.00" y1="420.00" x2="470.00" y2="20.00" stroke="white"/);
  });
  it("draws both thresholds and escapes the axis labels", () => {
    assert.equal((svg.match(/stroke-dasharray/g) ?? []).length, 2);
    assert.match(svg, /T-DM1 &lt;488&gt;/);
  });
});
