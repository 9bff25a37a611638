/**
 * Captured outputs: `node --import tsx scripts/capture/capture.ts` compares every case with its
 * baseline and lists the differences; `--update` rewrites the baseline (scripts/capture/README.md
 * says when that is legitimate). `--cli` / `--api` limit it to one face.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { captureApi } from "./api-cases.ts";
import { apiBaseline, BASELINE, cliBaseline, firstDifference, prepareProcess, runCliCase } from "./capture-lib.ts";
import { CLI_CASES } from "./cli-cases.ts";

const args = process.argv.slice(2);
const update = args.includes("--update");
const faces = args.includes("--cli") || args.includes("--api") ? args : ["--cli", "--api"];

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Compares (or, with --update, writes) one face's renderings; returns the number of differences. */
function settle(face: string, got: Map<string, string>, path: (name: string) => string): number {
  const dir = join(BASELINE, face);
  let differ = 0;
  if (update) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of got) writeFileSync(path(name), text);
    console.log(`${face}: wrote ${got.size} cases to scripts/capture/baseline/${face}/`);
    return 0;
  }
  for (const [name, text] of got) {
    const want = read(path(name));
    if (want === text) continue;
    differ++;
    console.log(`\n${face} ${name}: ${want === undefined ? "no baseline" : firstDifference(want, text)}`);
  }
  const known = new Set(got.keys());
  for (const f of readdirSync(dir)) {
    const name = f.replace(/\.txt$/, "");
    if (!known.has(name)) {
      differ++;
      console.log(`\n${face} ${name}: in the baseline but no longer a case`);
    }
  }
  console.log(`${face}: ${got.size} cases, ${differ} differ`);
  return differ;
}

prepareProcess();
let differ = 0;
const t0 = process.cpuUsage();
if (faces.includes("--cli")) {
  const got = new Map<string, string>();
  for (const c of CLI_CASES) got.set(c.name, await runCliCase(c));
  differ += settle("cli", got, cliBaseline);
}
if (faces.includes("--api")) {
  const { cases, openapi } = await captureApi();
  differ += settle("api", cases, apiBaseline);
  const file = join(BASELINE, "openapi.json");
  if (update) writeFileSync(file, openapi);
  else if (read(file) !== openapi)
    console.log("openapi.json differs from scripts/capture/baseline/openapi.json (not an error; review the diff)");
}
const cpu = process.cpuUsage(t0);
console.log(`CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
process.exitCode = differ ? 1 : 0;
