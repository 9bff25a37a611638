/**
 * Analyses: run one directly (nothing stored), or run and store it in an experiment with its
 * inputs, options, ADCLab version and results; list, read and re-run stored ones.
 */
import { diagnoseContract } from "@adclab/analyses";
import { ADCLAB_VERSION } from "@adclab/core";
import type { Analysis } from "@adclab/db";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { contractDocumentSchema, registerContractSchemas } from "../analyses/contract-kind.ts";
import { ANALYSIS_KIND_NAMES, analysisKind } from "../analyses/kinds.ts";
import { requireExperiment } from "../auth/access.ts";
import type { App, AppEnv, ServerOptions } from "../context.ts";
import { notFound } from "../errors.ts";
import { AnalysisSchema, errorResponses, IdParam, json, jsonBody } from "../schemas.ts";

const Options = z
  .record(z.string(), z.unknown())
  .openapi({ description: 'e.g. { "draws": 400, "cellLine": "SK-BR-3" }' });
const RunRequest = z
  .object({
    kind: z.string().openapi({ example: "diagnose", description: `one of ${ANALYSIS_KIND_NAMES.join(", ")}` }),
    inputs: z.unknown().openapi({ description: "what the CLI reads from its file or arguments" }),
    options: Options.optional(),
  })
  .openapi("AnalysisRequest");
const Diagnosis = z
  .record(z.string(), z.unknown())
  .openapi("Diagnosis", { description: "the object `adclab diagnose --json` prints (DiagnoseResult)" });
/** The `diagnose` kind's inputs (its contract's document slot) are this request's body. */
const ObservationDoc = contractDocumentSchema(diagnoseContract).openapi("Observations");

const view = (a: Analysis) => ({
  ...a,
  createdAt: a.createdAt.toISOString(),
  finishedAt: a.finishedAt ? a.finishedAt.toISOString() : null,
});

async function runStored(
  c: Context<AppEnv>,
  { store, compute }: ServerOptions,
  experimentId: string,
  kind: string,
  inputs: unknown,
  options: Record<string, unknown>,
) {
  const prepared = await analysisKind(kind).prepare(inputs, options, { store, experimentId, compute }); // bad input: 400, nothing written
  const actor = c.get("actor");
  const row = await store.createAnalysis(actor, {
    experimentId,
    kind,
    inputs: (prepared.inputs === undefined ? inputs : prepared.inputs) ?? null,
    options,
    adclabVersion: ADCLAB_VERSION,
  });
  let finished: Analysis | undefined;
  try {
    finished = await store.finishAnalysis(actor, row.id, { status: "done", results: await prepared.run() });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    finished = await store.finishAnalysis(actor, row.id, { status: "failed", error: { message } });
  }
  return view(finished ?? row);
}

export function registerAnalyses(app: App, o: ServerOptions) {
  const tags = ["analyses"];
  // The diagnose kind's Inputs (the observation document), Options and Result.
  registerContractSchemas(app, diagnoseContract);
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/analyses/diagnose",
      tags,
      summary: "Troubleshooter: rank mechanisms, evidence and the next experiment (as `adclab diagnose --json`)",
      request: { body: jsonBody(ObservationDoc) },
      responses: { 200: json(Diagnosis, "The diagnosis"), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      const prepared = await analysisKind("diagnose").prepare(
        c.req.valid("json"),
        {},
        { store: o.store, experimentId: null, compute: o.compute },
      );
      return c.json((await prepared.run()) as Record<string, unknown>, 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/experiments/{id}/analyses",
      tags,
      summary: "Run an analysis and keep it with its inputs, options, ADCLab version and results",
      request: { params: IdParam, body: jsonBody(RunRequest) },
      responses: { 201: json(AnalysisSchema, "Stored (status done, or failed with the error)"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await requireExperiment(c, o, id, "write");
      const body = c.req.valid("json");
      return c.json(await runStored(c, o, id, body.kind, body.inputs, body.options ?? {}), 201);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/experiments/{id}/analyses",
      tags,
      summary: "An experiment's analyses",
      request: { params: IdParam },
      responses: { 200: json(z.array(AnalysisSchema), "Analyses"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await requireExperiment(c, o, id, "read");
      return c.json((await o.store.listAnalyses(id)).map(view), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/analyses/{id}",
      tags,
      summary: "One stored analysis",
      request: { params: IdParam },
      responses: { 200: json(AnalysisSchema, "The analysis"), ...errorResponses },
    }),
    async (c) => {
      const a = await o.store.getAnalysis(c.req.valid("param").id);
      if (!a) throw notFound("analysis");
      await requireExperiment(c, o, a.experimentId, "read");
      return c.json(view(a), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/analyses/{id}/rerun",
      tags,
      summary:
        "Run a stored analysis again with the same inputs and options (this ADCLab version); the old one is kept",
      request: { params: IdParam },
      responses: { 201: json(AnalysisSchema, "The new analysis"), ...errorResponses },
    }),
    async (c) => {
      const a = await o.store.getAnalysis(c.req.valid("param").id);
      if (!a) throw notFound("analysis");
      await requireExperiment(c, o, a.experimentId, "write");
      return c.json(
        await runStored(c, o, a.experimentId, a.kind, a.inputs, (a.options ?? {}) as Record<string, unknown>),
        201,
      );
    },
  );
}
