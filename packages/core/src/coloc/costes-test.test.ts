import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRng } from "../random/rng.ts";
import { blockLayout } from "./block-layout.ts";
import { shuffleFromStream } from "./costes-test.ts";
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
  it("without a region, the layout is that of a region holding every pixel (same blocks, same order)", () => {
    for (const dims of [
      { width: 10, height: 7, depth: 1 },
      { width: 7, height: 8, depth: 5 },
      { width: 9, height: 9, depth: 1 },
    ]) {
      const everyPixel = regionFromMask(new Uint8Array(dims.width * dims.height * dims.depth).fill(1));
      for (const k of [1, 2, 3]) assert.deepEqual(blockLayout(dims, null, k), blockLayout(dims, everyPixel, k));
    }
  });
  it("z-stacks use cubic blocks", () => {
    const layout = blockLayout({ width: 6, height: 6, depth: 6 }, null, 3);
    assert.equal(layout.blockPixels, 27);
    assert.equal(layout.fullBlocks.length, 216);
    assert.equal(layout.edge.length, 0);
  });
});

describe("Costes test: shuffles", () => {
  it("draw the same numbers as the project's generator (createRng(seed).uniform()), shuffle after shuffle", () => {
    const rng = createRng(17);
    const stream = Uint32Array.from(createRng(17).state());
    for (const size of [1000, 1, 2, 4099]) {
      const expected = Uint32Array.from({ length: size }, (_, i) => i);
      for (let i = size - 1; i > 0; i--) {
        const j = Math.floor(rng.uniform() * (i + 1));
        [expected[i], expected[j]] = [expected[j] as number, expected[i] as number];
      }
      const got = Uint32Array.from({ length: size }, (_, i) => i);
      shuffleFromStream(got, stream);
      assert.deepEqual(got, expected);
    }
    assert.deepEqual([...stream], rng.state());
  });
});
