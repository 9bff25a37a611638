/**
 * Starting the workbench server: open (and migrate) the database, check the bind address, create
 * the first administrator in server mode, and listen. Returns a handle that closes everything.
 */
import { existsSync, readdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { InputError } from "@adclab/core";
import { LOCAL_ACTOR, openDb, Store } from "@adclab/db";
import { serve } from "@hono/node-server";
import { createComputePool } from "./analyses/compute-pool.ts";
import { createApp } from "./app.ts";
import { hashPassword } from "./auth/passwords.ts";
import { DEFAULT_MAX_UPLOAD_BYTES } from "./context.ts";
import { createDemoProject } from "./demo/demo-project.ts";
import { INTERRUPTED_MESSAGE, JobManager, type JobManagerOptions, STALE_JOB_SECONDS } from "./jobs/job-manager.ts";

/** The workbench's default port (documented in the README and `adclab serve --help`). */
export const DEFAULT_PORT = 5174;
export const DEFAULT_DATA_DIR = ".adclab-data";

export interface StartOptions {
  port?: number;
  host?: string;
  /** Embedded database folder (ignored with databaseUrl). */
  dataDir?: string;
  /** postgres://… : a PostgreSQL server instead of the embedded database. */
  databaseUrl?: string;
  /** Login required, per-project access. Needed to listen on anything but loopback. */
  serverMode?: boolean;
  maxUploadBytes?: number;
  webDist?: string;
  /** First administrator, created when server mode starts with no users. */
  admin?: { username: string; password: string };
  /** Create the demo project when the embedded database folder is new (default true). */
  demo?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

export function checkBindAddress(host: string, serverMode: boolean): void {
  if (!LOOPBACK.has(host) && !serverMode) {
    throw new InputError(`refusing to listen on ${host} without server mode (login, per-project access)`, {
      field: "--host",
      expected: "127.0.0.1, or add --server-mode (or --database postgres://…) to require login",
    });
  }
}

export async function startServer(o: StartOptions = {}): Promise<RunningServer> {
  const host = o.host ?? "127.0.0.1";
  const serverMode = o.serverMode ?? o.databaseUrl !== undefined;
  checkBindAddress(host, serverMode);
  if (o.databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(o.databaseUrl)) {
    throw new InputError("not a PostgreSQL URL", { field: "--database", expected: "postgres://user@host:port/db" });
  }
  const dataDir = o.dataDir ?? DEFAULT_DATA_DIR;
  // A new data folder (absent or empty) gets the demo project once; a folder that has been
  // opened before never does, even if its demo project was deleted.
  const newDataFolder = !o.databaseUrl && (!existsSync(dataDir) || readdirSync(dataDir).length === 0);
  const db = await openDb(o.databaseUrl ? { kind: "postgres", url: o.databaseUrl } : { kind: "pglite", dir: dataDir });
  const compute = createComputePool(); // its threads start with the first heavy analysis
  const store = new Store(db.db);
  const jobs = new JobManager(store, testJobHold());
  try {
    // Analyses cut off by a crash are marked failed, never left "running" or given results.
    // Only the embedded database is owned by this one process; a PostgreSQL server may be shared
    // by several ADCLab servers, whose running analyses are not ours to end.
    if (db.kind === "pglite") await store.failAbandonedAnalyses(LOCAL_ACTOR);
    // Jobs a previous process left queued or running (it died without marking them) are told
    // interrupted. On a shared PostgreSQL server only those whose process has gone quiet.
    await store.interruptJobs({
      staleSeconds: db.kind === "pglite" ? 0 : STALE_JOB_SECONDS,
      message: INTERRUPTED_MESSAGE,
    });
    if (newDataFolder && !serverMode && (o.demo ?? true)) await createDemoProject(store);
    if (serverMode && (await store.countUsers()) === 0) {
      if (!o.admin) {
        throw new InputError("server mode needs a first administrator", {
          expected: "ADCLAB_ADMIN_USER and ADCLAB_ADMIN_PASSWORD in the environment on first start",
        });
      }
      await store.createUser(
        { userId: null, username: "setup" },
        { username: o.admin.username, passwordHash: await hashPassword(o.admin.password), isAdmin: true },
      );
    }
    const app = createApp({
      store,
      serverMode,
      maxUploadBytes: o.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
      webDist: o.webDist,
      database: db.kind,
      compute,
      jobs,
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, hostname: host, port: o.port ?? DEFAULT_PORT }, () => resolve(s));
      s.once("error", reject);
    });
    const port = (server.address() as AddressInfo).port;
    const shownHost = host.includes(":") ? `[${host}]` : host;
    return {
      url: `http://${shownHost}:${port}`,
      port,
      async close() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await jobs.close(); // running jobs: marked interrupted, their threads stopped
        await compute.close();
        await db.close();
      },
    };
  } catch (e) {
    await compute.close();
    await db.close();
    throw e;
  }
}

/**
 * The tests' hold on jobs (JobManagerOptions.holdAfterItems): only under the test runner
 * (ADCLAB_TEST=1) with ADCLAB_TEST_HOLD_JOB_ITEMS=N; says on stdout when the held progress is saved.
 */
function testJobHold(): JobManagerOptions {
  const n = Number(process.env.ADCLAB_TEST_HOLD_JOB_ITEMS);
  if (process.env.ADCLAB_TEST !== "1" || !Number.isInteger(n) || n < 0) return {};
  let said = false;
  return {
    holdAfterItems: n,
    onHeld: (id, done) => {
      if (said) return;
      said = true;
      console.log(`test hook: job ${id} held after ${done} items, progress saved`);
    },
  };
}
