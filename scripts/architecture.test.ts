import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  CORE_LAYERS,
  checkFolderRules,
  checkFolders,
  checkPackage,
  checkWorkspace,
  cyclesOf,
  type FolderEdge,
  importsOf,
  packageOf,
  readWorkspace,
} from "./architecture.ts";

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

  it("inside core and the server, folders import one way: no cycles, core in the order of CORE_LAYERS", () => {
    const v = checkFolderRules(root);
    assert.deepEqual(v, [], v.map((x) => `${x.file}:${x.line} ${x.specifier}: ${x.reason}`).join("\n"));
  });

  it("CORE_LAYERS places every folder of core once", () => {
    const placed = CORE_LAYERS.flat();
    assert.equal(new Set(placed).size, placed.length);
    assert.deepEqual(
      checkFolders(root, { dir: "packages/core", layers: CORE_LAYERS }).filter((x) => x.line === 0),
      [],
    );
  });

  it("finds each cycle once, as the nodes of its component", () => {
    const e = (from: string, to: string): FolderEdge => ({ from, to, file: `${from}.ts`, line: 1, specifier: to });
    assert.deepEqual(cyclesOf([e("a", "b"), e("b", "c"), e("c", "a"), e("c", "d"), e("d", "e")]), [["a", "b", "c"]]);
    assert.deepEqual(cyclesOf([e("a", "b"), e("b", "c"), e("a", "c")]), []);
  });

  describe("a folder cycle inside a package is caught, with its files and lines", () => {
    const tmp = mkdtempSync(join(tmpdir(), "adclab-arch-folders-"));
    const src = join(tmp, "packages", "core", "src");
    const write = (path: string, code: string) => {
      mkdirSync(join(src, path, ".."), { recursive: true });
      writeFileSync(join(src, path), code);
    };
    write("alpha/a.ts", `import { InputError } from "../errors/input-error.ts";\nexport const a = 1;\n`);
    write("alpha/b.ts", `export const x = 1;\n\nimport { c } from "../beta/c.ts";\nexport const b = c;\n`);
    write("beta/c.ts", `// the way back\nimport { a } from "../alpha/a.ts";\nexport const c = a;\n`);
    write("errors/input-error.ts", `export class InputError extends Error {}\n`);
    write("alpha/a.test.ts", `import { c } from "../beta/c.ts";\n`);
    write("index.ts", `export { a } from "./alpha/a.ts";\n`);
    const rule = { dir: "packages/core" };
    const messages = () => checkFolders(tmp, rule).map((v) => `${v.file}:${v.line} ${v.reason}`);

    it("alpha → beta → alpha, named by file and line of each import (tests do not count)", () => {
      const m = messages();
      assert.equal(m.length, 1, m.join("\n"));
      assert.match(m[0] ?? "", /import cycle between folders of packages\/core\/src: alpha → beta → alpha/);
      assert.match(m[0] ?? "", /packages\/core\/src\/alpha\/b\.ts:3 imports "\.\.\/beta\/c\.ts"/);
      assert.match(m[0] ?? "", /packages\/core\/src\/beta\/c\.ts:2 imports "\.\.\/alpha\/a\.ts"/);
    });

    it("with layers, the import that goes up is named, and a folder on no line", () => {
      const v = checkFolders(tmp, { dir: "packages/core", layers: [["errors"], ["beta"], ["alpha"], ["index.ts"]] });
      const m = v.map((x) => `${x.file}:${x.line} ${x.reason}`);
      assert.ok(
        m.some((x) => /^packages\/core\/src\/beta\/c\.ts:2 beta may not import alpha, a higher layer/.test(x)),
        m.join("\n"),
      );
      assert.ok(m.some((x) => /alpha → beta → alpha/.test(x)));
      const unplaced = checkFolders(tmp, { dir: "packages/core", layers: [["errors", "alpha", "beta"]] });
      assert.ok(unplaced.some((x) => /index\.ts is on no line of the layers/.test(x.reason)));
      assert.ok(unplaced.some((x) => /alpha and beta are on the same line/.test(x.reason)));
    });

    it("an import of the package's own barrel from inside", () => {
      write("beta/c.ts", `import { a } from "../index.ts";\nexport const c = a;\n`);
      const m = messages();
      assert.ok(
        m.some((x) => /^packages\/core\/src\/beta\/c\.ts:1 .*public barrel/.test(x)),
        m.join("\n"),
      );
    });

    it("and without the way back, nothing", () => {
      write("beta/c.ts", `export const c = 2;\n`);
      assert.deepEqual(messages(), []);
      rmSync(tmp, { recursive: true, force: true });
    });
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
    assert.deepEqual(
      importsOf(src).map((i) => i.line),
      [1, 2, 3, 4, 5],
      "the line of the import itself, not of the line break before it",
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
