import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRng } from "../random/rng.ts";
import { type BlockLayout, blockLayout } from "./block-layout.ts";
import { shuffleFromStream } from "./costes-test.ts";
import { regionFromMask } from "./pixels.ts";

/** The pixels of the full blocks, block after block. */
const fullBlockPixels = (layout: BlockLayout): number[] =>
  [...layout.blockStarts].flatMap((start) => [...layout.offsets].map((offset) => start + offset));

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
    const full = fullBlockPixels(layout);
    const seen = [...full, ...layout.edge].sort((a, b) => a - b);
    assert.deepEqual(seen, [...region]);
    assert.ok(layout.blockStarts.length > 0 && full.length === 9 * layout.blockStarts.length);
    for (const p of full) assert.equal(mask[p], 1);
    // each full block is a whole 3 × 3 square
    for (const start of layout.blockStarts) {
      for (const offset of layout.offsets) {
        assert.ok(offset % width < 3 && Math.floor(offset / width) < 3 && (start % width) + (offset % width) < width);
      }
    }
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
    assert.equal(fullBlockPixels(layout).length, 216);
    assert.deepEqual([...layout.offsets.subarray(0, 4)], [0, 1, 2, 6]);
    assert.equal(layout.offsets[9], 36); // the next plane
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
