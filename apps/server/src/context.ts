/** What every route handler can reach: the store, the mode, the acting user, the limits. */
import type { Actor, Store, User } from "@adclab/db";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ComputePool } from "./analyses/compute-pool.ts";
import type { JobManager } from "./jobs/job-manager.ts";

export interface ServerOptions {
  store: Store;
  /** Server mode: login required, per-project access enforced. Off = embedded single-user mode. */
  serverMode: boolean;
  /** Largest accepted upload, in bytes. */
  maxUploadBytes: number;
  /** The built web app (apps/web/dist); omitted = API only. */
  webDist?: string;
  /** The worker threads that compute single analyses (fits, co-localization, diagnose, simulate). */
  compute: ComputePool;
  /** Long work (batches, sweeps) on worker threads, each job a row in the database. */
  jobs: JobManager;
}

export interface AppEnv {
  Variables: {
    actor: Actor;
    /** The logged-in user (server mode only). */
    user?: User;
  };
}

export type App = OpenAPIHono<AppEnv>;

export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
