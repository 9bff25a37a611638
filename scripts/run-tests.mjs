#!/usr/bin/env node
// Runs every *.test.ts / *.test.tsx in the workspace with node's test runner.
// Node 20 does not expand globs in `node --test`, so the files are listed here explicitly.
// Usage: node scripts/run-tests.mjs [path-filter ...]   (filters are substrings of the path)
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const SKIP = new Set(["node_modules", "dist", ".git", "test-artifacts", "bench"]);

function find(dir, out) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) find(p, out);
    else if (/\.test\.tsx?$/.test(e.name)) out.push(relative(root, p));
  }
  return out;
}

const filters = process.argv.slice(2);
const files = ["packages", "apps", "scripts"]
  .flatMap((d) => find(join(root, d), []))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
if (files.length === 0) {
  console.error("run-tests: no test files matched");
  process.exit(1);
}
const concurrency = Math.max(2, availableParallelism());
const r = spawnSync(process.execPath, ["--import", "tsx", "--test", `--test-concurrency=${concurrency}`, ...files], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, ADCLAB_TEST: "1" },
});
process.exit(r.status ?? 1);
