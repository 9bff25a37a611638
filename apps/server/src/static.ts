/**
 * Serves the built web app (apps/web/dist): files by path, index.html for any other page path
 * (client-side routing). Paths are resolved inside the folder only.
 */
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { Context } from "hono";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

export async function serveWeb(c: Context, dist: string): Promise<Response> {
  const rel = normalize(safeDecode(c.req.path)).replace(/^([/\\])+/, "");
  const candidate = join(dist, rel);
  const inside = candidate === dist || candidate.startsWith(dist.endsWith(sep) ? dist : dist + sep);
  const file = inside && rel !== "" && (await isFile(candidate)) ? candidate : join(dist, "index.html");
  if (!(await isFile(file))) {
    return c.text("The web app is not built: run `npm run build -w @adclab/web` (npm start builds it).", 503);
  }
  const type = TYPES[extname(file)] ?? "application/octet-stream";
  // Vite fingerprints asset names, so they can be cached; index.html must not be.
  const cache = file.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache";
  return c.body(new Uint8Array(await readFile(file)), 200, { "content-type": type, "cache-control": cache });
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/** A malformed escape (e.g. "%E0%A4%A") is not an error page: it simply names no file. */
function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return "/";
  }
}
