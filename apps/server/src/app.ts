/**
 * The HTTP API as a Hono app: testable with app.request() without a socket. Routes are declared
 * with zod schemas, which validate requests and produce the OpenAPI 3.1 document at /openapi.json.
 */
import { ADCLAB_VERSION } from "@adclab/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import { type ComputePool, createComputePool } from "./analyses/compute-pool.ts";
import { authMiddleware } from "./auth/middleware.ts";
import type { App, AppEnv, ServerOptions } from "./context.ts";
import { errorResponse, HttpError, inputErrorFromZod, zodIssues } from "./errors.ts";
import { JobManager } from "./jobs/job-manager.ts";
import { registerAnalyses } from "./routes/analyses.ts";
import { registerAuth } from "./routes/auth.ts";
import { registerColoc } from "./routes/coloc.ts";
import { registerDoseResponseFigure } from "./routes/dose-response.ts";
import { registerExport } from "./routes/export.ts";
import { registerFiles } from "./routes/files.ts";
import { registerJobs } from "./routes/jobs.ts";
import { registerLibrary } from "./routes/library.ts";
import { registerMeta } from "./routes/meta.ts";
import { registerProjects } from "./routes/projects.ts";
import { registerSimulate } from "./routes/simulate.ts";
import { registerUnits } from "./routes/units.ts";
import { serveWeb } from "./static.ts";

/** Apps created without a compute pool (tests) share this one: its idle threads keep nothing alive. */
let sharedCompute: ComputePool | undefined;
function sharedComputePool(): ComputePool {
  sharedCompute ??= createComputePool();
  return sharedCompute;
}

/** Without `jobs` (tests), the app has a job manager of its own; startServer passes one it closes on stop. */
export function createApp(
  options: Omit<ServerOptions, "compute" | "jobs"> & {
    compute?: ComputePool;
    jobs?: JobManager;
    database: "pglite" | "postgres";
  },
): App {
  const o = {
    ...options,
    compute: options.compute ?? sharedComputePool(),
    jobs: options.jobs ?? new JobManager(options.store),
  };
  const app: App = new OpenAPIHono<AppEnv>({
    // A failed validation becomes the same one-line InputError the CLI prints, plus every issue.
    defaultHook: (result, c) => {
      if (!result.success) {
        const where = result.target === "json" ? "" : result.target;
        return c.json({ ...inputErrorFromZod(result.error, where).toJSON(), issues: zodIssues(result.error) }, 400);
      }
    },
  });
  app.onError(errorResponse);
  app.use("*", authMiddleware(o));
  registerMeta(app, o, o.database);
  registerAuth(app, o);
  registerProjects(app, o);
  registerExport(app, o);
  registerFiles(app, o);
  registerUnits(app);
  registerLibrary(app);
  registerAnalyses(app, o);
  registerColoc(app, o);
  registerDoseResponseFigure(app, o);
  registerSimulate(app, o);
  registerJobs(app, o);
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "ADCLab API",
      version: ADCLAB_VERSION,
      description:
        "Projects, experiments, raw files and analyses for T-DM1 / Lys-SMCC-DM1 resistance research. Errors are JSON with the same message the adclab CLI prints.",
    },
  });
  app.notFound((c) => {
    if (c.req.path.startsWith("/api/") || !o.webDist || c.req.method !== "GET") {
      return errorResponse(new HttpError(404, "not-found", `no route ${c.req.method} ${c.req.path}`), c);
    }
    return serveWeb(c, o.webDist);
  });
  return app;
}
