#!/usr/bin/env node
// Type-checks each TypeScript project. packages/core has its own config with no ambient
// types (no node:*, no DOM), so an import of node:fs there is a type error.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const projects = ["packages/core/tsconfig.json", "tsconfig.json", "apps/web/tsconfig.json"].filter((p) =>
  existsSync(root + p),
);
const tsc = `${root}node_modules/typescript/bin/tsc`;
const results = await Promise.all(
  projects.map(
    (p) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [tsc, "--noEmit", "-p", p], { cwd: root });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (out += d));
        child.on("close", (code) => resolve({ p, code, out }));
      }),
  ),
);
let failed = false;
for (const { p, code, out } of results) {
  if (code === 0) console.log(`typecheck ${p}: ok`);
  else {
    failed = true;
    console.log(`typecheck ${p}: FAILED\n${out}`);
  }
}
process.exit(failed ? 1 : 0);
