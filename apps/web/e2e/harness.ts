/**
 * What every browser test needs: a workbench server of its own (its own embedded database in a
 * temp folder, a free loopback port), Debian's Chromium driven by playwright-core with the
 * machine's headless flags, console errors collected per page, the CLI run as a user would run it,
 * and a folder for screenshots (test-artifacts/web/, git-ignored).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
// Headless flags from the machine notes: without the background-networking ones Chromium keeps
// trying to reach Google's hosts, which this closed network refuses.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const root = fileURLToPath(new URL("../../..", import.meta.url));
export const artifacts = join(root, "test-artifacts", "web");
const serverMain = fileURLToPath(import.meta.resolve("@adclab/server/main"));

/** Why the browser tests are skipped, or undefined when Chromium is installed. */
export const skipWithoutChromium = existsSync(CHROMIUM)
  ? undefined
  : `${CHROMIUM} not found (install Debian's 'chromium'; .ci/run does)`;

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

export function startWorkbench(
  dataDir: string,
  port: number,
  extraArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", serverMain, "--port", String(port), "--data", dataDir, ...extraArgs],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } },
  );
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d;
      const m = /workbench on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`workbench server exited (${code}): ${out}`)));
  });
}

/** What the CLI prints for the same input (a separate process, as a user would run it). */
export function cli(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, "node_modules/.bin/adclab"), args, { cwd: root });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.once("error", reject);
    child.once("close", () => resolve((out || err).trim()));
  });
}

export interface Workbench {
  url: string;
  tmp: string;
  page: Page;
  browser: Browser;
  /** Console errors and uncaught page errors, "URL: message". */
  consoleErrors: string[];
  /** Stops the server (SIGTERM, as Ctrl-C) and starts it again on the same data folder and port. */
  restartServer(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A server on a fresh data folder and one Chromium page on it (viewport 1280×900); `env` adds to
 * the server's environment (e.g. ADCLAB_ADMIN_USER / ADCLAB_ADMIN_PASSWORD for server mode).
 */
export async function openWorkbench(
  extraServerArgs: string[] = [],
  o: { env?: Record<string, string> } = {},
): Promise<Workbench> {
  const tmp = mkdtempSync(join(tmpdir(), "adclab-web-"));
  mkdirSync(artifacts, { recursive: true });
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const stopServer = async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      const t = setTimeout(() => server!.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(t);
    }
  };
  const close = async () => {
    await browser?.close();
    await stopServer();
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    const start = () => startWorkbench(join(tmp, "data"), port, extraServerArgs, o.env);
    const started = await start();
    server = started.child;
    const restartServer = async () => {
      await stopServer();
      server = (await start()).child;
    };
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
    return { url: started.url, tmp, page, browser, consoleErrors, restartServer, close };
  } catch (e) {
    await close();
    throw e;
  }
}
