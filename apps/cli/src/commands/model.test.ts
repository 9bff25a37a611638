import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { memoryIo } from "../io.ts";
import { main } from "../main.ts";

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("adclab model describe / reproduce", () => {
  it("describes states, processes and sourced parameters as Markdown", async () => {
    const r = await run("model", "describe");
    assert.equal(r.code, 0, r.err);
    for (const h of ["## States", "## Processes", "## Parameters", "## Cell lines", "## Mechanisms"])
      assert.ok(r.out.includes(h), h);
    assert.match(r.out, /\| kd_her2_nM \| 0\.314 \| nM \| fitted \| Scheuher/);
    assert.match(r.out, /\*\*lysosomal export\.\*\* SLC46A3/);
  });

  it("describes the model as JSON with every state and parameter", async () => {
    const j = JSON.parse((await run("model", "describe", "--json")).out);
    assert.equal(j.states.length, 23);
    assert.equal(j.mechanisms.length, 12);
    assert.equal(j.cellLines.length, 8);
    for (const p of j.parameters) assert.ok(p.source && p.units && p.solidity, p.name);
  });

  it("reproduce rejects an unknown target with the valid choices, exit 2", async () => {
    const r = await run("reproduce", "seed-tabel");
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown target 'seed-tabel' \(expected one of seed-table\)/);
  });
});
