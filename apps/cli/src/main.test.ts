import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { memoryIo } from "./io.ts";
import { main } from "./main.ts";

const root = new URL("../../..", import.meta.url).pathname;

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("adclab CLI frame", () => {
  it("--help lists the registered subcommands", async () => {
    const r = await run("--help");
    assert.equal(r.code, 0);
    for (const c of ["start", "serve", "convert"]) assert.match(r.out, new RegExp(`\\n\\s+${c}\\b`));
  });
  it("each subcommand has --help", async () => {
    const r = await run("convert", "--help");
    assert.equal(r.code, 0);
    assert.match(r.out, /--to <unit>/);
  });
  it("a bad flag gives one line on stderr and exit code 2", async () => {
    const r = await run("--bogus");
    assert.equal(r.code, 2);
    assert.equal(r.err, "adclab: unknown option '--bogus' (see 'adclab --help')\n");
    assert.equal(r.out, "");
  });
  it("an unknown command is exit 2 with a suggestion", async () => {
    const r = await run("convrt");
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown command 'convrt'/);
    assert.match(r.err, /convert/);
  });
  it("bad input is one line and exit 2, no stack unless --debug", async () => {
    const r = await run("convert", "10ug/mL", "--to", "nM");
    assert.equal(r.code, 2);
    assert.equal(r.err.trim().split("\n").length, 1);
    assert.match(r.err, /^adclab: <quantity>: cannot convert µg\/mL to molar without a molecular weight/);
    const d = await run("--debug", "convert", "10ug/mL", "--to", "nM");
    assert.equal(d.code, 2);
    assert.match(d.err, /\n\s+at /);
  });
  it("convert prints text, and JSON with --json", async () => {
    const t = await run("convert", "10ug/mL", "--to", "nM", "--compound", "T-DM1");
    assert.equal(t.code, 0);
    assert.match(t.out, /^10 µg\/mL = 67\.34 nM/);
    const j = await run("convert", "1nM", "--to", "ng/mL", "--compound", "T-DM1", "--json");
    const parsed = JSON.parse(j.out);
    assert.equal(parsed.output.unit, "ng/mL");
    assert.ok(Math.abs(parsed.output.value - 148.5) < 1e-9);
    assert.equal(parsed.molecularWeight_g_per_mol, 148500);
  });
  it("convert rejects unknown units and compounds with the valid choices", async () => {
    const u = await run("convert", "1nM", "--to", "furlong");
    assert.equal(u.code, 2);
    assert.match(u.err, /--to: unknown unit 'furlong' \(expected M, mM/);
    const c = await run("convert", "1nM", "--to", "ng/mL", "--compound", "aspirin");
    assert.equal(c.code, 2);
    assert.match(c.err, /unknown compound 'aspirin' \(expected T-DM1, trastuzumab/);
  });
  it("start --demo-terminal prints the demo, and JSON with --json", async () => {
    const t = await run("start", "--demo-terminal");
    assert.equal(t.code, 0);
    assert.match(t.out, /Protocol 1 pulse: 10 µg\/mL T-DM1 = 67\.34 nM/);
    assert.match(t.out, /KPL-4/);
    const j = JSON.parse((await run("start", "--demo-terminal", "--json")).out);
    assert.equal(j.seedTable.length, 5);
  });
  it("the installed bin (npx adclab) runs as a separate process with the same exit codes", () => {
    const bin = `${root}node_modules/.bin/adclab`;
    const ok = spawnSync(bin, ["--help"], { encoding: "utf8" });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /Usage: adclab/);
    const bad = spawnSync(bin, ["--nope"], { encoding: "utf8" });
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, "adclab: unknown option '--nope' (see 'adclab --help')\n");
  });
  it("a reader that closes the pipe early (adclab … | head -1) is not an error", () => {
    const bin = `${root}node_modules/.bin/adclab`;
    const r = spawnSync("sh", ["-c", `"${bin}" model describe | head -1`], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /EPIPE|Error/);
    assert.equal(r.stdout.trim().split("\n").length, 1);
  });
});
