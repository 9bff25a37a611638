/**
 * The dependency rule of the workspace, checked from the sources:
 *   apps → packages → core, and core imports nothing but itself and its declared pure deps.
 * Each package declares its layer ("adclab": {"layer": "core" | "package" | "app"}) and its
 * dependencies in package.json; every import must agree with both.
 * Inside a package, folders point one way too (FOLDER_RULES below): no import cycle between the
 * top-level folders of packages/core/src or apps/server/src, and core's folders in CORE_LAYERS order.
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
  /(?<![\w.])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']|(?<![\w.])(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g;

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

/**
 * Inside a package: each top-level folder of src/ (and each top-level file) is a node; an import
 * from a file in folder A of a file in folder B is an edge A → B. Test files and test helpers are
 * left out (a test may reach across). `layers`, lowest first, is the allowed order: a node may
 * import only nodes on a lower line, never one on its own line or above, so the graph cannot have
 * a cycle; every node must be on a line, so a new folder is placed on purpose. Without `layers`
 * only cycles are rejected. The package's barrel (`src/index.ts`) is the top: nothing inside the
 * package may import it.
 */
export interface FolderRule {
  /** the package's folder, from the repository root: "packages/core" */
  dir: string;
  layers?: readonly (readonly string[])[];
}

/**
 * The layers of packages/core/src, lowest first. Read it as the core's table of layering: a
 * folder builds only on the lines above it. A new folder goes on the line of the highest folder
 * it imports, plus one.
 */
export const CORE_LAYERS: readonly (readonly string[])[] = [
  ["version.ts", "errors", "random", "linalg"], // the version, InputError, the seeded generator, dense linear algebra
  ["units", "stats", "ode"], // concentrations and durations; distributions and tests; the stiff solver
  ["knowledge", "coloc"], // the science as data; co-localization metrics over pixel arrays
  ["io", "model"], // parsers (into coloc's pixel arrays); the well model (knowledge + ode)
  ["fit", "qpcr", "sequencing"], // dose–response fitting (of io's tables); qPCR quantities and tests (of io's runs); Sanger reads (io's chromatograms) trimmed, aligned, called
  ["virtual-assays", "standard-curve"], // virtual assays (the model's read-outs, viability curves fitted by fit); standard curves (fit's fitter)
  ["calibration", "troubleshoot"], // fitted to IC50s; observations → mechanisms (knowledge, experiments)
  ["index.ts"], // the public barrel
];

export const FOLDER_RULES: readonly FolderRule[] = [
  { dir: "packages/core", layers: CORE_LAYERS },
  { dir: "apps/server" },
];

export interface FolderEdge {
  from: string;
  to: string;
  /** the first import that makes the edge, from the repository root */
  file: string;
  line: number;
  specifier: string;
}

/** The node of a path inside src/: its top-level folder, or the file itself when at the top. */
function nodeOf(src: string, path: string): string | undefined {
  const rel = relative(src, path);
  if (rel === "" || rel.startsWith("..") || rel.startsWith("/")) return undefined;
  return rel.split(/[\\/]/)[0];
}

export function folderEdges(root: string, dir: string): FolderEdge[] {
  const src = join(root, dir, "src");
  const edges = new Map<string, FolderEdge>();
  for (const file of sourceFiles(src).sort()) {
    if (isTestFile(file)) continue;
    const from = nodeOf(src, file) as string;
    for (const { specifier, line } of importsOf(readFileSync(file, "utf8"))) {
      if (!specifier.startsWith(".")) continue;
      const to = nodeOf(src, resolve(dirname(file), specifier));
      if (to === undefined || to === from) continue;
      const key = `${from}\0${to}`;
      if (!edges.has(key)) edges.set(key, { from, to, file: relative(root, file), line, specifier });
    }
  }
  return [...edges.values()];
}

/** The nodes of each strongly connected component with more than one node (Tarjan). */
export function cyclesOf(edges: readonly FolderEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return out;
}

/** One shortest cycle through the component's first node, as its edges. */
function cycleThrough(component: readonly string[], edges: readonly FolderEdge[]): FolderEdge[] {
  const inside = new Set(component);
  const start = component[0] as string;
  const via = new Map<string, FolderEdge>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift() as string;
    for (const e of edges) {
      if (e.from !== v || !inside.has(e.to)) continue;
      if (e.to === start) {
        const path = [e];
        for (let n = v; n !== start; n = (via.get(n) as FolderEdge).from) path.unshift(via.get(n) as FolderEdge);
        return path;
      }
      if (!via.has(e.to)) {
        via.set(e.to, e);
        queue.push(e.to);
      }
    }
  }
  return [];
}

export function checkFolders(root: string, rule: FolderRule): Violation[] {
  const violations: Violation[] = [];
  const edges = folderEdges(root, rule.dir);
  const src = `${rule.dir}/src`;
  for (const e of edges) {
    if (e.to === "index.ts") {
      violations.push({
        file: e.file,
        line: e.line,
        specifier: e.specifier,
        reason: `${src}/index.ts is the package's public barrel; inside the package import the file that defines the name`,
      });
    }
  }
  if (rule.layers) {
    const layerOf = new Map(rule.layers.flatMap((names, i) => names.map((n) => [n, i] as const)));
    const nodes = readdirSync(join(root, src), { withFileTypes: true })
      .filter((e) => !e.name.startsWith("."))
      .filter((e) =>
        e.isDirectory()
          ? sourceFiles(join(root, src, e.name)).some((f) => !isTestFile(f))
          : /\.(ts|tsx|mts|mjs|js)$/.test(e.name) && !isTestFile(e.name),
      )
      .map((e) => e.name);
    for (const n of nodes.sort()) {
      if (!layerOf.has(n)) {
        violations.push({
          file: `${src}/${n}`,
          line: 0,
          specifier: n,
          reason: `${n} is on no line of the layers of ${src} (scripts/architecture.ts): place it above the folders it imports`,
        });
      }
    }
    for (const e of edges) {
      const a = layerOf.get(e.from);
      const b = layerOf.get(e.to);
      if (a === undefined || b === undefined || b < a) continue;
      violations.push({
        file: e.file,
        line: e.line,
        specifier: e.specifier,
        reason:
          b === a
            ? `${e.from} and ${e.to} are on the same line of the layers of ${src}: neither may import the other`
            : `${e.from} may not import ${e.to}, a higher layer of ${src} (the order is in scripts/architecture.ts)`,
      });
    }
  }
  for (const component of cyclesOf(edges)) {
    const cycle = cycleThrough(component, edges);
    const first = cycle[0] as FolderEdge;
    violations.push({
      file: first.file,
      line: first.line,
      specifier: first.specifier,
      reason: `import cycle between folders of ${src}: ${[...cycle.map((e) => e.from), first.from].join(" → ")} (${cycle
        .map((e) => `${e.file}:${e.line} imports "${e.specifier}"`)
        .join(
          "; ",
        )})${component.length > cycle.length ? `; the cycle's component also holds ${component.filter((n) => !cycle.some((e) => e.from === n)).join(", ")}` : ""}`,
    });
  }
  return violations;
}

export function checkFolderRules(root: string, rules: readonly FolderRule[] = FOLDER_RULES): Violation[] {
  return rules.flatMap((r) => checkFolders(root, r));
}
