/**
 * The web page bundles @adclab/analyses (the contracts, the procedures) and its tables entry with
 * Vite, so nothing they load may import a Node module (nor the Node-only parts: @adclab/report/node
 * and this package's ./node.ts). Follows every value import from each entry; `import type` is
 * erased from the bundle and is not followed.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { it } from "node:test";

const VALUE_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^;]*?\sfrom\s+)?["']([^"']+)["']/gm;

/** The bare specifiers (packages) an entry loads, each with the file that loads it. */
function bareImports(entry: string): { files: number; bare: string[] } {
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
  visit(new URL(entry, import.meta.url).pathname);
  return { files: seen.size, bare };
}

it("the tables entry loads nothing but @adclab/core's entry", () => {
  const { files, bare } = bareImports("./tables/index.ts");
  assert.ok(files >= 4, "follows the barrel into its modules");
  assert.deepEqual(
    bare.filter((b) => !/: @adclab\/core$/.test(b)),
    [],
  );
});

it("the main entry loads no Node module and no Node-only entry", () => {
  const { files, bare } = bareImports("./index.ts");
  assert.ok(files >= 20, "follows the barrel into its modules");
  const packages = [...new Set(bare.map((b) => b.slice(b.indexOf(": ") + 2)))].sort();
  assert.deepEqual(packages, ["@adclab/core", "@adclab/report", "zod"]);
});
