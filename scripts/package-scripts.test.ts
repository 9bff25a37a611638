import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";

const root = new URL("..", import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { scripts: Record<string, string> };

describe("root package.json scripts", () => {
  it("has start, test, typecheck, lint and bench", () => {
    for (const s of ["start", "test", "typecheck", "lint", "bench"]) assert.ok(pkg.scripts[s], `missing script ${s}`);
  });
  it("every file a script runs with node exists (a typo here breaks `npm start` on a fresh clone)", () => {
    for (const [name, cmd] of Object.entries(pkg.scripts)) {
      for (const m of cmd.matchAll(/\bnode\s+(?:--\S+\s+\S+\s+)*([\w./-]+\.(?:mjs|js|ts))/g)) {
        assert.ok(existsSync(root + m[1]), `script '${name}' runs ${m[1]}, which does not exist`);
      }
    }
  });
});
