/**
 * Where the built web app is, and building it when it is missing (a fresh clone has no
 * apps/web/dist: `npm install && npm start` must still work). The build runs Vite in apps/web.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** apps/web, found through the workspace link rather than a relative path out of this package. */
export function webAppDir(): string {
  return dirname(fileURLToPath(import.meta.resolve("@adclab/web/package.json")));
}

export function webDistDir(): string {
  return join(webAppDir(), "dist");
}

/**
 * Newest modification time of the app's sources (src/, index.html, vite.config.ts) and of the
 * workspace packages it bundles (packages/<name>/src: a changed contract or table builder changes
 * the page too).
 */
function newestSource(webDir: string): number {
  let newest = 0;
  const visit = (p: string) => {
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p)) visit(join(p, e));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of ["src", "index.html", "vite.config.ts"]) if (existsSync(join(webDir, p))) visit(join(webDir, p));
  const packages = join(webDir, "..", "..", "packages");
  if (existsSync(packages)) {
    for (const name of readdirSync(packages))
      if (existsSync(join(packages, name, "src"))) visit(join(packages, name, "src"));
  }
  return newest;
}

/** Builds apps/web when dist/ is missing or older than its sources (so a pull never serves a stale app). */
export function ensureWebBuild(log: (line: string) => void): string {
  const dist = webDistDir();
  const webDir = webAppDir();
  const index = join(dist, "index.html");
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource(webDir)) return dist;
  const require = createRequire(join(webDir, "package.json"));
  const vitePkgPath = require.resolve("vite/package.json");
  const vitePkg = JSON.parse(readFileSync(vitePkgPath, "utf8")) as { bin: Record<string, string> };
  const viteBin = join(dirname(vitePkgPath), vitePkg.bin.vite!);
  log("building the web app (sources changed or first start)…");
  const r = spawnSync(process.execPath, [viteBin, "build", "--logLevel", "warn"], { cwd: webDir, stdio: "inherit" });
  if (r.status !== 0 || !existsSync(join(dist, "index.html"))) {
    throw new Error(`the web app build failed (vite exited with ${r.status})`);
  }
  return dist;
}
