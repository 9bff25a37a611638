import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { memoryIo } from "./io.ts";
import { createProgress } from "./progress.ts";

describe("progress reporter", () => {
  it("when piped, prints plain lines about every 10 % and the end, on stderr only", () => {
    const io = memoryIo();
    const p = createProgress(io, { label: "fitting", total: 100 });
    for (let i = 0; i < 100; i++) p.tick();
    p.stop();
    const lines = io.err().trim().split("\n");
    assert.equal(lines.length, 10);
    assert.match(lines[0] ?? "", /^fitting: 10\/100 \(10%\)/);
    assert.match(lines.at(-1) ?? "", /^fitting: 100\/100 \(100%\)/);
    assert.equal(io.out(), "");
  });
  it("quiet prints nothing", () => {
    const io = memoryIo();
    const p = createProgress(io, { label: "x", total: 3, quiet: true });
    p.tick(3);
    p.stop();
    assert.equal(io.err(), "");
  });
});
