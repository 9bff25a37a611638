/**
 * Jobs: long work (a co-localization batch over uploaded images with a design table, a batch of
 * fits, a mechanism-strength sweep) on worker threads. Submit, list, poll progress, fetch the
 * stored result, cancel. Jobs are rows in the database, so they are still there after a restart.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireExperiment } from "../auth/access.ts";
import type { App, AppEnv, ServerOptions } from "../context.ts";
import { HttpError, notFound } from "../errors.ts";
import { BATCH_KINDS } from "../jobs/batch-kinds.ts";
import { INTERRUPTED_MESSAGE } from "../jobs/job-manager.ts";
import { AnalysisSchema, errorResponses, IdParam, JobSchema, json, jsonBody } from "../schemas.ts";

const JobRequest = z
  .object({
    kind: z.string().openapi({ example: "coloc-batch", description: `one of ${Object.keys(BATCH_KINDS).join(", ")}` }),
    inputs: z.unknown().openapi({
      description:
        'coloc-batch: { "design": FILE_ID } (names in the design table are this experiment\'s uploads); fit-batch: { "files": [FILE_ID, …] }',
    }),
    options: z.record(z.string(), z.unknown()).optional().openapi({
      description:
        "coloc-batch: the coloc options plus reference, metric, workers; fit-batch: model, normalize, compare, reversal, unit, mw, workers",
    }),
  })
  .openapi("JobRequest");

const conflict = { description: "Not possible in the job's state", content: errorResponses[400].content };

export function registerJobs(app: App, o: ServerOptions) {
  const jobs = o.jobs;
  const tags = ["jobs"];
  const readable = async (c: Context<AppEnv>, id: string, need: "read" | "write") => {
    const job = await jobs.get(id);
    if (!job) throw notFound("job");
    await requireExperiment(c, o, job.experimentId, need);
    return job;
  };
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/experiments/{id}/jobs",
      tags,
      summary: "Start a long analysis on worker threads; poll GET /api/jobs/{id}",
      request: { params: IdParam, body: jsonBody(JobRequest) },
      responses: {
        202: json(JobSchema, "Started"),
        ...errorResponses,
        503: { description: "The server is stopping", content: errorResponses[400].content },
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await requireExperiment(c, o, id, "write");
      const body = c.req.valid("json");
      return c.json(await jobs.submit(c.get("actor"), id, body.kind, body.inputs, body.options ?? {}), 202);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/experiments/{id}/jobs",
      tags,
      summary: "The experiment's jobs, oldest first: running, finished, failed, cancelled and interrupted",
      request: { params: IdParam },
      responses: { 200: json(z.array(JobSchema), "The jobs"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await requireExperiment(c, o, id, "read");
      return c.json(await jobs.list(id), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/jobs/{id}",
      tags,
      summary: "A job's status and progress (done / total, message)",
      request: { params: IdParam },
      responses: { 200: json(JobSchema, "The job"), ...errorResponses },
    }),
    async (c) => c.json(await readable(c, c.req.valid("param").id, "read"), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/jobs/{id}/cancel",
      tags,
      summary: "Cancel a running job: its worker threads stop and nothing is stored",
      request: { params: IdParam },
      responses: { 200: json(JobSchema, "Cancelled"), ...errorResponses, 409: conflict },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await readable(c, id, "write");
      return c.json(await jobs.cancel(id), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/jobs/{id}/result",
      tags,
      summary: "The analysis a finished job stored (inputs with SHA-256, options, ADCLab version, results)",
      request: { params: IdParam },
      responses: { 200: json(AnalysisSchema, "The stored analysis"), ...errorResponses, 409: conflict },
    }),
    async (c) => {
      const job = await readable(c, c.req.valid("param").id, "read");
      if (job.status !== "done" || !job.analysisId) {
        throw new HttpError(
          409,
          "conflict",
          job.status === "running" || job.status === "queued"
            ? "the job is still running"
            : job.status === "interrupted"
              ? `the job was interrupted: ${INTERRUPTED_MESSAGE}`
              : `the job ${job.status}${job.error ? `: ${job.error.message}` : ""}; nothing was stored`,
        );
      }
      const a = await o.store.getAnalysis(job.analysisId);
      if (!a) throw notFound("analysis");
      return c.json(
        { ...a, createdAt: a.createdAt.toISOString(), finishedAt: a.finishedAt ? a.finishedAt.toISOString() : null },
        200,
      );
    },
  );
}
