/**
 * The dependency rule of the workspace, checked from the sources:
 *   apps → packages → core, and core imports nothing but itself and its declared pure deps.
 * Each package declares its layer ("adclab": {"layer": "core" | "package" | "app"}) and its
 * dependencies in package.json; every import must agree with both.
 */
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";

export type Layer = "core" | "package" | "app";

export interface WorkspacePackage {
  name: string;
  dir: string;
  layer: Layer;
  deps: Set<string>;
}

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  reason: string;
}

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const ALLOWED: Record<Layer, Layer[]> = { core: [], package: ["core", "package"], app: ["core", "package"] };
const IMPORT_RE =
  /(?:^|[^\w.])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']|(?:^|[^\w.])(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g;

export function readWorkspace(root: string): WorkspacePackage[] {
  const out: WorkspacePackage[] = [];
  for (const group of ["packages", "apps"]) {
    for (const e of readdirSync(join(root, group), { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const dir = join(root, group, e.name);
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      const layer = pkg.adclab?.layer as Layer | undefined;
      if (layer !== "core" && layer !== "package" && layer !== "app") {
        throw new Error(`${relative(root, dir)}/package.json: "adclab.layer" must be core, package or app`);
      }
      out.push({
        name: pkg.name,
        dir,
        layer,
        deps: new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]),
      });
    }
  }
  return out;
}

/** Package name of a bare specifier: "@scope/name/sub" → "@scope/name", "name/sub" → "name". */
export function packageOf(spec: string): string {
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
}

export function importsOf(source: string): { specifier: string; line: number }[] {
  const out: { specifier: string; line: number }[] = [];
  const text = source.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, " ")).replace(/\/\/[^\n]*/g, "");
  for (const m of text.matchAll(IMPORT_RE)) {
    const specifier = (m[1] ?? m[2]) as string;
    const line = text.slice(0, m.index).split("\n").length;
    out.push({ specifier, line });
  }
  return out;
}

function isTestFile(path: string): boolean {
  return /\.test\.tsx?$/.test(path) || /[\\/]test-helpers[\\/]/.test(path) || /[\\/]e2e[\\/]/.test(path);
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === "dist" || e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(e.name)) out.push(p);
  }
  return out;
}

export function checkPackage(pkg: WorkspacePackage, all: WorkspacePackage[], root: string): Violation[] {
  const byName = new Map(all.map((p) => [p.name, p]));
  const violations: Violation[] = [];
  for (const file of sourceFiles(join(pkg.dir, "src"))) {
    const test = isTestFile(file);
    const rel = relative(root, file);
    for (const { specifier, line } of importsOf(readFileSync(file, "utf8"))) {
      const v = (reason: string) => violations.push({ file: rel, line, specifier, reason });
      if (specifier.startsWith(".")) {
        const target = resolve(dirname(file), specifier);
        if (!target.startsWith(pkg.dir + "/") && target !== pkg.dir) v(`relative import leaves ${pkg.name}`);
        continue;
      }
      if (BUILTINS.has(specifier) || specifier.startsWith("node:")) {
        if (pkg.layer === "core" && !test) v("core must stay pure: no Node built-ins (I/O belongs outside core)");
        continue;
      }
      const name = packageOf(specifier);
      const target = byName.get(name);
      if (target) {
        if (target === pkg) v("a package imports itself by name; use a relative import");
        else if (!ALLOWED[pkg.layer].includes(target.layer)) {
          v(`${pkg.layer} may not depend on ${target.layer} (${name}); the direction is apps → packages → core`);
        } else if (!pkg.deps.has(name)) v(`${name} is not declared in ${pkg.name}'s package.json dependencies`);
        continue;
      }
      if (!pkg.deps.has(name) && !test) v(`${name} is not declared in ${pkg.name}'s package.json dependencies`);
    }
  }
  return violations;
}

export function checkWorkspace(root: string): Violation[] {
  const all = readWorkspace(root);
  return all.flatMap((p) => checkPackage(p, all, root));
}
