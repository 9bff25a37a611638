/**
 * A throwaway PostgreSQL server for tests: initdb into a temp folder, `postgres` on a free
 * loopback port, stopped and deleted by `stop()` (and on process exit, should a test crash).
 * Uses Debian's binaries under /usr/lib/postgresql/<major>/bin. PostgreSQL refuses to run as
 * root, so when we are root the server runs as the `postgres` system user.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface PostgresServer {
  url: string;
  version: string;
  stop(): Promise<void>;
}

const PG_ROOT = "/usr/lib/postgresql";

/** The newest installed server's bin folder, or undefined when PostgreSQL is not installed. */
export function findPostgresBin(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  const majors = readdirSync(PG_ROOT)
    .filter((d) => existsSync(join(PG_ROOT, d, "bin", "initdb")) && existsSync(join(PG_ROOT, d, "bin", "postgres")))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] === undefined ? undefined : join(PG_ROOT, majors[0], "bin");
}

export const POSTGRES_SKIP_REASON = `PostgreSQL server binaries not found under ${PG_ROOT}/*/bin (install Debian's 'postgresql'; .ci/run does)`;

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function systemUser(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
  return { uid, gid };
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(POSTGRES_SKIP_REASON);
  const dir = mkdtempSync(join(tmpdir(), "adclab-pg-"));
  const data = join(dir, "data");
  const asUser = process.getuid?.() === 0 ? systemUser("postgres") : undefined;
  if (asUser) chownSync(dir, asUser.uid, asUser.gid);
  let child: ChildProcess | undefined;
  const killOnExit = () => child?.kill("SIGKILL");
  const cleanup = () => {
    process.off("exit", killOnExit);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    execFileSync(
      join(bin, "initdb"),
      ["-D", data, "-U", "adclab", "--auth=trust", "--no-sync", "--encoding=UTF8", "--locale=C"],
      { stdio: "pipe", ...(asUser ?? {}) },
    );
    const port = await freeLoopbackPort();
    child = spawn(
      join(bin, "postgres"),
      ["-D", data, "-p", String(port), "-h", "127.0.0.1", "-k", dir, "-c", "fsync=off", "-c", "max_connections=60"],
      { stdio: ["ignore", "ignore", "pipe"], ...(asUser ?? {}) },
    );
    process.on("exit", killOnExit);
    let log = "";
    child.stderr?.on("data", (d) => {
      log += d;
    });
    const exited = new Promise<never>((_, reject) =>
      child?.once("exit", (code) => reject(new Error(`postgres exited (${code}): ${log.slice(-2000)}`))),
    );
    const url = `postgres://adclab@127.0.0.1:${port}/postgres`;
    const version = await Promise.race([waitReady(url), exited]);
    const running = child;
    return {
      url,
      version,
      async stop() {
        if (running.exitCode === null && running.signalCode === null) {
          const done = new Promise((r) => running.once("exit", r));
          running.kill("SIGINT"); // "fast" shutdown
          const timer = setTimeout(() => running.kill("SIGKILL"), 5000);
          await done;
          clearTimeout(timer);
        }
        cleanup();
      },
    };
  } catch (e) {
    child?.kill("SIGKILL");
    cleanup();
    throw e;
  }
}

async function waitReady(url: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const r = await client.query("show server_version");
      return String(r.rows[0].server_version);
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
}
