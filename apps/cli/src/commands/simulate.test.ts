import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { memoryIo } from "../io.ts";
import { main } from "../main.ts";

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("adclab simulate", () => {
  it("viability prints JSON with ic50_nM and writes the curve as CSV", async () => {
    const dir = mkdtempSync(join(tmpdir(), "adclab-sim-"));
    try {
      const csv = join(dir, "curve.csv");
      const r = await run(
        "simulate",
        "--cell-line",
        "JIMT-1",
        "--mechanism",
        "her2-loss=2",
        "--doses",
        "0.01,0.1,1,10,100,1000nM",
        "--json",
        "--csv",
        csv,
      );
      assert.equal(r.code, 0, r.err);
      const j = JSON.parse(r.out);
      assert.equal(j.experiment, "viability");
      assert.equal(j.drug, "T-DM1");
      assert.ok(j.ic50_nM > 0 && Number.isFinite(j.ic50_nM));
      assert.deepEqual(j.settings.mechanisms, [{ id: "her2-loss", strength: 2 }]);
      const lines = readFileSync(csv, "utf8").trim().split("\n");
      assert.equal(lines[0], "concentration_nM,viability");
      assert.equal(lines.length, 7);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("takes inhibitors with units and prints a human table", async () => {
    const r = await run(
      "simulate",
      "--cell-line",
      "SK-BR-3",
      "--experiment",
      "expression",
      "--mechanism",
      "mdr1-up=20",
      "--inhibitor",
      "verapamil=10uM",
    );
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /SK-BR-3 \+ mdr1-up=20 with verapamil 10000 nM — expression/);
    assert.match(r.out, /ABCB1\s+20\s/);
  });

  it("runs the pulse–chase and time-course experiments", async () => {
    const pc = JSON.parse(
      (await run("simulate", "--cell-line", "SK-BR-3", "--experiment", "pulse-chase", "--json")).out,
    );
    assert.deepEqual(
      pc.points.map((p: { chase_h: number }) => p.chase_h),
      [2, 6, 24],
    );
    const cat = JSON.parse(
      (await run("simulate", "--cell-line", "BT-474M1", "--experiment", "catabolite", "--times", "6h,1d", "--json"))
        .out,
    );
    assert.deepEqual(
      cat.points.map((p: { time_h: number }) => p.time_h),
      [6, 24],
    );
    const ecd = await run("simulate", "--cell-line", "SK-BR-3", "--experiment", "shed-ecd", "--time", "72h");
    assert.match(ecd.out, /shedEcd_ng_per_mL/);
  });

  const bad: [string, string[], RegExp][] = [
    [
      "unknown cell line",
      ["--cell-line", "HeLa"],
      /--cell-line: unknown cell line 'HeLa' \(expected one of SK-BR-3, BT-474, BT-474M1, NCI-N87, KPL-4, MDA-MB-361, JIMT-1, MCF-7\)/,
    ],
    [
      "unknown mechanism",
      ["--cell-line", "SK-BR-3", "--mechanism", "magic=2"],
      /unknown mechanism 'magic' \(expected one of her2-loss, .*survival-signalling\)/,
    ],
    ["strength 0", ["--cell-line", "SK-BR-3", "--mechanism", "her2-loss=0"], /positive fold change/],
    ["negative strength", ["--cell-line", "SK-BR-3", "--mechanism", "her2-loss=-3"], /positive fold change/],
    ["missing strength", ["--cell-line", "SK-BR-3", "--mechanism", "her2-loss"], /needs a strength/],
    ["negative dose", ["--cell-line", "SK-BR-3", "--doses", "1,-2nM"], /--doses: concentration cannot be negative/],
    ["time 0", ["--cell-line", "SK-BR-3", "--time", "0h"], /--time: duration must be positive/],
    ["negative time", ["--cell-line", "SK-BR-3", "--time", "-5h"], /--time: duration must be positive/],
    [
      "unknown drug",
      ["--cell-line", "SK-BR-3", "--drug", "aspirin"],
      /unknown drug 'aspirin' \(expected one of T-DM1, trastuzumab, free-DM1, paclitaxel, vinblastine\)/,
    ],
    [
      "unknown inhibitor",
      ["--cell-line", "SK-BR-3", "--inhibitor", "foo=1uM"],
      /expected one of verapamil, tariquidar, MK-571, Ko143/,
    ],
    [
      "unknown experiment",
      ["--cell-line", "SK-BR-3", "--experiment", "western"],
      /expected one of viability, pulse-chase/,
    ],
  ];
  for (const [what, args, re] of bad) {
    it(`bad input (${what}): one line naming the valid choices, exit 2`, async () => {
      const r = await run("simulate", ...args);
      assert.equal(r.code, 2);
      assert.equal(r.out, "");
      assert.equal(r.err.trim().split("\n").length, 1, r.err);
      assert.match(r.err, re);
    });
  }

  it("writes no CSV when the input is bad", async () => {
    const dir = mkdtempSync(join(tmpdir(), "adclab-sim-"));
    try {
      const csv = join(dir, "x.csv");
      const r = await run("simulate", "--cell-line", "SK-BR-3", "--time", "0h", "--csv", csv);
      assert.equal(r.code, 2);
      assert.equal(existsSync(csv), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a CSV that cannot be written is a one-line input error naming --csv and the file; nothing is left", async () => {
    const dir = mkdtempSync(join(tmpdir(), "adclab-sim-"));
    try {
      const csv = join(dir, "no-such-folder", "x.csv");
      const r = await run("simulate", "--cell-line", "SK-BR-3", "--csv", csv);
      assert.equal(r.code, 2);
      assert.equal(r.err, `adclab: --csv: cannot write the CSV file (ENOENT) (got ${JSON.stringify(csv)})\n`);
      assert.deepEqual(readdirSync(dir), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
