/** Request and response schemas shared by the routes; they become the OpenAPI 3.1 document. */
import { z } from "@hono/zod-openapi";

export const ErrorSchema = z
  .object({
    error: z.string().openapi({ example: "input" }),
    message: z.string().openapi({ example: "--to: unknown unit 'furlong' (expected M, mM, µM, nM, …)" }),
    problem: z.string().optional(),
    field: z.string().optional(),
    file: z.string().optional(),
    row: z.number().optional(),
    column: z.union([z.string(), z.number()]).optional(),
    expected: z.string().optional(),
    got: z.string().optional(),
  })
  .openapi("Error");

const errorContent = { "application/json": { schema: ErrorSchema } };
export const errorResponses = {
  400: { description: "Bad input: the same message the CLI prints", content: errorContent },
  401: { description: "Login required (server mode)", content: errorContent },
  403: { description: "No access to this project", content: errorContent },
  404: { description: "Not found", content: errorContent },
} as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const IdParam = z.object({
  id: z.uuid({ error: "not an id" }).openapi({ param: { name: "id", in: "path" }, format: "uuid" }),
});

const name = z.string().trim().min(1, "must not be empty").max(200, "at most 200 characters");
const description = z.string().max(10_000, "at most 10000 characters");

export const ProjectInput = z.object({ name, description: description.optional() }).openapi("ProjectInput");
export const ProjectPatch = z
  .object({ name: name.optional(), description: description.optional() })
  .openapi("ProjectPatch");
export const ExperimentInput = ProjectInput.openapi("ExperimentInput");
export const ExperimentPatch = ProjectPatch.openapi("ExperimentPatch");

const isoTime = z.string().openapi({ format: "date-time" });

export const ProjectSchema = z
  .object({ id: z.string(), name: z.string(), description: z.string(), createdAt: isoTime })
  .openapi("Project");
export const ExperimentSchema = z
  .object({ id: z.string(), projectId: z.string(), name: z.string(), description: z.string(), createdAt: isoTime })
  .openapi("Experiment");
export const RawFileSchema = z
  .object({
    id: z.string(),
    experimentId: z.string(),
    originalName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string().openapi({ description: "SHA-256 of the bytes as uploaded (hex)" }),
    createdAt: isoTime,
  })
  .openapi("RawFile");

export const AnalysisSchema = z
  .object({
    id: z.string(),
    experimentId: z.string(),
    kind: z.string(),
    inputs: z.unknown(),
    options: z.unknown(),
    adclabVersion: z.string(),
    status: z.enum(["pending", "running", "done", "failed"]),
    results: z.unknown(),
    error: z.unknown(),
    createdAt: isoTime,
    finishedAt: isoTime.nullable(),
  })
  .openapi("Analysis");

export const JobSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    projectId: z.string(),
    experimentId: z.string(),
    submittedBy: z.string().openapi({ description: 'who submitted it ("local" in embedded mode)' }),
    inputs: z.unknown().openapi({ description: "the request's inputs as submitted (file ids, never file contents)" }),
    options: z.record(z.string(), z.unknown()),
    status: z.enum(["queued", "running", "done", "failed", "cancelled", "interrupted"]).openapi({
      description:
        "done: every item succeeded and the result is stored (analysisId); failed, cancelled, interrupted (the server stopped while it ran): nothing was stored",
    }),
    progress: z.object({ done: z.number().int(), total: z.number().int(), message: z.string() }).openapi({
      description: "as last saved (at most once a second) when another server process runs the job",
    }),
    threads: z.number().int().openapi({ description: "worker threads alive now" }),
    analysisId: z.string().nullable().openapi({ description: "the stored analysis, once done" }),
    error: z
      .object({ message: z.string(), input: z.boolean().openapi({ description: "the input was at fault" }) })
      .nullable()
      .openapi({ description: "why it failed or was interrupted" }),
    createdAt: isoTime,
    updatedAt: isoTime.openapi({ description: "the last write of the process running it (progress, heartbeat)" }),
    finishedAt: isoTime.nullable(),
  })
  .openapi("Job");

/** Dates leave the API as ISO 8601 strings. */
export function withIsoDates<T extends { createdAt: Date }>(row: T): Omit<T, "createdAt"> & { createdAt: string } {
  return { ...row, createdAt: row.createdAt.toISOString() };
}
