#!/usr/bin/env node
// Runs the benchmarks in bench/ (each bench/*.bench.ts is a script that prints its own
// report, with the reference measured in the same run). `npm run bench -- name` runs one.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const filters = process.argv.slice(2);
const files = readdirSync(`${root}bench`)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
if (files.length === 0) {
  console.log("run-bench: no benchmarks matched");
  process.exit(0);
}
let status = 0;
for (const f of files) {
  console.log(`\n=== bench/${f} ===`);
  const r = spawnSync(process.execPath, ["--import", "tsx", `bench/${f}`], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) status = 1;
}
process.exit(status);
