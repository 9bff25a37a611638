/**
 * The web page bundles @adclab/analyses/tables with Vite, so nothing it loads may import a Node
 * module (nor the package's Node-only parts, such as @adclab/report/node). Follows every value
 * import from index.ts; `import type` is erased from the bundle and is not followed.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { it } from "node:test";

const VALUE_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^;]*?\sfrom\s+)?["']([^"']+)["']/gm;

it("the tables entry loads no Node module, directly or through what it imports", () => {
  const start = new URL("./index.ts", import.meta.url).pathname;
  const seen = new Set<string>();
  const bare: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, "utf8").matchAll(VALUE_IMPORT)) {
      if (spec!.startsWith(".")) visit(join(dirname(file), spec!));
      else bare.push(`${file.slice(file.indexOf("src/"))}: ${spec}`);
    }
  };
  visit(start);
  assert.ok(seen.size >= 4, "follows the barrel into its modules");
  // Only @adclab/core's browser-safe entry would be acceptable; today nothing outside the package.
  assert.deepEqual(
    bare.filter((b) => !/: @adclab\/core$/.test(b)),
    [],
  );
});
