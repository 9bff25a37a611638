import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { blockLayout } from "./costes-test.ts";
import { regionFromMask } from "./pixels.ts";

describe("Costes test: blocks are shuffled inside the region, not its bounding box", () => {
  // a disc-shaped "cell" in a 40 × 30 image: its bounding box holds plenty of background
  const width = 40;
  const height = 30;
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) if ((x - 18) ** 2 + (y - 14) ** 2 < 100) mask[y * width + x] = 1;
  const region = regionFromMask(mask);

  it("full blocks and edge pixels together are exactly the region's pixels, each once", () => {
    const layout = blockLayout({ width, height, depth: 1 }, region, 3);
    const seen = [...layout.fullBlocks, ...layout.edge].sort((a, b) => a - b);
    assert.deepEqual(seen, [...region]);
    assert.ok(layout.fullBlocks.length > 0 && layout.fullBlocks.length % 9 === 0);
    for (const p of layout.fullBlocks) assert.equal(mask[p], 1);
  });
  it("z-stacks use cubic blocks", () => {
    const layout = blockLayout({ width: 6, height: 6, depth: 6 }, null, 3);
    assert.equal(layout.blockPixels, 27);
    assert.equal(layout.fullBlocks.length, 216);
    assert.equal(layout.edge.length, 0);
  });
});
