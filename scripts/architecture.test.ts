import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { checkPackage, checkWorkspace, importsOf, packageOf, readWorkspace } from "./architecture.ts";

const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

describe("workspace architecture", () => {
  it("has the packages of docs/design.md §2", () => {
    const names = readWorkspace(root)
      .map((p) => p.name)
      .sort();
    for (const n of [
      "@adclab/cli",
      "@adclab/core",
      "@adclab/db",
      "@adclab/jobs",
      "@adclab/report",
      "@adclab/server",
      "@adclab/web",
    ]) {
      assert.ok(names.includes(n), `missing ${n}`);
    }
  });

  it("every import in the repository respects apps → packages → core", () => {
    const v = checkWorkspace(root);
    assert.deepEqual(v, [], v.map((x) => `${x.file}:${x.line} ${x.specifier}: ${x.reason}`).join("\n"));
  });

  it("reads import forms: static, type-only, re-export, dynamic, require; ignores comments", () => {
    const src = [
      `import a from "a";`,
      `import type { B } from "@s/b/sub";`,
      `export * from "./c.ts";`,
      `const d = await import("d");`,
      `const e = require("e");`,
      `// import x from "commented";`,
      `/* import y from "block"; */`,
    ].join("\n");
    assert.deepEqual(
      importsOf(src).map((i) => i.specifier),
      ["a", "@s/b/sub", "./c.ts", "d", "e"],
    );
    assert.equal(packageOf("@s/b/sub"), "@s/b");
    assert.equal(packageOf("lodash/fp"), "lodash");
  });

  describe("a core module that imports outside core is caught", () => {
    const tmp = mkdtempSync(join(tmpdir(), "adclab-arch-"));
    const dir = join(tmp, "packages", "core");
    mkdirSync(join(dir, "src"), { recursive: true });
    const core = { name: "@adclab/core", dir, layer: "core" as const, deps: new Set<string>() };
    const db = {
      name: "@adclab/db",
      dir: join(tmp, "packages", "db"),
      layer: "package" as const,
      deps: new Set<string>(),
    };
    const probe = (code: string) => {
      writeFileSync(join(dir, "src", "probe.ts"), code);
      return checkPackage(core, [core, db], tmp).map((v) => v.reason);
    };
    it("node:fs", () => assert.match(probe(`import { readFileSync } from "node:fs";`)[0] ?? "", /no Node built-ins/));
    it("a bare built-in (path)", () => assert.match(probe(`import path from "path";`)[0] ?? "", /no Node built-ins/));
    it("another workspace package", () =>
      assert.match(probe(`import { openDb } from "@adclab/db";`)[0] ?? "", /core may not depend on package/));
    it("an undeclared npm package", () => assert.match(probe(`import x from "lodash";`)[0] ?? "", /not declared/));
    it("a relative path out of the package", () =>
      assert.match(probe(`import x from "../../apps/cli/src/main.ts";`)[0] ?? "", /leaves/));
    it("but a test file may use node:test", () => {
      writeFileSync(join(dir, "src", "probe.ts"), "export const x = 1;");
      writeFileSync(join(dir, "src", "x.test.ts"), `import { it } from "node:test";`);
      assert.deepEqual(checkPackage(core, [core, db], tmp), []);
      rmSync(tmp, { recursive: true, force: true });
    });
  });

  it("core's tsconfig makes `import 'node:fs'` a type error (no ambient Node or DOM types)", () => {
    const probeDir = join(root, "packages", "core", `.typecheck-probe-${process.pid}`);
    mkdirSync(probeDir, { recursive: true });
    try {
      writeFileSync(
        join(probeDir, "probe.ts"),
        `import { readFileSync } from "node:fs";\nexport const f = readFileSync;\n`,
      );
      writeFileSync(join(probeDir, "dom.ts"), `export const w = document.title;\n`);
      writeFileSync(
        join(probeDir, "tsconfig.json"),
        JSON.stringify({ extends: "../tsconfig.json", include: ["./*.ts"], exclude: [] }),
      );
      let output = "";
      try {
        execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", probeDir], {
          encoding: "utf8",
        });
      } catch (e) {
        output = String((e as { stdout?: string }).stdout ?? "");
      }
      assert.match(output, /probe\.ts.*Cannot find (module|name) 'node:fs'/);
      assert.match(output, /dom\.ts.*Cannot find name 'document'/);
    } finally {
      rmSync(probeDir, { recursive: true, force: true });
    }
  });
});
